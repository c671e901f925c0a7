import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ApiClient } from '../../api/client.js';
import { NotFoundError } from '../../api/errors.js';
import type { LiveMessage } from '../../api/live-stream.js';
import type { Forum, ForumResult, Proposal, Totals } from '../../api/types.js';
import { ApiController } from '../../context/api-consumer.js';
import { LiveController } from '../../context/live-controller.js';
import { dateTimeFormat, formatPercent, seoulDateKey } from '../../i18n/format.js';
import { LocalizeController } from '../../i18n/localize.js';
import { baseStyles } from '../../styles/base.js';
import { HdResultForumSelectEvent } from '../../events/result-forum-select.js';
import { STATUSES, bars, countStatuses, stack, type Bar, type StatusCounts } from './charts.js';
import { toCsv } from './csv.js';
import { en, ko, type ResultMessages } from './messages.js';
import { styles } from './result-summary.styles.js';

type ForumView = { kind: 'result' } | { kind: 'waiting'; forum: Forum | undefined; expectedAt: string | null };
interface Programme {
  totals: Totals;
  forums: Forum[];
}

const PAGE = 10;
const PARALLEL = 4;
const AGE_ORDER = ['under14', '14-19', '20s', '30s', '40s', '50s', '60s', '70plus'];
const seoulYear = (iso: string) => Number(seoulDateKey(iso).slice(0, 4));

