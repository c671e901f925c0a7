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
