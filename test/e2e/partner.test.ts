// The partner site (호평동 주민자치회, /demo/partner.html) as `npm start` serves it: the city's widgets
// pasted into another organisation's page show the city's real (seeded) data for that district,
// wear the partner's theme — set only through the documented --hd-* custom properties and
// ::part() — inside their shadow roots, and run under the server's strict CSP without errors.
// Real Chromium, the built CDN loader. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const artifacts = join(root, '.test-results', 'screenshots');
const DISTRICT = '호평동';
const WAIT = { timeout: 15_000 };

interface Forum {
  id: string;
  title: string;
  status: string;
  district: string;
  startsAt: string;
  resultsPublished: boolean;
}

/** `YYYY-MM` in Seoul, where the widgets show every date. */
function seoulMonth(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** Watches a page for everything a visitor (or the console) would call broken. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${new URL(r.url()).pathname}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`));
  // CSP violations, also those Chromium reports only as an event (e.g. a blocked inline style).
  await page.exposeFunction('__hdCsp', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __hdCsp: (t: string) => void }).__hdCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

/** The page's own value of a colour custom property, resolved by the browser (light-dark() included). */
function resolvedColour(page: Page, property: string): Promise<string> {
  return page.evaluate((prop) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${prop})`;
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  }, property);
}

