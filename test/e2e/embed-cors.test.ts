// A web editor embeds the calendar on another site with nothing but the README's snippet (its
// embedding step 1, the server address filled in). Until the server allows that site (the
// README's one documented setting, HD_CORS_ORIGINS), the browser withholds the server's answers:
// the widget must name the cause (in the console always; in the widget where an editor is
// looking: a non-public host or `?hd-preview`), while residents see the polite outage message.
// After the setting and a restart, the same page works. Two origins in real Chromium: the page
// on its own server (as `partner.example`, a public name mapped to 127.0.0.1, and as 127.0.0.1),
// the widgets and the API on the reference server as `npm start` runs it. Needs the build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const WAIT = { timeout: 20_000 };
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** A README section from its heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = readme.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `the README has “${heading}”`);
  const level = heading.match(/^#+/)![0].length;
  const rest = readme.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!.trim());

const KO = section('### 1. 스크립트 한 줄');
const EN = section('#### 1. The script tag');

describe('embedding the calendar on another site with the README’s snippet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-embed-cors-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let site: Server;
  let port: number;
  let browser: Browser;
  /** The README's snippet with the server's address filled in, as the editor pastes it. */
  let snippet = '';

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'cdn', 'hyeondap.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    // The partner's own site: a plain page with the snippet, served from another origin.
    site = createServer((req, res) => {
      if (!req.url?.startsWith('/?') && req.url !== '/') {
        res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      const html = snippet.replaceAll('https://토론회-서버.example', server.ready.url);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>우리 사이트</title></head><body><h1>우리 사이트</h1>${html}</body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    port = (site.address() as AddressInfo).port;
    browser = await launchChromium(['--host-resolver-rules=MAP partner.example 127.0.0.1']);
  });

  after(async () => {
    await browser?.close();
    site?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the page; resolves with the console's errors and what the calendar says once it has settled. */
  async function visit(url: string): Promise<{ page: Page; errors: string[]; alert: string | null }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    const calendar = page.locator('hd-forum-calendar');
    await calendar.locator('[role="alert"], [role="grid"][aria-busy="false"]').first().waitFor(WAIT);
    const alert = (await calendar.locator('[role="alert"]').count()) ? await calendar.locator('[role="alert"] p').first().innerText() : null;
    return { page, errors, alert };
  }

  test('README step 1 says first that the server must allow the site, with the one setting, in Korean and English', () => {
    for (const [text, site] of [
      [KO, 'https://www.우리-사이트.example'],
      [EN, 'https://www.your-site.example'],
    ] as const) {
      const setting = text.indexOf('HD_CORS_ORIGINS');
      assert.ok(setting >= 0 && setting < text.indexOf('```html'), 'HD_CORS_ORIGINS comes before the snippet');
      assert.deepEqual(blocks(text, 'sh'), [`HD_CORS_ORIGINS=${site} npm start`]);
    }
    const [ko] = blocks(KO, 'html');
    const [en] = blocks(EN, 'html');
    assert.ok(ko && en);
    assert.equal(en.replaceAll('https://forums.example', 'https://토론회-서버.example'), ko, 'the same snippet in both languages');
    assert.match(ko, /<script type="module" src="https:\/\/토론회-서버\.example\/dist\/cdn\/hyeondap\.js"><\/script>/);
    assert.match(ko, /<hd-forum-calendar api-base="https:\/\/토론회-서버\.example\/api"><\/hd-forum-calendar>/);
    snippet = ko;
  });

  test('before the setting: the widget names the cause for editors, residents get the outage message, the console says it', async () => {
    assert.ok(snippet, 'the snippet from the README');
    assert.match(server.output(), new RegExp(`CORS origins\\s+${server.ready.url.replace(/[.:/]/g, '\\$&')}`), 'npm start prints the allowed origins');

    // A resident on the partner's public site.
    const publicSite = `http://partner.example:${port}`;
    const resident = await visit(`${publicSite}/`);
    assert.equal(resident.alert, '서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.');
    const told = resident.errors.find((e) => e.startsWith('[hyeondap]'));
    assert.ok(told, `a console message; got ${JSON.stringify(resident.errors)}`);
    assert.ok(told.includes(publicSite) && told.includes('HD_CORS_ORIGINS') && told.includes(server.ready.url), told);
    await resident.page.close();

    // The editor previewing the same page (?hd-preview), and on a non-public host.
    for (const url of [`${publicSite}/?hd-preview`, `http://127.0.0.1:${port}/`]) {
      const editor = await visit(url);
      const origin = new URL(url).origin;
      assert.ok(editor.alert, url);
      assert.ok(editor.alert.includes(`HD_CORS_ORIGINS=${origin}`), `${url}: ${editor.alert}`);
      assert.ok(editor.alert.includes(server.ready.url), editor.alert);
      await editor.page.close();
    }
  });

  test('after the README’s setting and a restart, the same page shows the forums', async () => {
    assert.ok(snippet, 'the snippet from the README');
    const [line] = blocks(KO, 'sh');
    const name = /^([A-Z_]+)=/.exec(line!)![1]!;
    const publicSite = `http://partner.example:${port}`;
    await stop(server.child);
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0', [name]: publicSite } });
    assert.match(server.output(), new RegExp(`CORS origins\\s+${publicSite.replace(/[.:/]/g, '\\$&')}\\s`));

    const resident = await visit(`${publicSite}/`);
    assert.equal(resident.alert, null);
    await resident.page.locator('hd-forum-calendar .day.has').first().waitFor(WAIT);
    assert.deepEqual(resident.errors, []);
    await resident.page.close();
  });
});
