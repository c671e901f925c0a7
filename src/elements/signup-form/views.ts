/**
 * What `<hd-signup-form>` shows after the form: the confirmation (code, QR code, calendar, cancel
 * link) and the cancel-link view (the registration, confirm, cancelled). A separate chunk: the
 * element fetches it while the person fills in the form (or at once for a cancel link), so a
 * page that only shows the form loads less. Its words live here, in both languages.
 */
import type { TemplateResult, html as litHtml, nothing as litNothing, svg as litSvg } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { ApiError } from '../../api/errors.js';
import type { Forum, RegistrationReceipt, RegistrationStatus } from '../../api/types.js';
import type { QrShape } from './qr.js';

// No runtime imports: Lit's template tags come from the element (so the CDN file keeps Lit inside
// and this chunk stays small), numbers are formatted with the platform.
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
};

/** What the views read from the element (its internal state; not public API). */
export interface ViewHost {
  /** Lit's template tags, from the element's own copy of Lit. */
  readonly lit: { html: typeof litHtml; svg: typeof litSvg; nothing: typeof litNothing };
  readonly locale: string;
  readonly client: ApiClient | undefined;
  readonly forum: Forum | undefined;
  readonly mine: RegistrationStatus | undefined;
  readonly manage: 'view' | 'confirm' | 'cancelling' | 'cancelled';
  readonly general: string;
  readonly qr: { text: string; shape: QrShape } | undefined;
  /** The cancel-link lookup failed with this error (none while loading or after success). */
  readonly mineError: unknown;
  renderForum(f: Forum, compact?: boolean): TemplateResult;
  renderError(retry: () => unknown, error: unknown): TemplateResult;
  renderLoading(): TemplateResult;
  retryMine(): void;
  askCancel(): void;
  keep(): void;
  cancel(): void;
  signupAgain(): void;
  say(text: string): void;
  readonly badLink: string;
}

const words = (h: ViewHost) => (h.locale === 'en' ? en : ko);

type Mine = Pick<RegistrationStatus, 'code' | 'outcome' | 'waitlistPosition'>;

function ticket(h: ViewHost, mine: Mine) {
  const { html, svg, nothing } = h.lit;
  const t = words(h);
  const shape = h.qr?.text === mine.code ? h.qr.shape : undefined;
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

/** Confirmed or waitlisted, right after signing up. */
export function renderOutcome(h: ViewHost, r: RegistrationReceipt) {
  const { html, nothing } = h.lit;
  const t = words(h);
  const confirmed = r.outcome === 'confirmed';
  // The cancel link: this page with the token in the fragment, which never reaches a server or a log.
  const link = new URL(location.href);
  link.hash = `cancel=${encodeURIComponent(r.cancelToken)}`;
  return html`<section class="outcome ${confirmed ? 'confirmed' : 'waitlisted'}" part="outcome">
      <h2 tabindex="-1" data-top>${confirmed ? t.confirmedTitle : t.waitlistedTitle}</h2>
      ${!confirmed && r.waitlistPosition ? html`<p class="position">${t.position(r.waitlistPosition)}</p>` : nothing}
    </section>
    ${!confirmed ? html`<p>${t.waitlistBody}</p>` : nothing} ${ticket(h, r)} ${h.forum ? h.renderForum(h.forum, true) : nothing}
    <p><a class="button secondary" part="button" href=${h.client!.icsUrl(r.forumId)} download>${t.addToCalendar}</a></p>
    <section class="cancel-link">
      <h3>${t.cancelLinkTitle}</h3>
      <p class="hint">${t.cancelLinkHint}</p>
      <p><a href=${link.href}>${t.cancelLink}</a></p>
      <button type="button" part="button" class="secondary" @click=${() => navigator.clipboard?.writeText(link.href).then(() => h.say(t.copied))}>${t.copy}</button>
    </section>`;
}

/** Opened from a cancel link: the registration, then confirm, then cancelled. */
export function renderManage(h: ViewHost) {
  const { html, nothing } = h.lit;
  const t = words(h);
  const reg = h.mine;
  if (!reg) {
    if (h.mineError) {
      const kind = (h.mineError as ApiError).kind;
      return kind === 'unauthorized' || kind === 'forbidden'
        ? html`<p class="notice error-box" part="notice" role="alert">${h.badLink}</p>`
        : h.renderError(() => h.retryMine(), h.mineError);
    }
    return h.renderLoading();
  }
  const f = h.forum;
  if (h.manage === 'cancelled') {
    return html`<section class="outcome cancelled" part="outcome">
        <h2 tabindex="-1" data-top>${t.cancelledTitle}</h2>
      </section>
      <p>${t.cancelledBody}</p>
      ${f ? h.renderForum(f, true) : nothing}
      ${f && (f.status === 'open' || f.status === 'full')
        ? html`<button type="button" part="button" class="secondary" @click=${() => h.signupAgain()}>${t.signupAgain}</button>`
        : nothing}`;
  }
  const busy = h.manage === 'cancelling';
  return html`<h2 tabindex="-1" data-top>${t.manageTitle}</h2>
    ${h.general ? html`<p class="notice error-box" part="notice" role="alert">${h.general}</p>` : nothing}
    ${f ? h.renderForum(f, true) : nothing}
    <dl class="mine">
      <div><dt>${t.applicant}</dt><dd>${reg.name}</dd></div>
      <div>
        <dt>${t.outcome}</dt>
        <dd>${t.outcomes[reg.outcome]}${reg.waitlistPosition ? html` · ${t.position(reg.waitlistPosition)}` : nothing}</dd>
      </div>
    </dl>
    ${ticket(h, reg)}
    ${h.manage === 'view'
      ? html`<button type="button" part="button" class="secondary danger" @click=${() => h.askCancel()}>${t.cancel}</button>`
      : html`<section class="confirm" part="notice" aria-labelledby="f-confirm">
          <h3 id="f-confirm" tabindex="-1">${t.confirmCancelTitle}</h3>
          <p>${t.confirmCancelBody}</p>
          <div class="actions">
            <button type="button" part="button" class="primary danger" ?disabled=${busy} @click=${() => h.cancel()}>${busy ? t.cancelling : t.confirmCancel}</button>
            <button type="button" part="button" class="secondary" ?disabled=${busy} @click=${() => h.keep()}>${t.keep}</button>
          </div>
        </section>`}`;
}
