/** Ideas: the live wall. Post, list, moderate, merge, dot-vote. */
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import type { Env } from '../context.ts';
import { principal, requireAuth } from '../http/auth.ts';
import { ProblemError, validationError } from '../http/problem.ts';
import { checkBody, checkQuery, decodeCursor, encodeCursor, pathId } from '../http/validate.ts';
import { json, write, type Tx } from '../http/write.ts';
import { loadForumRow, votingOpen } from '../model/forum.ts';
import { ideaQuery, ideaVotes, loadIdea, toIdea, type IdeaRow } from '../model/idea.ts';
import { ideaInputSchema, ideaListQuery, ideaPatchSchema, mergeInputSchema } from '../model/schemas.ts';
import { newId } from '../auth/tokens.ts';


export const ideas = new Hono<Env>();

ideas.get('/forums/:forumId/ideas', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  const q = checkQuery(c, ideaListQuery);
  const who = await principal(c);
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  if (q.include === 'all' && !(who && (who.kind === 'admin' || who.kind === 'facilitator'))) {
    throw new ProblemError('forbidden', 'Only facilitators and admins see hidden and merged ideas.');
  }
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 200;
  // one transaction: the page and lastEventId describe the same moment
  return deps.db.transaction().execute(async (trx) => {
    await loadForumRow(trx, forumId);
    let query = ideaQuery(trx).where('ideas.forum_id', '=', forumId);
    if (q.include !== 'all') query = query.where('ideas.status', '=', 'visible');
    if (q.table !== undefined) query = query.where('ideas.table_number', '=', q.table);
    if (q.category !== undefined) query = q.category === '' ? query.where('ideas.category', 'is', null) : query.where('ideas.category', '=', q.category);
    if (q.sort === 'votes') query = query.orderBy(sql`votes`, 'desc');
    query = query.orderBy('ideas.created_at', 'desc').orderBy('ideas.id', 'desc');
    const rows = (await query.limit(limit + 1).offset(offset).execute()) as IdeaRow[];
    const last = await deps.events.newestId(forumId, trx);
    return json(200, {
      items: rows.slice(0, limit).map(toIdea),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
      lastEventId: String(last),
    });
  });
});

