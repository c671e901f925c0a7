/**
 * Differential check: the fake and the reference server, both seeded from the demo seed with the
 * same clock, answer the same reads with the same bodies — every forum, its signup form, tables,
 * ideas (all of them, as an admin), registrations, results, the totals and the calendars — and the
 * same sequence of writes (signup, waitlist, cancel, join, ideas, dots, moderation, merge, results,
 * the city's answer, the personal-data desk) gives the same answers once generated ids, tokens and
 * times are set aside. What a story shows is what the server would show.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/start.ts';
import { purgeExpiredPersonalData } from '../../server/model/personal-data.ts';
import { createFakeBackend, FAKE_API, type FakeBackend } from '../../stories/fake/index.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);

interface Side {
  name: string;
  base: string;
  admin: string;
  fetch: typeof fetch;
}

let server: RunningServer;
let fake: FakeBackend;
let real: Side;
let faked: Side;

async function call(side: Side, method: string, path: string, opts: { body?: unknown; token?: string; key?: string } = {}): Promise<{ status: number; body: Json; type: string }> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await side.fetch(side.base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  return { status: res.status, type: type.split(';')[0]!, body: type.includes('json') ? JSON.parse(text) : text };
}

/** Both sides' answers to the same request. */
async function both(method: string, path: string, opts: { body?: unknown; admin?: boolean; key?: string } = {}) {
  const [a, b] = await Promise.all(
    [real, faked].map((s) => call(s, method, path, { ...opts, token: opts.admin ? s.admin : undefined })),
  );
  return { real: a!, fake: b! };
}

before(async () => {
  server = await startServer({ seed: 'demo', now: () => new Date(NOW), purgeIntervalMs: 0 });
  await purgeExpiredPersonalData(server.db, NOW);
  fake = createFakeBackend({ now: NOW });
  real = { name: 'server', base: server.apiBase, admin: server.adminToken, fetch };
  faked = { name: 'fake', base: FAKE_API, admin: fake.demo.adminToken, fetch: fake.fetch };
});
after(async () => {
  fake.dispose();
  await server.close();
});

describe('reads: the same bodies', () => {
  let forumIds: string[] = [];

  test('the forum list, with filters and pages', async () => {
    for (const q of ['?limit=100', '?status=open,full&limit=5', '?order=desc&limit=7', '?q=%EB%B2%84%EC%8A%A4&limit=100', '?district=%EC%A7%84%EC%A0%91%EC%9D%8D&limit=100']) {
      const r = await both('GET', `/forums${q}`);
      assert.equal(r.fake.status, r.real.status, q);
      assert.deepEqual(r.fake.body.items, r.real.body.items, q);
      assert.equal(r.fake.body.nextCursor === null, r.real.body.nextCursor === null, q);
    }
    forumIds = (await both('GET', '/forums?limit=100')).real.body.items.map((f: Json) => f.id);
    assert.equal(forumIds.length, 42);
  });

  test("every forum, its signup form, tables, ideas (all, as admin), registrations and results", async () => {
    for (const id of forumIds) {
      for (const [path, admin] of [
        [`/forums/${id}`, false],
        [`/forums/${id}/signup-form`, false],
        [`/forums/${id}/tables`, false],
        [`/forums/${id}/ideas?include=all&limit=1000`, true],
        [`/forums/${id}/ideas?sort=votes&limit=1000`, false],
        [`/forums/${id}/registrations?limit=100`, true],
        [`/forums/${id}/results`, false],
      ] as const) {
        const r = await both('GET', path, { admin });
        assert.equal(r.fake.status, r.real.status, path);
        if (path.includes('/registrations')) {
          assert.deepEqual(r.fake.body.items, r.real.body.items, path);
        } else {
          assert.deepEqual(r.fake.body, r.real.body, path);
        }
      }
    }
  });

  test('the totals', async () => {
    const r = await both('GET', '/results/totals');
    assert.deepEqual(r.fake.body, r.real.body);
  });

  test('the calendars (apart from the stamp and the origin of the link to the forum page)', async () => {
    const norm = (ics: string, base: string) =>
      ics
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter((l) => !l.startsWith('DTSTAMP:'))
        .join('\n')
        .replaceAll(base, 'API');
    for (const path of ['/forums/calendar.ics?status=open,full,announced', `/forums/${forumIds[forumIds.length - 1]}/calendar.ics`]) {
      const r = await both('GET', path);
      assert.equal(r.fake.type, 'text/calendar');
      assert.equal(norm(r.fake.body, new URL(FAKE_API).origin), norm(r.real.body, server.url), path);
    }
  });
});

