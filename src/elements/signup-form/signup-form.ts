import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError, ConflictError, UnauthorizedError, ValidationError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/client.js';
import { displayStatus, seatsLeft } from '../../api/forum-status.js';
import type { Forum, RegistrationReceipt, RegistrationStatus, SignupForm } from '../../api/types.js';
import type { ViewHost } from './views.js';
import { ApiController } from '../../context/api-consumer.js';
import { LiveController } from '../../context/live-controller.js';
import { HdSignupCancelEvent } from '../../events/signup-cancel.js';
import { HdSignupCompleteEvent } from '../../events/signup-complete.js';
import { HdSignupSubmitEvent } from '../../events/signup-submit.js';
import { LocalizeController } from '../../i18n/localize.js';
import { baseStyles } from '../../styles/base.js';
import { ko, type SignupMessages } from './messages.js';
import { qrShape, type QrShape } from './qr.js';
import { styles } from './signup-form.styles.js';
import { clearPending, loadPending, savePending, type Pending } from './store.js';
import {
  buildInput,
  emptyValues,
  fieldKeys,
  fieldOfPath,
  isUnder,
  validate,
  validateField,
  type ContactKind,
  type ErrorCode,
  type SignupValues,
} from './validate.js';

type Phase = 'form' | 'sending' | 'pending' | 'done' | 'already';
type Manage = 'view' | 'confirm' | 'cancelling' | 'cancelled';

/** The English catalog, once loaded (a separate chunk: Korean pages never fetch it). */
let en: SignupMessages | undefined;
let enLoading: Promise<unknown> | undefined;
let enFailed = false;
/** The after-the-form views (confirmation, cancel link): a chunk fetched while the form is filled in. */
let views: typeof import('./views.js') | undefined;
let viewsLoading: Promise<unknown> | undefined;

const fid = (key: string) => `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const TOKEN = /^[A-Za-z0-9_.~-]{8,300}$/;

/**
 * @summary Registration for one forum: the forum's questions, Korean personal-information consent,
 * waitlist, a confirmation with a QR code and a cancel link; a submission is never lost.
 * @tag hd-signup-form
 *
 * @attr forum-id - The forum to sign up for.
 * @attr api-base - Base URL of the backend; otherwise the nearest `<hd-provider>`'s.
 * @attr cancel-token - A registration's cancel token: shows that registration and lets its holder
 *   cancel it. The page URL fragment `#cancel=<token>` does the same (and is removed from the
 *   address bar once read); the confirmation's cancel link uses that form.
 * @attr lang - `ko` (default) or `en`; otherwise the nearest `lang`.
 *
 * @event {HdSignupSubmitEvent} hd-signup-submit - Before a signup is sent; cancelable. `detail.input`
 *   is exactly what will be sent.
 * @event {HdSignupCompleteEvent} hd-signup-complete - The server took the signup (`confirmed` or
 *   `waitlisted`); the detail is the receipt without the cancel token.
 * @event {HdSignupCancelEvent} hd-signup-cancel - A registration was cancelled.
 *
 * @csspart base - The whole widget.
 * @csspart forum - The forum summary.
 * @csspart form - The signup form.
 * @csspart field - One field with its label, hint and error.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart consent - One consent item.
 * @csspart submit - The submit button.
 * @csspart notice - A message in place of the form (full, closed, pending, already registered).
 * @csspart outcome - The confirmation (or waitlist) panel.
 * @csspart qr - The registration code's QR code.
 * @csspart button - Secondary buttons.
 *
 * @cssprop [--hd-signup-form-max-width=40em] - Widest the form gets.
 * @cssprop [--hd-signup-form-panel-color=var(--hd-color-success)] - Background of the confirmation panel.
 */
export class HdSignupForm extends LitElement {
  static override styles = [baseStyles, styles];

  /** The forum to sign up for. */
  @property({ attribute: 'forum-id' }) forumId = '';
  /** Base URL of the backend (else the provider's). */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  /** A registration's cancel token: manage (show, cancel) that registration. */
  @property({ attribute: 'cancel-token' }) cancelToken = '';

