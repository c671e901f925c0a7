/**
 * One person, one set of dots: who a join request already is, counting who has joined, and
 * revoking a participant.
 *
 * A join returns the participant the caller already is, instead of a fresh one with a fresh vote
 * budget, when it proves it:
 * - with `Authorization: Bearer <participant token of this forum>` (the token IS the participant;
 *   the same token is handed back), or
 * - with the `installKey` of the browser that joined before: a random secret (≥ 128 bits) the
 *   browser keeps to itself and sends only in join bodies. The server keeps only
 *   sha256(`forumId:installKey`), so its database neither holds the key nor links one browser
 *   across forums. The key proves the browser as the token does: a stranger who has only the join
 *   code (printed on every table) has neither, and gets a participant of their own. The returning
 *   browser gets a NEW token for the same participant (the old one cannot be read back from its
 *   hash), and moves to the table it names.
 *
 * A revoked participant's tokens are deleted and its dots released; its install key keeps
 * pointing at it, so that browser's next join is refused (`participant-revoked`) rather than
 * handed a new budget.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { sha256Hex } from '../crypto.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tx } from '../http/write.ts';
import { ideaVotes } from './idea.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The contract's `ParticipantSession`. */
export interface ParticipantSession {
  participantId: string;
  forumId: string;
  table: number;
  token: string;
  voteBudget: number;
  votesUsed: number;
}

/** What the server stores of an install key: bound to the forum, never the key itself. */
export function installKeyHash(forumId: string, installKey: string): string {
  return sha256Hex(`${forumId}:${installKey}`);
}