/** The events after `from`, up to and including `to`, read from the stream with Last-Event-ID. */
async function readEvents(side: Side, forumId: string, from: string, to: string): Promise<{ id: string; event: string; data: unknown }[]> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), 10_000);
  const res = await side.fetch(`${side.base}/forums/${forumId}/events`, { headers: { 'Last-Event-ID': from }, signal: ctrl.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const out: { id: string; event: string; data: unknown }[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const field = (f: string) => block.find((l) => l.startsWith(`${f}: `))?.slice(f.length + 2);
        const id = field('id');
        if (id === undefined) continue;
        out.push({ id, event: field('event')!, data: (JSON.parse(field('data')!) as { data: unknown }).data });
        if (id === to) return out;
      }
    }
    return out;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * Generated values differ by nature: ids, tokens, registration codes, join codes and the times
 * of new writes. Each is replaced by a name in order of first appearance, per side, so the same
 * story of writes must produce the same shapes AND the same references between answers.
 */
function normaliser() {
  const seen = new Map<string, string>();
  const name = (kind: string, v: string) => {
    if (!seen.has(v)) seen.set(v, `<${kind}${[...seen.values()].filter((x) => x.startsWith(`<${kind}`)).length + 1}>`);
    return seen.get(v)!;
  };
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [/^[A-Za-z0-9_-]{22}$/.test(k) ? name('id', k) : k, walk(x, k)]));
    if (typeof v !== 'string') return v;
    if (/^hd[acfp]_/.test(v)) return name('token', v);
    if (/^HD-[A-Z0-9]{6}$/.test(v)) return name('code', v);
    if (/^\d{4}-\d\d-\d\dT/.test(v) && Math.abs(Date.parse(v) - NOW.getTime()) < 3_600_000) return '<now>';
    if (key === 'date' && /^\d{4}-\d\d-\d\d$/.test(v)) return v;
    if (/^[A-Za-z0-9_-]{22}$/.test(v)) return name('id', v);
    return v;
  };
  return walk;
}

