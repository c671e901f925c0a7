/**
 * What a wall fetches only when it needs it: a facilitator's tools, English, and the virtualizer
 * of a long wall. Each is a module of its own, so the page's resource timing tells whether it was
 * fetched (this file runs in a page of its own; the tests run in order and build on that).
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import type { Idea } from '../../../src/api/types.js';
import { settled, forget, cardTexts, liveForum, loaded, participant, shadow, text, until, type LiveForum } from './helpers.js';

/** Whether the page fetched one of the wall's modules (e.g. `facilitator`). */
const fetched = (module: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(`/idea-wall/${module}.`));
const cards = (el: HdIdeaWall) => el.shadowRoot!.querySelectorAll('[part~="item"]').length;
const HANGUL = /[\uac00-\ud7a3]/;

describe('<hd-idea-wall> fetches code only when it needs it', () => {
  let lf: LiveForum;
  before(async () => {
    // Room for every request of the file (the default keeps 250; the long wall posts 101 ideas).
    performance.setResourceTimingBufferSize(5_000);
    // English category names: the English wall's test below checks that no Korean word shows.
    lf = await liveForum({ voteBudget: 3, tables: 4, categories: ['Transport', 'Parks'] });
    const p = await participant(lf, 1);
    await p.post('Benches by the bus stop');
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  it('a participant in Korean gets no facilitator tools, no English and no virtualizer', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="2"></hd-idea-wall>`);
    await loaded(el);
    await until(() => text(el).includes('2번 테이블에서 참여 중입니다') && shadow(el, 'button.add'), 'joined, with a card to vote on');
    expect(shadow(el, '[part~="voting"]')).to.equal(null);
    expect(shadow(el, '[part~="moderation"]')).to.equal(null);
    expect(fetched('facilitator'), 'facilitator tools fetched').to.equal(false);
    expect(fetched('messages-en'), 'English fetched').to.equal(false);
    expect(fetched('virtual-list'), 'virtualizer fetched').to.equal(false);
    expect(fetched('projector'), 'projector fetched').to.equal(false);
  });

  it('facilitator mode without a token says what is missing and fetches no tools', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall mode="facilitator" api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(el);
    expect(text(el)).to.contain('퍼실리테이터 토큰이 있어야 진행 도구를 쓸 수 있습니다.');
    expect(shadow(el, '[part~="moderation"]')).to.equal(null);
    expect(fetched('facilitator')).to.equal(false);
  });

  it('facilitator mode with a token shows its loading note, then every tool, accessible', async () => {
    const el = fixtureSync<HdIdeaWall>(html`<hd-idea-wall mode="facilitator" api-base=${lf.apiBase} forum-id=${lf.forum.id} .token=${lf.facilitatorToken}></hd-idea-wall>`);
    // The first drawn wall has the voting controls or, while their chunk loads, a loading note in
    // their place: never a wall without either.
    await until(() => shadow(el, '.header'), 'the wall drawn');
    expect(shadow(el, '[part~="voting"]') ?? shadow(el, '.note[aria-busy="true"]'), 'the tools or their loading note').to.not.equal(null);
    await el.updateComplete; // waits for the tools too
    expect(fetched('facilitator')).to.equal(true);
    expect(shadow(el, '.note[aria-busy="true"]')).to.equal(null);
    expect(shadow(el, '[part~="voting"] button')!.textContent).to.contain('투표 마감');
    expect(shadow(el, '.composer select')!.closest('label')!.textContent).to.contain('어느 테이블의 제안인가요?');
    await until(() => shadow(el, '[part~="moderation"]'), 'a card with its tools');
    for (const card of el.shadowRoot!.querySelectorAll('[part~="item"]')) {
      expect(card.querySelector('[part~="moderation"]'), card.textContent ?? '').to.not.equal(null);
    }
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('an English wall shows no Korean while its words load, then English', async () => {
    expect(fetched('messages-en')).to.equal(false);
    const el = fixtureSync<HdIdeaWall>(html`<hd-idea-wall lang="en" api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="3"></hd-idea-wall>`);
    const seen: string[] = [];
    const record = () => seen.push(text(el));
    const observer = new MutationObserver(record);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    record();
    await loaded(el);
    await until(() => text(el).includes('You are at table 3.'), 'joined, in English');
    observer.disconnect();
    record();
    expect(fetched('messages-en')).to.equal(true);
    expect(text(el)).to.contain('3 of 3 dots left');
    expect(text(el)).to.contain('Post idea');
    expect(
      seen.filter((t) => HANGUL.test(t)),
      'Korean shown while English loaded',
    ).to.deep.equal([]);
  });

  it('switches to the virtualized list when it crosses 100 ideas, keeping every idea in order and reachable by keyboard', async function () {
    this.timeout(60_000);
    await setViewport({ width: 390, height: 844 });
    const long = await liveForum({ voteBudget: 3, tables: 4 });
    const people = await Promise.all([1, 2, 3, 4].map((t) => participant(long, t)));
    const posted: Idea[] = [];
    for (let i = 0; i < 99; i += 9) {
      posted.push(...(await Promise.all(Array.from({ length: Math.min(9, 99 - i) }, (_, k) => people[k % 4]!.post(`긴 벽의 제안 ${i + k}`)))));
    }
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${long.apiBase} forum-id=${long.forum.id} join-code=${long.forum.joinCode} table="2"></hd-idea-wall>`);
    await loaded(el);
    await until(() => shadow(el, 'button.add'), 'joined');
    // 99 ideas: every card is in the page (find-in-page and print see them all), no virtualizer.
    expect(el.shownIdeas).to.have.length(99);
    expect(cards(el)).to.equal(99);
    expect(fetched('virtual-list')).to.equal(false);
    const listHeight = () => shadow(el, '.list')!.getBoundingClientRect().height;
    const before = listHeight();
    // The person has the keyboard on the newest card's "add a dot" when the list turns virtual.
    const focusedId = el.shownIdeas[0]!.id;
    shadow<HTMLButtonElement>(el, `[data-id="${focusedId}"] button.add`)!.focus();

    posted.push(await people[0]!.post('백 번째 제안'), await people[1]!.post('백한 번째 제안'));
    await until(() => el.shownIdeas.length === 101, 'the 100th and 101st ideas');
    await el.updateComplete; // waits for the virtualizer's chunk
    expect(fetched('virtual-list')).to.equal(true);
    // The cards are drawn anew by the virtualizer; the keyboard stays on the same button of the same idea.
    await until(() => {
      const active = el.shadowRoot!.activeElement;
      return active?.matches('button.add') && active.closest<HTMLElement>('[data-id]')?.dataset.id === focusedId;
    }, 'the same idea’s button focused after the swap');
    await until(() => cards(el) > 0 && cards(el) < 101, 'only the cards in view rendered');
    // The list keeps (about) the height of all its cards: the page does not collapse or jump.
    await until(() => listHeight() > before * 0.9, `the list as tall as its ideas (${before} px before)`);

    // Every idea, newest first; the rendered cards are the first ones, in that order.
    const newestFirst = [...posted].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
    expect(el.shownIdeas.map((i) => i.id)).to.deep.equal(newestFirst.map((i) => i.id));
    const rendered = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')].map((c) => c.dataset.id);
    expect(rendered).to.deep.equal(newestFirst.slice(0, rendered.length).map((i) => i.id));
    expect(cardTexts(el)[0]).to.equal('백한 번째 제안');

    // Keyboard: from the first card's "add a dot" button, Tab goes card by card (the "take back"
    // buttons are disabled with no dot on them), past the cards rendered at first.
    await settled(el);
    const firstRendered = cards(el);
    shadow<HTMLButtonElement>(el, `[data-id="${newestFirst[0]!.id}"] button.add`)!.focus();
    const steps = firstRendered + 3;
    for (let i = 1; i <= steps; i++) {
      await sendKeys({ press: 'Tab' });
      const want = newestFirst[i]!.id;
      await until(() => el.shadowRoot!.activeElement?.closest('[part~="item"]')?.getAttribute('data-id') === want, `Tab ${i} on the card of idea ${i}`);
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    }
    expect(steps).to.be.above(firstRendered);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
