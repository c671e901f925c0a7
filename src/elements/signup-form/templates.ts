/**
 * Templates that `<hd-signup-form>` and its later parts share: the forum's summary with when and
 * where, the loading state, and an error with a retry. Each takes the words it speaks and what it
 * shows, nothing of the element.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { displayStatus, seatsLeft } from '../../api/forum-status.js';
import type { Forum } from '../../api/types.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { SignupMessages } from './messages.js';

/** The signup form's words: its own (`t`), the shared ones (`m`), formatters and error texts. */
export type SignupLocalize = LocalizeController<SignupMessages>;

/** When and where the forum takes place (a `<dl>`). */
export function whenAndWhere(localize: SignupLocalize, forum: Forum): TemplateResult {
  const words = localize.t;
  return html`<dl>
    <div><dt>${words.when}</dt><dd>${localize.dateRange(forum.startsAt, forum.endsAt)}</dd></div>
    <div><dt>${words.where}</dt><dd>${forum.venue.name} (${forum.venue.address})</dd></div>
  </dl>`;
}

/** The forum's summary above the form: title, status and seats, when and where, what it is about. */
export function forumSummary(localize: SignupLocalize, forum: Forum): TemplateResult {
  const status = displayStatus(forum);
  return html`<div class="forum" part="forum">
    <h2 class="title">${forum.title}</h2>
    <p class="meta">
      <span class="badge badge--${status}">${localize.m.forumStatus[status]}</span>
      ${status === 'open' || status === 'closing' ? html`<span>${localize.t.seats(seatsLeft(forum), forum.capacity)}</span>` : nothing}
    </p>
    ${whenAndWhere(localize, forum)}
    ${forum.summary ? html`<p class="about">${forum.summary}</p>` : nothing}
  </div>`;
}

export function loadingView(localize: SignupLocalize): TemplateResult {
  return html`<div class="skeleton" aria-busy="true"><p>${localize.m.common.loading}</p></div>`;
}

/**
 * An error with a retry. `partFailed`: a part's code could not be fetched (a network problem, or
 * offline), which the person is told in those words rather than the error's.
 */
export function failureView(localize: SignupLocalize, retry: () => unknown, error: unknown, partFailed = false): TemplateResult {
  return html`<div class="notice error-box" part="notice" role="alert">
    <p>${partFailed && navigator.onLine ? localize.m.errors.network : localize.error(error)}</p>
    <button type="button" part="button" class="secondary" @click=${retry}>${localize.m.common.retry}</button>
  </div>`;
}
