// What `npm start` gives a new user, end to end: the built server on a fresh data directory
// seeds itself, serves the API, the live stream and the demo page, and keeps its data across a
// restart. The demo page is opened in real Chromium under the server's own CSP.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const artifacts = join(root, '.test-results', 'screenshots');




async function allForums(apiBase: string): Promise<{ id: string; status: string }[]> {
  const items: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await fetch(`${apiBase}/forums?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: { id: string; status: string }[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('npm start on a fresh data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-start-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'cdn', 'hyeondap.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints the URL, the admin token and the demo join code and facilitator token', () => {
    const out = server.output();
    assert.match(out, new RegExp(`URL\\s+${server.ready.url}`));
    assert.ok(server.ready.demo, 'no demo info');
    assert.ok(out.includes(server.ready.adminToken));
    assert.ok(out.includes(server.ready.demo.joinCode));
    assert.ok(out.includes(server.ready.demo.facilitatorToken));
    // the venue's screens, with the join code (never the token) in their addresses
    const code = server.ready.demo.joinCode;
    for (const address of [
      `/demo/venue.html?code=${code}`,
      `/demo/venue-participant.html?code=${code}&table=1`,
      '/demo/venue-facilitator.html',
      `/demo/venue-projector.html?code=${code}`,
    ]) {
      assert.ok(out.includes(`${server.ready.url}${address}`), `npm start does not print ${address}`);
    }
    assert.doesNotMatch(out, /\?[^\s]*(hdf_|hda_)/, 'a token in an address');
    assert.ok(existsSync(join(dataDir, 'hyeondap.db')), 'the SQLite database is not in the data directory');
  });

  test('GET /api/forums serves the seeded forums: ~32 reported, upcoming ones, one live', async () => {
    const forums = await allForums(server.ready.apiBase);
    const by = (s: string) => forums.filter((f) => f.status === s).length;
    assert.ok(by('reported') >= 30, `only ${by('reported')} reported forums`);
    assert.equal(by('live'), 1);
    assert.ok(by('open') + by('announced') + by('full') >= 3, 'no upcoming forums');
  });

  test('an idea posted with a participant token streams as idea.created on /events', async () => {
    const { apiBase, demo } = server.ready;
    const stream = new AbortController();
    const res = await fetch(`${apiBase}/forums/${demo!.liveForumId}/events`, { signal: stream.signal, headers: { Accept: 'text/event-stream' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);

    const join = await fetch(`${apiBase}/forums/${demo!.liveForumId}/participants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ joinCode: demo!.joinCode, table: 2 }),
    });
    assert.equal(join.status, 201);
    const { token } = (await join.json()) as { token: string };
    const text = `e2e 아이디어 ${Date.now()}`;
    const posted = await fetch(`${apiBase}/forums/${demo!.liveForumId}/ideas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ text }),
    });
    assert.equal(posted.status, 201);

    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const giveUp = setTimeout(() => stream.abort(), 10_000);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        assert.ok(!done, 'the stream ended before the idea arrived');
        buffer += value;
        const event = buffer.split('\n\n').find((block) => block.includes('event: idea.created') && block.includes(text));
        if (event) {
          assert.match(event, /^id: \d+$/m);
          break;
        }
      }
    } finally {
      clearTimeout(giveUp);
      stream.abort();
    }
  });

  test('the demo page at / lists the seeded forums through the data layer, under a strict CSP, without errors', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${new URL(r.url()).pathname}`));
    // the widgets' code, as the browser received it
    const code: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/dist/cdn/') && path.endsWith('.js')) code.push(`${path} ${r.headers()['content-encoding'] ?? 'as is'}`);
    });
    const res = await page.goto(`${server.ready.url}/`);
    assert.equal(res?.status(), 200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    // The calendar (from the one <script> tag editors paste) lists this month's forums: the live one at least.
    const live = (await (await fetch(`${server.ready.apiBase}/forums/${server.ready.demo!.liveForumId}`)).json()) as { title: string };
    await page.locator('hd-forum-calendar [part~="forum"]', { hasText: live.title }).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.evaluate(() => typeof customElements.get('hd-forum-calendar')), 'function');
    assert.ok(code.length >= 3, `the loader and the calendar's chunks: ${code.join(', ')}`);
    assert.deepEqual(code.filter((l) => !l.endsWith(' br')), [], "the widgets' code comes brotli-compressed");
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'demo-phone.png') });
    await page.locator('hd-forum-calendar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'demo-phone-calendar.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(artifacts, 'demo-projector.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a restart keeps the data and the admin token (not printed again), and does not seed twice', async () => {
    const before = await allForums(server.ready.apiBase);
    const { adminToken } = server.ready;
    await stop(server.child);
    server = await startMain(dataDir);
    assert.equal(server.ready.adminToken, undefined);
    assert.ok(!server.output().includes(adminToken), 'the admin token is printed once, when it is made');
    assert.equal(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), adminToken);
    const afterRestart = await allForums(server.ready.apiBase);
    assert.deepEqual(afterRestart.map((f) => f.id).sort(), before.map((f) => f.id).sort());
    const ideas = await fetch(`${server.ready.apiBase}/forums/${server.ready.demo!.liveForumId}/ideas?limit=1000`);
    const page = (await ideas.json()) as { items: { text: string }[] };
    assert.ok(page.items.some((i) => i.text.startsWith('e2e 아이디어')), 'the idea posted before the restart is gone');
  });
});
