/**
 * What `<hd-signup-form>` shows after the form: the confirmation (code, QR code, calendar, cancel
 * link) and the cancel-link view (the registration, confirm, cancelled) with what it does (look
 * the registration up, cancel it, follow a waitlist place). A separate chunk: the element fetches
 * it while the person fills in the form (or at once for a cancel link), so a page that only shows
 * the form loads less. Its words and styles live here, its words in both languages.
 */
import { css, html, nothing, svg, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import { ConflictError, UnauthorizedError, type ApiError } from '../../api/errors.js';
import { displayStatus } from '../../api/forum-status.js';
import type { Forum, RegistrationReceipt, RegistrationStatus } from '../../api/types.js';
import type { ApiController } from '../../controllers/api-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { HdSignupCancelEvent } from '../../events/signup-cancel.js';
import { token } from '../../styles/tokens.js';
import { qrShape, type QrShape } from './qr.js';
import { failureView, loadingView, whenAndWhere, type SignupLocalize } from './templates.js';

const num = (value: number, locale: string) => value.toLocaleString(locale);

const ko = {
  confirmedTitle: '참가 신청이 확정되었습니다',
  waitlistedTitle: '대기자로 접수되었습니다',
  position: (p: number) => `대기 순번 ${num(p, 'ko')}번`,
  waitlistBody: '자리가 나면 신청하신 순서대로 참가가 확정됩니다. 이 화면을 열어 두시면 확정될 때 바로 알려 드립니다.',
  code: '신청 번호',
  qrLabel: (code: string) => `신청 번호 ${code}의 QR 코드`,
  qrHint: '토론회 당일 입구에서 이 QR 코드나 신청 번호를 보여 주세요.',
  addToCalendar: '내 캘린더에 추가(.ics)',
  cancelLinkTitle: '신청 취소 링크',
  cancelLinkHint: '신청을 확인하거나 취소할 때 이 링크를 쓰세요. 다시 보여 드리지 않으니 북마크하거나 복사해 두세요. 다른 사람에게 알려 주지 마세요.',
  cancelLink: '신청 확인·취소 링크',
  copy: '링크 복사',
  copied: '링크를 복사했습니다.',
  manageTitle: '참가 신청 확인',
  outcome: '신청 상태',
  outcomes: { confirmed: '참가 확정', waitlisted: '대기', cancelled: '취소됨' } as Record<string, string>,
  applicant: '신청자',
  cancel: '참가 신청 취소하기',
  confirmCancelTitle: '참가 신청을 취소하시겠습니까?',
  confirmCancelBody: '취소하면 되돌릴 수 없으며, 자리는 대기 중인 다음 분께 넘어갑니다.',
  confirmCancel: '네, 취소합니다',
  keep: '아니요, 유지합니다',
  cancelling: '취소하는 중입니다…',
  cancelledTitle: '참가 신청을 취소했습니다',
  cancelledBody: '신청 정보는 보유 기간이 지나면 파기됩니다.',
  signupAgain: '새로 신청하기',
  badLink: '취소 링크가 올바르지 않거나 더 이상 쓸 수 없습니다.',
  pastForum: '이미 진행된 토론회는 취소할 수 없습니다.',
};

const en: typeof ko = {
  confirmedTitle: 'Your place is confirmed',
  waitlistedTitle: 'You are on the waitlist',
  position: (p) => `Number ${num(p, 'en')} on the waitlist`,
  waitlistBody: 'Places are given in order when they free up. Keep this page open and we will show you as soon as your place is confirmed.',
  code: 'Registration code',
  qrLabel: (code) => `QR code of registration ${code}`,
  qrHint: 'Show this QR code or the registration code at the door.',
  addToCalendar: 'Add to my calendar (.ics)',
  cancelLinkTitle: 'Cancel link',
  cancelLinkHint: 'Use this link to check or cancel your signup. It is shown only once: bookmark or copy it, and do not share it.',
  cancelLink: 'Check or cancel my signup',
  copy: 'Copy link',
  copied: 'Link copied.',
  manageTitle: 'Your signup',
  outcome: 'Status',
  outcomes: { confirmed: 'Confirmed', waitlisted: 'Waitlist', cancelled: 'Cancelled' },
  applicant: 'Name',
  cancel: 'Cancel my signup',
  confirmCancelTitle: 'Cancel your signup?',
  confirmCancelBody: 'This cannot be undone; your place goes to the next person on the waitlist.',
  confirmCancel: 'Yes, cancel it',
  keep: 'No, keep it',
  cancelling: 'Cancelling…',
  cancelledTitle: 'Your signup is cancelled',
  cancelledBody: 'Your details are destroyed when the retention period ends.',
  signupAgain: 'Sign up again',
  badLink: 'This cancel link is not valid or can no longer be used.',
  pastForum: 'A forum that has already taken place cannot be cancelled.',
};

// Headings that take focus (a new view's heading) are only read out (GOV.UK): no ring, they are not controls.
export const styles = css`
  h2[tabindex='-1']:focus, h3[tabindex='-1']:focus { outline: none; }
  a { color: ${token('color-accent')}; }
  .actions { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: center; }
  .compact, .cancel-link, .confirm { border: 1px solid ${token('color-border')}; border-radius: ${token('radius')}; padding: ${token('space-m')}; }
  .position, a.button { font-weight: 700; }
  a.button {
    display: inline-flex; align-items: center; justify-content: center; margin: 0; text-decoration: none;
    padding: ${token('space-s')} ${token('space-l')}; border-radius: ${token('radius-small')}; border: 2px solid ${token('color-accent')};
    background: ${token('color-surface')}; color: ${token('color-accent')};
  }
  .danger { --_b: ${token('color-danger')}; }
  .outcome { background: var(--_panel); color: ${token('color-on-accent')}; border-radius: ${token('radius')}; padding: ${token('space-l')}; margin-block-end: ${token('space-l')}; text-align: center; }
  .outcome.waitlisted { background: ${token('color-status-waitlist')}; }
  .outcome.cancelled { background: ${token('color-status-finished')}; }
  .outcome h2 { margin: 0; }
  .position { font-size: 1.25em; margin: ${token('space-s')} 0 0; }
  .ticket { display: grid; justify-items: center; gap: ${token('space-s')}; margin-block-end: ${token('space-l')}; }
  .code strong { font-size: 1.5em; letter-spacing: 0.05em; margin-inline-start: 0.25em; }
  .qr { inline-size: min(14em, 70vw); block-size: auto; aspect-ratio: 1; }
  .cancel-link, .confirm { margin-block: ${token('space-l')}; }
  .confirm { border: 2px solid ${token('color-danger')}; }
`;

const wordsOf = (localize: SignupLocalize) => (localize.locale === 'en' ? en : ko);

type Mine = Pick<RegistrationStatus, 'code' | 'outcome' | 'waitlistPosition'>;

/** QR codes drawn so far (or on their way: true once drawn), by registration code. */
const shapes = new Map<string, QrShape | Promise<boolean>>();

/**
 * The QR code of `code`, or undefined while `uqr` draws it (then `host` re-renders). One that
 * could not be drawn (its chunk did not load) is tried again on a later render.
 */
function qr(host: ReactiveControllerHost, code: string): QrShape | undefined {
  let shape = shapes.get(code);
  if (!shape) {
    shape = qrShape(code).then(
      (drawn) => (shapes.set(code, drawn), true),
      () => (shapes.delete(code), false),
    );
    shapes.set(code, shape);
  }
  if (!(shape instanceof Promise)) return shape;
  void shape.then((drawn) => drawn && host.requestUpdate());
  return undefined;
}

/** The registration code, and for a confirmed place its QR code. */
function ticket(localize: SignupLocalize, host: ReactiveControllerHost, mine: Mine): TemplateResult {
  const words = wordsOf(localize);
  const shape = mine.outcome === 'confirmed' ? qr(host, mine.code) : undefined;
  const side = (shape?.size ?? 21) + 8;
  return html`<div class="ticket">
    <p class="code"><span>${words.code}</span> <strong>${mine.code}</strong></p>
    ${mine.outcome === 'confirmed'
      ? html`<svg part="qr" class="qr" role="img" aria-label=${words.qrLabel(mine.code)} viewBox="-4 -4 ${side} ${side}" shape-rendering="crispEdges">
            <rect x="-4" y="-4" width=${side} height=${side} fill="#fff"></rect>
            ${shape ? svg`<path d=${shape.d} fill="#000"></path>` : nothing}
          </svg>
          <p class="hint">${words.qrHint}</p>`
      : nothing}
  </div>`;
}

/** The forum in short, under a confirmation or a registration: title, status, when and where. */
function compact(localize: SignupLocalize, forum: Forum): TemplateResult {
  const status = displayStatus(forum);
  return html`<div class="forum compact" part="forum">
    <p class="title">${forum.title}</p>
    <p class="meta"><span class="badge badge--${status}">${localize.m.forumStatus[status]}</span></p>
    ${whenAndWhere(localize, forum)}
  </div>`;
}

/** What the confirmation shows besides the receipt. */
export interface OutcomeView {
  localize: SignupLocalize;
  /** Re-rendered when the QR code is drawn. */
  host: ReactiveControllerHost;
  forum: Forum | undefined;
  /** The forum's `.ics` file. */
  icsUrl: string;
  /** Read out by screen readers. */
  announce: (text: string) => void;
}

/** Confirmed or waitlisted, right after signing up. */
export function renderOutcome(view: OutcomeView, receipt: RegistrationReceipt): TemplateResult {
  const words = wordsOf(view.localize);
  const confirmed = receipt.outcome === 'confirmed';
  // The cancel link: this page with the token in the fragment, which never reaches a server or a log.
  const link = new URL(location.href);
  link.hash = `cancel=${encodeURIComponent(receipt.cancelToken)}`;
  const copy = () => navigator.clipboard?.writeText(link.href).then(() => view.announce(words.copied));
  return html`<section class="outcome ${confirmed ? 'confirmed' : 'waitlisted'}" part="outcome">
      <h2 tabindex="-1" data-top>${confirmed ? words.confirmedTitle : words.waitlistedTitle}</h2>
      ${!confirmed && receipt.waitlistPosition ? html`<p class="position">${words.position(receipt.waitlistPosition)}</p>` : nothing}
    </section>
    ${!confirmed ? html`<p>${words.waitlistBody}</p>` : nothing} ${ticket(view.localize, view.host, receipt)}
    ${view.forum ? compact(view.localize, view.forum) : nothing}
    <p><a class="button secondary" part="button" href=${view.icsUrl} download>${words.addToCalendar}</a></p>
    <section class="cancel-link">
      <h3>${words.cancelLinkTitle}</h3>
      <p class="hint">${words.cancelLinkHint}</p>
      <p><a href=${link.href}>${words.cancelLink}</a></p>
      <button type="button" part="button" class="secondary" @click=${copy}>${words.copy}</button>
    </section>`;
}

export interface ManageOptions {
  localize: SignupLocalize;
  /** The widget's backend. */
  api: ApiController;
  /** The registration's cancel token. */
  cancelToken: () => string;
  /** What to focus after the next render: `top` (the view's heading) or `confirm`. */
  focus: (target: string) => void;
  /** The person signs up again for this forum after cancelling. */
  signupAgain: (forumId: string, forum: Forum | undefined) => void;
}

type Step = 'view' | 'confirm' | 'cancelling' | 'cancelled';

/**
 * `Manage`: opened from a cancel link (`cancel-token`): the registration, then confirm, then
 * cancelled. A reactive controller, one per element, made when the element first has a token and
 * this chunk is in; it owns the registration, the forum it is for and the step.
 */
export class Manage {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: ManageOptions;
  #registration: RegistrationStatus | undefined;
  #forum: Forum | undefined;
  #step: Step = 'view';
  /** Why the last cancel failed. */
  #general = '';
  readonly #task: LoadTask<readonly [ApiClient | undefined, string], RegistrationStatus | undefined>;

  constructor(host: ReactiveControllerHost & EventTarget, options: ManageOptions) {
    this.#host = host;
    this.#options = options;
    this.#task = new LoadTask(host, {
      task: async ([client, cancelToken], { signal }) => {
        if (!client || !cancelToken) return undefined;
        const registration = await client.getMyRegistration(cancelToken, { signal });
        this.#registration = registration;
        this.#step = registration.outcome === 'cancelled' ? 'cancelled' : 'view';
        this.#forum = await client.getForum(registration.forumId, { signal }).catch(() => undefined);
        return registration;
      },
      args: () => [options.api.value?.client, options.cancelToken()] as const,
    });
  }

  /** The forum whose live events matter: a waitlist place may move. */
  followed(): string | undefined {
    return this.#registration?.outcome === 'waitlisted' ? this.#registration.forumId : undefined;
  }

  /** The element's custom state (`:state(…)`). */
  state(): string {
    if (this.#task.status === 'error') return 'error';
    return this.#registration ? (this.#step === 'cancelled' ? 'cancelled' : 'manage') : 'loading';
  }

  /** Another cancel link was opened: back to the registration's view. */
  restart(): void {
    this.#step = 'view';
  }

  /** The forum changed (a live event). */
  forumUpdated(forum: Forum): void {
    if (forum.id !== this.#forum?.id) return;
    this.#forum = forum;
    this.#host.requestUpdate();
  }

  /** A live event about the forum (a waitlist place may have moved). */
  async refresh(): Promise<void> {
    const client = this.#options.api.value?.client;
    const cancelToken = this.#options.cancelToken();
    if (!client || !cancelToken) return;
    try {
      this.#registration = await client.getMyRegistration(cancelToken);
      this.#host.requestUpdate();
    } catch {
      // the next event or poll tries again
    }
  }

  #go(step: Step, focus = ''): void {
    this.#step = step;
    if (focus) this.#options.focus(focus);
    this.#host.requestUpdate();
  }

  async #cancel(): Promise<void> {
    const client = this.#options.api.value?.client;
    if (!client || this.#step !== 'confirm') return;
    this.#general = '';
    this.#go('cancelling');
    try {
      const registration = await client.cancelMyRegistration(this.#options.cancelToken());
      this.#registration = registration;
      this.#go('cancelled', 'top');
      this.#host.dispatchEvent(new HdSignupCancelEvent({ forumId: registration.forumId, registrationId: registration.id, code: registration.code }));
    } catch (error) {
      const words = wordsOf(this.#options.localize);
      this.#general = error instanceof ConflictError ? words.pastForum : error instanceof UnauthorizedError ? words.badLink : this.#options.localize.error(error);
      this.#go('view', 'top');
    }
  }

  #signupAgain(): void {
    const forumId = this.#registration?.forumId ?? '';
    this.#registration = undefined;
    this.#options.signupAgain(forumId, this.#forum);
  }

  render(): TemplateResult {
    const localize = this.#options.localize;
    const words = wordsOf(localize);
    const registration = this.#registration;
    if (!registration) {
      const error = this.#task.status === 'error' ? (this.#task.error as ApiError) : undefined;
      if (!error) return loadingView(localize);
      return error.kind === 'unauthorized' || error.kind === 'forbidden'
        ? html`<p class="notice error-box" part="notice" role="alert">${words.badLink}</p>`
        : failureView(localize, () => this.#task.run(), error);
    }
    const forum = this.#forum;
    if (this.#step === 'cancelled') {
      return html`<section class="outcome cancelled" part="outcome">
          <h2 tabindex="-1" data-top>${words.cancelledTitle}</h2>
        </section>
        <p>${words.cancelledBody}</p>
        ${forum ? compact(localize, forum) : nothing}
        ${forum && (forum.status === 'open' || forum.status === 'full')
          ? html`<button type="button" part="button" class="secondary" @click=${() => this.#signupAgain()}>${words.signupAgain}</button>`
          : nothing}`;
    }
    const busy = this.#step === 'cancelling';
    return html`<h2 tabindex="-1" data-top>${words.manageTitle}</h2>
      ${this.#general ? html`<p class="notice error-box" part="notice" role="alert">${this.#general}</p>` : nothing}
      ${forum ? compact(localize, forum) : nothing}
      <dl class="mine">
        <div><dt>${words.applicant}</dt><dd>${registration.name}</dd></div>
        <div>
          <dt>${words.outcome}</dt>
          <dd>${words.outcomes[registration.outcome]}${registration.waitlistPosition ? html` · ${words.position(registration.waitlistPosition)}` : nothing}</dd>
        </div>
      </dl>
      ${ticket(localize, this.#host, registration)}
      ${this.#step === 'view'
        ? html`<button type="button" part="button" class="secondary danger" @click=${() => this.#go('confirm', 'confirm')}>${words.cancel}</button>`
        : html`<section class="confirm" part="notice" aria-labelledby="f-confirm">
            <h3 id="f-confirm" tabindex="-1">${words.confirmCancelTitle}</h3>
            <p>${words.confirmCancelBody}</p>
            <div class="actions">
              <button type="button" part="button" class="primary danger" ?disabled=${busy} @click=${() => this.#cancel()}>${busy ? words.cancelling : words.confirmCancel}</button>
              <button type="button" part="button" class="secondary" ?disabled=${busy} @click=${() => this.#go('view')}>${words.keep}</button>
            </div>
          </section>`}`;
  }
}
