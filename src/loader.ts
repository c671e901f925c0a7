/**
 * The self-registering entry (`dist/cdn/hyeondap.js`, the one `<script type="module">` editors
 * paste). It is a small loader, not the widgets: it watches the page for our tags and fetches a
 * widget's code (a code-split chunk beside this file, with Lit and the shared data layer in chunks
 * of their own) only when its tag first appears, so a page pays only for the widgets it uses.
 *
 * - `<hd-provider>` loads at once (it renders nothing and its children wait for its value).
 * - A widget loads when it comes near the viewport (within about two screens), so widgets below
 *   the fold fetch neither code nor data until the reader scrolls towards them. Until then it
 *   keeps the space its skeleton will take (see `reserve`), so nothing on the page jumps.
 * - Tags added later (by a CMS, a SPA, `innerHTML`) are found by one MutationObserver on the
 *   document. Tags inside another component's shadow root cannot be seen from here: import
 *   `hyeondap-widgets/define/hd-…` for those (or call `load('hd-…')` from this module).
 * - A second copy of this file on the page (another version a partner included) is harmless:
 *   the copies share one record of what is loading, so each widget's code is fetched once;
 *   whichever copy defines a tag first owns it; the ContextRoot is attached once per document.
 *
 * No globals on `window`: the page-level state is two `Symbol.for` keys on the document (the
 * ContextRoot's marker and the shared record of loads) and one stylesheet appended to
 * `document.adoptedStyleSheets` that styles our not-yet-defined tags only.
 */
import { attachContextRoot } from './context/context-root.js';
import { reserveCss } from './reserve.js';

const widgets = {
  'hd-forum-calendar': () => import('./define/hd-forum-calendar.js'),
  'hd-signup-form': () => import('./define/hd-signup-form.js'),
  'hd-idea-wall': () => import('./define/hd-idea-wall.js'),
  'hd-result-summary': () => import('./define/hd-result-summary.js'),
  // The operator tools: a chunk each, fetched only by a page that has their tags (the console).
  'hd-forum-editor': () => import('./define/hd-forum-editor.js'),
  'hd-results-editor': () => import('./define/hd-results-editor.js'),
} as const;
const modules: Record<string, () => Promise<unknown>> = { ...widgets, 'hd-provider': () => import('./define/hd-provider.js') };
const TAGS = Object.keys(modules);
const SELECTOR = TAGS.join(',');

/**
 * How far outside the viewport a widget starts loading: two screens (on a phone about 1,700 px,
 * in the range browsers use for lazy images). At one screen, a reader scrolling down a slow phone
 * reached a long widget (a signup form is several screens tall) before its code and data had
 * come, and the page below it jumped as it grew (the partner demo on a phone: CLS 0.86).
 */
const NEAR = '200% 0px';

/**
 * Loads in progress or done, per tag, shared by every copy of this loader on the page (kept on
 * the document under a `Symbol.for` key, like the ContextRoot's marker): a second copy waits for
 * the first one's chunk instead of fetching its own.
 */
const LOADS = Symbol.for('hyeondap.loads');
const started: Map<string, Promise<unknown>> = ((document as Document & { [LOADS]?: Map<string, Promise<unknown>> })[LOADS] ??= new Map());

/**
 * Loads (once) and defines the element for `tag`; resolves when it is defined. Safe to call for
 * a tag another copy of the library already defined.
 */
export function load(tag: string): Promise<unknown> {
  let pending = started.get(tag);
  if (!pending) {
    const importer = modules[tag];
    if (!importer) return Promise.reject(new Error(`Unknown Hyeondap element: <${tag}>`));
    pending = customElements.get(tag) ? Promise.resolve() : importer().then(() => customElements.whenDefined(tag));
    started.set(tag, pending);
    pending.catch((error: unknown) => {
      started.delete(tag); // a failed chunk (offline) may be retried when the tag shows up again
      console.error(`[hyeondap] could not load <${tag}>:`, error);
    });
  }
  return pending;
}

let near: IntersectionObserver | undefined;
const watching = new WeakSet<Element>();

function onNear(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const tag = entry.target.localName;
    for (const el of document.querySelectorAll(tag)) near!.unobserve(el);
    void load(tag);
  }
}

function found(el: Element): void {
  const tag = el.localName;
  if (customElements.get(tag) || started.has(tag) || watching.has(el)) return;
  if (tag === 'hd-provider' || typeof IntersectionObserver === 'undefined') {
    void load(tag);
    return;
  }
  watching.add(el);
  (near ??= new IntersectionObserver(onNear, { rootMargin: NEAR })).observe(el);
}

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(SELECTOR)) found(root);
  for (const el of root.querySelectorAll(SELECTOR)) found(el);
}

/**
 * Space for a widget before its code arrives (src/reserve.ts), so the page does not jump when the
 * element upgrades. A page that links `hyeondap.css` has it from the first paint already.
 */
function reserve(): void {
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !document.adoptedStyleSheets) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(reserveCss());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

attachContextRoot();
reserve();
scan(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
}).observe(document.documentElement, { childList: true, subtree: true });
