// Hostile host page 1: a strict Content-Security-Policy with Trusted Types, sent by the host's own
// server as an HTTP header, the widgets loaded by URL as an editor pastes them, and the API on
// another origin (CORS). Every widget renders and works — a resident signs up, a participant joins
// the live wall and posts an idea — and the page records no CSP or Trusted Types violation, no
// uncaught error and no console error. Then: a host origin the API does not allow gets each
// widget's error state with a retry button, not a crash. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { hostCsp, shoot, startHostile, watch, WAIT, type Hostile } from './harness.ts';

let seq = 0;
const uniquePhone = () => `010-${String(2000 + (Date.now() % 7000)).slice(0, 4)}-${String(3000 + seq++).padStart(4, '0')}`;

/** The ideas a wall shows now (its public read-only property). */
const shownTexts = (page: Page, id: string) =>
  page.evaluate((id) => (document.getElementById(id) as unknown as { shownIdeas: { text: string }[] }).shownIdeas.map((i) => i.text), id);

describe('a host page with a strict CSP and Trusted Types, the API on another origin', () => {
  let h: Hostile;
  let page: Page;
  let seen: ReturnType<typeof watch>;

  before(async () => {
    h = await startHostile('csp');
    page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    seen = watch(page);
    const res = await page.goto(`${h.host}/strict.html`);
    assert.equal(res?.status(), 200);
    assert.equal(res?.headers()['content-security-policy'], hostCsp(h.apiOrigin), 'the page is served with the strict policy');
  });

  after(async () => {
    await h?.close();
  });

  test('the calendar lists the open forum and moves between months', async () => {
    const forum = await h.get<{ title: string }>(`/forums/${h.vars.OPEN}`);
    const cal = page.locator('#calendar');
    const card = cal.locator(`[data-forum-id="${h.vars.OPEN}"] [part~="forum-title"]`);
    await card.getByText(forum.title).waitFor(WAIT);
    const title = cal.locator('[part="title"]');
    const month = await title.innerText();
    await cal.getByRole('button', { name: '다음 달' }).click();
    await page.waitForFunction((m) => document.getElementById('calendar')!.shadowRoot!.querySelector('[part="title"]')!.textContent !== m, month, WAIT);
    await cal.getByRole('button', { name: '이전 달' }).click();
    await card.getByText(forum.title).waitFor(WAIT);
    assert.equal(await title.innerText(), month);
  });

  test('a resident fills in the signup form, submits it and sees the confirmation with its QR code', async () => {
    const form = page.locator('#signup');
    await form.scrollIntoViewIfNeeded(); // the loader fetches a widget when it comes near the viewport
    await form.locator('#f-name').fill('엄격정책');
    await form.locator('#f-contact').fill(uniquePhone());
    await form.locator('#f-district').selectOption('화도읍');
    await form.locator('#f-ageGroup').selectOption('30s');
    await form.locator('label[for="f-role"]').click();
    await form.locator('label[for="f-consents-personal"]').click();
    await form.locator('button[type="submit"]').click();
    await form.locator('h2[data-top]').filter({ hasText: /참가 신청이 확정되었습니다|대기자로 접수되었습니다/ }).waitFor(WAIT);
    assert.match(await form.locator('.code strong').innerText(), /^HD-/);
    await form.locator('svg[part="qr"] path').waitFor({ ...WAIT, state: 'attached' });
    const regs = await fetch(`${h.vars.API_BASE}/forums/${h.vars.OPEN}/registrations?limit=100`, { headers: { Authorization: `Bearer ${h.api.ready.adminToken}` } });
    const items = ((await regs.json()) as { items: { name: string }[] }).items;
    assert.ok(items.some((r) => r.name === '엄격정책'), 'the server has the registration');
  });

  test('a participant joins the live wall by its join code, posts an idea and sees it appear', async () => {
    const wall = page.locator('#wall');
    await wall.scrollIntoViewIfNeeded();
    await wall.getByText('2번 테이블에서 참여 중입니다.').waitFor(WAIT);
    const text = `엄격한 정책에서도 제안이 올라갑니다 ${Date.now()}`;
    await wall.locator('textarea').fill(text);
    await wall.getByRole('button', { name: '제안 올리기' }).click();
    await page.waitForFunction(
      (t) => (document.getElementById('wall') as unknown as { shownIdeas: { text: string }[] }).shownIdeas.some((i) => i.text === t),
      text,
      WAIT,
    );
    // The live forum has over 100 ideas, so the wall renders only the cards near the viewport:
    // bring the top of the list (newest first) into view, then the new card is among those drawn.
    await wall.locator('[part~="item"]').first().scrollIntoViewIfNeeded();
    await wall.locator('[part~="item"]', { hasText: text }).first().waitFor({ ...WAIT, state: 'attached' });
    assert.ok((await shownTexts(page, 'wall')).includes(text));
  });

  test('the result summary shows the reported forum with every proposal', async () => {
    const result = await h.get<{ forum: { title: string }; proposals: { title: string }[] }>(`/forums/${h.vars.REPORTED}/results`);
    const summary = page.locator('#results');
    await summary.scrollIntoViewIfNeeded();
    await summary.locator('.proposal').first().waitFor(WAIT);
    assert.equal(await summary.locator('h2').first().innerText(), result.forum.title);
    assert.equal(await summary.locator('.proposal').count(), result.proposals.length);
    for (const p of result.proposals) await summary.locator('.proposal h4', { hasText: p.title }).first().waitFor(WAIT);
  });

  test('nothing violated the policy, nothing threw, nothing was logged as an error', async () => {
    await shoot(page, 'strict', ['calendar', 'signup', 'wall', 'results'], () => page.waitForLoadState('networkidle').catch(() => {}));
    assert.deepEqual(await seen.violations(), []);
    assert.deepEqual(seen.problems, []);
  });

  test('the policy is really enforced: an HTML string assignment is refused and the probe records it', async () => {
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch (e) {
        return e instanceof TypeError;
      }
    });
    assert.ok(refused, 'Trusted Types refused the string');
    const v = await seen.violations();
    assert.equal(v.length, 1);
    assert.equal(v[0]!.directive, 'require-trusted-types-for');
  });

  test('a host origin that is not in the API’s CORS allow-list gets each widget’s error state naming the cause, not a crash', async () => {
    const stranger = await h.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    // The browser reports each refused request, and the widgets say why once (the page's origin and
    // HD_CORS_ORIGINS): that is the expected outcome here.
    const problems = watch(stranger, [/blocked by CORS policy/, /Failed to load resource/, /net::ERR_FAILED/, /^\[hyeondap\] The server \S+ is up, but it does not allow this page's origin .*HD_CORS_ORIGINS=/]);
    await stranger.goto(`${h.stranger}/strict.html`);
    for (const id of ['calendar', 'signup', 'wall', 'results']) {
      await stranger.locator(`#${id}`).scrollIntoViewIfNeeded();
      const alert = stranger.locator(`#${id} [role="alert"]`);
      await alert.getByRole('button', { name: '다시 시도' }).waitFor(WAIT);
      // A page on a host the public does not reach is its editor's: the widget names the cause.
      assert.match(await alert.innerText(), /HD_CORS_ORIGINS=/, id);
    }
    await shoot(stranger, 'stranger-origin');
    assert.deepEqual(await problems.violations(), []);
    assert.deepEqual(problems.problems, []);
    await stranger.close();
  });
});
