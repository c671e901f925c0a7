/** Joining at the venue, facilitators, who-am-I, tables and the voting round. */
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Env } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { principal, requireAuth } from '../http/auth.ts';
import { limitJoinAttempts, takeJoinSlot } from '../http/join-quota.ts';
import { ProblemError, validationError } from '../http/problem.ts';
import { checkBody, checkQuery, decodeCursor, encodeCursor, pathId } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { forumChanged, loadForumRow, votingOpen } from '../model/forum.ts';
import { createParticipant, listParticipants, returningParticipant, revokeParticipant } from '../model/participants.ts';
import { facilitatorInputSchema, joinInputSchema, participantListQuery, votingInputSchema } from '../model/schemas.ts';

type Q = Kysely<DB>;

export async function tableTallies(db: Q, forumId: string, tables: number) {
  const [meta, ideas, votes, people] = await Promise.all([
    db.selectFrom('forum_tables').selectAll().where('forum_id', '=', forumId).execute(),
    db
      .selectFrom('ideas')
      .select(['table_number', (eb) => eb.fn.countAll().as('n')])
      .where('forum_id', '=', forumId)
      .where('status', '=', 'visible')
      .groupBy('table_number')
      .execute(),
    db
      .selectFrom('votes')
      .innerJoin('ideas', 'ideas.id', 'votes.idea_id')
      .select(['ideas.table_number', (eb) => eb.fn.countAll().as('n')])
      .where('votes.forum_id', '=', forumId)
      .groupBy('ideas.table_number')
      .execute(),
    db
      .selectFrom('participants')
      .select(['table_number', (eb) => eb.fn.countAll().as('n')])
      .where('forum_id', '=', forumId)
      .where('revoked_at', 'is', null)
      .groupBy('table_number')
      .execute(),
  ]);
  const count = (rows: { table_number: number; n: unknown }[], t: number) => Number(rows.find((r) => r.table_number === t)?.n ?? 0);
  const items = [];
  for (let n = 1; n <= tables; n++) {
    const m = meta.find((r) => r.number === n);
    items.push({
      number: n,
      topic: m?.topic ?? null,
      facilitator: m?.facilitator_name ?? null,
      ideas: count(ideas, n),
      votes: count(votes, n),
      participants: count(people, n),
    });
  }
  return items;
}

export const participants = new Hono<Env>();

