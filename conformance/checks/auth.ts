/**
 * auth: writes without a token are 401, a token of the wrong kind or of another forum is 403,
 * and CORS is answered only for the allow-list.
 */
import type { CheckContext, CheckDef } from '../runner.ts';
import { Skip } from '../http.ts';
import { validForumInput, validRegistration, type Forum, type Idea } from '../fixtures.ts';
import { check, expectProblem } from './util.ts';

interface Target {
  forum: Forum;
  idea?: Idea;
  questions?: unknown[];
}

/** The kit's own live forum with the admin token; an existing forum otherwise (read-only use). */
async function target(ctx: CheckContext): Promise<Target> {
  if (ctx.adminToken) {
    const lf = await ctx.fixtures.liveForum();
    return { forum: lf.forum, idea: await ctx.fixtures.sharedIdea() };
  }
  const list = await ctx.fixtures.existingForums();
  const forum = list.find((f) => f.ideas > 0) ?? list[0];
  if (!forum) throw new Skip('the backend has no forum to aim at');
  let idea: Idea | undefined;
  if (forum.ideas > 0) {
    const page = await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: forum.id }, query: { limit: 1 }, expect: 200 });
    idea = (page.body as { items: Idea[] }).items[0];
  }
  return { forum, idea };
}

interface NoTokenCase {
  endpoint: string;
  /** Harmless even if a broken backend accepted it (no-op or refused by state). */
  body?: (t: Target) => unknown;
  idem?: boolean;
  idea?: boolean;
  /** Only on the kit's own forum (the body would change real data if accepted). */
  ownOnly?: boolean;
}

