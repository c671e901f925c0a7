/**
 * What `<hd-forum-calendar>` fetches later: the forum cards (list view, an opened day) are a chunk
 * the month grid does not need. The tests run in order on one page of their own (a module chunk
 * loads once per page), so the first sees a page that has fetched no cards yet.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ForumAdmin } from '../../../src/api/types.js';
import '../../../src/define/hd-forum-calendar.js';
import type { HdForumCalendar } from '../../../src/elements/forum-calendar/forum-calendar.js';
import { admin, until } from '../helpers/server.js';

const RUN = Math.random().toString(36).slice(2, 8);
const YEAR = 2060 + Math.floor(Math.random() * 40);
const MONTH = `${YEAR}-03`;
const TOPIC = `지연-${RUN}`;

/** The calendar's later chunks this page has requested so far. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => /forum-calendar\/(cards|messages-en)\.[jt]s/.exec(e.name)?.[1])
    .filter((name): name is string => !!name);

const $ = (el: HdForumCalendar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const loaded = (el: HdForumCalendar) => until(() => el.matches(':not(:state(loading))') && !$(el, '[aria-busy="true"]'), 'the forums');

describe('<hd-forum-calendar> loads the forum cards only when they are shown', () => {
  let forum: ForumAdmin;
  before(async () => {
    forum = await admin<ForumAdmin>('POST', '/forums', {
      title: `지연 시험 토론회 ${RUN}`,
      summary: '카드 조각 시험용 토론회입니다.',
      topics: [TOPIC],
      district: '금곡동',
      venue: { name: '남양주시청 다산홀', address: '경기도 남양주시 경춘로 1037' },
      startsAt: `${MONTH}-10T19:00:00+09:00`,
      endsAt: `${MONTH}-10T21:00:00+09:00`,
      capacity: 30,
    });
  });

  it('draws the month grid without the cards; a day opened by keyboard brings them, with focus on the day', async () => {
    const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} style="width: 960px"></hd-forum-calendar>`);
    await loaded(el);
    await el.updateComplete;
    expect($(el, `[data-day="${MONTH}-10"] .chip`)!.textContent).to.equal(forum.title);
    expect(fetched(), 'a month grid needs no cards').to.deep.equal([]);
    await expect(el).to.be.accessible();

    $(el, `[data-day="${MONTH}-10"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(fetched()).to.include('cards');
    expect(el.shadowRoot!.activeElement!.id).to.equal('panel-title');
    const card = $(el, `[data-forum-id="${forum.id}"]`)!;
    expect(card.querySelector('[part~="forum-title"]')!.textContent).to.equal(forum.title);
    expect(card.querySelector('[part="ics-link"]')!.textContent).to.contain('내 캘린더에 추가');
    // The cards' styles came with them.
    expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(card.querySelector('[part="status"]')!).borderRadius).to.not.equal('0px');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => el.shadowRoot!.activeElement?.getAttribute('data-day') === `${MONTH}-10`, 'focus back on the day');
  });

  it('a day without forums, and filters that match nothing, say so (in English too: the cards’ own words)', async () => {
    const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" lang="en" month=${MONTH} topic=${TOPIC} style="width: 960px"></hd-forum-calendar>`);
    await loaded(el);
    $(el, `[data-day="${MONTH}-11"]`)!.click();
    await el.updateComplete;
    expect($(el, '[part="day-panel"] p:last-child')!.textContent).to.equal('No forums on this day.');
    $(el, `[data-day="${MONTH}-10"]`)!.click();
    await el.updateComplete;
    expect($(el, '[part="ics-link"]')!.textContent).to.contain('Add to my calendar');
    expect($(el, '[part="map-link"]')!.textContent).to.contain('(map, new window)');
    // A filter that matches nothing says which, and offers to clear it.
    el.q = 'nothing-matches-zz';
    await el.updateComplete;
    const notice = await until(() => el.matches(':state(empty)') && $(el, '[part="notice"] button'), 'the notice').then(() => $(el, '[part="notice"]')!);
    expect(notice.textContent).to.contain('No forums match these filters.');
    expect(notice.textContent).to.contain(`Filters: Topic: ${TOPIC}, search “nothing-matches-zz”`);
    notice.querySelector('button')!.click();
    await el.updateComplete;
    await loaded(el);
    expect(el.q).to.equal('');
    expect(el.topic).to.equal('');
  });
});
