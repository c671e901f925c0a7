/**
 * Differential check: the reference server as it runs in Node (better-sqlite3, node:crypto, HTTP)
 * and the Storybook fake — the same server app over SQLite in WebAssembly — run both in Node and
 * in Chromium (bundled as Storybook bundles it, with the browser's crypto), all seeded from the
 * demo seed with the same clock, answer the same reads with the same bodies — every forum, its
 * signup form, tables, ideas (all of them, as an admin), registrations, results, the totals and
 * the calendars — and the same sequence of writes (signup, waitlist, cancel, join, ideas, dots,
 * moderation, merge, results, the city's answer, the personal-data desk) gives the same answers
 * and the same live events once generated ids, tokens and times are set aside. What a story shows
 * is what the server would show.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/start.ts';
import { purgeExpiredPersonalData } from '../../server/model/personal-data.ts';
import { createFakeBackend, FAKE_API, FAKE_ADMIN_TOKEN, type FakeBackend } from '../../stories/fake/index.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const root = join(import.meta.dirname, '..', '..');
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'];

interface Side {
  name: 'server' | 'node fake' | 'browser fake';
  base: string;
  admin: string;
  fetch: typeof fetch;
  /** The event stream after `from`, as text, up to and including the event `to`. */
  events(forumId: string, from: string, to: string): Promise<string>;
}

let server: RunningServer;
let fake: FakeBackend;
let browser: Browser;
let page: Page;
let files: Server;
let out = '';
let real: Side;
let sides: Side[];
const fakes = () => sides.filter((s) => s.name !== 'server');

/**
 * The event stream of `url` after `from`, read until the event `to` (10 s at most), as text.
 * Self-contained: the browser side runs this same function in the page.
 */
async function streamUntil(fetchImpl: typeof fetch, url: string, from: string, to: string): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 10_000);
  let text = '';
  try {
    const reader = (await fetchImpl(url, { headers: { 'Last-Event-ID': from }, signal: abort.signal })).body!.getReader();
    const decoder = new TextDecoder();
    while (!text.includes(`id: ${to}\n`)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    /* aborted: what came so far */
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return text;
}

function nodeSide(name: 'server' | 'node fake', base: string, admin: string, fetchImpl: typeof fetch): Side {
  return {
    name,
    base,
    admin,
    fetch: fetchImpl,
    events: (forumId, from, to) => streamUntil(fetchImpl, `${base}/forums/${forumId}/events`, from, to),
  };
}

/** The fake in the page: requests and answers cross as plain data; a stream is read there until `to`. */
function browserSide(): Side {
  type Answer = { status: number; headers: [string, string][]; text: string };
  const fetchInPage = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = { url: String(input), method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body: (init.body as string | undefined) ?? null };
    const a = await page.evaluate(async (r): Promise<Answer> => {
      const res = await (window as unknown as { fake: FakeBackend }).fake.fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
      const headers: [string, string][] = [];
      res.headers.forEach((value, name) => headers.push([name, value]));
      return { status: res.status, headers, text: await res.text() };
    }, request);
    return new Response(a.status === 204 || a.status === 304 ? null : a.text, { status: a.status, headers: a.headers });
  }) as typeof fetch;
  return {
    name: 'browser fake',
    base: FAKE_API,
    admin: FAKE_ADMIN_TOKEN,
    fetch: fetchInPage,
    events: (forumId, from, to) =>
      page.evaluate(
        ([url, from, to]) => {
          const w = window as unknown as { fake: FakeBackend; streamUntil: typeof streamUntil };
          return w.streamUntil(w.fake.fetch, url, from, to);
        },
        [`${FAKE_API}/forums/${forumId}/events`, from, to] as const,
      ),
  };
}

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

