/** Forum rows → the contract's Forum / ForumAdmin, with their live counts. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ForumsTable } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';

type Q = Kysely<DB>;

export type ForumRow = Selectable<ForumsTable> & {
  registered_count: number | string | null;
  waitlisted_count: number | string | null;
  participants_count: number | string | null;
  ideas_count: number | string | null;
  results_count: number | string | null;
};

/** `forums` with the counts the contract shows, as one query. */
export function forumQuery(db: Q) {
  return db
    .selectFrom('forums')
    .selectAll('forums')
    .select((eb) => [
      eb
        .selectFrom('registrations')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('registrations.forum_id', '=', 'forums.id')
        .where('registrations.outcome', '=', 'confirmed')
        .as('registered_count'),
      eb
        .selectFrom('registrations')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('registrations.forum_id', '=', 'forums.id')
        .where('registrations.outcome', '=', 'waitlisted')
        .as('waitlisted_count'),
      eb
        .selectFrom('participants')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('participants.forum_id', '=', 'forums.id')
        .where('participants.revoked_at', 'is', null)
        .as('participants_count'),
      eb
        .selectFrom('ideas')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('ideas.forum_id', '=', 'forums.id')
        .where('ideas.status', '=', 'visible')
        .as('ideas_count'),
      eb
        .selectFrom('results')
        .select((s) => s.fn.countAll().as('n'))
        .whereRef('results.forum_id', '=', 'forums.id')
        .as('results_count'),
    ]);
}

export async function loadForumRow(db: Q, id: string): Promise<ForumRow> {
  const row = (await forumQuery(db).where('forums.id', '=', id).executeTakeFirst()) as ForumRow | undefined;
  if (!row) throw new ProblemError('not-found', 'No such forum.');
  return row;
}

/** Is the voting round open right now? (A time-boxed round closes by itself.) */
export function votingOpen(row: Pick<ForumsTable, 'voting_open' | 'voting_closes_at'>, now: Date): boolean {
  if (!row.voting_open) return false;
  return row.voting_closes_at === null || now.toISOString() < row.voting_closes_at;
}

export function toForum(row: ForumRow, now: Date) {
  const venue: { name: string; address: string; lat?: number | null; lng?: number | null } = {
    name: row.venue_name,
    address: row.venue_address,
  };
  if (row.venue_lat !== null) venue.lat = row.venue_lat;
  if (row.venue_lng !== null) venue.lng = row.venue_lng;
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    topics: JSON.parse(row.topics) as string[],
    district: row.district,
    venue,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    registered: Number(row.registered_count ?? 0),
    waitlisted: Number(row.waitlisted_count ?? 0),
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
    tables: row.tables,
    status: row.status,
    voteBudget: row.vote_budget,
    categories: JSON.parse(row.categories) as string[],
    voting: { open: votingOpen(row, now), closesAt: row.voting_closes_at },
    participants: Number(row.participants_count ?? 0),
    ideas: Number(row.ideas_count ?? 0),
    resultsPublished: Number(row.results_count ?? 0) > 0,
    updatedAt: row.updated_at,
  };
}

export type ForumJson = ReturnType<typeof toForum>;

export function toForumAdmin(row: ForumRow, now: Date) {
  return { ...toForum(row, now), joinCode: row.join_code };
}

export async function forumJson(db: Q, id: string, now: Date): Promise<ForumJson> {
  return toForum(await loadForumRow(db, id), now);
}

/** Touch `updated_at` and tell live clients (`forum.updated` with the Forum). */
export async function forumChanged(tx: { trx: Q; now: Date; emit: (f: string, t: 'forum.updated', d: Record<string, unknown>) => Promise<unknown> }, id: string): Promise<ForumRow> {
  await tx.trx.updateTable('forums').set({ updated_at: tx.now.toISOString() }).where('id', '=', id).execute();
  const row = await loadForumRow(tx.trx, id);
  await tx.emit(id, 'forum.updated', toForum(row, tx.now));
  return row;
}
