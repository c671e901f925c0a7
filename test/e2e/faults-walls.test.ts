// Live streams cut at random during a burst: 20 <hd-idea-wall> instances, each in its own page
// (a page's widgets share one stream by design, so one wall per page holds one connection), in
// 4 browser contexts, against the built server on a fresh data directory. A fault wrapper over
// `window.EventSource` (installed with addInitScript) lets the test cut a wall's connection the
// way a proxy does (close + an `error` event) several times per wall while Node posts 500 ideas
// and a few hundred votes through the API. Afterwards every wall must hold exactly the server's
// ideas with the server's vote counts: none missing, none twice, none with a stale count.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const WALLS = 20;
// Chromium keeps at most 6 HTTP/1.1 connections per host per browser context, and each wall's
// stream holds one: 4 contexts of 5 walls leave a connection free for each context's fetches.
const CONTEXTS = 4;
const IDEAS = 500;
const POSTERS = 10;
const VOTERS = 30;
const BUDGET = 10; // dots per voter: 300 votes in all
const CONCURRENCY = 20;
const MIN_DROPS_PER_WALL = 3;


/**
 * The built server on a fresh data directory: `server/main.ts` as `npm start` runs it, or, with
 * `retain`, `startServer()` in its own process keeping only the newest `retain` live events per
 * forum, so a wall that resumes from before them gets a `reset` and has to refetch.
 */
function startWalls(dataDir: string, retain?: number) {
  const args = retain
    ? ['--import', 'tsx', '--input-type=module', '-e', `
        const { startServer } = await import('./server/start.ts');
        const s = await startServer({ staticRoot: process.cwd(), dbPath: ':memory:', eventRetainPerForum: ${retain} });
        console.log('HD_READY ' + JSON.stringify({ url: s.url, apiBase: s.apiBase, adminToken: s.adminToken }));
        process.on('SIGTERM', () => s.close().then(() => process.exit(0)));`]
    : undefined;
  return startMain(dataDir, { env: { HD_RATE_LIMIT: '0' }, ...(args ? { args } : {}) });
}


/** Runs `jobs` with at most `limit` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

/**
 * Installed in every page before its scripts: records every EventSource the page opens, and
 * `__hdDrop()` cuts the newest one that is not closed yet like a proxy would (the browser sees the
 * connection end: readyState CLOSED and an `error` event).
 */
// A string, not a function: tsx would wrap a function's classes in helpers the page does not have.
const faultWrapper = `(() => {
  const Native = window.EventSource;
  window.__hdSources = [];
  window.__hdDrops = 0;
  class Faulty extends Native {
    constructor(url, init) {
      super(url, init);
      window.__hdSources.push(this);
    }
  }
  window.EventSource = Faulty;
  window.__hdDrop = () => {
    const live = window.__hdSources.filter((s) => s.readyState !== Native.CLOSED);
    const source = live[live.length - 1];
    if (!source) return false;
    source.close();
    source.dispatchEvent(new Event('error'));
    window.__hdDrops++;
    return true;
  };
})();`;

const wallPage = (forumId: string, joinCode: string, table: number) => `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>wall</title>
<script type="module" src="/dist/cdn/hyeondap.js"></script></head>
<body><hd-idea-wall id="wall" api-base="/api" forum-id="${forumId}" join-code="${joinCode}" table="${table}"></hd-idea-wall></body></html>`;

type Held = { id: string; votes: number; status: string };
const held = (page: Page) =>
  page.evaluate(() => (document.getElementById('wall') as unknown as { shownIdeas: Held[] }).shownIdeas.map((i) => ({ id: i.id, votes: i.votes, status: i.status })));

