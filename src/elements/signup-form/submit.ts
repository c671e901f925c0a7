/**
 * `Submission`: sending a signup, and what may stand in for the form after it — the offline queue
 * (a submission kept on this device and sent again, once), the server's refusals (field errors,
 * already registered, signup closed meanwhile) and the receipt. A controller in a
 * separate chunk of `<hd-signup-form>`: the element fetches it as soon as the person starts filling
 * in the form (with the check chunk), or at load only when a submission waits on this device, and
 * makes one `Submission` when it first needs it, which owns the phase, the receipt and the
 * submission in flight and asks the element to re-render when they change. Its words live here, in
 * both languages.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError, ValidationError } from '../../api/errors.js';
import type { RegistrationReceipt, SignupForm } from '../../api/types.js';
import type { ApiController } from '../../controllers/api-controller.js';
import { HdSignupCompleteEvent } from '../../events/signup-complete.js';
import { HdSignupSubmitEvent } from '../../events/signup-submit.js';
import { token } from '../../styles/tokens.js';
import { errorText } from './check.js';
import type { SignupEntry } from './entry.js';
import { clearPending, loadPending, savePending, type Pending } from './store.js';
import type { SignupLocalize } from './templates.js';
import { buildInput, fieldKeys, validate, validateField } from './validate.js';
import type { ErrorCode } from './values.js';

const ko = {
  pendingTitle: '신청서를 아직 보내지 못했습니다',
  pendingBody: '인터넷 연결이 끊겨 신청서를 이 기기에 임시로 저장했습니다. 연결되면 자동으로 다시 보냅니다. 같은 신청이 두 번 접수되지는 않습니다.',
  retryNow: '지금 다시 보내기',
  discard: '보내지 않고 삭제하기',
  alreadyTitle: '이미 신청하셨습니다',
  alreadyBody: '이 연락처로 이 토론회에 이미 참가 신청이 되어 있습니다. 신청 내용은 신청할 때 받은 취소 링크로 확인하실 수 있습니다.',
  editForm: '입력 내용 고치기',
  promoted: '대기에서 참가 확정으로 바뀌었습니다.',
};

const en: typeof ko = {
  pendingTitle: 'Your signup has not been sent yet',
  pendingBody: 'The connection dropped, so your signup is saved on this device for now. It is sent again by itself when you are back online, and it will never be taken twice.',
  retryNow: 'Send now',
  discard: 'Delete without sending',
  alreadyTitle: 'You have already signed up',
  alreadyBody: 'This contact is already signed up for this forum. Use the cancel link you got when you signed up to check it.',
  editForm: 'Change what I entered',
  promoted: 'You have moved from the waitlist to a confirmed place.',
};

const wordsOf = (localize: SignupLocalize) => (localize.locale === 'en' ? en : ko);

// Headings that take focus (a new view's heading) are only read out (GOV.UK): no ring, they are not controls.
export const styles = css`
  h2[tabindex='-1']:focus, h3[tabindex='-1']:focus { outline: none; }
  .actions { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: center; }
  .pending { --_n: ${token('color-status-closing')}; }
  .link { border-color: transparent; background: none; text-decoration: underline; }
`;

/**
 * Where the submission stands: `form` (being filled in), `sending`, `pending` (kept on this device
 * until it can be sent), `done` (the receipt is in) or `already` (this contact signed up before).
 */
export type Phase = 'form' | 'sending' | 'pending' | 'done' | 'already';

export interface SubmissionOptions {
  /** What was entered; the submission reports the problems it finds there. */
  entry: SignupEntry;
  localize: SignupLocalize;
  /** The widget's backend. */
  api: ApiController;
  forumId: () => string;
  /** The element's load of the forum and its form: the form once loaded, and `run()` to fetch both again. */
  data: { readonly value: SignupForm | undefined; run(): Promise<void> };
  /** What to focus after the next render: a field key, `top` (the view's heading) or `summary`. */
  focus: (target: string) => void;
  /** Read out by screen readers (a polite live region). */
  announce: (text: string) => void;
  /** A receipt is on its way: fetch the confirmation's code ahead. */
  prefetchReceipt: () => void;
}

