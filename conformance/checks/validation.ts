/**
 * validation: bad input to every write endpoint is refused with 400 problem+json whose
 * `errors[].field` names the field, and a refused write changes nothing.
 */
import type { CheckContext, CheckDef } from '../runner.ts';
import { Skip, type Api } from '../http.ts';
import { KIT_TAG, validRegistration, validForumInput, type Forum, type LiveForum } from '../fixtures.ts';
import { check, expectFieldErrors, expectProblem } from './util.ts';
import { openSse } from '../sse.ts';

/** An open forum to send bad registrations to: the kit's own with the admin token, else an existing one. */
export async function openForum(ctx: CheckContext): Promise<Forum> {
  if (ctx.adminToken) return ctx.fixtures.sharedOpenForum();
  const list = await ctx.fixtures.existingForums();
  const f = list.find((x) => x.status === 'open' || x.status === 'full');
  if (!f) throw new Skip('no forum open for signup on the backend (give --admin-token to let the kit create one)');
  return f;
}

async function seats(api: Api, forumId: string): Promise<number> {
  const f = (await api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum;
  return f.registered + f.waitlisted;
}

interface RegCase {
  name: string;
  mutate?: (b: Record<string, unknown>) => void;
  raw?: string;
  fields: string[];
}

const regCases: RegCase[] = [
  { name: 'name as a number', mutate: (b) => (b.name = 42), fields: ['name'] },
  { name: 'contact missing', mutate: (b) => delete b.contact, fields: ['contact'] },
  { name: 'an unknown field', mutate: (b) => (b.nickname = 'x'), fields: ['nickname'] },
  { name: 'name too long (51 characters)', mutate: (b) => (b.name = '가'.repeat(51)), fields: ['name'] },
  { name: 'contact.kind not in the enum', mutate: (b) => ((b.contact as Record<string, unknown>).kind = 'fax'), fields: ['contact.kind'] },
  { name: 'every bad field is listed (name missing, ageGroup unknown)', mutate: (b) => { delete b.name; b.ageGroup = 'teen'; }, fields: ['name', 'ageGroup'] },
  { name: 'malformed JSON', raw: '{"name": "점검", ', fields: [] },
];

const registrationChecks: CheckDef[] = regCases.map((c) => ({
  group: 'validation',
  name: `registration: ${c.name} → 400${c.fields.length ? ` naming ${c.fields.join(', ')}` : ''}, nothing written`,
  endpoint: 'POST /forums/{forumId}/registrations',
  async run(ctx) {
    const f = await openForum(ctx);
    const form = await ctx.fixtures.signupForm(ctx.api, f.id);
    const before = await seats(ctx.api, f.id);
    const body = validRegistration(form, ctx.fixtures.tag());
    c.mutate?.(body);
    const res = await ctx.api.call('POST /forums/{forumId}/registrations', {
      params: { forumId: f.id },
      ...(c.raw !== undefined ? { rawBody: c.raw } : { body }),
      idempotencyKey: true,
    });
    if (c.fields.length) expectFieldErrors(res, c.fields);
    else expectProblem(res, 400);
    const after = await seats(ctx.api, f.id);
    check(after === before, 'GET /forums/{forumId}', 'registered + waitlisted', `a refused registration changed the counts (${before} → ${after})`);
  },
}));

const queryChecks: CheckDef[] = [
  ['limit=0', { limit: 0 }, 'query.limit'],
  ['limit=abc', { limit: 'abc' }, 'query.limit'],
  ['limit=101', { limit: 101 }, 'query.limit'],
  ['order=sideways', { order: 'sideways' }, 'query.order'],
  ['from=yesterday', { from: 'yesterday' }, 'query.from'],
].map(([label, query, field]) => ({
  group: 'validation' as const,
  name: `bad query ${label as string} → 400 naming ${field as string}`,
  endpoint: 'GET /forums',
  async run(ctx: CheckContext) {
    const res = await ctx.api.call('GET /forums', { query: query as Record<string, string> });
    expectFieldErrors(res, [field as string]);
  },
}));

queryChecks.push({
  group: 'validation',
  name: 'bad ideas query (sort=loudest, limit=0) → 400 naming query.sort, query.limit',
  endpoint: 'GET /forums/{forumId}/ideas',
  async run(ctx) {
    const list = await ctx.fixtures.existingForums();
    const f = ctx.adminToken ? (await ctx.fixtures.liveForum()).forum : list[0];
    if (!f) throw new Skip('the backend has no forum');
    const res = await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: f.id }, query: { sort: 'loudest', limit: 0 } });
    expectFieldErrors(res, ['query.sort', 'query.limit']);
  },
});