  @state() private values: SignupValues = emptyValues();
  @state() private errors: Record<string, ErrorCode> = {};
  @state() private summary = false;
  @state() private general = '';
  @state() private phase: Phase = 'form';
  @state() private receipt: RegistrationReceipt | undefined;
  @state() private forum: Forum | undefined;
  @state() private mine: RegistrationStatus | undefined;
  @state() private manage: Manage = 'view';
  @state() private announce = '';
  @state() private qr: { text: string; shape: QrShape } | undefined;

  private readonly api = new ApiController(this);
  private readonly l = new LocalizeController(this, { locale: () => this.api.locale });
  private readonly internals = this.attachInternals();
  private inflight = false;
  private pending: Pending | undefined;
  private qrLoading = '';
  private focusNext = '';

  private readonly load = new Task(this, {
    task: async ([client, forumId]: readonly [ApiClient | undefined, string], { signal }) => {
      if (!client || !forumId) return undefined;
      const [forum, form] = await Promise.all([client.getForum(forumId, { signal }), client.getSignupForm(forumId, { signal })]);
      this.forum = forum;
      this.resume(client, forumId);
      return form;
    },
    args: () => [this.cancelToken ? undefined : this.client, this.forumId] as const,
  });

  private readonly mineTask = new Task(this, {
    task: async ([client, token]: readonly [ApiClient | undefined, string], { signal }) => {
      if (!client || !token) return undefined;
      const reg = await client.getMyRegistration(token, { signal });
      this.mine = reg;
      this.manage = reg.outcome === 'cancelled' ? 'cancelled' : 'view';
      this.forum = await client.getForum(reg.forumId, { signal }).catch(() => undefined);
      return reg;
    },
    args: () => [this.client, this.cancelToken] as const,
  });

  /** Live seats while the form is open; promotion while waitlisted. */
  protected readonly live = new LiveController(this, {
    stream: () => {
      const id = this.followed();
      return id ? this.api.live(id) : undefined;
    },
    onMessage: (msg) => {
      if (msg.type === 'forum.updated' && msg.data.id === this.forum?.id) this.forum = msg.data;
      else if (msg.type !== 'reset' && msg.type !== 'poll') return;
      if (msg.type !== 'forum.updated' && !this.cancelToken) void this.load.run();
      void this.refreshMine();
    },
  });

  private get client(): ApiClient | undefined {
    return this.api.ready ? this.api.client : undefined;
  }

  /** This widget's messages; English arrives with its chunk (until then `render` shows the skeleton). */
  private get t(): SignupMessages {
    return this.l.locale === 'en' && en ? en : ko;
  }

  private get waitingForCatalog(): boolean {
    if (this.l.locale !== 'en' || en || enFailed) return false;
    enLoading ??= import('./messages-en.js').then(
      (m) => (en = m.en),
      () => (enFailed = true), // the chunk did not load: Korean rather than nothing
    );
    void enLoading.then(() => this.requestUpdate());
    return true;
  }

  /** The views chunk, or undefined while it loads (the host re-renders when it arrives). */
  private views(): typeof views {
    if (!views) {
      viewsLoading ??= import('./views.js').then(
        (m) => (views = m),
        () => (viewsLoading = undefined), // tried again on the next render that needs it
      );
      void viewsLoading.then(() => this.requestUpdate());
    }
    return views;
  }

  /** What the views may read and do: a narrow window onto this element's private state. */
  private get view(): ViewHost {
    return {
      lit: { html, svg, nothing },
      locale: this.l.locale,
      client: this.client,
      forum: this.forum,
      mine: this.mine,
      manage: this.manage,
      general: this.general,
      qr: this.qr,
      mineError: this.mineTask.status === TaskStatus.ERROR ? this.mineTask.error : undefined,
      badLink: this.t.badLink,
      renderForum: (f, compact) => this.renderForum(f, compact),
      renderError: (retry, error) => this.renderError(retry, error),
      renderLoading: () => this.renderLoading(),
      retryMine: () => void this.mineTask.run(),
      askCancel: () => ((this.manage = 'confirm'), (this.focusNext = 'confirm')),
      keep: () => (this.manage = 'view'),
      cancel: () => void this.cancel(),
      signupAgain: () => this.signupAgain(),
      say: (text) => (this.announce = text),
    };
  }

