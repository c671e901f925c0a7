/**
 * The CDN entry: registers every element and lets widgets that upgrade before their
 * `<hd-provider>` still receive its value. Exports nothing; creates no globals.
 */
import { ContextRoot } from '@lit/context';
import './define/hd-provider.js';

// One ContextRoot per document, even when two copies of the bundle are loaded: the second
// would replay every pending request twice. The marker is a registered symbol, not a name.
const ROOT_MARK = Symbol.for('hyeondap.context-root');
const doc = document as Document & { [ROOT_MARK]?: boolean };
if (!doc[ROOT_MARK]) {
  doc[ROOT_MARK] = true;
  new ContextRoot().attach(document.documentElement);
}
