/**
 * Security headers on the reference server, and the CORS allow-list as a browser enforces it:
 * a page on an origin that is not on the list cannot read the API or write to it; a page on
 * an allowed origin can.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createForum, openSignup, registration, start, type Api } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'];

/** A bare page server: every path answers an empty HTML page (the "embedding site"). */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>embedder</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('security headers', () => {
  let api: Api;
  before(async () => {
    api = await start({ staticRoot: ROOT });
  });
  after(() => api.server.close());

  test('API responses (JSON, problems, SSE, calendars) are not documents: nosniff, no referrer, CSP none', async () => {
    const forum = await createForum(api);
    const urls = [`/forums`, `/forums/${forum.id}`, `/forums/nope`, `/forums/${forum.id}/calendar.ics`];
    for (const path of urls) {
      const r = await fetch(api.server.apiBase + path);
      await r.body?.cancel();
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
      assert.match(r.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
    }
    const ctrl = new AbortController();
    const sse = await fetch(`${api.server.apiBase}/forums/${forum.id}/events`, { signal: ctrl.signal });
    assert.match(sse.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(sse.headers.get('x-content-type-options'), 'nosniff');
    ctrl.abort();
    // a write's error and a write's success alike
    const bad = await api.call('POST', '/forums', { token: api.server.adminToken, body: { title: '<script>' } });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.match(bad.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  test("the server's own pages carry a CSP that allows only their own scripts", async () => {
    const page = await fetch(api.server.url + '/');
    await page.body?.cancel();
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'self'"]);
    assert.ok(directives.has('frame-ancestors'));
    assert.ok(!csp.includes('unsafe-eval'));
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  });
});

describe('CORS allow-list, enforced by a real browser', () => {
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let other: Awaited<ReturnType<typeof pageServer>>;
  let api: Api;
  let forumId: string;

  before(async () => {
    allowed = await pageServer();
    other = await pageServer();
    api = await start({ corsOrigins: [allowed.origin] });
    const forum = await createForum(api, { capacity: 10 });
    await openSignup(api, forum.id);
    forumId = forum.id;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROME_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await api.server.close();
    allowed.server.close();
    other.server.close();
  });

  async function tryFrom(origin: string, i: number) {
    const page = await browser.newPage();
    try {
      await page.goto(origin + '/');
      return await page.evaluate(
        async ({ base, forumId, body }) => {
          const read = await fetch(`${base}/forums/${forumId}`).then(
            (r) => `status ${r.status}`,
            (e: unknown) => `blocked: ${String(e)}`,
          );
          const write = await fetch(`${base}/forums/${forumId}/registrations`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
            body: JSON.stringify(body),
          }).then(
            (r) => `status ${r.status}`,
            (e: unknown) => `blocked: ${String(e)}`,
          );
          return { read, write };
        },
        { base: api.server.apiBase, forumId, body: registration(i) },
      );
    } finally {
      await page.close();
    }
  }

  test('a page on an origin not on the list can neither read nor write; the preflight never reaches the route', async () => {
    const r = await tryFrom(other.origin, 1);
    assert.match(r.read, /^blocked/);
    assert.match(r.write, /^blocked/);
    assert.equal((await api.call('GET', `/forums/${forumId}`)).body.registered, 0);
  });

  test('a page on an allowed origin reads and writes', async () => {
    const r = await tryFrom(allowed.origin, 2);
    assert.equal(r.read, 'status 200');
    assert.equal(r.write, 'status 201');
    assert.equal((await api.call('GET', `/forums/${forumId}`)).body.registered, 1);
  });
});
