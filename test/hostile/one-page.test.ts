// Hostile host page 6: every widget on one page inside one <hd-provider> — the calendar, the signup
// form, the idea wall twice on the live forum (a participant's and the projector's), the result
// summary. What goes over the network while it loads is counted: exactly one live connection per
// forum (the two walls share one), and no resource fetched twice. Strict CSP, API on another
// origin. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { network, shoot, startHostile, watch, WAIT, type Hostile } from './harness.ts';

describe('all four widgets and a provider on one page', () => {
  let h: Hostile;
  let page: Page;
  let seen: ReturnType<typeof watch>;
  let net: ReturnType<typeof network>;
  const requests: Request[] = [];

  before(async () => {
    h = await startHostile('one-page');
    // Tall enough that every widget is near the viewport at once: the loader fetches all of them.
    page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'ko-KR' });
    seen = watch(page);
    net = network(page);
    page.on('request', (r) => requests.push(r));
    await page.goto(`${h.host}/all.html`);
    // A reader scrolls down the page; every widget shows its data.
    await page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
    for (const id of ['signup', 'wall', 'projector', 'results']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.locator('#signup #f-name').waitFor(WAIT);
    await page.locator('#wall [part="join"]').waitFor(WAIT);
    await page.waitForFunction(() => (document.getElementById('wall') as unknown as { shownIdeas: unknown[] }).shownIdeas.length > 0, null, WAIT);
    await page.waitForFunction(() => (document.getElementById('projector') as unknown as { shownIdeas: unknown[] }).shownIdeas.length > 0, null, WAIT);
    await page.locator('#projector [part="qr"]').waitFor(WAIT);
    await page.locator('#results .proposal').first().waitFor(WAIT);
    for (const id of ['wall', 'projector']) await page.locator(`#${id} .live-open`).first().waitFor(WAIT);
    await net.quiet();
  });

  after(async () => {
    await h?.close();
  });

  test('one live connection per forum: the two walls on the live forum share one stream', (t) => {
    const streams = requests.filter((r) => r.resourceType() === 'eventsource' || new URL(r.url()).pathname.endsWith('/events'));
    const perForum = new Map<string, number>();
    for (const r of streams) {
      const forum = /\/forums\/([^/]+)\/events$/.exec(new URL(r.url()).pathname)?.[1] ?? r.url();
      perForum.set(forum, (perForum.get(forum) ?? 0) + 1);
    }
    for (const [forum, n] of perForum) t.diagnostic(`${n} live connection(s) to forum ${forum}`);
    assert.equal(perForum.get(h.vars.LIVE), 1, 'the live forum');
    for (const [forum, n] of perForum) assert.equal(n, 1, `forum ${forum}: ${n} connections`);
  });

  test('no resource is fetched twice while the page loads (API and widget code)', (t) => {
    const count = new Map<string, number>();
    for (const r of requests) {
      if (r.method() !== 'GET' || r.resourceType() === 'eventsource') continue;
      count.set(r.url(), (count.get(r.url()) ?? 0) + 1);
    }
    const twice = [...count].filter(([, n]) => n > 1).map(([url, n]) => `${n} × ${url}`);
    for (const line of twice) t.diagnostic(line);
    // (the results once too: their lastEventId resumes the stream instead of a second read)
    assert.deepEqual(twice, []);
    // and the page did load each widget's data (the counts above are not vacuous)
    const api = h.vars.API_BASE;
    assert.equal(count.get(`${api}/forums/${h.vars.OPEN}/signup-form`), 1, 'the signup form');
    assert.ok(count.get(`${api}/forums/${h.vars.REPORTED}/results`), 'the results');
    assert.ok([...count.keys()].some((u) => u.startsWith(`${api}/forums/${h.vars.LIVE}/ideas`)), 'the ideas');
    assert.ok([...count.keys()].some((u) => u.startsWith(`${api}/forums?`)), 'the calendar');
  });

  test('a participant joining at a table costs the join (and at most their own votes), nothing else: the wall does not load again', async (t) => {
    const before = requests.length;
    const wall = page.locator('#wall');
    await wall.scrollIntoViewIfNeeded();
    await wall.locator('[part="join"] input[name="code"]').fill(h.vars.CODE);
    await wall.locator('[part="join"] input[name="table"]').fill('4');
    await wall.locator('[part="join"] button[type="submit"]').click();
    await wall.getByText('4번 테이블에서 참여 중입니다.').waitFor(WAIT);
    await net.quiet();
    const after = requests.slice(before).filter((r) => r.resourceType() !== 'eventsource').map((r) => `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
    for (const line of after) t.diagnostic(line);
    const live = `${new URL(h.vars.API_BASE).pathname}/forums/${h.vars.LIVE}`;
    assert.equal(after.filter((l) => l === `POST ${live}/participants`).length, 1, 'one join');
    // the join's answer carries the person's vote budget; reading their votes again is allowed, once
    assert.ok(after.filter((l) => l === `GET ${live}/participants/me`).length <= 1, 'their votes at most once');
    // A reader's page has no writer's code (the composer, votes, the outbox): it comes with the join, once.
    const code = after.filter((l) => l.startsWith('GET /cdn/'));
    assert.ok(code.length <= 1 && code.every((l) => /\/chunks\/[\w-]+\.js$/.test(l)), `at most the writer's chunk: ${code.join(', ')}`);
    const extra = after.filter((l) => l !== `POST ${live}/participants` && l !== `GET ${live}/participants/me` && !code.includes(l));
    assert.deepEqual(extra, [], 'nothing else: not the forum, its tables or its ideas again');
    assert.equal(requests.slice(before).filter((r) => r.resourceType() === 'eventsource').length, 0, 'joining reuses the open live stream');
  });

  test('no CSP violation, no error; screenshots', async () => {
    await shoot(page, 'one-page', ['calendar', 'signup', 'wall', 'projector', 'results']);
    assert.deepEqual(await seen.violations(), []);
    assert.deepEqual(seen.problems, []);
  });
});
