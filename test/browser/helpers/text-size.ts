/**
 * The README promises no text below 16 px at default zoom. `smallText` walks every text node a
 * widget draws (through its shadow root and any nested ones) and names those a reader sees at a
 * smaller computed size. Text that is not drawn (`display: none`, `hidden`, `visibility: hidden`)
 * or only there for screen readers (the 1 px visually-hidden box) is skipped.
 */
export const MIN_TEXT_PX = 16;

function* textNodes(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) yield node;
    else if ((node as Element).shadowRoot) yield* textNodes((node as Element).shadowRoot!);
  }
}

/** Whether a reader sees this element's text (drawn, and not a visually-hidden 1 px box). */
function seen(el: Element): boolean {
  if (!el.checkVisibility({ visibilityProperty: true })) return false;
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const box = node.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1 && getComputedStyle(node).position === 'absolute') return false;
  }
  return true;
}

/** `<tag.class> 13px: text…` for every text node drawn below `MIN_TEXT_PX` inside `host`. */
export function smallText(host: Element): string[] {
  const found: string[] = [];
  for (const text of textNodes(host.shadowRoot ?? host)) {
    const words = text.data.replace(/\s+/g, ' ').trim();
    const el = text.parentElement;
    if (!words || !el || !seen(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < MIN_TEXT_PX - 0.01) {
      const cls = el.getAttribute('class')?.trim().split(/\s+/).join('.') ?? '';
      found.push(`<${el.localName}${cls ? '.' + cls : ''}> ${size}px: ${words.slice(0, 40)}`);
    }
  }
  return found;
}

/** How many text nodes a reader sees inside `host` (a walk that found nothing proves nothing). */
export function seenText(host: Element): number {
  let n = 0;
  for (const text of textNodes(host.shadowRoot ?? host)) if (text.data.trim() && text.parentElement && seen(text.parentElement)) n++;
  return n;
}
