/**
 * The long wall's list: only the cards in view are rendered (`@lit-labs/virtualizer`). A chunk of
 * its own, fetched the first time a wall reaches `VIRTUALIZE_FROM` ideas, so the many walls that
 * never do (a table's phone, a small forum) do not download it. The flow layout is imported here
 * too, so the virtualizer arrives in one request rather than fetching its layout afterwards.
 */
import type { TemplateResult } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';

export function virtualList<T>(items: readonly T[], key: (item: T) => unknown, render: (item: T) => TemplateResult): DirectiveResult {
  return virtualize({ items: items as T[], keyFunction: key, renderItem: render, layout: flow() });
}

/** What on a card takes the keyboard. */
const CONTROLS = 'button,select,input';

/**
 * Call as the virtualizer swaps in for the plain list: it draws the cards anew a frame or so
 * later, which would drop the keyboard, so the control that has it goes back to the same place on
 * the same idea's card. Watches a few frames while the focus stays in the wall (or is lost), never
 * once the person has moved on.
 */
export function keepFocus(root: ShadowRoot): void {
  const active = root.activeElement;
  const card = active?.closest<HTMLElement>('[data-id]');
  if (!card) return;
  const id = CSS.escape(card.dataset.id!);
  const i = [...card.querySelectorAll(CONTROLS)].indexOf(active!);
  const watch = (tries: number) => {
    const inside = root.activeElement;
    const lost = !inside && document.activeElement === document.body;
    const control = lost && root.querySelector(`[data-id="${id}"]`)?.querySelectorAll<HTMLElement>(CONTROLS)[i];
    if (control) control.focus();
    else if (tries && (inside || lost)) requestAnimationFrame(() => watch(tries - 1));
  };
  watch(30);
}