ideas.post('/forums/:forumId/ideas', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['participant', 'facilitator'], forumId);
  const parse = (raw: Parameters<typeof checkBody>[1]) => {
    const input = checkBody(ideaInputSchema, raw);
    const text = input.text.trim();
    const errors = [];
    if (text.length === 0) errors.push({ field: 'text', code: 'required', message: 'Write the idea (1–280 characters).' });
    if ([...text].length > 280) errors.push({ field: 'text', code: 'too_long', message: 'At most 280 characters.' });
    if (input.table !== undefined && who.kind !== 'facilitator') {
      errors.push({ field: 'table', code: 'forbidden_field', message: 'Only facilitators name the table; participants post at their own.' });
    }
    if (errors.length) throw validationError(errors);
    return { text, table: input.table };
  };
  return write(c, { who, idempotency: 'required', rateLimited: true, parse }, async (tx, input) => {
    const forum = await loadForumRow(tx.trx, forumId);
    let table: number;
    let participantId: string | null = null;
    let facilitatorId: string | null = null;
    if (who.kind === 'participant') {
      const p = await tx.trx.selectFrom('participants').select(['id', 'table_number']).where('id', '=', who.subjectId ?? '').executeTakeFirstOrThrow();
      table = p.table_number;
      participantId = p.id;
    } else {
      const f = await tx.trx.selectFrom('facilitators').select(['id', 'table_number']).where('id', '=', who.subjectId ?? '').executeTakeFirstOrThrow();
      facilitatorId = f.id;
      const t = input.table ?? f.table_number;
      if (t === null || t === undefined) throw validationError([{ field: 'table', code: 'required', message: 'Name the table the idea comes from.' }]);
      table = t;
    }
    if (table > forum.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${forum.tables}.` }]);
    if (forum.status !== 'live') throw new ProblemError('forum-not-live', 'Ideas are posted while the forum is live.');
    const id = newId();
    const at = tx.now.toISOString();
    await tx.trx
      .insertInto('ideas')
      .values({
        id,
        forum_id: forumId,
        text: input.text,
        table_number: table,
        category: null,
        status: 'visible',
        merged_into: null,
        pinned: 0,
        promoted: 0,
        participant_id: participantId,
        facilitator_id: facilitatorId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const idea = toIdea(await loadIdea(tx.trx, forumId, id));
    await tx.emit(forumId, 'idea.created', idea);
    return { status: 201, body: idea, headers: { Location: `/api/forums/${forumId}/ideas/${id}` } };
  });
});

ideas.get('/forums/:forumId/ideas/:ideaId', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  const ideaId = pathId(c, 'ideaId', 'idea');
  const who = await principal(c);
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  const idea = await loadIdea(deps.db, forumId, ideaId);
  // a hidden idea is for the forum's facilitators and admins only: to anyone else it does not exist
  if (idea.status === 'hidden' && !(who && (who.kind === 'admin' || who.kind === 'facilitator'))) throw new ProblemError('not-found', 'No such idea in this forum.');
  return json(200, toIdea(idea));
});

ideas.patch('/forums/:forumId/ideas/:ideaId', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const ideaId = pathId(c, 'ideaId', 'idea');
  const who = await requireAuth(c, ['facilitator', 'admin'], forumId);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(ideaPatchSchema, raw) }, async (tx, p) => {
    const cur = await loadIdea(tx.trx, forumId, ideaId);
    if (cur.status === 'merged') throw new ProblemError('conflict', 'A merged idea cannot be changed; change the idea it was merged into.');
    const set: Record<string, unknown> = { updated_at: tx.now.toISOString() };
    if (p.status !== undefined) set.status = p.status;
    if (p.category !== undefined) set.category = p.category === '' ? null : p.category;
    if (p.pinned !== undefined) set.pinned = p.pinned ? 1 : 0;
    if (p.promoted !== undefined) set.promoted = p.promoted ? 1 : 0;
    await tx.trx.updateTable('ideas').set(set).where('id', '=', ideaId).execute();
    const idea = toIdea(await loadIdea(tx.trx, forumId, ideaId));
    await tx.emit(forumId, 'idea.updated', idea);
    return { status: 200, body: idea };
  });
});

ideas.post('/forums/:forumId/ideas/:ideaId/merge', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const ideaId = pathId(c, 'ideaId', 'idea');
  const who = await requireAuth(c, ['facilitator', 'admin'], forumId);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(mergeInputSchema, raw) }, async (tx, input) => {
    const from = await loadIdea(tx.trx, forumId, ideaId);
    if (input.into === ideaId) throw new ProblemError('invalid-merge', 'An idea cannot be merged into itself.');
    const into = await loadIdea(tx.trx, forumId, input.into);
    if (from.status === 'merged') throw new ProblemError('invalid-merge', 'This idea is already merged.');
    // its text would reach the public with the merge; show it again first if it belongs there
    if (from.status === 'hidden') throw new ProblemError('invalid-merge', 'A hidden idea cannot be merged; show it again first.');
    if (into.status !== 'visible') throw new ProblemError('invalid-merge', `Ideas cannot be merged into a ${into.status} idea.`);
    const at = tx.now.toISOString();
    // the dots move with the idea: a participant keeps all of them, now on the target
    await tx.trx.updateTable('votes').set({ idea_id: into.id }).where('idea_id', '=', from.id).execute();
    await tx.trx.updateTable('ideas').set({ status: 'merged', merged_into: into.id, pinned: 0, updated_at: at }).where('id', '=', from.id).execute();
    await tx.trx.updateTable('ideas').set({ merged_into: into.id, updated_at: at }).where('merged_into', '=', from.id).execute();
    await tx.trx.updateTable('ideas').set({ updated_at: at }).where('id', '=', into.id).execute();
    const fromJson = toIdea(await loadIdea(tx.trx, forumId, from.id));
    const intoJson = toIdea(await loadIdea(tx.trx, forumId, into.id));
    await tx.emit(forumId, 'idea.merged', { from: fromJson, into: intoJson });
    await tx.emit(forumId, 'vote.changed', { ideaId: into.id, votes: intoJson.votes });
    return { status: 200, body: intoJson };
  });
});

async function voteResult(tx: Tx, ideaId: string, participantId: string, budget: number) {
  const mine = await tx.trx
    .selectFrom('votes')
    .select([(eb) => eb.fn.countAll().as('all'), (eb) => eb.fn.sum<number>(eb.case().when('idea_id', '=', ideaId).then(1).else(0).end()).as('here')])
    .where('participant_id', '=', participantId)
    .executeTakeFirstOrThrow();
  return { ideaId, votes: await ideaVotes(tx.trx, ideaId), myVotes: Number(mine.here ?? 0), voteBudget: budget, votesUsed: Number(mine.all) };
}

function voteRoute(add: boolean) {
  return async (c: Context<Env>) => {
    const forumId = pathId(c, 'forumId', 'forum');
    const ideaId = pathId(c, 'ideaId', 'idea');
    const who = await requireAuth(c, ['participant'], forumId);
    return write(c, { who, idempotency: 'required', rateLimited: true }, async (tx) => {
      const forum = await loadForumRow(tx.trx, forumId);
      const idea = await loadIdea(tx.trx, forumId, ideaId);
      const p = await tx.trx.selectFrom('participants').selectAll().where('id', '=', who.subjectId ?? '').executeTakeFirstOrThrow();
      if (!votingOpen(forum, tx.now)) throw new ProblemError('voting-closed', 'No voting round is open.');
      if (add) {
        if (idea.status !== 'visible') throw new ProblemError('conflict', `Votes go on visible ideas; this one is ${idea.status}.`);
        const used = await tx.trx.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('participant_id', '=', p.id).executeTakeFirstOrThrow();
        if (Number(used.n) >= p.vote_budget) throw new ProblemError('vote-budget-exhausted', `All ${p.vote_budget} dots are used; take one back to vote again.`);
        await tx.trx.insertInto('votes').values({ forum_id: forumId, idea_id: ideaId, participant_id: p.id, created_at: tx.now.toISOString() }).execute();
      } else {
        const one = await tx.trx
          .selectFrom('votes')
          .select('id')
          .where('participant_id', '=', p.id)
          .where('idea_id', '=', ideaId)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!one) throw new ProblemError('no-vote-to-retract', 'You have no dot on this idea.');
        await tx.trx.deleteFrom('votes').where('id', '=', one.id).execute();
      }
      const result = await voteResult(tx, ideaId, p.id, p.vote_budget);
      await tx.emit(forumId, 'vote.changed', { ideaId, votes: result.votes });
      return { status: add ? 201 : 200, body: result };
    });
  };
}

ideas.post('/forums/:forumId/ideas/:ideaId/votes', voteRoute(true));
ideas.delete('/forums/:forumId/ideas/:ideaId/votes', voteRoute(false));
