/**
 * What `<hd-result-summary>` fetches later, and that each later part still works when it arrives.
 * The tests run in order on one page (module chunks load once per page), so the first one sees a
 * page that has fetched none of them yet. This file imports none of the lazy modules itself.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import type { ForumPage, ForumResult, Totals } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import { until } from '../helpers/server.js';
import { api, parseCsv } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const ready = (el: HdResultSummary) => until(() => $(el, 'article') && !$(el, '.skeleton'), 'the summary');
const fmt = (n: number) => n.toLocaleString('ko-KR');

/** The result summary's later chunks this page has requested so far. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => /result-summary\/(programme|details|charts|csv|messages-en|waiting|live-update)\.[jt]s/.exec(e.name)?.[1])
    .filter((name): name is string => !!name);

async function seededResult(): Promise<ForumResult> {
  const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
  for (const f of page.items) {
    const r = await api<ForumResult>(`/forums/${f.id}/results`);
    if (r.proposals.length >= 2 && r.categories.length && r.byDistrict.length && r.byAgeGroup.length) return r;
  }
  throw new Error('no seeded forum with proposals and charts');
}

describe('<hd-result-summary> loads later parts only when they are needed', () => {
  let seeded: ForumResult;
  before(async () => {
    seeded = await seededResult();
  });

  it('shows a forum’s first screen in Korean without fetching any later part', async () => {
    // The charts are far below the viewport (a long page above the widget).
    const wrap = await fixture<HTMLDivElement>(html`<div><div style="height: 4000px"></div><hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary></div>`);
    const el = wrap.querySelector('hd-result-summary')!;
    await ready(el);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect($(el, 'h2')!.textContent).to.equal(seeded.forum.title);
    expect($$(el, '.proposal')).to.have.length(seeded.proposals.length);
    expect($(el, 'button.download')!.textContent).to.equal('CSV 내려받기');
    expect(fetched(), 'no programme view, charts, CSV code, English, waiting view or live-event code').to.deep.equal([]);
    // Where the charts will be, their frames, captions and toggles, and placeholders that keep their space.
    expect($$(el, 'figure figcaption').map((c) => c.textContent)).to.deep.equal(['분야별 의견과 투표', '거주 지역별 참가 신청', '연령대별 참가 신청']);
    for (const sk of $$(el, 'figure svg.sk')) expect(sk.getBoundingClientRect().height, 'a placeholder keeps the chart’s height').to.be.greaterThan(30);
    await expect(el).to.be.accessible();
  });

  it('draws the charts into their reserved space when a reader scrolls to them: nothing moves', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><div style="height: 4000px"></div><hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary><div style="height: 4000px"></div></div>`);
    const el = wrap.querySelector('hd-result-summary')!;
    await ready(el);
    const heights = () => $$(el, 'figure').map((f) => Math.round(f.getBoundingClientRect().height));
    const before = heights();
    const height = el.getBoundingClientRect().height;
    expect($$(el, 'figure svg[role=img]'), 'no chart drawn yet').to.have.length(0);
    $(el, '.charts')!.scrollIntoView({ block: 'center' });
    await until(() => $$(el, 'figure svg[role=img]').length, 'the charts');
    await el.updateComplete;
    expect(fetched()).to.include('details');
    expect(heights(), 'each chart fills the space its placeholder kept').to.deep.equal(before);
    expect(Math.round(el.getBoundingClientRect().height)).to.equal(Math.round(height));
    expect($$(el, 'svg.sk')).to.have.length(0);
    const district = $$(el, 'figure')[1]!.querySelector('svg[role=img]')!.getAttribute('aria-label')!;
    for (const d of seeded.byDistrict) expect(district).to.contain(`${d.key} ${fmt(d.count)}명`);
    await expect(el).to.be.accessible();
  });

  it('fetches the CSV code on the first click and still downloads the file from that click', async () => {
    expect(fetched()).to.not.include('csv');
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    const files: { name: string; blob: Blob }[] = [];
    const original = URL.createObjectURL;
    let last: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => ((last = b as Blob), original.call(URL, b));
    const onClick = (e: Event) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement && a.download) {
        e.preventDefault(); // no real file in the test run
        files.push({ name: a.download, blob: last! });
      }
    };
    el.shadowRoot!.addEventListener('click', onClick);
    try {
      $<HTMLButtonElement>(el, 'button.download')!.click();
      await until(() => files.length, 'the download');
    } finally {
      URL.createObjectURL = original;
      el.shadowRoot!.removeEventListener('click', onClick);
    }
    expect(fetched()).to.include('csv');
    expect(files).to.have.length(1);
    expect(files[0]!.name).to.match(/^\d{4}-\d{2}-\d{2} .+\.csv$/);
    expect(files[0]!.name).to.contain(seeded.forum.title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim());
    const rows = parseCsv((await files[0]!.blob.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]![0]).to.equal('토론회');
    expect(rows).to.have.length(seeded.proposals.length + 1);
  });

  it('shows the whole programme’s totals once its chunk arrives', async () => {
    expect(fetched()).to.not.include('programme');
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    await until(() => $(el, '.forums .status-text'), 'the forum list');
    expect(fetched()).to.include('programme');
    const totals = await api<Totals>('/results/totals');
    expect($$(el, '.stats dd').map((d) => d.textContent).slice(0, 3)).to.deep.equal([`${fmt(totals.reportedForums)}회`, `${fmt(totals.attended)}명`, `${fmt(totals.proposals)}건`]);
    // Its own styles came with it: the forum list is a grid of cards, the filters are labelled selects.
    expect(getComputedStyle($(el, '.forums')!).display).to.equal('grid');
    expect(getComputedStyle($(el, 'label')!).display).to.equal('grid');
    await expect(el).to.be.accessible();
  });

  it('speaks English once its words arrive, without a flash of Korean', async () => {
    expect(fetched()).to.not.include('messages-en');
    const el = fixtureSync<HdResultSummary>(html`<hd-result-summary lang="en" api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    // Everything the element shows on its way to English, in order.
    const shown: string[] = [];
    const watch = new MutationObserver(() => shown.push(el.shadowRoot!.textContent!));
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await ready(el);
    watch.disconnect();
    for (const korean of ['시에 전달된 제안과 시 답변', 'CSV 내려받기', '불러오는 중', '한눈에 보기']) {
      expect(shown.some((t) => t.includes(korean)), `never shows “${korean}”`).to.equal(false);
    }
    expect(fetched()).to.include('messages-en');
    expect($(el, 'h3#proposals')!.textContent).to.equal('Proposals and the city’s answers');
    expect($(el, 'button.download')!.textContent).to.equal('Download CSV');
    $(el, '.charts')!.scrollIntoView();
    await until(() => $(el, 'figure svg[role=img]'), 'the charts');
    await el.updateComplete;
    expect($(el, 'figure #cat caption')!.textContent).to.equal('Ideas and votes by category');
    expect($$(el, '#cat thead th').map((t) => t.textContent)).to.deep.equal(['Category', 'Ideas', 'Votes']);
    expect($(el, '#per-table tfoot th')!.textContent).to.equal('Total');
    const rows = parseCsv((await el.csv()).replace(/^\uFEFF/, ''));
    expect(rows[0]![0]).to.equal('Forum');
    await expect(el).to.be.accessible();
  });
});
