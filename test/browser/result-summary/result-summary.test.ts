import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { registryDefaults } from '../../../src/api/registry.js';
import type { Forum, ForumPage, ForumResult, Totals } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import { styles as detailStyles } from '../../../src/elements/result-summary/details.js';
import { styles as programmeStyles } from '../../../src/elements/result-summary/programme.js';
import { styles } from '../../../src/elements/result-summary/result-summary.styles.js';
import { tokenStyles } from '../../../src/styles/tokens.js';
import { admin, until } from '../helpers/server.js';
import { api, finishedForum, parseCsv, publish, respond } from './fixtures.js';

const text = (el: HdResultSummary) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const ready = (el: HdResultSummary) => until(() => $(el, 'article') && !$(el, '.skeleton'), 'the summary');
const fmt = (n: number) => n.toLocaleString('ko-KR');

/** A seeded reported forum with answered proposals. */
async function seededResult(): Promise<ForumResult> {
  const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
  for (const f of page.items) {
    const r = await api<ForumResult>(`/forums/${f.id}/results`);
    if (r.proposals.length >= 2 && r.proposals.some((p) => p.answer) && r.categories.length) return r;
  }
  throw new Error('no seeded forum with answered proposals');
}

describe('<hd-result-summary> one forum', () => {
  let seeded: ForumResult;
  before(async () => {
    seeded = await seededResult();
  });

  it('says it has no server without api-base or a provider, and waits inside a provider still loading', async () => {
    const alone = await fixture<HdResultSummary>(html`<hd-result-summary forum-id="f1"></hd-result-summary>`);
    expect(alone.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('api-base');
    await expect(alone).to.be.accessible();
    expect(customElements.get('hd-provider')).to.equal(undefined); // this page never defines it
    const wrapper = await fixture(html`<hd-provider api-base="/api"><hd-result-summary forum-id="f1"></hd-result-summary></hd-provider>`);
    const waiting = wrapper.querySelector('hd-result-summary')!;
    await waiting.updateComplete;
    expect(waiting.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('is accessible and shows the figures, the proposals and the city’s answers', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    await expect(el).to.be.accessible();
    expect($(el, 'h2')!.textContent).to.equal(seeded.forum.title);
    const figures = $$(el, '.stats > div').map((d) => `${d.querySelector('dt')!.textContent} ${d.querySelector('dd')!.textContent}`);
    const s = seeded.stats;
    expect(figures).to.deep.equal([
      `참가 신청 ${fmt(s.registered)}명`,
      `참석 ${fmt(s.attended)}명`,
      `테이블 ${fmt(s.tables)}개`,
      `퍼실리테이터 ${fmt(s.facilitators)}명`,
      `의견 ${fmt(s.ideas)}건`,
      `투표 ${fmt(s.votes)}표`,
    ]);
    const items = $$(el, '.proposal');
    expect(items).to.have.length(seeded.proposals.length);
    const labels = { accepted: '수용', partial: '일부 수용', reviewing: '검토 중', declined: '불수용', awaiting: '답변 대기' };
    seeded.proposals.forEach((p, i) => {
      const item = items[i]!;
      expect(item.querySelector('h4')!.textContent).to.equal(p.title);
      expect(item.querySelector('.p-head [part=status]')!.textContent).to.equal(labels[p.status]);
      expect(item.querySelector('.answer')!.textContent).to.contain(p.answer ?? '아직 시 답변이 없습니다.');
      expect(item.querySelectorAll('.timeline li')).to.have.length(p.timeline.length);
      for (const idea of p.ideas) expect(item.querySelector('.ideas')!.textContent).to.contain(idea.text);
    });
    expect(el.matches(':state(ready)')).to.equal(true);
  });

  it('rolls the per-table tallies into totals in a table behind a keyboard toggle', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    const toggle = $<HTMLButtonElement>(el, 'button[aria-controls=per-table]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#per-table')!.hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const wrap = $(el, '#per-table')!;
    expect(wrap.hidden).to.equal(false);
    expect(wrap.querySelectorAll('tbody tr')).to.have.length(seeded.tables.length);
    const foot = [...wrap.querySelectorAll('tfoot td')].map((c) => c.textContent);
    const sum = (k: 'participants' | 'ideas' | 'votes') => fmt(seeded.tables.reduce((s, t) => s + t[k], 0));
    expect(foot.slice(-3)).to.deep.equal([sum('participants'), sum('ideas'), sum('votes')]);
    await expect(el).to.be.accessible();
  });

  it('draws each chart with a text alternative listing its data and a data table toggle', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    // The charts load as a reader scrolls towards them.
    $(el, '.charts')!.scrollIntoView();
    await until(() => $(el, 'figure svg[role=img]'), 'the charts');
    await el.updateComplete;
    const charts = $$(el, 'figure');
    expect(charts).to.have.length(3);
    const [cat, district, age] = charts.map((f) => f.querySelector('svg[role=img]')!.getAttribute('aria-label')!);
    for (const c of seeded.categories) expect(cat).to.contain(`${c.category || '기타'} ${fmt(c.ideas)}건 ${fmt(c.votes)}표`);
    for (const d of seeded.byDistrict) expect(district).to.contain(`${d.key} ${fmt(d.count)}명`);
    expect(age!.startsWith('연령대별 참가 신청:')).to.equal(true);
    for (const figure of charts) {
      const button = figure.querySelector('button')!;
      button.click();
      await el.updateComplete;
      const table = figure.querySelector('table')!;
      expect(table.closest<HTMLElement>('.table-wrap')!.hidden).to.equal(false);
      expect(button.textContent!.trim()).to.equal('표 닫기');
    }
    const districtRows = [...charts[1]!.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(districtRows).to.deep.equal(seeded.byDistrict.map((d) => [d.key, fmt(d.count)]));
    await expect(el).to.be.accessible();
  });

  it('downloads the proposals and responses as UTF-8 CSV with a BOM that parses back to the API data', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return original.call(URL, b);
    };
    try {
      $<HTMLButtonElement>(el, 'button.download')!.click();
      await until(() => blob, 'the file'); // the CSV code is fetched on the first click
    } finally {
      URL.createObjectURL = original;
    }
    expect(blob, 'no file').to.exist;
    expect(blob!.type).to.match(/^text\/csv/);
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).to.deep.equal(['토론회', '날짜', '순위', '제안', '득표', '분야', '담당 부서', '답변 상태', '시 답변', '답변일', '바탕이 된 의견', '추진 경과']);
    expect(rows).to.have.length(seeded.proposals.length + 1);
    const labels = { accepted: '수용', partial: '일부 수용', reviewing: '검토 중', declined: '불수용', awaiting: '답변 대기' };
    seeded.proposals.forEach((p, i) => {
      const row = rows[i + 1]!;
      expect(row[0]).to.equal(seeded.forum.title);
      expect(row.slice(2, 9)).to.deep.equal([String(p.rank), p.title, String(p.votes), p.category ?? '', p.department ?? '', labels[p.status], p.answer ?? '']);
      expect(row[10]!.split('\n')).to.have.length(p.ideas.length);
      p.ideas.forEach((idea, j) => expect(row[10]!.split('\n')[j]).to.equal(`${idea.text} (${idea.table}번 테이블, ${idea.votes}표)`));
      expect(row[11]!.split('\n').map((l) => l.slice(0, 10))).to.deep.equal(p.timeline.map((e) => e.date));
    });
  });

  it('guards CSV cells against formula injection and quotes commas, quotes and line breaks', async () => {
    const { forum, ideaIds } = await finishedForum([
      { text: '=HYPERLINK("http://evil.example","클릭")', votes: 2 },
      { text: '쉼표, "따옴표"\n그리고 줄바꿈', votes: 1 },
    ]);
    const r = await publish(forum.id, [
      { title: '=1+1', ideaIds: [ideaIds[0]!], department: '@부서' },
      { title: '-마이너스로 시작', ideaIds: [ideaIds[1]!], category: '+분야' },
    ]);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await ready(el);
    const rows = parseCsv((await el.csv()).slice(1));
    expect(rows).to.have.length(3);
    expect(rows[1]![3]).to.equal("'=1+1");
    expect(rows[1]![6]).to.equal("'@부서");
    expect(rows[1]![10]).to.equal(`'=HYPERLINK("http://evil.example","클릭") (1번 테이블, 2표)`);
    expect(rows[2]![3]).to.equal("'-마이너스로 시작");
    expect(rows[2]![5]).to.equal("'+분야");
    expect(rows[2]![10]).to.equal('쉼표, "따옴표"\n그리고 줄바꿈 (1번 테이블, 1표)');
    expect(r.proposals).to.have.length(2);
  });

  it('says when results are expected while they are not published', async () => {
    const page = await api<ForumPage>('/forums?status=finished&limit=100');
    const seededWaiting = page.items.find((f) => f.title.includes('디지털'));
    expect(seededWaiting, 'the seed has a finished forum awaiting results').to.exist;
    const problem = await fetch(`/api/forums/${seededWaiting!.id}/results`).then((r) => r.json() as Promise<{ expectedAt: string }>);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seededWaiting!.id}></hd-result-summary>`);
    await until(() => $(el, '.waiting'), 'the waiting notice');
    await expect(el).to.be.accessible();
    const date = new Intl.DateTimeFormat('ko', { timeZone: 'Asia/Seoul', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(problem.expectedAt));
    expect($(el, '.notice')!.textContent).to.equal(`결과는 ${date}께 공개될 예정입니다.`);
    expect($(el, 'h2')!.textContent).to.equal(seededWaiting!.title);
    expect(el.matches(':state(waiting)')).to.equal(true);
  });

  it('shows the results the moment they are published, and a changed answer at once', async () => {
    const { forum, ideaIds } = await finishedForum([{ text: '버스 정류장에 온열 의자', votes: 3 }]);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await until(() => $(el, '.waiting'), 'the waiting notice');
    expect($(el, '.notice')!.textContent).to.equal('결과가 아직 공개되지 않았습니다. 공개되면 이곳에 바로 표시됩니다.');
    // Published at once, before or after the live stream has opened: either way it shows.
    const r = await publish(forum.id, [{ title: '정류장 온열 의자 설치', ideaIds, department: '대중교통과' }]);
    await until(() => $(el, '.proposal'), 'the published proposal', 10_000);
    expect($(el, '.proposal h4')!.textContent).to.equal('정류장 온열 의자 설치');
    expect($(el, '.answer')!.textContent).to.contain('아직 시 답변이 없습니다.');
    await respond(forum.id, r.proposals[0]!.id, { status: 'accepted', answer: '올겨울 정류장 20곳에 설치합니다.', date: '2031-06-01' });
    await until(() => $(el, '.answer')!.textContent!.includes('올겨울 정류장 20곳에 설치합니다.'), 'the new answer', 10_000);
    expect($(el, '.proposal [part=status]')!.textContent).to.equal('수용');
    expect($$(el, '.timeline li')).to.have.length(2);
    expect($(el, '[role=status]')!.textContent).to.equal('시 답변이 바뀌었습니다: 정류장 온열 의자 설치');
    await expect(el).to.be.accessible();
  });

  it('reads the results once: its live stream resumes from the event they reflect, and an answer given after still arrives', async () => {
    const { forum, ideaIds } = await finishedForum([{ text: '도서관 야간 개방', votes: 2 }]);
    const r = await publish(forum.id, [{ title: '도서관 야간 개방 시범 운영', ideaIds }]);
    performance.clearResourceTimings(); // (the publication was a PUT to the same address)
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await ready(el);
    await until(() => (el as unknown as { live: { state: string } }).live.state === 'open', 'the live stream');
    await respond(forum.id, r.proposals[0]!.id, { status: 'reviewing', answer: '내년 예산에 맞춰 검토합니다.', date: '2031-08-01' });
    await until(() => $(el, '.answer')!.textContent!.includes('내년 예산에 맞춰 검토합니다.'), 'the new answer', 10_000);
    const reads = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === `/api/forums/${forum.id}/results`);
    expect(reads, 'one read of the results, not a second one once the stream is open').to.have.length(1);
  });

  it('in English, says so when the results are published live and when an answer changes', async () => {
    const { forum, ideaIds } = await finishedForum([{ text: '공원 그늘막', votes: 2 }]);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary lang="en" api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await until(() => $(el, '.waiting'), 'the waiting notice');
    expect($(el, '.notice')!.textContent).to.equal('The results are not published yet. They will appear here as soon as they are.');
    const r = await publish(forum.id, [{ title: '공원 그늘막 설치', ideaIds }]);
    await until(() => $(el, '.proposal'), 'the published proposal', 10_000);
    await respond(forum.id, r.proposals[0]!.id, { status: 'partial', answer: '두 곳에 먼저 설치합니다.', date: '2031-07-01' });
    await until(() => $(el, '[role=status]')!.textContent === 'The city’s answer changed: 공원 그늘막 설치', 'the announcement', 10_000);
    expect($(el, '.answer')!.textContent).to.contain('두 곳에 먼저 설치합니다.');
  });

  it('says so when a forum passed no proposals', async () => {
    const { forum } = await finishedForum([{ text: '의견 하나', votes: 0 }]);
    await publish(forum.id, []);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await ready(el);
    await expect(el).to.be.accessible();
    expect($(el, '.empty')!.textContent).to.equal('이 토론회에서는 시에 전달된 제안이 없습니다.');
    expect(el.matches(':state(empty)')).to.equal(true);
  });

  it('lists the ideas no one sorted last, under a neutral word, even when they drew the most votes', async () => {
    const { forum, ideaIds } = await finishedForum([
      { text: '분류된 의견', votes: 1 },
      { text: '분류하지 않은 의견 하나', votes: 4 },
      { text: '분류하지 않은 의견 둘', votes: 3 },
    ]);
    await admin('PATCH', `/forums/${forum.id}/ideas/${ideaIds[0]}`, { category: '그늘과 쉼터' });
    await publish(forum.id, [{ title: '그늘막 설치', ideaIds: [ideaIds[0]!] }]);
    const served = await api<ForumResult>(`/forums/${forum.id}/results`);
    expect(served.categories.map((c) => c.category), 'the backend sends them by votes').to.deep.equal(['', '그늘과 쉼터']);
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${forum.id}></hd-result-summary>`);
    await ready(el);
    $(el, '.charts')!.scrollIntoView();
    const chart = await until(() => $(el, 'figure svg[role=img]'), 'the charts');
    expect(chart.getAttribute('aria-label')).to.equal('분야별 의견과 투표: 그늘과 쉼터 1건 1표, 기타 2건 7표.');
    expect([...chart.querySelectorAll('text:not(.value)')].map((t) => t.textContent)).to.deep.equal(['그늘과 쉼터', '기타']);
    const rows = [...$$(el, 'figure')[0]!.querySelectorAll('tbody th')].map((t) => t.textContent);
    expect(rows).to.deep.equal(['그늘과 쉼터', '기타']);
    expect(text(el)).to.not.contain('미분류');
    await expect(el).to.be.accessible();
  });

  it('reserves space while loading', async () => {
    // A forum this page has not fetched yet (a cached one paints at once, without a placeholder).
    const oldest = (await api<ForumPage>('/forums?status=reported&limit=1')).items[0]!;
    const el = fixtureSync<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${oldest.id}></hd-result-summary>`);
    await el.updateComplete;
    expect($(el, '.skeleton'), 'the placeholder').to.exist;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(400);
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
    await ready(el);
  });

  it('holds its loading placeholder still for people who ask for reduced motion (no pulsing, no flicker)', async () => {
    const saved = registryDefaults.client;
    registryDefaults.client = { fetch: () => new Promise<Response>(() => {}) }; // the answer never comes: it stays loading
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/still-api" forum-id="any"></hd-result-summary>`);
      const bones = $$(el, '.sk');
      expect(bones.length, 'the placeholder').to.be.greaterThan(0);
      for (const bone of bones) expect(bone.getAnimations(), 'no animation on the placeholder').to.have.length(0);
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(bones[0]!.getAnimations(), 'it pulses for everyone else').to.have.length(1);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      registryDefaults.client = saved;
    }
  });

  it('shows an error with a retry that works once the network is back', async () => {
    let offline = true;
    const saved = registryDefaults.client;
    registryDefaults.client = {
      retries: 0,
      fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(String(input).replace('/fault-api/', '/api/'), init)),
    };
    try {
      const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/fault-api" forum-id=${seeded.forumId}></hd-result-summary>`);
      await until(() => $(el, '[part=error]'), 'the error');
      await expect(el).to.be.accessible();
      expect($(el, '[part=error]')!.textContent).to.contain('서버에 연결하지 못했습니다.');
      expect(el.matches(':state(error)')).to.equal(true);
      offline = false;
      $<HTMLButtonElement>(el, '[part=error] button')!.click();
      await ready(el);
      expect($$(el, '.proposal')).to.have.length(seeded.proposals.length);
    } finally {
      registryDefaults.client = saved;
    }
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary lang="en" api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('Proposals and the city’s answers');
    expect($(el, 'button.download')!.textContent).to.equal('Download CSV');
  });

  it('fits a phone-width column on a hostile page (20 px root font, content-box everywhere)', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = 'html { font-size: 20px } * { box-sizing: content-box !important; padding: 3px; }';
    document.head.append(hostile);
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 390px"><hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary></div>`);
      const el = wrap.querySelector('hd-result-summary')!;
      await ready(el);
      for (const node of $$(el, '.stats, .proposal, figure, .controls')) {
        const box = node.getBoundingClientRect();
        expect(box.right, node.className).to.be.at.most(wrap.getBoundingClientRect().right + 1);
      }
      expect(parseFloat(getComputedStyle($(el, '.summary')!).fontSize)).to.be.at.least(16);
      for (const b of $$(el, 'button')) expect(b.getBoundingClientRect().height, b.textContent!).to.be.at.least(44);
    } finally {
      hostile.remove();
    }
  });

  it('styles only with tokens that exist (its own sheet and those its later parts bring)', () => {
    const defined = new Set([...tokenStyles.cssText.matchAll(/(--_hd-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const used = [styles, ...detailStyles, ...programmeStyles].flatMap((sheet) => [...sheet.cssText.matchAll(/var\((--_hd-[a-z0-9-]+)/g)].map((m) => m[1]));
    expect(used.length).to.be.greaterThan(10);
    for (const name of used) expect(defined, name).to.include(name);
  });

  it('prints the report from its Print button: controls hidden, charts drawn, tables expanded', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary>`);
    await ready(el);
    let printed = 0;
    const print = window.print;
    window.print = () => void printed++;
    try {
      $<HTMLButtonElement>(el, 'button.print')!.click();
      await until(() => printed, 'the print dialog');
    } finally {
      window.print = print;
    }
    // Printed with every chart drawn, though this one never came near the viewport.
    expect($$(el, 'figure').map((f) => !!f.querySelector('svg[role=img]'))).to.deep.equal([true, true, true]);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '.controls')!).display).to.equal('none');
      expect(getComputedStyle($(el, 'button.toggle')!).display).to.equal('none');
      expect(getComputedStyle($(el, '#per-table')!).display).to.equal('block');
      expect(getComputedStyle($(el, '.proposal')!).breakInside).to.equal('avoid');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<hd-result-summary> the whole programme', () => {
  it('is accessible and its totals are the API’s', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    await until(() => $(el, '.forums .status-text'), 'the forum list');
    await expect(el).to.be.accessible();
    const totals = await api<Totals>('/results/totals');
    const dds = $$(el, '.stats dd').map((d) => d.textContent);
    expect(dds.slice(0, 3)).to.deep.equal([`${fmt(totals.reportedForums)}회`, `${fmt(totals.attended)}명`, `${fmt(totals.proposals)}건`]);
    expect(dds[3]).to.equal(`${Math.round(((totals.responses.accepted + totals.responses.partial) / totals.proposals) * 100)}%`);
    expect($$(el, '.forums > li')).to.have.length(10);
    const alt = $(el, 'figure svg[role=img]')!.getAttribute('aria-label')!;
    expect(alt).to.contain(`수용 ${fmt(totals.responses.accepted)}건`);
  });

  it('filters by year and adds up that year’s forums from their results', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    await until(() => $(el, 'select'), 'the filters');
    const select = $$<HTMLSelectElement>(el, 'select')[0]!;
    select.value = '2015';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await until(() => $(el, '.stats[aria-busy=false]') && $$(el, '.forums > li').length, 'the 2015 totals');
    const all = await api<ForumPage>('/forums?status=reported&limit=100');
    const forums = all.items.filter((f: Forum) => f.startsAt >= '2014-12-31T15:00:00Z' && f.startsAt < '2015-12-31T15:00:00Z');
    const results = await Promise.all(forums.map((f) => api<ForumResult>(`/forums/${f.id}/results`)));
    const dds = $$(el, '.stats dd').map((d) => d.textContent);
    expect(dds.slice(0, 3)).to.deep.equal([
      `${forums.length}회`,
      `${fmt(results.reduce((s, r) => s + r.stats.attended, 0))}명`,
      `${fmt(results.reduce((s, r) => s + r.proposals.length, 0))}건`,
    ]);
    expect($$(el, '.forums > li h4').map((h) => h.textContent).sort()).to.deep.equal(forums.map((f) => f.title).sort());
    await expect(el).to.be.accessible();
  });

  it('filters by district from its attribute, and the select shows it', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" district="화도읍"></hd-result-summary>`);
    await until(() => $(el, '.stats[aria-busy=false]') && $$(el, '.forums .status-text').length, 'the 화도읍 totals');
    const forums = (await api<ForumPage>(`/forums?status=reported&limit=100&district=${encodeURIComponent('화도읍')}`)).items;
    expect(forums.length).to.be.greaterThan(1);
    const results = await Promise.all(forums.map((f) => api<ForumResult>(`/forums/${f.id}/results`)));
    expect($$(el, '.stats dd')[2]!.textContent).to.equal(`${fmt(results.reduce((s, r) => s + r.proposals.length, 0))}건`);
    expect($$(el, '.forums > li h4').map((h) => h.textContent).sort()).to.deep.equal(forums.map((f) => f.title).sort());
    expect($$<HTMLSelectElement>(el, 'select')[1]!.value).to.equal('화도읍');
    await expect(el).to.be.accessible();
  });

  it('opens a forum’s summary from the list and comes back', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    await until(() => $(el, '.forums a.link'), 'the forum list');
    const first = $<HTMLAnchorElement>(el, '.forums a.link')!;
    const title = first.textContent;
    let picked = '';
    el.addEventListener('hd-result-forum-select', (e) => (picked = e.detail.forumId));
    first.click();
    await until(() => $(el, '.proposal, .empty'), 'the forum summary');
    expect(picked).to.equal(el.forumId);
    expect(location.hash, 'a plain click stays on the page').to.equal('');
    expect($(el, 'h2')!.textContent).to.equal(title);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'));
    $<HTMLButtonElement>(el, 'button.back')!.click();
    await until(() => $(el, '.forums'), 'the programme again');
    expect(el.forumId).to.equal('');
  });

  it('names each forum with a real link that a new tab or a shared address opens', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    await until(() => $$(el, '.forums a.link').length === 10, 'the forum list');
    await expect(el).to.be.accessible();
    const forums = (await api<ForumPage>('/forums?status=reported&order=desc&limit=10')).items;
    const links = $$<HTMLAnchorElement>(el, '.forums h4 a[part~="forum-link"]');
    expect(links.map((a) => a.textContent)).to.deep.equal(forums.map((f) => f.title));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(forums.map((f) => `#hd-forum=${f.id}`));
    expect($(el, '.forums button'), 'no buttons that look like links').to.equal(null);

    // A modified click (a new tab) follows the link: no event, nothing opens in place.
    let fired = 0;
    el.addEventListener('hd-result-forum-select', () => fired++);
    const stop = (e: Event) => e.preventDefault(); // the test page itself stays put
    window.addEventListener('click', stop);
    try {
      links[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
    } finally {
      window.removeEventListener('click', stop);
    }
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(el.forumId).to.equal('');

    // What that tab shows: the page with the link's address opens the forum, with the way back.
    const page = location.pathname + location.search;
    history.replaceState(null, '', page + links[1]!.getAttribute('href'));
    try {
      const opened = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
      await until(() => $(opened, '.proposal, .empty'), 'the linked forum');
      expect($(opened, 'h2')!.textContent).to.equal(forums[1]!.title);
      $<HTMLButtonElement>(opened, 'button.back')!.click();
      await until(() => $(opened, '.forums'), 'the programme');
      expect(location.hash, 'the way back drops the forum from the address').to.equal('');
    } finally {
      history.replaceState(null, '', page);
    }
  });

  it('links to the page’s own results page with forum-href; a plain click still opens in place', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-href="/results.html?forum={id}"></hd-result-summary>`);
    await until(() => $(el, '.forums a.link'), 'the forum list');
    const first = $<HTMLAnchorElement>(el, '.forums a.link')!;
    const forum = (await api<ForumPage>('/forums?status=reported&order=desc&limit=1')).items[0]!;
    expect(first.getAttribute('href')).to.equal(`/results.html?forum=${forum.id}`);
    first.click();
    await until(() => $(el, '.proposal, .empty'), 'the forum in place');
    expect(el.forumId).to.equal(forum.id);
  });

  it('lets the host page take over the choice', async () => {
    const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" @hd-result-forum-select=${(e: Event) => e.preventDefault()}></hd-result-summary>`);
    await until(() => $(el, '.forums a.link'), 'the forum list');
    $<HTMLAnchorElement>(el, '.forums a.link')!.click();
    await el.updateComplete;
    expect(el.forumId).to.equal('');
    expect($(el, '.forums')).to.exist;
    expect(location.hash).to.equal('');
  });
});
