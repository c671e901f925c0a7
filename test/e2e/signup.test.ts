// Signing up, end to end, as a resident does it: the built server (as `npm start` runs it) on a
// fresh data directory, the demo signup page in headless Chromium under the server's CSP, the
// widget from the CDN bundle. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const artifacts = join(root, '.test-results', 'screenshots');




let seq = 0;
const uniquePhone = () => `010-${String(1000 + (Date.now() % 9000)).slice(0, 4)}-${String(1000 + seq++).padStart(4, '0')}`;

describe('signing up on the demo signup page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-signup-e2e-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let api: string;

  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(api + path, {
      method,
      headers: { Authorization: `Bearer ${server.ready.adminToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** A forum of our own, open for signup. */
  const openForum = async (title: string, capacity: number): Promise<string> => {
    const start = new Date(Date.now() + 20 * 24 * 3600 * 1000);
    const forum = await admin<{ id: string }>('POST', '/forums', {
      title,
      summary: '종단 간 시험용 토론회입니다.',
      district: '화도읍',
      venue: { name: '화도읍 행정복지센터', address: '경기도 남양주시 화도읍 비룡로 1' },
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
      capacity,
    });
    await admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
    return forum.id;
  };

  const registrations = async (forumId: string) =>
    (await admin<{ items: { name: string; outcome: string; contact: { value: string } }[] }>('GET', `/forums/${forumId}/registrations?limit=100`)).items;

  /** Registers straight through the API (the people in between). */
  const registerByApi = async (forumId: string, name: string) => {
    const form = (await (await fetch(`${api}/forums/${forumId}/signup-form`)).json()) as { consentVersion: string; consents: { id: string; required: boolean }[] };
    const res = await fetch(`${api}/forums/${forumId}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        name,
        contact: { kind: 'phone', value: uniquePhone() },
        district: '화도읍',
        ageGroup: '40s',
        role: 'participant',
        consentVersion: form.consentVersion,
        consents: Object.fromEntries(form.consents.map((c) => [c.id, c.required])),
      }),
    });
    if (res.status !== 201) throw new Error(`registration: ${res.status} ${await res.text()}`);
  };

  const newPage = async (context?: BrowserContext): Promise<Page> => {
    const page = await (context ?? browser).newPage({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    (page as Page & { problems: string[] }).problems = problems;
    return page;
  };

  /** Fills the form as a person does (keyboard and clicks on labels), required consent only. */
  const fill = async (page: Page, name: string, phone: string) => {
    const form = page.locator('hd-signup-form');
    await form.locator('#f-name').fill(name);
    await form.locator('#f-contact').fill(phone);
    await form.locator('#f-district').selectOption('화도읍');
    await form.locator('#f-ageGroup').selectOption('30s');
    await form.locator('label[for="f-role"]').click();
    await form.locator('label[for="f-consents-personal"]').click();
  };

  const submit = (page: Page) => page.locator('hd-signup-form button[type="submit"]').click();
  const heading = (page: Page) => page.locator('hd-signup-form h2[data-top]');

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'cdn', 'hyeondap.js')), 'the build is missing: run npm run build first');
    assert.ok(existsSync(join(root, 'dist', 'demo', 'signup.js')), 'the demo build is missing: run npm run build first');
    server = await startMain(dataDir);
    api = server.ready.apiBase;
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a new resident finds an upcoming forum in the calendar on /, follows its signup link, signs up and sees the confirmation with a QR code', async () => {
    const forumId = server.ready.demo!.openForumId;
    const page = await newPage();
    const res = await page.goto(`${server.ready.url}/`);
    assert.equal(res?.status(), 200);
    assert.doesNotMatch(res?.headers()['content-security-policy'] ?? '', /script-src[^;]*unsafe-inline/);
    // The calendar opens on this month; the open forum may be a month or two ahead.
    const link = page.locator(`hd-forum-calendar a[href="/demo/signup.html?forum=${forumId}"]`);
    const shown = () =>
      link
        .first()
        .waitFor({ timeout: 4_000 })
        .then(() => true, () => false);
    for (let i = 0; i < 6 && !(await shown()); i++) await page.locator('hd-forum-calendar button[aria-label="다음 달"]').click();
    await link.first().click();
    await page.waitForURL(`**/demo/signup.html?forum=${forumId}`);
    const forum = (await (await fetch(`${api}/forums/${forumId}`)).json()) as { title: string };
    await page.locator('hd-signup-form h2', { hasText: forum.title }).waitFor();
    await fill(page, '김신청', uniquePhone());
    await submit(page);
    await heading(page).filter({ hasText: '참가 신청이 확정되었습니다' }).waitFor();
    const code = await page.locator('hd-signup-form .code strong').innerText();
    assert.match(code, /^HD-/);
    await page.locator('hd-signup-form svg[part="qr"] path').waitFor({ state: 'attached' });
    assert.match((await page.locator('hd-signup-form a[download]').getAttribute('href')) ?? '', new RegExp(`/forums/${forumId}/calendar\\.ics$`));
    assert.ok((await registrations(forumId)).some((r) => r.name === '김신청' && r.outcome === 'confirmed'));
    await page.screenshot({ path: join(artifacts, 'signup-confirmed.png'), fullPage: true });
    assert.deepEqual((page as Page & { problems: string[] }).problems, []);
    await page.close();
  });

  test('on a 10-seat forum the 11th sees waitlisted; the first cancels by the cancel link and the 11th is promoted', async () => {
    const forumId = await openForum('열 자리 토론회', 10);
    const url = `${server.ready.url}/demo/signup.html?forum=${forumId}`;

    const first = await newPage();
    await first.goto(url);
    await fill(first, '첫째', uniquePhone());
    await submit(first);
    await heading(first).filter({ hasText: '참가 신청이 확정되었습니다' }).waitFor();
    const cancelLink = (await first.locator('hd-signup-form .cancel-link a').getAttribute('href')) ?? '';
    assert.ok(cancelLink.includes('#cancel='), 'the cancel link carries the token in the fragment');
    assert.ok(!cancelLink.split('#')[0]!.includes('hdc_'), 'no token in the path or query');

    for (let i = 2; i <= 10; i++) await registerByApi(forumId, `참가자${i}`);

    const eleventh = await newPage();
    await eleventh.goto(url);
    await eleventh.locator('hd-signup-form button[type="submit"]', { hasText: '대기자로 신청하기' }).waitFor();
    await fill(eleventh, '열한째', uniquePhone());
    await submit(eleventh);
    await heading(eleventh).filter({ hasText: '대기자로 접수되었습니다' }).waitFor();
    assert.match(await eleventh.locator('hd-signup-form .position').innerText(), /대기 순번 1번/);
    await eleventh.screenshot({ path: join(artifacts, 'signup-waitlisted.png'), fullPage: true });

    // The first person opens their cancel link, sees their registration, confirms, and cancels.
    const manage = await newPage();
    await manage.goto(cancelLink);
    await manage.locator('hd-signup-form h2', { hasText: '참가 신청 확인' }).waitFor();
    assert.equal(new URL(manage.url()).hash, '', 'the token is taken out of the address bar');
    assert.match(await manage.locator('hd-signup-form .mine').innerText(), /첫째[\s\S]*참가 확정/);
    await manage.locator('hd-signup-form button', { hasText: '참가 신청 취소하기' }).click();
    await manage.locator('hd-signup-form button', { hasText: '네, 취소합니다' }).click();
    await heading(manage).filter({ hasText: '참가 신청을 취소했습니다' }).waitFor();

    // The API: the 11th holds the freed seat.
    const regs = await registrations(forumId);
    assert.equal(regs.find((r) => r.name === '첫째')?.outcome, 'cancelled');
    assert.equal(regs.find((r) => r.name === '열한째')?.outcome, 'confirmed');
    // The 11th's open page hears it live and shows the confirmation with the QR code.
    await heading(eleventh).filter({ hasText: '참가 신청이 확정되었습니다' }).waitFor({ timeout: 15_000 });
    await eleventh.locator('hd-signup-form svg[part="qr"] path').waitFor({ state: 'attached' });
    for (const p of [first, eleventh, manage]) {
      assert.deepEqual((p as Page & { problems: string[] }).problems, []);
      await p.close();
    }
  });

  test('the network drops after the signup reached the server: it is sent again once back online, and one registration exists', async () => {
    const forumId = await openForum('끊긴 연결 토론회', 30);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await newPage(context);
    await page.goto(`${server.ready.url}/demo/signup.html?forum=${forumId}`);
    await fill(page, '끊김', uniquePhone());

    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/registrations')) keys.push(r.headers()['idempotency-key'] ?? '');
    });
    // The first attempt reaches the server, then the connection is gone before the answer arrives.
    let reached = false;
    await page.route('**/registrations', async (route) => {
      if (reached || route.request().method() !== 'POST') return route.continue();
      reached = true;
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await submit(page);
    await page.locator('hd-signup-form h3', { hasText: '신청서를 아직 보내지 못했습니다' }).waitFor({ timeout: 30_000 });
    assert.equal((await registrations(forumId)).length, 1, 'the first attempt reached the server');
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hd-signup:')).length);
    assert.equal(stored, 1, 'the pending submission is kept on the device');
    await page.screenshot({ path: join(artifacts, 'signup-pending.png'), fullPage: true });

    await context.setOffline(false);
    await heading(page).filter({ hasText: '참가 신청이 확정되었습니다' }).waitFor({ timeout: 30_000 });
    const regs = await registrations(forumId);
    assert.equal(regs.length, 1, 'exactly one registration');
    assert.equal(regs[0]!.name, '끊김');
    assert.ok(keys.length >= 2, 'sent again');
    assert.equal(new Set(keys).size, 1, 'every attempt carries the same Idempotency-Key');
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hd-signup:')).length);
    assert.equal(left, 0, 'nothing personal is left on the device once confirmed');
    await context.close();
  });

  test('offline at submit: the signup waits on the device and goes out once when the page is opened again', async () => {
    const forumId = await openForum('다시 열기 토론회', 30);
    const url = `${server.ready.url}/demo/signup.html?forum=${forumId}`;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await newPage(context);
    await page.goto(url);
    await fill(page, '다시열기', uniquePhone());
    await context.setOffline(true);
    await submit(page);
    await page.locator('hd-signup-form h3', { hasText: '신청서를 아직 보내지 못했습니다' }).waitFor({ timeout: 30_000 });
    assert.equal((await registrations(forumId)).length, 0);
    await page.close();

    await context.setOffline(false);
    const again = await newPage(context);
    await again.goto(url);
    await heading(again).filter({ hasText: '참가 신청이 확정되었습니다' }).waitFor({ timeout: 30_000 });
    const regs = await registrations(forumId);
    assert.equal(regs.length, 1);
    assert.equal(regs[0]!.name, '다시열기');
    await context.close();
  });
});
