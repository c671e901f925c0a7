/**
 * The live demo forum's history as events, shared by the server's seed loader (which writes them
 * to the event log) and the Storybook fake backend, so both replay the same ids and order. Pure.
 */
import type { components } from '../../src/api/schema.d.ts';
import type { SeedForum, SeedIdea } from './types.ts';

const utc = (t: string): string => new Date(t).toISOString();

export interface LiveEventRow {
  ms: number;
  type: components['schemas']['LiveEventType'];
  data: Record<string, unknown>;
}

/**
 * The live forum's events in the order they happened. Ideas appear as created (uncategorised,
 * visible), then one `idea.updated` / `idea.merged` brings each moderated idea to its final
 * state; every dot is a `vote.changed` with the running total.
 */
export function liveEvents(f: SeedForum): LiveEventRow[] {
  type Step = { ms: number; rank: number; run: () => LiveEventRow | null };
  const steps: Step[] = [];
  const votes = new Map<string, number>();
  const state = new Map<string, { category: string | null; status: string; mergedInto: string | null; pinned: boolean; promoted: boolean; updatedAt: string }>();
  const ideaById = new Map(f.ideas.map((i) => [i.id, i]));
  const json = (i: SeedIdea) => {
    const s = state.get(i.id)!;
    return {
      id: i.id,
      forumId: f.id,
      text: i.text,
      table: i.table,
      category: s.category,
      votes: votes.get(i.id) ?? 0,
      status: s.status,
      mergedInto: s.mergedInto,
      pinned: s.pinned,
      promoted: s.promoted,
      createdAt: utc(i.createdAt),
      updatedAt: s.updatedAt,
    };
  };

  let joined = 0;
  const perTable = new Map<number, number>();
  for (const p of f.participants) {
    steps.push({
      ms: Date.parse(p.joinedAt),
      rank: 0,
      run: () => {
        joined++;
        const n = (perTable.get(p.table) ?? 0) + 1;
        perTable.set(p.table, n);
        return { ms: Date.parse(p.joinedAt), type: 'participants.changed', data: { participants: joined, table: p.table, tableParticipants: n } };
      },
    });
  }
  for (const i of f.ideas) {
    const created = Date.parse(i.createdAt);
    const updated = Date.parse(i.updatedAt);
    const moderated = updated > created;
    steps.push({
      ms: created,
      rank: 1,
      run: () => {
        state.set(
          i.id,
          moderated
            ? { category: null, status: 'visible', mergedInto: null, pinned: false, promoted: false, updatedAt: utc(i.createdAt) }
            : { category: i.category, status: i.status, mergedInto: i.mergedInto, pinned: i.pinned, promoted: i.promoted, updatedAt: utc(i.updatedAt) },
        );
        return { ms: created, type: 'idea.created', data: json(i) };
      },
    });
    if (!moderated) continue;
    steps.push({
      ms: updated,
      rank: 2,
      run: () => {
        state.set(i.id, { category: i.category, status: i.status, mergedInto: i.mergedInto, pinned: i.pinned, promoted: i.promoted, updatedAt: utc(i.updatedAt) });
        if (i.status === 'merged' && i.mergedInto) {
          const into = ideaById.get(i.mergedInto);
          if (!into || !state.has(into.id)) return null;
          state.get(into.id)!.updatedAt = utc(i.updatedAt);
          return { ms: updated, type: 'idea.merged', data: { from: json(i), into: json(into) } };
        }
        return { ms: updated, type: 'idea.updated', data: json(i) };
      },
    });
  }
  for (const v of f.votes) {
    const ms = Date.parse(v.createdAt);
    steps.push({
      ms,
      rank: 3,
      run: () => {
        const n = (votes.get(v.ideaId) ?? 0) + 1;
        votes.set(v.ideaId, n);
        return { ms, type: 'vote.changed', data: { ideaId: v.ideaId, votes: n } };
      },
    });
  }
  steps.sort((a, b) => a.ms - b.ms || a.rank - b.rank);
  const out: LiveEventRow[] = [];
  for (const s of steps) {
    const e = s.run();
    if (e) out.push(e);
  }
  return out;
}

