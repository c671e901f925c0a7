import { LoadTask } from '../../controllers/load-task.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { ApiClient } from '../../api/client.js';
import { displayStatus, seatsLeft } from '../../api/forum-status.js';
import type { Forum, RegistrationReceipt, SignupForm } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LiveController } from '../../controllers/live-controller.js';
import { PartsController, fetchPart, part, type Part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { baseStyles } from '../../styles/base.js';
import type { SignupHost } from './host.js';
import { ko } from './messages.js';
import { hasPending } from './pending-key.js';
import { styles } from './signup-form.styles.js';
import type { Manage } from './views.js';
import { emptyValues, fid, isUnder, type ContactKind, type ErrorCode, type SignupValues } from './values.js';

type Phase = 'form' | 'sending' | 'pending' | 'done' | 'already';

/**
 * The parts the form as first shown does not need: chunks fetched when a state needs them, each
 * with its own words and styles (host.ts lists what they may touch).
 * - `check`: the rules, error words and error summary, and with them `submit`: sending, the
 *   offline queue, the server's refusals (fetched when the form is first touched);
 * - `views`: the confirmation and the cancel-link view (the first touch, or a cancel link);
 * - `guardian`: the legal guardian's fields (when the under-14 age group is chosen);
 * - `notices`: a full, not-yet-open or closed forum.
 */
/** @internal Exported for tests only (a part that fails to load). */
export const importers = {
  check: () => import('./check.js'),
  submit: () => import('./submit.js'),
  views: () => import('./views.js'),
  guardian: () => import('./guardian.js'),
  notices: () => import('./notices.js'),
};
type Name = keyof typeof importers;
type Parts = { [K in Name]: Awaited<ReturnType<(typeof importers)[K]>> };
/** Each part, fetched once per page through `importers` (read when it is fetched: tests replace them). */
const PARTS = Object.fromEntries(Object.keys(importers).map((name) => [name, part<unknown>(() => importers[name as Name]())])) as unknown as {
  [K in Name]: Part<Parts[K]>;
};

const TOKEN = /^[A-Za-z0-9_.~-]{8,300}$/;

/**
 * The registration form of one forum (`forum-id`): the forum's summary, the personal fields, the
 * forum's own questions, accessibility requests and the personal-information consents as PIPA
 * art. 15(2) asks (required and optional recorded apart; under-14s need a guardian). It validates
 * on blur and on submit, shows the server's field errors at their fields, and never loses a
 * submission: each attempt carries an Idempotency-Key and, when the network fails, waits on the
 * device to be sent once. Outcomes: confirmed (with a QR code and a cancel link), waitlisted with
 * its position, full, closed, not yet open, already registered; a cancel token (`cancel-token`
 * or `#cancel=` in the page address) opens the cancel view.
 *
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

  static override properties = {
    forumId: { attribute: 'forum-id' },
    apiBase: { attribute: 'api-base' },
    cancelToken: { attribute: 'cancel-token' },
    values: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    summary: { state: true, attribute: false },
    general: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    forum: { state: true, attribute: false },
    announce: { state: true, attribute: false },
  };

  /** The forum to sign up for. */
  forumId = '';
  /** Base URL of the backend (else the provider's). */
  apiBase: string | undefined;
  /** A registration's cancel token: manage (show, cancel) that registration. */
  cancelToken = '';

  private values: SignupValues = emptyValues();
  private errors: Record<string, ErrorCode> = {};
  private summary = false;
  private general = '';
  private phase: Phase = 'form';
  private receipt: RegistrationReceipt | undefined;
  private forum: Forum | undefined;
  private announce = '';

  private readonly api = new ApiController(this);
  /** Words (`l.t`): Korean ships here, English is fetched the first time a page asks for it. */
  private readonly l = words(this, this.api, ko, () => import('./messages-en.js'));
  private readonly states = customStates(this);
  /** This element as its lazy parts see it. */
  private readonly h = this as unknown as SignupHost;
  private inflight = false;
  /** Why the code that checks and sends could not be fetched on submit (until it is in). */
  private stuck: { error: unknown } | undefined;
  private focusNext = '';
  /** The cancel-link view's state and actions (from the views chunk). */
  private mng: Manage | undefined;
  /**
   * Parts the current render waits for (`updateComplete` waits for them too), and those whose
   * fetch failed for a render that needed them, with why (shown with a retry).
   */
  private readonly parts = new PartsController(this);

  private readonly load = new LoadTask(this, {
    task: async ([client, forumId]: readonly [ApiClient | undefined, string], { signal }) => {
      if (!client || !forumId) return undefined;
      const [forum, form] = await Promise.all([client.getForum(forumId, { signal }), client.getSignupForm(forumId, { signal })]);
      this.forum = forum;
      this.resume(client, forumId);
      return form;
    },
    args: () => [this.cancelToken ? undefined : this.client, this.forumId] as const,
  });

  /** Live seats while the form is open; promotion while waitlisted. */
  protected readonly live = new LiveController(this, {
    api: this.api,
    forumId: () => this.followed(),
    onMessage: (msg) => {
      if (msg.type === 'forum.updated' && msg.data.id === this.forum?.id) this.forum = msg.data;
      else if (msg.type !== 'reset' && msg.type !== 'poll') return;
      if (msg.type !== 'forum.updated' && !this.cancelToken) void this.load.run();
      if (this.cancelToken) void this.mng?.refresh();
      else void PARTS.views.value?.promote(this.h);
    },
  });

  private get client(): ApiClient | undefined {
    return this.api.ready ? this.api.client : undefined;
  }

  private get form(): SignupForm | undefined {
    return this.load.value;
  }

  /**
   * A lazily loaded part: the module (its styles added to the shadow root), or undefined while it
   * loads — this element re-renders when it lands, and `updateComplete` waits for it unless it is
   * only fetched ahead (`ahead`). A part a render needed that failed to load is not fetched again
   * until the person asks (`wait`'s retry) or the browser is back online.
   */
  private lazy<K extends Name>(name: K, ahead = false): Parts[K] | undefined {
    return this.parts.need(PARTS[name] as Part<Parts[K]>, ahead);
  }

  /**
   * In place of a part still on its way: the loading state; once its fetch failed, the error with
   * a retry, which (once the part is in) focuses `focus` in it.
   */
  private wait(name: Name, focus = 'top') {
    const p: Part<unknown> = PARTS[name];
    const failed = this.parts.failed(p);
    if (!failed) return this.renderLoading();
    const retry = () => {
      this.parts.retry(p, '[role=alert] button');
      fetchPart(p).then(() => (this.focusNext = focus), () => undefined);
    };
    return this.renderError(retry, failed, true);
  }

  /** The forum whose live updates matter now: seats while the form is open, promotion while waitlisted. */
  private followed(): string | undefined {
    if (this.cancelToken) return this.mng?.followed();
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
      if (this.mng) this.mng.step = 'view';
      this.focusNext = 'top';
    }
  };

  private onOnline = () => {
    if (this.phase === 'pending') PARTS.submit.value?.retry(this.h);
    else if (this.load.status === 'error' && !this.cancelToken) void this.load.run();
    else if (this.client) this.resume(this.client, this.forumId);
    this.parts.forget(); // a part that could not be fetched is tried again
    this.requestUpdate();
  };

  /**
   * After a reload: a submission that did not get through is restored and sent again (once the
   * sending code is in: tried again when the browser is back online).
   */
  private resume(client: ApiClient, forumId: string): void {
    if (forumId && this.phase === 'form' && !this.inflight && hasPending(client.baseUrl, forumId)) {
      fetchPart(PARTS.submit).then((m) => m.resume(this.h, client.baseUrl, forumId), () => undefined);
    }
  }

  // ------------------------------------------------------------------ submit

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const form = this.form;
    if (this.inflight || !form || !this.client) return;
    this.inflight = true; // one at a time, also while the checking code arrives
    try {
      (PARTS.check.value ?? (this.lazy('check'), await fetchPart(PARTS.check))).submitForm(this.h, form);
    } catch (error) {
      // Offline before the code arrived (no touch before the submit): nothing was sent, nothing
      // lost. Says so at the top of the form, with a retry (focused) that submits again.
      this.inflight = false;
      this.stuck = { error };
      this.focusNext = 'summary';
      this.requestUpdate();
    }
  }

  // ------------------------------------------------------------------ input

  /** The person touched the form: fetch what checking, sending (with it) and the confirmation need. */
  private ahead(): void {
    this.lazy('check', true);
    this.lazy('views', true);
  }

  private onInput(e: Event): void {
    this.ahead();
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
    const form = this.form;
    const check = this.lazy('check');
    if (!form) return;
    if (!check) return void fetchPart(PARTS.check).then(() => this.check(key), () => undefined);
    const error = check.validateField(key, this.values, form);
    const errors = { ...this.errors };
    if (error) errors[key] = error;
    else delete errors[key];
    this.errors = errors;
  }

  /** Focuses a field (or the heading, `top`); false when it is not on screen (yet). */
  private focusField(key: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(key === 'top' ? '[data-top]' : key === 'summary' ? '.summary,.error-box button' : `#${fid(key)}`);
    target?.focus();
    return !!target;
  }

  // ------------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A cancel link: its view's state lives in the views chunk (created before the controllers update).
    const views = this.cancelToken ? this.lazy('views') : undefined;
    if (views) this.mng ??= new views.Manage(this.h);
  }

  /** `updateComplete` also waits for the language in effect and for the parts this render needs. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.l.updateComplete(() => this.parts.updateComplete(() => super.getUpdateComplete()));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusNext && this.focusField(this.focusNext)) this.focusNext = '';
    this.states(this.stateName());
  }

  private stateName(): string {
    if (this.cancelToken) return this.mng?.state() ?? 'loading';
    if (this.load.status === 'error') return 'error';
    if (!this.form) return 'loading';
    if (this.phase === 'done') return this.receipt!.outcome;
    return this.phase === 'form' ? this.availability() : this.phase;
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
    return html`<div part="base" class="base">
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${!this.l.ready
        ? this.renderLoading()
        : this.api.missing
          ? // No api-base and no provider above (not even one whose code is on its way): say so rather than load for ever.
            html`<p class="notice" part="notice">${this.l.m.errors.noBackend}</p>`
          : this.cancelToken
            ? (this.mng?.render() ?? this.wait('views'))
            : this.renderSignup()}
    </div>`;
  }

  private renderSignup() {
    const client = this.client;
    const t = this.l.t;
    if (!client) return this.renderLoading();
    if (!this.forumId) return html`<p class="notice" part="notice">${t.noForum}</p>`;
    const form = this.form ?? client.peekSignupForm(this.forumId);
    const forum = this.forum ?? client.peekForum(this.forumId);
    if (!form || !forum) return this.load.status === 'error' ? this.renderError(() => this.load.run(), this.load.error) : this.renderLoading();
    const h = this.h;
    if (this.phase === 'done' && this.receipt) return this.lazy('views')?.renderOutcome(h, this.receipt) ?? this.wait('views');
    if (this.phase === 'already') return this.lazy('submit')?.renderAlready(h, forum) ?? this.wait('submit');
    const avail = this.availability(forum);
    let notice: unknown = nothing;
    let label = t.submit;
    if (avail !== 'form') {
      // A forum filling up while its form is on screen keeps the form until the notice's words arrive.
      const onScreen = !!this.renderRoot.querySelector('form');
      const n = this.lazy('notices', avail === 'full' && onScreen);
      if (n && avail !== 'full') return n.renderClosed(h, forum, avail === 'closed');
      if (n) (notice = n.renderFull(h, forum)), (label = n.submitWaitlist(h));
      else if (avail !== 'full' || !onScreen) return this.wait('notices');
    }
    return html`${this.renderForum(forum)} ${notice} ${this.phase === 'pending' ? this.lazy('submit')?.renderPending(h) : nothing}
      ${this.renderForm(form, label)}`;
  }

  private renderLoading() {
    return html`<div class="skeleton" aria-busy="true"><p>${this.l.m.common.loading}</p></div>`;
  }

  /** An error with a retry; `part`: a part's code could not be fetched (a network problem, or offline). */
  private renderError(retry: () => unknown, error: unknown, part = false) {
    return html`<div class="notice error-box" part="notice" role="alert">
      <p>${part && navigator.onLine ? this.l.m.errors.network : this.l.error(error)}</p>
      <button type="button" part="button" class="secondary" @click=${retry}>${this.l.m.common.retry}</button>
    </div>`;
  }

  /** The forum's summary (views.ts draws a compact one after the form). */
  private renderForum(f: Forum) {
    const t = this.l.t;
    const status = displayStatus(f);
    return html`<div class="forum" part="forum">
      <h2 class="title">${f.title}</h2>
      <p class="meta">
        <span class="badge badge--${status}">${this.l.m.forumStatus[status]}</span>
        ${status === 'open' || status === 'closing' ? html`<span>${t.seats(seatsLeft(f), f.capacity)}</span>` : nothing}
      </p>
      ${this.when(f)}
      ${f.summary ? html`<p class="about">${f.summary}</p>` : nothing}
    </div>`;
  }

  /** When and where the forum takes place. */
  private when(f: Forum) {
    const t = this.l.t;
    return html`<dl>
      <div><dt>${t.when}</dt><dd>${this.l.dateRange(f.startsAt, f.endsAt)}</dd></div>
      <div><dt>${t.where}</dt><dd>${f.venue.name} (${f.venue.address})</dd></div>
    </dl>`;
  }

  // --- fields

  private mark(required: boolean) {
    return html` <span class="mark">(${required ? this.l.t.required : this.l.t.optional})</span>`;
  }

  /**
   * What every field shares: its control's id, its class, `aria-invalid`, `aria-describedby` (its
   * hint and error) and the hint and error themselves.
   */
  private bits(key: string, hint?: string) {
    const id = fid(key);
    const error = this.errors[key];
    return {
      id,
      cls: error ? 'field invalid' : 'field',
      invalid: error ? 'true' : 'false',
      desc: [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
      notes: html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${this.lazy('check')?.errorText(this.h, error)}</p>` : nothing}`,
    };
  }

  /** A labelled text input, textarea (`area`) or select (`options`). */
  private text(key: string, label: string, v: keyof SignupValues | 'answers', value: string, o: { hint?: string; required?: boolean; id?: string; auto?: string; max?: number; area?: boolean; options?: [string, string][] } = {}) {
    const b = this.bits(key, o.hint);
    return html`<div class=${b.cls} part="field">
      <label for=${b.id}>${label}${this.mark(o.required ?? true)}</label>
      ${b.notes}
      ${o.options
        ? html`<select id=${b.id} data-v=${v} data-f=${key} aria-invalid=${b.invalid} aria-describedby=${b.desc}>
            <option value="" ?selected=${!value}>${this.l.t.choose}</option>
            ${o.options.map(([x, l]) => html`<option value=${x} ?selected=${x === value}>${l}</option>`)}
          </select>`
        : o.area
          ? html`<textarea id=${b.id} rows="4" data-v=${v} data-f=${key} data-id=${o.id ?? ''} maxlength=${o.max ?? nothing}
              aria-invalid=${b.invalid} aria-describedby=${b.desc} .value=${value}></textarea>`
          : html`<input id=${b.id} type="text" data-v=${v} data-f=${key} data-id=${o.id ?? ''} autocomplete=${o.auto ?? 'off'}
              maxlength=${o.max ?? nothing} aria-invalid=${b.invalid} aria-describedby=${b.desc} .value=${value} />`}
    </div>`;
  }

  /** A fieldset of radios or checkboxes. */
  private group(key: string, legend: string, type: 'radio' | 'checkbox', v: string, options: { value: string; label: string; hint?: string; checked: boolean }[], o: { hint?: string; required?: boolean; id?: string } = {}) {
    const b = this.bits(key, o.hint);
    return html`<fieldset class=${b.cls} part="field" aria-describedby=${b.desc}>
      <legend>${legend}${this.mark(o.required ?? true)}</legend>
      ${b.notes}
      <div class="choices">
        ${options.map((opt, i) => {
          const id = i ? `${b.id}-${i}` : b.id;
          return html`<div class="choice">
            <input id=${id} type=${type} name=${b.id} value=${opt.value} data-v=${v} data-f=${key} data-id=${o.id ?? ''}
              aria-invalid=${b.invalid} aria-describedby=${opt.hint ? `${id}-hint` : nothing} .checked=${opt.checked} />
            <label for=${id}>${opt.label}</label>
            ${opt.hint ? html`<p class="hint" id="${id}-hint">${opt.hint}</p>` : nothing}
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  private contact(key: string, legend: string, kindV: 'contactKind' | 'guardianContactKind', valueV: 'contact' | 'guardianContact', hint?: string) {
    const t = this.l.t;
    const kind: ContactKind = this.values[kindV];
    const phone = kind === 'phone';
    const b = this.bits(key, phone ? t.phoneHint : t.emailHint);
    return html`<fieldset class=${b.cls} part="field">
      <legend>${legend}${this.mark(true)}</legend>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      <div class="choices inline" role="radiogroup" aria-label=${t.contactKind}>
        ${(['phone', 'email'] as const).map(
          (k) => html`<div class="choice">
            <input id="${b.id}-${k}" type="radio" name="${b.id}-kind" value=${k} data-v=${kindV} data-f=${this.errors[key] ? key : nothing} .checked=${kind === k} />
            <label for="${b.id}-${k}">${t[k]}</label>
          </div>`,
        )}
      </div>
      <label for=${b.id} class="sub">${t[kind]}</label>
      ${b.notes}
      <input id=${b.id} type=${phone ? 'tel' : 'email'} data-v=${valueV} data-f=${key} autocomplete=${key === 'contact' ? (phone ? 'tel' : 'email') : 'off'}
        inputmode=${phone ? 'tel' : 'email'} maxlength="254" aria-invalid=${b.invalid} aria-describedby=${b.desc} .value=${this.values[valueV]} />
    </fieldset>`;
  }

  private renderForm(form: SignupForm, label: string) {
    const t = this.l.t;
    const v = this.values;
    const sending = this.phase === 'sending';
    return html`<form part="form" novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onChange} @focusin=${this.ahead} @pointerdown=${this.ahead}>
      ${this.stuck && !PARTS.check.value
        ? this.renderError(() => this.onSubmit(new Event('submit')), this.stuck.error, true)
        : this.summary && (this.general || Object.keys(this.errors).length)
          ? this.lazy('check')?.renderSummary(this.h, form)
          : nothing}
      ${this.text('name', t.name, 'name', v.name, { auto: 'name', max: 50 })}
      ${this.contact('contact', t.contact, 'contactKind', 'contact', t.contactHint)}
      ${this.text('district', t.district, 'district', v.district, { options: form.districts.map((d) => [d, d]), hint: t.districtHint })}
      ${this.text('ageGroup', t.ageGroup, 'ageGroup', v.ageGroup, { options: form.ageGroups.map((a) => [a, t.ages[a] ?? a]) })}
      ${isUnder(v, form) ? (this.lazy('guardian')?.renderGuardian(this.h) ?? this.wait('guardian', 'guardian.name')) : nothing}
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
          const b = this.bits(key);
          const id = b.id;
          return html`<div class="consent ${b.cls}" part="consent">
            <h4 id="${id}-title">${c.title}</h4>
            <dl id="${id}-text">
              <div><dt>${t.purpose}</dt><dd>${c.purpose}</dd></div>
              <div><dt>${t.items}</dt><dd>${c.items.join(', ')}</dd></div>
              <div><dt>${t.retention}</dt><dd>${c.retention}</dd></div>
              <div><dt>${t.refusal}</dt><dd>${c.refusal}</dd></div>
            </dl>
            ${b.notes}
            <div class="choice">
              <input id=${id} type="checkbox" data-v="consents" data-id=${c.id} data-f=${key} .checked=${v.consents[c.id] === true}
                aria-invalid=${b.invalid} aria-describedby="${id}-title${this.errors[key] ? ` ${id}-error` : ''}" />
              <label for=${id}>${t.agree}${this.mark(c.required)}</label>
            </div>
          </div>`;
        })}
      </section>
      <div class="hp" aria-hidden="true" inert>
        <label for="f-website">${t.honeypot}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" data-v="website" .value=${v.website} />
      </div>
      <button type="submit" part="submit" class="primary" ?disabled=${sending}>${sending ? t.sending : label}</button>
    </form>`;
  }
}
