// The venue demo end to end: the built server on a fresh data directory (demo seed), its pages
// under the server's own CSP. The chooser leads to one page per screen; two people on their
// phones (two browsers, separate storage) see each other's ideas; the vote budget holds; one
// browser joining again and again is one participant; the facilitator's tablet (the only page
// that asks for a token) hides an idea and it goes from both phones; past the join limit of an
// address a phone is told to wait. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const WAIT = { timeout: 20_000 };
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'ko-KR' };

/** The ids the participant wall shows (it may virtualize the cards out of view). */
const shown = (page: Page) =>
  page.evaluate(() => (document.getElementById('participant') as unknown as { shownIdeas: { id: string; text: string }[] }).shownIdeas.map((i) => ({ id: i.id, text: i.text })));

/** Scrolls a wall's list into view so the virtualizer renders the first cards. */
const showList = (page: Page, wall: string) =>
  page.evaluate((id) => document.getElementById(id)!.shadowRoot!.querySelector('.list')?.scrollIntoView({ block: 'start' }), wall);

/** How many participants the forum counts now (the public figure). */
async function participants(apiBase: string, forumId: string): Promise<number> {
  return ((await (await fetch(`${apiBase}/forums/${forumId}`)).json()) as { participants: number }).participants;
}

function watch(page: Page, problems: string[]): Page {
  page.on('pageerror', (e) => problems.push(e.message));
  // The refused vote below is a 409 the browser logs as a failed resource: expected, not a problem.
  page.on('console', (m) => m.type() === 'error' && !/ResizeObserver loop|status of 409/.test(m.text()) && problems.push(m.text()));
  return page;
}

describe('the venue demo in two browsers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-venue-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let a: Page;
  let b: Page;

  async function open(context: BrowserContext, table: number): Promise<Page> {
    const page = watch(await context.newPage(), problems);
    const res = await page.goto(`${server.ready.url}/demo/venue-participant.html?code=${server.ready.demo!.joinCode}&table=${table}`);
    assert.equal(res?.status(), 200);
    await page.locator('#participant').getByText(`${table}번 테이블에서 참여 중입니다.`).waitFor(WAIT);
    return page;
  }

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'demo', 'venue-participant.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    browser = await launchChromium();
    for (let i = 0; i < 2; i++) contexts.push(await browser.newContext(PHONE));
    a = await open(contexts[0]!, 3);
    b = await open(contexts[1]!, 4);
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the chooser leads to one page per screen; an old table QR code goes on to the phone page', async () => {
    const visitor = await browser.newContext(PHONE); // a phone that has not joined yet
    const page = watch(await visitor.newPage(), problems);
    const code = server.ready.demo!.joinCode;
    await page.goto(`${server.ready.url}/demo/venue.html?code=${code}`);
    const href = (name: string) => page.getByRole('link', { name }).getAttribute('href');
    assert.equal(await href('참가자 화면'), `/demo/venue-participant.html?code=${code}`);
    assert.equal(await href('퍼실리테이터 화면'), '/demo/venue-facilitator.html');
    assert.equal(await href('프로젝터 화면'), `/demo/venue-projector.html?code=${code}`);
    assert.equal(await page.locator('input').count(), 0, 'the chooser asks for nothing');
    // Only the facilitator page asks for a token.
    for (const path of ['/demo/venue-participant.html', '/demo/venue-projector.html']) {
      await page.goto(server.ready.url + path);
      assert.equal(await page.locator('input[type="password"]').count(), 0, path);
    }
    await page.goto(`${server.ready.url}/demo/venue-facilitator.html`);
    assert.equal(await page.locator('input[type="password"]').count(), 1);
    await page.goto(`${server.ready.url}/demo/venue.html?code=${code}&table=5`);
    await page.waitForURL(/venue-participant\.html\?code=\w+&table=5$/, WAIT);
    await page.locator('#participant').getByText('5번 테이블에서 참여 중입니다.').waitFor(WAIT);
    await visitor.close();
  });

  let idea: { id: string; text: string };

  test('an idea posted on one phone appears on the other', async () => {
    const text = `정류장 안내 방송을 크게 해 주세요 ${Date.now()}`;
    await a.locator('#participant textarea').fill(text);
    await a.locator('#participant').getByRole('button', { name: '제안 올리기' }).click();
    await b.waitForFunction(
      (t) => (document.getElementById('participant') as unknown as { shownIdeas: { text: string }[] }).shownIdeas.some((i) => i.text === t),
      text,
      WAIT,
    );
    idea = (await shown(b)).find((i) => i.text === text)!;
    await showList(b, 'participant');
    await b.locator(`#participant [data-id="${idea.id}"]`).getByText(text).waitFor(WAIT);
  });

  test('a vote beyond the budget is refused with a clear message', async () => {
    // The same person on a second tab (same device storage, same token) that does not know yet.
    const a2 = await open(contexts[0]!, 3);
    await showList(a, 'participant');
    const add = a.locator(`#participant [data-id="${idea.id}"] button.add`);
    for (let left = 2; left >= 0; left--) {
      await add.click();
      await a.locator('#participant').getByText(`남은 스티커 ${left}/3개`).waitFor(WAIT);
    }
    await add.click();
    await a.locator('#participant').getByText('투표 스티커를 모두 사용하셨습니다.').waitFor(WAIT);

    await a2.locator('#participant').getByText('남은 스티커 3/3개').waitFor(WAIT); // stale: the server decides
    await showList(a2, 'participant');
    await a2.locator(`#participant [data-id="${idea.id}"] button.add`).click();
    await a2.locator('#participant').getByText('투표 스티커를 모두 사용하셨습니다.').waitFor(WAIT);
    await a2.locator('#participant').getByText('남은 스티커 0/3개').waitFor(WAIT);
    const votes = await a2.locator(`#participant [data-id="${idea.id}"] [part~="votes"]`).textContent();
    assert.equal(votes?.trim(), '3표'); // the refused dot rolled back
    await a2.close();
  });

  test('ten joins from one browser are one participant: the spent dots stay spent', async () => {
    const { apiBase, demo } = server.ready;
    const before = await participants(apiBase, demo!.liveForumId);
    const page = watch(await contexts[0]!.newPage(), problems);
    const url = `${server.ready.url}/demo/venue-participant.html?code=${demo!.joinCode}&table=3`;
    await page.goto(url);
    for (let i = 0; i < 10; i++) {
      // the wall's own session is gone (as after clearing it, or on a page that never kept it):
      // the page joins again, and the browser is still the person who spent three dots
      await page.evaluate(() => {
        for (const key of Object.keys(localStorage)) if (key.startsWith('hd-idea-wall:session:')) localStorage.removeItem(key);
      });
      const joined = page.waitForResponse((r) => r.url().endsWith('/participants') && r.request().method() === 'POST');
      await page.reload();
      assert.equal((await joined).status(), 200, `join ${i + 1}: the participant the browser already is`);
      await page.locator('#participant').getByText('3번 테이블에서 참여 중입니다.').waitFor(WAIT);
      await page.locator('#participant').getByText('남은 스티커 0/3개').waitFor(WAIT);
    }
    assert.equal(await participants(apiBase, demo!.liveForumId), before);
    await page.close();
  });

  test('the facilitator’s tablet hides an idea and it disappears from both phones', async () => {
    const tablet = watch(await browser.newPage({ viewport: { width: 1024, height: 768 }, locale: 'ko-KR' }), problems);
    await tablet.goto(`${server.ready.url}/demo/venue-facilitator.html`);
    // The organiser pastes the facilitator token the server printed; it never goes into the URL.
    await tablet.locator('#token').fill(server.ready.demo!.facilitatorToken);
    await tablet.getByRole('button', { name: '적용' }).click();
    await tablet.getByText('토큰을 적용했습니다.').waitFor(WAIT);
    assert.doesNotMatch(tablet.url(), /token|hdf_/);
    await tablet.locator('#facilitator').getByRole('button', { name: '투표 마감' }).waitFor(WAIT);
    await showList(tablet, 'facilitator');
    const card = tablet.locator(`#facilitator [data-id="${idea.id}"]`);
    await card.getByRole('button', { name: '숨기기' }).click();
    for (const page of [a, b]) {
      await page.waitForFunction(
        (id) => !(document.getElementById('participant') as unknown as { shownIdeas: { id: string }[] }).shownIdeas.some((i) => i.id === id),
        idea.id,
        WAIT,
      );
      assert.equal(await page.locator(`#participant [data-id="${idea.id}"]`).count(), 0);
    }
    await card.getByText('숨김').waitFor(WAIT); // the facilitator still sees it, marked
    assert.deepEqual(problems, []);
    await tablet.close();
  });
});