const noToken: NoTokenCase[] = [
  { endpoint: 'POST /forums', body: () => validForumInput('must be refused without a token'), idem: true },
  { endpoint: 'PATCH /forums/{forumId}', body: (t) => ({ title: t.forum.title }) },
  { endpoint: 'POST /forums/{forumId}/status', body: () => ({ status: 'finished' }), ownOnly: true },
  { endpoint: 'PUT /forums/{forumId}/signup-form', body: () => ({ questions: [] }), ownOnly: true },
  { endpoint: 'GET /forums/{forumId}/registrations' },
  { endpoint: 'POST /forums/{forumId}/facilitators', body: () => ({ name: '토큰 없는 요청' }) },
  { endpoint: 'PUT /forums/{forumId}/voting', body: (t) => ({ open: (t.forum as unknown as { voting: { open: boolean } }).voting.open }) },
  { endpoint: 'POST /forums/{forumId}/ideas', body: () => ({ text: '토큰 없이 올린 제안' }), idem: true, ownOnly: true },
  { endpoint: 'PATCH /forums/{forumId}/ideas/{ideaId}', body: () => ({ pinned: false }), idea: true, ownOnly: true },
  { endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/merge', body: (t) => ({ into: t.idea!.id }), idea: true, ownOnly: true },
  { endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/votes', idem: true, idea: true, ownOnly: true },
  { endpoint: 'DELETE /forums/{forumId}/ideas/{ideaId}/votes', idem: true, idea: true },
  { endpoint: 'PUT /forums/{forumId}/results', body: () => ({ attended: 0, proposals: [] }), ownOnly: true },
  { endpoint: 'GET /forums/{forumId}/participants/me' },
  { endpoint: 'GET /forums/{forumId}/participants' },
  { endpoint: 'GET /registrations/me' },
  { endpoint: 'DELETE /registrations/me' },
];

const noTokenChecks: CheckDef[] = noToken.map((c) => ({
  group: 'auth',
  name: `no token → 401`,
  endpoint: c.endpoint,
  admin: !!c.ownOnly,
  async run(ctx) {
    const t = c.endpoint.includes('{forumId}') ? await target(ctx) : undefined;
    const params: Record<string, string> = {};
    if (t) params.forumId = t.forum.id;
    if (c.idea) {
      if (!t?.idea) throw new Skip('no idea on the backend to aim at');
      params.ideaId = t.idea.id;
    }
    const res = await ctx.api.call(c.endpoint, { params, body: c.body && t !== undefined ? c.body(t) : c.body?.({} as Target), idempotencyKey: c.idem ? true : undefined });
    expectProblem(res, 401);
  },
}));

export const authChecks: CheckDef[] = [
  ...noTokenChecks,
  {
    group: 'auth',
    name: 'an unknown token → 401',
    endpoint: 'GET /registrations/me',
    async run(ctx) {
      expectProblem(await ctx.api.call('GET /registrations/me', { token: 'conformance-kit-unknown-token-0000' }), 401);
      expectProblem(await ctx.api.call('POST /forums', { token: 'conformance-kit-unknown-token-0000', body: validForumInput('must be refused: unknown token'), idempotencyKey: true }), 401);
    },
  },
  {
    group: 'auth',
    name: 'a participant token on admin endpoints → 403',
    endpoint: 'POST /forums/{forumId}/status',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const token = lf.participants[0]!.token;
      const forumId = lf.forum.id;
      expectProblem(await ctx.api.call('POST /forums/{forumId}/status', { params: { forumId }, token, body: { status: 'finished' } }), 403);
      expectProblem(await ctx.api.call('POST /forums', { token, body: validForumInput('must be refused: participant token'), idempotencyKey: true }), 403);
      expectProblem(await ctx.api.call('GET /forums/{forumId}/registrations', { params: { forumId }, token }), 403);
      expectProblem(await ctx.api.call('PUT /forums/{forumId}/results', { params: { forumId }, token, body: { attended: 0, proposals: [] } }), 403);
      expectProblem(await ctx.api.call('POST /forums/{forumId}/facilitators', { params: { forumId }, token, body: { name: '참가자가 만든 퍼실리테이터' } }), 403);
    },
  },
  {
    group: 'auth',
    name: 'a cancel token and the admin token on participant endpoints → 403',
    endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/votes',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const idea = await ctx.fixtures.sharedIdea();
      const open = await ctx.fixtures.sharedOpenForum();
      const form = await ctx.fixtures.signupForm(ctx.api, open.id);
      const reg = (await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: open.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true, expect: 201 })).body as { cancelToken: string };
      try {
        const forumId = lf.forum.id;
        expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId, ideaId: idea.id }, token: ctx.adminToken!, idempotencyKey: true }), 403);
        expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId, ideaId: idea.id }, token: reg.cancelToken, idempotencyKey: true }), 403);
        expectProblem(await ctx.api.call('POST /forums', { token: reg.cancelToken, body: validForumInput('must be refused: cancel token'), idempotencyKey: true }), 403);
        const now = (await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, expect: 200 })).body as Idea;
        check(now.votes === idea.votes, 'POST /forums/{forumId}/ideas/{ideaId}/votes', 'votes', `refused votes changed the idea's votes (${idea.votes} → ${now.votes})`);
      } finally {
        await ctx.api.call('DELETE /registrations/me', { token: reg.cancelToken, expect: 200 });
      }
    },
  },
  {
    group: 'auth',
    name: 'a participant token on facilitator endpoints → 403',
    endpoint: 'PATCH /forums/{forumId}/ideas/{ideaId}',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const idea = await ctx.fixtures.sharedIdea();
      const token = lf.participants[0]!.token;
      const forumId = lf.forum.id;
      expectProblem(await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, token, body: { status: 'hidden' } }), 403);
      expectProblem(await ctx.api.call('PUT /forums/{forumId}/voting', { params: { forumId }, token, body: { open: false } }), 403);
      const after = (await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, expect: 200 })).body as Idea;
      check(after.status === 'visible', 'PATCH /forums/{forumId}/ideas/{ideaId}', 'status', `a refused moderation hid the idea (status ${after.status})`);
    },
  },
  {
    group: 'auth',
    name: "one forum's participant and facilitator tokens on another forum → 403",
    endpoint: 'POST /forums/{forumId}/ideas',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const a = await ctx.fixtures.liveForum();
      const b = await ctx.fixtures.secondLiveForum();
      const ideaB = await ctx.fixtures.postIdea(ctx.api, b.forum.id, b.participants[0]!.token, '다른 토론회의 제안');
      const before = ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId: b.forum.id }, expect: 200 })).body as Forum).ideas;
      const p = a.participants[0]!.token;
      expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas', { params: { forumId: b.forum.id }, token: p, body: { text: '남의 토론회에 올린 제안' }, idempotencyKey: true }), 403);
      expectProblem(await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId: b.forum.id }, token: p }), 403);
      expectProblem(await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId: b.forum.id, ideaId: ideaB.id }, token: p, idempotencyKey: true }), 403);
      expectProblem(await ctx.api.call('PATCH /forums/{forumId}/ideas/{ideaId}', { params: { forumId: b.forum.id, ideaId: ideaB.id }, token: a.facilitator.token, body: { status: 'hidden' } }), 403);
      const after = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: b.forum.id }, expect: 200 })).body as Forum;
      check(after.ideas === before, 'POST /forums/{forumId}/ideas', 'side effects', `forum ${b.forum.id} ideas changed ${before} → ${after.ideas} after refused writes`);
    },
  },
  {
    group: 'auth',
    name: 'CORS: an allowed origin (--origin) gets its origin back, the headers it needs, and the exposed headers',
    endpoint: 'OPTIONS /forums',
    async run(ctx) {
      const origin = ctx.origin;
      if (!origin) throw new Skip('give --origin <an embedding origin the backend allows> to check it');
      const url = ctx.api.url('/forums');
      const pre = await ctx.api.raw('OPTIONS', url, {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });
      await pre.arrayBuffer().catch(() => undefined);
      check(pre.status >= 200 && pre.status < 300, 'OPTIONS /forums', 'status', `a preflight must succeed (got ${pre.status})`);
      check(pre.headers.get('access-control-allow-origin') === origin, 'OPTIONS /forums', 'Access-Control-Allow-Origin', `must be ${origin} (got ${JSON.stringify(pre.headers.get('access-control-allow-origin'))})`);
      const methods = (pre.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      check(methods.includes('POST'), 'OPTIONS /forums', 'Access-Control-Allow-Methods', `must allow POST (got ${JSON.stringify(methods)})`);
      const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const h of ['authorization', 'content-type', 'idempotency-key', 'last-event-id']) {
        check(allowed.includes(h) || allowed.includes('*'), 'OPTIONS /forums', 'Access-Control-Allow-Headers', `must allow ${h} (got ${JSON.stringify(pre.headers.get('access-control-allow-headers'))})`);
      }
      const get = await ctx.api.raw('GET', url, { headers: { origin } });
      await get.arrayBuffer().catch(() => undefined);
      check(get.headers.get('access-control-allow-origin') === origin, 'GET /forums', 'Access-Control-Allow-Origin', `must be ${origin} (got ${JSON.stringify(get.headers.get('access-control-allow-origin'))})`);
      const exposed = (get.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      for (const h of ['idempotent-replayed', 'retry-after', 'location']) {
        check(exposed.includes(h), 'GET /forums', 'Access-Control-Expose-Headers', `must expose ${h} (got ${JSON.stringify(get.headers.get('access-control-expose-headers'))})`);
      }
      check(/(^|,)\s*origin\s*(,|$)/i.test(get.headers.get('vary') ?? ''), 'GET /forums', 'Vary', `must include Origin when the answer depends on it (got ${JSON.stringify(get.headers.get('vary'))})`);
      check(get.headers.get('access-control-allow-credentials') !== 'true', 'GET /forums', 'Access-Control-Allow-Credentials', 'must not be true: the API uses bearer tokens, never cookies');
    },
  },
  {
    group: 'auth',
    name: 'CORS: an origin not on the allow-list gets no Access-Control-Allow-Origin',
    endpoint: 'OPTIONS /forums',
    async run(ctx) {
      const evil = 'https://evil.example';
      const url = ctx.api.url('/forums');
      const pre = await ctx.api.raw('OPTIONS', url, {
        headers: { origin: evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });
      await pre.arrayBuffer().catch(() => undefined);
      const acao = pre.headers.get('access-control-allow-origin');
      check(acao !== '*' && acao !== evil, 'OPTIONS /forums', 'Access-Control-Allow-Origin', `must be absent for ${evil} (got ${JSON.stringify(acao)})`);
      const acac = pre.headers.get('access-control-allow-credentials');
      check(!(acac === 'true' && acao), 'OPTIONS /forums', 'Access-Control-Allow-Credentials', 'must not allow credentials to an unlisted origin');
      const get = await ctx.api.raw('GET', url, { headers: { origin: evil } });
      await get.arrayBuffer().catch(() => undefined);
      const acao2 = get.headers.get('access-control-allow-origin');
      check(acao2 !== '*' && acao2 !== evil, 'GET /forums', 'Access-Control-Allow-Origin', `must be absent for ${evil} (got ${JSON.stringify(acao2)})`);
    },
  },
];
