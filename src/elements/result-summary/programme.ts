/**
 * `<hd-result-summary>` without `forum-id`: the whole programme's totals, every reported forum's
 * responses at a glance, and the year and district filters. A chunk of its own (it brings the
 * charts and tables of `details.ts` along), fetched only by an element that shows the programme:
 * a page with one forum's results never downloads it. Its words live here, in both languages, and its styles are adopted
 * by the element's shadow root when it arrives.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { Forum, ForumResult, Totals } from '../../api/types.js';
import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { HdResultForumSelectEvent } from '../../events/result-forum-select.js';
import { formatPercent, seoulDateKey } from '../../i18n/format.js';
import { STATUSES, bars, countStatuses, styles as detailStyles, figure, stack, table, words, type ResultHost, type StatusCounts } from './details.js';

const ko = {
  programme: '현답토론회 전체 결과',
  times: (n: string) => `${n}회`,
  forums: '결과 공개 토론회',
  citizens: '참석 시민',
  proposalCount: '시에 전달된 제안',
  acceptedShare: '수용·일부 수용',
  responses: '제안별 시 답변 현황',
  year: '연도',
  all: '전체',
  yearOption: (y: string) => `${y}년`,
  forumList: '토론회별 결과',
  noForums: '조건에 맞는 토론회가 없습니다.',
  moreForums: '토론회 더 보기',
  noneYet: '제안 없음',
  byYear: '연도별 참석 시민',
  back: '전체 결과로 돌아가기',
  yearCols: ['연도', '토론회', '참석', '제안'],
};

const en: typeof ko = {
  programme: 'Hyeondap forums: all results',
  times: (n) => n,
  forums: 'Forums reported',
  citizens: 'Citizens attended',
  proposalCount: 'Proposals to the city',
  acceptedShare: 'Accepted or partly',
  responses: 'The city’s responses',
  year: 'Year',
  all: 'All',
  yearOption: (y) => y,
  forumList: 'Results by forum',
  noForums: 'No forums match.',
  moreForums: 'More forums',
  noneYet: 'No proposals',
  byYear: 'Citizens attending by year',
  yearCols: ['Year', 'Forums', 'Attended', 'Proposals'],
  back: 'Back to all results',
};

/** The programme view's own styles (the element's shadow root adopts them with this chunk). */
export const styles = [
  ...detailStyles,
  css`
    label { display: grid; gap: 0.25em; font-weight: 600; }
    select {
      border: 1px solid var(--_hd-color-border);
      border-radius: var(--_hd-radius-small);
      background: var(--_hd-color-surface);
      padding: 0.4em 0.9em;
    }
    .link, .more { background: none; border: 0; color: var(--_hd-color-accent); text-decoration: underline; padding: 0.4em 0; text-align: start; }
    .more { border: 1px solid var(--_hd-color-border); text-decoration: none; padding: 0.4em 1em; margin-top: 0.75em; }
    .link { font: inherit; font-weight: 700; }
    .forums { list-style: none; padding: 0; display: grid; gap: 1em; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr)); }
    .forum {
      border: 1px solid var(--_hd-color-border);
      border-radius: var(--_hd-radius);
      padding: 1em;
      background: var(--_hd-color-surface);
      display: grid;
      gap: 0.25em;
      align-content: start;
    }
    .status-text { font-size: 0.95em; }
    @media print {
      .more { display: none !important; }
      .forum { break-inside: avoid; border-color: #999; padding: 0.5em; }
    }
  `,
];

export interface Programme {
  totals: Totals;
  forums: Forum[];
}