/** Every side's answer to the same request. */
async function every(method: string, path: string, opts: { body?: unknown; admin?: boolean; key?: string } = {}) {
  const answers = await Promise.all(sides.map((s) => call(s, method, path, { ...opts, token: opts.admin ? s.admin : undefined })));
  return { real: answers[0]!, fakes: fakes().map((s, i) => ({ name: s.name, ...answers[i + 1]! })) };
}

before(async () => {
  server = await startServer({ seed: 'demo', now: () => new Date(NOW), purgeIntervalMs: 0 });
  await purgeExpiredPersonalData(server.db, NOW);
  fake = await createFakeBackend({ now: NOW });

  // the fake as Storybook runs it: bundled for the browser (sql.js's browser build and its .wasm
  // file, no node:crypto), in Chromium
  out = mkdtempSync(join(tmpdir(), 'hd-parity-'));
  await build({ entryPoints: [join(root, 'stories/fake/index.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: join(out, 'fake.js'), tsconfig: join(root, 'tsconfig.json'), logLevel: 'error' });
  const wasm = join(root, 'node_modules/sql.js/dist/sql-wasm-browser.wasm');
  files = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // fake.js finds the .wasm at ../../node_modules/… from itself, which resolves to /node_modules/…
    if (path === '/fake.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(out, 'fake.js')));
    else if (path === '/node_modules/sql.js/dist/sql-wasm-browser.wasm') res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(wasm));
    else if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>parity</title>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${(files.address() as AddressInfo).port}/`);
  await page.evaluate(async (now) => {
    const m = (await import('/fake.js' as string)) as typeof import('../../stories/fake/index.ts');
    (window as unknown as { fake: FakeBackend }).fake = await m.createFakeBackend({ now: new Date(now) });
  }, NOW.toISOString());
  await page.evaluate(`window.streamUntil = ${streamUntil.toString()}`);
  assert.deepEqual(errors, []);
  assert.equal(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process), 'undefined', 'a browser: no Node globals for the server code to use');

  real = nodeSide('server', server.apiBase, server.adminToken, fetch);
  sides = [real, nodeSide('node fake', FAKE_API, fake.demo.adminToken, fake.fetch), browserSide()];
}, { timeout: 120_000 });

after(async () => {
  await page?.evaluate(() => (window as unknown as { fake: FakeBackend }).fake.dispose()).catch(() => undefined);
  await browser?.close();
  await new Promise((r) => files?.close(r));
  if (out) rmSync(out, { recursive: true, force: true });
  await fake?.dispose();
  await server?.close();
});

describe('reads: the same bodies', () => {
  let forumIds: string[] = [];

  test('the forum list, with filters and pages', async () => {
    for (const q of ['?limit=100', '?status=open,full&limit=5', '?order=desc&limit=7', '?q=%EB%B2%84%EC%8A%A4&limit=100', '?district=%EC%A7%84%EC%A0%91%EC%9D%8D&limit=100']) {
      const r = await every('GET', `/forums${q}`);
      for (const f of r.fakes) {
        assert.equal(f.status, r.real.status, `${f.name}: ${q}`);
        assert.deepEqual(f.body.items, r.real.body.items, `${f.name}: ${q}`);
        assert.equal(f.body.nextCursor === null, r.real.body.nextCursor === null, `${f.name}: ${q}`);
      }
    }
    forumIds = (await call(real, 'GET', '/forums?limit=100')).body.items.map((f: Json) => f.id);
    assert.equal(forumIds.length, 42);
  });

  test("every forum, its signup form, tables, ideas (all, as admin), registrations and results", { timeout: 120_000 }, async () => {
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
        const r = await every('GET', path, { admin });
        for (const f of r.fakes) {
          assert.equal(f.status, r.real.status, `${f.name}: ${path}`);
          if (path.includes('/registrations')) assert.deepEqual(f.body.items, r.real.body.items, `${f.name}: ${path}`);
          else assert.deepEqual(f.body, r.real.body, `${f.name}: ${path}`);
        }
      }
    }
  });

  test('the totals', async () => {
    const r = await every('GET', '/results/totals');
    for (const f of r.fakes) assert.deepEqual(f.body, r.real.body, f.name);
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
      const r = await every('GET', path);
      for (const f of r.fakes) {
        assert.equal(f.type, 'text/calendar', f.name);
        assert.equal(norm(f.body, new URL(FAKE_API).origin), norm(r.real.body, server.url), `${f.name}: ${path}`);
      }
    }
  });
});

/** The events after `from`, up to and including `to`, read from the stream with Last-Event-ID. */
async function readEvents(side: Side, forumId: string, from: string, to: string): Promise<{ id: string; event: string; data: unknown }[]> {
  const out: { id: string; event: string; data: unknown }[] = [];
  for (const block of (await side.events(forumId, from, to)).split('\n\n')) {
    const lines = block.split('\n');
    const field = (f: string) => lines.find((l) => l.startsWith(`${f}: `))?.slice(f.length + 2);
    const id = field('id');
    if (id === undefined) continue;
    out.push({ id, event: field('event')!, data: (JSON.parse(field('data')!) as { data: unknown }).data });
    if (id === to) break;
  }
  return out;
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
  test('a story of writes across the contract', { timeout: 120_000 }, async () => {
    const norm = new Map(sides.map((s) => [s, normaliser()]));
    const demo = server.demo!;
    const log: { step: string; answers: Map<Side, unknown> }[] = [];
    const tokens: Record<string, Map<Side, string>> = {};
    type S = Side;
    const step = async (label: string, method: string, path: (s: S) => string, opts: { body?: unknown; token?: (s: S) => string; key?: string } = {}) => {
      const out = new Map<Side, { status: number; body: Json }>();
      for (const side of sides) {
        const body = typeof opts.body === 'function' ? (opts.body as (s: S) => unknown)(side) : opts.body;
        out.set(side, await call(side, method, path(side), { body, token: opts.token?.(side), key: opts.key }));
      }
      log.push({ step: label, answers: new Map([...out].map(([side, a]) => [side, [a.status, norm.get(side)!(a.body)]])) });
      return out;
    };
    const admin = (s: S) => s.admin;
    const keep = (answers: Map<Side, { body: Json }>, field: string) => new Map([...answers].map(([side, a]) => [side, a.body[field] as string]));
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
    tokens.wl = keep(wl, 'cancelToken');
    await step('my registration', 'GET', () => '/registrations/me', { token: (s) => tokens.wl!.get(s)! });
    await step('cancel', 'DELETE', () => '/registrations/me', { token: (s) => tokens.wl!.get(s)! });
    await step('cancel twice', 'DELETE', () => '/registrations/me', { token: (s) => tokens.wl!.get(s)! });
    await step('full forum after', 'GET', () => `/forums/${full}`);
    await step('export', 'POST', () => '/admin/personal-data/export', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('erase', 'POST', () => '/admin/personal-data/erase', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('erase again', 'POST', () => '/admin/personal-data/erase', { body: { contact: { kind: 'email', value: 'a@example.com' } }, token: admin });
    await step('open forum after', 'GET', () => `/forums/${open}`);

    const live = demo.liveForumId;
    const mark = (await call(real, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId as string;
    for (const f of fakes()) assert.equal((await call(f, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId, mark, `${f.name}: the same event history`);
    const j = await step('join', 'POST', () => `/forums/${live}/participants`, { body: { joinCode: 'hyeon24', table: 2 } });
    tokens.p = keep(j, 'token');
    await step('wrong code', 'POST', () => `/forums/${live}/participants`, { body: { joinCode: 'WRONG1', table: 2 } });
    const i1 = await step('idea', 'POST', () => `/forums/${live}/ideas`, { body: { text: '  환승 통로에 비가림 시설을  ' }, token: (s) => tokens.p!.get(s)!, key: 'i1' });
    const i2 = await step('idea 2', 'POST', () => `/forums/${live}/ideas`, { body: { text: '환승 통로 지붕' }, token: (s) => tokens.p!.get(s)!, key: 'i2' });
    await step('idea, lone surrogate', 'POST', () => `/forums/${live}/ideas`, { body: { text: 'bad \ud800 text' }, token: (s) => tokens.p!.get(s)!, key: 'i3' });
    await step('idea, a table (participant)', 'POST', () => `/forums/${live}/ideas`, { body: { text: 'x', table: 3 }, token: (s) => tokens.p!.get(s)!, key: 'i4' });
    const id1 = (s: S) => i1.get(s)!.body.id as string;
    const id2 = (s: S) => i2.get(s)!.body.id as string;
    for (let n = 0; n < 4; n++) await step(`dot ${n + 1}`, 'POST', (s) => `/forums/${live}/ideas/${id2(s)}/votes`, { token: (s) => tokens.p!.get(s)!, key: `v${n}` });
    await step('retract', 'DELETE', (s) => `/forums/${live}/ideas/${id2(s)}/votes`, { token: (s) => tokens.p!.get(s)!, key: 'r1' });
    await step('retract none', 'DELETE', (s) => `/forums/${live}/ideas/${id1(s)}/votes`, { token: (s) => tokens.p!.get(s)!, key: 'r2' });
    await step('me', 'GET', () => `/forums/${live}/participants/me`, { token: (s) => tokens.p!.get(s)! });
    await step('moderate as participant', 'PATCH', (s) => `/forums/${live}/ideas/${id1(s)}`, { body: { pinned: true }, token: (s) => tokens.p!.get(s)! });
    await step('moderate', 'PATCH', (s) => `/forums/${live}/ideas/${id1(s)}`, { body: { pinned: true, category: '환승·정류장' }, token: admin });
    await step('merge', 'POST', (s) => `/forums/${live}/ideas/${id2(s)}/merge`, { body: (s: S) => ({ into: id1(s) }), token: admin });
    await step('merge into itself', 'POST', (s) => `/forums/${live}/ideas/${id1(s)}/merge`, { body: (s: S) => ({ into: id1(s) }), token: admin });
    await step('me after merge', 'GET', () => `/forums/${live}/participants/me`, { token: (s) => tokens.p!.get(s)! });
    await step('voting closed', 'PUT', () => `/forums/${live}/voting`, { body: { open: false }, token: admin });
    await step('dot while closed', 'POST', (s) => `/forums/${live}/ideas/${id1(s)}/votes`, { token: (s) => tokens.p!.get(s)!, key: 'v9' });
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
    const results = new Map(await Promise.all(sides.map(async (s) => [s, await call(s, 'GET', `/forums/${live}/results`)] as const)));
    const pid = (s: S) => results.get(s)!.body.proposals[0].id as string;
    await step('respond', 'PUT', (s) => `/forums/${live}/proposals/${pid(s)}/response`, { body: { status: 'partial', answer: '일부 구간부터 설치합니다.', date: '2026-12-01' }, token: admin });
    await step('results after', 'GET', () => `/forums/${live}/results`);
    await step('totals after', 'GET', () => '/results/totals');

    for (const e of log) for (const f of fakes()) assert.deepEqual(e.answers.get(f), e.answers.get(real), `${f.name}: step "${e.step}"`);

    // the live events of that story, replayed from the mark: the same ids, types and data
    const newest = (await call(real, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId as string;
    const replay = async (side: Side) => (await readEvents(side, live, mark, newest)).map((e) => ({ id: e.id, event: e.event, data: norm.get(side)!(e.data) }));
    const expected = await replay(real);
    assert.ok(expected.length > 15, `the story made events (${expected.length})`);
    for (const f of fakes()) {
      assert.equal((await call(f, 'GET', `/forums/${live}/ideas?limit=1`)).body.lastEventId, newest, f.name);
      assert.deepEqual(await replay(f), expected, f.name);
    }
  });
});
