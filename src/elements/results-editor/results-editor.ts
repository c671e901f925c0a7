import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, NotFoundError } from '../../api/errors.js';
import type { Forum, ForumPage, ForumResult, Idea, Proposal } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { HdEditorForumSelectEvent } from '../../events/editor-forum-select.js';
import { HdProposalAnsweredEvent } from '../../events/proposal-answered.js';
import { HdResultsPublishedEvent } from '../../events/results-published.js';
import { AdminApi } from '../../operator/admin.js';
import { FieldSet } from '../../operator/fields.js';
import { FormErrors, problemOf, type FieldSpec } from '../../operator/form.js';
import { operatorStyles } from '../../operator/operator.styles.js';
import { seoulToday } from '../../operator/seoul.js';
import { OperatorSession } from '../../operator/session.js';
import { SignInForm } from '../../operator/sign-in.js';
import { baseStyles } from '../../styles/base.js';
import { renderAnswers } from './answers.js';
import * as d from './drafts.js';
import { ko } from './messages.js';
import { renderIdeas, renderProposals, type SourceIdea } from './proposals.js';
import { styles } from './results-editor.styles.js';

/**
 * After a forum: the operator turns the ideas shared with the room (or those with most votes) into
 * proposals — title, category, responsible department, the ideas they came from with their votes —
 * and publishes the results with the attendance (`publishResults`); then, over the following
 * months, records the city's response to each proposal (수용 / 일부 수용 / 검토 중 / 불수용 /
 * 답변 대기), its answer and department, each record a dated entry in the proposal's timeline
 * (`respondToProposal`). A `<hd-result-summary>` of the forum on any page follows live. Problems
 * are shown GOV.UK style, the server's at the fields it names; nothing typed is lost on an error,
 * nor when the token is refused.
 *
 * The operator signs in with a bearer token (kept in this tab's `sessionStorage` only): every
 * operator tool on the page shares the sign-in.
 *
 * @summary Publish a forum's proposals and record the city's answers over time (operator tool).
 * @tag hd-results-editor
 *
 * @attr forum-id - The forum whose results to edit; the operator can also pick one in the element.
 * @attr api-base - Base URL of the backend (else the nearest `<hd-provider>`'s).
 * @attr lang - `ko` (default) or `en`; otherwise the nearest `lang`.
 *
 * @event {HdResultsPublishedEvent} hd-results-published - The results were published (or published again).
 * @event {HdProposalAnsweredEvent} hd-proposal-answered - The city's response to a proposal was recorded.
 * @event {HdEditorForumSelectEvent} hd-editor-forum-select - The operator opened a forum.
 *
 * @csspart base - The whole tool.
 * @csspart header - The title and the forum picker.
 * @csspart form - The proposals' form (publishing).
 * @csspart submit - The publish button.
 *
 * @cssprop [--hd-results-editor-max-width=52em] - Widest the tool gets.
 */
export class HdResultsEditor extends LitElement {
  static override styles = [baseStyles, operatorStyles, styles];