describe('the join limit of one address', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-venue-limit-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;

  before(async () => {
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0', HD_JOIN_LIMIT: '2', HD_JOIN_WINDOW: '3600' } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('joins past the limit get 429: the third phone is told to wait, the first ones join again freely', async () => {
    const url = `${server.ready.url}/demo/venue-participant.html?code=${server.ready.demo!.joinCode}&table=2`;
    const { apiBase, demo } = server.ready;
    const before = await participants(apiBase, demo!.liveForumId);
    const phones: Page[] = [];
    for (let i = 0; i < 3; i++) phones.push(await (await browser.newContext(PHONE)).newPage());
    const refused: number[] = [];
    phones[2]!.on('response', (r) => r.url().endsWith('/participants') && r.request().method() === 'POST' && r.status() === 429 && refused.push(Number(r.headers()['retry-after'])));
    for (const phone of phones.slice(0, 2)) {
      await phone.goto(url);
      await phone.locator('#participant').getByText('2번 테이블에서 참여 중입니다.').waitFor(WAIT);
    }
    await phones[2]!.goto(url);
    await phones[2]!.locator('#participant').getByText(/요청이 많습니다\. .+초 후에 다시 시도해 주세요\./).waitFor(WAIT);
    assert.equal(refused.length, 1);
    assert.ok(refused[0]! >= 1 && refused[0]! <= 1800, `Retry-After ${refused[0]}`);
    assert.equal(await participants(apiBase, demo!.liveForumId), before + 2);
    // a phone that joined before is the same participant, not a new one: it still gets in
    await phones[0]!.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('hd-idea-wall:session:')) localStorage.removeItem(key);
    });
    await phones[0]!.reload();
    await phones[0]!.locator('#participant').getByText('2번 테이블에서 참여 중입니다.').waitFor(WAIT);
    assert.equal(await participants(apiBase, demo!.liveForumId), before + 2);
  });
});
