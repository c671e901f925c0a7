/**
 * The "done when" path starts here: on the demo home page (its real HTML and script, against
 * the reference server with the demo seed) a new resident finds an upcoming open forum in the
 * calendar and follows its signup link.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getApi } from '../../../src/api/registry.js';
import '../../../src/define/hd-provider.js';
import '../../../src/define/hd-forum-calendar.js';
import type { HdForumCalendar } from '../../../src/elements/forum-calendar/forum-calendar.js';
import { demoInfo, until } from '../helpers/server.js';

describe('demo home page: calendar → signup', () => {
  let page: Document;
  let main: HTMLElement;

  before(async () => {
    const source = await (await fetch('/demo/index.html')).text();
    page = new DOMParser().parseFromString(source, 'text/html');
    main = document.importNode(page.querySelector('main')!, true);
    document.body.append(main);
    await import('../../../demo/index.js');
  });
  after(() => main.remove());

  it('links the site sections: signup, venue and results', () => {
    const links = [...page.querySelectorAll<HTMLAnchorElement>('nav.section-nav a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members(['/demo/signup.html', '/demo/venue.html', '/demo/results.html']);
    expect(page.querySelector('#upcoming-list'), 'the plain lists are gone').to.equal(null);
  });

  it('a resident finds the open forum and its signup link points at the signup page', async () => {
    const { demo } = await demoInfo();
    const forum = await getApi('/api').getForum(demo.openForumId);
    const calendar = main.querySelector<HdForumCalendar>('hd-forum-calendar')!;
    expect(calendar.getAttribute('signup-href')).to.equal('/demo/signup.html?forum={id}');
    const root = calendar.shadowRoot!;
    await until(() => root.querySelector('[role="grid"][aria-busy="false"], [part="list"]'), 'the calendar');
    await expect(calendar).to.be.accessible();

    // Like a person: press "next month" until the forum's day shows it (bounded), then open the day.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(forum.startsAt));
    for (let i = 0; i < 24 && calendar.month !== day.slice(0, 7); i++) {
      root.querySelectorAll<HTMLButtonElement>('.nav button')[1]!.click();
      await calendar.updateComplete;
    }
    const cell = await until(() => root.querySelector<HTMLElement>(`[data-day="${day}"].has`), 'the forum’s day');
    expect(cell.querySelector('.visually-hidden')!.textContent).to.contain(forum.title);
    cell.focus();
    await sendKeys({ press: 'Enter' });
    const link = await until(() => root.querySelector<HTMLAnchorElement>(`[data-forum-id="${forum.id}"] a[part~="forum-link"]`), 'the signup link');
    expect(link.textContent).to.equal(forum.title);
    expect(new URL(link.href).pathname + new URL(link.href).search).to.equal(`/demo/signup.html?forum=${encodeURIComponent(forum.id)}`);
    // What the plain list used to show: date and time in Asia/Seoul, place, status, seats, .ics.
    const item = root.querySelector<HTMLElement>(`[data-forum-id="${forum.id}"]`)!;
    expect(item.querySelector('[part="status"]')!.textContent).to.be.oneOf(['모집 중', '마감 임박']);
    expect(item.textContent).to.match(/\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) (오전|오후) \d{1,2}:\d{2}/);
    expect(item.textContent).to.contain(forum.district);
    expect(item.querySelector('[part="map-link"]')!.textContent).to.contain(forum.venue.name);
    expect(item.querySelector('.seats')!.textContent).to.match(/^잔여 [\d,]+석$|^잔여 좌석 없음$/);
    expect(item.querySelector<HTMLAnchorElement>('[part="ics-link"]')!.href).to.equal(`${location.origin}/api/forums/${forum.id}/calendar.ics`);
    await expect(calendar).to.be.accessible();
  });

  it('links past forums to their results, not to signup', async () => {
    const calendar = main.querySelector<HdForumCalendar>('hd-forum-calendar')!;
    const root = calendar.shadowRoot!;
    calendar.view = 'list';
    let status: Element | null = null;
    for (let i = 0; i < 24 && !status; i++) {
      root.querySelectorAll<HTMLButtonElement>('.nav button')[0]!.click();
      await until(() => root.querySelector('[part="list"]:not(.skeleton), [part="notice"]'), 'a month');
      status = [...root.querySelectorAll('[part="status"]')].find((s) => ['종료', '결과 공개'].includes(s.textContent!)) ?? null;
    }
    expect(status, 'a past forum within two years').to.exist;
    const card = status!.closest<HTMLElement>('[part="forum"]')!;
    const link = card.querySelector<HTMLAnchorElement>('a[part~="forum-link"]')!;
    expect(link.getAttribute('href')).to.equal(`/demo/results.html?forum=${encodeURIComponent(card.dataset['forumId']!)}`);
  });
});