participants.post('/forums/:forumId/participants', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  limitJoinAttempts(c, forumId);
  const holder = await participantHolder(c, forumId);
  return write(c, { who: null, idempotency: 'optional', rateLimited: true, parse: (raw) => checkBody(joinInputSchema, raw) }, async (tx, input) => {
    const forum = await loadForumRow(tx.trx, forumId);
    // One answer for a wrong code and for the right code before (or after) the forum is live:
    // otherwise codes could be tried out before the day.
    if (input.joinCode.trim().toUpperCase() !== forum.join_code.toUpperCase() || forum.status !== 'live') {
      throw new ProblemError('forbidden', 'This join code does not let you join this forum now: check the code, or wait until the forum is live.');
    }
    if (input.table > forum.tables) {
      throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${forum.tables}.` }]);
    }
    // one person, one set of dots: the same browser (token or install key) is the same participant
    const again = await returningParticipant(tx, forumId, { holder, installKey: input.installKey, table: input.table });
    if (again) return { status: 200, body: again };
    takeJoinSlot(c, forumId);
    return { status: 201, body: await createParticipant(tx, forumId, input.table, forum.vote_budget, input.installKey) };
  });
});

/**
 * The participant a join's bearer token is (with the token), or null without one. Like everywhere
 * else, an unknown token is 401, and another kind of token or one of another forum is 403.
 */
async function participantHolder(c: Context<Env>, forumId: string): Promise<{ participantId: string; token: string } | null> {
  const who = await principal(c);
  if (!who) return null;
  if (who.kind !== 'participant' || !who.subjectId) throw new ProblemError('forbidden', 'Join without a token, or with your participant token of this forum.');
  if (who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  const token = /^Bearer\s+(\S+)/i.exec(c.req.header('authorization') ?? '')![1]!;
  return { participantId: who.subjectId, token };
}

participants.get('/forums/:forumId/participants', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  await requireAuth(c, ['facilitator', 'admin'], forumId);
  const q = checkQuery(c, participantListQuery);
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 100;
  await loadForumRow(deps.db, forumId);
  const page = await listParticipants(deps.db, forumId, offset, limit);
  return json(200, { total: page.total, revoked: page.revoked, items: page.items, nextCursor: page.more ? encodeCursor(offset + limit) : null });
});

participants.delete('/forums/:forumId/participants/:participantId', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['facilitator', 'admin'], forumId);
  const participantId = pathId(c, 'participantId', 'participant');
  return write(c, { who, idempotency: 'optional' }, async (tx) => {
    await loadForumRow(tx.trx, forumId);
    return { status: 200, body: await revokeParticipant(tx, forumId, participantId) };
  });
});

participants.get('/forums/:forumId/participants/me', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['participant', 'facilitator'], forumId);
  if (who.kind === 'facilitator') {
    const f = await deps.db.selectFrom('facilitators').selectAll().where('id', '=', who.subjectId ?? '').executeTakeFirstOrThrow();
    return json(200, { id: f.id, forumId, role: 'facilitator', table: f.table_number, voteBudget: 0, votesUsed: 0, votes: {} });
  }
  const p = await deps.db.selectFrom('participants').selectAll().where('id', '=', who.subjectId ?? '').executeTakeFirstOrThrow();
  const rows = await deps.db
    .selectFrom('votes')
    .select(['idea_id', (eb) => eb.fn.countAll().as('n')])
    .where('participant_id', '=', p.id)
    .groupBy('idea_id')
    .execute();
  const votes: Record<string, number> = {};
  let used = 0;
  for (const r of rows) {
    votes[r.idea_id] = Number(r.n);
    used += Number(r.n);
  }
  return json(200, { id: p.id, forumId, role: 'participant', table: p.table_number, voteBudget: p.vote_budget, votesUsed: used, votes });
});

participants.post('/forums/:forumId/facilitators', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(facilitatorInputSchema, raw) }, async (tx, input) => {
    const forum = await loadForumRow(tx.trx, forumId);
    const table = input.table ?? null;
    if (table !== null && table > forum.tables) {
      throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${forum.tables}.` }]);
    }
    const id = newId();
    const token = newToken('facilitator');
    const at = tx.now.toISOString();
    const name = input.name.trim();
    await tx.trx.insertInto('facilitators').values({ id, forum_id: forumId, name, table_number: table, created_at: at }).execute();
    await tx.trx.insertInto('tokens').values({ hash: hashToken(token), kind: 'facilitator', forum_id: forumId, subject_id: id, created_at: at }).execute();
    if (table !== null) {
      await tx.trx
        .insertInto('forum_tables')
        .values({ forum_id: forumId, number: table, topic: null, facilitator_name: name })
        .onConflict((oc) => oc.columns(['forum_id', 'number']).doUpdateSet({ facilitator_name: name }))
        .execute();
    }
    return { status: 201, body: { facilitatorId: id, forumId, name, table, token } };
  });
});

participants.get('/forums/:forumId/tables', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  const forum = await loadForumRow(deps.db, forumId);
  return json(200, { items: await tableTallies(deps.db, forumId, forum.tables) });
});

participants.put('/forums/:forumId/voting', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['facilitator', 'admin'], forumId);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(votingInputSchema, raw) }, async (tx, input) => {
    await loadForumRow(tx.trx, forumId);
    const closesAt = input.open && input.durationSeconds ? new Date(tx.now.getTime() + input.durationSeconds * 1000).toISOString() : null;
    await tx.trx
      .updateTable('forums')
      .set({ voting_open: input.open ? 1 : 0, voting_closes_at: closesAt })
      .where('id', '=', forumId)
      .execute();
    const row = await forumChanged(tx, forumId);
    return { status: 200, body: { open: votingOpen(row, tx.now), closesAt: row.voting_closes_at } };
  });
});
