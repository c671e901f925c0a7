/**
 * Sending a signup, and what may stand in for the form after it: the offline queue (a
 * submission kept on this device and sent again, once), the server's refusals (field errors,
 * already registered, signup closed meanwhile). A separate chunk of `<hd-signup-form>`: the
 * element fetches it as soon as the person starts filling in the form, or at load only when a
 * submission waits on this device. Its words live here, in both languages.
 */
import { css, html, nothing } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError, ValidationError } from '../../api/errors.js';
import type { Forum, SignupForm } from '../../api/types.js';
import { HdSignupCompleteEvent } from '../../events/signup-complete.js';
import { HdSignupSubmitEvent } from '../../events/signup-submit.js';
import { token } from '../../styles/tokens.js';
import { errorText } from './check.js';
import type { SignupHost } from './host.js';
import { clearPending, loadPending, savePending, type Pending } from './store.js';
import { buildInput, fieldKeys, validateField } from './validate.js';
import type { ErrorCode } from './values.js';

const ko = {
  pendingTitle: '신청서를 아직 보내지 못했습니다',
  pendingBody: '인터넷 연결이 끊겨 신청서를 이 기기에 임시로 저장했습니다. 연결되면 자동으로 다시 보냅니다. 같은 신청이 두 번 접수되지는 않습니다.',
  retryNow: '지금 다시 보내기',
  discard: '보내지 않고 삭제하기',
  alreadyTitle: '이미 신청하셨습니다',
  alreadyBody: '이 연락처로 이 토론회에 이미 참가 신청이 되어 있습니다. 신청 내용은 신청할 때 받은 취소 링크로 확인하실 수 있습니다.',
  editForm: '입력 내용 고치기',
};

const en: typeof ko = {
  pendingTitle: 'Your signup has not been sent yet',
  pendingBody: 'The connection dropped, so your signup is saved on this device for now. It is sent again by itself when you are back online, and it will never be taken twice.',
  retryNow: 'Send now',
  discard: 'Delete without sending',
  alreadyTitle: 'You have already signed up',
  alreadyBody: 'This contact is already signed up for this forum. Use the cancel link you got when you signed up to check it.',
  editForm: 'Change what I entered',
};

const words = (h: SignupHost) => (h.l.locale === 'en' ? en : ko);

// Headings that take focus (a new view's heading) are only read out (GOV.UK): no ring, they are not controls.
export const styles = css`
  h2[tabindex='-1']:focus, h3[tabindex='-1']:focus { outline: none; }
  .actions { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: center; }
  .pending { --_n: ${token('color-status-closing')}; }
  .link { border-color: transparent; background: none; text-decoration: underline; }
`;

/** Each element's submission in flight or waiting (in memory; on the device only while pending). */
const pendings = new WeakMap<SignupHost, Pending>();

/**
 * A valid form is submitted (the element checked it and holds `inflight`): `hd-signup-submit`,
 * then, unless the page cancels it, off it goes.
 */
export function submit(h: SignupHost, form: SignupForm): void {
  const input = buildInput(h.values, form);
  // A copy: the host sees exactly what is sent but cannot change it.
  const event = new HdSignupSubmitEvent({ forumId: h.forumId, input: structuredClone(input) });
  h.dispatchEvent(event);
  if (event.defaultPrevented) {
    h.inflight = false;
    h.phase = 'form';
    return;
  }
  void send(h, { v: 1, key: newIdempotencyKey(), body: input, values: h.values, savedAt: Date.now() });
}

/** Sends a submission (the caller checked that none is in flight). */
export async function send(h: SignupHost, p: Pending): Promise<void> {
  const client = h.client;
  const forumId = h.forumId;
  if (!client) return void (h.inflight = false);
  h.inflight = true;
  h.lazy('views', true); // the confirmation, fetched while the request is on its way
  pendings.set(h, p);
  h.phase = 'sending';
  h.announce = h.l.t.sending;
  try {
    const receipt = await client.createRegistration(forumId, p.body, { idempotencyKey: p.key });
    done(h, client.baseUrl, forumId);
    h.receipt = receipt;
    h.phase = 'done';
    h.focusNext = 'top';
    h.announce = '';
    const { cancelToken: _secret, id, ...rest } = receipt;
    const complete = new HdSignupCompleteEvent({ ...rest, registrationId: id });
    h.dispatchEvent(complete);
  } catch (error) {
    h.announce = '';
    if (error instanceof ApiError && !error.transient) {
      done(h, client.baseUrl, forumId);
      refused(h, error);
    } else {
      savePending(client.baseUrl, forumId, p);
      h.phase = 'pending';
      h.general = h.l.error(error);
      h.focusNext = 'top';
    }
  } finally {
    h.inflight = false;
  }
}

