/**
 * The CDN entry: lets widgets that upgrade before their `<hd-provider>` still receive its value
 * (the ContextRoot comes first, before any element is defined), then registers every public
 * element. The operator tools (`<hd-forum-editor>`, `<hd-results-editor>`) are not here, so a
 * public site that imports this does not carry them: import their `define/` modules, or use the
 * loader (it fetches them when their tags appear). Exports nothing; creates no globals.
 */
import './define/context-root.js';
import './define/hd-provider.js';
import './define/hd-idea-wall.js';
import './define/hd-forum-calendar.js';
import './define/hd-result-summary.js';
import './define/hd-signup-form.js';
