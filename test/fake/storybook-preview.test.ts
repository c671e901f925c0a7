/**
 * Storybook previews need no server: the static build, served as plain files, renders the guide
 * stories on the in-browser fake in real Chromium — the forums list, a live idea posted from
 * "another table" — and the toolbar's locale and colour scheme reach the story root. An element's
 * docs page shows a web editor what to paste (the script tag and the element's tag, with a copy
 * button), the attributes and events from custom-elements.json, and the element running. No request
 * leaves for anything but the static files.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'];

let out = '';
let origin = '';
let browser: Browser;
let server: ReturnType<typeof createServer>;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'hd-sb-fake-'));
  server = createServer((req, res) => {
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
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'), 'build', '-o', out, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  assert.equal(build.status, 0, build.stderr || build.stdout);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
}, { timeout: 180_000 });

after(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
  rmSync(out, { recursive: true, force: true });
});

test('the static Storybook runs the guide stories on the fake, with the locale and scheme from the toolbar', { timeout: 120_000 }, async () => {
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
  await page.close();
});

test("an element's docs page shows editors what to paste, the reference from custom-elements.json and the element running", { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${origin}/iframe.html?id=widgets-signup-form--docs&viewMode=docs`);
    const docs = page.locator('.sbdocs-content');
    await docs.locator('h1', { hasText: 'Signup form' }).waitFor({ timeout: 30_000 });

    // The reference table (ArgTypes from the manifest): attributes and events by name.
    const reference = docs.locator('.docblock-argstable');
    await reference.waitFor({ timeout: 10_000 });
    const referenceText = await reference.innerText();
    for (const name of ['forum-id', 'api-base', 'cancel-token', 'hd-signup-complete', 'hd-signup-cancel', '--hd-signup-form-max-width']) {
      assert.ok(referenceText.includes(name), `the reference table lists ${name}`);
    }

    // The snippet to copy: the script tag and the element's tag, in Korean and English words.
    await docs.locator('[lang=ko]', { hasText: '스크립트 한 줄' }).first().waitFor({ timeout: 10_000 });
    assert.ok(await docs.locator('[lang=en]', { hasText: 'one script tag' }).count(), 'the English explanation follows');
    const snippet = docs.locator('.docblock-source', { hasText: 'hyeondap.js' }).first();
    const code = await snippet.innerText();
    assert.match(code, /<script type="module" src="https:\/\/[^"]+\/hyeondap\.js"><\/script>/);
    assert.match(code, /<hd-signup-form api-base="[^"]+" forum-id="[^"]+"><\/hd-signup-form>/);
    // Its copy button puts exactly that on the clipboard.
    await snippet.hover();
    await snippet.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^<script type="module" src="https:\/\/[^"]+\/hyeondap\.js"><\/script>\n\n<hd-signup-form /);

    // Each attribute explained for editors, with the same names.
    const editorRow = docs.locator('table.hd-docs-table tr[data-name="forum-id"]');
    assert.match(await editorRow.innerText(), /토론회의 번호/);

    // The preview runs the element itself (on the fake backend): its form is there.
    await page.waitForFunction(() => !!document.querySelector('hd-signup-form')?.shadowRoot?.querySelector('form'), undefined, { timeout: 30_000 });

    // The getting-started page: the script tag and the way to theme and to point elsewhere.
    await page.goto(`${origin}/iframe.html?id=getting-started--docs&viewMode=docs`);
    await docs.locator('h1', { hasText: '시작하기' }).waitFor({ timeout: 30_000 });
    await docs.locator('.docblock-source', { hasText: 'hyeondap.js' }).first().waitFor({ timeout: 10_000 });
    const guide = await docs.innerText();
    assert.match(guide, /<script type="module" src="https:\/\/[^"]+\/hyeondap\.js"><\/script>/);
    for (const words of ['Getting started', '--hd-color-accent', 'api-base', '다른 서버에 연결하기']) assert.ok(guide.includes(words), `the guide has ${words}`);

    assert.deepEqual(errors, []);
    assert.deepEqual(elsewhere, [], 'no request left for a server');
  } finally {
    await context.close();
  }
});