/** Every reported forum, newest first (one request per 100). */
export async function reportedForums(client: ApiClient, signal: AbortSignal): Promise<Forum[]> {
  const out: Forum[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listForums({ status: 'reported', order: 'desc', limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const PAGE = 10;
const PARALLEL = 4;
const seoulYear = (iso: string) => Number(seoulDateKey(iso).slice(0, 4));

/** One element's programme view: its list paging and the forum results it fetched for the list. */
export class ProgrammeView {
  private readonly h: ResultHost;
  private shown = PAGE;
  private filter = '';
  private results = new Map<string, ForumResult | Error>();
  private queue: string[] = [];
  private readonly loading = new Set<string>();
  private wanted: string[] = [];
  /** A forum of the list is shown: its summary offers the way back. */
  private from = false;

  /** The programme's totals and its reported forums (loaded from here: the element has no task for them). */
  private readonly task: LoadTask<readonly [ApiClient | undefined], Programme>;

  constructor(host: ResultHost) {
    this.h = host;
    this.task = new LoadTask(host.el, {
      args: () => [host.el.forumId ? undefined : host.client()] as const,
      task: async ([client], { signal }) => {
        if (!client) return nothingToLoad;
        const [totals, forums] = await Promise.all([client.getTotals({ signal }), reportedForums(client, signal)]);
        return { totals, forums };
      },
    });
    // Made during the element's render: start now rather than at its next update.
    void this.task.run();
  }

  /** The way back to the programme, in a forum's summary opened from it. */
  back(): TemplateResult | undefined {
    const go = () => {
      this.from = false;
      this.h.show('');
    };
    return this.from ? html`<button type="button" class="back" @click=${go}>${this.w.back}</button>` : undefined;
  }

  /** The element's state while it shows the programme. */
  get state(): 'loading' | 'error' | 'ready' {
    const s = this.task.status;
    return s === 'error' ? 'error' : s === 'complete' ? 'ready' : 'loading';
  }

  private get w(): typeof ko {
    return this.h.l.locale === 'en' ? en : ko;
  }

  private num(v: number): string {
    return this.h.l.number(v);
  }

  /** Loads forum results for the list, a few at a time (shared cache: each once). Call after each update. */
  fetch(): void {
    for (const id of this.wanted) if (!this.results.has(id) && !this.loading.has(id) && !this.queue.includes(id)) this.queue.push(id);
    const client = this.h.client();
    while (client && this.loading.size < PARALLEL && this.queue.length) {
      const id = this.queue.shift()!;
      this.loading.add(id);
      void client
        .getResults(id)
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
        .then((r) => {
          this.loading.delete(id);
          this.results = new Map(this.results).set(id, r);
          this.h.el.requestUpdate();
        });
    }
  }

  private more(): void {
    this.shown += PAGE;
    this.h.el.requestUpdate();
  }

  private retry(): void {
    const results = new Map(this.results);
    for (const [id, r] of results) if (r instanceof Error) results.delete(id);
    this.results = results;
    this.h.el.requestUpdate();
  }

  private select(forumId: string): void {
    if (this.h.el.dispatchEvent(new HdResultForumSelectEvent({ forumId }))) {
      this.from = true;
      this.h.show(forumId);
    }
  }

  private statusText(counts: StatusCounts): string {
    const rs = this.h.l.m.responseStatus;
    const parts = STATUSES.filter((k) => counts[k]).map((k) => `${rs[k]} ${this.h.l.t.items(this.num(counts[k]))}`);
    return parts.length ? parts.join(', ') : this.w.noneYet;
  }

  private legend(counts: StatusCounts): TemplateResult {
    const rs = this.h.l.m.responseStatus;
    return html`<ul class="legend">
      ${STATUSES.map((k) => html`<li><span class="swatch s-${k}" aria-hidden="true"></span>${rs[k]} ${this.h.l.t.items(this.num(counts[k]))}</li>`)}
    </ul>`;
  }

  render(): TemplateResult {
    const t = this.task;
    if (t.status === 'error') return this.h.failure(t.error, () => void t.run());
    return t.value ? this.view(t.value) : this.h.skeleton();
  }

  private view(p: Programme): TemplateResult {
    const { el, l } = this.h;
    const m = l.t;
    const w = this.w;
    const { year, district } = el;
    const filter = `${year}|${district}`;
    if (filter !== this.filter) {
      this.filter = filter;
      this.shown = PAGE;
    }
    const forums = p.forums.filter((f) => (!year || seoulYear(f.startsAt) === year) && (!district || f.district === district));
    const filtered = !!(year || district);
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
    const share = figures && figures.proposals ? formatPercent((figures.counts.accepted + figures.counts.partial) / figures.proposals, l.locale) : pending;
    const years = [...new Set(p.forums.map((f) => seoulYear(f.startsAt)))].sort((a, b) => b - a);
    const districts = [...new Set(p.forums.map((f) => f.district))].sort((a, b) => a.localeCompare(b, 'ko'));
    const byYear = p.totals.byYear.filter((y) => y.forums && (y.attended || y.proposals));

    return html`<article part="base">
      <header part="header">
        <h2 tabindex="-1">${w.programme}</h2>
        <div class="controls filters" part="controls">
          <label>${w.year}
            <select @change=${(e: Event) => (el.year = Number((e.target as HTMLSelectElement).value) || undefined)}>
              <option value="" ?selected=${!year}>${w.all}</option>
              ${years.map((y) => html`<option value=${y} ?selected=${year === y}>${w.yearOption(String(y))}</option>`)}
            </select>
          </label>
          <label>${words(this.h).district}
            <select @change=${(e: Event) => (el.district = (e.target as HTMLSelectElement).value || undefined)}>
              <option value="" ?selected=${!district}>${w.all}</option>
              ${districts.map((d) => html`<option value=${d} ?selected=${district === d}>${d}</option>`)}
            </select>
          </label>
        </div>
      </header>

      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${m.figures}</h3>
        ${failed ? this.h.failure(failed, () => this.retry()) : nothing}
        ${this.h.statList(
          [
            [w.forums, figures ? w.times(this.num(figures.forums)) : pending],
            [w.citizens, figures ? m.people(this.num(figures.attended)) : pending],
            [w.proposalCount, figures ? m.items(this.num(figures.proposals)) : pending],
            [w.acceptedShare, share],
          ],
          !figures,
        )}
        ${figures
          ? figure(
              this.h,
              'responses',
              w.responses,
              stack(figures.counts, words(this.h).alt(w.responses, this.statusText(figures.counts))),
              table(this.h, 'responses', w.responses, [w.responses, w.proposalCount], STATUSES.map((k) => [l.m.responseStatus[k], this.num(figures!.counts[k])])),
              this.legend(figures.counts),
            )
          : nothing}
      </section>

      <section aria-labelledby="forum-list">
        <h3 id="forum-list">${w.forumList}</h3>
        ${forums.length
          ? html`<ul class="forums">${visible.map((f) => this.row(f))}</ul>`
          : html`<p class="empty">${w.noForums}</p>`}
        ${forums.length > this.shown
          ? html`<button type="button" class="more" @click=${() => this.more()}>${w.moreForums}</button>`
          : nothing}
      </section>

      ${!filtered && byYear.length
        ? html`<section aria-labelledby="glance">
            <h3 id="glance" class="visually-hidden">${m.glance}</h3>
            <div class="charts">
              ${figure(
                this.h,
                'years',
                w.byYear,
                bars(
                  byYear.map((y) => ({ label: w.yearOption(String(y.year)), value: y.attended })),
                  words(this.h).alt(w.byYear, byYear.map((y) => `${w.yearOption(String(y.year))} ${m.people(this.num(y.attended))}`).join(', ')),
                  (v) => m.people(this.num(v)),
                ),
                table(this.h, 'years', w.byYear, w.yearCols, byYear.map((y) => [w.yearOption(String(y.year)), this.num(y.forums), this.num(y.attended), this.num(y.proposals)])),
              )}
            </div>
          </section>`
        : nothing}
    </article>`;
  }

  private row(f: Forum): TemplateResult {
    const m = this.h.l.t;
    const w = this.w;
    const r = this.results.get(f.id);
    let detail: TemplateResult;
    if (!r) detail = html`<div class="sk sk-line" aria-hidden="true"></div>`;
    else if (r instanceof Error) detail = html`<p class="muted">${this.h.l.error(r)}</p>`;
    else {
      const counts = countStatuses(r.proposals);
      const text = this.statusText(counts);
      detail = html`<p class="muted">${w.citizens} ${m.people(this.num(r.stats.attended))} · ${w.proposalCount} ${m.items(this.num(r.proposals.length))}</p>
        ${r.proposals.length ? stack(counts, words(this.h).alt(w.responses, text)) : nothing}
        <p class="status-text">${text}</p>`;
    }
    return html`<li class="forum" part="forum">
      <h4><button type="button" class="link" @click=${() => this.select(f.id)}>${f.title}</button></h4>
      <p class="meta">${this.h.day(f.startsAt)} · ${f.district}</p>
      ${detail}
    </li>`;
  }
}
