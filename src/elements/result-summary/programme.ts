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
import { STATUSES, bars, countStatuses, styles as detailStyles, figure, stack, table, wordsOf, type ResultHost, type StatusCounts } from './details.js';

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
    .more { background: none; color: var(--_hd-color-accent); border: 1px solid var(--_hd-color-border); padding: 0.4em 1em; margin-block: 0.75em; }
    .link { color: var(--_hd-color-accent); text-decoration: underline; text-underline-offset: 0.2em; display: inline-block; padding: 0.4em 0; }
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
/** Without `forum-href`, a forum's link is this page with this fragment and the forum's id. */
const HASH = '#hd-forum=';
const PARALLEL = 4;
const seoulYear = (iso: string) => Number(seoulDateKey(iso).slice(0, 4));

/** One element's programme view: its list paging and the forum results it fetched for the list. */
export class ProgrammeView {
  readonly #summary: ResultHost;
  #shown = PAGE;
  #filter = '';
  #results = new Map<string, ForumResult | Error>();
  #queue: string[] = [];
  readonly #loading = new Set<string>();
  #wanted: string[] = [];
  /** A forum of the list is shown: its summary offers the way back. */
  #from = false;

  /** The programme's totals and its reported forums (loaded from here: the element has no task for them). */
  readonly #task: LoadTask<readonly [ApiClient | undefined], Programme>;

