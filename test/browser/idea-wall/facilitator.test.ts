import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-provider.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import type { Forum, Idea } from '../../../src/api/types.js';
import { settled, forget, cardReads, cardTexts, has, liveForum, loaded, participant, reveal, shadow, text, until, type LiveForum } from './helpers.js';

const idea = (el: HdIdeaWall, id: string) => el.shownIdeas.find((i) => i.id === id);
const button = async (el: HdIdeaWall, id: string, label: string) =>
  [...(await reveal(el, id)).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!;

describe('<hd-idea-wall> for a facilitator', () => {
  let lf: LiveForum;
  before(async () => {
    // Two tablets' worth of screen: the cards stay in view without scrolling (a background tab
    // — two test files run side by side — gets no scroll steps, so a virtualized list it
    // scrolls would not render the cards it scrolled to).
    await setViewport({ width: 1400, height: 2400 });
    lf = await liveForum({ voteBudget: 3, tables: 4, categories: ['교통', '환경'] });
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  /** A facilitator's tablet (token through the provider) beside a participant's phone (public wall). */
  async function walls() {
    // fixtureSync: a plain <div> fixture waits for an animation frame, which a background tab (two
    // test files run side by side) may not get.
    const root = fixtureSync<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: 1fr 1fr">
      <hd-provider api-base=${lf.apiBase} token=${lf.facilitatorToken}>
        <hd-idea-wall mode="facilitator" forum-id=${lf.forum.id}></hd-idea-wall>
      </hd-provider>
      <hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="2"></hd-idea-wall>
    </div>`);
    const [fac, phone] = [...root.querySelectorAll('hd-idea-wall')] as HdIdeaWall[];
    await loaded(fac!);
    await loaded(phone!);
    return { fac: fac!, phone: phone! };
  }

  it('is accessible with its tools, and hides an idea from every wall, then shows it again', async () => {
    const { fac, phone } = await walls();
    const p = await participant(lf, 1);
    const posted = await p.post(`현수막 정리 요청 ${Date.now()}`);
    await until(() => has(fac, posted.id) && has(phone, posted.id), 'the idea on both walls');
    await reveal(fac, posted.id);
    await settled(fac);
    await expect(fac).to.be.accessible();

    (await button(fac, posted.id, '숨기기')).click();
    await until(() => !has(phone, posted.id), 'hidden from the participant');
    await until(() => idea(fac, posted.id)?.status === 'hidden', 'still listed for the facilitator');
    await cardReads(fac, posted.id, '숨김');
    (await button(fac, posted.id, '다시 보이기')).click();
    await until(() => has(phone, posted.id), 'shown again to the participant');
  });

  it('posts on behalf of a table, categorises, pins and promotes, seen live on the participant wall', async () => {
    const { fac, phone } = await walls();
    const textValue = `휴대전화 없는 어르신의 제안 ${Date.now()}`;
    const area = shadow<HTMLTextAreaElement>(fac, 'textarea')!;
    area.value = textValue;
    area.dispatchEvent(new InputEvent('input'));
    const tableSelect = shadow<HTMLSelectElement>(fac, '.composer select')!;
    tableSelect.value = '3';
    tableSelect.dispatchEvent(new Event('change'));
    await fac.updateComplete;
    shadow<HTMLButtonElement>(fac, '.composer button[type=submit]')!.click();
    const posted = await until(() => phone.shownIdeas.find((i) => i.text === textValue), 'the idea on the phone');
    expect(posted.table).to.equal(3);

    const cat = (await reveal(fac, posted.id)).querySelector<HTMLSelectElement>('.mod select')!;
    cat.value = '환경';
    cat.dispatchEvent(new Event('change'));
    await until(() => idea(phone, posted.id)?.category === '환경', 'category on the phone');
    await cardReads(phone, posted.id, '환경');
    (await button(fac, posted.id, '고정하기')).click();
    await until(() => phone.shownIdeas[0]?.id === posted.id, 'pinned first on the phone');
    await cardReads(phone, posted.id, '고정');
    (await button(fac, posted.id, '전체 회의로 올리기')).click();
    await until(() => idea(phone, posted.id)?.promoted, 'promoted');
    await cardReads(phone, posted.id, '전체 회의');
  });

  it('merges a duplicate into another idea after asking which stays, and the votes carry over', async function () {
    this.timeout(30_000);
    const { fac, phone } = await walls();
    const a = await participant(lf, 1);
    const b = await participant(lf, 2);
    const target = await a.post(`통학로에 과속방지턱 ${Date.now()}`);
    const dup = await b.post(`학교 앞 과속방지턱 설치 ${Date.now()}`);
    await b.vote(dup.id);
    await b.vote(dup.id);
    await a.vote(target.id);
    await until(() => idea(fac, dup.id)?.votes === 2, 'votes on the duplicate');
    (await button(fac, dup.id, '다른 제안과 합치기')).click();
    await fac.updateComplete;
    expect(text(fac)).to.contain('함께 합칠 제안을 고르세요');
    (await button(fac, target.id, '이 제안과 합치기')).click();
    // It asks which idea stays: the one picked second, unless the facilitator says otherwise.
    const dialog = await until(() => shadow<HTMLDialogElement>(fac, 'dialog.merge[open]'), 'the question which idea stays');
    expect(dialog.querySelector<HTMLInputElement>(`input[value="${target.id}"]`)!.checked).to.equal(true);
    await settled(fac);
    await expect(fac).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => text(fac).includes('몇 초 안에는 되돌릴 수 있습니다'), 'the undo offered');
    expect(has(phone, dup.id), 'not sent during the undo window').to.equal(true);
    await settled(fac);
    await expect(fac).to.be.accessible();
    await until(() => !has(phone, dup.id) && !has(fac, dup.id), 'the duplicate gone from both walls', 15_000);
    await until(() => idea(phone, target.id)?.votes === 3, 'the votes carried over');
    await cardReads(phone, target.id, '3표');
    await cardReads(fac, target.id, '제안 1건을 합침');
  });

  it('opens a time-boxed voting round with a countdown and closes it; phones follow', async () => {
    const { fac, phone } = await walls();
    const closeBtn = () => [...fac.shadowRoot!.querySelectorAll<HTMLButtonElement>('.voting button')].find((b) => b.textContent!.includes('투표 마감'));
    closeBtn()!.click();
    await until(() => text(phone).includes('지금은 투표 시간이 아닙니다.'), 'closed on the phone');
    const duration = shadow<HTMLSelectElement>(fac, '.voting select')!;
    duration.value = String(5 * 60);
    duration.dispatchEvent(new Event('change'));
    await fac.updateComplete;
    [...fac.shadowRoot!.querySelectorAll<HTMLButtonElement>('.voting button')].find((b) => b.textContent!.includes('투표 시작'))!.click();
    await until(() => /투표 마감까지 [45]:\d\d/.test(text(phone)), 'the countdown on the phone');
    expect(text(fac)).to.match(/투표 마감까지 [45]:\d\d/);
    const forum = (await (await fetch(`${lf.apiBase}/forums/${lf.forum.id}`)).json()) as Forum;
    expect(forum.voting.open).to.equal(true);
    expect(forum.voting.closesAt).to.be.a('string');
    // Leave voting open without a limit for the other tests.
    closeBtn()!.click();
    await until(() => text(fac).includes('투표 시작'), 'closed');
    duration.value = '0';
    duration.dispatchEvent(new Event('change'));
    await fac.updateComplete;
    [...fac.shadowRoot!.querySelectorAll<HTMLButtonElement>('.voting button')].find((b) => b.textContent!.includes('투표 시작'))!.click();
    await until(() => text(phone).includes('투표가 진행 중입니다.'), 'open again');
  });

  it('promotes a table\'s top ideas to the plenary and rolls tallies up per table', async () => {
    const { fac } = await walls();
    const p = await participant(lf, 4);
    const ideas: Idea[] = [];
    for (let i = 0; i < 4; i++) ideas.push(await p.post(`4번 테이블 제안 ${i} ${Date.now()}`));
    await p.vote(ideas[3]!.id);
    await p.vote(ideas[3]!.id);
    await p.vote(ideas[1]!.id);
    await until(() => fac.shownIdeas.filter((i) => i.table === 4).length >= 4, 'table 4 ideas');
    const tableSelect = shadow<HTMLSelectElement>(fac, '.toolbar select')!;
    tableSelect.value = '4';
    tableSelect.dispatchEvent(new Event('change'));
    await fac.updateComplete;
    [...fac.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent!.includes('상위 3건'))!.click();
    await until(() => fac.shownIdeas.filter((i) => i.promoted).length === 3, 'three promoted');
    expect(fac.shownIdeas.find((i) => i.id === ideas[3]!.id)!.promoted).to.equal(true);
    expect(fac.shownIdeas.find((i) => i.id === ideas[1]!.id)!.promoted).to.equal(true);
    const summary = shadow(fac, '.tables')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.match(/4번 테이블 · .*|4번 테이블/);
    expect(summary).to.contain('제안 4건 · 3표');
  });

  it('shows a projector: accessible, grouped, with the QR code and join code and live counters', async () => {
    const p = await participant(lf, 1);
    await p.post(`프로젝터에 보일 제안 ${Date.now()}`);
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall
      mode="projector"
      group-by="table"
      api-base=${lf.apiBase}
      forum-id=${lf.forum.id}
      join-code=${lf.forum.joinCode}
      join-href="https://city.example/demo/venue.html?code={code}&table={table}"
    ></hd-idea-wall>`);
    await loaded(el);
    await until(() => shadow(el, 'svg.qr'), 'the QR code');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(shadow(el, 'textarea')).to.equal(null);
    // Its one control holds the pages still.
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.className)).to.deep.equal(['pause']);
    expect(text(el)).to.contain(lf.forum.joinCode);
    expect(shadow(el, 'svg.qr')!.getAttribute('aria-label')).to.equal('참여 페이지로 가는 QR 코드');
    const groups = [...el.shadowRoot!.querySelectorAll('.group h3')].map((h) => h.textContent!.replace(/\s+/g, ' '));
    expect(groups[0]).to.contain('1번 테이블');
    const people = () => Number(/참여 (\d+)명/.exec(text(el))?.[1]);
    const before = people();
    await participant(lf, 2);
    await until(() => people() === before + 1, 'the participant counter follows joins');
    const newOne = `방금 올린 제안 ${Date.now()}`;
    await p.post(newOne);
    await until(() => cardTexts(el).includes(newOne), 'a new idea on the projector');
  });
});
