import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { NotFoundError } from '../../api/errors.js';
import type { LiveMessage } from '../../api/live-stream.js';
import type { ForumResult } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LiveController } from '../../controllers/live-controller.js';
import { PartsController, fetchPart, part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { dateTimeFormat } from '../../i18n/format.js';
import { baseStyles } from '../../styles/base.js';
import type { ResultHost } from './details.js';
import { chartFrames, proposalItem, tableSlot } from './forum-parts.js';
import { ko } from './messages.js';
import type { ProgrammeView } from './programme.js';
import { styles } from './result-summary.styles.js';
import type { Waiting } from './waiting.js';

type ForumView = { kind: 'result' } | ({ kind: 'waiting' } & Waiting);

/**
 * Code that a forum's first screen does not need, each a part fetched once per page by the first
 * element that needs it: the programme view (no `forum-id`); the charts, data tables and print
 * styles (when a forum's charts come near the viewport, a table is opened or the page printed);
 * the CSV export (on the first download); what a forum shows before its results are published;
 * what to do with a live event about the results (with the first one).
 */
const programmeChunk = part(() => import('./programme.js'));
const detailsChunk = part(() => import('./details.js'));
const csvChunk = part(() => import('./csv.js'));
const liveChunk = part(() => import('./live-update.js'));
const waitingChunk = part(() => import('./waiting.js'));

/**
 * After a forum: headline figures, proposals ranked by votes with the ideas they came from, the
 * responsible department, the city's response (수용 / 일부 수용 / 검토 중 / 불수용 / 답변 대기) with
 * its answer and dated timeline, and accessible SVG charts (each with a data table), plus a CSV
 * download and a print view. Before the results are published it says when they are expected.
 * Without `forum-id` it shows the whole programme: totals, the share of proposals accepted or
 * partly accepted, and every forum's responses at a glance, filtered by year and district. It
 * updates live when results are published or an answer changes.
 *
 * @summary What came of a forum and what the city did about it — or, without `forum-id`, the
 *   whole programme's totals and every reported forum's responses at a glance.
 * @tag hd-result-summary
 *
 * @attr forum-id - The forum to summarise. Without it the element shows the whole programme.
 * @attr api-base - Base URL of a backend serving the Hyeondap API (else the nearest `<hd-provider>`'s).
 * @attr year - Programme view: only forums held in this year (Asia/Seoul).
 * @attr district - Programme view: only forums held in this district (읍·면·동).
 * @attr forum-href - Programme view: link of a forum's own results page, `{id}` replaced by the forum's
 *   id (e.g. `/results.html?forum={id}`). A forum's name is a real link there (a new tab or a shared
 *   link opens it); a plain click shows the forum in place unless the page cancels
 *   `hd-result-forum-select`. Without it the link is this page with `#hd-forum=<id>`, which the
 *   programme view opens when the page is loaded with it.
 * @attr lang - `ko` (default) or `en`; otherwise the nearest `lang`.
 *
 * @event {HdResultForumSelectEvent} hd-result-forum-select - A person chose a forum in the programme
 *   view. Cancel it to navigate yourself; otherwise the element shows that forum's summary.
 *
 * @csspart base - The whole summary.
 * @csspart header - Title, dates, summary text and the controls.
 * @csspart controls - The CSV, print and back buttons, and the programme filters.
 * @csspart stats - The headline figures.
 * @csspart proposal - One proposal with its ideas, the city's answer and its timeline.
 * @csspart status - A response status badge.
 * @csspart answer - The city's answer (시 답변).
 * @csspart chart - One chart with its text alternative and data table.
 * @csspart forum - One forum in the programme list.
 * @csspart forum-link - A forum's name in the programme list (a link).
 * @csspart error - The error message with its retry button.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop [--hd-result-summary-chart-columns=auto-fit] - Chart grid columns (`repeat()` count).
 * @cssprop [--hd-result-summary-stat-min=9em] - Narrowest headline figure tile.
 */
export class HdResultSummary extends LitElement {
  static override styles = [baseStyles, styles];

  static override properties = {
    forumId: { attribute: 'forum-id' },
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    year: { type: Number },
    district: {},
    forumHref: { attribute: 'forum-href' },
    data: { state: true, attribute: false },
    announce: { state: true, attribute: false },
    open: { state: true, attribute: false },
    wantDetails: { state: true, attribute: false },
  };

  /** The forum to summarise; empty for the whole programme. */
  forumId = '';
  /** Base URL of the backend. */
  apiBase: string | undefined;
  /** Bearer token (not needed for reading results). */
  token: string | undefined;
  /** Programme view: only forums of this year. */
  year: number | undefined;
  /** Programme view: only forums of this district. */
  district: string | undefined;
  /** Programme view: link template of a forum's results page, with `{id}`. */
  forumHref: string | undefined;

  private data: ForumResult | undefined;
  private announce = '';
  private open = new Set<string>();
  /** A forum's charts came near the viewport, a table was opened or the page is printed: load the details. */
  private wantDetails = false;

  readonly #api = new ApiController(this);
  readonly #localize = words(this, this.#api, ko, () => import('./messages-en.js'));
  /** `:state(loading | error | waiting | empty | ready)` (absent before Safari 16.4). */
  readonly #states = customStates(this);
  #focusHeading = false;
  /**
   * Fetched before the live stream was open, from a backend whose answer carries no `lastEventId`:
   * events in between may be missed, so fetch again once it is.
   */
  #gap = false;
  /** The newest event the shown answer reflects (its `lastEventId`): older live events are skipped. */
  #seen = -1;
  /** The programme view, once its chunk is in. */
  #programme: ProgrammeView | undefined;
  #summaryView: ResultHost | undefined;
  /** Parts this element asked for that are on their way, and those that failed. */
  readonly #parts = new PartsController(this);
  #near: IntersectionObserver | undefined;
  #watched: Element | null = null;

  protected readonly live = new LiveController(this, {
    api: this.#api,
    forumId: () => this.forumId,
    onMessage: (m) => this.#onLive(m),
  });

  readonly #forumTask = new LoadTask(this, {
    args: () => [this.forumId ? this.#api.value?.client : undefined, this.forumId] as const,
    task: async ([client, forumId], { signal }): Promise<ForumView | typeof nothingToLoad> => {
      if (!client || !forumId) return nothingToLoad;
      this.#gap = this.live.state !== 'open';
      try {
        const result = await client.getResults(forumId, { signal, cache: 'no-cache' });
        this.#resumeFrom(result.lastEventId);
        // Only an applied live event (its chunk is then in) can be newer than what was just fetched.
        if (forumId === this.forumId) this.data = liveChunk.value?.keepNewer(result, this.data) ?? result;
        return { kind: 'result' };
      } catch (error) {
        if (!(error instanceof NotFoundError) || error.code !== 'results-not-published') throw error;
        this.#resumeFrom(error.problem?.lastEventId);
        // The forum and the waiting view's code in parallel (a failed chunk fails the task: retry).
        const [forum] = await Promise.all([client.getForum(forumId, { signal }).catch(() => undefined), fetchPart(waitingChunk)]);
        return { kind: 'waiting', forum, expectedAt: error.expectedAt };
      }
    },
  });

  get #words(): typeof ko {
    return this.#localize.t;
  }

  /**
   * The proposals and the city's responses as CSV (UTF-8 with BOM, RFC 4180); '' without a
   * result. The CSV code is a chunk of its own, fetched on first use.
   */
  async csv(): Promise<string> {
    const result = this.data;
    return result ? (await fetchPart(csvChunk)).forumCsv(this.#view, result) : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('forumId')) {
      this.#seen = -1;
      const client = this.#api.value?.client;
      this.data = this.forumId && client ? client.peekResults(this.forumId) : undefined;
      this.announce = '';
    }
  }

  protected override getUpdateComplete(): Promise<boolean> {
    // Resolves once the element is drawn in its language and with every chunk it asked for in.
    return this.#localize.updateComplete(() => this.#parts.updateComplete(() => super.getUpdateComplete()));
  }

  protected override updated(): void {
    this.#states(this.#viewState());
    if (!this.forumId) this.#programme?.fetch();
    if (this.forumId && this.#gap && this.live.state === 'open' && this.#forumTask.status !== 'pending') {
      this.#gap = false;
      void this.#forumTask.run();
    }
    this.#watchCharts();
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  /** A forum's charts (and the details chunk) load once they come within a screen of the viewport. */
  #watchCharts(): void {
    const box = this.wantDetails ? null : this.renderRoot.querySelector('.pending');
    if (box === this.#watched) return;
    this.#near?.disconnect();
    this.#watched = box;
    if (!box) return;
    // (Every browser Lit 3 runs in has IntersectionObserver.)
    this.#near ??= new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && (this.wantDetails = true), { rootMargin: '100% 0px' });
    this.#near.observe(box);
  }

  #viewState(): string {
    if (this.forumId) {
      if (this.data) return this.data.proposals.length ? 'ready' : 'empty';
      const loaded = this.#forumTask.value;
      if (this.#forumTask.status === 'error') return 'error';
      return loaded && loaded.kind === 'waiting' ? 'waiting' : 'loading';
    }
    return this.#programme?.state ?? (this.#parts.failed(programmeChunk) ? 'error' : 'loading');
  }

  /**
   * The answer says which event it reflects: the stream resumes from there (a stream that has seen
   * nothing yet replays what came after it), so no second fetch is needed and older events are skipped.
   */
  #resumeFrom(lastEventId: string | undefined): void {
    if (lastEventId === undefined) return;
    this.#seen = Number(lastEventId);
    this.#gap = false;
    this.live.stream?.advanceTo(lastEventId);
  }

  #onLive(message: LiveMessage): void {
    if (message.type === 'reset' || message.type === 'poll') {
      void this.#forumTask.run();
      return;
    }
    if ((message.type !== 'results.published' && message.type !== 'proposal.updated') || message.forumId !== this.forumId) return;
    if (Number(message.id) <= this.#seen) return; // already in what was fetched
    this.#api.value?.client.invalidateForum(message.forumId);
    // Applied by a chunk fetched with the first such event (callbacks on one promise keep the
    // events' order); if it cannot be fetched, fetch the result again instead.
    fetchPart(liveChunk).then(
      (liveUpdate) => {
        const next = message.forumId === this.forumId && liveUpdate.apply(this.data, message, this.#localize.locale);
        if (next) [this.data, this.announce] = next;
      },
      () => void this.#forumTask.run(),
    );
  }

  // ------------------------------------------------------------------ formatting

  #num = (v: number) => this.#localize.number(v);
  /** A day (`YYYY-MM-DD`, as noon in Seoul) or an instant, as a date. */
  #day(iso: string): string {
    return dateTimeFormat(this.#localize.locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso.length === 10 ? `${iso}T12:00:00+09:00` : iso));
  }

  #toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
    this.wantDetails = true;
  }

  /** Fetches the CSV code on the first click, then builds and saves the file in the same promise chain. */
  #download(): void {
    const result = this.data;
    if (!result) return;
    const save = (csv: typeof import('./csv.js')) => csv.download(this.#view, result, this.renderRoot);
    fetchPart(csvChunk).then(save, (error: unknown) => (this.announce = this.#localize.error(error)));
  }

  /** Prints with the charts and tables in (they may not have been wanted yet). */
  async #print(): Promise<void> {
    this.wantDetails = true;
    await this.updateComplete;
    window.print();
  }

  /** What the lazily loaded parts may read and do. */
  get #view(): ResultHost {
    return (this.#summaryView ??= {
      element: this,
      localize: this.#localize,
      client: () => this.#api.value?.client,
      isOpen: (id) => this.open.has(id),
      toggleButton: (id, label) => this.#toggleButton(id, label),
      show: (forumId) => {
        this.forumId = forumId;
        this.#focusHeading = true;
      },
      statList: (items, busy) => this.#statList(items, busy),
      failure: (error, retry) => this.#failure(error, retry),
      skeleton: () => this.#skeleton(),
      day: (iso) => this.#day(iso),
    });
  }

  // ------------------------------------------------------------------ pieces

  #skeleton(): TemplateResult {
    // No words until the language is in: an English page never flashes Korean.
    return html`<div class="skeleton" part="skeleton" aria-busy="true">
      ${this.#localize.ready ? html`<p class="visually-hidden">${this.#localize.m.common.loading}</p>` : nothing}
      <div class="sk sk-title"></div>
      <div class="sk sk-line"></div>
      <div class="sk sk-block"></div>
      <div class="sk sk-block"></div>
    </div>`;
  }

  #failure(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p>${this.#localize.error(error)}</p>
      <button type="button" @click=${retry}>${this.#localize.m.common.retry}</button>
    </div>`;
  }

  #statList(items: [string, string][], busy = false): TemplateResult {
    return html`<dl class="stats" part="stats" aria-busy=${busy ? 'true' : 'false'}>
      ${items.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  #toggleButton(id: string, label?: string): TemplateResult {
    const open = this.open.has(id);
    return html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => this.#toggle(id)}>
      ${open ? this.#words.hideTable : (label ?? this.#words.showTable)}
    </button>`;
  }

  // ------------------------------------------------------------------ one forum

  #renderForum(result: ForumResult): TemplateResult {
    const words = this.#words;
    const forum = result.forum;
    const stats = result.stats;
    const people = (v: number) => words.people(this.#num(v));
    const items = (v: number) => words.items(this.#num(v));
    const votes = (v: number) => words.votes(this.#num(v));
    const details = this.wantDetails || detailsChunk.value ? this.#parts.need(detailsChunk) : undefined;
    const failed = this.#parts.failed(detailsChunk);
    return html`<article part="base">
      <header part="header">
        <p class="eyebrow">${words.title}</p>
        <h2 tabindex="-1">${forum.title}</h2>
        <p class="meta">${this.#localize.dateRange(forum.startsAt, forum.endsAt)} · ${forum.district} · ${forum.venue.name}</p>
        <p class="meta">${words.published(this.#day(result.publishedAt))}</p>
        <p class="summary">${result.summary}</p>
        <div class="controls" part="controls">
          ${this.#programme?.back() ?? nothing}
          <button type="button" class="download" @click=${this.#download}>${words.download}</button>
          <button type="button" class="print" @click=${this.#print}>${words.print}</button>
        </div>
      </header>

      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${words.figures}</h3>
        ${this.#statList([
          [words.stats.registered, people(stats.registered)],
          [words.stats.attended, people(stats.attended)],
          [words.stats.tables, words.tables(this.#num(stats.tables))],
          [words.stats.facilitators, people(stats.facilitators)],
          [words.stats.ideas, items(stats.ideas)],
          [words.stats.votes, votes(stats.votes)],
        ])}
        ${result.tables.length
          ? html`${this.#toggleButton('per-table', words.perTable)}${details ? details.perTable(this.#view, result) : tableSlot(this.#view, 'per-table')}`
          : nothing}
      </section>

      <section aria-labelledby="proposals">
        <h3 id="proposals">${words.proposals}</h3>
        ${result.proposals.length
          ? html`<ol class="proposals">${result.proposals.map((proposal) => proposalItem(this.#view, proposal))}</ol>`
          : html`<p class="empty">${words.noProposals}</p>`}
      </section>

      <section aria-labelledby="glance">
        <h3 id="glance" tabindex="-1">${words.glance}</h3>
        ${failed
          ? this.#failure(failed, () => this.#parts.retry(detailsChunk, '#glance'))
          : nothing}
        ${chartFrames(this.#view, result, details?.glance(this.#view, result))}
      </section>
    </article>`;
  }

  // ------------------------------------------------------------------ the programme

  /** The programme view: its chunk loads its data (until it is in, the skeleton; if it fails, a retry). */
  #renderProgramme(): unknown {
    const chunk = this.#parts.need(programmeChunk);
    if (chunk) return (this.#programme ??= new chunk.ProgrammeView(this.#view)).render();
    const failed = this.#parts.failed(programmeChunk);
    return failed ? this.#failure(failed, () => this.#parts.retry(programmeChunk, 'h2')) : this.#skeleton();
  }

  protected override render(): unknown {
    if (!this.#localize.ready) return this.#skeleton();
    // No api-base and no provider above: say so rather than load for ever.
    if (this.#api.missing) return html`<p class="error" part="error" role="alert">${this.#localize.m.errors.noBackend}</p>`;
    let body: unknown;
    if (this.forumId) {
      body = this.data
        ? this.#renderForum(this.data)
        : this.#forumTask.render({
            idle: () => this.#skeleton(),
            pending: () => this.#skeleton(),
            complete: (loaded) => (loaded.kind === 'waiting' && this.#parts.need(waitingChunk)?.renderWaiting(this.#view, loaded)) || this.#skeleton(),
            error: (e) => this.#failure(e, () => void this.#forumTask.run()),
          });
    } else {
      body = this.#renderProgramme();
    }
    return html`${body}<p class="visually-hidden" role="status">${this.announce}</p>`;
  }
}
