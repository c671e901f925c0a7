/**
 * `<hd-results-editor>` against the real reference server, with the public `<hd-result-summary>`
 * on the same page: proposals from a finished forum's ideas, problems at their fields (ours and
 * the server's), publishing, recording 수용 with a timeline entry — the summary following live —,
 * a forum not yet finished, the keyboard paths, English, and no Lit dev-mode warning.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ForumResult, Proposal } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import '../../../src/define/hd-results-editor.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import type { HdResultsEditor } from '../../../src/define/hd-results-editor.js';
import type { HdProposalAnsweredEvent } from '../../../src/events/proposal-answered.js';
import type { HdResultsPublishedEvent } from '../../../src/events/results-published.js';
import { $, $$, click, problems, signIn, text, type, watchLitWarnings } from '../helpers/operator.js';
import { admin, until } from '../helpers/server.js';
import { finishedForum } from '../result-summary/fixtures.js';

const litWarnings = watchLitWarnings();

const IDEAS = [
  { text: '마을버스 배차 간격을 출퇴근 시간에 10분 이내로 줄여 주세요', votes: 5 },
  { text: '진접역 버스 정류장에 비 가림 시설을 설치해 주세요', votes: 3 },
  { text: '저상버스를 늘려 주세요', votes: 2 },
];

/** A finished forum whose first two ideas were shared with the whole room. */
async function forumWithIdeas(): Promise<{ forumId: string; ideaIds: string[] }> {
  const { forum, ideaIds } = await finishedForum(IDEAS);
  for (const id of ideaIds.slice(0, 2)) await admin('PATCH', `/forums/${forum.id}/ideas/${id}`, { promoted: true });
  return { forumId: forum.id, ideaIds };
}

async function page(forumId = ''): Promise<{ editor: HdResultsEditor; summary: HdResultSummary }> {
  const wrap = await fixture(html`<div>
    <hd-results-editor api-base="/api" forum-id=${forumId}></hd-results-editor>
    <hd-result-summary api-base="/api" forum-id=${forumId}></hd-result-summary>
  </div>`);
  const editor = wrap.querySelector('hd-results-editor')!;
  await editor.updateComplete;
  return { editor, summary: wrap.querySelector('hd-result-summary')! };
}

const opened = (el: HdResultsEditor) => until(() => $(el, '.ideas, .group'), 'the forum');
const results = (forumId: string) => admin<ForumResult>('GET', `/forums/${forumId}/results`);

