// What a first visit trips over, end to end, as `npm start` serves the demo: the signup page opened
// without a forum (from a menu) shows the forums open for signup without moving the page, and the
// home page's menu leads to a forum. Real Chromium, the built CDN loader under the server's CSP.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const WAIT = { timeout: 15_000 };

interface Forum {
  id: string;
  title: string;
  status: string;
  startsAt: string;
}

const AXE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations (its default rules) on the page as it is (the page's CSP does not apply to this evaluation). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run;
    const result = await run(document, {});
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** Starts collecting layout shifts (not those right after input) before the page's first paint. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: string[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] }[]) {
        const what = e.sources.map((s) => (s.node as Element | null)?.outerHTML?.slice(0, 80) ?? s.node?.nodeName).join(' | ');
        if (!e.hadRecentInput) w.__shifts.push(`${e.value.toFixed(4)}: ${what}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
/** Each layout shift so far, with what moved. */
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);

describe('a first visit to the demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-first-visit-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let open: Forum[];

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'demo', 'signup.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    browser = await launchChromium();
    const res = await fetch(`${server.ready.apiBase}/forums?status=open,full&limit=100`);
    open = ((await res.json()) as { items: Forum[] }).items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    assert.ok(open.length >= 3, 'the seed has forums open for signup');
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    test(`the signup page without a forum lists the open forums, and nothing moves (${viewport.width} px)`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        await watchShifts(page);
        await page.goto(`${server.ready.url}/demo/signup.html`);
        const list = page.locator('#pick-list');
        await list.locator('a').first().waitFor(WAIT);
        await page.locator('#pick-list[aria-busy="false"]').waitFor(WAIT);
        // Every forum that takes signups, soonest first, each a link to its form.
        const links = await list.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
        assert.deepEqual(links, open.map((f) => [f.title, `?forum=${encodeURIComponent(f.id)}`]));
        assert.equal(await page.locator('hd-signup-form').count(), 0, 'no form without a forum');
        assert.ok(await page.locator('#pick-title').isVisible());
        assert.equal(await page.locator('#signup-lead').isVisible(), false, 'no “fill in the form” above a list');
        // Nothing jumped between the first paint and the list (the list took the space kept for it).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.deepEqual(await shifts(page), [], 'layout shifts');
        assert.deepEqual(await axe(page), [], 'axe');
        // A forum's link opens its form.
        await list.locator('a').first().click();
        await page.waitForURL(`**/demo/signup.html?forum=${open[0]!.id}`);
        await page.locator('hd-signup-form [part~="submit"]').waitFor(WAIT);
        assert.equal(await page.locator('#pick-list').isVisible(), false);
      } finally {
        await page.close();
      }
    });
  }

  test('the home page’s 참가 신청 leads to the next forum that takes signups', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${server.ready.url}/`);
      const next = open.filter((f) => f.status === 'open')[0]!;
      const link = page.locator('nav.section-nav a', { hasText: '참가 신청' });
      await page.waitForFunction((id) => document.querySelector('nav.section-nav a[href*="signup"]')?.getAttribute('href')?.endsWith(id), next.id, WAIT);
      assert.equal(await link.getAttribute('href'), `/demo/signup.html?forum=${encodeURIComponent(next.id)}`);
    } finally {
      await page.close();
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
    { width: 336, height: 800 },
  ]) {
    test(`the embed builder works under the server's CSP and is accessible (${viewport.width} px)`, async () => {
      const page = await browser.newPage({ viewport });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      try {
        await page.goto(`${server.ready.url}/`);
        await page.locator('a[href="/demo/embed.html"]').click();
        await page.waitForURL('**/demo/embed.html');
        await page.locator('#preview hd-forum-calendar [role="grid"], #preview hd-forum-calendar [part="list"]').first().waitFor(WAIT);
        await page.locator('input[name="widget"][value="hd-result-summary"]').check();
        await page.locator('#preview hd-result-summary [part~="forum-link"]').first().waitFor(WAIT);
        assert.match(await page.locator('#snippet').innerText(), new RegExp(`<hd-result-summary api-base="${server.ready.url.replace(/[.:/]/g, '\\$&')}/api"></hd-result-summary>`));
        // Nothing wider than the screen (a 336 px column included).
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
        assert.deepEqual(await axe(page), [], 'axe');
        assert.deepEqual(problems, [], 'console errors');
      } finally {
        await page.close();
      }
    });
  }
});