export class Submission {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: SubmissionOptions;
  #phase: Phase = 'form';
  #receipt: RegistrationReceipt | undefined;
  #inflight = false;
  /** The submission in flight or waiting (in memory; on the device only while pending). */
  #pending: Pending | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, options: SubmissionOptions) {
    this.#host = host;
    this.#options = options;
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** The server's receipt, once the signup went through (`phase` is `done`). */
  get receipt(): RegistrationReceipt | undefined {
    return this.#receipt;
  }

  /** A submission is on its way. */
  get inflight(): boolean {
    return this.#inflight;
  }

  #set(phase: Phase, focus = ''): void {
    this.#phase = phase;
    if (focus) this.#options.focus(focus);
    this.#host.requestUpdate();
  }

  /**
   * The form is submitted: every field is checked; with errors the summary lists them and the first
   * takes focus, otherwise `hd-signup-submit` and then, unless the page cancels it, off it goes.
   */
  submit(form: SignupForm): void {
    const { entry, focus } = this.#options;
    const errors = validate(entry.values, form);
    const first = Object.keys(errors)[0];
    entry.report({ errors, general: '', summary: !!first });
    if (first) return focus(first);
    const input = buildInput(entry.values, form);
    // A copy: the host sees exactly what is sent but cannot change it.
    const event = new HdSignupSubmitEvent({ forumId: this.#options.forumId(), input: structuredClone(input) });
    this.#host.dispatchEvent(event);
    if (event.defaultPrevented) return this.#set('form');
    void this.#send({ v: 1, key: newIdempotencyKey(), body: input, values: entry.values, savedAt: Date.now() });
  }

  /** Sends the waiting submission again (the browser is back online, or the person asked). */
  retry(): void {
    if (this.#pending && !this.#inflight) void this.#send(this.#pending);
  }

  /** After a reload: a submission that did not get through is restored and sent again. */
  resume(baseUrl: string, forumId: string): void {
    if (this.#phase !== 'form' || this.#inflight) return;
    const pending = loadPending(baseUrl, forumId);
    if (!pending) return;
    this.#options.entry.restore(pending.values);
    void this.#send(pending);
  }

  /** Starts over (a new signup after a cancelled one). */
  reset(): void {
    this.#receipt = undefined;
    this.#set('form');
  }

  /**
   * While waitlisted right after signing up (on the forum's live events): a place freed up? The
   * receipt follows the registration, and a confirmed place is read out.
   */
  async followWaitlist(): Promise<void> {
    const client = this.#options.api.value?.client;
    const receipt = this.#receipt;
    if (!client || this.#phase !== 'done' || receipt?.outcome !== 'waitlisted') return;
    try {
      const registration = await client.getMyRegistration(receipt.cancelToken);
      if (this.#receipt !== receipt) return; // a newer submission (or a reset) meanwhile
      this.#receipt = { ...receipt, outcome: registration.outcome, waitlistPosition: registration.waitlistPosition };
      this.#host.requestUpdate();
      if (registration.outcome === 'confirmed') this.#options.announce(wordsOf(this.#options.localize).promoted);
    } catch {
      // the next event or poll tries again
    }
  }

  /** Sends a submission (the caller checked that none is in flight). */
  async #send(pending: Pending): Promise<void> {
    const { api, entry, localize, announce } = this.#options;
    const client = api.value?.client;
    const forumId = this.#options.forumId();
    if (!client) return;
    this.#inflight = true;
    this.#options.prefetchReceipt(); // the confirmation, fetched while the request is on its way
    this.#pending = pending;
    this.#set('sending');
    announce(localize.t.sending);
    try {
      const receipt = await client.createRegistration(forumId, pending.body, { idempotencyKey: pending.key });
      this.#settled(client.baseUrl, forumId);
      this.#receipt = receipt;
      this.#set('done', 'top');
      announce('');
      const { cancelToken: _secret, id, ...rest } = receipt;
      this.#host.dispatchEvent(new HdSignupCompleteEvent({ ...rest, registrationId: id }));
    } catch (error) {
      announce('');
      if (error instanceof ApiError && !error.transient) {
        this.#settled(client.baseUrl, forumId);
        this.#refused(error);
      } else {
        savePending(client.baseUrl, forumId, pending);
        entry.setGeneral(localize.error(error));
        this.#set('pending', 'top');
      }
    } finally {
      this.#inflight = false;
    }
  }

  /** The submission is settled one way or the other: forget the stored copy. */
  #settled(baseUrl: string, forumId: string): void {
    clearPending(baseUrl, forumId);
    this.#pending = undefined;
  }

  #refused(error: ApiError): void {
    const { entry, data, localize, focus } = this.#options;
    const reload = () => void data.run();
    if (error.code === 'already-registered') return this.#set('already', 'top');
    this.#set('form');
    if (error.code === 'signup-closed' || error.code === 'signup-not-open') return reload(); // the forum's state changed: show it
    const form = data.value;
    const errors: Record<string, ErrorCode> = {};
    let general = '';
    if (error instanceof ValidationError && form) {
      const keys = fieldKeys(entry.values, form);
      const problems = error.problem?.errors ?? Object.keys(error.fieldErrors).map((field) => ({ field, code: 'invalid' }));
      for (const problem of problems) {
        const key = fieldOfPath(problem.field, keys);
        if (problem.field === 'consentVersion') {
          general = errorText(localize, 'form');
          reload();
        } else if (!key) general ||= errorText(localize, 'invalid');
        else errors[key] ??= validateField(key, entry.values, form) ?? (problem.code === 'too_long' ? 'long' : 'invalid');
      }
    } else general = localize.error(error);
    if (!general && !Object.keys(errors).length) general = errorText(localize, 'invalid');
    entry.report({ errors, general, summary: true });
    focus(Object.keys(errors)[0] ?? 'summary');
  }

  /** Forgets the waiting submission without sending it. */
  #discard(): void {
    this.#settled(this.#options.api.value?.baseUrl ?? '', this.#options.forumId());
    this.#options.entry.setGeneral('');
    this.#set('form');
  }

  /** Above the form while a submission waits on this device. */
  renderPending(): TemplateResult {
    const words = wordsOf(this.#options.localize);
    const general = this.#options.entry.general;
    return html`<section class="notice pending" part="notice">
      <h3 tabindex="-1" data-top>${words.pendingTitle}</h3>
      <p>${words.pendingBody}</p>
      ${general ? html`<p>${general}</p>` : nothing}
      <div class="actions">
        <button type="button" part="button" class="secondary" @click=${() => this.retry()}>${words.retryNow}</button>
        <button type="button" part="button" class="link" @click=${() => this.#discard()}>${words.discard}</button>
      </div>
    </section>`;
  }

  /** In place of the form (under the forum's summary): this contact is already signed up for this forum. */
  renderAlready(forumSummary: TemplateResult): TemplateResult {
    const words = wordsOf(this.#options.localize);
    return html`${forumSummary}
      <section class="notice" part="notice">
        <h2 tabindex="-1" data-top>${words.alreadyTitle}</h2>
        <p>${words.alreadyBody}</p>
        <button type="button" part="button" class="secondary" @click=${() => this.#set('form', 'contact')}>${words.editForm}</button>
      </section>`;
  }
}

/** The form field a server error path (`contact.value`, `answers.q1`, `guardian`) belongs to, or ''. */
function fieldOfPath(path: string, keys: string[]): string {
  let key = path.replace(/\.(value|kind)$/, '');
  if (key === 'guardian') key = 'guardian.name';
  if (key === 'accessibility' || key.startsWith('accessibility.')) key = 'accessibility';
  return keys.includes(key) ? key : '';
}
