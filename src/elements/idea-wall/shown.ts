/**
 * `ShownIdeas`: what the wall shows — the store's ideas through the person's filters and the
 * wall's sort, or, while the wall is paused, held still on what it showed then (what a facilitator
 * hides or merges still goes; a new filter is a new still picture). Computed once before each
 * render, after the element's own `willUpdate`.
 */
import type { ReactiveController } from 'lit';
import type { Idea } from '../../api/types.js';
import type { ViewQuery } from './store.js';
import type { WallHost } from './wall-context.js';
import type { WallData } from './wall-data.js';

/** The filters a person picks (the sort is the element's `sort`). */
export interface Filters {
  /** 0: every table. */
  table: number;
  /** `null`: every category; `''`: uncategorised. */
  category: string | null;
  promotedOnly: boolean;
}

export class ShownIdeas implements ReactiveController {
  readonly #host: WallHost;
  readonly #data: WallData;
  filters: Filters = { table: 0, category: null, promotedOnly: false };
  /** The ideas the wall shows, in order. */
  list: readonly Idea[] = [];
  /** While paused: what the wall showed then, and for which query. */
  #frozen: { list: Idea[]; query: string; whole: boolean } | undefined;

  constructor(host: WallHost, data: WallData) {
    this.#host = host;
    this.#data = data;
    host.addController(this);
  }

  /** Changes some filters (the wall re-renders). */
  filter(next: Partial<Filters>): void {
    this.filters = { ...this.filters, ...next };
    this.#host.requestUpdate();
  }

  /** The store's query for the filters and sort. */
  query(): ViewQuery {
    return { ...this.filters, sort: this.#host.sort === 'votes' ? 'votes' : 'newest', includeHidden: this.#data.facilitator };
  }

  hostUpdate(): void {
    const data = this.#data;
    const query = this.query();
    const view = data.store.view(query);
    if (!this.#host.paused) {
      this.#frozen = undefined;
      this.list = view;
      return;
    }
    const key = `${query.sort}|${query.table}|${query.category}|${query.promotedOnly}`;
    // Held still from the moment of pausing (or a new filter) — once the whole list is in, not on a first page.
    if (this.#frozen?.query !== key || !this.#frozen.whole) this.#frozen = { list: [...view], query: key, whole: data.complete };
    const facilitator = data.facilitator;
    this.list = this.#frozen.list.filter((idea) => {
      const status = data.store.get(idea.id)?.status;
      return status === 'visible' || (facilitator && status === 'hidden');
    });
  }
}
