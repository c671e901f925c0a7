import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../../api/errors.js';
import type { Forum, ForumPage, ForumStatus, SignupForm } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { PartsController, part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { HdEditorForumSelectEvent } from '../../events/editor-forum-select.js';
import { HdForumSavedEvent } from '../../events/forum-saved.js';
import { AdminApi, type StatusMove } from '../../operator/admin.js';
import { FieldSet } from '../../operator/fields.js';
import { FormErrors, problemOf } from '../../operator/form.js';
import { operatorStyles } from '../../operator/operator.styles.js';
import { OperatorSession } from '../../operator/session.js';
import { SignInForm } from '../../operator/sign-in.js';
import { baseStyles } from '../../styles/base.js';
import * as d from './draft.js';
import { styles } from './forum-editor.styles.js';
import { ko } from './messages.js';
import { renderConsents, renderQuestions } from './questions.js';
import { renderPicker } from './picker.js';
import { ONE_WAY, renderStatus } from './status.js';

/** The public widgets' preview: a chunk of its own (it brings the calendar's and signup form's code). */
const previewPart = part(() => import('./preview.js'));

type Banner = { kind: 'success' | 'warning'; text: string; more?: string | undefined };

/**
 * The operator's form for a forum: create one, or open one and change it — title, summary, topic
 * tags, district, venue, start and end (typed and shown in Asia/Seoul), capacity (the waitlist takes
 * over when it is full), the signup window, tables, voting dots, idea categories, the join code —
 * and its signup questions (the consents they fall under are shown as the form will ask them);
 * then move it along its life cycle (open signup, close it, start, end). Problems are shown GOV.UK
 * style, the server's at the fields it names; nothing typed is lost on an error, nor when the
 * token is refused (the operator signs in again and saves). A saved forum is previewed as
 * residents see it, in `<hd-forum-calendar>` and `<hd-signup-form>`.
 *
 * The operator signs in with a bearer token (kept in this tab's `sessionStorage` only; see
 * `src/operator/session.ts`): every operator tool on the page shares the sign-in.
 *
 * @summary Create and edit a forum, its signup questions and its status (operator tool).
 * @tag hd-forum-editor
 *
 * @attr forum-id - The forum to edit; without it the form creates a new forum. The operator can
 *   also pick one in the element.
 * @attr api-base - Base URL of the backend (else the nearest `<hd-provider>`'s).
 * @attr lang - `ko` (default) or `en`; otherwise the nearest `lang`.
 *
 * @event {HdForumSavedEvent} hd-forum-saved - A forum was created, or its details, questions or
 *   status saved; `detail.forum` is the forum as saved.
 * @event {HdEditorForumSelectEvent} hd-editor-forum-select - The operator opened or created a forum.
 *
 * @csspart base - The whole tool.
 * @csspart header - The title and the forum picker.
 * @csspart form - The forum's form.
 * @csspart submit - The save button.
 *
 * @cssprop [--hd-forum-editor-max-width=52em] - Widest the form gets (the preview may be wider).
 */
export class HdForumEditor extends LitElement {
  static override styles = [baseStyles, operatorStyles, styles];

  static override properties = {
    forumId: { attribute: 'forum-id' },
    apiBase: { attribute: 'api-base' },
    draft: { state: true, attribute: false },
    questions: { state: true, attribute: false },
    banner: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    switching: { state: true, attribute: false },
    statusNote: { state: true, attribute: false },
  };

  /** The forum being edited ('' for a new one). */
  forumId = '';
  /** Base URL of the backend (else the provider's). */
  apiBase: string | undefined;

  private draft: d.Draft = d.emptyDraft();
  private questions: d.QuestionDraft[] = [];
  /** The draft as last loaded or saved: anything else is unsaved. */
  private saved = this.snapshot();
  /** Which forum the draft is of ('' for a new one). */
  private draftFor = '';
  private forum: Forum | undefined;
  private joinCode: string | undefined;
  private form: SignupForm | undefined;
  private banner: Banner | undefined;
  private busy = false;
  private confirming: StatusMove | '' = '';
  /** A forum picked while there are unsaved changes: it waits for the operator's word. */
  private switching = false;
  private statusNote = '';
  private listVersion = 0;
  private previewVersion = 0;
  /** Which forum, save and language the preview's widgets show. */
  private previewDrawn = '';
  private focusNext = '';

  private readonly api = new ApiController(this);
  private readonly l = words(this, this.api, ko, () => import('./messages-en.js'));
  private readonly num = (n: number): string => this.l.number(n);
  private readonly session = new OperatorSession(this, this.api);
  private readonly signIn = new SignInForm(this, this.session, () => this.l.t, this.num);
  private readonly errors = new FormErrors(this, 'forum');
  private readonly parts = new PartsController(this);
  /** `:state(signed-out | loading | error | creating | editing)`. */
  private readonly states = customStates(this);

  private readonly list = new LoadTask(this, {
    args: () => [this.api.value?.client, this.listVersion] as const,
    task: ([client], { signal }): Promise<ForumPage> | typeof nothingToLoad =>
      client ? client.listForums({ order: 'desc', limit: 100 }, { signal, cache: 'no-cache' }) : nothingToLoad,
  });

  private readonly load = new LoadTask(this, {
    args: () => [this.api.value?.client, this.forumId] as const,
    task: async ([client, forumId], { signal }) => {
      if (!client || !forumId) return nothingToLoad;
      const [forum, form] = await Promise.all([client.getForum(forumId, { signal, cache: 'no-cache' }), client.getSignupForm(forumId, { signal, cache: 'no-cache' })]);
      this.forum = forum;
      this.form = form;
      if (this.draftFor !== forum.id) this.adopt(forum, form);
      return forum;
    },
  });

  private get dirty(): boolean {
    return this.snapshot() !== this.saved;
  }

  private snapshot(): string {
    return JSON.stringify([this.draft, d.questionsInput(this.questions)]);
  }

  /** The draft becomes the forum as saved. */
  private adopt(forum: Forum, form: SignupForm | undefined): void {
    this.draftFor = forum.id;
    this.draft = d.draftOf(forum);
    this.questions = d.questionDrafts(form?.questions ?? []);
    this.saved = this.snapshot();
  }

  /** Starts from the forum asked for (or a new one): what it was drafting goes. */
  private reset(): void {
    this.forum = this.form = this.joinCode = this.banner = undefined;
    this.confirming = this.statusNote = '';
    this.errors.clear();
    this.draftFor = this.forumId ? '\u0000' : ''; // the loaded forum becomes the draft
    this.draft = d.emptyDraft();
    this.questions = [];
    this.saved = this.snapshot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('forumId') && this.forumId !== this.draftFor) this.reset();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.l.updateComplete(() => this.parts.updateComplete(() => super.getUpdateComplete()));
  }

  protected override updated(): void {
    const failed = this.forumId && !this.forum && this.load.status === 'error';
    this.states(!this.session.signedIn ? 'signed-out' : failed ? 'error' : this.forumId && !this.forum ? 'loading' : this.forum ? 'editing' : 'creating');
    if (this.focusNext) this.shadowRoot?.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = '';
    this.drawPreview();
  }

  /** Fresh public widgets in the preview after each save (and for each forum opened). */
  private drawPreview(): void {
    const box = this.shadowRoot?.querySelector('.preview');
    const forum = this.forum;
    const drawn = forum && `${forum.id} ${this.previewVersion} ${this.l.lang}`;
    if (!box || !forum || !previewPart.value || this.previewDrawn === drawn) return;
    this.previewDrawn = drawn!;
    previewPart.value.fill(box, this.l.t, forum, this.api.value!.baseUrl, this.l.lang);
  }

  // ------------------------------------------------------------------ input

  private onInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.dataset['f'];
    if (!key) return;
    const value = el.type === 'checkbox' ? el.checked : el.value;
    const q = /^questions\.(\d+)\.(\w+)$/.exec(key);
    if (q) this.questions = this.questions.map((x, i) => (i === Number(q[1]) ? { ...x, [q[2]!]: value } : x));
    else this.draft = { ...this.draft, [key]: value };
    const spec = d.specOf(key);
    if (spec) this.errors.recheck(key, problemOf(spec, value));
  }

  private readonly questionActions = {
    add: () => {
      this.questions = [...this.questions, d.newQuestion(this.questions)];
      this.focusNext = `#f-questions-${this.questions.length - 1}-label`;
    },
    move: (i: number, by: -1 | 1) => {
      const next = [...this.questions];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      this.questions = next;
      this.errors.clear(); // problems are keyed by position
      this.focusNext = `[data-uid="${next[i + by]!.uid}"] .actions button`;
    },
    remove: (i: number) => {
      this.questions = this.questions.filter((_, j) => j !== i);
      this.errors.clear();
      this.focusNext = this.questions.length ? `[data-uid="${this.questions[Math.min(i, this.questions.length - 1)]!.uid}"] input` : '.add-question';
    },
  };

  private pick(e: Event): void {
    e.preventDefault();
    const id = (this.shadowRoot!.querySelector<HTMLSelectElement>('#pick')?.value ?? '').trim();
    if (this.dirty && !this.switching) {
      this.switching = true;
      this.focusNext = '.switching button';
      return;
    }
    this.switching = false;
    if (id !== this.forumId) this.forumId = id;
    else {
      this.reset(); // the same one again: afresh
      if (id) void this.load.run();
    }
    this.focusNext = 'h2';
    if (id) this.dispatchEvent(new HdEditorForumSelectEvent({ forumId: id }));
  }

  // ------------------------------------------------------------------ writes

  /** The operator's admin calls, or undefined (signed out: the sign-in form is on screen). */
  private admin(): AdminApi | undefined {
    const client = this.api.value?.client;
    const token = this.session.token;
    return client && token ? new AdminApi(client, token) : undefined;
  }

  /** A refused write: a refused token signs out (keeping what was typed), field errors go to their fields. */
  private refused(error: unknown, conflictAt?: string): void {
    if (error instanceof ApiError && error.kind === 'unauthorized') return this.session.signOut('expired');
    if (this.errors.fromServer(error, d.specOf, this.l.error(error))) return;
    if (conflictAt && error instanceof ApiError && error.code === 'conflict') this.errors.show(new Map([[conflictAt, 'conflict']]));
    else this.errors.show(new Map(), this.l.error(error));
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const t = this.l.t;
    const creating = !this.forum;
    const found = d.problems(this.draft, this.questions, creating);
    if (found.size) return this.errors.show(found);
    const admin = this.admin();
    if (this.busy || !admin) return;
    this.busy = true;
    this.banner = undefined;
    let step: 'forum' | 'questions' = 'forum';
    let patch: ReturnType<typeof d.forumPatch> = {};
    try {
      let changed = false;
      if (!this.forum) {
        const forum = await admin.createForum(d.forumInput(this.draft));
        [this.forum, this.joinCode, this.draftFor, this.forumId] = [forum, forum.joinCode, forum.id, forum.id];
        this.dispatchEvent(new HdEditorForumSelectEvent({ forumId: forum.id }));
        changed = true;
      } else if (Object.keys((patch = d.forumPatch(this.draft, this.forum))).length) {
        const forum = await admin.updateForum(this.forum.id, patch);
        [this.forum, this.joinCode, changed] = [forum, forum.joinCode, true];
      }
      step = 'questions';
      const questions = d.questionsInput(this.questions);
      if (JSON.stringify(questions) !== JSON.stringify(this.form?.questions ?? [])) {
        this.form = await admin.putQuestions(this.forum.id, { questions });
        changed = true;
      }
      this.adopt(this.forum, this.form);
      this.errors.clear();
      this.banner = { kind: 'success', text: !changed ? t.save.unchanged : creating ? t.save.created : t.save.updated, more: creating ? t.save.next : undefined };
      if (changed) {
        this.previewVersion++;
        this.listVersion++;
        this.dispatchEvent(new HdForumSavedEvent({ forum: this.forum, created: creating }));
      }
      this.focusNext = '.banner';
    } catch (error) {
      if (step === 'questions') this.banner = { kind: 'warning', text: t.save.partly };
      this.refused(error, 'capacity' in patch ? 'capacity' : undefined);
    } finally {
      this.busy = false;
    }
  }

  private async move(to: StatusMove): Promise<void> {
    if (ONE_WAY.includes(to) && this.confirming !== to) {
      this.confirming = to;
      this.focusNext = '.confirm button';
      return;
    }
    const admin = this.admin();
    if (this.busy || !admin || !this.forum) return;
    this.busy = true;
    try {
      const forum = await admin.setStatus(this.forum.id, to);
      [this.forum, this.joinCode, this.confirming] = [forum, forum.joinCode, ''];
      this.statusNote = this.l.t.status.moved(this.l.m.forumStatus[forum.status]);
      this.previewVersion++;
      this.listVersion++;
      this.dispatchEvent(new HdForumSavedEvent({ forum, created: false }));
    } catch (error) {
      this.confirming = '';
      if (error instanceof ApiError && error.kind === 'unauthorized') this.session.signOut('expired');
      else this.statusNote = this.l.error(error);
    } finally {
      this.busy = false;
      this.focusNext = '#status-title';
    }
  }

  // ------------------------------------------------------------------ render

  private renderForm(): TemplateResult {
    const t = this.l.t;
    const f = t.f;
    const v = this.draft;
    const fields = new FieldSet(this.errors, t, this.num);
    const field = (key: d.FieldKey, label: string, extra: Omit<Parameters<FieldSet['input']>[0], 'key' | 'label' | 'spec' | 'value'> = {}) =>
      fields.input({ key, label, spec: d.FIELDS[key], value: v[key], ...extra });
    const time = { control: 'datetime-local', size: 'm', hint: f.timeHint } as const;
    const districts = this.form?.districts ?? [...new Set((this.list.value?.items ?? []).map((x) => x.district))];
    const body = html`
      <fieldset class="group">
        <legend>${t.section.about}</legend>
        ${field('title', f.title)} ${field('summary', f.summary, { control: 'textarea', hint: f.summaryHint })}
        ${field('topics', f.topics, { hint: f.topicsHint })} ${field('district', f.district, { hint: f.districtHint, list: 'districts', size: 'm' })}
        <datalist id="districts">${districts.map((x) => html`<option value=${x}></option>`)}</datalist>
      </fieldset>
      <fieldset class="group">
        <legend>${t.section.venue}</legend>
        ${field('venue.name', f.venueName)} ${field('venue.address', f.venueAddress)}
      </fieldset>
      <fieldset class="group">
        <legend>${t.section.when}</legend>
        <div class="row">${field('startsAt', f.startsAt, time)} ${field('endsAt', f.endsAt, { ...time, say: { order: t.say.endsAt } })}</div>
      </fieldset>
      <fieldset class="group">
        <legend>${t.section.signup}</legend>
        ${field('capacity', f.capacity, { control: 'number', size: 's', hint: f.capacityHint, say: { conflict: t.say.capacity(this.num(this.forum?.registered ?? 0)) } })}
        <fieldset class="field" aria-describedby="window-hint">
          <legend>${f.window} <span class="mark">(${t.optional})</span></legend>
          <p class="hint" id="window-hint">${f.windowHint} ${f.timeHint}</p>
          <div class="row">
            ${field('signupOpensAt', f.signupOpensAt, { ...time, hint: undefined })}
            ${field('signupClosesAt', f.signupClosesAt, { ...time, hint: undefined, say: { order: t.say.signupClosesAt } })}
          </div>
        </fieldset>
      </fieldset>
      <fieldset class="group">
        <legend>${t.section.room}</legend>
        <div class="row">
          ${field('tables', f.tables, { control: 'number', size: 's', hint: f.tablesHint })} ${field('voteBudget', f.voteBudget, { control: 'number', size: 's' })}
        </div>
        ${field('categories', f.categories, { hint: f.categoriesHint })}
        ${this.forum ? nothing : field('joinCode', f.joinCode, { hint: f.joinCodeHint, size: 'm', say: { format: t.say.joinCode } })}
      </fieldset>
      ${renderQuestions(fields, t, this.questions, this.questionActions, this.num, this.form)}`;
    return html`<form part="form" novalidate @submit=${this.save} @input=${this.onInput}>
      ${fields.summary()} ${body}
      <div class="actions">
        <button type="submit" class="primary" part="submit" ?disabled=${this.busy}>${this.busy ? t.saving : this.forum ? t.save.update : t.save.create}</button>
      </div>
    </form>`;
  }

  private renderForum(): unknown {
    const t = this.l.t;
    if (this.forumId && !this.forum) {
      return this.load.status === 'error'
        ? html`<div class="banner warning" role="alert">
            <p>${this.l.error(this.load.error)}</p>
            <div class="actions"><button type="button" class="secondary" @click=${() => this.load.run()}>${this.l.m.common.retry}</button></div>
          </div>`
        : html`<p class="loading" aria-busy="true">${this.l.m.common.loading}</p>`;
    }
    const forum = this.forum;
    const preview = forum && this.parts.need(previewPart);
    return html`${forum
        ? renderStatus(t, {
            forum,
            joinCode: this.joinCode,
            confirming: this.confirming,
            busy: this.busy,
            statusName: (s: ForumStatus) => this.l.m.forumStatus[s],
            num: this.num,
            move: (to) => void this.move(to),
            note: this.statusNote,
            cancel: () => ((this.confirming = ''), (this.focusNext = '#status-title')),
          })
        : nothing}
      ${this.renderForm()} ${this.form ? renderConsents(t, this.form) : nothing}
      ${forum && preview ? preview.renderPreview(t) : nothing}`;
  }

  protected override render(): unknown {
    if (!this.l.ready) return html`<p class="loading" aria-busy="true"></p>`;
    if (this.api.missing) return html`<p class="banner warning" role="alert">${this.l.m.errors.noBackend}</p>`;
    const t = this.l.t;
    const b = this.banner;
    const editing = this.session.signedIn || this.dirty;
    return html`<div class="base" part="base">
      ${this.signIn.render()}
      ${editing
        ? html`<div class="stack" part="header">
              <h2 tabindex="-1">${this.forum ? `${t.title.edit}: ${this.forum.title}` : t.title.create}</h2>
              ${renderPicker({
                words: this.l.t.picker,
                forums: this.list.value?.items ?? [],
                forumId: this.forumId,
                describe: (forum) => this.l.t.picker.option(forum.title, this.l.date(forum.startsAt), this.l.m.forumStatus[forum.status]),
                switching: this.switching,
                onPick: (event) => this.pick(event),
                onKeep: () => ((this.switching = false), (this.focusNext = '#pick')),
              })}
            </div>
            ${b
              ? html`<div class="banner ${b.kind}" role="alert" tabindex="-1">
                  <p><strong>${b.text}</strong></p>
                  ${b.more ? html`<p>${b.more}</p>` : nothing}
                </div>`
              : nothing}
            ${this.renderForum()}`
        : nothing}
    </div>`;
  }
}
