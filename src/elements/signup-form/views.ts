/**
 * What `<hd-signup-form>` shows after the form: the confirmation (code, QR code, calendar, cancel
 * link) and the cancel-link view (the registration, confirm, cancelled) with what it does (look
 * the registration up, cancel it, follow a waitlist place). A separate chunk: the element fetches
 * it while the person fills in the form (or at once for a cancel link), so a page that only shows
 * the form loads less. Its words and styles live here, its words in both languages.
 */
import { LoadTask } from '../../controllers/load-task.js';
import { css, html, nothing, svg } from 'lit';
import { ConflictError, UnauthorizedError, type ApiError } from '../../api/errors.js';
import { displayStatus } from '../../api/forum-status.js';
import type { Forum, RegistrationReceipt, RegistrationStatus } from '../../api/types.js';
import { HdSignupCancelEvent } from '../../events/signup-cancel.js';
import { token } from '../../styles/tokens.js';
import type { SignupHost } from './host.js';
import { qrShape, type QrShape } from './qr.js';
import { emptyValues } from './values.js';

const num = (v: number, l: string) => v.toLocaleString(l);

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
  promoted: '대기에서 참가 확정으로 바뀌었습니다.',
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
  promoted: 'You have moved from the waitlist to a confirmed place.',
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

const words = (h: SignupHost) => (h.l.locale === 'en' ? en : ko);

type Mine = Pick<RegistrationStatus, 'code' | 'outcome' | 'waitlistPosition'>;

/** QR codes drawn so far (or on their way: true once drawn), by registration code. */
const shapes = new Map<string, QrShape | Promise<boolean>>();

/**
 * The QR code of `code`, or undefined while `uqr` draws it (then the element re-renders). One
 * that could not be drawn (its chunk did not load) is tried again on a later render.
 */
function qr(h: SignupHost, code: string): QrShape | undefined {
  let shape = shapes.get(code);
  if (!shape) {
    shape = qrShape(code).then(
      (s) => (shapes.set(code, s), true),
      () => (shapes.delete(code), false),
    );
    shapes.set(code, shape);
  }
  if (!(shape instanceof Promise)) return shape;
  void shape.then((drawn) => drawn && h.requestUpdate());
  return undefined;
}

function ticket(h: SignupHost, mine: Mine) {
  const t = words(h);
  const shape = mine.outcome === 'confirmed' ? qr(h, mine.code) : undefined;
  const s = (shape?.size ?? 21) + 8;
  return html`<div class="ticket">
    <p class="code"><span>${t.code}</span> <strong>${mine.code}</strong></p>
    ${mine.outcome === 'confirmed'
      ? html`<svg part="qr" class="qr" role="img" aria-label=${t.qrLabel(mine.code)} viewBox="-4 -4 ${s} ${s}" shape-rendering="crispEdges">
            <rect x="-4" y="-4" width=${s} height=${s} fill="#fff"></rect>
            ${shape ? svg`<path d=${shape.d} fill="#000"></path>` : nothing}
          </svg>
          <p class="hint">${t.qrHint}</p>`
      : nothing}
  </div>`;
}

/** The forum in short, under a confirmation or a registration: title, status, when and where. */
function compact(h: SignupHost, f: Forum) {
  const status = displayStatus(f);
  return html`<div class="forum compact" part="forum">
    <p class="title">${f.title}</p>
    <p class="meta"><span class="badge badge--${status}">${h.l.m.forumStatus[status]}</span></p>
    ${h.when(f)}
  </div>`;
}

/** Confirmed or waitlisted, right after signing up. */
export function renderOutcome(h: SignupHost, r: RegistrationReceipt) {
  const t = words(h);
  const confirmed = r.outcome === 'confirmed';
  // The cancel link: this page with the token in the fragment, which never reaches a server or a log.
  const link = new URL(location.href);
  link.hash = `cancel=${encodeURIComponent(r.cancelToken)}`;
  return html`<section class="outcome ${confirmed ? 'confirmed' : 'waitlisted'}" part="outcome">
      <h2 tabindex="-1" data-top>${confirmed ? t.confirmedTitle : t.waitlistedTitle}</h2>
      ${!confirmed && r.waitlistPosition ? html`<p class="position">${t.position(r.waitlistPosition)}</p>` : nothing}
    </section>
    ${!confirmed ? html`<p>${t.waitlistBody}</p>` : nothing} ${ticket(h, r)} ${h.forum ? compact(h, h.forum) : nothing}
    <p><a class="button secondary" part="button" href=${h.client!.icsUrl(r.forumId)} download>${t.addToCalendar}</a></p>
    <section class="cancel-link">
      <h3>${t.cancelLinkTitle}</h3>
      <p class="hint">${t.cancelLinkHint}</p>
      <p><a href=${link.href}>${t.cancelLink}</a></p>
      <button type="button" part="button" class="secondary" @click=${() => navigator.clipboard?.writeText(link.href).then(() => (h.announce = t.copied))}>${t.copy}</button>
    </section>`;
}

/** While waitlisted right after signing up: a place freed up? (on the forum's live events) */
export async function promote(h: SignupHost): Promise<void> {
  const client = h.client;
  const token = h.phase === 'done' ? h.receipt?.cancelToken : undefined;
  if (!client || !token) return;
  try {
    const reg = await client.getMyRegistration(token);
    const r = h.receipt;
    if (!r || r.cancelToken !== token) return;
    if (r.outcome === 'waitlisted' && reg.outcome === 'confirmed') h.announce = words(h).promoted;
    h.receipt = { ...r, outcome: reg.outcome, waitlistPosition: reg.waitlistPosition };
  } catch {
    // the next event or poll tries again
  }
}