  /** The forum whose live updates matter now: seats while the form is open, promotion while waitlisted. */
  private followed(): string | undefined {
    if (this.cancelToken) return this.mine?.outcome === 'waitlisted' ? this.mine.forumId : undefined;
    if (this.phase === 'done') return this.receipt?.outcome === 'waitlisted' ? this.receipt.forumId : undefined;
    const s = this.forum?.status;
    return s === 'open' || s === 'full' || s === 'announced' ? this.forum!.id : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readHash();
    addEventListener('hashchange', this.readHash);
    addEventListener('online', this.onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.readHash);
    removeEventListener('online', this.onOnline);
  }

  /** `#cancel=<token>`: take the token, then take it out of the address bar (and history). */
  private readHash = () => {
    const match = /^#cancel=([^&]+)$/.exec(location.hash);
    if (!match) return;
    let token = '';
    try {
      token = decodeURIComponent(match[1]!);
    } catch {
      // malformed: ignored below
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    if (TOKEN.test(token)) {
      this.cancelToken = token;
      this.manage = 'view';
      this.focusNext = 'top';
    }
  };

  private onOnline = () => {
    if (this.phase === 'pending' && this.pending) void this.send(this.pending);
    else if (this.load.status === TaskStatus.ERROR && !this.cancelToken) void this.load.run();
  };

  private get baseUrl(): string {
    return this.client?.baseUrl ?? '';
  }

  /** After a reload: a submission that did not get through is restored and sent again. */
  private resume(client: ApiClient, forumId: string): void {
    if (this.phase !== 'form' || this.inflight) return;
    const p = loadPending(client.baseUrl, forumId);
    if (!p) return;
    this.values = p.values;
    void this.send(p);
  }

  // ------------------------------------------------------------------ submit

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = this.load.value;
    if (this.inflight || !form || !this.client) return;
    const errors = validate(this.values, form);
    this.errors = errors;
    this.general = '';
    const first = Object.keys(errors)[0];
    if (first) {
      this.summary = true;
      this.focusNext = first;
      return;
    }
    this.summary = false;
    const input = buildInput(this.values, form);
    // A copy: the host sees exactly what is sent but cannot change it.
    const event = new HdSignupSubmitEvent({ forumId: this.forumId, input: structuredClone(input) });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    await this.send({ v: 1, key: newIdempotencyKey(), body: input, values: this.values, savedAt: Date.now() });
  }

  private async send(p: Pending): Promise<void> {
    const client = this.client;
    const forumId = this.forumId;
    if (this.inflight || !client) return;
    this.inflight = true;
    this.views();
    this.pending = p;
    this.phase = 'sending';
    this.announce = this.t.sending;
    try {
      const receipt = await client.createRegistration(forumId, p.body, { idempotencyKey: p.key });
      this.done(client.baseUrl, forumId);
      this.receipt = receipt;
      this.phase = 'done';
      this.focusNext = 'top';
      this.announce = '';
      const { cancelToken: _secret, id, ...rest } = receipt;
      const complete = new HdSignupCompleteEvent({ ...rest, registrationId: id });
      this.dispatchEvent(complete);
    } catch (error) {
      this.announce = '';
      if (error instanceof ApiError && !error.transient) {
        this.done(client.baseUrl, forumId);
        this.refused(error);
      } else {
        savePending(client.baseUrl, forumId, p);
        this.phase = 'pending';
        this.general = this.l.error(error);
        this.focusNext = 'top';
      }
    } finally {
      this.inflight = false;
    }
  }

  /** The submission is settled one way or the other: forget the stored copy. */
  private done(baseUrl: string, forumId: string): void {
    clearPending(baseUrl, forumId);
    this.pending = undefined;
  }

  private refused(error: ApiError): void {
    this.phase = 'form';
    if (error.code === 'already-registered') {
      this.phase = 'already';
      this.focusNext = 'top';
      return;
    }
    if (error.code === 'signup-closed' || error.code === 'signup-not-open') {
      void this.load.run(); // the forum's state changed: show it
      return;
    }
    const form = this.load.value;
    const errors: Record<string, ErrorCode> = {};
    let general = '';
    if (error instanceof ValidationError && form) {
      const keys = fieldKeys(this.values, form);
      for (const fe of error.problem?.errors ?? Object.keys(error.fieldErrors).map((field) => ({ field, code: 'invalid' }))) {
        const key = fieldOfPath(fe.field, keys);
        if (fe.field === 'consentVersion') {
          general = this.t.err.form;
          void this.load.run();
        } else if (!key) general ||= this.t.err.invalid;
        else errors[key] ??= validateField(key, this.values, form) ?? (fe.code === 'too_long' ? 'long' : 'invalid');
      }
    } else general = this.l.error(error);
    if (!general && !Object.keys(errors).length) general = this.t.err.invalid;
    this.errors = errors;
    this.general = general;
    this.summary = true;
    this.focusNext = Object.keys(errors)[0] ?? 'summary';
  }

