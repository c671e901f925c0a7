// Hostile host pages 3 and 4, the network side: (3) the page's own fetch and EventSource wrapped by
// a tag manager's script that runs first — the widgets go through the wrappers and still work,
// the live wall included (an idea posted from elsewhere appears); (4) a slow 3G connection (CDP
// network emulation): the calendar and the wall show their loading state, then their data. Every
// page is under the strict CSP with the API on another origin. No timing assertions, bounded waits.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { shoot, startHostile, watch, WAIT, type Hostile } from './harness.ts';

const shows = (page: Page, id: string, text: string) =>
  page.waitForFunction(
    ({ id, text }) => (document.getElementById(id) as unknown as { shownIdeas: { text: string }[] }).shownIdeas.some((i) => i.text === text),
    { id, text },
    WAIT,
  );

describe('hostile networks: wrapped fetch and EventSource, slow 3G', () => {
  let h: Hostile;

  /** Posts an idea as another participant at the venue (their phone, not this page). */
  async function postFromElsewhere(text: string): Promise<void> {
    const api = h.vars.API_BASE;
    const join = await fetch(`${api}/forums/${h.vars.LIVE}/participants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ joinCode: h.vars.CODE, table: 7 }),
    });
    assert.equal(join.status, 201);
    const { token } = (await join.json()) as { token: string };
    const res = await fetch(`${api}/forums/${h.vars.LIVE}/ideas`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ text }),
    });
    assert.equal(res.status, 201);
  }

  before(async () => {
    h = await startHostile('network');
  });

  after(async () => {
    await h?.close();
  });

  test('through a tag manager’s fetch and EventSource wrappers every widget works, and the live wall hears an idea posted elsewhere', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${h.host}/wrapped.html`);

    await page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
    await page.locator('#wall').scrollIntoViewIfNeeded();
    const wall = page.locator('#wall');
    await wall.getByText('5번 테이블에서 참여 중입니다.').waitFor(WAIT);
    await page.locator('#wall .live-open').waitFor(WAIT); // the live stream is open

    // This page's own idea, then one from another phone over the live stream.
    const mine = `감싼 fetch로 올린 제안 ${Date.now()}`;
    await wall.locator('textarea').fill(mine);
    await wall.getByRole('button', { name: '제안 올리기' }).click();
    await shows(page, 'wall', mine);
    const theirs = `다른 휴대전화에서 올린 제안 ${Date.now()}`;
    await postFromElsewhere(theirs);
    await shows(page, 'wall', theirs);

    await page.locator('#results').scrollIntoViewIfNeeded();
    await page.locator('#results .proposal').first().waitFor(WAIT);

    // The widgets did go through the page's wrappers (so the check above is not vacuous).
    const wrapped = await page.evaluate(() => (window as unknown as { hostileWrapped: { fetch: string[]; eventSource: string[] } }).hostileWrapped);
    const api = h.vars.API_BASE;
    assert.ok(wrapped.fetch.some((c) => c.startsWith(`GET ${api}/forums?`)), 'the calendar fetched through the wrapper');
    assert.ok(wrapped.fetch.some((c) => c === `POST ${api}/forums/${h.vars.LIVE}/ideas`), 'the idea was posted through the wrapper');
    assert.ok(wrapped.fetch.some((c) => c.startsWith(`GET ${api}/forums/${h.vars.REPORTED}/results`)), 'the summary fetched through the wrapper');
    assert.ok(wrapped.eventSource.some((u) => u.startsWith(`${api}/forums/${h.vars.LIVE}/events`)), 'the live stream opened through the wrapper');

    await shoot(page, 'wrapped', ['calendar', 'wall', 'results']);
    assert.deepEqual(await seen.violations(), []);
    assert.deepEqual(seen.problems, []);
    await context.close();
  });

  test('on a slow 3G connection the calendar and the wall show their loading state, then their data', async () => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const seen = watch(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Chrome DevTools' "Slow 3G": 400 ms latency, 400 kbit/s down and up.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 });
    const SLOW = { timeout: 120_000 };

    await page.goto(`${h.host}/strict.html`, { waitUntil: 'commit', timeout: SLOW.timeout });
    // The calendar upgrades and says it is loading (skeleton, :state(loading), aria-busy) …
    await page.waitForFunction(() => document.getElementById('calendar')?.matches(':state(loading)'), null, SLOW);
    await page.locator('#calendar .body[aria-busy="true"]').waitFor({ ...SLOW, state: 'attached' });
    await page.screenshot({ path: `${process.env.HD_HOSTILE_SHOTS || '/tmp/hostile-shots'}/slow-390-calendar-loading.png` });
    // … then shows the forums.
    await page.locator('#calendar [part~="forum-title"]').first().waitFor(SLOW);
    assert.equal(await page.evaluate(() => document.getElementById('calendar')!.matches(':state(loading)')), false);

    // The wall (fetched when the reader scrolls to it) shows its loading line, then the ideas.
    await page.evaluate(() => document.getElementById('wall')!.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() => document.getElementById('wall')?.matches(':state(loading)'), null, SLOW);
    await page.locator('#wall .skeleton[aria-busy="true"]').getByText('불러오는 중입니다…').waitFor(SLOW);
    await page.screenshot({ path: `${process.env.HD_HOSTILE_SHOTS || '/tmp/hostile-shots'}/slow-390-wall-loading.png` });
    await page.locator('#wall').getByText('2번 테이블에서 참여 중입니다.').waitFor(SLOW);
    await page.waitForFunction(() => (document.getElementById('wall') as unknown as { shownIdeas: unknown[] }).shownIdeas.length > 0, null, SLOW);
    await page.locator('#wall .live-open').waitFor(SLOW);
    await page.screenshot({ path: `${process.env.HD_HOSTILE_SHOTS || '/tmp/hostile-shots'}/slow-390-wall-loaded.png` });

    assert.deepEqual(await seen.violations(), []);
    assert.deepEqual(seen.problems, []);
    await context.close();
  });
});