for (const variant of [
  { name: 'resuming from the server\'s event log', retain: undefined },
  { name: 'when the server kept only the newest 50 events (resume → reset → refetch)', retain: 50 },
]) describe(`20 idea walls while their live streams are cut at random during a burst, ${variant.name}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-faults-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  const problems: string[] = [];
  const refetches = new Array<number>(WALLS).fill(0);
  let forum: { id: string; joinCode: string };

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(server.ready.apiBase + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as any;
  };
  const joinAs = async (table: number) => {
    const res = await fetch(`${server.ready.apiBase}/forums/${forum.id}/participants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ joinCode: forum.joinCode, table }),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { token: string }).token;
  };

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'cdn', 'hyeondap.js')), 'the build is missing: run npm run build first');
    server = await startWalls(dataDir, variant.retain);
    const adminToken = server.ready.adminToken;
    const start = new Date(Date.now() - 3600_000);
    forum = await call('POST', '/forums', adminToken, {
      title: '끊김 시험 토론회',
      summary: '스트림이 끊겨도 벽은 서버와 같아야 합니다.',
      district: '금곡동',
      venue: { name: '남양주시청', address: '경춘로 1037' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
      capacity: 200,
      tables: 10,
      voteBudget: BUDGET,
      categories: ['교통', '환경'],
    });
    await call('POST', `/forums/${forum.id}/status`, adminToken, { status: 'live' });
    await call('PUT', `/forums/${forum.id}/voting`, adminToken, { open: true });

    browser = await launchChromium([
      // 20 pages at once: none of them is the "foreground" one; keep their timers and frames going.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ]);
    for (let c = 0; c < CONTEXTS; c++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 480 }, locale: 'ko-KR' });
      await context.addInitScript({ content: faultWrapper });
      contexts.push(context);
    }
    // Served by the test on the server's origin (the demo pages hold three walls that share a stream).
    await Promise.all(
      Array.from({ length: WALLS }, async (_, i) => {
        const context = contexts[i % CONTEXTS]!;
        const page = await context.newPage();
        page.on('pageerror', (e) => problems.push(`wall ${i}: ${e.message}`));
        page.on('console', (m) => m.type() === 'error' && !/ResizeObserver loop|net::ERR/.test(m.text()) && problems.push(`wall ${i}: ${m.text()}`));
        page.on('request', (r) => r.method() === 'GET' && /\/ideas(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search.slice(0, 1)) && refetches[i]!++);
        const url = `${server.ready.url}/__faults/wall-${i}.html`;
        await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: wallPage(forum.id, forum.joinCode, (i % 10) + 1) }));
        await page.goto(url);
        pages[i] = page;
      }),
    );
    // Every wall joined (its own participant) and has a live connection.
    for (const page of pages) {
      await page.locator('hd-idea-wall').getByText(/번 테이블에서 참여 중입니다/).waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => (window as unknown as { __hdSources: EventSource[] }).__hdSources.some((s) => s.readyState === 1), null, { timeout: 30_000 });
    }
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every wall ends with exactly the server\'s ideas and vote counts', { timeout: 150_000 }, async () => {
    const posters = await Promise.all(Array.from({ length: POSTERS }, (_, i) => joinAs((i % 10) + 1)));
    const voters = await Promise.all(Array.from({ length: VOTERS }, (_, i) => joinAs((i % 10) + 1)));
    const posted: string[] = [];

    // The faults: each wall's connection is cut again and again, at random moments (every
    // 0.2–0.8 s a cut is tried; one that finds the wall already reconnecting misses), until the
    // burst is over.
    const drops = new Array<number>(WALLS).fill(0);
    let bursting = true;
    const faults = pages.map(async (p, i) => {
      while (bursting) {
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 600));
        if (!bursting) break;
        if (await p.evaluate(() => (window as unknown as { __hdDrop: () => boolean }).__hdDrop())) drops[i]!++;
      }
    });

    // The burst: 500 ideas, and every voter spends the whole budget on ideas posted so far.
    // The last tenth waits until every wall has been cut MIN_DROPS_PER_WALL times, so every cut
    // falls inside the burst and every wall misses events it must recover.
    const ideaJobs = Array.from({ length: IDEAS }, (_, i) => async () => {
      const idea = await call('POST', `/forums/${forum.id}/ideas`, posters[i % POSTERS]!, { text: `끊김 시험 제안 ${i + 1}번: 버스 배차 간격을 줄여 주세요` });
      posted.push(idea.id);
    });
    const voteJobs = voters.flatMap((token) =>
      Array.from({ length: BUDGET }, () => async () => {
        const pick = posted[Math.floor(Math.random() * posted.length)]!;
        await call('POST', `/forums/${forum.id}/ideas/${pick}/votes`, token);
      }),
    );
    const jobs: (() => Promise<void>)[] = [];
    let v = 0;
    ideaJobs.forEach((job, i) => {
      jobs.push(job);
      if (i >= 20 && i % 2 === 0 && v < voteJobs.length) jobs.push(voteJobs[v++]!);
    });
    while (v < voteJobs.length) jobs.push(voteJobs[v++]!);
    const split = Math.floor(jobs.length * 0.9);
    await pool(jobs.slice(0, split), CONCURRENCY);
    const cutBy = Date.now() + 60_000;
    while (drops.some((d) => d < MIN_DROPS_PER_WALL) && Date.now() < cutBy) await new Promise((r) => setTimeout(r, 100));
    await pool(jobs.slice(split), CONCURRENCY);
    bursting = false;
    await Promise.all(faults);
    assert.ok(drops.every((d) => d >= MIN_DROPS_PER_WALL), `drops per wall: ${drops.join(',')}`);
    const dropTotal = drops.reduce((a, b) => a + b, 0);

    // The truth.
    const page = await (await fetch(`${server.ready.apiBase}/forums/${forum.id}/ideas?limit=1000`)).json() as { items: { id: string; votes: number }[]; nextCursor: string | null };
    assert.equal(page.nextCursor, null);
    assert.equal(page.items.length, IDEAS);
    assert.equal(page.items.reduce((a, i) => a + i.votes, 0), VOTERS * BUDGET);
    const truth = new Map(page.items.map((i) => [i.id, i.votes]));
    const expected = JSON.stringify([...truth].sort(([a], [b]) => a.localeCompare(b)));

    // Bounded wait: each wall converges once its stream is back (resume) or its poll comes round.
    const deadline = Date.now() + 60_000;
    const last: Held[][] = [];
    for (const [i, p] of pages.entries()) {
      for (;;) {
        const ideas = await held(p);
        last[i] = ideas;
        const got = JSON.stringify(ideas.map((x) => [x.id, x.votes] as const).sort(([a], [b]) => a.localeCompare(b)));
        if (got === expected) break;
        if (Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    for (const [i, ideas] of last.entries()) {
      const ids = ideas.map((x) => x.id);
      const twice = ids.filter((id, k) => ids.indexOf(id) !== k);
      const missing = [...truth.keys()].filter((id) => !ids.includes(id));
      const extra = ids.filter((id) => !truth.has(id));
      const stale = ideas.filter((x) => truth.has(x.id) && truth.get(x.id) !== x.votes).map((x) => `${x.id}: ${x.votes} (server ${truth.get(x.id)})`);
      assert.deepEqual({ wall: i, twice, missing: missing.length, extra, stale: stale.slice(0, 5) }, { wall: i, twice: [], missing: 0, extra: [], stale: [] });
      assert.equal(ideas.length, IDEAS, `wall ${i}`);
    }
    const reopened = await Promise.all(pages.map((p) => p.evaluate(() => (window as unknown as { __hdSources: EventSource[] }).__hdSources.length)));
    console.log(`# faults-walls (${variant.retain ? `retain ${variant.retain}` : 'main.ts'}): ${dropTotal} cuts during the burst; per wall ${drops.join(',')}; EventSources per wall ${reopened.join(',')}; GET /ideas per wall ${refetches.join(',')}`);
    assert.deepEqual(problems, []);
  });
});
