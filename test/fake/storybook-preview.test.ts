/**
 * Storybook previews need no server: the static build, served as plain files, renders the guide
 * stories on the in-browser fake in real Chromium — the forums list, a live idea posted from
 * "another table" — and the toolbar's locale and colour scheme reach the story root. No request
 * leaves for anything but the static files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'];

test('the static Storybook runs the guide stories on the fake, with the locale and scheme from the toolbar', { timeout: 180_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'hd-sb-fake-'));
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path === '/' ? 'index.html' : path);
    try {
      if (!file.startsWith(out) || !statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
  try {
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'), 'build', '-o', out, '--quiet'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    assert.equal(build.status, 0, build.stderr || build.stdout);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(`${origin}/iframe.html?id=guides-fake-backend--forums&viewMode=story&globals=locale:en;scheme:dark`);
    const forums = page.locator('hd-fake-guide-forums li');
    await forums.first().waitFor({ timeout: 30_000 });
    assert.ok((await forums.count()) >= 5, 'the demo forums are listed');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const rootStyle = await page.locator('.hd-story-root').evaluate((el) => ({ lang: el.getAttribute('lang'), scheme: getComputedStyle(el).colorScheme }));
    assert.deepEqual(rootStyle, { lang: 'en', scheme: 'dark' });

    await page.goto(`${origin}/iframe.html?id=guides-fake-backend--live-idea-feed&viewMode=story`);
    const feed = page.locator('hd-fake-guide-feed');
    await feed.locator('[data-state]', { hasText: 'open' }).waitFor({ timeout: 30_000 });
    await page.click('[data-action=post]');
    await feed.locator('li', { hasText: '다른 테이블에서 올린 제안 1' }).waitFor({ timeout: 10_000 });
    await page.click('[data-action=drop]');
    await page.click('[data-action=post]');
    await feed.locator('li', { hasText: '다른 테이블에서 올린 제안 2' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko', 'Korean by default');

    assert.deepEqual(errors, []);
    assert.deepEqual(elsewhere, [], 'no request left for a server');
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    rmSync(out, { recursive: true, force: true });
  }
});
