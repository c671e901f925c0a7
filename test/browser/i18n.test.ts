import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { NetworkError, RateLimitedError, createError } from '../../src/api/errors.js';
import { displayStatus } from '../../src/api/forum-status.js';
import type { Forum } from '../../src/api/types.js';
import {
  en,
  errorMessage,
  formatDate,
  formatDateRange,
  formatRelative,
  formatTime,
  ko,
  messagesFor,
  seoulDateKey,
} from '../../src/i18n/index.js';
import type { TestApiConsumer } from './helpers/elements.js';
import './helpers/elements.js';
import '../../src/define/hd-provider.js';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'function') return [`${prefix}()`];
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.keys(value)
    .sort()
    .flatMap((key) => keyPaths((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key));
}

describe('i18n', () => {
  let htmlLang: string | null;
  beforeEach(() => {
    htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('speaks Korean by default', async () => {
    const el = await fixture<TestApiConsumer>(html`<test-api-consumer></test-api-consumer>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('모집 중');
    expect(el.localize.locale).to.equal('ko');
  });

  it('follows lang="en" on an ancestor, across shadow roots too', async () => {
    const wrapper = fixtureSync(html`<div lang="en"><test-api-consumer></test-api-consumer></div>`);
    const el = wrapper.querySelector('test-api-consumer')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('Open for signup');
  });

  it('updates when the document language changes', async () => {
    const el = await fixture<TestApiConsumer>(html`<test-api-consumer></test-api-consumer>`);
    document.documentElement.setAttribute('lang', 'en-GB');
    await new Promise((r) => setTimeout(r, 0)); // the MutationObserver runs
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('Open for signup');
    document.documentElement.setAttribute('lang', 'ko-KR');
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('모집 중');
  });

  it('gives the provider locale precedence over inherited lang, and the own lang over both', async () => {
    const wrapper = fixtureSync(
      html`<div lang="ko"><hd-provider api-base="/api" locale="en"><test-api-consumer></test-api-consumer></hd-provider></div>`,
    );
    const el = wrapper.querySelector('test-api-consumer')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('Open for signup');
    el.setAttribute('lang', 'ko'); // observed: no requestUpdate needed
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.equal('모집 중');
  });

  it('has every Korean message in English (runtime check of the type check)', async () => {
    expect(keyPaths(en)).to.deep.equal(keyPaths(ko));
    // English is a chunk of its own: Korean until it has arrived, then English
    const el = fixtureSync<TestApiConsumer>(html`<test-api-consumer lang="en-US"></test-api-consumer>`);
    await el.updateComplete;
    expect(messagesFor('en-US')).to.deep.equal(en);
    expect(messagesFor('ja')).to.equal(ko);
    expect(ko.responseStatus.partial).to.equal('일부 수용');
    expect(Object.values(ko.forumStatus)).to.deep.equal(['모집 예정', '모집 중', '마감 임박', '대기 접수', '마감', '진행 중', '종료', '결과 공개']);
  });

  it('shows times in Asia/Seoul while the browser runs in another zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.not.equal('Asia/Seoul');
    const start = '2026-12-03T19:00:00+09:00';
    expect(formatTime(start, 'ko')).to.equal('오후 7:00');
    expect(formatTime(start, 'en')).to.equal('7:00 PM');
    expect(formatDate(start, 'ko')).to.equal('2026년 12월 3일 (목)');
    // 01:00 in Seoul is still the previous day in UTC: the Seoul day counts.
    expect(seoulDateKey('2026-12-03T01:00:00+09:00')).to.equal('2026-12-03');
    expect(formatDate('2026-12-03T01:00:00+09:00', 'ko')).to.equal('2026년 12월 3일 (목)');
    const range = formatDateRange(start, '2026-12-03T21:00:00+09:00', 'ko');
    expect(range).to.contain('2026년 12월 3일 (목)');
    expect(range).to.contain('오후 7:00');
    expect(range).to.contain('9:00');
    expect(range.match(/2026년/g)).to.have.length(1);
    expect(formatDateRange(start, '2026-12-04T21:00:00+09:00', 'ko')).to.contain('~ 2026년 12월 4일 (금) 오후 9:00');
    expect(formatDate(start, 'en')).to.equal('Thu, December 3, 2026');
  });

  it('formats relative times and counts', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    expect(formatRelative(now - 3 * 60_000, 'ko', now)).to.equal('3분 전');
    expect(formatRelative(now + 24 * 3600_000, 'ko', now)).to.equal('내일');
    expect(ko.forum.seatsLeft(1234)).to.equal('잔여 1,234석');
    expect(en.forum.seatsLeft(1)).to.equal('1 seat left');
    expect(en.forum.seatsLeft(2)).to.equal('2 seats left');
  });

  it('turns data-layer errors into messages people understand', () => {
    const limited = new RateLimitedError({ status: 429, code: 'rate-limited', title: 'Too many', retryAfter: 30 });
    expect(errorMessage(limited, ko)).to.equal('요청이 많습니다. 30초 후에 다시 시도해 주세요.');
    expect(errorMessage(limited, en)).to.equal('Too many requests. Please try again in 30 seconds.');
    expect(errorMessage(new NetworkError({ status: 0, code: 'network', title: 'x' }), ko)).to.equal(ko.errors.network);
    const budget = createError({ status: 409, code: 'vote-budget-exhausted', title: 'Budget' });
    expect(errorMessage(budget, ko)).to.equal('투표 스티커를 모두 사용하셨습니다.');
    expect(errorMessage(createError({ status: 503, code: 'internal', title: 'x' }), ko)).to.equal(ko.errors.server);
    expect(errorMessage(createError({ status: 404, code: 'not-found', title: 'x' }), en)).to.equal(en.errors.notFound);
  });

  it("lets a widget's own problem codes speak first, and calls a part that could not be fetched a connection problem", async () => {
    const odd = createError({ status: 409, code: 'widget-only-code', title: 'x' });
    expect(errorMessage(odd, ko)).to.equal(ko.errors.conflict);
    expect(errorMessage(odd, ko, { 'widget-only-code': '이 위젯만의 안내입니다.' })).to.equal('이 위젯만의 안내입니다.');
    // What this browser throws for a chunk it cannot fetch (a URL nothing serves).
    const failed = await import(/* @vite-ignore */ `${location.origin}/no-such-chunk-${Date.now()}.js`).catch((e: unknown) => e);
    expect(errorMessage(failed, ko)).to.equal(ko.errors.network);
    expect(errorMessage(new Error('something else'), ko)).to.equal(ko.errors.unknown);
  });

  it('labels an open forum with few seats or a near deadline as closing soon', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const base = { status: 'open', capacity: 40, registered: 10, signupClosesAt: null } as Pick<
      Forum,
      'status' | 'capacity' | 'registered' | 'signupClosesAt'
    >;
    expect(displayStatus(base, now)).to.equal('open');
    expect(displayStatus({ ...base, registered: 37 }, now)).to.equal('closing');
    expect(displayStatus({ ...base, signupClosesAt: '2026-12-02T00:00:00Z' }, now)).to.equal('closing');
    expect(displayStatus({ ...base, status: 'full' }, now)).to.equal('full');
  });
});