  private discard(): void {
    this.done(this.baseUrl, this.forumId);
    this.phase = 'form';
    this.general = '';
  }

  // ------------------------------------------------------------------ cancel link

  private async refreshMine(): Promise<void> {
    const client = this.client;
    const token = this.cancelToken || (this.phase === 'done' ? this.receipt?.cancelToken : undefined);
    if (!client || !token) return;
    try {
      const reg = await client.getMyRegistration(token);
      if (this.cancelToken) this.mine = reg;
      else if (this.receipt) {
        if (this.receipt.outcome === 'waitlisted' && reg.outcome === 'confirmed') this.announce = this.t.promoted;
        this.receipt = { ...this.receipt, outcome: reg.outcome, waitlistPosition: reg.waitlistPosition };
      }
    } catch {
      // the next event or poll tries again
    }
  }

  private async cancel(): Promise<void> {
    const client = this.client;
    if (!client || this.manage !== 'confirm') return;
    this.manage = 'cancelling';
    this.general = '';
    try {
      const reg = await client.cancelMyRegistration(this.cancelToken);
      this.mine = reg;
      this.manage = 'cancelled';
      this.focusNext = 'top';
      const cancelled = new HdSignupCancelEvent({ forumId: reg.forumId, registrationId: reg.id, code: reg.code });
      this.dispatchEvent(cancelled);
    } catch (error) {
      this.manage = 'view';
      this.general = error instanceof ConflictError ? this.t.pastForum : error instanceof UnauthorizedError ? this.t.badLink : this.l.error(error);
      this.focusNext = 'top';
    }
  }

  private signupAgain(): void {
    this.forumId ||= this.mine?.forumId ?? '';
    this.cancelToken = '';
    this.mine = undefined;
    this.receipt = undefined;
    this.phase = 'form';
    this.general = '';
    this.values = emptyValues();
  }

  // ------------------------------------------------------------------ input

  private onInput(e: Event): void {
    this.views(); // fetch the confirmation view while the person types
    const el = e.target as HTMLInputElement;
    const v = el.dataset['v'];
    if (!v) return;
    const id = el.dataset['id'] ?? '';
    const vals: SignupValues = { ...this.values };
    const toggle = (list: string[]) => (el.checked ? [...list, el.value] : list.filter((x) => x !== el.value));
    if (v === 'answers') vals.answers = { ...vals.answers, [id]: el.type === 'checkbox' ? toggle((vals.answers[id] as string[]) ?? []) : el.value };
    else if (v === 'consents') vals.consents = { ...vals.consents, [id]: el.checked };
    else if (v === 'accessibility') vals.accessibility = toggle(vals.accessibility);
    else if (v === 'guardianConsent') vals.guardianConsent = el.checked;
    else (vals as unknown as Record<string, string>)[v] = el.value;
    this.values = vals;
    const f = el.dataset['f'];
    if (f && this.errors[f]) this.check(f); // clear an error once fixed
  }

  /** Validation on blur (`change`) and on choosing. */
  private onChange(e: Event): void {
    const f = (e.target as HTMLElement).dataset['f'];
    if (f) this.check(f);
  }

  private check(key: string): void {
    const form = this.load.value;
    if (!form) return;
    const error = validateField(key, this.values, form);
    const errors = { ...this.errors };
    if (error) errors[key] = error;
    else delete errors[key];
    this.errors = errors;
  }

  /** Focuses a field (or the heading, `top`); false when it is not on screen (yet). */
  private focusField(key: string): boolean {
    const target =
      key === 'top' ? this.renderRoot.querySelector<HTMLElement>('[data-top]') : key === 'summary' ? this.renderRoot.querySelector<HTMLElement>('.summary') : this.renderRoot.querySelector<HTMLElement>(`#${fid(key)}`);
    target?.focus();
    return !!target;
  }

