// The venue demo end to end: the built server on a fresh data directory (demo seed), the demo
// page /demo/venue.html opened by two people in two browsers (separate storage), under the
// server's own CSP. What one does, the other sees; the vote budget holds; a hidden idea goes.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const WAIT = { timeout: 20_000 };




/** The ids the participant wall shows (it may virtualize the cards out of view). */
const shown = (page: Page) =>
  page.evaluate(() => (document.getElementById('participant') as unknown as { shownIdeas: { id: string; text: string }[] }).shownIdeas.map((i) => ({ id: i.id, text: i.text })));

/** Scrolls a wall's list into view so the virtualizer renders the first cards. */
const showList = (page: Page, wall: string) =>
  page.evaluate((id) => document.getElementById(id)!.shadowRoot!.querySelector('.list')?.scrollIntoView({ block: 'start' }), wall);

describe('the venue demo in two browsers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-venue-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let a: Page;
  let b: Page;

  async function open(context: BrowserContext, table: number): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    // The refused vote below is a 409 the browser logs as a failed resource: expected, not a problem.
    page.on('console', (m) => m.type() === 'error' && !/ResizeObserver loop|status of 409/.test(m.text()) && problems.push(m.text()));
    const res = await page.goto(`${server.ready.url}/demo/venue.html?code=${server.ready.demo!.joinCode}&table=${table}`);
    assert.equal(res?.status(), 200);
    await page.locator('#participant').getByText(`${table}번 테이블에서 참여 중입니다.`).waitFor(WAIT);
    return page;
  }

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'demo', 'venue.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    browser = await launchChromium();
    for (let i = 0; i < 2; i++) contexts.push(await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ko-KR' }));
    a = await open(contexts[0]!, 3);
    b = await open(contexts[1]!, 4);
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
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
    // On the room's screen: as a card in its lane (and, for a few seconds, in the spotlight too).
    await b.locator('#projector [part~="item"]').getByText(text).waitFor(WAIT);
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

  test('a hidden idea disappears from both phones', async () => {
    // The organiser pastes the facilitator token the server printed; it never goes into the URL.
    await b.locator('#token').fill(server.ready.demo!.facilitatorToken);
    await b.locator('#setup').getByRole('button', { name: '적용' }).click();
    assert.doesNotMatch(b.url(), /token|fac_/);
    await b.locator('#facilitator').getByRole('button', { name: '투표 마감' }).waitFor(WAIT);
    await showList(b, 'facilitator');
    const card = b.locator(`#facilitator [data-id="${idea.id}"]`);
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
  });
});