queryChecks.push({
  group: 'validation',
  name: 'bad Last-Event-ID on the event stream → 400',
  endpoint: 'GET /forums/{forumId}/events',
  async run(ctx) {
    const list = await ctx.fixtures.existingForums();
    const f = ctx.adminToken ? (await ctx.fixtures.liveForum()).forum : list[0];
    if (!f) throw new Skip('the backend has no forum');
    const url = ctx.api.url('/forums/{forumId}/events', { forumId: f.id });
    const s = await openSse(url, { headers: { 'last-event-id': 'abc' }, signal: ctx.signal, fetch: ctx.fetch, connectTimeoutMs: ctx.timeoutMs });
    try {
      check(s.response.status === 400, 'GET /forums/{forumId}/events', 'status', `Last-Event-ID "abc" must be refused with 400 (got ${s.response.status})`);
      const ct = (s.response.headers.get('content-type') ?? '').split(';')[0];
      check(ct === 'application/problem+json', 'GET /forums/{forumId}/events (400)', 'content-type', `must be application/problem+json (got ${JSON.stringify(ct)})`);
    } finally {
      s.close();
    }
  },
});

/** Bad bodies to the admin, facilitator and participant writes, on the kit's own live forum. */
interface WriteCase {
  endpoint: string;
  label: string;
  who: 'admin' | 'facilitator' | 'participant';
  body?: unknown;
  raw?: string;
  idem?: boolean;
  needsIdea?: boolean;
  fields: string[];
  /** A number that must not change when the write is refused. */
  count?: (ctx: CheckContext, lf: LiveForum) => Promise<number>;
}

const forumCount = async (ctx: CheckContext) => (await ctx.fixtures.listAll(ctx.api, { topic: KIT_TAG })).length;
const ideaCount = async (ctx: CheckContext, lf: LiveForum) => ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId: lf.forum.id }, expect: 200 })).body as Forum).ideas;
const participantCount = async (ctx: CheckContext, lf: LiveForum) => ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId: lf.forum.id }, expect: 200 })).body as Forum).participants;

