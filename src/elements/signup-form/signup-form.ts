import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { Forum, SignupForm } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LiveController } from '../../controllers/live-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { PartsController, fetchPart, type Part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { baseStyles } from '../../styles/base.js';
import { availability, type Availability } from './availability.js';
import { takeCancelToken } from './cancel-link.js';
import { SignupEntry } from './entry.js';
import { PARTS, type PartModules, type PartName } from './lazy-parts.js';
import { ko } from './messages.js';
import { styles } from './signup-form.styles.js';
import type { Phase, Submission } from './submit.js';
import { hasPending } from './pending-key.js';
import { failureView, forumSummary, loadingView } from './templates.js';
import { fid, isUnder } from './values.js';
import type { Manage, ManageOptions } from './views.js';

/** @internal Exported for tests only (a part that fails to load). */
export { importers } from './lazy-parts.js';

/**
 * What the element shows, chosen in `willUpdate`: the loading state, a notice instead of the form
 * (no backend, no forum, closed…), the cancel-link view, the outcome of a submission, or the form.
 */
type Screen = 'loading' | 'no-backend' | 'no-forum' | 'load-error' | 'manage' | 'outcome' | 'already' | 'closed' | 'form';

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
    forum: { state: true, attribute: false },
    announce: { state: true, attribute: false },
  };

  /** The forum to sign up for. */
  forumId = '';
  /** Base URL of the backend (else the provider's). */
  apiBase: string | undefined;
  /** A registration's cancel token: manage (show, cancel) that registration. */
  cancelToken = '';

  /** The forum, as loaded and then as its live events say. */
  private forum: Forum | undefined;
  /** Read out by screen readers (a polite live region). */
  private announce = '';

  readonly #api = new ApiController(this);
  /** Words (`localize.t`): Korean ships here, English is fetched the first time a page asks for it. */
  readonly #localize = words(this, this.#api, ko, () => import('./messages-en.js'));
  readonly #setStates = customStates(this);
  /** The later parts this element waits for, and those that failed to load (shown with a retry). */
  readonly #parts = new PartsController(this);
  /** What the person entered and what is wrong with it. */
  readonly #entry = new SignupEntry(this, {
    form: () => this.#data.value,
    rules: () => this.#parts.need(PARTS.check)?.validateField ?? fetchPart(PARTS.check).then((check) => check.validateField),
    words: () => this.#localize.t,
    errorText: (code) => PARTS.check.value?.errorText(this.#localize, code),
    // The person touched the form: fetch what checking, sending (with it) and the confirmation need.
    touched: () => {
      this.#parts.need(PARTS.check, true);
      this.#parts.need(PARTS.views, true);
    },
  });
  /** Sending and what follows (from the submit chunk; made when first needed). */
  #submission: Submission | undefined;
  /** The checking code is being fetched for a submit (one submit at a time, also meanwhile). */
  #checking = false;
  /** Why the checking code could not be fetched on the last submit (until it is in). */
  #stuck: { error: unknown } | undefined;
  /** The cancel-link view (from the views chunk; made when a cancel token first needs it). */
  #manage: Manage | undefined;
  /** What to focus after the next render: a field key, `top` (the view's heading) or `summary`. */
  #focusTarget = '';

  // Chosen in willUpdate, read by render.
  #screen: Screen = 'loading';
  #shownForm: SignupForm | undefined;
  #shownForum: Forum | undefined;
  #available: Availability = 'form';
  /** The later parts the screen uses that are in (each asked for in willUpdate). */
  #loaded: Partial<PartModules> = {};

  /** The forum and its signup form. */
  readonly #data = new LoadTask(this, {
    args: () => [this.cancelToken ? undefined : this.#client, this.forumId] as const,
    task: async ([client, forumId], { signal }) => {
      if (!client || !forumId) return undefined;
      const [forum, form] = await Promise.all([client.getForum(forumId, { signal }), client.getSignupForm(forumId, { signal })]);
      this.forum = forum;
      this.#resume(client, forumId);
      return form;
    },
  });

  /** Live seats while the form is open; promotion while waitlisted; a cancel link's waitlist place. */
  protected readonly live = new LiveController(this, {
    api: this.#api,
    forumId: () => this.#followed(),
    onMessage: (message) => {
      if (message.type === 'forum.updated') {
        const forum = message.data;
        if (this.cancelToken ? !this.#manage?.forumUpdated(forum) : forum.id !== this.forum?.id) return;
        if (!this.cancelToken) this.forum = forum;
      } else if (message.type === 'reset' || message.type === 'poll') {
        if (!this.cancelToken) void this.#data.run();
      } else return;
      if (this.cancelToken) void this.#manage?.refresh();
      else void this.#submission?.followWaitlist();
    },
  });

  get #client(): ApiClient | undefined {
    return this.#api.value?.client;
  }

  get #phase(): Phase {
    return this.#submission?.phase ?? 'form';
  }

  /** The forum whose live updates matter now: seats while the form is open, promotion while waitlisted. */
  #followed(): string | undefined {
    if (this.cancelToken) return this.#manage?.followed();
    const receipt = this.#submission?.receipt;
    if (this.#phase === 'done') return receipt?.outcome === 'waitlisted' ? receipt.forumId : undefined;
    const status = this.forum?.status;
    return status === 'open' || status === 'full' || status === 'announced' ? this.forum!.id : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readHash();
    addEventListener('hashchange', this.#readHash);
    addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#readHash);
    removeEventListener('online', this.#onOnline);
  }

  /** A cancel link opened (`#cancel=<token>`): show that registration. */
  readonly #readHash = () => {
    const token = takeCancelToken();
    if (!token) return;
    this.cancelToken = token;
    this.#manage?.restart();
    this.#focusTarget = 'top';
  };

  readonly #onOnline = () => {
    if (this.#phase === 'pending') this.#submission?.retry();
    else if (this.#data.status === 'error' && !this.cancelToken) void this.#data.run();
    else if (this.#client) this.#resume(this.#client, this.forumId);
    this.#parts.forget(); // a part that could not be fetched is tried again
    this.requestUpdate();
  };

  /** The element's one `Submission`, made from its chunk's class the first time it is needed. */
  #submissionOf(SubmissionClass: typeof Submission): Submission {
    return (this.#submission ??= new SubmissionClass(this, {
      entry: this.#entry,
      localize: this.#localize,
      api: this.#api,
      forumId: () => this.forumId,
      data: this.#data,
      focus: (target) => (this.#focusTarget = target),
      announce: (text) => (this.announce = text),
      prefetchReceipt: () => this.#parts.need(PARTS.views, true),
    }));
  }

  /** The form is submitted: checked, then sent, once the code to do so is in. */
  async #submit(): Promise<void> {
    const form = this.#data.value;
    if (this.#checking || this.#submission?.inflight || !form || !this.#client) return;
    this.#checking = true;
    try {
      const check = PARTS.check.value ?? (this.#parts.need(PARTS.check), await fetchPart(PARTS.check));
      this.#submissionOf(check.Submission).submit(form);
    } catch (error) {
      // Offline before the code arrived (no touch before the submit): nothing was sent, nothing
      // lost. The form says so at its top, with a retry (focused) that submits again.
      this.#stuck = { error };
      this.#focusTarget = 'summary';
      this.requestUpdate();
    } finally {
      this.#checking = false;
    }
  }

  /** After a reload: a submission that did not get through is restored and sent again. */
  #resume(client: ApiClient, forumId: string): void {
    if (!forumId || this.#phase !== 'form' || this.#checking || this.#submission?.inflight || !hasPending(client.baseUrl, forumId)) return;
    fetchPart(PARTS.submit).then((submit) => this.#submissionOf(submit.Submission).resume(client.baseUrl, forumId), () => undefined);
  }

  readonly #onSubmit = (event: Event) => {
    event.preventDefault();
    void this.#submit();
  };

  /** Focuses a field (or the heading, `top`); false when it is not on screen (yet). */
  #focusField(key: string): boolean {
    const selector = key === 'top' ? '[data-top]' : key === 'summary' ? '.summary,.error-box button' : `#${fid(key)}`;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    return !!target;
  }

  // ------------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#loaded = {};
    this.#screen = this.#chooseScreen();
  }

  /** A later part the screen uses: its module once in (styles adopted), else fetched; kept for render. */
  #use<K extends PartName>(name: K, ahead = false): PartModules[K] | undefined {
    return (this.#loaded[name] = this.#parts.need(PARTS[name], ahead));
  }

  #chooseScreen(): Screen {
    if (!this.#localize.ready) return 'loading';
    if (this.#api.missing) return 'no-backend';
    if (this.cancelToken) {
      // Made before the controllers update, so its task starts with this update.
      const views = this.#use('views');
      if (views) this.#manage ??= new views.Manage(this, this.#manageOptions());
      return 'manage';
    }
    const client = this.#client;
    if (!client) return 'loading';
    if (!this.forumId) return 'no-forum';
    const form = (this.#shownForm = this.#data.value ?? client.peekSignupForm(this.forumId));
    const forum = (this.#shownForum = this.forum ?? client.peekForum(this.forumId));
    if (!form || !forum) return this.#data.status === 'error' ? 'load-error' : 'loading';
    if (this.#phase === 'done' && this.#submission?.receipt) return this.#use('views'), 'outcome';
    if (this.#phase === 'already') return this.#use('submit'), 'already';
    this.#available = availability(forum);
    if (this.#available !== 'form') {
      // A forum filling up while its form is on screen keeps the form until the notice's words arrive.
      const onScreen = !!this.renderRoot.querySelector('form');
      const notices = this.#use('notices', this.#available === 'full' && onScreen);
      if (this.#available !== 'full' || (!notices && !onScreen)) return 'closed';
    }
    if (this.#phase === 'pending') this.#use('submit');
    if (isUnder(this.#entry.values, form)) this.#use('guardian');
    if (this.#entry.showsSummary || Object.keys(this.#entry.errors).length) this.#use('check');
    return 'form';
  }

  #manageOptions(): ManageOptions {
    return {
      localize: this.#localize,
      api: this.#api,
      cancelToken: () => this.cancelToken,
      focus: (target) => (this.#focusTarget = target),
      signupAgain: (forumId, forum) => {
        this.forumId ||= forumId;
        this.cancelToken = '';
        this.forum = forum ?? this.forum;
        this.#submission?.reset();
        this.#entry.reset();
      },
    };
  }

  /** `updateComplete` also waits for the language in effect and for the parts this render needs. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#localize.updateComplete(() => this.#parts.updateComplete(() => super.getUpdateComplete()));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusTarget && this.#focusField(this.#focusTarget)) this.#focusTarget = '';
    this.#setStates(this.#stateName());
  }

  /** The element's custom state (`:state(…)`). */
  #stateName(): string {
    if (this.cancelToken) return this.#manage?.state() ?? 'loading';
    if (this.#data.status === 'error') return 'error';
    if (!this.#data.value) return 'loading';
    if (this.#phase === 'done') return this.#submission!.receipt!.outcome;
    return this.#phase === 'form' ? (this.forum ? availability(this.forum) : 'form') : this.#phase;
  }

  // ------------------------------------------------------------------ render

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">
      <p class="visually-hidden" role="status">${this.announce}</p>
      ${this.#renderScreen()}
    </div>`;
  }

  #renderScreen(): unknown {
    const localize = this.#localize;
    const { views, notices } = this.#loaded;
    const forum = this.#shownForum!;
    switch (this.#screen) {
      case 'loading':
        return loadingView(localize);
      case 'no-backend':
        // No api-base and no provider above (not even one whose code is on its way): say so rather than load for ever.
        return html`<p class="notice" part="notice">${localize.m.errors.noBackend}</p>`;
      case 'no-forum':
        return html`<p class="notice" part="notice">${localize.t.noForum}</p>`;
      case 'load-error':
        return failureView(localize, () => this.#data.run(), this.#data.error);
      case 'manage':
        return this.#manage?.render() ?? this.#wait('views'); // made once the views chunk is in
      case 'outcome': {
        const receipt = this.#submission!.receipt!;
        const view = { localize, host: this, forum: this.forum, icsUrl: this.#client!.icsUrl(receipt.forumId), announce: (text: string) => (this.announce = text) };
        return views?.renderOutcome(view, receipt) ?? this.#wait('views');
      }
      case 'already':
        return this.#submission?.renderAlready(forumSummary(localize, forum)) ?? this.#wait('submit');
      case 'closed':
        return notices?.renderClosed(localize, forum, this.#available === 'closed') ?? this.#wait('notices');
      default:
        return this.#renderForm(this.#shownForm!, forum);
    }
  }

  /**
   * In place of a part still on its way: the loading state; once its fetch failed, the error with
   * a retry, which (once the part is in) focuses `focus` in it.
   */
  #wait(name: PartName, focus = 'top'): TemplateResult {
    const lazyPart: Part<unknown> = PARTS[name];
    const failed = this.#parts.failed(lazyPart);
    if (!failed) return loadingView(this.#localize);
    const retry = () => {
      this.#parts.retry(lazyPart, '[role=alert] button');
      fetchPart(lazyPart).then(() => (this.#focusTarget = focus), () => undefined);
    };
    return failureView(this.#localize, retry, failed, true);
  }

  #renderForm(form: SignupForm, forum: Forum): TemplateResult {
    const localize = this.#localize;
    const { check, guardian, notices } = this.#loaded;
    // A full forum's notice, once its words are in: signing up joins the waitlist.
    const full = this.#available === 'full' ? notices : undefined;
    const stuck = PARTS.check.value ? undefined : this.#stuck;
    const top = stuck
      ? failureView(localize, () => this.#submit(), stuck.error, true)
      : this.#entry.showsSummary
        ? check?.renderSummary(localize, this.#entry, form, (key) => this.#focusField(key))
        : nothing;
    const parts = {
      top,
      guardian: guardian?.renderGuardian(this.#entry, localize.locale) ?? this.#wait('guardian', 'guardian.name'),
      submitLabel: full ? full.submitWaitlist(localize) : localize.t.submit,
      sending: this.#phase === 'sending',
      onSubmit: this.#onSubmit,
    };
    return html`${forumSummary(localize, forum)} ${full ? full.renderFull(localize, forum) : nothing}
      ${this.#phase === 'pending' ? this.#submission?.renderPending() : nothing} ${this.#entry.form(form, parts)}`;
  }
}