describe('the partner site embeds the city widgets with its own theme', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-partner-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(server.ready.apiBase + path);
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };
  /** Every forum of the district (the seed has a handful). */
  const districtForums = async (): Promise<Forum[]> => (await get<{ items: Forum[] }>(`/forums?district=${encodeURIComponent(DISTRICT)}&limit=100`)).items;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'demo', 'partner.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    problems = await watch(page);
    const res = await page.goto(`${server.ready.url}/demo/partner.html`);
    assert.equal(res?.status(), 200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the calendar shows exactly the district’s forums of its month, linking back to the partner page', async () => {
    const forums = await districtForums();
    const next = forums.filter((f) => ['open', 'full', 'announced'].includes(f.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    assert.ok(next, `the seed has an upcoming forum in ${DISTRICT}`);
    const calendar = page.locator('hd-forum-calendar');
    // The page opens the calendar on the month of the district's next forum.
    await page.waitForFunction((m) => document.querySelector('hd-forum-calendar')?.getAttribute('month') === m, seoulMonth(next.startsAt), WAIT);
    const month = seoulMonth(next.startsAt);
    const expected = forums.filter((f) => seoulMonth(f.startsAt) === month).map((f) => f.title).sort();

    const link = calendar.locator('[part~="forum-link"]', { hasText: next.title });
    await link.waitFor(WAIT); // a phone gets the list view: one card per forum
    const shown = (await calendar.locator('[part~="forum"] [part~="forum-title"]').allInnerTexts()).map((t) => t.trim()).sort();
    assert.deepEqual(shown, expected, 'the calendar lists other districts or misses one of this district');
    assert.equal(await link.getAttribute('href'), `/demo/partner.html?forum=${encodeURIComponent(next.id)}#signup`);
  });

  test('the signup form is for the district’s next forum, with seats from the server', async () => {
    const forums = await districtForums();
    const next = forums.filter((f) => ['open', 'full', 'announced'].includes(f.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
    const form = page.locator('hd-signup-form');
    await form.scrollIntoViewIfNeeded();
    const title = form.locator('[part~="forum"] .title');
    await title.waitFor(WAIT);
    assert.equal((await title.innerText()).trim(), next.title);
    assert.equal(await form.getAttribute('forum-id'), next.id);
    await form.locator('[part~="submit"]').waitFor(WAIT);
  });

  test('the result summary shows the district’s reported forums with their turnout from the server', async () => {
    const reported = (await districtForums()).filter((f) => f.resultsPublished);
    assert.ok(reported.length > 0, `the seed has reported forums in ${DISTRICT}`);
    const summary = page.locator('hd-result-summary');
    await summary.scrollIntoViewIfNeeded();
    const cards = summary.locator('[part~="forum"]');
    await cards.first().waitFor(WAIT);
    const titles = (await summary.locator('[part~="forum"] h4').allInnerTexts()).map((t) => t.trim()).sort();
    assert.deepEqual(titles, reported.map((f) => f.title).sort());
    for (const f of reported) {
      const { stats } = await get<{ stats: { attended: number } }>(`/forums/${f.id}/results`);
      const card = cards.filter({ hasText: f.title });
      await card.filter({ hasText: `${stats.attended.toLocaleString('ko-KR')}명` }).waitFor(WAIT);
    }
    // The headline figure counts only this district's forums.
    const figure = summary.locator('[part~="stats"] div', { hasText: '결과 공개 토론회' }).locator('dd');
    assert.equal((await figure.innerText()).trim(), `${reported.length}회`);
  });

  test('the partner theme is in effect inside the shadow roots (colour, font, corners, parts)', async () => {
    const accent = await resolvedColour(page, '--hd-color-accent');
    assert.equal(accent, 'rgb(166, 61, 28)', 'partner.css sets --hd-color-accent to #a63d1c');
    // Calendar: the pressed view switch takes the accent; the font and the corners are the partner's.
    const pressed = page.locator('hd-forum-calendar [part~="button"][aria-pressed="true"]');
    assert.equal(await pressed.evaluate((el) => getComputedStyle(el).backgroundColor), accent);
    assert.equal(await pressed.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '14px');
    assert.match(await pressed.evaluate((el) => getComputedStyle(el).fontFamily), /Noto Serif KR/);
    // Today's mark uses the partner's calendar hook, --hd-forum-calendar-today (#1c5d57).
    const todayHook = await resolvedColour(page, '--hd-forum-calendar-today');
    assert.equal(todayHook, 'rgb(28, 93, 87)');
    // Signup form: the submit button in the accent, pill-shaped through ::part(submit).
    const submit = page.locator('hd-signup-form [part~="submit"]');
    assert.equal(await submit.evaluate((el) => getComputedStyle(el).backgroundColor), accent);
    assert.equal(await submit.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '999px');
    // Result summary: the cream surface and the city's answer bar through ::part(answer) are the partner's.
    const surface = await resolvedColour(page, '--hd-color-surface');
    assert.equal(surface, 'rgb(255, 251, 245)');
    assert.equal(await page.locator('hd-result-summary [part~="forum"]').first().evaluate((el) => getComputedStyle(el).backgroundColor), surface);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'partner-phone.png'), fullPage: true });
  });

  test('the same widget on the city homepage keeps the city’s look', async () => {
    const city = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const cityProblems = await watch(city);
    await city.goto(`${server.ready.url}/`);
    const pressed = city.locator('hd-forum-calendar [part~="button"][aria-pressed="true"]');
    await pressed.waitFor(WAIT);
    const cityAccent = await resolvedColour(city, '--hd-color-accent');
    const cityBg = await pressed.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(cityBg, cityAccent, 'the homepage calendar follows the homepage’s own accent');
    assert.notEqual(cityBg, 'rgb(166, 61, 28)');
    assert.doesNotMatch(await pressed.evaluate((el) => getComputedStyle(el).fontFamily), /Serif/);
    assert.notEqual(await pressed.evaluate((el) => getComputedStyle(el).borderTopLeftRadius), '14px');
    // The homepage links to the partner example.
    assert.equal(await city.locator('footer a[href="/demo/partner.html"]').count(), 1);
    assert.deepEqual(cityProblems, []);
    await city.close();
  });

  test('a wide screen shows the month grid with the forum in it, and nothing went wrong on the page', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const forums = await districtForums();
    const next = forums.filter((f) => ['open', 'full', 'announced'].includes(f.status)).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!;
    await page.locator('hd-forum-calendar').scrollIntoViewIfNeeded();
    await page.locator('hd-forum-calendar [part~="grid"] [part~="chip"]', { hasText: next.title }).first().waitFor(WAIT);
    await page.screenshot({ path: join(artifacts, 'partner-wide.png') });
    assert.deepEqual(problems, []);
  });
});