/** Every reported forum, newest first (one request per 100). */
async function reportedForums(client: ApiClient, signal: AbortSignal): Promise<Forum[]> {
  const out: Forum[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listForums({ status: 'reported', order: 'desc', limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** A fetched result, keeping any proposal a live event already moved further (its timeline is longer). */
function keepNewer(fetched: ForumResult, shown: ForumResult | undefined): ForumResult {
  if (!shown || shown.forumId !== fetched.forumId) return fetched;
  const proposals = fetched.proposals.map((p) => {
    const q = shown.proposals.find((x) => x.id === p.id);
    return q && q.timeline.length > p.timeline.length ? q : p;
  });
  return { ...fetched, proposals };
}

/**
 * @summary What came of a forum and what the city did about it — or, without `forum-id`, the
 *   whole programme's totals and every reported forum's responses at a glance.
 * @tag hd-result-summary
 *
 * @attr forum-id - The forum to summarise. Without it the element shows the whole programme.
 * @attr api-base - Base URL of a backend serving the Hyeondap API (else the nearest `<hd-provider>`'s).
 * @attr year - Programme view: only forums held in this year (Asia/Seoul).
 * @attr district - Programme view: only forums held in this district (읍·면·동).
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
 * @csspart error - The error message with its retry button.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop [--hd-result-summary-chart-columns=auto-fit] - Chart grid columns (`repeat()` count).
 * @cssprop [--hd-result-summary-stat-min=9em] - Narrowest headline figure tile.
 */
export class HdResultSummary extends LitElement {
  static override styles = [baseStyles, styles];

  /** The forum to summarise; empty for the whole programme. */
  @property({ attribute: 'forum-id' }) forumId = '';
  /** Base URL of the backend. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  /** Bearer token (not needed for reading results). */
  @property({ attribute: false }) token: string | undefined;
  /** Programme view: only forums of this year. */
  @property({ type: Number }) year: number | undefined;
  /** Programme view: only forums of this district. */
  @property() district: string | undefined;

  @state() private data: ForumResult | undefined;
  @state() private announce = '';
  @state() private shown = PAGE;
  @state() private open = new Set<string>();
  @state() private results = new Map<string, ForumResult | Error>();
  /** Came here from the programme view: offer the way back. */
  @state() private fromProgramme = false;

  private readonly api = new ApiController(this);
  private readonly l = new LocalizeController(this, { locale: () => this.api.locale });
  private readonly internals = this.attachInternals();
  private queue: string[] = [];
  private readonly loading = new Set<string>();
  private wanted: string[] = [];
  private focusHeading = false;
  /** Fetched before the live stream was open: events in between may be missed, so fetch again once it is. */
  private gap = false;

  protected readonly live = new LiveController(this, {
    stream: () => (this.forumId && this.api.ready ? this.api.live(this.forumId) : undefined),
    onMessage: (m) => this.onLive(m),
  });

  private readonly forumTask = new Task(this, {
    args: () => [this.forumId ? this.api.value?.client : undefined, this.forumId] as const,
    task: async ([client, forumId], { signal }): Promise<ForumView | typeof initialState> => {
      if (!client || !forumId) return initialState;
      this.gap = this.live.state !== 'open';
      try {
        const result = await client.getResults(forumId, { signal, cache: 'no-cache' });
        if (forumId === this.forumId) this.data = keepNewer(result, this.data);
        return { kind: 'result' };
      } catch (error) {
        if (!(error instanceof NotFoundError) || error.code !== 'results-not-published') throw error;
        const forum = await client.getForum(forumId, { signal }).catch(() => undefined);
        return { kind: 'waiting', forum, expectedAt: error.expectedAt };
      }
    },
  });

  private readonly programmeTask = new Task(this, {
    args: () => [this.forumId ? undefined : this.api.value?.client] as const,
    task: async ([client], { signal }): Promise<Programme | typeof initialState> => {
      if (!client) return initialState;
      const [totals, forums] = await Promise.all([client.getTotals({ signal }), reportedForums(client, signal)]);
      return { totals, forums };
    },
  });

  private get m(): ResultMessages {
    return this.l.locale === 'en' ? en : ko;
  }

  /** The proposals and the city's responses as CSV (UTF-8 with BOM, RFC 4180); '' without a result. */
  csv(): string {
    const r = this.data;
    if (!r) return '';
    const m = this.m;
    const rs = this.l.m.responseStatus;
    const n = (v: number) => String(v);
    return toCsv([
      m.csv,
      ...r.proposals.map((p) => [
        r.forum.title,
        seoulDateKey(r.forum.startsAt),
        p.rank,
        p.title,
        p.votes,
        p.category ?? '',
        p.department ?? '',
        rs[p.status],
        p.answer ?? '',
        p.answeredAt ? seoulDateKey(p.answeredAt) : '',
        p.ideas.map((i) => m.csvIdea(i.text, n(i.table), n(i.votes))).join('\n'),
        p.timeline.map((t) => `${t.date} ${t.status ? `[${rs[t.status]}] ` : ''}${t.text}`).join('\n'),
      ]),
    ]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('forumId')) {
      const client = this.api.value?.client;
      this.data = this.forumId && client ? client.peekResults(this.forumId) : undefined;
      this.announce = '';
    }
    if (changed.has('year') || changed.has('district')) this.shown = PAGE;
  }

  protected override updated(): void {
    const s = this.internals.states;
    const now = this.viewState();
    for (const k of ['loading', 'error', 'waiting', 'empty', 'ready']) {
      try {
        if (k === now) s.add(k);
        else s.delete(k);
      } catch {
        // CustomStateSet without plain names (older engines): the attribute-free fallback is fine.
      }
    }
    this.fetchResults(this.wanted);
    if (this.forumId && this.gap && this.live.state === 'open' && this.forumTask.status !== TaskStatus.PENDING) {
      this.gap = false;
      void this.forumTask.run();
    }
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  private viewState(): string {
    if (this.forumId) {
      if (this.data) return this.data.proposals.length ? 'ready' : 'empty';
      const v = this.forumTask.value;
      if (this.forumTask.status === TaskStatus.ERROR) return 'error';
      return v && v.kind === 'waiting' ? 'waiting' : 'loading';
    }
    if (this.programmeTask.status === TaskStatus.ERROR) return 'error';
    return this.programmeTask.status === TaskStatus.COMPLETE ? 'ready' : 'loading';
  }

  private onLive(msg: LiveMessage): void {
    if (msg.type === 'reset' || msg.type === 'poll') {
      void this.forumTask.run();
      return;
    }
    if (msg.type !== 'results.published' && msg.type !== 'proposal.updated') return;
    if (msg.forumId !== this.forumId) return;
    this.api.value?.client.invalidateForum(msg.forumId);
    if (msg.type === 'results.published') {
      this.data = msg.data;
      this.announce = this.m.livePublished;
    } else if (this.data) {
      const p = msg.data;
      this.data = { ...this.data, proposals: this.data.proposals.map((q) => (q.id === p.id ? p : q)) };
      this.announce = this.m.liveUpdated(p.title);
    }
  }

  /** Loads forum results for the programme list, a few at a time (shared cache: each once). */
  private fetchResults(ids: string[]): void {
    for (const id of ids) if (!this.results.has(id) && !this.loading.has(id) && !this.queue.includes(id)) this.queue.push(id);
    const client = this.api.value?.client;
    while (client && this.loading.size < PARALLEL && this.queue.length) {
      const id = this.queue.shift()!;
      this.loading.add(id);
      void client
        .getResults(id)
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
        .then((r) => {
          this.loading.delete(id);
          this.results = new Map(this.results).set(id, r);
        });
    }
  }

  // ------------------------------------------------------------------ formatting

  private num = (v: number) => this.l.number(v);
  private day(iso: string): string {
    const at = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00+09:00` : iso;
    return dateTimeFormat(this.l.locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(at));
  }

  private toggle(id: string): void {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  private download(): void {
    const r = this.data;
    if (!r) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([this.csv()], { type: 'text/csv;charset=utf-8' }));
    a.download = `${seoulDateKey(r.forum.startsAt)} ${r.forum.title}`.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() + '.csv';
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  private select(forumId: string): void {
    if (!this.dispatchEvent(new HdResultForumSelectEvent({ forumId }))) return;
    this.fromProgramme = true;
    this.forumId = forumId;
    this.focusHeading = true;
  }

  private back(): void {
    this.fromProgramme = false;
    this.forumId = '';
    this.focusHeading = true;
  }

  // ------------------------------------------------------------------ pieces

  private skeleton(): TemplateResult {
    return html`<div class="skeleton" part="skeleton" aria-busy="true">
      <p class="visually-hidden">${this.l.m.common.loading}</p>
      <div class="sk sk-title"></div>
      <div class="sk sk-line"></div>
      <div class="sk sk-block"></div>
      <div class="sk sk-block"></div>
    </div>`;
  }

  private failure(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="error" part="error" role="alert">
      <p>${this.l.error(error)}</p>
      <button type="button" @click=${retry}>${this.l.m.common.retry}</button>
    </div>`;
  }

  private badge(status: Proposal['status']): TemplateResult {
    return html`<span class="badge s-${status}" part="status">${this.l.m.responseStatus[status]}</span>`;
  }

  private statList(items: [string, string][], busy = false): TemplateResult {
    return html`<dl class="stats" part="stats" aria-busy=${busy ? 'true' : 'false'}>
      ${items.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  private table(id: string, caption: string, head: string[], rows: (string | number)[][], foot?: (string | number)[]): TemplateResult {
    return html`<div class="table-wrap" id=${id} ?hidden=${!this.open.has(id)}>
      <table>
        <caption>${caption}</caption>
        <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i ? html`<td>${c}</td>` : html`<th scope="row">${c}</th>`))}</tr>`)}</tbody>
        ${foot ? html`<tfoot><tr>${foot.map((c, i) => (i ? html`<td>${c}</td>` : html`<th scope="row">${c}</th>`))}</tr></tfoot>` : nothing}
      </table>
    </div>`;
  }

  private toggleButton(id: string, label?: string): TemplateResult {
    const open = this.open.has(id);
    return html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => this.toggle(id)}>
      ${open ? this.m.hideTable : (label ?? this.m.showTable)}
    </button>`;
  }

  private figure(id: string, title: string, chart: TemplateResult, table: TemplateResult, extra: unknown = nothing): TemplateResult {
    return html`<figure class="chart" part="chart">
      <figcaption>${title}</figcaption>
      ${chart}${extra}
      ${this.toggleButton(id)}${table}
    </figure>`;
  }

  private barFigure(id: string, title: string, rows: Bar[], format: (n: number) => string, head: string[], max = 99): TemplateResult {
    const m = this.m;
    let shown = rows;
    if (rows.length > max) {
      const rest = rows.slice(max - 1);
      shown = [...rows.slice(0, max - 1), { label: m.others(this.num(rest.length)), value: rest.reduce((s, r) => s + r.value, 0) }];
    }
    const alt = m.alt(title, rows.map((r) => `${r.label} ${format(r.value)}`).join(', '));
    return this.figure(id, title, bars(shown, alt, format), this.table(id, title, head, rows.map((r) => [r.label, this.num(r.value)])));
  }

  private statusText(counts: StatusCounts): string {
    const rs = this.l.m.responseStatus;
    const parts = STATUSES.filter((k) => counts[k]).map((k) => `${rs[k]} ${this.m.items(this.num(counts[k]))}`);
    return parts.length ? parts.join(', ') : this.m.noneYet;
  }

  private legend(counts: StatusCounts): TemplateResult {
    const rs = this.l.m.responseStatus;
    return html`<ul class="legend">
      ${STATUSES.map((k) => html`<li><span class="swatch s-${k}" aria-hidden="true"></span>${rs[k]} ${this.m.items(this.num(counts[k]))}</li>`)}
    </ul>`;
  }

  // ------------------------------------------------------------------ one forum

  private renderForum(r: ForumResult): TemplateResult {
    const m = this.m;
    const f = r.forum;
    const s = r.stats;
    const people = (v: number) => m.people(this.num(v));
    const items = (v: number) => m.items(this.num(v));
    const votes = (v: number) => m.votes(this.num(v));
    const sum = (k: 'participants' | 'ideas' | 'votes') => this.num(r.tables.reduce((t, x) => t + x[k], 0));
    const cats = r.categories.map((c) => ({ label: c.category || m.uncategorised, ideas: c.ideas, votes: c.votes }));
    const catAlt = m.alt(m.byCategory, cats.map((c) => `${c.label} ${items(c.ideas)} ${votes(c.votes)}`).join(', '));
    const ages = [...r.byAgeGroup].sort((a, b) => AGE_ORDER.indexOf(a.key) - AGE_ORDER.indexOf(b.key));
    return html`<article part="base">
      <header part="header">
        <p class="eyebrow">${m.title}</p>
        <h2 tabindex="-1">${f.title}</h2>
        <p class="meta">${this.l.dateRange(f.startsAt, f.endsAt)} · ${f.district} · ${f.venue.name}</p>
        <p class="meta">${m.published(this.day(r.publishedAt))}</p>
        <p class="summary">${r.summary}</p>
        <div class="controls" part="controls">
          ${this.fromProgramme ? html`<button type="button" class="back" @click=${this.back}>${m.back}</button>` : nothing}
          <button type="button" class="download" @click=${this.download}>${m.download}</button>
          <button type="button" class="print" @click=${() => window.print()}>${m.print}</button>
        </div>
      </header>

      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${m.figures}</h3>
        ${this.statList([
          [m.stats.registered, people(s.registered)],
          [m.stats.attended, people(s.attended)],
          [m.stats.tables, m.tables(this.num(s.tables))],
          [m.stats.facilitators, people(s.facilitators)],
          [m.stats.ideas, items(s.ideas)],
          [m.stats.votes, votes(s.votes)],
        ])}
        ${r.tables.length
          ? html`${this.toggleButton('per-table', m.perTable)}
            ${this.table(
              'per-table',
              m.perTable,
              m.tableCols,
              r.tables.map((t) => [m.tableNo(this.num(t.number)), t.topic ?? '', t.facilitator ?? '', this.num(t.participants), this.num(t.ideas), this.num(t.votes)]),
              [m.total, '', '', sum('participants'), sum('ideas'), sum('votes')],
            )}`
          : nothing}
      </section>

      <section aria-labelledby="proposals">
        <h3 id="proposals">${m.proposals}</h3>
        ${r.proposals.length
          ? html`<ol class="proposals">${r.proposals.map((p) => this.renderProposal(p))}</ol>`
          : html`<p class="empty">${m.noProposals}</p>`}
      </section>

      <section aria-labelledby="glance">
        <h3 id="glance">${m.glance}</h3>
        <div class="charts">
          ${cats.length
            ? this.figure(
                'cat',
                m.byCategory,
                html`<div class="pair">
                  <div><p class="series">${m.stats.ideas}</p>${bars(cats.map((c) => ({ label: c.label, value: c.ideas })), catAlt, items)}</div>
                  <div aria-hidden="true"><p class="series">${m.stats.votes}</p>${bars(cats.map((c) => ({ label: c.label, value: c.votes })), '', votes)}</div>
                </div>`,
                this.table('cat', m.byCategory, [m.category, m.stats.ideas, m.stats.votes], cats.map((c) => [c.label, this.num(c.ideas), this.num(c.votes)])),
              )
            : nothing}
          ${r.byDistrict.length
            ? this.barFigure('district', m.byDistrict, r.byDistrict.map((t) => ({ label: t.key, value: t.count })), people, [m.district, m.stats.registered], 8)
            : nothing}
          ${ages.length
            ? this.barFigure('age', m.byAge, ages.map((t) => ({ label: m.ageGroups[t.key] ?? t.key, value: t.count })), people, [m.ageGroup, m.stats.registered])
            : nothing}
        </div>
      </section>
    </article>`;
  }

  private renderProposal(p: Proposal): TemplateResult {
    const m = this.m;
    return html`<li class="proposal" part="proposal" data-id=${p.id}>
      <div class="p-head">
        <span class="rank">${m.rank(this.num(p.rank))}</span>
        <h4>${p.title}</h4>
        ${this.badge(p.status)}
      </div>
      <dl class="p-meta">
        <div><dt>${m.stats.votes}</dt><dd>${m.votes(this.num(p.votes))}</dd></div>
        ${p.category ? html`<div><dt>${m.category}</dt><dd>${p.category}</dd></div>` : nothing}
        <div><dt>${m.department}</dt><dd>${p.department ?? m.unassigned}</dd></div>
      </dl>
      <div class="answer" part="answer">
        <h5>${m.answer}</h5>
        <p>${p.answer ?? m.noAnswer}</p>
        ${p.answeredAt ? html`<p class="muted">${m.answeredAt(this.day(p.answeredAt))}</p>` : nothing}
      </div>
      ${p.ideas.length
        ? html`<h5>${m.ideasFrom}</h5>
            <ul class="ideas">
              ${p.ideas.map((i) => html`<li>${i.text} <span class="muted">(${m.ideaMeta(this.num(i.table), this.num(i.votes))})</span></li>`)}
            </ul>`
        : nothing}
      ${p.timeline.length
        ? html`<h5>${m.timeline}</h5>
            <ol class="timeline">
              ${p.timeline.map((t) => html`<li><time datetime=${t.date}>${this.day(t.date)}</time>${t.status ? this.badge(t.status) : nothing}<span>${t.text}</span></li>`)}
            </ol>`
        : nothing}
    </li>`;
  }

  private renderWaiting(v: { forum: Forum | undefined; expectedAt: string | null }): TemplateResult {
    return html`<section class="waiting" part="base">
      <p class="eyebrow">${this.m.title}</p>
      <h2 tabindex="-1">${v.forum?.title ?? this.m.title}</h2>
      ${v.forum ? html`<p class="meta">${this.l.dateRange(v.forum.startsAt, v.forum.endsAt)} · ${v.forum.district}</p>` : nothing}
      <p class="notice">${v.expectedAt ? this.m.waiting(this.day(v.expectedAt)) : this.m.waitingUnknown}</p>
    </section>`;
  }

  // ------------------------------------------------------------------ the programme

  private renderProgramme(p: Programme): TemplateResult {
    const m = this.m;
    const forums = p.forums.filter((f) => (!this.year || seoulYear(f.startsAt) === this.year) && (!this.district || f.district === this.district));
    const filtered = !!(this.year || this.district);
    const visible = forums.slice(0, this.shown);
    this.wanted = (filtered ? forums : visible).map((f) => f.id);

    let figures: { forums: number; attended: number; proposals: number; counts: StatusCounts } | undefined;
    let failed: Error | undefined;
    if (!filtered) {
      const t = p.totals;
      figures = { forums: t.reportedForums, attended: t.attended, proposals: t.proposals, counts: t.responses };
    } else {
      const got = forums.map((f) => this.results.get(f.id));
      failed = got.find((g): g is Error => g instanceof Error);
      if (got.every((g) => g && !(g instanceof Error))) {
        const rs = got as ForumResult[];
        figures = {
          forums: rs.length,
          attended: rs.reduce((s, r) => s + r.stats.attended, 0),
          proposals: rs.reduce((s, r) => s + r.proposals.length, 0),
          counts: countStatuses(rs.flatMap((r) => r.proposals)),
        };
      }
    }
    const pending = '…';
    const share = figures && figures.proposals ? formatPercent((figures.counts.accepted + figures.counts.partial) / figures.proposals, this.l.locale) : pending;
    const years = [...new Set(p.forums.map((f) => seoulYear(f.startsAt)))].sort((a, b) => b - a);
    const districts = [...new Set(p.forums.map((f) => f.district))].sort((a, b) => a.localeCompare(b, 'ko'));
    const byYear = p.totals.byYear.filter((y) => y.forums && (y.attended || y.proposals));

    return html`<article part="base">
      <header part="header">
        <h2 tabindex="-1">${m.programme}</h2>
        <div class="controls filters" part="controls">
          <label>${m.year}
            <select @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value) || undefined)}>
              <option value="" ?selected=${!this.year}>${m.all}</option>
              ${years.map((y) => html`<option value=${y} ?selected=${this.year === y}>${m.yearOption(String(y))}</option>`)}
            </select>
          </label>
          <label>${m.district}
            <select @change=${(e: Event) => (this.district = (e.target as HTMLSelectElement).value || undefined)}>
              <option value="" ?selected=${!this.district}>${m.all}</option>
              ${districts.map((d) => html`<option value=${d} ?selected=${this.district === d}>${d}</option>`)}
            </select>
          </label>
        </div>
      </header>

      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${m.figures}</h3>
        ${failed ? this.failure(failed, () => this.retryResults()) : nothing}
        ${this.statList(
          [
            [m.forums, figures ? m.times(this.num(figures.forums)) : pending],
            [m.citizens, figures ? m.people(this.num(figures.attended)) : pending],
            [m.proposalCount, figures ? m.items(this.num(figures.proposals)) : pending],
            [m.acceptedShare, share],
          ],
          !figures,
        )}
        ${figures
          ? this.figure(
              'responses',
              m.responses,
              stack(figures.counts, m.alt(m.responses, this.statusText(figures.counts))),
              this.table('responses', m.responses, [m.responses, m.proposalCount], STATUSES.map((k) => [this.l.m.responseStatus[k], this.num(figures!.counts[k])])),
              this.legend(figures.counts),
            )
          : nothing}
      </section>

      <section aria-labelledby="forum-list">
        <h3 id="forum-list">${m.forumList}</h3>
        ${forums.length
          ? html`<ul class="forums">${visible.map((f) => this.renderForumRow(f))}</ul>`
          : html`<p class="empty">${m.noForums}</p>`}
        ${forums.length > this.shown
          ? html`<button type="button" class="more" @click=${() => (this.shown += PAGE)}>${m.moreForums}</button>`
          : nothing}
      </section>

      ${!filtered && byYear.length
        ? html`<section aria-labelledby="glance">
            <h3 id="glance" class="visually-hidden">${m.glance}</h3>
            <div class="charts">
              ${this.figure(
                'years',
                m.byYear,
                bars(
                  byYear.map((y) => ({ label: m.yearOption(String(y.year)), value: y.attended })),
                  m.alt(m.byYear, byYear.map((y) => `${m.yearOption(String(y.year))} ${m.people(this.num(y.attended))}`).join(', ')),
                  (v) => m.people(this.num(v)),
                ),
                this.table('years', m.byYear, m.yearCols, byYear.map((y) => [m.yearOption(String(y.year)), this.num(y.forums), this.num(y.attended), this.num(y.proposals)])),
              )}
            </div>
          </section>`
        : nothing}
    </article>`;
  }

  private renderForumRow(f: Forum): TemplateResult {
    const m = this.m;
    const r = this.results.get(f.id);
    let detail: TemplateResult;
    if (!r) detail = html`<div class="sk sk-line" aria-hidden="true"></div>`;
    else if (r instanceof Error) detail = html`<p class="muted">${this.l.error(r)}</p>`;
    else {
      const counts = countStatuses(r.proposals);
      const text = this.statusText(counts);
      detail = html`<p class="muted">${m.citizens} ${m.people(this.num(r.stats.attended))} · ${m.proposalCount} ${m.items(this.num(r.proposals.length))}</p>
        ${r.proposals.length ? stack(counts, m.alt(m.responses, text)) : nothing}
        <p class="status-text">${text}</p>`;
    }
    return html`<li class="forum" part="forum">
      <h4><button type="button" class="link" @click=${() => this.select(f.id)}>${f.title}</button></h4>
      <p class="meta">${this.day(f.startsAt)} · ${f.district}</p>
      ${detail}
    </li>`;
  }

  private retryResults(): void {
    const results = new Map(this.results);
    for (const [id, r] of results) if (r instanceof Error) results.delete(id);
    this.results = results;
  }

  protected override render(): unknown {
    let body: unknown;
    if (this.forumId) {
      body = this.data
        ? this.renderForum(this.data)
        : this.forumTask.render({
            initial: () => this.skeleton(),
            pending: () => this.skeleton(),
            complete: (v) => (v.kind === 'waiting' ? this.renderWaiting(v) : this.skeleton()),
            error: (e) => this.failure(e, () => void this.forumTask.run()),
          });
    } else {
      this.wanted = [];
      body = this.programmeTask.render({
        initial: () => this.skeleton(),
        pending: () => (this.programmeTask.value ? this.renderProgramme(this.programmeTask.value) : this.skeleton()),
        complete: (p) => this.renderProgramme(p),
        error: (e) => this.failure(e, () => void this.programmeTask.run()),
      });
    }
    return html`${body}<p class="visually-hidden" role="status">${this.announce}</p>`;
  }
}