  // ------------------------------------------------------------------ lifecycle

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusNext && this.focusField(this.focusNext)) this.focusNext = '';
    const code = this.ticketCode();
    if (code && this.qr?.text !== code && this.qrLoading !== code) {
      this.qrLoading = code;
      qrShape(code).then(
        (shape) => (this.qr = { text: code, shape }),
        () => (this.qrLoading = ''),
      );
    }
    try {
      const states = this.internals.states;
      states.clear();
      states.add(this.stateName());
    } catch {
      // CustomStateSet unsupported
    }
  }

  private stateName(): string {
    if (this.cancelToken) return this.mineTask.status === TaskStatus.ERROR ? 'error' : this.mine ? (this.manage === 'cancelled' ? 'cancelled' : 'manage') : 'loading';
    if (this.load.status === TaskStatus.ERROR) return 'error';
    if (!this.load.value) return 'loading';
    if (this.phase === 'done') return this.receipt!.outcome;
    return this.phase === 'form' ? this.availability() : this.phase;
  }

  /** The code whose QR code is shown now (confirmed registrations only). */
  private ticketCode(): string | undefined {
    const r = this.cancelToken ? this.mine : this.phase === 'done' ? this.receipt : undefined;
    return r?.outcome === 'confirmed' ? r.code : undefined;
  }

  /** `form` (open), `full` (waitlist), `not-open` or `closed`. */
  private availability(f = this.forum): 'form' | 'full' | 'not-open' | 'closed' {
    if (!f) return 'form';
    const now = Date.now();
    if (f.status === 'announced' || (f.signupOpensAt && Date.parse(f.signupOpensAt) > now)) return 'not-open';
    if ((f.status !== 'open' && f.status !== 'full') || (f.signupClosesAt && Date.parse(f.signupClosesAt) <= now)) return 'closed';
    return f.status === 'full' || seatsLeft(f) === 0 ? 'full' : 'form';
  }

  // ------------------------------------------------------------------ render

  protected override render() {
    if (this.waitingForCatalog) return html`<div part="base" class="base">${this.renderLoading()}</div>`;
    return html`<div part="base" class="base">
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${this.cancelToken ? (this.views()?.renderManage(this.view) ?? this.renderLoading()) : this.renderSignup()}
    </div>`;
  }

  private renderSignup() {
    const client = this.client;
    if (!this.forumId || !client) return html`<p class="notice" part="notice">${client ? this.t.noForum : this.t.noBackend}</p>`;
    const form = this.load.value ?? client.peekSignupForm(this.forumId);
    const forum = this.forum ?? client.peekForum(this.forumId);
    if (!form || !forum) return this.load.status === TaskStatus.ERROR ? this.renderError(() => this.load.run(), this.load.error) : this.renderLoading();
    if (this.phase === 'done' && this.receipt) return this.views()?.renderOutcome(this.view, this.receipt) ?? this.renderLoading();
    const t = this.t;
    if (this.phase === 'already') {
      return html`${this.renderForum(forum)}
        <section class="notice" part="notice">
          <h2 tabindex="-1" data-top>${t.alreadyTitle}</h2>
          <p>${t.alreadyBody}</p>
          <button type="button" part="button" class="secondary" @click=${() => ((this.phase = 'form'), (this.focusNext = 'contact'))}>${t.editForm}</button>
        </section>`;
    }
    const avail = this.availability(forum);
    let notice: TemplateResult | typeof nothing = nothing;
    if (avail === 'not-open' || avail === 'closed') {
      const opens = forum.signupOpensAt;
      return html`${this.renderForum(forum)}
        <p class="notice" part="notice">
          ${avail === 'closed' ? t.closed : t.notOpen} ${avail === 'not-open' && opens ? t.opensAt(this.l.dateTime(opens)) : nothing}
        </p>`;
    }
    if (avail === 'full') notice = html`<p class="notice waitlist" part="notice">${t.fullNotice(forum.waitlisted)}</p>`;
    return html`${this.renderForum(forum)} ${notice} ${this.phase === 'pending' ? this.renderPending() : nothing}
      ${this.renderForm(form, avail === 'full')}`;
  }

  private renderLoading() {
    return html`<div class="skeleton" aria-busy="true"><p>${this.l.m.common.loading}</p></div>`;
  }

  private renderError(retry: () => unknown, error: unknown) {
    return html`<div class="notice error-box" part="notice" role="alert">
      <p>${this.l.error(error)}</p>
      <button type="button" part="button" class="secondary" @click=${retry}>${this.l.m.common.retry}</button>
    </div>`;
  }

  private renderForum(f: Forum, compact = false) {
    const t = this.t;
    const status = displayStatus(f);
    const open = status === 'open' || status === 'closing';
    return html`<div class="forum ${compact ? 'compact' : ''}" part="forum">
      ${compact ? html`<p class="title">${f.title}</p>` : html`<h2 class="title">${f.title}</h2>`}
      <p class="meta">
        <span class="badge badge--${status}">${this.l.m.forumStatus[status]}</span>
        ${open && !compact ? html`<span>${t.seats(seatsLeft(f), f.capacity)}</span>` : nothing}
      </p>
      <dl>
        <div><dt>${t.when}</dt><dd>${this.l.dateRange(f.startsAt, f.endsAt)}</dd></div>
        <div><dt>${t.where}</dt><dd>${f.venue.name} (${f.venue.address})</dd></div>
      </dl>
      ${f.summary && !compact ? html`<p class="about">${f.summary}</p>` : nothing}
    </div>`;
  }

  private renderPending() {
    const t = this.t;
    return html`<section class="notice pending" part="notice">
      <h3 tabindex="-1" data-top>${t.pendingTitle}</h3>
      <p>${t.pendingBody}</p>
      ${this.general ? html`<p>${this.general}</p>` : nothing}
      <div class="actions">
        <button type="button" part="button" class="secondary" @click=${() => this.pending && this.send(this.pending)}>${t.retryNow}</button>
        <button type="button" part="button" class="link" @click=${this.discard}>${t.discard}</button>
      </div>
    </section>`;
  }

  // --- fields

  private desc(key: string, hint: boolean): string {
    return [hint ? `${fid(key)}-hint` : '', this.errors[key] ? `${fid(key)}-error` : ''].filter(Boolean).join(' ');
  }

  private mark(required: boolean) {
    return html` <span class="mark">(${required ? this.t.required : this.t.optional})</span>`;
  }

  private hintAndError(key: string, hint?: string) {
    const error = this.errors[key];
    return html`${hint ? html`<p class="hint" id="${fid(key)}-hint">${hint}</p>` : nothing}
    ${error ? html`<p class="error" id="${fid(key)}-error">${this.errorText(key, error)}</p>` : nothing}`;
  }

  private errorText(_key: string, code: ErrorCode): string {
    return this.t.err[code];
  }

  /** A labelled text input (or textarea). */
  private text(key: string, label: string, v: keyof SignupValues | 'answers', value: string, o: { hint?: string; required?: boolean; id?: string; type?: string; auto?: string; max?: number; area?: boolean; mode?: string } = {}) {
    const id = fid(key);
    const d = this.desc(key, !!o.hint);
    const common = {
      id,
      invalid: this.errors[key] ? 'true' : 'false',
    };
    return html`<div class="field ${this.errors[key] ? 'invalid' : ''}" part="field">
      <label for=${id}>${label}${this.mark(o.required ?? true)}</label>
      ${this.hintAndError(key, o.hint)}
      ${o.area
        ? html`<textarea id=${common.id} rows="4" data-v=${v} data-f=${key} data-id=${o.id ?? ''} maxlength=${o.max ?? nothing}
            aria-invalid=${common.invalid} aria-describedby=${d || nothing} .value=${value}></textarea>`
        : html`<input id=${common.id} type=${o.type ?? 'text'} data-v=${v} data-f=${key} data-id=${o.id ?? ''} autocomplete=${o.auto ?? 'off'}
            inputmode=${o.mode ?? nothing} maxlength=${o.max ?? nothing} aria-invalid=${common.invalid} aria-describedby=${d || nothing} .value=${value} />`}
    </div>`;
  }

  /** A fieldset of radios or checkboxes. */
  private group(key: string, legend: string, type: 'radio' | 'checkbox', v: string, options: { value: string; label: string; hint?: string; checked: boolean }[], o: { hint?: string; required?: boolean; id?: string } = {}) {
    const d = this.desc(key, !!o.hint);
    return html`<fieldset class="field ${this.errors[key] ? 'invalid' : ''}" part="field" aria-describedby=${d || nothing}>
      <legend>${legend}${this.mark(o.required ?? true)}</legend>
      ${this.hintAndError(key, o.hint)}
      <div class="choices">
        ${options.map((opt, i) => {
          const id = i === 0 ? fid(key) : `${fid(key)}-${i}`;
          return html`<div class="choice">
            <input id=${id} type=${type} name=${fid(key)} value=${opt.value} data-v=${v} data-f=${key} data-id=${o.id ?? ''}
              aria-invalid=${this.errors[key] ? 'true' : 'false'} aria-describedby=${opt.hint ? `${id}-hint` : nothing} .checked=${opt.checked} />
            <label for=${id}>${opt.label}</label>
            ${opt.hint ? html`<p class="hint" id="${id}-hint">${opt.hint}</p>` : nothing}
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  private select(key: string, label: string, value: string, options: [string, string][], hint?: string) {
    const d = this.desc(key, !!hint);
    return html`<div class="field ${this.errors[key] ? 'invalid' : ''}" part="field">
      <label for=${fid(key)}>${label}${this.mark(true)}</label>
      ${this.hintAndError(key, hint)}
      <select id=${fid(key)} data-v=${key} data-f=${key} aria-invalid=${this.errors[key] ? 'true' : 'false'} aria-describedby=${d || nothing}>
        <option value="" ?selected=${!value}>${this.t.choose}</option>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
      </select>
    </div>`;
  }

  private contact(key: string, legend: string, kindV: 'contactKind' | 'guardianContactKind', valueV: 'contact' | 'guardianContact', hint?: string) {
    const t = this.t;
    const kind: ContactKind = this.values[kindV];
    const d = this.desc(key, true);
    return html`<fieldset class="field ${this.errors[key] ? 'invalid' : ''}" part="field">
      <legend>${legend}${this.mark(true)}</legend>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      <div class="choices inline" role="radiogroup" aria-label=${t.contactKind}>
        ${(['phone', 'email'] as const).map(
          (k) => html`<div class="choice">
            <input id="${fid(key)}-${k}" type="radio" name="${fid(key)}-kind" value=${k} data-v=${kindV} data-f=${this.errors[key] ? key : nothing} .checked=${kind === k} />
            <label for="${fid(key)}-${k}">${t[k]}</label>
          </div>`,
        )}
      </div>
      <label for=${fid(key)} class="sub">${t[kind]}</label>
      ${this.hintAndError(key, kind === 'phone' ? t.phoneHint : t.emailHint)}
      <input id=${fid(key)} type=${kind === 'phone' ? 'tel' : 'email'} data-v=${valueV} data-f=${key} autocomplete=${key === 'contact' ? (kind === 'phone' ? 'tel' : 'email') : 'off'}
        inputmode=${kind === 'phone' ? 'tel' : 'email'} maxlength="254" aria-invalid=${this.errors[key] ? 'true' : 'false'} aria-describedby=${d} .value=${this.values[valueV]} />
    </fieldset>`;
  }

  private renderForm(form: SignupForm, waitlist: boolean) {
    const t = this.t;
    const v = this.values;
    const keys = fieldKeys(v, form);
    const shown = keys.filter((k) => this.errors[k]);
    const sending = this.phase === 'sending';
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange}>
      ${this.summary && (shown.length || this.general)
        ? html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
            <h3 id="summary-title">${t.summaryTitle}</h3>
            ${this.general ? html`<p>${this.general}</p>` : nothing}
            <ul>
              ${shown.map(
                (k) => html`<li><a href="#${fid(k)}" @click=${(e: Event) => (e.preventDefault(), this.focusField(k))}>${this.errorText(k, this.errors[k]!)}</a></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${this.text('name', t.name, 'name', v.name, { auto: 'name', max: 50 })}
      ${this.contact('contact', t.contact, 'contactKind', 'contact', t.contactHint)}
      ${this.select('district', t.district, v.district, form.districts.map((d) => [d, d]), t.districtHint)}
      ${this.select('ageGroup', t.ageGroup, v.ageGroup, form.ageGroups.map((a) => [a, t.ages[a] ?? a]))}
      ${isUnder(v, form)
        ? html`<section class="group guardian" aria-labelledby="guardian-title">
            <h3 id="guardian-title">${t.guardian}</h3>
            <p class="hint">${t.guardianHint}</p>
            ${this.text('guardian.name', t.guardianName, 'guardianName', v.guardianName, { max: 50 })}
            ${this.contact('guardian.contact', t.guardianContact, 'guardianContactKind', 'guardianContact')}
            ${this.group('guardian.consent', t.guardianAgree, 'checkbox', 'guardianConsent', [{ value: 'yes', label: t.guardianConsent, checked: v.guardianConsent }])}
          </section>`
        : nothing}
      ${this.group(
        'role',
        t.role,
        'radio',
        'role',
        ['participant', 'facilitator'].map((r) => ({ value: r, label: t.roles[r]!, hint: t.roleHints[r]!, checked: v.role === r })),
      )}
      ${form.questions.length
        ? html`<section class="group" aria-labelledby="q-title">
            <h3 id="q-title">${t.questions}</h3>
            <p class="hint">${t.questionsHint}</p>
            ${form.questions.map((q) => {
              const key = `answers.${q.id}`;
              const a = v.answers[q.id];
              if (q.kind === 'text') {
                const hint = [q.help, q.maxLength ? t.chars(q.maxLength) : ''].filter(Boolean).join(' · ');
                return this.text(key, q.label, 'answers', typeof a === 'string' ? a : '', { id: q.id, required: q.required, area: (q.maxLength ?? 2000) > 100, max: q.maxLength ?? 2000, ...(hint ? { hint } : {}) });
              }
              const chosen = (o: string) => (Array.isArray(a) ? a.includes(o) : a === o);
              return this.group(key, q.label, q.kind === 'choice' ? 'radio' : 'checkbox', 'answers', (q.options ?? []).map((o) => ({ value: o, label: o, checked: chosen(o) })), {
                id: q.id,
                required: q.required,
                ...(q.help ? { hint: q.help } : {}),
              });
            })}
          </section>`
        : nothing}
      <section class="group" aria-labelledby="a-title">
        <h3 id="a-title">${t.access}</h3>
        ${this.group(
          'accessibility',
          t.access,
          'checkbox',
          'accessibility',
          form.accessibilityOptions.map((o) => ({ value: o, label: t.needs[o] ?? o, checked: v.accessibility.includes(o) })),
          { required: false, hint: t.accessHint },
        )}
        ${this.text('accessibilityNote', t.accessNote, 'accessibilityNote', v.accessibilityNote, { required: false, area: true, max: 500 })}
      </section>
      <section class="group" aria-labelledby="c-title">
        <h3 id="c-title">${t.consentTitle}</h3>
        <p class="hint">${t.consentIntro}</p>
        ${form.consents.map((c) => {
          const key = `consents.${c.id}`;
          const id = fid(key);
          return html`<div class="consent field ${this.errors[key] ? 'invalid' : ''}" part="consent">
            <h4 id="${id}-title">${c.title}</h4>
            <dl id="${id}-text">
              <div><dt>${t.purpose}</dt><dd>${c.purpose}</dd></div>
              <div><dt>${t.items}</dt><dd>${c.items.join(', ')}</dd></div>
              <div><dt>${t.retention}</dt><dd>${c.retention}</dd></div>
              <div><dt>${t.refusal}</dt><dd>${c.refusal}</dd></div>
            </dl>
            ${this.hintAndError(key)}
            <div class="choice">
              <input id=${id} type="checkbox" data-v="consents" data-id=${c.id} data-f=${key} .checked=${v.consents[c.id] === true}
                aria-invalid=${this.errors[key] ? 'true' : 'false'} aria-describedby="${id}-title${this.errors[key] ? ` ${id}-error` : ''}" />
              <label for=${id}>${t.agree}${this.mark(c.required)}</label>
            </div>
          </div>`;
        })}
      </section>
      <div class="hp" aria-hidden="true" inert>
        <label for="f-website">${t.honeypot}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" data-v="website" .value=${v.website} />
      </div>
      <button type="submit" part="submit" class="primary" ?disabled=${sending}>${sending ? t.sending : waitlist ? t.submitWaitlist : t.submit}</button>
    </form>`;
  }
}
