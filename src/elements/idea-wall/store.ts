/**
 * The wall's ideas, kept so that every live event costs O(1) in the number of ideas:
 *
 * - one `Map` by id holds each idea with the id of the newest event (or list page) it reflects,
 *   so a late event never overwrites a newer state (and a replayed one is a no-op);
 * - every change bumps `version`; sorted and filtered views are NOT maintained incrementally
 *   but recomputed lazily, at most once per `version`, i.e. once per rendered frame (the wall
 *   renders at most once per animation frame however many events arrived). A burst of 1 000
 *   vote events is then 1 000 map writes and one O(n log n) sort of the visible ideas — which
 *   stays simpler and, at 5 000 ideas, cheaper than keeping a balanced tree in order.
 */
import type { Idea } from '../../api/types.js';

export type SortOrder = 'newest' | 'votes';

export interface ViewQuery {
  sort: SortOrder;
  /** 0 = every table. */
  table: number;
  /** `null` = every category; `''` = uncategorised. */
  category: string | null;
  promotedOnly: boolean;
  /** Facilitators also see hidden ideas (never merged ones). */
  includeHidden: boolean;
}

export interface TableTally {
  ideas: number;
  votes: number;
}

const newestFirst = (a: Idea, b: Idea) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1);

export function compareIdeas(sort: SortOrder): (a: Idea, b: Idea) => number {
  return (a, b) => Number(b.pinned) - Number(a.pinned) || (sort === 'votes' ? b.votes - a.votes : 0) || newestFirst(a, b);
}

export class IdeaStore {
  #items = new Map<string, { idea: Idea; v: number }>();
  #version = 0;
  #cache = new Map<string, { version: number; list: Idea[] }>();
  #derived: { version: number; tallies: Map<number, TableTally>; merged: Map<string, number> } | undefined;

  get size(): number {
    return this.#items.size;
  }
  get(id: string): Idea | undefined {
    return this.#items.get(id)?.idea;
  }

  /** The event id an idea's state reflects (-1 when unknown). */
  versionOf(id: string): number {
    return this.#items.get(id)?.v ?? -1;
  }

  /** Puts an idea as of event (or page) `v`; ignored when a newer state is known. Returns whether it was new. */
  put(idea: Idea, v: number): boolean {
    const cur = this.#items.get(idea.id);
    if (cur && cur.v > v) return false;
    this.#items.set(idea.id, { idea, v });
    this.#version++;
    return !cur;
  }

  /** Sets an idea's vote count as of event `v` (`vote.changed`). */
  setVotes(id: string, votes: number, v: number): void {
    const cur = this.#items.get(id);
    if (!cur || cur.v > v || cur.idea.votes === votes) return;
    this.#items.set(id, { idea: { ...cur.idea, votes }, v });
    this.#version++;
  }

  /** A local (optimistic) change of an idea's votes, without an event id. */
  bump(id: string, delta: number): void {
    const cur = this.#items.get(id);
    if (!cur) return;
    this.#items.set(id, { idea: { ...cur.idea, votes: Math.max(0, cur.idea.votes + delta) }, v: cur.v });
    this.#version++;
  }

  /** Replaces everything with a fresh list (after a reset or a poll) taken at event `v`. */
  replace(ideas: readonly Idea[], v: number): void {
    const next = new Map<string, { idea: Idea; v: number }>();
    for (const idea of ideas) {
      const cur = this.#items.get(idea.id);
      next.set(idea.id, cur && cur.v > v ? cur : { idea, v });
    }
    this.#items = next;
    this.#version++;
  }

  /** The ideas a query shows, sorted; recomputed only when something changed. */
  view(q: ViewQuery): Idea[] {
    const key = `${q.sort}|${q.table}|${q.category}|${q.promotedOnly}|${q.includeHidden}`;
    const hit = this.#cache.get(key);
    if (hit && hit.version === this.#version) return hit.list;
    const list: Idea[] = [];
    for (const { idea } of this.#items.values()) {
      if (idea.status === 'merged' || (idea.status === 'hidden' && !q.includeHidden)) continue;
      if (q.table && idea.table !== q.table) continue;
      if (q.category !== null && (idea.category ?? '') !== q.category) continue;
      if (q.promotedOnly && !idea.promoted) continue;
      list.push(idea);
    }
    list.sort(compareIdeas(q.sort));
    if (this.#cache.size > 8) this.#cache.clear();
    this.#cache.set(key, { version: this.#version, list });
    return list;
  }

  /** Visible ideas and their votes per table (the plenary roll-up). */
  tallies(): Map<number, TableTally> {
    return this.#derive().tallies;
  }

  /** How many ideas were merged into this one. */
  mergedInto(id: string): number {
    return this.#derive().merged.get(id) ?? 0;
  }

  #derive() {
    if (this.#derived?.version === this.#version) return this.#derived;
    const tallies = new Map<number, TableTally>();
    const merged = new Map<string, number>();
    for (const { idea } of this.#items.values()) {
      if (idea.mergedInto) merged.set(idea.mergedInto, (merged.get(idea.mergedInto) ?? 0) + 1);
      if (idea.status !== 'visible') continue;
      const t = tallies.get(idea.table) ?? { ideas: 0, votes: 0 };
      t.ideas++;
      t.votes += idea.votes;
      tallies.set(idea.table, t);
    }
    return (this.#derived = { version: this.#version, tallies, merged });
  }
}
