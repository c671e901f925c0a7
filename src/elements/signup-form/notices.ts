/**
 * What `<hd-signup-form>` says when the forum is not simply open: full (the form signs up for the
 * waitlist), not open yet, or closed. A separate chunk, fetched only for such a forum.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Forum } from '../../api/types.js';
import { token } from '../../styles/tokens.js';
import { forumSummary, type SignupLocalize } from './templates.js';

const ko = {
  fullNotice: (waiting: string) => `정원이 찼습니다. 지금 신청하시면 대기자 명단에 오르며(현재 대기 ${waiting}명), 자리가 나면 순서대로 참가가 확정됩니다.`,
  submitWaitlist: '대기자로 신청하기',
  notOpen: '아직 참가 신청 기간이 아닙니다.',
  opensAt: (when: string) => `참가 신청은 ${when}부터 받습니다.`,
  closed: '참가 신청이 마감되었습니다.',
};

const en: typeof ko = {
  fullNotice: (waiting) => `All seats are taken. If you sign up now you join the waitlist (${waiting} waiting) and get a place in order when one frees up.`,
  submitWaitlist: 'Join the waitlist',
  notOpen: 'Signup has not opened yet.',
  opensAt: (when) => `Signup opens on ${when}.`,
  closed: 'Signup is closed.',
};

const wordsOf = (localize: SignupLocalize) => (localize.locale === 'en' ? en : ko);

// The notice takes focus only after a retry brought it in (it is read out, not a control): no ring.
export const styles = css`
  .waitlist { --_n: ${token('color-status-waitlist')}; }
  .notice[tabindex='-1']:focus { outline: none; }
`;

/** Above the form of a full forum: signing up joins the waitlist. */
export function renderFull(localize: SignupLocalize, forum: Forum): TemplateResult {
  return html`<p class="notice waitlist" part="notice">${wordsOf(localize).fullNotice(localize.number(forum.waitlisted))}</p>`;
}

/** The submit button's words for a full forum. */
export const submitWaitlist = (localize: SignupLocalize): string => wordsOf(localize).submitWaitlist;

/** In place of the form: signup is not open yet, or closed. */
export function renderClosed(localize: SignupLocalize, forum: Forum, closed: boolean): TemplateResult {
  const words = wordsOf(localize);
  const opens = forum.signupOpensAt;
  return html`${forumSummary(localize, forum)}
    <p class="notice" part="notice" tabindex="-1" data-top>${closed ? words.closed : words.notOpen} ${!closed && opens ? words.opensAt(localize.dateTime(opens)) : nothing}</p>`;
}