const writeCases: WriteCase[] = [
  { endpoint: 'POST /forums', label: 'capacity as a string', who: 'admin', body: validForumInput('bad', { capacity: '30' }), fields: ['capacity'], count: forumCount },
  { endpoint: 'POST /forums', label: 'title missing', who: 'admin', body: (() => { const b = validForumInput('bad'); delete b.title; return b; })(), fields: ['title'], count: forumCount },
  { endpoint: 'POST /forums', label: 'an unknown field', who: 'admin', body: validForumInput('bad', { colour: 'red' }), fields: ['colour'], count: forumCount },
  { endpoint: 'POST /forums', label: 'title too long (101)', who: 'admin', body: validForumInput('bad', { title: 'x'.repeat(101) }), fields: ['title'], count: forumCount },
  { endpoint: 'POST /forums', label: 'startsAt not a date-time', who: 'admin', body: validForumInput('bad', { startsAt: 'tomorrow' }), fields: ['startsAt'], count: forumCount },
  { endpoint: 'POST /forums', label: 'venue.name missing', who: 'admin', body: validForumInput('bad', { venue: { address: '남양주' } }), fields: ['venue.name'], count: forumCount },
  { endpoint: 'POST /forums', label: 'malformed JSON', who: 'admin', raw: '{"title":', fields: [], count: forumCount },
  { endpoint: 'PATCH /forums/{forumId}', label: 'capacity 0', who: 'admin', body: { capacity: 0 }, fields: ['capacity'] },
  { endpoint: 'PATCH /forums/{forumId}', label: 'an empty patch', who: 'admin', body: {}, fields: [] },
  { endpoint: 'POST /forums/{forumId}/status', label: 'status "reported" (set by the server only)', who: 'admin', body: { status: 'reported' }, fields: ['status'] },
  { endpoint: 'PUT /forums/{forumId}/signup-form', label: 'questions[0].kind unknown', who: 'admin', body: { questions: [{ id: 'q1', label: '질문', kind: 'essay', required: true }] }, fields: ['questions.0.kind'] },
  { endpoint: 'POST /forums/{forumId}/participants', label: 'table 0', who: 'participant', body: { joinCode: 'ABCDEF', table: 0 }, idem: true, fields: ['table'], count: participantCount },
  { endpoint: 'POST /forums/{forumId}/participants', label: 'joinCode missing', who: 'participant', body: { table: 1 }, idem: true, fields: ['joinCode'], count: participantCount },
  { endpoint: 'POST /forums/{forumId}/facilitators', label: 'name empty', who: 'admin', body: { name: '' }, fields: ['name'] },
  { endpoint: 'PUT /forums/{forumId}/voting', label: 'open as a string', who: 'facilitator', body: { open: 'yes' }, fields: ['open'] },
  { endpoint: 'PUT /forums/{forumId}/voting', label: 'durationSeconds below 30', who: 'facilitator', body: { open: true, durationSeconds: 5 }, fields: ['durationSeconds'] },
  { endpoint: 'POST /forums/{forumId}/ideas', label: 'text empty', who: 'participant', body: { text: '' }, idem: true, fields: ['text'], count: ideaCount },
  { endpoint: 'POST /forums/{forumId}/ideas', label: 'text too long (281)', who: 'participant', body: { text: '가'.repeat(281) }, idem: true, fields: ['text'], count: ideaCount },
  { endpoint: 'POST /forums/{forumId}/ideas', label: 'an unknown field', who: 'participant', body: { text: '좋아요', mood: 'happy' }, idem: true, fields: ['mood'], count: ideaCount },
  { endpoint: 'POST /forums/{forumId}/ideas', label: 'malformed JSON', who: 'participant', raw: '{"text": "', idem: true, fields: [], count: ideaCount },
  { endpoint: 'PATCH /forums/{forumId}/ideas/{ideaId}', label: 'status "merged" (merge has its own endpoint)', who: 'facilitator', body: { status: 'merged' }, needsIdea: true, fields: ['status'] },
  { endpoint: 'PATCH /forums/{forumId}/ideas/{ideaId}', label: 'category too long (41)', who: 'facilitator', body: { category: 'x'.repeat(41) }, needsIdea: true, fields: ['category'] },
  { endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/merge', label: 'into missing', who: 'facilitator', body: {}, needsIdea: true, fields: ['into'] },
];

const writeChecks: CheckDef[] = writeCases.map((c) => ({
  group: 'validation',
  name: `${c.endpoint.split(' ')[1]!.replace('/forums/{forumId}', '…')}: ${c.label} → 400${c.fields.length ? ` naming ${c.fields.join(', ')}` : ''}`,
  endpoint: c.endpoint,
  admin: true,
  async run(ctx) {
    const lf = await ctx.fixtures.liveForum();
    const token = c.who === 'admin' ? ctx.adminToken! : c.who === 'facilitator' ? lf.facilitator.token : lf.participants[0]!.token;
    const params: Record<string, string> = { forumId: lf.forum.id };
    if (c.needsIdea) params.ideaId = (await ctx.fixtures.sharedIdea()).id;
    const before = c.count ? await c.count(ctx, lf) : 0;
    const res = await ctx.api.call(c.endpoint, {
      params,
      token: c.endpoint.endsWith('/participants') ? undefined : token,
      ...(c.raw !== undefined ? { rawBody: c.raw } : { body: c.body }),
      idempotencyKey: c.idem ? true : undefined,
    });
    if (c.fields.length) expectFieldErrors(res, c.fields);
    else expectProblem(res, 400);
    if (c.count) {
      const after = await c.count(ctx, lf);
      check(after === before, c.endpoint, 'side effects', `a refused write changed the count (${before} → ${after})`);
    }
  },
}));

const bodyChecks: CheckDef[] = [
  {
    group: 'validation',
    name: 'a registration sent as text/plain (or with no Content-Type) → 415 problem, nothing written',
    endpoint: 'POST /forums/{forumId}/registrations',
    async run(ctx) {
      const f = await openForum(ctx);
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const before = await seats(ctx.api, f.id);
      const url = ctx.api.url('/forums/{forumId}/registrations', { forumId: f.id });
      const body = new TextEncoder().encode(JSON.stringify(validRegistration(form, ctx.fixtures.tag())));
      for (const type of ['text/plain', null]) {
        const res = await ctx.api.raw('POST', url, {
          headers: { accept: 'application/problem+json', 'idempotency-key': crypto.randomUUID(), ...(type ? { 'content-type': type } : {}) },
          body,
        });
        const text = await res.text();
        check(res.status === 415, 'POST /forums/{forumId}/registrations', 'status', `a ${type ?? 'typeless'} body must be refused with 415 (got ${res.status} ${text.slice(0, 80)})`);
        const ct = (res.headers.get('content-type') ?? '').split(';')[0];
        check(ct === 'application/problem+json', 'POST /forums/{forumId}/registrations (415)', 'content-type', `must be application/problem+json (got ${JSON.stringify(ct)})`);
      }
      const after = await seats(ctx.api, f.id);
      check(after === before, 'GET /forums/{forumId}', 'registered + waitlisted', `a refused registration changed the counts (${before} → ${after})`);
    },
  },
  {
    group: 'validation',
    name: 'a body nested 10,000 deep → 400, never a 5xx',
    endpoint: 'POST /forums/{forumId}/registrations',
    async run(ctx) {
      const f = await openForum(ctx);
      for (const raw of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
        const res = await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: f.id }, rawBody: raw, idempotencyKey: true });
        expectProblem(res, 400);
      }
    },
  },
];

export const validationChecks: CheckDef[] = [...queryChecks, ...registrationChecks, ...writeChecks, ...bodyChecks];
