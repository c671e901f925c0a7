// The results page as `npm start` serves it: a past forum's summary from the seed data, the city
// answering a proposal while a resident has the page open, and the programme totals checked
// against the API's own data. Real Chromium, the built CDN bundle, the server's strict CSP.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, root, startMain, stop } from './helpers.ts';

const artifacts = join(root, '.test-results', 'screenshots');

interface Proposal {
  id: string;
  title: string;
  status: 'accepted' | 'partial' | 'reviewing' | 'declined' | 'awaiting';
  answer: string | null;
}
interface ForumResult {
  forumId: string;
  forum: { title: string };
  stats: { attended: number };
  proposals: Proposal[];
}
interface Forum {
  id: string;
  status: string;
  resultsPublished: boolean;
}

const LABEL = { accepted: '수용', partial: '일부 수용', reviewing: '검토 중', declined: '불수용', awaiting: '답변 대기' };



describe('the results demo page', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-results-'));
  let server: Awaited<ReturnType<typeof startMain>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(server.ready.apiBase + path);
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };

  before(async () => {
    assert.ok(existsSync(join(root, 'dist', 'demo', 'results.js')), 'the build is missing: run npm run build first');
    server = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${new URL(r.url()).pathname}`));
  });

  after(async () => {
    await browser?.close();
    if (server) await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('shows the latest past forum’s proposals and the city’s responses from the seed data', async () => {
    const latest = (await get<{ items: Forum[] }>('/forums?status=reported&order=desc&limit=1')).items[0]!;
    const result = await get<ForumResult>(`/forums/${latest.id}/results`);
    assert.ok(result.proposals.length > 0, 'the seed gives the latest forum proposals');

    const res = await page.goto(`${server.ready.url}/demo/results.html`);
    assert.equal(res?.status(), 200);
    assert.doesNotMatch(res?.headers()['content-security-policy'] ?? '', /script-src[^;]*unsafe-inline/);
    const proposals = page.locator('#forum-summary .proposal');
    await proposals.first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#forum-summary h2').innerText(), result.forum.title);
    assert.equal(await proposals.count(), result.proposals.length);
    for (const [i, p] of result.proposals.entries()) {
      const item = proposals.nth(i);
      assert.equal(await item.locator('h4').innerText(), p.title);
      assert.equal(await item.locator('.p-head [part=status]').innerText(), LABEL[p.status]);
      assert.match(await item.locator('.answer').innerText(), new RegExp(escape(p.answer ?? '아직 시 답변이 없습니다.')));
    }
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'results-phone.png'), fullPage: true });
  });

  test('a response published through the admin API reaches the open summary', async () => {
    const forumId = await page.locator('#forum-summary').getAttribute('forum-id');
    const result = await get<ForumResult>(`/forums/${forumId}/results`);
    const target = result.proposals[result.proposals.length - 1]!;
    const answer = `e2e: ${target.title} 제안을 내년 예산에 반영했습니다. (${Date.now()})`;
    const res = await fetch(`${server.ready.apiBase}/forums/${forumId}/proposals/${target.id}/response`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${server.ready.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'accepted', answer }),
    });
    assert.equal(res.status, 200);
    const item = page.locator('#forum-summary .proposal').filter({ hasText: answer });
    await item.waitFor({ timeout: 10_000 });
    assert.equal(await item.locator('h4').innerText(), target.title);
    assert.equal(await item.locator('.p-head [part=status]').innerText(), '수용');
  });

  test('the programme totals equal what the API’s forums and results add up to, fetching results only for the forums shown', async () => {
    const forums: Forum[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: Forum[]; nextCursor: string | null } = await get(`/forums?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      forums.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    const reported = forums.filter((f) => f.resultsPublished);
    const results = await Promise.all(reported.map((f) => get<ForumResult>(`/forums/${f.id}/results`)));
    const proposals = results.flatMap((r) => r.proposals);
    const accepted = proposals.filter((p) => p.status === 'accepted' || p.status === 'partial').length;
    const n = (v: number) => v.toLocaleString('ko-KR');
    const expected = [
      `${n(reported.length)}회`,
      `${n(results.reduce((s, r) => s + r.stats.attended, 0))}명`,
      `${n(proposals.length)}건`,
      `${Math.round((accepted / proposals.length) * 100)}%`,
    ];

    const resultRequests: string[] = [];
    page.on('request', (r) => /\/api\/forums\/[^/]+\/results$/.test(new URL(r.url()).pathname) && resultRequests.push(r.url()));
    await page.reload();
    const stats = page.locator('#programme .stats dd');
    await page.locator('#programme .forums .status-text').first().waitFor({ timeout: 15_000 });
    await page.locator('#forum-summary .proposal').first().waitFor({ timeout: 15_000 });
    assert.deepEqual(await stats.allInnerTexts(), expected);
    const shown = await page.locator('#programme .forums > li').count();
    assert.ok(shown < reported.length, 'the list is paged');
    // one for the forum summary above, one per forum shown below
    assert.ok(resultRequests.length <= shown + 1, `${resultRequests.length} result requests for ${shown} forums`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(artifacts, 'results-desktop.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
