/**
 * The forum cards cannot be fetched (the connection dropped after the calendar loaded; here: the
 * page's Content-Security-Policy turned strict, the one way a page can refuse a module for good):
 * an opened day and the list view say what went wrong, with a retry that keeps the keyboard —
 * never an empty panel or a list skeleton for ever. This file runs in a page of its own (the policy
 * cannot be lifted again).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/hd-forum-calendar.js';
import type { HdForumCalendar } from '../../../src/elements/forum-calendar/forum-calendar.js';
import type { ForumAdmin } from '../../../src/api/types.js';
import { admin, until } from '../helpers/server.js';

const $ = (el: HdForumCalendar, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const RUN = Math.random().toString(36).slice(2, 8);
const MONTH = `${2060 + Math.floor(Math.random() * 40)}-08`;
const TOPIC = `조각-${RUN}`;
const loaded = (el: HdForumCalendar) => until(() => el.matches(':not(:state(loading))') && $(el, '[role="grid"][aria-busy="false"]'), 'the forums');

describe('<hd-forum-calendar> when the cards cannot be fetched', () => {
  before(async () => {
    await admin<ForumAdmin>('POST', '/forums', {
      title: `조각 실패 시험 ${RUN}`,
      summary: '카드 조각을 불러오지 못하는 경우의 시험입니다.',
      topics: [TOPIC],
      district: '금곡동',
      venue: { name: '남양주시청 다산홀', address: '경기도 남양주시 경춘로 1037' },
      startsAt: `${MONTH}-05T19:00:00+09:00`,
      endsAt: `${MONTH}-05T21:00:00+09:00`,
      capacity: 30,
    });
  });

  it('shows an error with a retry in the day panel and the list view, and keeps the keyboard on the retry', async () => {
    const el = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} style="width: 960px"></hd-forum-calendar>`);
    await loaded(el);
    await expect(el).to.be.accessible(); // (also loads the accessibility checker while scripts still may load)
    const csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = "script-src 'none'";
    document.head.append(csp);

    $(el, `[data-day="${MONTH}-05"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const alert = await until(() => $(el, '[part="day-panel"] [role="alert"]'), 'the error in the day panel');
    expect(alert.querySelector('button')!.textContent).to.equal('다시 시도');
    expect(el.shadowRoot!.activeElement!.id, 'the day’s heading has the keyboard').to.equal('panel-title');
    await expect(el).to.be.accessible();

    alert.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const again = await until(() => $(el, '[part="day-panel"] [role="alert"] button'), 'the error again');
    await until(() => el.shadowRoot!.activeElement === again, 'the new retry focused');

    // The list view says the same in the list's place; the month grid still works.
    $(el, '.views button:last-child')!.click();
    await el.updateComplete;
    const listAlert = await until(() => $(el, '.body [role="alert"]'), 'the error in the list’s place');
    expect(listAlert.textContent).to.contain('다시 시도');
    expect($(el, '.skeleton'), 'no skeleton left spinning').to.equal(null);
    $(el, '.views button')!.click();
    await el.updateComplete;
    expect($(el, '[role="grid"]')).to.exist;
  });
});