describe('<hd-results-editor>', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('lists the finished and reported forums to choose from (keyboard), and opens one', async () => {
    const { forumId } = await forumWithIdeas();
    const { editor: el } = await page();
    await expect(el).to.be.accessible();
    await signIn(el);
    await until(() => $(el, `#pick option[value="${forumId}"]`), 'the forum in the list');
    expect(el.matches(':state(choosing)')).to.equal(true);
    expect($$<HTMLOptionElement>(el, '#pick option').every((o) => !o.value || /종료|결과 공개/.test(o.textContent!))).to.equal(true);
    await expect(el).to.be.accessible();
    const select = $<HTMLSelectElement>(el, '#pick')!;
    select.value = forumId;
    $<HTMLButtonElement>(el, '.picker button')!.focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    expect(el.matches(':state(drafting)')).to.equal(true);
    // the ideas shared with the room first, each with its table and votes
    const ideas = $$(el, '.idea').map((i) => text(i.querySelector('p')!));
    expect(ideas).to.deep.equal(IDEAS.slice(0, 2).map((i) => i.text));
    expect(text($(el, '.idea')!)).to.contain('전체 공유 1번 테이블 · 5표');
    await click(el, '.ideas + .actions button');
    expect($$(el, '.idea')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows the problems of the proposals at their fields and in a summary; nothing typed is lost', async () => {
    const { forumId } = await forumWithIdeas();
    const { editor: el } = await page(forumId);
    await signIn(el);
    await opened(el);
    await click(el, '.new-proposal');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-proposals-0-title');
    await type(el, '#f-proposals-0-department', '교통정책과');
    await type(el, '#f-attended', '');
    await click(el, 'button[part=submit]');
    expect(problems(el)).to.deep.equal({ fields: ['f-proposals-0-title', 'f-attended'], summary: ['제안 제목을 입력해 주세요.', '참석 인원을 입력해 주세요.'] });
    expect(el.shadowRoot!.activeElement?.id).to.equal('publish-summary');
    expect($<HTMLInputElement>(el, '#f-proposals-0-department')!.value).to.equal('교통정책과');
    await expect(el).to.be.accessible();
    const nothing = await results(forumId).then(() => 'published', () => 'not published');
    expect(nothing).to.equal('not published');
  });

  it('publishes a proposal made from an idea, with its department and source ideas, and the public summary on the page shows it live', async () => {
    const { forumId, ideaIds } = await forumWithIdeas();
    const { editor: el, summary } = await page(forumId);
    await until(() => summary.shadowRoot!.querySelector('.waiting'), 'the summary waiting for results');
    await signIn(el);
    await opened(el);
    await click(el, '.idea button'); // the first idea becomes a proposal
    expect($<HTMLInputElement>(el, '#f-proposals-0-title')!.value).to.equal(IDEAS[0]!.text);
    await type(el, '#f-proposals-0-title', '출퇴근 시간 마을버스 배차 간격 단축');
    await type(el, '#f-proposals-0-department', '대중교통과');
    const uid = $(el, '.proposal-draft')!.dataset['uid'];
    $<HTMLSelectElement>(el, `#pick-${uid}`)!.value = ideaIds[2]!;
    await click(el, `#pick-${uid} ~ button, .proposal-draft .picker button`);
    expect(text($(el, '.sources')!)).to.contain(IDEAS[2]!.text);
    expect(text($(el, '.proposal-draft')!)).to.contain('출처 의견 표 합계 7표');
    await type(el, '#f-attended', '24');
    const event = oneEvent(el, 'hd-results-published') as Promise<HdResultsPublishedEvent>;
    await click(el, 'button[part=submit]');
    const { detail } = await event;
    await until(() => $(el, '.banner.success'), 'published');
    const published = await results(forumId);
    expect(detail.result.forumId).to.equal(forumId);
    expect(published.stats.attended).to.equal(24);
    expect(published.proposals.map((p) => [p.title, p.department, p.votes, p.ideas.map((i) => i.id), p.status])).to.deep.equal([
      ['출퇴근 시간 마을버스 배차 간격 단축', '대중교통과', 7, [ideaIds[0], ideaIds[2]], 'awaiting'],
    ]);
    expect(el.matches(':state(published)')).to.equal(true);
    expect(text($(el, 'button[part=submit]')!)).to.equal('결과 다시 공개');
    expect(text($(el, '.answer-card h4')!)).to.equal('출퇴근 시간 마을버스 배차 간격 단축');
    await expect(el).to.be.accessible();
    // the public summary, without a reload
    await until(() => summary.shadowRoot!.querySelector('.proposal h4')?.textContent === '출퇴근 시간 마을버스 배차 간격 단축', 'the summary shows the proposal');
    expect(text(summary.shadowRoot!.querySelector('.proposal')!)).to.contain('대중교통과');
  });

  it('records 수용 with its answer and a dated timeline entry (keyboard), and the public summary follows live', async () => {
    const { forumId, ideaIds } = await forumWithIdeas();
    await admin('PUT', `/forums/${forumId}/results`, { attended: 20, proposals: [{ title: '정류장 비 가림 시설', ideaIds: [ideaIds[1]], department: '도로과' }] });
    const { editor: el, summary } = await page(forumId);
    await until(() => summary.shadowRoot!.querySelector('.proposal'), 'the summary');
    await signIn(el);
    await until(() => $(el, '.answer-card'), 'the published proposal');
    const card = () => $(el, '.answer-card')!;
    const toggle = card().querySelector<HTMLButtonElement>('.actions button')!;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '.answer-form'), 'the answer form');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // the current response is chosen; arrows move through the five
    const checked = () => $<HTMLInputElement>(el, '.answer-form input[type=radio]:checked')!;
    expect(el.shadowRoot!.activeElement).to.equal(checked());
    expect($$(el, '.answer-form .choices label').map((l) => l.textContent)).to.deep.equal(['수용', '일부 수용', '검토 중', '불수용', '답변 대기']);
    await sendKeys({ press: 'ArrowDown' }); // from 답변 대기, the last, round to 수용
    await el.updateComplete;
    expect(checked().value).to.equal('accepted');
    await expect(el).to.be.accessible();
    const id = card().dataset['id']!;
    await type(el, `#f-answer-${id}-answer`, '내년 상반기까지 진접역 정류장 다섯 곳에 비 가림 시설을 설치하겠습니다.');
    await type(el, `#f-answer-${id}-date`, '2031-06-15');
    await type(el, `#f-answer-${id}-note`, '설치 예산을 추가경정예산에 반영했습니다.');
    const event = oneEvent(el, 'hd-proposal-answered') as Promise<HdProposalAnsweredEvent>;
    $<HTMLTextAreaElement>(el, `#f-answer-${id}-note`)!.focus();
    $<HTMLButtonElement>(el, '.answer-form button[type=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.proposal.status).to.equal('accepted');
    await until(() => !$(el, '.answer-form'), 'the form closes');
    expect(text(card().querySelector('.note')!)).to.equal('시 답변을 기록했습니다: 정류장 비 가림 시설');
    expect(el.shadowRoot!.activeElement).to.equal(card().querySelector('h4'));
    const [proposal] = (await results(forumId)).proposals as [Proposal];
    expect([proposal.status, proposal.answer, proposal.department]).to.deep.equal(['accepted', '내년 상반기까지 진접역 정류장 다섯 곳에 비 가림 시설을 설치하겠습니다.', '도로과']);
    expect(proposal.timeline.at(-1)).to.deep.equal({ date: '2031-06-15', text: '설치 예산을 추가경정예산에 반영했습니다.', status: 'accepted' });
    expect(text(card().querySelector('.p-head .badge')!)).to.equal('수용');
    expect(text(card().querySelector('.timeline li:last-child')!)).to.equal('2031년 6월 15일 (일) 수용 설치 예산을 추가경정예산에 반영했습니다.');
    await expect(el).to.be.accessible();
    // the public summary, without a reload
    const shown = () => summary.shadowRoot!.querySelector('.proposal')!;
    await until(() => shown().querySelector('.p-head [part=status]')?.textContent === '수용', 'the summary shows 수용');
    expect(text(shown().querySelector('.answer')!)).to.contain('비 가림 시설을 설치하겠습니다');
    expect(text(shown().querySelector('.timeline li:last-child')!)).to.contain('설치 예산을 추가경정예산에 반영했습니다.');
  });

  it('puts the server’s problem at the answer field it names: a date that does not exist', async () => {
    const { forumId, ideaIds } = await forumWithIdeas();
    await admin('PUT', `/forums/${forumId}/results`, { attended: 20, proposals: [{ title: '저상버스 확대', ideaIds: [ideaIds[2]] }] });
    const { editor: el } = await page(forumId);
    await signIn(el);
    await until(() => $(el, '.answer-card'), 'the published proposal');
    await click(el, '.answer-card .actions button');
    const id = $(el, '.answer-card')!.dataset['id']!;
    await type(el, `#f-answer-${id}-answer`, '검토하겠습니다.');
    const date = $<HTMLInputElement>(el, `#f-answer-${id}-date`)!;
    date.type = 'text'; // a browser without a date picker lets any text through
    await type(el, `#f-answer-${id}-date`, '2031-02-30');
    await click(el, '.answer-form button[type=submit]');
    await until(() => $(el, '.answer-form .error-summary'), 'the summary');
    expect(problems(el, '.answer-form')).to.deep.equal({ fields: [`f-answer-${id}-date`], summary: ['경과 날짜의 형식을 확인해 주세요.'] });
    expect($<HTMLTextAreaElement>(el, `#f-answer-${id}-answer`)!.value).to.equal('검토하겠습니다.');
    expect((await results(forumId)).proposals[0]!.timeline).to.have.length(1); // nothing recorded
    await expect(el).to.be.accessible();
  });

  it('says plainly that results wait for the forum to end (the server’s invalid-transition)', async () => {
    const forum = await admin<{ id: string; joinCode: string }>('POST', '/forums', {
      title: `진행 중 시험 ${Date.now()}`,
      summary: '',
      district: '금곡동',
      venue: { name: '남양주시청', address: '경기도 남양주시 경춘로 1037' },
      startsAt: '2031-05-10T14:00:00+09:00',
      endsAt: '2031-05-10T17:00:00+09:00',
      capacity: 10,
    });
    await admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
    const { editor: el } = await page(forum.id);
    await signIn(el);
    await opened(el);
    expect(text($(el, '.banner.warning')!)).to.contain('아직 끝나지 않았습니다');
    await type(el, '#f-attended', '3');
    await click(el, 'button[part=submit]');
    await until(() => $(el, '.error-summary'), 'the summary');
    expect(text($(el, '.error-summary')!)).to.contain('토론회가 끝난 뒤에 결과를 공개할 수 있습니다.');
    await expect(el).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const { forumId } = await forumWithIdeas();
    const el = await fixture<HdResultsEditor>(html`<hd-results-editor api-base="/api" forum-id=${forumId} lang="en"></hd-results-editor>`);
    await signIn(el);
    await opened(el);
    expect(text($(el, 'h2')!)).to.equal('Results and the city’s answers');
    expect(text($(el, '#ideas-title')!)).to.equal('Ideas from the forum');
    expect(text($(el, '.idea')!)).to.contain('Shared with the room Table 1 · 5 votes');
    await type(el, '#f-attended', '');
    await click(el, 'button[part=submit]');
    expect(problems(el).summary).to.deep.equal(['Enter attendance.']);
    expect(text($(el, 'button[part=submit]')!)).to.equal('Publish results');
    await expect(el).to.be.accessible();
  });
});

describe('<hd-results-editor> in Lit dev mode', () => {
  it('printed no warning in all the states above', () => {
    expect(litWarnings).to.deep.equal([]);
  });
});
