// The operator console as `npm start` serves it (/demo/console.html): the built CDN bundle (the
// loader fetches the operator tools' own chunks), the server's strict CSP, real Chromium. An
// operator signs in with the admin token, creates a forum with a question, opens its signup and
// runs it to the end; people at the tables post and vote (through the API); on the results tab the
// operator publishes a proposal from the top idea and records 수용 with a timeline entry, and the
// public summary beside the tools shows both without a reload. No console error, no CSP violation,
// and the token appears in no address. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startMain, stop } from './helpers.ts';

const WAIT = { timeout: 15_000 };

describe('the operator console demo page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-console-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const addresses: string[] = [];

  before(async () => {
    server = await startMain(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    page.on('console', (m) => m.type() === 'error' && !/status of (400|404)/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => addresses.push(r.url()));
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async <T>(method: string, path: string, body?: unknown, token = server.ready.adminToken): Promise<T> => {
    const res = await fetch(server.ready.apiBase + path, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  test('npm start prints the console’s address, without a token in it', () => {
    assert.ok(server.output().includes(`Console       ${server.ready.url}/demo/console.html`));
    assert.doesNotMatch(server.output(), /console\.html\S*(hda_|token=)/);
  });

  test('an operator runs a forum from set-up to the city’s answer, and the public summary follows', async () => {
    const res = await page.goto(`${server.ready.url}/demo/console.html`);
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    const editor = page.locator('hd-forum-editor');
    await editor.locator('#f-token').fill(server.ready.adminToken);
    await editor.locator('#f-token').press('Enter');
    await editor.locator('#f-title').waitFor(WAIT);
    const title = `콘솔 e2e ${Date.now()}`;
    await editor.locator('#f-title').fill(title);
    await editor.locator('#f-district').fill('진접읍');
    await editor.locator('#f-venue-name').fill('진접읍 행정복지센터');
    await editor.locator('#f-venue-address').fill('경기도 남양주시 진접읍 해밀예당1로 150');
    await editor.locator('#f-startsAt').fill('2031-05-10T14:00');
    await editor.locator('#f-endsAt').fill('2031-05-10T17:00');
    await editor.locator('#f-capacity').fill('40');
    await editor.locator('#f-tables').fill('4');
    await editor.locator('.add-question').click();
    await editor.locator('#f-questions-0-label').fill('가장 이야기하고 싶은 주제는 무엇인가요?');
    await editor.locator('button[part=submit]').click();
    await editor.getByText('토론회를 만들었습니다.').waitFor(WAIT);
    // the public preview: the loader's public widgets inside the tool
    await editor.locator('.preview hd-signup-form').getByRole('heading', { name: title }).waitFor(WAIT);
    const forum = (await api<{ items: { id: string; title: string; tables: number }[] }>('GET', `/forums?q=${encodeURIComponent(title)}`)).items[0]!;
    assert.equal(forum.tables, 4);
    for (const move of ['open', 'live']) {
      await editor.locator(`[data-move=${move}]`).click();
      if (move === 'live') await editor.getByRole('button', { name: '네, 바꿉니다' }).click();
      await editor.locator('.status-note').filter({ hasText: move === 'open' ? '모집 중' : '진행 중' }).waitFor(WAIT);
    }
    // at the tables, with the join code the editor shows
    const joinCode = await editor.locator('.status code').innerText();
    const join = await api<{ token: string }>('POST', `/forums/${forum.id}/participants`, { joinCode, table: 1 }, '');
    const idea = await api<{ id: string }>('POST', `/forums/${forum.id}/ideas`, { text: '정류장마다 버스 도착 안내판을 달아 주세요' }, join.token);
    await api('PUT', `/forums/${forum.id}/voting`, { open: true });
    await api('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, undefined, join.token);
    await editor.locator('[data-move=finished]').click();
    await editor.getByRole('button', { name: '네, 바꿉니다' }).click();
    await editor.getByText('결과 편집기에서').waitFor(WAIT);

    // the results tab: the same sign-in, the public summary beside it
    await page.getByRole('tab', { name: '결과와 시 답변' }).click();
    const results = page.locator('hd-results-editor');
    await results.locator('.signed-in').waitFor(WAIT);
    await results.locator('#pick').selectOption(forum.id);
    await results.locator('.picker button[type=submit]').click();
    await results.getByRole('button', { name: /^제안으로 만들기/ }).first().click();
    await results.locator('#f-proposals-0-department').fill('대중교통과');
    await results.locator('#f-attended').fill('12');
    await results.locator('button[part=submit]').click();
    await results.getByText('결과를 공개했습니다.').waitFor(WAIT);
    const summary = page.locator('#public-summary');
    await summary.locator('.proposal h4', { hasText: '정류장마다 버스 도착 안내판을 달아 주세요' }).waitFor(WAIT);

    await results.getByRole('button', { name: /^답변 기록하기/ }).click();
    await results.locator('.answer-form label', { hasText: /^수용$/ }).click();
    await results.locator('.answer-form textarea').first().fill('내년까지 주요 정류장 30곳에 도착 안내판을 설치하겠습니다.');
    await results.locator('.answer-form textarea').nth(1).fill('설치 예산을 본예산에 반영했습니다.');
    await results.locator('.answer-form button[type=submit]').click();
    await results.getByText('시 답변을 기록했습니다').waitFor(WAIT);
    await summary.locator('.proposal .p-head [part=status]', { hasText: '수용' }).waitFor(WAIT);
    await summary.locator('.timeline li', { hasText: '설치 예산을 본예산에 반영했습니다.' }).waitFor(WAIT);

    const published = await api<{ proposals: { status: string; department: string; timeline: { text: string }[] }[] }>('GET', `/forums/${forum.id}/results`);
    assert.deepEqual(
      published.proposals.map((p) => [p.status, p.department, p.timeline.at(-1)?.text]),
      [['accepted', '대중교통과', '설치 예산을 본예산에 반영했습니다.']],
    );
    assert.deepEqual(problems, []);
    assert.ok(!addresses.some((a) => a.includes(server.ready.adminToken)), 'the token in an address');
    // the operator tools came as chunks of their own
    assert.ok(addresses.some((a) => /\/dist\/cdn\/chunks\/hd-forum-editor-/.test(a)));
    assert.ok(addresses.some((a) => /\/dist\/cdn\/chunks\/hd-results-editor-/.test(a)));
  });
});
