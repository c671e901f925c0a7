/**
 * The wall's idea store on its own: every live event is one map write that a late or replayed
 * event cannot undo, and the sorted, filtered views and per-table tallies are recomputed only
 * after a change.
 */
import { expect } from '@open-wc/testing';
import type { Idea } from '../../../src/api/types.js';
import { IdeaStore, compareIdeas, type ViewQuery } from '../../../src/elements/idea-wall/store.js';

let clock = Date.parse('2026-05-01T10:00:00Z');
/** An idea as the server would send it, created a second after the previous one. */
function idea(id: string, fields: Partial<Idea> = {}): Idea {
  clock += 1000;
  return {
    id,
    forumId: 'f1',
    text: `제안 ${id}`,
    table: 1,
    category: null,
    votes: 0,
    status: 'visible',
    pinned: false,
    promoted: false,
    mergedInto: null,
    createdAt: new Date(clock).toISOString(),
    updatedAt: new Date(clock).toISOString(),
    ...fields,
  };
}

const all: ViewQuery = { sort: 'newest', table: 0, category: null, promotedOnly: false, includeHidden: false };
const ids = (list: readonly Idea[]) => list.map((i) => i.id);

describe('IdeaStore', () => {
  it('keeps the newest state of each idea: a late or replayed event changes nothing', () => {
    const store = new IdeaStore();
    expect(store.put(idea('a', { text: 'v5' }), 5)).to.equal(true);
    expect(store.put(idea('a', { text: 'v7' }), 7)).to.equal(false); // known: not new
    expect(store.put(idea('a', { text: 'v6' }), 6)).to.equal(false);
    expect(store.get('a')!.text).to.equal('v7');
    expect(store.versionOf('a')).to.equal(7);
    expect(store.versionOf('nope')).to.equal(-1);
    // The same version again (a replay of the event just applied) may write: it is the same state.
    store.put(idea('a', { text: 'v7 again' }), 7);
    expect(store.get('a')!.text).to.equal('v7 again');
    expect(store.size).to.equal(1);
  });

  it('sets vote counts from events in order, ignores older ones and unknown ideas', () => {
    const store = new IdeaStore();
    store.put(idea('a'), 10);
    store.setVotes('a', 3, 12);
    store.setVotes('a', 1, 11); // older than the count already known
    expect(store.get('a')!.votes).to.equal(3);
    expect(store.versionOf('a')).to.equal(12);
    store.setVotes('ghost', 5, 20);
    expect(store.get('ghost')).to.equal(undefined);
    expect(store.size).to.equal(1);
  });

  it('moves a dot at once without an event id, never below zero', () => {
    const store = new IdeaStore();
    store.put(idea('a', { votes: 1 }), 4);
    store.bump('a', 1);
    expect(store.get('a')!.votes).to.equal(2);
    expect(store.versionOf('a')).to.equal(4); // a later event still wins
    store.bump('a', -5);
    expect(store.get('a')!.votes).to.equal(0);
    store.setVotes('a', 7, 5);
    expect(store.get('a')!.votes).to.equal(7);
    store.bump('missing', 1); // nothing to move
    expect(store.size).to.equal(1);
  });

  it('replaces everything with a fresh list, keeping what an event newer than the list already said', () => {
    const store = new IdeaStore();
    store.put(idea('a', { text: 'old a' }), 3);
    store.put(idea('b', { text: 'from an event after the list' }), 9);
    store.put(idea('gone'), 2);
    store.replace([idea('a', { text: 'listed a' }), idea('b', { text: 'listed b' }), idea('c')], 8);
    expect(store.get('a')!.text).to.equal('listed a');
    expect(store.get('b')!.text).to.equal('from an event after the list');
    expect(store.get('c')).to.not.equal(undefined);
    expect(store.get('gone')).to.equal(undefined);
    expect(store.size).to.equal(3);
  });

  it('shows visible ideas, newest first with pinned ones on top; hidden only to facilitators; merged never', () => {
    const store = new IdeaStore();
    store.put(idea('old-pinned', { pinned: true }), 1);
    store.put(idea('older'), 1);
    store.put(idea('hidden', { status: 'hidden' }), 1);
    store.put(idea('merged', { status: 'merged', mergedInto: 'older' }), 1);
    store.put(idea('newest'), 1);
    expect(ids(store.view(all))).to.deep.equal(['old-pinned', 'newest', 'older']);
    expect(ids(store.view({ ...all, includeHidden: true }))).to.deep.equal(['old-pinned', 'newest', 'hidden', 'older']);
  });

  it('sorts by votes with the newest first among equals; ideas created in the same millisecond by id', () => {
    const store = new IdeaStore();
    store.put(idea('few', { votes: 1 }), 1);
    store.put(idea('many', { votes: 5 }), 1);
    store.put(idea('tie-old', { votes: 2 }), 1);
    store.put(idea('tie-new', { votes: 2 }), 1);
    expect(ids(store.view({ ...all, sort: 'votes' }))).to.deep.equal(['many', 'tie-new', 'tie-old', 'few']);
    const at = new Date(clock).toISOString();
    const same = [idea('x1', { createdAt: at }), idea('x2', { createdAt: at })];
    expect(ids([...same].sort(compareIdeas('newest')))).to.deep.equal(['x2', 'x1']);
  });

  it('filters by table, by category (\'\' for uncategorised, null for all) and by promotion', () => {
    const store = new IdeaStore();
    store.put(idea('t1-traffic', { table: 1, category: '교통' }), 1);
    store.put(idea('t2-none', { table: 2 }), 1);
    store.put(idea('t2-traffic-promoted', { table: 2, category: '교통', promoted: true }), 1);
    const sorted = (q: Partial<ViewQuery>) => ids(store.view({ ...all, ...q })).sort();
    expect(sorted({ table: 2 })).to.deep.equal(['t2-none', 't2-traffic-promoted']);
    expect(sorted({ category: '교통' })).to.deep.equal(['t1-traffic', 't2-traffic-promoted']);
    expect(sorted({ category: '' })).to.deep.equal(['t2-none']);
    expect(sorted({ category: null })).to.have.length(3);
    expect(sorted({ promotedOnly: true })).to.deep.equal(['t2-traffic-promoted']);
    expect(sorted({ table: 1, category: '' })).to.deep.equal([]);
  });

  it('computes a view once per change: the same list until something changes', () => {
    const store = new IdeaStore();
    store.put(idea('a'), 1);
    const first = store.view(all);
    expect(store.view(all)).to.equal(first); // the same array: not sorted again
    expect(store.view({ ...all, sort: 'votes' })).to.not.equal(first); // another query, its own list
    store.setVotes('a', 1, 2);
    const after = store.view(all);
    expect(after).to.not.equal(first);
    expect(after[0]!.votes).to.equal(1);
    store.setVotes('a', 1, 3); // the same count: no change, the list stays
    expect(store.view(all)).to.equal(after);
  });

  it('tallies visible ideas and votes per table, and counts what was merged into each idea', () => {
    const store = new IdeaStore();
    store.put(idea('a', { table: 1, votes: 2 }), 1);
    store.put(idea('b', { table: 1, votes: 3 }), 1);
    store.put(idea('c', { table: 2, votes: 1 }), 1);
    store.put(idea('d', { table: 2, votes: 9, status: 'hidden' }), 1);
    store.put(idea('e', { table: 2, status: 'merged', mergedInto: 'a' }), 1);
    store.put(idea('f', { table: 1, status: 'merged', mergedInto: 'a' }), 1);
    expect(Object.fromEntries(store.tallies())).to.deep.equal({ 1: { ideas: 2, votes: 5 }, 2: { ideas: 1, votes: 1 } });
    expect(store.mergedInto('a')).to.equal(2);
    expect(store.mergedInto('b')).to.equal(0);
    store.put(idea('g', { table: 3, votes: 4 }), 2);
    expect(store.tallies().get(3)).to.deep.equal({ ideas: 1, votes: 4 });
  });
});
