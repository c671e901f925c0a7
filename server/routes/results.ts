/** Results: publish (computed from what happened), read, the city's responses, totals. */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Env } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { OPERATORS, requireAuth } from '../http/auth.ts';
import { ProblemError, validationError, type FieldError } from '../http/problem.ts';
import { checkBody, pathId } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { forumChanged, loadForumRow, toForum, type ForumRow } from '../model/forum.ts';
import { resultInputSchema, responseInputSchema } from '../model/schemas.ts';
import { newId } from '../auth/tokens.ts';
import { tableTallies } from './participants.ts';
import { seoulDate, seoulYear } from '../util.ts';
import { DEFAULT_NOTE } from '../domain/responses.ts';

type Q = Kysely<DB>;


async function proposalsOf(db: Q, forumId: string, onlyId?: string) {
  let q = db.selectFrom('proposals').selectAll().where('forum_id', '=', forumId).orderBy('rank');
  if (onlyId) q = q.where('id', '=', onlyId);
  const rows = await q.execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const ideas = await db
    .selectFrom('proposal_ideas')
    .innerJoin('ideas', 'ideas.id', 'proposal_ideas.idea_id')
    .select(['proposal_ideas.proposal_id', 'proposal_ideas.position', 'ideas.id', 'ideas.text', 'ideas.table_number'])
    .select((eb) => eb.selectFrom('votes').select((s) => s.fn.countAll().as('n')).whereRef('votes.idea_id', '=', 'ideas.id').as('votes'))
    .where('proposal_ideas.proposal_id', 'in', ids)
    .orderBy('proposal_ideas.position')
    .execute();
  const timeline = await db.selectFrom('timeline_entries').selectAll().where('proposal_id', 'in', ids).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    forumId: r.forum_id,
    rank: r.rank,
    title: r.title,
    ideas: ideas
      .filter((i) => i.proposal_id === r.id)
      .map((i) => ({ id: i.id, text: i.text, table: i.table_number, votes: Number(i.votes ?? 0) })),
    votes: r.votes,
    category: r.category,
    department: r.department,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at,
    timeline: timeline
      .filter((t) => t.proposal_id === r.id)
      .map((t) => ({ date: t.date, text: t.text, status: t.status })),
  }));
}

