/**
 * The wall at the sizes of the room: the projector fits 1920×1080, 1280×720 and 1024×768 without
 * scrolling, with text for the back of the hall, lanes that turn over and a spotlight for new
 * ideas; the facilitator's wall fits a tablet either way up, a laptop and a 336 px side column;
 * the participant's phone opens on joining, writing and voting.
 */
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-provider.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { PAGE_MS } from '../../../src/elements/idea-wall/projector.js';
import { resetRegistry } from '../../../src/api/registry.js';
import type { Idea } from '../../../src/api/types.js';
import { admin, demoInfo } from '../helpers/server.js';
import { forget, liveForum, loaded, openOptions, participant, settled, shadow, text, until, type LiveForum } from './helpers.js';

const CATEGORIES = ['교통', '환경', '복지', '안전', '문화'];
const PROJECTOR_SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;
/** Idea text at 1080p, and in proportion on smaller screens. */
const MIN_TEXT_1080P = 28;

/** Elements of the wall's shadow root that reach past its own box (or the page's), as "tag.class → right". */
function overflowing(el: HTMLElement): string[] {
  const box = el.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
    .filter((node) => node.getClientRects().length && !node.closest('dialog'))
    .filter((node) => {
      const r = node.getBoundingClientRect();
      return r.right > box.right + 1 || r.left < box.left - 1 || r.right > innerWidth + 1;
    })
    .map((node) => `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} → ${Math.round(node.getBoundingClientRect().right)} of ${Math.round(box.right)}`);
}

