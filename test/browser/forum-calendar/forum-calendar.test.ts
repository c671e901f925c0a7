/**
 * `<hd-forum-calendar>` against the real reference server. Each run creates its forums in a
 * month of its own far in the future, so other test files (and the seed) never show up in it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getApi, registryDefaults, resetRegistry } from '../../../src/api/registry.js';
import type { ForumAdmin } from '../../../src/api/types.js';
import '../../../src/define/hd-forum-calendar.js';
import type { HdForumCalendar } from '../../../src/elements/forum-calendar/forum-calendar.js';
import type { HdForumSelectEvent } from '../../../src/events/forum-select.js';
import { validRegistration } from '../helpers/registration.js';
import { admin, until } from '../helpers/server.js';

const RUN = Math.random().toString(36).slice(2, 8);
// A month no one else uses: year 2060–2099, so the grid holds only this file's forums.
const YEAR = 2060 + Math.floor(Math.random() * 40);
const MONTH = `${YEAR}-05`;
const TOPIC = `달력-${RUN}`;
const DISTRICT = `시험동${RUN}`;

/** Every URL the widgets' client fetched. */
const requested: string[] = [];
/** Answer with this error instead of the network while set. */
let failWith: Error | undefined;
/** Hold every response until this promise settles. */
let gate: Promise<void> | undefined;

async function createForum(day: number, hour: number, extra: Record<string, unknown> = {}, status?: 'open' | 'closed', month = MONTH): Promise<ForumAdmin> {
  const date = `${month}-${String(day).padStart(2, '0')}`;
  const forum = await admin<ForumAdmin>('POST', '/forums', {
    title: `달력 시험 토론회 ${RUN} ${day}일 ${hour}시`,
    summary: '달력 위젯 시험용 토론회입니다.',
    topics: [TOPIC],
    district: '금곡동',
    venue: { name: '남양주시청 다산홀', address: '경기도 남양주시 경춘로 1037' },
    startsAt: `${date}T${String(hour).padStart(2, '0')}:00:00+09:00`,
    endsAt: `${date}T${String(hour + 2).padStart(2, '0')}:00:00+09:00`,
    capacity: 40,
    ...extra,
  });
  if (!status) return forum;
  const opened = await admin<ForumAdmin>('POST', `/forums/${forum.id}/status`, { status: 'open' });
  return status === 'open' ? opened : admin<ForumAdmin>('POST', `/forums/${forum.id}/status`, { status });
}