  constructor(host: ResultHost) {
    this.#summary = host;
    this.#task = new LoadTask(host.element, {
      args: () => [host.element.forumId ? undefined : host.client()] as const,
      task: async ([client], { signal }) => {
        if (!client) return nothingToLoad;
        const [totals, forums] = await Promise.all([client.getTotals({ signal }), reportedForums(client, signal)]);
        return { totals, forums };
      },
    });
    // Made during the element's render: start now rather than at its next update.
    void this.#task.run();
    // A link to a forum opened in a new tab or shared (without `forum-href`: this page and the
    // forum's id after #hd-forum=) shows that forum, with the way back to the programme.
    const linked = host.element.forumHref ? '' : location.hash.startsWith(HASH) ? decodeURIComponent(location.hash.slice(HASH.length)) : '';
    if (/^[A-Za-z0-9_-]{1,64}$/.test(linked)) {
      this.#from = true;
      // (After the render that made this view: a property set during a render would update twice.)
      void Promise.resolve().then(() => host.show(linked));
    }
  }

  /** Where a forum's name links to: `forum-href` filled in, else this page with #hd-forum=<id>. */
  #href(forumId: string): string {
    const template = this.#summary.element.forumHref;
    return template ? template.replaceAll('{id}', encodeURIComponent(forumId)) : HASH + encodeURIComponent(forumId);
  }

  /** The way back to the programme, in a forum's summary opened from it. */
  back(): TemplateResult | undefined {
    const go = () => {
      this.#from = false;
      // A reload then shows the programme too (the forum's fragment is ours to drop).
      if (location.hash.startsWith(HASH)) history.replaceState(history.state, '', location.pathname + location.search);
      this.#summary.show('');
    };
    return this.#from ? html`<button type="button" class="back" @click=${go}>${this.#words.back}</button>` : undefined;
  }

  /** The element's state while it shows the programme. */
  get state(): 'loading' | 'error' | 'ready' {
    const status = this.#task.status;
    return status === 'error' ? 'error' : status === 'complete' ? 'ready' : 'loading';
  }

  /** This chunk's own words, in the language in effect. */
  get #words(): typeof ko {
    return this.#summary.localize.locale === 'en' ? en : ko;
  }

  #num(v: number): string {
    return this.#summary.localize.number(v);
  }

  /** Loads forum results for the list, a few at a time (shared cache: each once). Call after each update. */
  fetch(): void {
    for (const id of this.#wanted) if (!this.#results.has(id) && !this.#loading.has(id) && !this.#queue.includes(id)) this.#queue.push(id);
    const client = this.#summary.client();
    while (client && this.#loading.size < PARALLEL && this.#queue.length) {
      const id = this.#queue.shift()!;
      this.#loading.add(id);
      void client
        .getResults(id)
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
        .then((r) => {
          this.#loading.delete(id);
          this.#results = new Map(this.#results).set(id, r);
          this.#summary.element.requestUpdate();
        });
    }
  }

  #more(): void {
    this.#shown += PAGE;
    this.#summary.element.requestUpdate();
  }

  #retry(): void {
    const results = new Map(this.#results);
    for (const [id, r] of results) if (r instanceof Error) results.delete(id);
    this.#results = results;
    this.#summary.element.requestUpdate();
  }

  /**
   * A forum's name is a real link: a middle or modified click (a new tab or window) follows it;
   * a plain click asks the page (`hd-result-forum-select`) and, unless it takes over, shows the
   * forum in place.
   */
  #follow(e: MouseEvent, forumId: string): void {
    if (e.button > 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.#select(forumId);
  }

  #select(forumId: string): void {
    if (this.#summary.element.dispatchEvent(new HdResultForumSelectEvent({ forumId }))) {
      this.#from = true;
      this.#summary.show(forumId);
    }
  }

  #statusText(counts: StatusCounts): string {
    const statusNames = this.#summary.localize.m.responseStatus;
    const parts = STATUSES.filter((k) => counts[k]).map((k) => `${statusNames[k]} ${this.#summary.localize.t.items(this.#num(counts[k]))}`);
    return parts.length ? parts.join(', ') : this.#words.noneYet;
  }

  #legend(counts: StatusCounts): TemplateResult {
    const statusNames = this.#summary.localize.m.responseStatus;
    return html`<ul class="legend">
      ${STATUSES.map((k) => html`<li><span class="swatch s-${k}" aria-hidden="true"></span>${statusNames[k]} ${this.#summary.localize.t.items(this.#num(counts[k]))}</li>`)}
    </ul>`;
  }

  render(): TemplateResult {
    const t = this.#task;
    if (t.status === 'error') return this.#summary.failure(t.error, () => void t.run());
    return t.value ? this.#view(t.value) : this.#summary.skeleton();
  }

  #view(programme: Programme): TemplateResult {
    const { element, localize } = this.#summary;
    const messages = localize.t;
    const words = this.#words;
    const { year, district } = element;
    const filter = `${year}|${district}`;
    if (filter !== this.#filter) {
      this.#filter = filter;
      this.#shown = PAGE;
    }
    const forums = programme.forums.filter((f) => (!year || seoulYear(f.startsAt) === year) && (!district || f.district === district));
    const filtered = !!(year || district);
    const visible = forums.slice(0, this.#shown);
    this.#wanted = (filtered ? forums : visible).map((f) => f.id);

    let figures: { forums: number; attended: number; proposals: number; counts: StatusCounts } | undefined;
    let failed: Error | undefined;
    if (!filtered) {
      const totals = programme.totals;
      figures = { forums: totals.reportedForums, attended: totals.attended, proposals: totals.proposals, counts: totals.responses };
    } else {
      const got = forums.map((forum) => this.#results.get(forum.id));
      failed = got.find((result): result is Error => result instanceof Error);
      if (got.every((result) => result && !(result instanceof Error))) {
        const reported = got as ForumResult[];
        figures = {
          forums: reported.length,
          attended: reported.reduce((sum, result) => sum + result.stats.attended, 0),
          proposals: reported.reduce((sum, result) => sum + result.proposals.length, 0),
          counts: countStatuses(reported.flatMap((result) => result.proposals)),
        };
      }
    }
    const pending = '…';
    const share = figures && figures.proposals ? formatPercent((figures.counts.accepted + figures.counts.partial) / figures.proposals, localize.locale) : pending;
    const years = [...new Set(programme.forums.map((f) => seoulYear(f.startsAt)))].sort((a, b) => b - a);
    const districts = [...new Set(programme.forums.map((f) => f.district))].sort((a, b) => a.localeCompare(b, 'ko'));
    const byYear = programme.totals.byYear.filter((y) => y.forums && (y.attended || y.proposals));

    return html`<article part="base">
      <header part="header">
        <h2 tabindex="-1">${words.programme}</h2>
        <div class="controls filters" part="controls">
          <label>${words.year}
            <select @change=${(e: Event) => (element.year = Number((e.target as HTMLSelectElement).value) || undefined)}>
              <option value="" ?selected=${!year}>${words.all}</option>
              ${years.map((y) => html`<option value=${y} ?selected=${year === y}>${words.yearOption(String(y))}</option>`)}
            </select>
          </label>
          <label>${wordsOf(this.#summary).district}
            <select @change=${(e: Event) => (element.district = (e.target as HTMLSelectElement).value || undefined)}>
              <option value="" ?selected=${!district}>${words.all}</option>
              ${districts.map((d) => html`<option value=${d} ?selected=${district === d}>${d}</option>`)}
            </select>
          </label>
        </div>
      </header>

      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${messages.figures}</h3>
        ${failed ? this.#summary.failure(failed, () => this.#retry()) : nothing}
        ${this.#summary.statList(
          [
            [words.forums, figures ? words.times(this.#num(figures.forums)) : pending],
            [words.citizens, figures ? messages.people(this.#num(figures.attended)) : pending],
            [words.proposalCount, figures ? messages.items(this.#num(figures.proposals)) : pending],
            [words.acceptedShare, share],
          ],
          !figures,
        )}
        ${figures
          ? figure(
              this.#summary,
              'responses',
              words.responses,
              stack(figures.counts, wordsOf(this.#summary).alt(words.responses, this.#statusText(figures.counts))),
              table(this.#summary, 'responses', words.responses, [words.responses, words.proposalCount], STATUSES.map((k) => [localize.m.responseStatus[k], this.#num(figures!.counts[k])])),
              this.#legend(figures.counts),
            )
          : nothing}
      </section>

      <section aria-labelledby="forum-list">
        <h3 id="forum-list">${words.forumList}</h3>
        ${forums.length
          ? html`<ul class="forums">${visible.map((f) => this.#row(f))}</ul>`
          : html`<p class="empty">${words.noForums}</p>`}
        ${forums.length > this.#shown
          ? html`<button type="button" class="more" @click=${() => this.#more()}>${words.moreForums}</button>`
          : nothing}
      </section>

      ${!filtered && byYear.length
        ? html`<section aria-labelledby="glance">
            <h3 id="glance" class="visually-hidden">${messages.glance}</h3>
            <div class="charts">
              ${figure(
                this.#summary,
                'years',
                words.byYear,
                bars(
                  byYear.map((y) => ({ label: words.yearOption(String(y.year)), value: y.attended })),
                  wordsOf(this.#summary).alt(words.byYear, byYear.map((y) => `${words.yearOption(String(y.year))} ${messages.people(this.#num(y.attended))}`).join(', ')),
                  (v) => messages.people(this.#num(v)),
                ),
                table(this.#summary, 'years', words.byYear, words.yearCols, byYear.map((y) => [words.yearOption(String(y.year)), this.#num(y.forums), this.#num(y.attended), this.#num(y.proposals)])),
              )}
            </div>
          </section>`
        : nothing}
    </article>`;
  }

  #row(forum: Forum): TemplateResult {
    const messages = this.#summary.localize.t;
    const words = this.#words;
    const result = this.#results.get(forum.id);
    let detail: TemplateResult;
    if (!result) detail = html`<div class="sk sk-line" aria-hidden="true"></div>`;
    else if (result instanceof Error) detail = html`<p class="muted">${this.#summary.localize.error(result)}</p>`;
    else {
      const counts = countStatuses(result.proposals);
      const text = this.#statusText(counts);
      detail = html`<p class="muted">${words.citizens} ${messages.people(this.#num(result.stats.attended))} · ${words.proposalCount} ${messages.items(this.#num(result.proposals.length))}</p>
        ${result.proposals.length ? stack(counts, wordsOf(this.#summary).alt(words.responses, text)) : nothing}
        <p class="status-text">${text}</p>`;
    }
    return html`<li class="forum" part="forum">
      <h4><a class="link" part="forum-link" href=${this.#href(forum.id)} @click=${(e: MouseEvent) => this.#follow(e, forum.id)}>${forum.title}</a></h4>
      <p class="meta">${this.#summary.day(forum.startsAt)} · ${forum.district}</p>
      ${detail}
    </li>`;
  }
}