describe('<hd-idea-wall> at the sizes of the room', () => {
  let lf: LiveForum;
  let ideas: Idea[];
  before(async function () {
    this.timeout(60_000);
    lf = await liveForum({ tables: 6, categories: CATEGORIES, voteBudget: 3 });
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map((t) => participant(lf, t)));
    ideas = [];
    for (let i = 0; i < 48; i += 6) {
      ideas.push(...(await Promise.all(people.map((p, k) => p.post(`${i + k}번째 제안: 우리 동네 ${['버스 정류장', '공원 그늘막', '경로당 난방', '골목 가로등', '도서관 시간'][(i + k) % 5]}을 이렇게 바꿔 주세요`)))));
    }
    // Most ideas sorted into a category, some with dots; the rest wait in "새 제안".
    await Promise.all(ideas.slice(0, 40).map((idea, i) => admin('PATCH', `/forums/${lf.forum.id}/ideas/${idea.id}`, { category: CATEGORIES[i % CATEGORIES.length] })));
    for (const [k, p] of people.entries()) for (let v = 0; v < 3; v++) await p.vote(ideas[(k * 5 + v * 7) % 40]!.id);
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });
  afterEach(async () => {
    document.body.style.margin = '';
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  const projector = async () => {
    // The projector's own page: no margins, nothing else on it.
    document.body.style.margin = '0';
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall
      mode="projector"
      api-base=${lf.apiBase}
      forum-id=${lf.forum.id}
      join-code=${lf.forum.joinCode}
      join-href="https://city.example/venue.html?code={code}&table={table}"
    ></hd-idea-wall>`);
    await loaded(el);
    await until(() => shadow(el, '.group .card') && shadow(el, 'svg.qr'), 'the lanes and the QR code');
    await settled(el);
    return el;
  };

  for (const [width, height] of PROJECTOR_SIZES) {
    it(`the projector at ${width}×${height} never scrolls, shows every lane's top and newest, and its idea text is large enough`, async () => {
      await setViewport({ width, height });
      const el = await projector();
      expect(el.scrollHeight, 'the projector scrolls').to.be.at.most(el.clientHeight + 1);
      expect(document.documentElement.scrollHeight, 'the page scrolls').to.be.at.most(innerHeight + 1);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth + 1);
      expect(overflowing(el)).to.deep.equal([]);
      // New ideas first, then every category: those not in view now come on the next pages.
      const lanes = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.group')];
      expect(lanes[0]!.querySelector('h3')!.textContent).to.contain('새 제안');
      expect(lanes.map((lane) => lane.querySelector('h3 .name')!.textContent)).to.deep.equal(['새 제안', ...CATEGORIES]);
      const inView = lanes.filter((lane) => !lane.hidden);
      expect(inView.length).to.be.at.least(3);
      for (const lane of inView) {
        const r = lane.getBoundingClientRect();
        expect(r.bottom, 'a lane below the screen').to.be.at.most(innerHeight + 1);
        expect(r.right, 'a lane past the screen').to.be.at.most(innerWidth + 1);
      }
      // A lane with dots on its ideas shows its top ideas by votes first.
      const top = inView.find((lane) => lane.querySelector('.top'));
      expect(top, 'a lane with its top ideas').to.not.equal(undefined);
      const votes = [...top!.querySelectorAll('.top [part~="votes"]')].map((v) => parseInt(v.textContent!, 10));
      expect(votes).to.deep.equal([...votes].sort((a, b) => b - a));
      // Every idea text in view reads from the back of the hall.
      const min = MIN_TEXT_1080P * Math.min(width / 1920, height / 1080) - 0.5;
      const texts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.group:not([hidden]) .card:not(.over) .text')];
      expect(texts.length).to.be.at.least(6);
      for (const t of texts) {
        expect(parseFloat(getComputedStyle(t).fontSize), t.textContent!).to.be.at.least(min);
        expect(t.getBoundingClientRect().bottom, `${t.textContent} below the screen`).to.be.at.most(innerHeight + 1);
      }
      // The invitation stays: the QR code and the join code.
      expect(shadow(el, '[part~="invite"]')!.textContent).to.contain(lf.forum.joinCode);
      await expect(el).to.be.accessible();
    });
  }

  it('the projector spotlights a new idea at once, in view, and puts it first in the "새 제안" lane', async () => {
    await setViewport({ width: 1280, height: 720 });
    const el = await projector();
    await until(() => el.matches(':state(live)'), 'live');
    const p = await participant(lf, 3);
    const posted = await p.post(`방금 올린 제안 ${Date.now()}`);
    const spot = await until(() => shadow(el, '.spotlight'), 'the spotlight');
    expect(spot.textContent).to.contain(posted.text);
    expect(spot.textContent).to.contain('3번 테이블');
    const r = spot.getBoundingClientRect();
    expect(r.top >= 0 && r.bottom <= innerHeight + 1, 'the spotlight in view').to.equal(true);
    const freshLane = el.shadowRoot!.querySelector('.group')!;
    await until(() => freshLane.querySelector('.flow .text')?.textContent === posted.text, 'the idea first in "새 제안"');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(document.documentElement.scrollHeight).to.be.at.most(innerHeight + 1);
  });

  it('the projector turns its pages on a timer, holds them while paused, and turns without animation under reduced motion', async function () {
    this.timeout(60_000);
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await projector();
    const page = () => [...el.shadowRoot!.querySelectorAll('.group:not([hidden]) .flow .card:not(.over) .text')].map((t) => t.textContent).join('|');
    expect(shadow(el, '.more') ?? shadow(el, '.page'), 'more than fits: pages to turn').to.not.equal(null);
    const first = page();
    await until(() => page() !== first, 'the next page', PAGE_MS + 8_000);
    expect(document.documentElement.scrollHeight).to.be.at.most(innerHeight + 1);
    expect(getComputedStyle(shadow(el, '.flow')!).animationName, 'no animation under reduced motion').to.equal('none');
    // Held: the pages stand still.
    shadow<HTMLButtonElement>(el, 'button.pause')!.click();
    await el.updateComplete;
    expect(shadow(el, 'button.pause')!.getAttribute('aria-pressed')).to.equal('true');
    const held = page();
    await new Promise((r) => setTimeout(r, PAGE_MS + 1_500));
    expect(page()).to.equal(held);
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(shadow(el, '.flow')!).animationName).to.equal('turn');
  });

  const sizes = [
    ['a tablet on its side', 1024, 768, ''],
    ['a tablet upright', 768, 1024, ''],
    ['a laptop', 1280, 800, ''],
    ['a 336 px side column', 1280, 800, '336px'],
  ] as const;
  for (const [what, width, height, column] of sizes) {
    it(`the facilitator's wall fits ${what} (${width}×${height}${column ? `, ${column}` : ''}): nothing wider than its container, every tool in reach`, async () => {
      await setViewport({ width, height });
      // The demo's live forum, as a venue has it: 120 ideas, tables with their topics, categories.
      const { apiBase, demo } = await demoInfo();
      const root = fixtureSync<HTMLElement>(html`<div style="display: grid; grid-template-columns: ${column ? `1fr ${column}` : '1fr'}">
        ${column ? html`<main><h1>본문</h1></main>` : ''}
        <hd-provider api-base=${apiBase} token=${demo.facilitatorToken}><hd-idea-wall mode="facilitator" forum-id=${demo.liveForumId}></hd-idea-wall></hd-provider>
      </div>`);
      const el = root.querySelector('hd-idea-wall')!;
      await loaded(el);
      // (a long list draws only the cards in view)
      await until(() => shadow(el, '.list'), 'the list');
      shadow(el, '.list')!.scrollIntoView({ block: 'start' });
      await until(() => shadow(el, '[part~="moderation"]'), 'the cards with their tools');
      // The participants section open, its list in (the demo forum has people who joined).
      shadow(el, 'details.people summary')!.click();
      await until(() => shadow(el, '.people-list .revoke'), 'the participants listed');
      // More than a page (the demo's ~60): the next page comes under the first.
      const rows = () => el.shadowRoot!.querySelectorAll('.people-list li').length;
      const first = rows();
      shadow<HTMLButtonElement>(el, '.people .more')!.click();
      await until(() => rows() > first, 'the next page of participants');
      window.scrollTo(0, 0);
      await settled(el);
      expect(overflowing(el)).to.deep.equal([]);
      expect(el.scrollWidth, 'the wall scrolls sideways').to.be.at.most(el.clientWidth + 1);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth + 1);
      if (column) expect(el.getBoundingClientRect().width).to.be.at.most(337);
      // The composer, its table picker, the voting round, a card's category and the filters: all there and inside.
      const box = el.getBoundingClientRect();
      for (const selector of ['textarea#draft', '.composer select', '.composer button[type=submit]', '[part~="voting"] button', '[part~="moderation"] select', '.toolbar select', '.people .refresh', '.people-list .revoke']) {
        const control = shadow(el, selector);
        expect(control, selector).to.not.equal(null);
        const r = control!.getBoundingClientRect();
        expect(r.width, `${selector} is drawn`).to.be.above(0);
        expect(r.left >= box.left - 1 && r.right <= box.right + 1, `${selector} within the wall`).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('the participant’s phone (390×844) opens on joining, writing and voting; the rest waits behind a disclosure', async () => {
    await setViewport({ width: 390, height: 844 });
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="2"></hd-idea-wall>`);
    await loaded(el);
    await until(() => text(el).includes('2번 테이블에서 참여 중입니다') && shadow(el, 'button.add'), 'joined');
    await settled(el);
    expect(overflowing(el)).to.deep.equal([]);
    // The first screen: how many dots, the composer, how to vote and the first ideas with their dots.
    const inFirstScreen = (selector: string) => {
      const r = shadow(el, selector)?.getBoundingClientRect();
      return !!r && r.height > 0 && r.bottom <= innerHeight;
    };
    for (const selector of ['.budget', 'textarea#draft', '.composer button[type=submit]', '.how-to', 'button.add']) expect(inFirstScreen(selector), selector).to.equal(true);
    expect(text(el)).to.contain('마음에 드는 제안에 ‘스티커 붙이기’를 누르세요');
    // Filters, tallies and the pause control are not on the first screen: behind the disclosure, not even fetched yet.
    const options = shadow<HTMLDetailsElement>(el, 'details.options')!;
    expect(options.open).to.equal(false);
    expect(shadow(el, '.toolbar'), 'filters before the disclosure opens').to.equal(null);
    expect(shadow(el, 'button.pause')).to.equal(null);
    await expect(el).to.be.accessible();
    await openOptions(el);
    expect(shadow(el, 'button.pause')!.textContent).to.contain('목록 멈추기');
    expect(shadow(el, '#hold-hint')!.textContent).to.contain('새 제안이 올라와도 읽던 자리가 움직이지 않습니다');
    expect(overflowing(el)).to.deep.equal([]);
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
