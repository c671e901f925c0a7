/**
 * Attaches one `ContextRoot` to the document, so widgets that upgrade before their
 * `<hd-provider>` still receive its value once it upgrades. Called by `define/context-root.ts`,
 * which the CDN entry imports before any element is defined.
 *
 * One per document, even when two copies of the bundle are loaded (a second root would replay
 * every pending request twice). The marker is a registered symbol on the document, not a
 * global name.
 */
import { ContextRoot } from '@lit/context';

const ROOT_MARK = Symbol.for('hyeondap.context-root');

export function attachContextRoot(doc: Document = document): boolean {
  const marked = doc as Document & { [ROOT_MARK]?: boolean };
  if (marked[ROOT_MARK]) return false;
  marked[ROOT_MARK] = true;
  new ContextRoot().attach(doc.documentElement);
  return true;
}

