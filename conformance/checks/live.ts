/**
 * live: join with the join code, ideas, dot voting with a budget, moderation, merge, and the
 * Server-Sent Events stream (retry, ids, names, LiveEvent data, resume, reset).
 */
import type { CheckContext, CheckDef } from '../runner.ts';
import { CheckFailure } from '../http.ts';
import type { Forum, Idea, LiveForum } from '../fixtures.ts';
import { openSse, SseTimeout, type SseEvent, type SseStream } from '../sse.ts';
import { check, expectProblem, fail } from './util.ts';

const SSE = 'GET /forums/{forumId}/events';
type LiveEvent = { id: string; type: string; forumId: string; at: string; data: Record<string, unknown> };
type VoteResult = { ideaId: string; votes: number; myVotes: number; voteBudget: number; votesUsed: number };

export async function stream(ctx: CheckContext, forumId: string, lastEventId?: string, viaQuery = false, token?: string): Promise<SseStream> {
  const url = ctx.api.url('/forums/{forumId}/events', { forumId }, viaQuery && lastEventId ? { lastEventId } : {});
  let s: SseStream;
  const headers: Record<string, string> = lastEventId && !viaQuery ? { 'last-event-id': lastEventId } : {};
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    s = await openSse(url, { headers, signal: ctx.signal, fetch: ctx.fetch, connectTimeoutMs: ctx.timeoutMs });
  } catch (err) {
    fail(SSE, 'connect', (err as Error).message);
  }
  if (s.response.status !== 200) {
    s.close();
    fail(SSE, 'status', `expected 200, got ${s.response.status}`);
  }
  const ct = (s.response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (ct !== 'text/event-stream') {
    s.close();
    fail(SSE, 'content-type', `must be text/event-stream (got ${JSON.stringify(s.response.headers.get('content-type'))})`);
  }
  return s;
}

/** Validate one SSE event against the contract; returns its LiveEvent. */
export function liveEvent(ctx: CheckContext, e: SseEvent, forumId: string, index: number): LiveEvent {
  const where = `event ${index + 1}${e.event !== 'message' ? ` (${e.event})` : ''}`;
  check(e.id !== undefined, SSE, where, 'has no id: line (every event must carry an increasing id)');
  check(/^[0-9]{1,15}$/.test(e.id), SSE, `${where} id`, `must be numeric (got ${JSON.stringify(e.id)})`);
  let data: unknown;
  try {
    data = JSON.parse(e.data);
  } catch {
    fail(SSE, `${where} data`, `must be one LiveEvent as JSON (got ${JSON.stringify(e.data.slice(0, 60))})`);
  }
  const v = ctx.contract.validateSchema('LiveEvent', data);
  if (v.length) throw new CheckFailure(v.slice(0, 5).map((x) => `${SSE} → ${where} data.${x.where}: ${x.message}`).join('\n'));
  const le = data as LiveEvent;
  check(e.event === le.type, SSE, `${where} event`, `the event: name must be the LiveEvent type ${JSON.stringify(le.type)} (got ${JSON.stringify(e.event)})`);
  check(le.id === e.id, SSE, `${where} data.id`, `must equal the SSE id ${e.id} (got ${le.id})`);
  check(le.forumId === forumId, SSE, `${where} data.forumId`, `must be ${forumId} (got ${le.forumId})`);
  // LiveEvent.data by type, as the contract's description of LiveEvent gives it.
  const sub = (schema: string, value: unknown, path: string) => {
    const iv = ctx.contract.validateSchema(schema, value);
    if (iv.length) fail(SSE, `${where} ${path}${iv[0]!.where === '(body)' ? '' : '.' + iv[0]!.where}`, iv[0]!.message);
  };
  const d = le.data;
  const num = (k: string) => check(Number.isInteger(d[k]) && (d[k] as number) >= 0, SSE, `${where} data.data.${k}`, `must be a non-negative integer (got ${JSON.stringify(d[k])})`);
  switch (le.type) {
    case 'idea.created':
    case 'idea.updated':
      sub('Idea', d, 'data.data');
      break;
    case 'idea.merged':
      sub('Idea', d.from, 'data.data.from');
      sub('Idea', d.into, 'data.data.into');
      break;
    case 'vote.changed':
      check(typeof d.ideaId === 'string', SSE, `${where} data.data.ideaId`, `must be an idea id (got ${JSON.stringify(d.ideaId)})`);
      num('votes');
      break;
    case 'forum.updated':
      sub('Forum', d, 'data.data');
      break;
    case 'participants.changed':
      num('participants');
      break;
    case 'reset':
      check(typeof d.reason === 'string', SSE, `${where} data.data.reason`, `must be a string (got ${JSON.stringify(d.reason)})`);
      break;
  }
  return le;
}