function tally(rows: { key: string | null; n: unknown }[]) {
  return rows.map((r) => ({ key: r.key ?? '', count: Number(r.n) })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

async function resultOf(db: Q, forum: ForumRow, now: Date) {
  const res = await db.selectFrom('results').selectAll().where('forum_id', '=', forum.id).executeTakeFirst();
  if (!res) {
    throw new ProblemError('results-not-published', 'The results of this forum are not published yet.', {
      extra: { expectedAt: forum.results_expected_at },
    });
  }
  const id = forum.id;
  const confirmed = (q: ReturnType<typeof db.selectFrom<'registrations'>>) => q.where('forum_id', '=', id).where('outcome', '=', 'confirmed');
  const [facilitators, ideaCount, voteCount, byDistrict, byAge, categories, tables, proposals] = await Promise.all([
    db.selectFrom('facilitators').select((eb) => eb.fn.countAll().as('n')).where('forum_id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('ideas').select((eb) => eb.fn.countAll().as('n')).where('forum_id', '=', id).where('status', '<>', 'hidden').executeTakeFirstOrThrow(),
    db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('forum_id', '=', id).executeTakeFirstOrThrow(),
    confirmed(db.selectFrom('registrations')).select(['district as key', (eb) => eb.fn.countAll().as('n')]).groupBy('district').execute(),
    confirmed(db.selectFrom('registrations')).select(['age_group as key', (eb) => eb.fn.countAll().as('n')]).groupBy('age_group').execute(),
    db
      .selectFrom('ideas')
      .select(['category', (eb) => eb.fn.countAll().as('ideas')])
      .select((eb) => eb.fn.sum<number>(eb.selectFrom('votes').select((s) => s.fn.countAll().as('n')).whereRef('votes.idea_id', '=', 'ideas.id')).as('votes'))
      .where('forum_id', '=', id)
      .where('status', '=', 'visible')
      .groupBy('category')
      .execute(),
    tableTallies(db, id, forum.tables),
    proposalsOf(db, id),
  ]);
  return {
    forumId: id,
    forum: toForum(forum, now),
    publishedAt: res.published_at,
    summary: res.summary,
    stats: {
      registered: Number(forum.registered_count ?? 0),
      attended: res.attended,
      tables: forum.tables,
      facilitators: Number(facilitators.n),
      ideas: Number(ideaCount.n),
      votes: Number(voteCount.n),
    },
    tables,
    byDistrict: tally(byDistrict),
    byAgeGroup: tally(byAge),
    categories: categories
      .map((r) => ({ category: r.category ?? '', ideas: Number(r.ideas), votes: Number(r.votes ?? 0) }))
      .sort((a, b) => b.votes - a.votes || b.ideas - a.ideas || a.category.localeCompare(b.category)),
    proposals,
  };
}

export const results = new Hono<Env>();

results.get('/forums/:forumId/results', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  // one transaction: the results (or their absence) and lastEventId describe the same moment
  return deps.db.transaction().execute(async (trx) => {
    const forum = await loadForumRow(trx, forumId);
    const lastEventId = String(await deps.events.newestId(forumId, trx));
    try {
      return json(200, { ...(await resultOf(trx, forum, deps.now())), lastEventId });
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'results-not-published') Object.assign(error.extra, { lastEventId });
      throw error;
    }
  });
});

results.put('/forums/:forumId/results', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(resultInputSchema, raw) }, async (tx, input) => {
    const forum = await loadForumRow(tx.trx, forumId);
    // validate the idea ids against this forum
    const wanted = [...new Set(input.proposals.flatMap((p) => p.ideaIds))];
    const known = wanted.length
      ? await tx.trx.selectFrom('ideas').select('id').where('forum_id', '=', forumId).where('id', 'in', wanted).execute()
      : [];
    const knownIds = new Set(known.map((k) => k.id));
    const errors: FieldError[] = [];
    input.proposals.forEach((p, i) =>
      p.ideaIds.forEach((ideaId, j) => {
        if (!knownIds.has(ideaId)) errors.push({ field: `proposals.${i}.ideaIds.${j}`, code: 'invalid_value', message: 'No such idea in this forum.' });
      }),
    );
    if (errors.length) throw validationError(errors);
    if (forum.status !== 'finished' && forum.status !== 'reported') {
      throw new ProblemError('invalid-transition', 'Results are published after the forum has finished.');
    }
    const at = tx.now.toISOString();
    const today = seoulDate(tx.now);
    // votes per proposal, from the ideas it came from
    const votesOf = async (ids: string[]) => {
      if (!ids.length) return 0;
      const r = await tx.trx.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('idea_id', 'in', ids).executeTakeFirstOrThrow();
      return Number(r.n);
    };
    const ranked = await Promise.all(input.proposals.map(async (p, i) => ({ p, i, votes: await votesOf([...new Set(p.ideaIds)]) })));
    ranked.sort((a, b) => b.votes - a.votes || a.i - b.i);
    // republishing keeps a proposal (and the city's answers) with the same title
    const old = await tx.trx.selectFrom('proposals').selectAll().where('forum_id', '=', forumId).execute();
    const keep = new Set<string>();
    for (const [rank0, { p, votes }] of ranked.entries()) {
      const prev = old.find((o) => o.title === p.title && !keep.has(o.id));
      const id = prev?.id ?? newId();
      const values = { rank: rank0 + 1, votes, category: p.category ?? null, department: p.department ?? prev?.department ?? null };
      if (prev) {
        keep.add(prev.id);
        await tx.trx.updateTable('proposals').set(values).where('id', '=', id).execute();
        await tx.trx.deleteFrom('proposal_ideas').where('proposal_id', '=', id).execute();
      } else {
        await tx.trx
          .insertInto('proposals')
          .values({ id, forum_id: forumId, title: p.title, status: 'awaiting', answer: null, answered_at: null, created_at: at, ...values })
          .execute();
        await tx.trx.insertInto('timeline_entries').values({ proposal_id: id, date: today, text: '토론회 제안으로 채택되어 시에 전달되었습니다.', status: 'awaiting', created_at: at }).execute();
      }
      const ideaIds = [...new Set(p.ideaIds)];
      if (ideaIds.length) {
        await tx.trx.insertInto('proposal_ideas').values(ideaIds.map((ideaId, position) => ({ proposal_id: id, idea_id: ideaId, position }))).execute();
      }
    }
    const dropped = old.filter((o) => !keep.has(o.id)).map((o) => o.id);
    if (dropped.length) await tx.trx.deleteFrom('proposals').where('id', 'in', dropped).execute();

    const ideaCount = await tx.trx.selectFrom('ideas').select((eb) => eb.fn.countAll().as('n')).where('forum_id', '=', forumId).where('status', '<>', 'hidden').executeTakeFirstOrThrow();
    const summary =
      input.summary ??
      `${forum.title}에 시민 ${input.attended}명이 참석해 ${Number(ideaCount.n)}개의 의견을 나누고 ${input.proposals.length}건의 제안을 모았습니다.`;
    const prevResult = await tx.trx.selectFrom('results').select('published_at').where('forum_id', '=', forumId).executeTakeFirst();
    await tx.trx
      .insertInto('results')
      .values({ forum_id: forumId, published_at: prevResult?.published_at ?? at, summary, attended: input.attended, updated_at: at })
      .onConflict((oc) => oc.column('forum_id').doUpdateSet({ summary, attended: input.attended, updated_at: at }))
      .execute();
    await tx.trx.updateTable('forums').set({ status: 'reported' }).where('id', '=', forumId).execute();
    const row = await forumChanged(tx, forumId);
    const body = await resultOf(tx.trx, row, tx.now);
    // An open result summary updates live when the city publishes (or republishes).
    await tx.emit(forumId, 'results.published', body as unknown as Record<string, unknown>);
    return { status: 200, body };
  });
});