/**
 * Opened from a cancel link (`cancel-token`): the registration, then confirm, then cancelled.
 * One per element, created when the element first has a token and this chunk is in.
 */
export class Manage {
  mine: RegistrationStatus | undefined;
  step: 'view' | 'confirm' | 'cancelling' | 'cancelled' = 'view';
  /** Why the last cancel failed. */
  private general = '';
  private readonly h: SignupHost;
  private readonly task: LoadTask<readonly [SignupHost['client'], string], RegistrationStatus | undefined>;

  constructor(h: SignupHost) {
    this.h = h;
    this.task = new LoadTask(h, {
      task: async ([client, token], { signal }) => {
        if (!client || !token) return undefined;
        const reg = await client.getMyRegistration(token, { signal });
        this.mine = reg;
        this.step = reg.outcome === 'cancelled' ? 'cancelled' : 'view';
        h.forum = await client.getForum(reg.forumId, { signal }).catch(() => undefined);
        return reg;
      },
      args: () => [h.client, h.cancelToken] as const,
    });
  }

  /** The forum whose live events matter: a waitlist place may move. */
  followed(): string | undefined {
    return this.mine?.outcome === 'waitlisted' ? this.mine.forumId : undefined;
  }

  /** The element's custom state (`:state(…)`). */
  state(): string {
    return this.task.status === 'error' ? 'error' : this.mine ? (this.step === 'cancelled' ? 'cancelled' : 'manage') : 'loading';
  }

  /** A live event about the forum (a waitlist place may have moved). */
  async refresh(): Promise<void> {
    const { client, cancelToken } = this.h;
    if (!client || !cancelToken) return;
    try {
      this.mine = await client.getMyRegistration(cancelToken);
      this.h.requestUpdate();
    } catch {
      // the next event or poll tries again
    }
  }

  private set(step: Manage['step'], focus = '') {
    this.step = step;
    if (focus) this.h.focusNext = focus;
    this.h.requestUpdate();
  }

  private async cancel(): Promise<void> {
    const h = this.h;
    const client = h.client;
    if (!client || this.step !== 'confirm') return;
    this.general = '';
    this.set('cancelling');
    try {
      const reg = await client.cancelMyRegistration(h.cancelToken);
      this.mine = reg;
      this.set('cancelled', 'top');
      const cancelled = new HdSignupCancelEvent({ forumId: reg.forumId, registrationId: reg.id, code: reg.code });
      h.dispatchEvent(cancelled);
    } catch (error) {
      const t = words(h);
      this.general = error instanceof ConflictError ? t.pastForum : error instanceof UnauthorizedError ? t.badLink : h.l.error(error);
      this.set('view', 'top');
    }
  }

  private signupAgain(): void {
    const h = this.h;
    h.forumId ||= this.mine?.forumId ?? '';
    h.cancelToken = '';
    this.mine = undefined;
    h.receipt = undefined;
    h.phase = 'form';
    h.general = '';
    h.values = emptyValues();
  }

  render() {
    const h = this.h;
    const t = words(h);
    const reg = this.mine;
    if (!reg) {
      const error = this.task.status === 'error' ? (this.task.error as ApiError) : undefined;
      if (error) {
        return error.kind === 'unauthorized' || error.kind === 'forbidden'
          ? html`<p class="notice error-box" part="notice" role="alert">${t.badLink}</p>`
          : h.renderError(() => this.task.run(), error);
      }
      return h.renderLoading();
    }
    const f = h.forum;
    if (this.step === 'cancelled') {
      return html`<section class="outcome cancelled" part="outcome">
          <h2 tabindex="-1" data-top>${t.cancelledTitle}</h2>
        </section>
        <p>${t.cancelledBody}</p>
        ${f ? compact(h, f) : nothing}
        ${f && (f.status === 'open' || f.status === 'full')
          ? html`<button type="button" part="button" class="secondary" @click=${() => this.signupAgain()}>${t.signupAgain}</button>`
          : nothing}`;
    }
    const busy = this.step === 'cancelling';
    return html`<h2 tabindex="-1" data-top>${t.manageTitle}</h2>
      ${this.general ? html`<p class="notice error-box" part="notice" role="alert">${this.general}</p>` : nothing}
      ${f ? compact(h, f) : nothing}
      <dl class="mine">
        <div><dt>${t.applicant}</dt><dd>${reg.name}</dd></div>
        <div>
          <dt>${t.outcome}</dt>
          <dd>${t.outcomes[reg.outcome]}${reg.waitlistPosition ? html` · ${t.position(reg.waitlistPosition)}` : nothing}</dd>
        </div>
      </dl>
      ${ticket(h, reg)}
      ${this.step === 'view'
        ? html`<button type="button" part="button" class="secondary danger" @click=${() => this.set('confirm', 'confirm')}>${t.cancel}</button>`
        : html`<section class="confirm" part="notice" aria-labelledby="f-confirm">
            <h3 id="f-confirm" tabindex="-1">${t.confirmCancelTitle}</h3>
            <p>${t.confirmCancelBody}</p>
            <div class="actions">
              <button type="button" part="button" class="primary danger" ?disabled=${busy} @click=${() => this.cancel()}>${busy ? t.cancelling : t.confirmCancel}</button>
              <button type="button" part="button" class="secondary" ?disabled=${busy} @click=${() => this.set('view')}>${t.keep}</button>
            </div>
          </section>`}`;
  }
}