  static override properties = {
    forumId: { attribute: 'forum-id' },
    apiBase: { attribute: 'api-base' },
    draft: { state: true, attribute: false },
    showAll: { state: true, attribute: false },
    answering: { state: true, attribute: false },
    notes: { state: true, attribute: false },
    banner: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The forum whose results to edit. */
  forumId = '';
  /** Base URL of the backend (else the provider's). */
  apiBase: string | undefined;

  private draft: d.PublishDraft = d.publishDraft(undefined, 0);
  /** The draft as last loaded or published: anything else is unsaved. */
  private saved = this.snapshot();
  private draftFor = '';
  private forum: Forum | undefined;
  private ideas: Idea[] = [];
  private result: ForumResult | undefined;
  private showAll = false;
  private answering = new Map<string, d.AnswerDraft>();
  private notes = new Map<string, string>();
  private banner = '';
  private busy = false;
  private listVersion = 0;
  private focusNext = '';
  private readonly answerErrors = new Map<string, FormErrors>();

  private readonly api = new ApiController(this);
  private readonly l = words(this, this.api, ko, () => import('./messages-en.js'));
  private readonly num = (n: number): string => this.l.number(n);
  private readonly session = new OperatorSession(this, this.api);
  private readonly signIn = new SignInForm(this, this.session, () => this.l.t, this.num);
  private readonly errors = new FormErrors(this, 'publish');
  /** `:state(signed-out | choosing | loading | error | drafting | published)`. */
  private readonly states = customStates(this);

  private readonly list = new LoadTask(this, {
    args: () => [this.api.value?.client, this.listVersion] as const,
    task: ([client], { signal }): Promise<ForumPage> | typeof nothingToLoad =>
      client ? client.listForums({ status: 'finished,reported', order: 'desc', limit: 100 }, { signal, cache: 'no-cache' }) : nothingToLoad,
  });

  private readonly load = new LoadTask(this, {
    args: () => [this.api.value?.client, this.forumId] as const,
    task: async ([client, forumId], { signal }) => {
      if (!client || !forumId) return nothingToLoad;
      const [forum, ideas, result] = await Promise.all([
        client.getForum(forumId, { signal, cache: 'no-cache' }),
        client.listIdeas(forumId, { sort: 'votes', limit: 1000 }, { signal, cache: 'no-cache' }),
        client.getResults(forumId, { signal, cache: 'no-cache' }).catch((error: unknown) => {
          if (error instanceof NotFoundError && error.code === 'results-not-published') return undefined;
          throw error;
        }),
      ]);
      this.forum = forum;
      // Shared with the room first, then by votes (the list comes by votes).
      this.ideas = [...ideas.items.filter((i) => i.promoted), ...ideas.items.filter((i) => !i.promoted)];
      this.result = result;
      if (this.draftFor !== forum.id) this.adopt(forum.id, result, forum.participants);
      return forum;
    },
  });

  private snapshot(): string {
    return JSON.stringify(d.resultInput(this.draft));
  }

  private adopt(forumId: string, result: ForumResult | undefined, participants: number): void {
    this.draftFor = forumId;
    this.draft = d.publishDraft(result, participants);
    this.saved = this.snapshot();
  }

  /** Unsaved work: changed proposals, or an answer being written. */
  private get dirty(): boolean {
    return this.snapshot() !== this.saved || this.answering.size > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('forumId') && this.forumId !== this.draftFor) {
      this.forum = this.result = undefined;
      this.ideas = [];
      this.banner = '';
      this.answering = new Map();
      this.notes = new Map();
      this.errors.clear();
      this.draftFor = this.forumId ? '\u0000' : '';
      this.draft = d.publishDraft(undefined, 0);
      this.saved = this.snapshot();
    }
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.l.updateComplete(() => super.getUpdateComplete());
  }

  protected override updated(): void {
    const loading = this.forumId && !this.forum;
    this.states(
      !this.session.signedIn ? 'signed-out'
      : !this.forumId ? 'choosing'
      : loading ? (this.load.status === 'error' ? 'error' : 'loading')
      : this.result ? 'published' : 'drafting',
    );
    if (this.focusNext) this.shadowRoot?.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = '';
  }

  // ------------------------------------------------------------------ writes

  private admin(): AdminApi | undefined {
    const client = this.api.value?.client;
    const token = this.session.token;
    return client && token ? new AdminApi(client, token) : undefined;
  }

  /** A refused write: a refused token signs out (keeping what was typed), field errors go to their fields. */
  private refused(error: unknown, form: FormErrors, specOf: (key: string) => FieldSpec | undefined, prefix = ''): void {
    if (error instanceof ApiError && error.kind === 'unauthorized') return this.session.signOut('expired');
    if (!form.fromServer(error, specOf, this.l.error(error), prefix)) form.show(new Map(), this.l.error(error));
  }

  private async publish(e: Event): Promise<void> {
    e.preventDefault();
    const found = d.publishProblems(this.draft);
    if (found.size) return this.errors.show(found);
    const admin = this.admin();
    if (this.busy || !admin || !this.forum) return;
    this.busy = true;
    this.banner = '';
    try {
      const result = await admin.publishResults(this.forum.id, d.resultInput(this.draft));
      [this.result, this.forum] = [result, result.forum];
      this.adopt(result.forumId, result, 0);
      this.errors.clear();
      this.banner = this.l.t.publish.done;
      this.focusNext = '.banner';
      this.listVersion++;
      this.dispatchEvent(new HdResultsPublishedEvent({ result }));
    } catch (error) {
      this.refused(error, this.errors, d.publishSpec);
    } finally {
      this.busy = false;
    }
  }

  private errorsOf(proposalId: string): FormErrors {
    let form = this.answerErrors.get(proposalId);
    if (!form) this.answerErrors.set(proposalId, (form = new FormErrors(this, `answer-${proposalId}`)));
    return form;
  }