results.put('/forums/:forumId/proposals/:proposalId/response', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const proposalId = pathId(c, 'proposalId', 'proposal');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(responseInputSchema, raw) }, async (tx, input) => {
    await loadForumRow(tx.trx, forumId);
    const prop = await tx.trx.selectFrom('proposals').selectAll().where('id', '=', proposalId).where('forum_id', '=', forumId).executeTakeFirst();
    if (!prop) throw new ProblemError('not-found', 'No such proposal in this forum.');
    const at = tx.now.toISOString();
    const set: Record<string, unknown> = { status: input.status };
    if (input.answer !== undefined) set.answer = input.answer;
    if (input.department !== undefined) set.department = input.department;
    const answer = input.answer !== undefined ? input.answer : prop.answer;
    if (input.status !== 'awaiting' && (answer !== null || input.status !== prop.status)) set.answered_at = at;
    await tx.trx.updateTable('proposals').set(set).where('id', '=', proposalId).execute();
    await tx.trx
      .insertInto('timeline_entries')
      .values({ proposal_id: proposalId, date: input.date ?? seoulDate(tx.now), text: input.note ?? DEFAULT_NOTE[input.status], status: input.status, created_at: at })
      .execute();
    const [p] = await proposalsOf(tx.trx, forumId, proposalId);
    // Residents watching the summary see the city's new answer without reloading.
    await tx.emit(forumId, 'proposal.updated', p as unknown as Record<string, unknown>);
    return { status: 200, body: p };
  });
});

results.get('/results/totals', async (c) => {
  const deps = c.get('deps');
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (db) => {
    const forums = await db.selectFrom('forums').select(['id', 'status', 'starts_at']).execute();
    const res = await db.selectFrom('results').select(['forum_id', 'attended']).execute();
    const props = await db.selectFrom('proposals').select(['forum_id', 'status']).execute();
    const [registered, ideas, votes, byDistrict] = await Promise.all([
      db.selectFrom('registrations').select((eb) => eb.fn.countAll().as('n')).where('outcome', '=', 'confirmed').executeTakeFirstOrThrow(),
      db.selectFrom('ideas').select((eb) => eb.fn.countAll().as('n')).where('status', '<>', 'hidden').executeTakeFirstOrThrow(),
      db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('registrations').select(['district as key', (eb) => eb.fn.countAll().as('n')]).where('outcome', '=', 'confirmed').groupBy('district').execute(),
    ]);
    const responses = { accepted: 0, partial: 0, reviewing: 0, declined: 0, awaiting: 0 };
    for (const p of props) responses[p.status]++;
    const attendedBy = new Map(res.map((r) => [r.forum_id, r.attended]));
    const years = new Map<number, { year: number; forums: number; attended: number; proposals: number }>();
    for (const f of forums) {
      const y = seoulYear(f.starts_at);
      const e = years.get(y) ?? { year: y, forums: 0, attended: 0, proposals: 0 };
      e.forums++;
      e.attended += attendedBy.get(f.id) ?? 0;
      e.proposals += props.filter((p) => p.forum_id === f.id).length;
      years.set(y, e);
    }
    return json(200, {
      forums: forums.length,
      reportedForums: forums.filter((f) => f.status === 'reported').length,
      upcomingForums: forums.filter((f) => f.starts_at > now && ['announced', 'open', 'full', 'closed'].includes(f.status)).length,
      registered: Number(registered.n),
      attended: res.reduce((s, r) => s + r.attended, 0),
      ideas: Number(ideas.n),
      votes: Number(votes.n),
      proposals: props.length,
      responses,
      byYear: [...years.values()].sort((a, b) => a.year - b.year),
      byDistrict: tally(byDistrict),
    });
  });
});
