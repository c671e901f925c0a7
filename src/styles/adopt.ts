/**
 * Styles that arrive later, with a code-split part of a widget (a view, a mode's tools), added to
 * the widget's shadow root once: as adopted stylesheets, or — in a browser without constructable
 * stylesheets — as `<style>` elements carrying `window.litNonce` (Lit's `adoptStyles`), so a strict
 * Content-Security-Policy with a nonce still lets them in.
 */
import { adoptStyles, type CSSResult } from 'lit';

const added = new WeakMap<ShadowRoot, Set<CSSResult>>();

export function addStyles(root: ShadowRoot | null, styles: CSSResult[]): void {
  if (!root) return;
  let done = added.get(root);
  if (!done) added.set(root, (done = new Set()));
  const fresh = styles.filter((s) => !done.has(s));
  if (!fresh.length) return;
  for (const s of fresh) done.add(s);
  adoptStyles(root, [...(root.adoptedStyleSheets ?? []), ...fresh]);
}