describe('writes: the same answers', () => {
  test('a story of writes across the contract', async () => {
    const norm = { real: normaliser(), fake: normaliser() };
    const demo = server.demo!;
    const log: { step: string; real: unknown; fake: unknown }[] = [];
    const tokens: Record<string, { real: string; fake: string }> = {};
    type S = 'real' | 'fake';
    const step = async (label: string, method: string, path: (s: S) => string, opts: { body?: unknown; token?: (s: S) => string; key?: string } = {}) => {
      const out: Record<S, { status: number; body: Json }> = {} as never;
      for (const s of ['real', 'fake'] as const) {
        const side = s === 'real' ? real : faked;
        const body = typeof opts.body === 'function' ? (opts.body as (s: S) => unknown)(s) : opts.body;
        out[s] = await call(side, method, path(s), { body, token: opts.token?.(s), key: opts.key });
      }
      log.push({ step: label, real: [out.real.status, norm.real(out.real.body)], fake: [out.fake.status, norm.fake(out.fake.body)] });
      return out;
    };
    const admin = (s: S) => (s === 'real' ? real : faked).admin;
    const reg = (email: string, extra: Record<string, unknown> = {}) => ({
      name: '박시민', contact: { kind: 'email', value: email }, district: '진접읍', ageGroup: '50s', role: 'participant',
      consentVersion: '2026-01', consents: { personal: true, accessibility: true, answers: false, notice: false },
      accessibility: ['wheelchair'], ...extra,
    });

    const full = (await call(real, 'GET', '/forums?status=full')).body.items[0].id as string;
    const open = demo.openForumId;
    await step('register (seat)', 'POST', () => `/forums/${open}/registrations`, { body: reg('a@example.com'), key: 'k1' });
    await step('register again, same key', 'POST', () => `/forums/${open}/registrations`, { body: reg('a@example.com'), key: 'k1' });
    await step('same key, another body', 'POST', () => `/forums/${open}/registrations`, { body: reg('b@example.com'), key: 'k1' });
    await step('same contact', 'POST', () => `/forums/${open}/registrations`, { body: reg('A@Example.com'), key: 'k2' });
    await step('bad fields', 'POST', () => `/forums/${open}/registrations`, { body: { ...reg('x@'), name: '', ageGroup: 'under14', website: 'spam' }, key: 'k3' });
    const wl = await step('register (waitlist)', 'POST', () => `/forums/${full}/registrations`, { body: reg('w@example.com'), key: 'k4' });
    tokens.wl = { real: wl.real.body.cancelToken, fake: wl.fake.body.cancelToken };
    await step('my registration', 'GET', () => '/registrations/me', { token: (s) => tokens.wl![s] });
    await step('cancel', 'DELETE', () => '/registrations/me', { token: (s) => tokens.wl![s] });
    await step('cancel twice', 'DELETE', () => '/registrations/me', { token: (s) => tokens.wl![s] });
    await step('full forum after', 'GET', () => `/forums/${full}`);
    await step('export', 'POST', () => '/admin/personal-data/export', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('erase', 'POST', () => '/admin/personal-data/erase', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('erase again', 'POST', () => '/admin/personal-data/erase', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('open forum after', 'GET', () => `/forums/${open}`);

    const live = demo.liveForumId;
    const mark = { real: (await call(real, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId, fake: (await call(faked, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId };
    assert.equal(mark.fake, mark.real, 'the same event history');
    const j = await step('join', 'POST', () => `/forums/${live}/participants`, { body: { joinCode: 'hyeon24', table: 2 } });
    tokens.p = { real: j.real.body.token, fake: j.fake.body.token };
    await step('wrong code', 'POST', () => `/forums/${live}/participants`, { body: { joinCode: 'WRONG1', table: 2 } });
    const i1 = await step('idea', 'POST', () => `/forums/${live}/ideas`, { body: { text: '  환승 통로에 비가림 시설을  ' }, token: (s) => tokens.p![s], key: 'i1' });
    const i2 = await step('idea 2', 'POST', () => `/forums/${live}/ideas`, { body: { text: '환승 통로 지붕' }, token: (s) => tokens.p![s], key: 'i2' });
    await step('idea, lone surrogate', 'POST', () => `/forums/${live}/ideas`, { body: { text: 'bad \ud800 text' }, token: (s) => tokens.p![s], key: 'i3' });
    await step('idea, a table (participant)', 'POST', () => `/forums/${live}/ideas`, { body: { text: 'x', table: 3 }, token: (s) => tokens.p![s], key: 'i4' });
    const id1 = (s: S) => i1[s].body.id as string;
    const id2 = (s: S) => i2[s].body.id as string;
    for (let n = 0; n < 4; n++) await step(`dot ${n + 1}`, 'POST', (s) => `/forums/${live}/ideas/${id2(s)}/votes`, { token: (s) => tokens.p![s], key: `v${n}` });
    await step('retract', 'DELETE', (s) => `/forums/${live}/ideas/${id2(s)}/votes`, { token: (s) => tokens.p![s], key: 'r1' });
    await step('retract none', 'DELETE', (s) => `/forums/${live}/ideas/${id1(s)}/votes`, { token: (s) => tokens.p![s], key: 'r2' });
    await step('me', 'GET', () => `/forums/${live}/participants/me`, { token: (s) => tokens.p![s] });
    await step('moderate as participant', 'PATCH', (s) => `/forums/${live}/ideas/${id1(s)}`, { body: { pinned: true }, token: (s) => tokens.p![s] });
    await step('moderate', 'PATCH', (s) => `/forums/${live}/ideas/${id1(s)}`, { body: { pinned: true, category: '환승·정류장' }, token: admin });
    await step('merge', 'POST', (s) => `/forums/${live}/ideas/${id2(s)}/merge`, { body: (s: S) => ({ into: id1(s) }), token: admin });
    await step('merge into itself', 'POST', (s) => `/forums/${live}/ideas/${id1(s)}/merge`, { body: (s: S) => ({ into: id1(s) }), token: admin });
    await step('me after merge', 'GET', () => `/forums/${live}/participants/me`, { token: (s) => tokens.p![s] });
    await step('voting closed', 'PUT', () => `/forums/${live}/voting`, { body: { open: false }, token: admin });
    await step('dot while closed', 'POST', (s) => `/forums/${live}/ideas/${id1(s)}/votes`, { token: (s) => tokens.p![s], key: 'v9' });
    await step('results too early', 'PUT', () => `/forums/${live}/results`, { body: { attended: 1, proposals: [] }, token: admin });
    await step('finish', 'POST', () => `/forums/${live}/status`, { body: { status: 'finished' }, token: admin });
    await step('publish', 'PUT', () => `/forums/${live}/results`, {
      body: { attended: 61, proposals: [{ title: '환승 통로 비가림', ideaIds: [], category: '환승·정류장', department: '교통정책과' }] },
      token: admin,
    });
    await step('publish with our idea', 'PUT', () => `/forums/${live}/results`, {
      body: (s: S) => ({ attended: 61, proposals: [{ title: '환승 통로 비가림', ideaIds: [] }, { title: '정류장 안내', ideaIds: [id1(s)] }] }),
      token: admin,
    });
    const results = await call(real, 'GET', `/forums/${live}/results`);
    const fakeResults = await call(faked, 'GET', `/forums/${live}/results`);
    const pid = (s: S) => (s === 'real' ? results : fakeResults).body.proposals[0].id as string;
    await step('respond', 'PUT', (s) => `/forums/${live}/proposals/${pid(s)}/response`, { body: { status: 'partial', answer: '일부 구간부터 설치합니다.', date: '2026-12-01' }, token: admin });
    await step('results after', 'GET', () => `/forums/${live}/results`);
    await step('totals after', 'GET', () => '/results/totals');

    for (const e of log) assert.deepEqual(e.fake, e.real, `step "${e.step}"`);

    // the live events of that story, replayed from the mark: the same ids, types and data
    const newest = (await call(real, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId as string;
    assert.equal((await call(faked, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId, newest);
    const replay = async (side: Side, n: (v: unknown) => unknown) => (await readEvents(side, live, mark.real, newest)).map((e) => ({ id: e.id, event: e.event, data: n(e.data) }));
    const events = { real: await replay(real, norm.real), fake: await replay(faked, norm.fake) };
    assert.ok(events.real.length > 15, `the story made events (${events.real.length})`);
    assert.deepEqual(events.fake, events.real);
  });
});