function increasing(events: SseEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    const a = Number(events[i - 1]!.id);
    const b = Number(events[i]!.id);
    check(b > a, SSE, `event ${i + 1} id`, `ids must increase (${a} then ${b})`);
  }
}

async function waitIdea(ctx: CheckContext, s: SseStream, forumId: string, ideaId: string): Promise<{ e: SseEvent; le: LiveEvent }> {
  try {
    const start = s.events.length;
    const e = await s.waitFor((x) => {
      try {
        return (JSON.parse(x.data) as LiveEvent).type === 'idea.created' && ((JSON.parse(x.data) as LiveEvent).data as { id?: string }).id === ideaId;
      } catch {
        return false;
      }
    }, ctx.timeoutMs / 2);
    void start;
    return { e, le: liveEvent(ctx, e, forumId, s.events.indexOf(e)) };
  } catch (err) {
    if (err instanceof SseTimeout) fail(SSE, 'idea.created', `the posted idea ${ideaId} did not arrive as idea.created (${err.message})`);
    throw err;
  }
}

async function forumOf(ctx: CheckContext, forumId: string): Promise<Forum> {
  return (await ctx.api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum;
}

async function vote(ctx: CheckContext, lf: LiveForum, ideaId: string, token: string, method: 'POST' | 'DELETE' = 'POST') {
  return ctx.api.call(`${method} /forums/{forumId}/ideas/{ideaId}/votes`, { params: { forumId: lf.forum.id, ideaId }, token, idempotencyKey: true });
}

export const liveChecks: CheckDef[] = [
  {
    group: 'live',
    name: 'join with the join code and a table → participant session',
    endpoint: 'POST /forums/{forumId}/participants',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const before = (await forumOf(ctx, lf.forum.id)).participants;
      const s = await ctx.fixtures.join(ctx.api, lf.forum.id, lf.joinCode, 4);
      check(s.table === 4, 'POST /forums/{forumId}/participants', 'table', `must be 4 (got ${s.table})`);
      check(s.voteBudget === lf.forum.voteBudget && s.votesUsed === 0, 'POST /forums/{forumId}/participants', 'voteBudget', `must be the forum's ${lf.forum.voteBudget} with 0 used (got ${s.voteBudget}, ${s.votesUsed})`);
      const me = (await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId: lf.forum.id }, token: s.token, expect: 200 })).body as { id: string; role: string; table: number };
      check(me.id === s.participantId && me.role === 'participant' && me.table === 4, 'GET /forums/{forumId}/participants/me', 'id', `must be the participant ${s.participantId} at table 4 (got ${me.id}, ${me.role}, ${me.table})`);
      const after = (await forumOf(ctx, lf.forum.id)).participants;
      check(after === before + 1, 'GET /forums/{forumId}', 'participants', `must grow by one when someone joins (${before} → ${after})`);
    },
  },
  {
    group: 'live',
    name: 'a wrong join code is refused with 403 forbidden',
    endpoint: 'POST /forums/{forumId}/participants',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const wrong = lf.joinCode === 'ZZZZ9999' ? 'YYYY8888' : 'ZZZZ9999';
      const res = await ctx.api.call('POST /forums/{forumId}/participants', { params: { forumId: lf.forum.id }, body: { joinCode: wrong, table: 1 }, idempotencyKey: true });
      expectProblem(res, 403, 'forbidden');
    },
  },
  {
    group: 'live',
    name: 'the right code on a forum that is not live gets the same 403 as a wrong code (codes cannot be tried out before the day)',
    endpoint: 'POST /forums/{forumId}/participants',
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.createForum(ctx.api, 'not live');
      if (!f.joinCode) fail('POST /forums', 'joinCode', 'the created forum must carry its joinCode');
      const code = f.joinCode;
      const join = (joinCode: string) => ctx.api.call('POST /forums/{forumId}/participants', { params: { forumId: f.id }, body: { joinCode, table: 1 }, idempotencyKey: true });
      const right = expectProblem(await join(code), 403, 'forbidden');
      const wrong = expectProblem(await join(code === 'ZZZZ9999' ? 'YYYY8888' : 'ZZZZ9999'), 403, 'forbidden');
      check(right.title === wrong.title && right.detail === wrong.detail, 'POST /forums/{forumId}/participants', '(body)', `the right code before the day must get the wrong code's answer (got ${JSON.stringify(right.detail)} and ${JSON.stringify(wrong.detail)})`);
    },
  },
  {
    group: 'live',
    name: 'post an idea → 201 Idea, listed, counted',
    endpoint: 'POST /forums/{forumId}/ideas',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const p = lf.participants[1]!;
      const before = (await forumOf(ctx, lf.forum.id)).ideas;
      const idea = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, p.token, '  놀이터 옆 횡단보도에 신호등을 설치해 주세요  ');
      check(idea.text === '놀이터 옆 횡단보도에 신호등을 설치해 주세요', 'POST /forums/{forumId}/ideas', 'text', `must be stored trimmed (got ${JSON.stringify(idea.text)})`);
      check(idea.table === p.table && idea.status === 'visible' && idea.votes === 0, 'POST /forums/{forumId}/ideas', 'table', `must be at the participant's table ${p.table}, visible, 0 votes (got table ${idea.table}, ${idea.status}, ${idea.votes})`);
      const list = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: lf.forum.id }, query: { limit: 1000 }, expect: 200 })).body as { items: Idea[] };
      check(list.items.some((i) => i.id === idea.id), 'GET /forums/{forumId}/ideas', 'items', `the posted idea ${idea.id} is not listed`);
      const byTable = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: lf.forum.id }, query: { table: p.table, limit: 1000 }, expect: 200 })).body as { items: Idea[] };
      check(byTable.items.every((i) => i.table === p.table), 'GET /forums/{forumId}/ideas', 'items[].table', `table=${p.table} listed an idea of another table`);
      const after = (await forumOf(ctx, lf.forum.id)).ideas;
      check(after === before + 1, 'GET /forums/{forumId}', 'ideas', `must grow by one (${before} → ${after})`);
    },
  },
  {
    group: 'live',
    name: 'post an idea when the forum is not live → 409 forum-not-live',
    endpoint: 'POST /forums/{forumId}/ideas',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const lf = await ctx.fixtures.newLiveForum(ctx.api, 'finished before posting');
      await ctx.fixtures.setStatus(ctx.api, lf.forum.id, 'finished');
      const res = await ctx.api.call('POST /forums/{forumId}/ideas', { params: { forumId: lf.forum.id }, token: lf.participants[0]!.token, body: { text: '끝난 뒤에 올린 제안' }, idempotencyKey: true });
      expectProblem(res, 409, 'forum-not-live');
    },
  },
  {
    group: 'live',
    name: 'dots up to the vote budget, then 409 vote-budget-exhausted; retract gives one back',
    endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/votes',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const p = await ctx.fixtures.join(ctx.api, lf.forum.id, lf.joinCode, 2);
      const idea = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, p.token, '도서관 운영 시간을 늘려 주세요');
      const other = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, p.token, '주차장을 늘려 주세요');
      const budget = p.voteBudget;
      check(budget >= 1, 'POST /forums/{forumId}/participants', 'voteBudget', `the kit's forum was created with voteBudget 3 (got ${budget})`);
      for (let i = 1; i <= budget; i++) {
        const r = await vote(ctx, lf, idea.id, p.token);
        check(r.status === 201, r.endpoint, 'status', `dot ${i} of ${budget} must be accepted with 201 (got ${r.status})`);
        const v = r.body as VoteResult;
        check(v.votesUsed === i && v.myVotes === i && v.votes === i, r.endpoint, 'votesUsed', `after dot ${i}: votesUsed, myVotes and votes must be ${i} (got ${v.votesUsed}, ${v.myVotes}, ${v.votes})`);
      }
      expectProblem(await vote(ctx, lf, other.id, p.token), 409, 'vote-budget-exhausted');
      const me = (await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId: lf.forum.id }, token: p.token, expect: 200 })).body as { votesUsed: number; votes: Record<string, number> };
      check(me.votesUsed === budget && me.votes[idea.id] === budget, 'GET /forums/{forumId}/participants/me', 'votes', `must show ${budget} dots on ${idea.id} (got ${JSON.stringify(me.votes)}, used ${me.votesUsed})`);
      const back = await vote(ctx, lf, idea.id, p.token, 'DELETE');
      check(back.status === 200, back.endpoint, 'status', `retracting a dot must be 200 (got ${back.status})`);
      const v = back.body as VoteResult;
      check(v.votesUsed === budget - 1 && v.myVotes === budget - 1 && v.votes === budget - 1, back.endpoint, 'votesUsed', `after retracting: must be ${budget - 1} (got votesUsed ${v.votesUsed}, myVotes ${v.myVotes}, votes ${v.votes})`);
      expectProblem(await vote(ctx, lf, other.id, p.token, 'DELETE'), 409, 'no-vote-to-retract');
      const now = await vote(ctx, lf, other.id, p.token);
      check(now.status === 201, now.endpoint, 'status', `the retracted dot must be usable again (got ${now.status})`);
    },
  },
  {
    group: 'live',
    name: 'voting closed → 409 voting-closed; reopened → dots accepted',
    endpoint: 'PUT /forums/{forumId}/voting',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const lf = await ctx.fixtures.newLiveForum(ctx.api, 'voting round');
      const p = lf.participants[0]!;
      const idea = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, p.token, '투표 마감 점검');
      const closed = await ctx.api.call('PUT /forums/{forumId}/voting', { params: { forumId: lf.forum.id }, token: lf.facilitator.token, body: { open: false }, expect: 200 });
      check((closed.body as { open: boolean }).open === false, closed.endpoint, 'open', 'must be false after closing');
      expectProblem(await vote(ctx, lf, idea.id, p.token), 409, 'voting-closed');
      const opened = await ctx.api.call('PUT /forums/{forumId}/voting', { params: { forumId: lf.forum.id }, token: lf.facilitator.token, body: { open: true, durationSeconds: 600 }, expect: 200 });
      const o = opened.body as { open: boolean; closesAt: string | null };
      check(o.open === true && o.closesAt !== null, opened.endpoint, 'closesAt', `a time-boxed round must be open with closesAt (got open ${o.open}, closesAt ${o.closesAt})`);
      const r = await vote(ctx, lf, idea.id, p.token);
      check(r.status === 201, r.endpoint, 'status', `a dot must be accepted once voting reopens (got ${r.status})`);
      const f = await forumOf(ctx, lf.forum.id);
      check(f.status === 'live' && (f as unknown as { voting: { open: boolean } }).voting.open === true, 'GET /forums/{forumId}', 'voting.open', 'must be true while the round is open');
    },
  },
  {
    group: 'live',
    name: 'moderation: hide removes an idea from the public list, categorise and pin',
    endpoint: 'PATCH /forums/{forumId}/ideas/{ideaId}',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const idea = await ctx.fixtures.postIdea(ctx.api, forumId, lf.participants[0]!.token, '가릴 제안');
      const before = (await forumOf(ctx, forumId)).ideas;
      const hid = await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, body: { status: 'hidden' }, expect: 200 });
      check((hid.body as Idea).status === 'hidden', hid.endpoint, 'status', `must be hidden (got ${(hid.body as Idea).status})`);
      const pub = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, query: { limit: 1000 }, expect: 200 })).body as { items: Idea[] };
      check(!pub.items.some((i) => i.id === idea.id), 'GET /forums/{forumId}/ideas', 'items', `the hidden idea ${idea.id} is still in the public list`);
      const all = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, token: lf.facilitator.token, query: { include: 'all', limit: 1000 }, expect: 200 })).body as { items: Idea[] };
      check(all.items.some((i) => i.id === idea.id && i.status === 'hidden'), 'GET /forums/{forumId}/ideas', 'items', `include=all must list the hidden idea ${idea.id} to a facilitator`);
      const after = (await forumOf(ctx, forumId)).ideas;
      check(after === before - 1, 'GET /forums/{forumId}', 'ideas', `must count visible ideas only (${before} → ${after} after hiding one)`);
      const cat = await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, body: { status: 'visible', category: '교통', pinned: true }, expect: 200 });
      const c = cat.body as Idea & { category: string; pinned: boolean };
      check(c.status === 'visible' && c.category === '교통' && c.pinned === true, cat.endpoint, 'category', `must be visible, category 교통, pinned (got ${c.status}, ${c.category}, ${c.pinned})`);
    },
  },
  {
    group: 'live',
    name: 'merge: votes carry over, the source is merged; merging into itself → 409',
    endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/merge',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const p = await ctx.fixtures.join(ctx.api, forumId, lf.joinCode, 1);
      const a = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '버스 정류장에 그늘막을');
      const b = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '정류장 햇빛 가리개 설치');
      check((await vote(ctx, lf, a.id, p.token)).status === 201, 'POST /forums/{forumId}/ideas/{ideaId}/votes', 'status', 'a dot must be accepted');
      check((await vote(ctx, lf, b.id, p.token)).status === 201, 'POST /forums/{forumId}/ideas/{ideaId}/votes', 'status', 'a dot must be accepted');
      const m = await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/merge', { params: { forumId, ideaId: a.id }, token: lf.facilitator.token, body: { into: b.id }, expect: 200 });
      const target = m.body as Idea;
      check(target.id === b.id && target.votes === 2, m.endpoint, 'votes', `must return the target ${b.id} with both dots (got ${target.id} with ${target.votes})`);
      const src = (await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: a.id }, expect: 200 })).body as Idea;
      check(src.status === 'merged' && src.mergedInto === b.id, 'GET /forums/{forumId}/ideas/{ideaId}', 'mergedInto', `the source must be merged into ${b.id} (got ${src.status}, ${src.mergedInto})`);
      const pub = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, query: { limit: 1000 }, expect: 200 })).body as { items: Idea[] };
      check(!pub.items.some((i) => i.id === a.id), 'GET /forums/{forumId}/ideas', 'items', `the merged idea ${a.id} is still in the public list`);
      const me = (await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId }, token: p.token, expect: 200 })).body as { votesUsed: number; votes: Record<string, number> };
      check(me.votes[b.id] === 2 && me.votesUsed === 2, 'GET /forums/{forumId}/participants/me', 'votes', `the participant keeps both dots on the target (got ${JSON.stringify(me.votes)})`);
      expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/merge', { params: { forumId, ideaId: b.id }, token: lf.facilitator.token, body: { into: b.id } }), 409);
      expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/merge', { params: { forumId, ideaId: b.id }, token: lf.facilitator.token, body: { into: a.id } }), 409);
    },
  },
  {
    group: 'live',
    name: 'SSE: text/event-stream, opens with retry:, a posted idea arrives as idea.created with a numeric id',
    endpoint: SSE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const s = await stream(ctx, lf.forum.id);
      try {
        const idea = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, lf.participants[0]!.token, '실시간으로 보일 제안');
        const { le } = await waitIdea(ctx, s, lf.forum.id, idea.id);
        check(s.parser.firstLine?.startsWith('retry:'), SSE, 'retry', `the stream must open with a retry: field (first line ${JSON.stringify(s.parser.firstLine)})`);
        check(le.type === 'idea.created', SSE, 'event', 'must be idea.created');
        s.events.forEach((e, i) => liveEvent(ctx, e, lf.forum.id, i));
        increasing(s.events);
      } finally {
        s.close();
      }
    },
  },
  {
    group: 'live',
    name: 'SSE: a join, a dot and a moderation arrive as participants.changed, vote.changed, idea.updated',
    endpoint: SSE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const s = await stream(ctx, forumId);
      try {
        const p = await ctx.fixtures.join(ctx.api, forumId, lf.joinCode, 3);
        const idea = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '이벤트 점검용 제안');
        await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId, ideaId: idea.id }, token: p.token, idempotencyKey: true, expect: 201 });
        await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, body: { pinned: true }, expect: 200 });
        const parse = (e: SseEvent) => {
          try {
            return JSON.parse(e.data) as LiveEvent;
          } catch {
            return undefined;
          }
        };
        const wait = async (what: string, pred: (le: LiveEvent) => boolean) => {
          try {
            return await s.waitFor((e) => { const le = parse(e); return !!le && pred(le); }, ctx.timeoutMs / 3);
          } catch (err) {
            if (err instanceof SseTimeout) fail(SSE, what, `did not arrive (${err.message})`);
            throw err;
          }
        };
        await wait('participants.changed', (le) => le.type === 'participants.changed');
        const v = await wait('vote.changed', (le) => le.type === 'vote.changed' && le.data.ideaId === idea.id);
        check((parse(v)!.data.votes as number) === 1, SSE, 'vote.changed data.data.votes', `must be the idea's votes, 1 (got ${JSON.stringify(parse(v)!.data.votes)})`);
        const u = await wait('idea.updated', (le) => le.type === 'idea.updated' && le.data.id === idea.id);
        check(parse(u)!.data.pinned === true, SSE, 'idea.updated data.data.pinned', 'must be the idea after moderation (pinned)');
        s.events.forEach((e, i) => liveEvent(ctx, e, forumId, i));
        increasing(s.events);
      } finally {
        s.close();
      }
    },
  },
  {
    group: 'live',
    name: 'a hidden idea: 404 to the public and to participants, whole to its facilitator; merging it → 409',
    endpoint: 'GET /forums/{forumId}/ideas/{ideaId}',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const p = lf.participants[0]!;
      const idea = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '숨김 점검: 공개되면 안 되는 문장');
      const other = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '숨김 점검: 보이는 제안');
      await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, body: { status: 'hidden' }, expect: 200 });
      expectProblem(await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id } }), 404);
      expectProblem(await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: p.token }), 404);
      const whole = (await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, expect: 200 })).body as Idea;
      check(whole.text === '숨김 점검: 공개되면 안 되는 문장', 'GET /forums/{forumId}/ideas/{ideaId}', 'text', 'the facilitator must read the hidden idea whole');
      expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/merge', { params: { forumId, ideaId: idea.id }, token: lf.facilitator.token, body: { into: other.id } }), 409);
    },
  },
  {
    group: 'live',
    name: "SSE: a hidden idea reaches the public stream only as a tombstone (live, and replayed from the start); a facilitator's stream carries it whole",
    endpoint: SSE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const secret = `숨김 점검 ${Date.now()}: 공개 스트림에 나오면 안 되는 문장`;
      const byId = (id: string) => (e: SseEvent) => {
        try {
          const le = JSON.parse(e.data) as LiveEvent;
          return le.type.startsWith('idea.') && (le.data as { id?: string }).id === id;
        } catch {
          return false;
        }
      };
      const pub = await stream(ctx, forumId);
      const mod = await stream(ctx, forumId, undefined, false, lf.facilitator.token);
      let ideaId = '';
      try {
        const idea = await ctx.fixtures.postIdea(ctx.api, forumId, lf.participants[0]!.token, secret);
        ideaId = idea.id;
        await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId }, token: lf.facilitator.token, body: { status: 'hidden' }, expect: 200 });
        const hidden = (e: SseEvent) => byId(ideaId)(e) && (JSON.parse(e.data) as LiveEvent).type === 'idea.updated';
        for (const [s, who] of [[pub, 'public'], [mod, 'facilitator']] as const) {
          try {
            await s.waitFor(hidden, ctx.timeoutMs / 3);
          } catch (err) {
            if (err instanceof SseTimeout) fail(SSE, `${who} idea.updated`, `the hide did not arrive (${err.message})`);
            throw err;
          }
        }
        const pubHide = JSON.parse(pub.events.find(hidden)!.data) as LiveEvent;
        check((pubHide.data as Idea).text === '' && (pubHide.data as Idea).status === 'hidden', SSE, 'idea.updated data.data.text', `the public stream must carry a hidden idea with an empty text (got ${JSON.stringify((pubHide.data as Idea).text)})`);
        const modHide = JSON.parse(mod.events.find(hidden)!.data) as LiveEvent;
        check((modHide.data as Idea).text === secret, SSE, 'idea.updated data.data.text', "a facilitator's stream must carry the hidden idea whole");
        pub.events.forEach((e, i) => liveEvent(ctx, e, forumId, i));
      } finally {
        pub.close();
        mod.close();
      }
      const replay = await stream(ctx, forumId, '0');
      try {
        try {
          await replay.waitFor((e) => byId(ideaId)(e) && (JSON.parse(e.data) as LiveEvent).type === 'idea.updated', ctx.timeoutMs / 3);
        } catch (err) {
          if (err instanceof SseTimeout) fail(SSE, 'replay', `replaying from 0 did not reach the hidden idea (${err.message})`);
          throw err;
        }
        const about = replay.events.filter(byId(ideaId));
        check(about.length >= 2, SSE, 'replay', `must replay the idea's idea.created and idea.updated (got ${about.length} events)`);
        for (const e of about) {
          const le = JSON.parse(e.data) as LiveEvent;
          check((le.data as Idea).text === '', SSE, `replayed ${le.type} data.data.text`, `an idea hidden now must be replayed without its text, from its first event on (got ${JSON.stringify((le.data as Idea).text)})`);
        }
      } finally {
        replay.close();
      }
    },
  },
  {
    group: 'live',
    name: 'ideas pagination: follows nextCursor, limit honoured, no duplicates',
    endpoint: 'GET /forums/{forumId}/ideas',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      for (let i = 0; i < 3; i++) await ctx.fixtures.postIdea(ctx.api, forumId, lf.participants[1]!.token, `페이지 점검 ${i + 1}`);
      const all = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, query: { limit: 1000 }, expect: 200 })).body as { items: Idea[]; nextCursor: string | null };
      check(all.nextCursor === null, 'GET /forums/{forumId}/ideas', 'nextCursor', 'must be null when every idea fits on the page');
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let page = 1; ; page++) {
        const res = await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, query: { limit: 2, cursor }, expect: 200 });
        const b = res.body as { items: Idea[]; nextCursor: string | null };
        check(b.items.length <= 2, res.endpoint, 'items', `limit=2 must give at most 2 ideas (got ${b.items.length})`);
        for (const i of b.items) {
          check(!seen.has(i.id), res.endpoint, 'items[].id', `idea ${i.id} came twice while paging (page ${page})`);
          seen.add(i.id);
        }
        if (b.nextCursor === null) break;
        check(page < 500 && b.items.length > 0, res.endpoint, 'nextCursor', 'paging does not end');
        cursor = b.nextCursor;
      }
      check(seen.size === all.items.length, 'GET /forums/{forumId}/ideas', 'nextCursor', `paging by 2 gave ${seen.size} ideas, one page gave ${all.items.length}`);
    },
  },
  {
    group: 'live',
    name: 'SSE: reconnecting with Last-Event-ID replays exactly the missed events, in order',
    endpoint: SSE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const token = lf.participants[0]!.token;
      const watch = await stream(ctx, forumId);
      let missed: SseEvent[];
      let last: string;
      try {
        const first = await ctx.fixtures.postIdea(ctx.api, forumId, token, '재연결 점검 1');
        const { e } = await waitIdea(ctx, watch, forumId, first.id);
        last = e.id!;
        const second = await ctx.fixtures.postIdea(ctx.api, forumId, token, '재연결 점검 2');
        const third = await ctx.fixtures.postIdea(ctx.api, forumId, token, '재연결 점검 3');
        await waitIdea(ctx, watch, forumId, second.id);
        await waitIdea(ctx, watch, forumId, third.id);
        watch.events.forEach((x, i) => liveEvent(ctx, x, forumId, i));
        increasing(watch.events);
        missed = watch.events.slice(watch.events.indexOf(e) + 1);
      } finally {
        watch.close();
      }
      for (const viaQuery of [false, true]) {
        const how = viaQuery ? `?lastEventId=${last}` : `Last-Event-ID: ${last}`;
        const again = await stream(ctx, forumId, last, viaQuery);
        try {
          for (let i = 0; i < missed.length; i++) {
            let e: SseEvent | null;
            try {
              e = await again.next(ctx.timeoutMs / 4);
            } catch (err) {
              fail(SSE, `resume (${how})`, `expected ${missed.length} missed events, got ${i} (${(err as Error).message})`);
            }
            check(e, SSE, `resume (${how})`, `the stream ended after ${i} of ${missed.length} missed events`);
            liveEvent(ctx, e, forumId, i);
            check(e.id === missed[i]!.id && e.event === missed[i]!.event, SSE, `resume (${how}) event ${i + 1}`, `expected id ${missed[i]!.id} (${missed[i]!.event}), got id ${e.id} (${e.event})`);
          }
        } finally {
          again.close();
        }
      }
    },
  },
  {
    group: 'live',
    name: "SSE: the ideas list's lastEventId resumes without a gap",
    endpoint: 'GET /forums/{forumId}/ideas',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const page = (await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId }, expect: 200 })).body as { lastEventId: string };
      const idea = await ctx.fixtures.postIdea(ctx.api, forumId, lf.participants[1]!.token, '목록 이후에 올린 제안');
      const s = await stream(ctx, forumId, page.lastEventId);
      try {
        const { e } = await waitIdea(ctx, s, forumId, idea.id);
        const before = s.events.slice(0, s.events.indexOf(e));
        check(before.every((x) => x.event !== 'reset'), SSE, 'reset', `resuming from the list's lastEventId ${page.lastEventId} must not need a reset`);
      } finally {
        s.close();
      }
    },
  },
  {
    group: 'live',
    name: 'SSE: an unknown Last-Event-ID → reset first',
    endpoint: SSE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const s = await stream(ctx, lf.forum.id, '999999999999999');
      try {
        let e: SseEvent | null;
        try {
          e = await s.next(ctx.timeoutMs / 2);
        } catch (err) {
          fail(SSE, 'reset', `no event after Last-Event-ID 999999999999999 (${(err as Error).message}); expected reset`);
        }
        check(e, SSE, 'reset', 'the stream ended without a reset event');
        const le = liveEvent(ctx, e, lf.forum.id, 0);
        check(le.type === 'reset', SSE, 'event 1', `an unknown Last-Event-ID must give reset first (got ${le.type})`);
        const idea = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, lf.participants[0]!.token, '초기화 뒤에 올린 제안');
        const { e: next } = await waitIdea(ctx, s, lf.forum.id, idea.id);
        check(Number(next.id) > Number(e.id), SSE, 'event after reset', `live events continue after the reset's id ${e.id} (got ${next.id})`);
      } finally {
        s.close();
      }
    },
  },
  {
    group: 'live',
    name: 'SSE: a heartbeat comment at least every 15 s',
    endpoint: SSE,
    admin: true,
    slow: true,
    timeFactor: 3,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const s = await stream(ctx, lf.forum.id);
      try {
        await s.waitForComment(16_000).catch((err: Error) => fail(SSE, 'heartbeat', `no comment line within 16 s (${err.message})`));
      } finally {
        s.close();
      }
    },
  },
];