  private async answer(proposalId: string, e: Event): Promise<void> {
    e.preventDefault();
    const draft = this.answering.get(proposalId);
    const form = this.errorsOf(proposalId);
    const prefix = `answer.${proposalId}.`;
    if (!draft) return;
    const found = d.answerProblems(draft, prefix);
    if (found.size) return form.show(found);
    const admin = this.admin();
    if (this.busy || !admin || !this.forum || !this.result) return;
    this.busy = true;
    try {
      const proposal: Proposal = await admin.respond(this.forum.id, proposalId, d.answerInput(draft));
      this.result = { ...this.result, proposals: this.result.proposals.map((p) => (p.id === proposal.id ? proposal : p)) };
      const open = new Map(this.answering);
      open.delete(proposalId);
      this.answering = open;
      this.notes = new Map(this.notes).set(proposalId, this.l.t.answers.done(proposal.title));
      form.clear();
      this.focusNext = `[data-id="${proposalId}"] h4`;
      this.dispatchEvent(new HdProposalAnsweredEvent({ proposal }));
    } catch (error) {
      this.refused(error, form, d.answerSpec, prefix);
    } finally {
      this.busy = false;
    }
  }

  // ------------------------------------------------------------------ input

  private onInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.dataset['f'];
    if (!key) return;
    const p = /^proposals\.(\d+)\.(\w+)$/.exec(key);
    if (p) this.draft = { ...this.draft, proposals: this.draft.proposals.map((x, i) => (i === Number(p[1]) ? { ...x, [p[2]!]: el.value } : x)) };
    else this.draft = { ...this.draft, [key]: el.value };
    const spec = d.publishSpec(key);
    if (spec) this.errors.recheck(key, problemOf(spec, el.value));
  }

  private onAnswerInput(proposalId: string, e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.dataset['f'];
    const draft = this.answering.get(proposalId);
    if (!key || !draft) return;
    const name = key.slice(key.lastIndexOf('.') + 1);
    this.answering = new Map(this.answering).set(proposalId, { ...draft, [name]: el.value });
    const spec = d.answerSpec(key);
    if (spec) this.errorsOf(proposalId).recheck(key, problemOf(spec, el.value));
  }

  private setProposals(proposals: d.ProposalDraft[], focus: string): void {
    this.draft = { ...this.draft, proposals };
    this.focusNext = focus;
  }

  private toggleAnswer(proposalId: string): void {
    const open = new Map(this.answering);
    const proposal = this.result?.proposals.find((p) => p.id === proposalId);
    if (open.delete(proposalId) || !proposal) this.focusNext = `[data-id="${proposalId}"] .actions button`;
    else {
      open.set(proposalId, d.answerDraft(proposal, seoulToday()));
      this.focusNext = `[data-id="${proposalId}"] input[type=radio]:checked`;
    }
    this.answering = open;
  }

  private pick(e: Event): void {
    e.preventDefault();
    const id = this.shadowRoot!.querySelector<HTMLSelectElement>('#pick')?.value ?? '';
    if (!id) return;
    if (id === this.forumId) void this.load.run();
    this.forumId = id;
    this.focusNext = 'h2';
    this.dispatchEvent(new HdEditorForumSelectEvent({ forumId: id }));
  }

  // ------------------------------------------------------------------ render

  private renderPicker(): TemplateResult {
    const t = this.l.t;
    const items = this.list.value?.items ?? [];
    if (this.list.status === 'complete' && !items.length && !this.forumId) return html`<p>${t.picker.none}</p>`;
    return html`<form class="picker" @submit=${this.pick}>
      <div class="field">
        <label for="pick">${t.picker.label}</label>
        <p class="hint" id="pick-hint">${t.picker.hint}</p>
        <select id="pick" aria-describedby="pick-hint">
          ${this.forumId ? nothing : html`<option value="" selected>${t.picker.choose}</option>`}
          ${items.map((f) => html`<option value=${f.id} ?selected=${f.id === this.forumId}>${t.picker.option(f.title, this.l.date(f.startsAt), this.l.m.forumStatus[f.status])}</option>`)}
        </select>
      </div>
      <button type="submit" class="secondary">${t.picker.load}</button>
    </form>`;
  }

  private renderForum(forum: Forum): TemplateResult {
    const t = this.l.t;
    const known = new Map<string, SourceIdea>(this.ideas.map((i) => [i.id, i]));
    for (const p of this.result?.proposals ?? []) for (const i of p.ideas) if (!known.has(i.id)) known.set(i.id, i);
    const proposals = this.draft.proposals;
    const fields = new FieldSet(this.errors, t, this.num);
    const view = {
      ideas: this.ideas,
      known,
      showAll: this.showAll,
      draft: this.draft,
      published: !!this.result,
      busy: this.busy,
      categories: [...new Set([...forum.categories, ...this.ideas.map((i) => i.category ?? '').filter(Boolean)])],
      num: this.num,
      toggleAll: () => (this.showAll = !this.showAll),
      make: (idea: Idea) => this.setProposals([...proposals, d.fromIdea(idea)], `#f-proposals-${proposals.length}-title`),
      add: () => this.setProposals([...proposals, d.proposalDraft()], `#f-proposals-${proposals.length}-title`),
      remove: (i: number) => {
        this.errors.clear(); // problems are keyed by position
        this.setProposals(proposals.filter((_, j) => j !== i), proposals.length > 1 ? `#f-proposals-${Math.min(i, proposals.length - 2)}-title` : '.new-proposal');
      },
      addIdea: (i: number) => {
        const id = this.shadowRoot!.querySelector<HTMLSelectElement>(`#pick-${proposals[i]!.uid}`)?.value;
        if (id) this.setProposals(proposals.map((p, j) => (j === i ? { ...p, ideaIds: [...p.ideaIds, id] } : p)), `#pick-${proposals[i]!.uid}`);
      },
      dropIdea: (i: number, id: string) =>
        this.setProposals(proposals.map((p, j) => (j === i ? { ...p, ideaIds: p.ideaIds.filter((x) => x !== id) } : p)), `#pick-${proposals[i]!.uid}`),
    };
    const body = renderProposals(fields, t, view);
    // Once published, recording the city's answers is the work of the months after: it comes first.
    const answers = this.result
      ? renderAnswers(t, {
          proposals: this.result.proposals,
          open: this.answering,
          notes: this.notes,
          errorsOf: (id) => this.errorsOf(id),
          busy: this.busy,
          statusName: (s) => this.l.m.responseStatus[s],
          day: (date) => this.l.date(`${date}T12:00:00+09:00`),
          num: this.num,
          toggle: (id) => this.toggleAnswer(id),
          submit: (id, e) => void this.answer(id, e),
          input: (id, e) => this.onAnswerInput(id, e),
        })
      : nothing;
    const over = forum.status === 'finished' || forum.status === 'reported';
    return html`<dl class="facts">
        <div><dt>${t.picker.label}</dt><dd>${forum.title}</dd></div>
        <div><dt>${this.l.m.forum.date}</dt><dd>${this.l.dateRange(forum.startsAt, forum.endsAt)}</dd></div>
        <div><dt>${t.forumStatus}</dt><dd><span class="badge s-${forum.status}">${this.l.m.forumStatus[forum.status]}</span></dd></div>
      </dl>
      ${over ? nothing : html`<p class="banner warning">${t.notFinished}</p>`}
      ${answers}
      ${renderIdeas(t, view)}
      <form part="form" class="publish" novalidate @submit=${this.publish} @input=${this.onInput}>${fields.summary()} ${body}</form>`;
  }

  protected override render(): unknown {
    if (!this.l.ready) return html`<p class="loading" aria-busy="true"></p>`;
    if (this.api.missing) return html`<p class="banner warning" role="alert">${this.l.m.errors.noBackend}</p>`;
    const t = this.l.t;
    const forum = this.forum;
    let body: unknown = nothing;
    if (forum) body = this.renderForum(forum);
    else if (this.forumId) {
      body =
        this.load.status === 'error'
          ? html`<div class="banner warning" role="alert">
              <p>${this.l.error(this.load.error)}</p>
              <div class="actions"><button type="button" class="secondary" @click=${() => this.load.run()}>${this.l.m.common.retry}</button></div>
            </div>`
          : html`<p class="loading" aria-busy="true">${this.l.m.common.loading}</p>`;
    }
    return html`<div class="base" part="base">
      ${this.signIn.render()}
      ${this.session.signedIn || this.dirty
        ? html`<div class="stack" part="header">
              <h2 tabindex="-1">${t.title}</h2>
              ${this.renderPicker()}
            </div>
            ${this.banner ? html`<div class="banner success" role="alert" tabindex="-1"><p><strong>${this.banner}</strong></p></div>` : nothing} ${body}`
        : nothing}
    </div>`;
  }
}
