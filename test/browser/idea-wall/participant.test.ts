import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { settled, forget, cardTexts, liveForum, loaded, openOptions, participant, shadow, shows, text, until, type LiveForum } from './helpers.js';

describe('<hd-idea-wall> for a participant', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum({ voteBudget: 3 });
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  const wall = (table = 2) =>
    fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table=${table}></hd-idea-wall>`);

  it('joins from the QR code attributes, is accessible, and keeps the person across a reload', async () => {
    const el = await wall(2);
    await loaded(el);
    await until(() => text(el).includes('2번 테이블에서 참여 중입니다'), 'joined');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('남은 스티커 3/3개');
    const stored = Object.keys(localStorage).filter((k) => k.startsWith('hd-idea-wall:session:') && k.endsWith(lf.forum.id));
    expect(stored).to.have.length(1);
    expect(localStorage.getItem(stored[0]!)).to.not.contain(lf.forum.joinCode); // the token, not the code

    el.remove();
    resetRegistry();
    const again = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(again);
    await until(() => text(again).includes('2번 테이블에서 참여 중입니다'), 'the same person after a reload');
    expect(shadow(again, '.join')).to.equal(null);
  });

  it('says it has no server without api-base or a provider, and waits inside a provider still loading', async () => {
    const alone = await fixture<HdIdeaWall>(html`<hd-idea-wall forum-id="f1"></hd-idea-wall>`);
    expect(alone.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('api-base');
    await expect(alone).to.be.accessible();
    expect(customElements.get('hd-provider')).to.equal(undefined); // this page never defines it
    const wrapper = await fixture(html`<hd-provider api-base="/api"><hd-idea-wall forum-id="f1"></hd-idea-wall></hd-provider>`);
    const waiting = wrapper.querySelector('hd-idea-wall')!;
    await waiting.updateComplete;
    expect(waiting.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows the join form without a code, and joins with what the person types', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(el);
    await settled(el);
    await expect(el).to.be.accessible();
    const form = shadow<HTMLFormElement>(el, '.join')!;
    expect(form).to.exist;
    shadow<HTMLInputElement>(el, 'input[name=code]')!.focus();
    await sendKeys({ type: lf.forum.joinCode.toLowerCase() });
    shadow<HTMLInputElement>(el, 'input[name=table]')!.focus();
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('3번 테이블에서 참여 중입니다'), 'joined at table 3');
  });

  it('posts an idea, counting characters as the person types, and it appears on the wall', async () => {
    const el = await wall();
    await loaded(el);
    await until(() => shadow(el, 'textarea'), 'the composer');
    const area = shadow<HTMLTextAreaElement>(el, 'textarea')!;
    area.focus();
    const idea = `공원에 그늘막을 더 설치해 주세요 ${Date.now()}`;
    await sendKeys({ type: idea });
    await el.updateComplete;
    expect(shadow(el, '#count')!.textContent).to.equal(`${[...idea].length}/280자`);
    shadow<HTMLButtonElement>(el, '.composer button[type=submit]')!.click();
    await until(shows(el, idea), 'the posted idea on the wall');
    await until(() => text(el).includes('제안을 올렸습니다.'), 'the confirmation');
    expect(area.value).to.equal('');
    expect(cardTexts(el).filter((t) => t === idea)).to.have.length(1); // the POST answer and the live event make one card

    area.value = 'ㄱ'.repeat(281);
    area.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(shadow(el, '#count')!.textContent).to.equal('280자 이내로 적어 주세요.');
    expect(shadow<HTMLButtonElement>(el, '.composer button[type=submit]')!.disabled).to.equal(true);
  });

  it('dot-votes within the budget, refuses a vote beyond it with a clear message, and gives a dot back', async () => {
    const other = await participant(lf, 1);
    const idea = await other.post(`버스 정류장에 온열 의자 ${Date.now()}`);
    const el = await wall();
    await loaded(el);
    await until(() => text(el).includes('남은 스티커 3/3개') && cardTexts(el).includes(idea.text), 'budget and idea');
    const card = () => el.shadowRoot!.querySelector(`[data-id="${idea.id}"]`)!;
    const add = () => card().querySelector<HTMLButtonElement>('button.add')!;
    for (let i = 0; i < 3; i++) {
      add().click();
      await until(() => text(el).includes(`남은 스티커 ${2 - i}/3개`), `${i + 1} dots used`);
    }
    await until(() => card().querySelector('.votes')!.textContent === '3표', 'three votes on the card');
    add().click();
    await until(() => text(el).includes('투표 스티커를 모두 사용하셨습니다.'), 'the budget message');
    expect(text(el)).to.contain('남은 스티커 0/3개');
    // The live events of the three dots may still be catching up; the refused one adds nothing.
    await until(() => card().querySelector('.votes')!.textContent === '3표', 'three votes');
    await new Promise((r) => setTimeout(r, 500));
    expect(card().querySelector('.votes')!.textContent).to.equal('3표');

    card().querySelector<HTMLButtonElement>('button[part~="vote-button"]:not(.add)')!.click();
    await until(() => text(el).includes('남은 스티커 1/3개'), 'a dot back');
    await until(() => card().querySelector('.votes')!.textContent === '2표', 'two votes on the card');
  });

  it('rolls a vote back when the server refuses it (the budget was spent on another device)', async () => {
    const el = await wall(4);
    await loaded(el);
    await until(() => text(el).includes('남은 스티커 3/3개'), 'joined');
    const other = await participant(lf, 1);
    const idea = await other.post(`야간 순찰을 늘려 주세요 ${Date.now()}`);
    await until(shows(el, idea.text), 'the idea arrives live');
    // The same person on a second device (the same token) spends every dot.
    const key = Object.keys(localStorage).find((k) => k.startsWith('hd-idea-wall:session:') && k.endsWith(lf.forum.id))!;
    const { token } = JSON.parse(localStorage.getItem(key)!) as { token: string };
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${lf.apiBase}/forums/${lf.forum.id}/ideas/${idea.id}/votes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
      });
      expect(r.status).to.equal(201);
    }
    await until(() => el.shadowRoot!.querySelector(`[data-id="${idea.id}"] .votes`)?.textContent === '3표', 'votes from the other device');
    el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-id="${idea.id}"] button.add`)!.click();
    await until(() => text(el).includes('투표 스티커를 모두 사용하셨습니다.'), 'the refusal');
    await until(() => text(el).includes('남은 스티커 0/3개'), 'the budget corrected from the server');
    expect(el.shadowRoot!.querySelector(`[data-id="${idea.id}"] .votes`)!.textContent).to.equal('3표'); // rolled back
  });

  it('filters by table and sorts by votes', async () => {
    const a = await participant(lf, 1);
    const b = await participant(lf, 3);
    const low = await a.post(`1번 테이블 제안 ${Date.now()}`);
    const high = await b.post(`3번 테이블 제안 ${Date.now()}`);
    await a.vote(high.id);
    const el = await wall();
    await loaded(el);
    await until(shows(el, high.text), 'ideas');
    await openOptions(el);
    const tableSelect = el.shadowRoot!.querySelector<HTMLSelectElement>('.toolbar select')!;
    tableSelect.value = '3';
    tableSelect.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await until(() => !cardTexts(el).includes(low.text), 'table 1 filtered out');
    expect(el.shownIdeas.every((i) => i.table === 3)).to.equal(true);
    tableSelect.value = '0';
    tableSelect.dispatchEvent(new Event('change'));
    el.sort = 'votes';
    await el.updateComplete;
    const votes = el.shownIdeas.map((i) => i.votes);
    expect(votes).to.deep.equal([...votes].sort((x, y) => y - x));
  });
});