/** Sends the waiting submission again (the browser is back online, or the person asked). */
export function retry(h: SignupHost): void {
  const p = pendings.get(h);
  if (p && !h.inflight) void send(h, p);
}

/** After a reload: a submission that did not get through is restored and sent again. */
export function resume(h: SignupHost, baseUrl: string, forumId: string): void {
  if (h.phase !== 'form' || h.inflight) return;
  const p = loadPending(baseUrl, forumId);
  if (!p) return;
  h.values = p.values;
  void send(h, p);
}

/** The submission is settled one way or the other: forget the stored copy. */
function done(h: SignupHost, baseUrl: string, forumId: string): void {
  clearPending(baseUrl, forumId);
  pendings.delete(h);
}

function refused(h: SignupHost, error: ApiError): void {
  h.phase = 'form';
  if (error.code === 'already-registered') {
    h.phase = 'already';
    h.focusNext = 'top';
    return;
  }
  if (error.code === 'signup-closed' || error.code === 'signup-not-open') {
    void h.load.run(); // the forum's state changed: show it
    return;
  }
  const form = h.form;
  const errors: Record<string, ErrorCode> = {};
  let general = '';
  if (error instanceof ValidationError && form) {
    const keys = fieldKeys(h.values, form);
    for (const fe of error.problem?.errors ?? Object.keys(error.fieldErrors).map((field) => ({ field, code: 'invalid' }))) {
      const key = fieldOfPath(fe.field, keys);
      if (fe.field === 'consentVersion') {
        general = errorText(h, 'form');
        void h.load.run();
      } else if (!key) general ||= errorText(h, 'invalid');
      else errors[key] ??= validateField(key, h.values, form) ?? (fe.code === 'too_long' ? 'long' : 'invalid');
    }
  } else general = h.l.error(error);
  if (!general && !Object.keys(errors).length) general = errorText(h, 'invalid');
  h.errors = errors;
  h.general = general;
  h.summary = true;
  h.focusNext = Object.keys(errors)[0] ?? 'summary';
}

/** The form field a server error path (`contact.value`, `answers.q1`, `guardian`) belongs to, or ''. */
function fieldOfPath(path: string, keys: string[]): string {
  let key = path.replace(/\.(value|kind)$/, '');
  if (key === 'guardian') key = 'guardian.name';
  if (key === 'accessibility' || key.startsWith('accessibility.')) key = 'accessibility';
  return keys.includes(key) ? key : '';
}

/** Above the form while a submission waits on this device. */
export function renderPending(h: SignupHost) {
  const t = words(h);
  const discard = () => {
    done(h, h.client?.baseUrl ?? '', h.forumId);
    h.phase = 'form';
    h.general = '';
  };
  return html`<section class="notice pending" part="notice">
    <h3 tabindex="-1" data-top>${t.pendingTitle}</h3>
    <p>${t.pendingBody}</p>
    ${h.general ? html`<p>${h.general}</p>` : nothing}
    <div class="actions">
      <button type="button" part="button" class="secondary" @click=${() => retry(h)}>${t.retryNow}</button>
      <button type="button" part="button" class="link" @click=${discard}>${t.discard}</button>
    </div>
  </section>`;
}

/** In place of the form: this contact is already signed up for this forum. */
export function renderAlready(h: SignupHost, forum: Forum) {
  const t = words(h);
  return html`${h.renderForum(forum)}
    <section class="notice" part="notice">
      <h2 tabindex="-1" data-top>${t.alreadyTitle}</h2>
      <p>${t.alreadyBody}</p>
      <button type="button" part="button" class="secondary" @click=${() => ((h.phase = 'form'), (h.focusNext = 'contact'))}>${t.editForm}</button>
    </section>`;
}
