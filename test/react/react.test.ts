// The React wrappers (`hyeondap-widgets/react`) as a React partner site uses them: a small React app
// (test/react/app.ts, bundled here with esbuild the way a site's bundler would) on its own origin,
// talking to the real reference server with the demo seed across CORS, in real Chromium. Plus the
// wrappers' types, checked by tsc (test/react/types.ts), and server rendering (test/react/ssr.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from '../e2e/helpers.ts';

interface Forum {
  id: string;
  title: string;
  status: string;
  startsAt: string;
}

const SEOUL_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' });
const monthOf = (iso: string) => SEOUL_MONTH.format(new Date(iso)).slice(0, 7);
const artifacts = join(root, '.test-results', 'screenshots');
const TAGS = ['hd-provider', 'hd-forum-calendar', 'hd-signup-form', 'hd-idea-wall', 'hd-result-summary'];

const PAGE = `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>React 파트너 사이트</title></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body>
</html>`;

describe('the React wrappers on a React partner site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hd-react-'));
  let site: Server;
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let page: Page;
  let forums: Forum[] = [];
  let open: Forum;
  let first = '';
  let other = '';
  let url = '';
  const problems: string[] = [];
  const navigations: string[] = [];

  before(async () => {
    await build({
      entryPoints: [join(root, 'test', 'react', 'app.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'app.js'),
      // React's development build: its warnings (bad props, key mistakes) reach the console below.
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    const bundle = readFileSync(join(dir, 'app.js'));
    site = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://site').pathname;
      if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (path === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      else if (path === '/favicon.ico') res.writeHead(204).end();
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // The partner's origin is on the server's CORS allow-list, as a city would configure it.
    server = await startMain(join(dir, 'data'), { env: { HD_RATE_LIMIT: '0', HD_CORS_ORIGINS: origin } });
    const res = await fetch(`${server.ready.apiBase}/forums?limit=100`);
    assert.equal(res.status, 200);
    forums = ((await res.json()) as { items: Forum[] }).items;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

    // The month with the demo's open forum (it takes signups: a link), and another month of the seed.
    open = forums.find((f) => f.id === server.ready.demo?.openForumId)!;
    assert.ok(open, 'the demo seed has an open forum');
    first = monthOf(open.startsAt);
    other = monthOf(forums.find((f) => f.status === 'reported' && monthOf(f.startsAt) !== first)!.startsAt);
    url = `${origin}/?${new URLSearchParams({ api: server.ready.apiBase, month: first, other })}`;
    await page.goto(url);
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const titlesIn = (month: string) =>
    forums
      .filter((f) => monthOf(f.startsAt) === month)
      .map((f) => f.title)
      .sort();
  const shownTitles = async () => (await page.locator('hd-forum-calendar [part~=forum-title]').allInnerTexts()).map((t) => t.trim()).sort();

  test('one import registers every element; React renders the calendar with the seed’s forums from the server', async () => {
    assert.deepEqual(
      await page.evaluate((tags) => tags.filter((t) => !customElements.get(t)), TAGS),
      [],
      'every hd-* element is defined by importing the React entry',
    );
    const expected = titlesIn(first);
    assert.ok(expected.length >= 1, `the seed has forums in ${first}`);
    // Inside the widget's shadow root: one card per forum of the month, with the server's titles.
    await page.locator(`hd-forum-calendar li[data-forum-id="${open.id}"]`).waitFor();
    await page.waitForFunction(
      (n) => document.querySelector('hd-forum-calendar')?.shadowRoot?.querySelectorAll('[part~=forum-title]').length === n,
      expected.length,
    );
    assert.deepEqual(await shownTitles(), expected);
    // The provider's apiBase reached the widget through context; props landed as properties.
    const state = await page.evaluate(() => {
      const el = document.querySelector('hd-forum-calendar') as HTMLElement & { month: string; view: string | undefined };
      return { month: el.month, view: el.view, attr: el.getAttribute('month'), inProvider: el.parentElement?.localName };
    });
    assert.deepEqual(state, { month: first, view: 'list', attr: null, inProvider: 'hd-provider' });
    assert.equal(await page.locator('#tag').innerText(), 'hd-forum-calendar', 'a React ref gives the element');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'react-calendar.png'), fullPage: true });
  });

  test('a React state change of the `month` prop re-renders the widget with that month’s forums', async () => {
    const expected = titlesIn(other);
    assert.ok(expected.length >= 1 && !expected.includes(open.title));
    await page.locator('#switch').click();
    assert.equal(await page.locator('#month').innerText(), other);
    await page.waitForFunction(
      (titles) => {
        const shown = Array.from(document.querySelector('hd-forum-calendar')?.shadowRoot?.querySelectorAll('[part~=forum-title]') ?? []);
        return shown.length === titles.length && shown.every((a) => titles.includes(a.textContent!.trim()));
      },
      expected,
    );
    assert.deepEqual(await shownTitles(), expected);
    const [year, month] = other.split('-').map(Number);
    assert.match(await page.locator('hd-forum-calendar [part=title]').innerText(), new RegExp(`${year}년\\s*${month}월`));

    // And back: React sets the prop again, the open forum is listed again.
    await page.locator('#switch').click();
    await page.locator(`hd-forum-calendar li[data-forum-id="${open.id}"]`).waitFor();
    assert.deepEqual(await shownTitles(), titlesIn(first));
  });

  test('the onForumSelect prop receives the typed hd-forum-select event; cancelling it keeps the page', async () => {
    const link = page.locator(`hd-forum-calendar li[data-forum-id="${open.id}"] a[part~=forum-link]`);
    assert.equal(await link.getAttribute('href'), `/signup?forum=${open.id}`, 'signupHref went in as a prop');
    const before = navigations.length;
    await link.click();
    // The React handler ran: its state shows the chosen forum and the link it would have followed.
    await page.locator('#chosen', { hasText: open.title }).waitFor();
    assert.equal(await page.locator('#chosen').getAttribute('data-id'), open.id);
    assert.equal(await page.locator('#chosen').getAttribute('data-href'), `/signup?forum=${open.id}`);
    // preventDefault() in the handler stopped the link: still the same page, no navigation.
    assert.equal(page.url(), url);
    assert.equal(navigations.length, before);
    await page.screenshot({ path: join(artifacts, 'react-calendar-selected.png'), fullPage: true });
    assert.deepEqual(problems, [], 'no errors, React warnings or failed requests');
  });

  test('server rendering (Next.js and the like): the entry imports without a document and renders the tags, tokens left out', () => {
    const ssr = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'react', 'ssr.ts')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(ssr.status, 0, `importing the React entry on the server failed:\n${ssr.stderr}`);
    const html = ssr.stdout.trim();
    assert.match(html, /^<hd-provider>\s*<hd-forum-calendar id="forums"><\/hd-forum-calendar>\s*<\/hd-provider>$/);
    // Element properties are set in the browser, so the provider's token never lands in the markup.
    assert.doesNotMatch(html, /SSR_TOKEN/);
  });

  test('the wrappers are typed: tsc accepts typed props and handlers and rejects wrong ones (test/react/types.ts)', () => {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'test', 'react'), '--noEmit', '--pretty', 'false'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.ok(tsc.status === 0 || tsc.status === 2, `tsc -p test/react did not run:\n${tsc.stdout}${tsc.stderr}`);
    // Errors elsewhere in src/ are the main type-check's to report (npm test runs it); here, none may
    // be in the wrappers or their checks — including an unmet @ts-expect-error.
    const ours = tsc.stdout.split('\n').filter((line) => /^(test|src)[\\/]react[\\/]/.test(line));
    assert.deepEqual(ours, [], `type errors in the React wrappers or their checks:\n${tsc.stdout}`);
  });
});