function cell(el: HdForumCalendar, day: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-day="${day}"]`)!;
}
/** What a screen reader hears for a day cell (its name comes from its hidden text). */
function name(day: HTMLElement): string {
  return day.querySelector('.visually-hidden')!.textContent!.trim();
}
function card(el: HdForumCalendar, id: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-forum-id="${id}"]`);
}
const loaded = (el: HdForumCalendar) => until(() => el.matches(':not(:state(loading))') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the forums');
const active = (el: HdForumCalendar) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('hd-forum-calendar', () => {
  let open: ForumAdmin;
  let closed: ForumAdmin;
  let elsewhere: ForumAdmin;
  let many: ForumAdmin[];

  before(async () => {
    resetRegistry();
    registryDefaults.client = {
      retries: 0,
      fetch: async (input, init) => {
        requested.push(String(input));
        if (gate) await gate;
        if (failWith) throw failWith;
        return fetch(input, init);
      },
    };
    open = await createForum(12, 19, {}, 'open');
    closed = await createForum(14, 10, {}, 'closed');
    elsewhere = await createForum(20, 14, { district: DISTRICT, title: `다른 동네 토론회 ${RUN}`, topics: [TOPIC, `외곽-${RUN}`] }, 'open');
    many = [];
    for (const hour of [9, 11, 13, 15, 17]) many.push(await createForum(23, hour));
  });
  after(() => {
    resetRegistry();
    registryDefaults.client = {};
  });
  afterEach(() => {
    failWith = undefined;
    gate = undefined;
  });

  describe('month view', () => {
    let el: HdForumCalendar;
    beforeEach(async () => {
      el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} style="width: 960px"></hd-forum-calendar>`);
      await loaded(el);
    });

    it('is accessible, starts the week on Sunday and names each day with its forums', async () => {
      await expect(el).to.be.accessible();
      const headers = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim());
      expect(headers).to.deep.equal(['일', '월', '화', '수', '목', '금', '토']);
      expect(el.shadowRoot!.querySelectorAll('[role="gridcell"]')).to.have.length(42);
      expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(`${YEAR}년 5월`);
      const label = name(cell(el, `${MONTH}-12`));
      expect(label).to.match(new RegExp(`^${YEAR}년 5월 12일 \\([월화수목금토일]\\), 토론회 1건: `));
      expect(label).to.contain(open.title);
      expect(label).to.match(/\((모집 중|마감 임박)\)$/);
      expect(name(cell(el, `${MONTH}-13`))).to.match(/토론회 없음$/);
      // One tab stop in the grid.
      expect(el.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);
      expect(el.matches(':state(loading)')).to.equal(false);
    });

    it('collapses many forums on one day into “+N” and lists them all when the day opens', async () => {
      const day = cell(el, `${MONTH}-23`);
      expect(day.querySelectorAll('.chip')).to.have.length(2);
      expect(day.querySelector('.more')!.textContent).to.equal('+3');
      expect(name(day)).to.contain('토론회 5건: ');
      for (const f of many) expect(name(day)).to.contain(f.title);
      day.click();
      await el.updateComplete;
      const panel = el.shadowRoot!.querySelector('[part="day-panel"]')!;
      expect(panel.querySelectorAll('[part="forum"]')).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('shows a forum’s date and time in Asia/Seoul, district, venue with a map link, status, seats and .ics', async () => {
      cell(el, `${MONTH}-12`).click();
      await el.updateComplete;
      const item = card(el, open.id)!;
      expect(item.querySelector('[part~="forum-title"]')!.textContent).to.equal(open.title);
      expect(item.textContent).to.contain(`${YEAR}년 5월 12일`);
      expect(item.textContent).to.match(/오후 7:00\s*~\s*9:00/);
      expect(item.textContent).to.contain('금곡동');
      expect(item.querySelector('[part="status"]')!.textContent).to.be.oneOf(['모집 중', '마감 임박']);
      expect(item.querySelector('.seats')!.textContent).to.equal('잔여 40석');
      const map = item.querySelector<HTMLAnchorElement>('[part="map-link"]')!;
      expect(map.textContent).to.contain('남양주시청 다산홀');
      expect(map.href).to.equal(`https://map.kakao.com/link/search/${encodeURIComponent('경기도 남양주시 경춘로 1037')}`);
      expect(map.target).to.equal('_blank');
      const ics = item.querySelector<HTMLAnchorElement>('[part="ics-link"]')!;
      expect(ics.href).to.equal(getApi('/api').icsUrl(open.id));
      const text = await (await fetch(ics.href)).text();
      expect(text).to.contain('BEGIN:VEVENT');
      expect(text.replace(/\r\n /g, '')).to.contain('LOCATION:남양주시청 다산홀\\, 경기도 남양주시 경춘로 1037');
      expect(text.replace(/\r\n /g, '')).to.match(new RegExp(`URL:.*${open.id}`));
    });

    it('shows a title cut short in its day cell in full in the day’s list, when the day gets the focus', async () => {
      const chip = cell(el, `${MONTH}-12`).querySelector<HTMLElement>('.chip')!;
      expect(chip.scrollWidth, 'the title is cut in the cell').to.be.greaterThan(chip.clientWidth);
      expect(parseFloat(getComputedStyle(chip).fontSize)).to.be.at.least(16);
      cell(el, `${MONTH}-11`).focus();
      expect(el.shadowRoot!.querySelector('[part="day-panel"]'), 'a day without forums opens nothing').to.equal(null);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => card(el, open.id), 'the day’s list');
      expect(card(el, open.id)!.querySelector('[part~="forum-title"]')!.textContent).to.equal(open.title);
      expect(active(el)!.dataset['day'], 'the focus stays on the day').to.equal(`${MONTH}-12`);
      expect(cell(el, `${MONTH}-12`).getAttribute('aria-selected')).to.equal('true');
      // Escape closes it and the focus stays on the day, without opening it again.
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await until(() => active(el)?.dataset['day'] === `${MONTH}-12`, 'focus on the day');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="day-panel"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('uses the map-href template to change the map provider', async () => {
      el.mapHref = 'https://map.naver.com/p/search/{query}';
      cell(el, `${MONTH}-12`).click();
      await el.updateComplete;
      expect(card(el, open.id)!.querySelector<HTMLAnchorElement>('[part="map-link"]')!.href).to.equal(
        `https://map.naver.com/p/search/${encodeURIComponent('경기도 남양주시 경춘로 1037')}`,
      );
    });

    it('follows the WAI-ARIA grid keyboard pattern', async () => {
      cell(el, `${MONTH}-12`).focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(active(el)!.dataset['day']).to.equal(`${MONTH}-13`);
      await sendKeys({ press: 'ArrowDown' });
      expect(active(el)!.dataset['day']).to.equal(`${MONTH}-20`);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowUp' });
      expect(active(el)!.dataset['day']).to.equal(`${MONTH}-12`);
      await sendKeys({ press: 'Home' });
      const sunday = active(el)!.dataset['day']!;
      expect(new Date(`${sunday}T00:00:00Z`).getUTCDay()).to.equal(0);
      await sendKeys({ press: 'End' });
      expect(new Date(`${active(el)!.dataset['day']}T00:00:00Z`).getUTCDay()).to.equal(6);
      expect(el.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);

      // Enter opens the day's forums and moves focus to them; Escape goes back to the day.
      cell(el, `${MONTH}-20`).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)!.id).to.equal('panel-title');
      expect(card(el, elsewhere.id)).to.exist;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="day-panel"]')).to.equal(null);
      await until(() => active(el)?.dataset['day'] === `${MONTH}-20`, 'focus back on the day');

      // PageDown / PageUp move by month, keeping the day.
      await sendKeys({ press: 'PageDown' });
      await until(() => active(el)?.dataset['day'] === `${YEAR}-06-20`, 'the same day next month');
      expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(`${YEAR}년 6월`);
      await sendKeys({ press: 'PageUp' });
      await until(() => active(el)?.dataset['day'] === `${MONTH}-20`, 'back to May');
      await loaded(el);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(card(el, elsewhere.id)).to.exist;
    });

    it('moves by month with the buttons and comes back to today', async () => {
      const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.nav button')];
      buttons[1]!.click();
      await el.updateComplete;
      expect(el.month).to.equal(`${YEAR}-06`);
      buttons[0]!.click();
      buttons[0]!.click();
      await el.updateComplete;
      expect(el.month).to.equal(`${YEAR}-04`);
      buttons[2]!.click();
      await loaded(el);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
      expect(el.month).to.equal(today.slice(0, 7));
      const mark = el.shadowRoot!.querySelector('[aria-current="date"]')!;
      expect((mark as HTMLElement).dataset['day']).to.equal(today);
      expect(name(mark as HTMLElement)).to.contain(', 오늘, ');
    });
  });

  describe('selecting a forum', () => {
    let el: HdForumCalendar;
    beforeEach(async () => {
      el = await fixture<HdForumCalendar>(
        html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} view="list" signup-href="/demo/signup.html?forum={id}"></hd-forum-calendar>`,
      );
      await loaded(el);
    });

    it('links an open forum to its signup page with a real <a href>', async () => {
      await expect(el).to.be.accessible();
      const link = card(el, open.id)!.querySelector<HTMLAnchorElement>('a[part~="forum-link"]')!;
      expect(link.getAttribute('href')).to.equal(`/demo/signup.html?forum=${encodeURIComponent(open.id)}`);
      // A closed forum takes no signups, and there is no other page for it here: its title is text.
      expect(card(el, closed.id)!.querySelector('a, button')?.textContent).to.not.equal(closed.title);
      expect(card(el, closed.id)!.querySelector('[part~="forum-title"]')!.textContent).to.equal(closed.title);
    });

    it('fires hd-forum-select with the forum; cancelling it keeps the page from navigating', async () => {
      const link = card(el, open.id)!.querySelector<HTMLAnchorElement>('a[part~="forum-link"]')!;
      let clickPrevented: boolean | undefined;
      const watch = (e: Event) => {
        clickPrevented = e.defaultPrevented;
        e.preventDefault(); // the test page itself must not navigate either way
      };
      window.addEventListener('click', watch);
      try {
        el.addEventListener('hd-forum-select', (e) => e.preventDefault(), { once: true });
        const cancelled = oneEvent(el, 'hd-forum-select') as Promise<HdForumSelectEvent>;
        link.click();
        const event = await cancelled;
        expect(event.detail.forum.id).to.equal(open.id);
        expect(event.detail.forum.title).to.equal(open.title);
        expect(event.detail.href).to.equal(`/demo/signup.html?forum=${encodeURIComponent(open.id)}`);
        expect(event.cancelable).to.equal(true);
        expect(event.composed).to.equal(true);
        expect(clickPrevented, 'a cancelled selection stops the link').to.equal(true);

        const plain = oneEvent(el, 'hd-forum-select') as Promise<HdForumSelectEvent>;
        link.click();
        expect((await plain).defaultPrevented).to.equal(false);
        expect(clickPrevented, 'an uncancelled selection follows the link').to.equal(false);
      } finally {
        window.removeEventListener('click', watch);
      }
    });

    it('does not fire for a middle or modifier click, which opens a new tab', async () => {
      const link = card(el, open.id)!.querySelector<HTMLAnchorElement>('a[part~="forum-link"]')!;
      let fired = 0;
      el.addEventListener('hd-forum-select', () => fired++);
      const stop = (e: Event) => e.preventDefault();
      window.addEventListener('click', stop);
      window.addEventListener('auxclick', stop);
      try {
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
        link.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, composed: true, cancelable: true, button: 1 }));
      } finally {
        window.removeEventListener('click', stop);
        window.removeEventListener('auxclick', stop);
      }
      expect(fired).to.equal(0);
    });
  });

  describe('where a forum’s title leads', () => {
    /** A month of its own: a forum in every status from open to finished. */
    const HELD = `${YEAR}-08`;
    let upcoming: ForumAdmin;
    let shut: ForumAdmin;
    let happening: ForumAdmin;
    let held: ForumAdmin;
    before(async () => {
      upcoming = await createForum(12, 10, {}, 'open', HELD);
      shut = await createForum(13, 10, {}, 'closed', HELD);
      happening = await createForum(14, 10, {}, undefined, HELD);
      await admin('POST', `/forums/${happening.id}/status`, { status: 'live' });
      held = await createForum(15, 10, {}, undefined, HELD);
      await admin('POST', `/forums/${held.id}/status`, { status: 'live' });
      await admin('POST', `/forums/${held.id}/status`, { status: 'finished' });
    });

    const show = async (links: { forum?: string; signup?: string; results?: string }) => {
      const el = await fixture<HdForumCalendar>(
        html`<hd-forum-calendar
          api-base="/api"
          month=${HELD}
          topic=${TOPIC}
          view="list"
          forum-href=${links.forum ?? nothing}
          signup-href=${links.signup ?? nothing}
          results-href=${links.results ?? nothing}
        ></hd-forum-calendar>`,
      );
      await loaded(el);
      await until(() => el.shadowRoot!.querySelectorAll('[part="forum"]').length === 4, 'the four forums');
      return el;
    };
    const title = (el: HdForumCalendar, forum: ForumAdmin) => card(el, forum.id)!.querySelector<HTMLElement>('[part~="forum-title"]')!;
    const href = (el: HdForumCalendar, forum: ForumAdmin) => title(el, forum).closest('a')?.getAttribute('href') ?? null;
    /** What a title looks like: a link is underlined in the accent colour; plain text is neither. */
    const looksLikeALink = (node: HTMLElement) => {
      const style = getComputedStyle(node);
      return style.textDecorationLine.includes('underline') || style.color !== getComputedStyle(node.closest('[part="forum"]')!).color;
    };

    it('without forum-href: upcoming forums lead to signup-href, held ones to results-href, the rest is plain text', async () => {
      const el = await show({ signup: '/signup?forum={id}', results: '/results?forum={id}' });
      await expect(el).to.be.accessible();
      expect(href(el, upcoming)).to.equal(`/signup?forum=${encodeURIComponent(upcoming.id)}`);
      expect(href(el, held)).to.equal(`/results?forum=${encodeURIComponent(held.id)}`);
      for (const forum of [shut, happening]) {
        expect(href(el, forum), `${forum.status}: no page to go to`).to.equal(null);
        expect(card(el, forum.id)!.querySelector('button'), `${forum.status}: no button that does nothing`).to.equal(null);
        expect(looksLikeALink(title(el, forum)), `${forum.status}: its title does not look like a link`).to.equal(false);
        expect(title(el, forum).textContent).to.equal(forum.title);
      }
      expect(looksLikeALink(title(el, upcoming)), 'a link looks like one').to.equal(true);
    });

    it('without any link template every title is plain text, and nothing fires on a click', async () => {
      const el = await show({});
      let fired = 0;
      el.addEventListener('hd-forum-select', () => fired++);
      for (const forum of [upcoming, shut, happening, held]) {
        expect(href(el, forum)).to.equal(null);
        expect(looksLikeALink(title(el, forum)), `${forum.status}: looks like a link`).to.equal(false);
        title(el, forum).click();
      }
      expect(el.shadowRoot!.querySelector('[part="forum"] button')).to.equal(null);
      expect(fired).to.equal(0);
    });

    it('forum-href leads every forum to its own page, whatever its status', async () => {
      const el = await show({ forum: '/forums/{id}', signup: '/signup?forum={id}', results: '/results?forum={id}' });
      for (const forum of [upcoming, shut, happening, held]) {
        expect(href(el, forum), forum.status).to.equal(`/forums/${encodeURIComponent(forum.id)}`);
        expect(looksLikeALink(title(el, forum))).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('list view', () => {
    it('groups the month’s forums by day, and is the default in a narrow space', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 390px"><hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC}></hd-forum-calendar></div>`,
      );
      const el = wrapper.querySelector('hd-forum-calendar')!;
      await until(() => el.shadowRoot!.querySelector('[part="list"]'), 'the list view');
      await loaded(el);
      await expect(el).to.be.accessible();
      const pressed = el.shadowRoot!.querySelector('.views [aria-pressed="true"]')!;
      expect(pressed.textContent).to.equal('목록');
      const labels = [...el.shadowRoot!.querySelectorAll('.day-label')].map((d) => d.textContent!.trim());
      expect(labels[0]).to.match(/^5월 12일 \([월화수목금토일]\)$/);
      expect(labels).to.have.length(4);
      expect(el.shadowRoot!.querySelectorAll('[part="forum"]')).to.have.length(8);
      // The person may switch to the grid.
      el.shadowRoot!.querySelector<HTMLButtonElement>('.views button')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="grid"]')).to.exist;
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    });
  });

  describe('filters', () => {
    it('passes district, topic, status and q to the API and shows only what matches', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} view="list"></hd-forum-calendar>`);
      await loaded(el);
      await expect(el).to.be.accessible();
      const select = (name: number) => el.shadowRoot!.querySelectorAll('select')[name]!;

      // The district the person picks in the widget.
      const district = select(0);
      expect([...district.options].map((o) => o.value)).to.include(DISTRICT);
      requested.length = 0;
      district.value = DISTRICT;
      district.dispatchEvent(new Event('change'));
      await until(() => el.shadowRoot!.querySelectorAll('[part="forum"]').length === 1, 'one forum');
      const url = new URL(requested.find((u) => u.includes('/forums?'))!);
      expect(url.searchParams.get('district')).to.equal(DISTRICT);
      expect(url.searchParams.get('topic')).to.equal(TOPIC);
      const first = new Date(`${MONTH}-01T00:00:00Z`);
      first.setUTCDate(1 - first.getUTCDay());
      expect(url.searchParams.get('from'), 'the Sunday that starts the grid').to.equal(`${first.toISOString().slice(0, 10)}T00:00:00+09:00`);
      expect(card(el, elsewhere.id)).to.exist;
      const feed = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="feed-link"]')!;
      expect(feed.href).to.equal(getApi('/api').feedUrl({ district: DISTRICT, topic: TOPIC }));
      const ics = await (await fetch(feed.href)).text();
      expect(ics).to.contain(`다른 동네 토론회 ${RUN}`);
      expect(ics).to.not.contain(open.title);

      // Status by attribute.
      el.district = '';
      el.status = 'closed';
      await until(() => el.shadowRoot!.querySelectorAll('[part="forum"]').length === 1 && card(el, closed.id), 'the closed forum');
      expect(new URL(requested.at(-1)!).searchParams.get('status')).to.equal('closed');
      expect(select(2).value).to.equal('closed');

      // Text search, debounced, through the API's q.
      el.status = '';
      await loaded(el);
      requested.length = 0;
      const box = el.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
      box.focus();
      await sendKeys({ type: '다른 동네' });
      await until(() => el.shadowRoot!.querySelectorAll('[part="forum"]').length === 1, 'the search result');
      const searches = requested.filter((u) => new URL(u).searchParams.has('q'));
      expect(searches.map((u) => new URL(u).searchParams.get('q'))).to.deep.equal(['다른 동네']);
      expect(el.q).to.equal('다른 동네');
      expect(card(el, elsewhere.id)).to.exist;
    });
  });

  it('keeps unknown statuses and over-long filters out of the request instead of failing', async () => {
    requested.length = 0;
    const el = await fixture<HdForumCalendar>(
      html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} status="open, bogus" view="list"></hd-forum-calendar>`,
    );
    await loaded(el);
    const url = new URL(requested.find((u) => u.includes('/forums?'))!);
    expect(url.searchParams.get('status')).to.equal('open');
    expect(el.matches(':state(error)')).to.equal(false);
    expect(card(el, open.id)).to.exist;
    expect(card(el, closed.id)).to.equal(null);
  });

  describe('states', () => {
    it('empty: names the filters that produced it and clears them', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} q="없는검색어zz" view="list"></hd-forum-calendar>`);
      await loaded(el);
      await expect(el).to.be.accessible();
      expect(el.matches(':state(empty)')).to.equal(true);
      const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
      expect(notice.textContent).to.contain('조건에 맞는 토론회가 없습니다.');
      expect(notice.textContent).to.contain(`주제: ${TOPIC}`);
      expect(notice.textContent).to.contain('검색어 “없는검색어zz”');
      notice.querySelector('button')!.click();
      await until(() => el.shadowRoot!.querySelector('[part="forum"]'), 'forums again');
      expect(el.topic).to.equal('');
      expect(el.q).to.equal('');
      expect(el.matches(':state(empty)')).to.equal(false);
    });

    it('empty month without filters offers the next month', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month="${YEAR}-02" topic=${TOPIC}></hd-forum-calendar>`);
      el.topic = '';
      await loaded(el);
      await expect(el).to.be.accessible();
      // The month grid stays (a calendar with no forums is still a calendar).
      expect(el.shadowRoot!.querySelector('[role="grid"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('이 달에는 토론회가 없습니다.');
    });

    it('loading: a skeleton that keeps the height of the loaded calendar', async () => {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month="${YEAR}-07" topic=${TOPIC} style="width: 960px"></hd-forum-calendar>`);
      expect(el.matches(':state(loading)')).to.equal(true);
      expect(el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      const loadingHeight = el.getBoundingClientRect().height;
      release();
      gate = undefined;
      await loaded(el);
      el.shadowRoot!.querySelector('[part="notice"]')?.remove(); // the month is empty; compare the calendar itself
      expect(Math.abs(el.getBoundingClientRect().height - loadingHeight)).to.be.below(2);
    });

    it('error: says what went wrong and retries', async () => {
      failWith = new TypeError('Failed to fetch');
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month="${YEAR}-09" topic=${TOPIC}></hd-forum-calendar>`);
      const alert = await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error');
      await expect(el).to.be.accessible();
      expect(el.matches(':state(error)')).to.equal(true);
      expect(alert.textContent).to.contain('서버에 연결하지 못했습니다');
      failWith = undefined;
      alert.querySelector('button')!.click();
      await until(() => el.shadowRoot!.querySelector('[role="grid"]') && !el.shadowRoot!.querySelector('[role="alert"]'), 'the calendar');
      expect(el.matches(':state(error)')).to.equal(false);
    });

    it('English with lang="en"', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" lang="en" month=${MONTH} topic=${TOPIC}></hd-forum-calendar>`);
      await loaded(el);
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(`May ${YEAR}`);
      expect(el.shadowRoot!.querySelector('[role="columnheader"]')!.textContent).to.equal('Sun');
      expect(name(cell(el, `${MONTH}-23`))).to.contain('5 forums: ');
      expect(el.shadowRoot!.querySelector('.views button')!.textContent).to.equal('Month');
    });

    it('dark: follows a page that declares a dark colour scheme, at AA contrast', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="color-scheme: dark; background: #16181d"><hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC}></hd-forum-calendar></div>`,
      );
      const el = wrapper.querySelector('hd-forum-calendar')!;
      await loaded(el);
      cell(el, `${MONTH}-12`).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const surface = getComputedStyle(el.shadowRoot!.querySelector('.card')!).backgroundColor;
      expect(surface).to.equal('rgb(22, 24, 29)');
    });

    it('refetches every refresh-interval seconds while the page is visible', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} view="list" refresh-interval="1"></hd-forum-calendar>`);
      await loaded(el);
      const seats = () => card(el, open.id)!.querySelector('.seats')!.textContent;
      const before = seats();
      const client = getApi('/api');
      await client.createRegistration(open.id, await validRegistration(client, open.id));
      await until(() => seats() !== before, 'the interval refetch');
      expect(seats()).to.match(/^잔여 \d+석$/);
    });

    it('refetches seats when the page becomes visible again (no stream per forum)', async () => {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} view="list"></hd-forum-calendar>`);
      await loaded(el);
      const seats = () => card(el, elsewhere.id)!.querySelector('.seats')!.textContent;
      expect(seats()).to.equal('잔여 40석');
      const client = getApi('/api');
      await client.createRegistration(elsewhere.id, await validRegistration(client, elsewhere.id));
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => seats() === '잔여 39석', 'the new seat count');
      expect(requested.some((u) => u.includes('/events'))).to.equal(false);
    });

    it('keeps its layout inside a hostile page (content-box everywhere, 20px root font)', async () => {
      const style = document.createElement('style');
      style.textContent = 'html { font-size: 20px } * { box-sizing: content-box !important; padding: 3px; } div, p, button { font-size: 11px; line-height: 1 }';
      document.head.append(style);
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 700px"><hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC}></hd-forum-calendar></div>`);
        const el = wrapper.querySelector('hd-forum-calendar')!;
        await loaded(el);
        const grid = el.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
        expect(grid.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 1);
        const body = getComputedStyle(el.shadowRoot!.querySelector('.base')!);
        expect(parseFloat(body.fontSize)).to.be.at.least(16);
        for (const button of el.shadowRoot!.querySelectorAll('button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
      } finally {
        style.remove();
      }
    });
  });

  it('says it has no server when it has neither api-base nor a provider, but waits for a provider still loading', async () => {
    const alone = await fixture<HdForumCalendar>(html`<hd-forum-calendar month=${MONTH}></hd-forum-calendar>`);
    const notice = alone.shadowRoot!.querySelector('[part="notice"][role="alert"]');
    expect(notice?.textContent).to.contain('api-base');
    await expect(alone).to.be.accessible();
    // inside a provider whose code has not arrived yet (this page never defines it): the loading view, no alarm
    expect(customElements.get('hd-provider')).to.equal(undefined);
    const wrapper = await fixture(html`<hd-provider api-base="/api"><hd-forum-calendar month=${MONTH}></hd-forum-calendar></hd-provider>`);
    const waiting = wrapper.querySelector('hd-forum-calendar')!;
    await waiting.updateComplete;
    expect(waiting.shadowRoot!.querySelector('[part="notice"][role="alert"]')).to.equal(null);
  });

  it('prints no Lit dev-mode warning while rendering', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC}></hd-forum-calendar>`);
      await loaded(el);
      cell(el, `${MONTH}-23`).click();
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => !/Lit is in dev mode/.test(w))).to.deep.equal([]);
  });
});