async function votesUsed(db: Q, participantId: string): Promise<number> {
  const r = await db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('participant_id', '=', participantId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Participants who have joined and are not revoked: all of the forum's, and at one table. */
export async function activeCounts(db: Q, forumId: string, table: number): Promise<{ participants: number; tableParticipants: number }> {
  const r = await db
    .selectFrom('participants')
    .select([(eb) => eb.fn.countAll().as('all'), (eb) => eb.fn.sum<number>(eb.case().when('table_number', '=', table).then(1).else(0).end()).as('table')])
    .where('forum_id', '=', forumId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { participants: Number(r.all), tableParticipants: Number(r.table ?? 0) };
}

/** Tell live clients how many have joined, at `table` and in all. */
export async function emitParticipantsChanged(tx: Tx, forumId: string, table: number): Promise<void> {
  const counts = await activeCounts(tx.trx, forumId, table);
  await tx.emit(forumId, 'participants.changed', { participants: counts.participants, table, tableParticipants: counts.tableParticipants });
}

/**
 * The participant a join request already is (by its bearer token, else by its install key), moved
 * to `table`, with a token to use; null when it is nobody yet. A revoked one is refused.
 */
export async function returningParticipant(
  tx: Tx,
  forumId: string,
  request: { holder: { participantId: string; token: string } | null; installKey: string | undefined; table: number },
): Promise<ParticipantSession | null> {
  let row;
  if (request.holder) {
    row = await tx.trx.selectFrom('participants').selectAll().where('id', '=', request.holder.participantId).where('forum_id', '=', forumId).executeTakeFirst();
  } else if (request.installKey !== undefined) {
    row = await tx.trx
      .selectFrom('participants')
      .selectAll()
      .where('forum_id', '=', forumId)
      .where('install_key_hash', '=', installKeyHash(forumId, request.installKey))
      .executeTakeFirst();
  }
  if (!row) return null;
  if (row.revoked_at !== null) throw new ProblemError('participant-revoked', 'A facilitator revoked this participation; ask them at your table.');
  let token = request.holder?.token;
  if (token === undefined) {
    token = newToken('participant');
    await tx.trx.insertInto('tokens').values({ hash: hashToken(token), kind: 'participant', forum_id: forumId, subject_id: row.id, created_at: tx.now.toISOString() }).execute();
  }
  if (row.table_number !== request.table) {
    await tx.trx.updateTable('participants').set({ table_number: request.table }).where('id', '=', row.id).execute();
    await emitParticipantsChanged(tx, forumId, row.table_number);
    await emitParticipantsChanged(tx, forumId, request.table);
  }
  return { participantId: row.id, forumId, table: request.table, token, voteBudget: row.vote_budget, votesUsed: await votesUsed(tx.trx, row.id) };
}

/** A new participant at `table` (and its token), remembered by its install key when it sent one. */
export async function createParticipant(tx: Tx, forumId: string, table: number, voteBudget: number, installKey: string | undefined): Promise<ParticipantSession> {
  const id = newId();
  const token = newToken('participant');
  const at = tx.now.toISOString();
  await tx.trx
    .insertInto('participants')
    .values({ id, forum_id: forumId, table_number: table, vote_budget: voteBudget, created_at: at, install_key_hash: installKey === undefined ? null : installKeyHash(forumId, installKey) })
    .execute();
  await tx.trx.insertInto('tokens').values({ hash: hashToken(token), kind: 'participant', forum_id: forumId, subject_id: id, created_at: at }).execute();
  await emitParticipantsChanged(tx, forumId, table);
  return { participantId: id, forumId, table, token, voteBudget, votesUsed: 0 };
}

/** The contract's `ParticipantRevoked`. */
export interface Revoked {
  participantId: string;
  table: number;
  revokedAt: string;
  votesReleased: number;
  participants: number;
}

/**
 * Revoke a participant: its dots come off every idea (each idea's new total goes out live as
 * `vote.changed`), its tokens stop working, the count of who has joined drops by one
 * (`participants.changed`). Its ideas stay (hiding them is a separate decision). Revoking again
 * changes nothing and answers the same.
 */
export async function revokeParticipant(tx: Tx, forumId: string, participantId: string): Promise<Revoked> {
  const p = await tx.trx.selectFrom('participants').selectAll().where('id', '=', participantId).where('forum_id', '=', forumId).executeTakeFirst();
  if (!p) throw new ProblemError('not-found', 'No such participant in this forum.');
  if (p.revoked_at !== null) {
    const { participants } = await activeCounts(tx.trx, forumId, p.table_number);
    return { participantId, table: p.table_number, revokedAt: p.revoked_at, votesReleased: 0, participants };
  }
  const at = tx.now.toISOString();
  const dots = await tx.trx.selectFrom('votes').select(['idea_id', (eb) => eb.fn.countAll().as('n')]).where('participant_id', '=', participantId).groupBy('idea_id').orderBy('idea_id').execute();
  await tx.trx.deleteFrom('votes').where('participant_id', '=', participantId).execute();
  await tx.trx.deleteFrom('tokens').where('kind', '=', 'participant').where('subject_id', '=', participantId).execute();
  await tx.trx.updateTable('participants').set({ revoked_at: at }).where('id', '=', participantId).execute();
  for (const d of dots) await tx.emit(forumId, 'vote.changed', { ideaId: d.idea_id, votes: await ideaVotes(tx.trx, d.idea_id) });
  await emitParticipantsChanged(tx, forumId, p.table_number);
  const { participants } = await activeCounts(tx.trx, forumId, p.table_number);
  return { participantId, table: p.table_number, revokedAt: at, votesReleased: dots.reduce((sum, d) => sum + Number(d.n), 0), participants };
}

/** One page of the forum's participants (not revoked), first joined first, for facilitators. */
export async function listParticipants(db: Q, forumId: string, offset: number, limit: number) {
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [
      'participants.id',
      'participants.table_number',
      'participants.created_at',
      'participants.vote_budget',
      eb.selectFrom('votes').select((s) => s.fn.countAll().as('n')).whereRef('votes.participant_id', '=', 'participants.id').as('votes_used'),
      eb.selectFrom('ideas').select((s) => s.fn.countAll().as('n')).whereRef('ideas.participant_id', '=', 'participants.id').as('ideas'),
    ])
    .where('participants.forum_id', '=', forumId)
    .where('participants.revoked_at', 'is', null)
    .orderBy('participants.created_at')
    .orderBy('participants.id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  const counts = await db
    .selectFrom('participants')
    .select([(eb) => eb.fn.countAll().as('all'), (eb) => eb.fn.count('revoked_at').as('revoked')])
    .where('forum_id', '=', forumId)
    .executeTakeFirstOrThrow();
  return {
    total: Number(counts.all) - Number(counts.revoked),
    revoked: Number(counts.revoked),
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      table: r.table_number,
      joinedAt: r.created_at,
      voteBudget: r.vote_budget,
      votesUsed: Number(r.votes_used ?? 0),
      ideas: Number(r.ideas ?? 0),
    })),
    more: rows.length > limit,
  };
}
