import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { displayStatus } from '../../api/forum-status.js';
import type { Forum, ForumListQuery, ForumStatus } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { PartsController, part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { dateTimeFormat, seoulDateKey } from '../../i18n/format.js';
import { baseStyles } from '../../styles/base.js';
import type { CardHost } from './cards.js';
import { addDays, addMonths, isMonth, monthGrid, seoulMidnight, seoulNoon, weekday } from './dates.js';
import { styles } from './forum-calendar.styles.js';
import { ko } from './messages.js';

const STATUSES: ForumStatus[] = ['announced', 'open', 'full', 'closed', 'live', 'finished', 'reported'];
/** The properties the forums query is made of. */
const QUERIED = ['month', 'district', 'topic', 'status', 'q'] as const;
/** Forums shown in a month cell before the rest collapse into "+N". */
const PER_CELL = 2;
/**
 * After a retry the button goes: the keyboard moves to what takes its place (a new retry if it
 * failed again, else the day's heading, the first forum or the grid's tab stop).
 */
const FOCUS = '#panel-title, [part~=forum-title], [tabindex="0"]';

/**
 * The forum cards (list view, an opened day): a part fetched once per page, the first time an
 * element needs it (see cards.ts); a failed fetch is tried again on the next retry.
 */
type Cards = typeof import('./cards.js');
const cardsChunk = part(() => import('./cards.js'));

/** The forums a query brought (all its pages). */
interface Loaded {
  query: ForumListQuery;
  items: Forum[];
}

/**
 * The city's forums for residents: a month grid where there is room and a list on narrow
 * screens, each forum with its date and time in Asia/Seoul, venue and map link, status and seats
 * left, an `.ics` download and a link to the forum's page (`forum-href`, else by status its signup
 * or results page; a title with nowhere to go is plain text, never a link that does nothing). District, topic and
 * status filters and a text search are attributes as well as controls inside the widget. It keeps
 * its height while loading, says so when nothing matches or the backend cannot be reached (with
 * a retry), and collapses a busy day into "+N".
 *
 * @summary Upcoming and past forums as a month grid or a list, with filters, seats left,
 *   add-to-calendar and the way to signup.
 * @tag hd-forum-calendar
 *
 * Data: `GET /forums` for the six weeks on screen (all pages), through the shared client and
 * cache, so a second calendar on the page paints at once. Live seat counts: the calendar does
 * not open one event stream per forum (a month holds many; browsers allow about six
 * connections per origin over HTTP/1.1, and the other widgets need theirs). Seats change slowly,
 * so it refetches when the page becomes visible again and every `refresh-interval` seconds
 * while it is visible — one small request for everything on screen.
 *
 * Keyboard (month view): the grid follows the WAI-ARIA grid pattern — one tab stop; arrows move
 * by day and week, Home/End to the week's start (Sunday) and end, PageUp/PageDown by month
 * (with Shift by year), Enter/Space open the day's forums (and move the focus to them), Escape closes them. A title cut short in
 * a day cell is there in full in the day's list, which opens when the day is tapped or gets the
 * keyboard's focus.
 *
 * @attr api-base - Base URL of the backend (else the nearest `<hd-provider>`'s).
 * @attr view - `month` or `list`. Unset: `list` when the element is narrower than 480px, else `month`.
 * @attr month - The month shown, `YYYY-MM` (default: this month in Asia/Seoul).
 * @attr district - Only forums in this district (읍·면·동).
 * @attr topic - Only forums with this topic tag.
 * @attr status - Only these statuses, comma-separated (`open,full`).
 * @attr q - Text search (title, summary, venue, topics); the search box sets it after a short pause.
 * @attr forum-href - Link of a forum's own page, for every forum; `{id}` is replaced by the forum's id,
 *   e.g. `/forums/{id}`. Without it, a forum's title links by its status to `signup-href` or `results-href`.
 * @attr signup-href - Link of a forum that takes signups (announced, open, full) when there is no
 *   `forum-href`; `{id}` is replaced by the forum's id, e.g. `/signup.html?forum={id}`.
 * @attr results-href - Link of a forum that has taken place (finished, reported: its results, or when
 *   they are expected) when there is no `forum-href`; `{id}` as above, e.g. `/results.html?forum={id}`.
 *   A forum with no link (none of the three fits its status) shows its title as plain text.
 * @attr map-href - Map link of a venue; `{query}` is replaced by the URL-encoded address.
 *   Default `https://map.kakao.com/link/search/{query}` (Naver: `https://map.naver.com/p/search/{query}`).
 * @attr refresh-interval - Seconds between refetches while the page is visible (default 60; 0: only on return to the page).
 * @attr lang - `ko` (default) or `en`; else the nearest `lang`.
 *
 * @event {HdForumSelectEvent} hd-forum-select - A person followed a forum's link with a plain click
 *   (`detail.forum`, `detail.href`; not for a new tab). Cancelable: `preventDefault()` stops the navigation.
 *
 * @csspart base - The whole calendar.
 * @csspart toolbar - Month navigation and view switch.
 * @csspart title - The month's name.
 * @csspart button - Every button.
 * @csspart filters - The filter controls.
 * @csspart grid - The month grid.
 * @csspart day - One day cell of the grid.
 * @csspart chip - A forum's title in a day cell.
 * @csspart day-panel - The forums of the chosen day.
 * @csspart list - The list view.
 * @csspart forum - One forum card.
 * @csspart forum-title - The forum's title in a card, a link or plain text.
 * @csspart forum-link - The forum's title when it is a link (`forum-href`, `signup-href` or `results-href`).
 * @csspart status - The forum's status badge.
 * @csspart ics-link - "Add to my calendar".
 * @csspart map-link - The venue's map link.
 * @csspart feed-link - The subscribable calendar feed of the filtered forums.
 * @csspart notice - Empty and error messages.
 *
 * @cssprop [--hd-forum-calendar-cell-height=6.5em] - Height of a day cell in the month grid.
 * @cssprop [--hd-forum-calendar-today=var(--hd-color-accent)] - Colour that marks today.
 * @cssprop [--hd-color-accent] - Accent (and every other `--hd-*` design token).
 */
export class HdForumCalendar extends LitElement {
  static override styles = [baseStyles, styles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    view: {},
    month: {},
    district: {},
    topic: {},
    status: {},
    q: {},
    forumHref: { attribute: 'forum-href' },
    signupHref: { attribute: 'signup-href' },
    resultsHref: { attribute: 'results-href' },
    mapHref: { attribute: 'map-href' },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    narrow: { state: true, attribute: false },
    focusDay: { state: true, attribute: false },
    openDay: { state: true, attribute: false },
  };

  /** Base URL of the backend. */
  apiBase: string | undefined;
  /** Bearer token (not needed for reading forums). */
  token: string | undefined;
  /** `month` or `list`; unset chooses by the element's width. */
  view: 'month' | 'list' | undefined;
  /** The month shown (`YYYY-MM`). */
  month = seoulDateKey(Date.now()).slice(0, 7);
  /** District filter. */
  district = '';
  /** Topic filter. */
  topic = '';
  /** Status filter (comma-separated contract statuses). */
  status = '';
  /** Text search. */
  q = '';
  /** Link template of a forum's own page, with `{id}` (every status). */
  forumHref: string | undefined;
  /** Signup link template with `{id}` (forums that take signups). */
  signupHref: string | undefined;
  /** Results link template with `{id}` (forums that have taken place). */
  resultsHref: string | undefined;
  /** Map link template with `{query}`. */
  mapHref = 'https://map.kakao.com/link/search/{query}';
  /** Seconds between refetches while visible (0: only when the page becomes visible again). */
  refreshInterval = 60;

  private narrow = false;
  /** The day with the roving tab stop. */
  private focusDay = seoulDateKey(Date.now());
  /** The day whose forums are open below the grid. */
  private openDay: string | undefined;
  /** A day getting the focus back when its list was closed (it does not open again at once). */
  private closing: string | undefined;

  readonly #api = new ApiController(this);
  readonly #localize = words(this, this.#api, ko, () => import('./messages-en.js'));
  readonly #states = customStates(this);
  /**
   * What the task loads: a new object only when the month or a filter changed (set in willUpdate),
   * so the task compares it by identity.
   */
  #forumQuery: ForumListQuery | undefined;
  #loaded: Loaded | undefined;
  #fresh = false;
  #seen = { district: new Set<string>(), topic: new Set<string>() };
  // Deferred a frame: switching views inside the callback would resize what it observes.
  #resize = new ResizeObserver(([entry]) => {
    const narrow = (entry?.contentRect.width ?? 480) < 480;
    requestAnimationFrame(() => (this.narrow = narrow));
  });
  /** The cards part while this element waits for it, and why it failed. */
  readonly #parts = new PartsController(this);
  #cards: CardHost | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #debounce: ReturnType<typeof setTimeout> | undefined;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.refresh();
  };

  readonly #task = new LoadTask(this, {
    args: () => [this.#api.value?.client, this.#forumQuery] as const,
    task: async ([client, query], { signal }) => {
      if (!client || !query) return nothingToLoad;
      const mode = this.#fresh ? 'no-cache' : 'default';
      this.#fresh = false;
      const items: Forum[] = [];
      let cursor: string | null = null;
      do {
        const page = await client.listForums(cursor ? { ...query, cursor } : query, { signal, cache: mode });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 1000);
      this.#loaded = { query, items };
      for (const f of items) {
        this.#seen.district.add(f.district);
        for (const t of f.topics) this.#seen.topic.add(t);
      }
      return items;
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Measure once now, so a phone never paints the grid before the list.
    const width = this.getBoundingClientRect().width;
    if (width) this.narrow = width < 480;
    this.#resize.observe(this);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#startTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
    clearTimeout(this.#debounce);
  }

  /** Refetches the forums on screen from the network (seats, statuses). */
  refresh(): void {
    if (!this.#api.value) return;
    this.#fresh = true;
    void this.#task.run();
  }

  #startTimer(): void {
    clearInterval(this.#timer);
    if (this.refreshInterval > 0) {
      this.#timer = setInterval(() => document.visibilityState === 'visible' && this.refresh(), this.refreshInterval * 1000);
    }
  }

  /** This widget's words (Korean until another language's chunk has arrived; same layout). */
  get #words() {
    return this.#localize.t;
  }

  /** `updateComplete` resolves once the widget shows its language and the cards it asked for. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#localize.updateComplete(() => this.#parts.updateComplete(() => super.getUpdateComplete()));
  }

  readonly #prefetch = () => this.#parts.need(cardsChunk);

  /** What the cards read from this element. */
  get #cardHost(): CardHost {
    return (this.#cards ??= {
      element: this,
      localize: this.#localize,
      ics: (id) => this.#api.value?.client.icsUrl(id),
    });
  }

  get #currentView(): 'month' | 'list' {
    return this.view === 'month' || this.view === 'list' ? this.view : this.narrow ? 'list' : 'month';
  }

  /** The forums query for the month and filters shown. */
  #query(): ForumListQuery {
    const grid = monthGrid(this.month);
    const query: ForumListQuery = { from: seoulMidnight(grid[0]!), to: seoulMidnight(addDays(grid[41]!, 1)), limit: 100 };
    // The contract's limits (40/40/100 characters): a longer value would only earn a 400.
    if (this.district) query.district = this.district.slice(0, 40);
    if (this.topic) query.topic = this.topic.slice(0, 40);
    const status = this.status.split(',').filter((v) => STATUSES.includes(v.trim() as ForumStatus));
    if (status.length) query.status = status.map((v) => v.trim()).join(',');
    if (this.q) query.q = this.q.slice(0, 100);
    return query;
  }

  /** The forums for the current query: loaded, else from the shared cache, else undefined. */
  #items(): Forum[] | undefined {
    const query = this.#forumQuery;
    if (!query) return undefined;
    if (this.#loaded?.query === query) return this.#loaded.items;
    const page = this.#api.value?.client.peekForums(query);
    return page && !page.nextCursor ? page.items : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('month')) {
      if (!isMonth(this.month)) this.month = seoulDateKey(Date.now()).slice(0, 7);
      if (this.openDay && !this.openDay.startsWith(this.month)) this.openDay = undefined;
      if (this.focusDay.slice(0, 7) !== this.month) {
        const today = seoulDateKey(Date.now());
        this.focusDay = today.startsWith(this.month) ? today : `${this.month}-01`;
      }
    }
    if (changed.has('refreshInterval') && changed.get('refreshInterval') !== undefined) this.#startTimer();
    if (!this.#forumQuery || QUERIED.some((name) => changed.has(name))) this.#forumQuery = this.#query();
  }

  protected override updated(): void {
    const items = this.#items();
    const error = this.#task.status === 'error';
    this.#states(items ? !this.#inView(items).length && 'empty' : error ? 'error' : 'loading');
  }

  /** Forums in the days the current view shows (the list shows only the month itself). */
  #inView(items: Forum[]): Forum[] {
    return this.#currentView === 'list' ? items.filter((f) => seoulDateKey(f.startsAt).startsWith(this.month)) : items;
  }

  #byDay(items: Forum[]): Map<string, Forum[]> {
    const days = new Map<string, Forum[]>();
    for (const f of items) {
      const day = seoulDateKey(f.startsAt);
      days.set(day, [...(days.get(day) ?? []), f]);
    }
    return days;
  }

  get #filtered(): boolean {
    return !!(this.district || this.topic || this.status || this.q);
  }

  // ------------------------------------------------------------------ actions

  #go(day: string, focus = false): void {
    this.focusDay = day;
    this.month = day.slice(0, 7);
    if (focus) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus());
    }
  }

  #shiftMonth(months: number): void {
    this.#go(addMonths(this.focusDay, months));
  }

  #openDayPanel(day: string, focus: boolean): void {
    this.focusDay = day;
    this.openDay = day;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus());
  }

  #closeDayPanel(): void {
    const day = this.openDay;
    this.openDay = undefined;
    if (!day) return;
    this.closing = day;
    this.#go(day, true);
    void this.updateComplete.then(() => (this.closing = undefined));
  }

  /**
   * A day cell got the focus. Its titles are cut short in the cell, so a day with forums shows
   * them in full in the day's list below the grid (the focus stays on the day).
   */
  #onDayFocus(day: string, forums: number): void {
    this.focusDay = day;
    if (forums && this.closing !== day) this.openDay = day;
  }

  #onGridKey(event: KeyboardEvent): void {
    const day = this.focusDay;
    const key = event.key;
    const dayOfWeek = weekday(day);
    const by = ({ ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, Home: -dayOfWeek, End: 6 - dayOfWeek } as Record<string, number>)[key];
    let next: string;
    if (by !== undefined) next = addDays(day, by);
    else if (key === 'PageUp' || key === 'PageDown') next = addMonths(day, (key === 'PageUp' ? -1 : 1) * (event.shiftKey ? 12 : 1));
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      this.#openDayPanel(day, true);
      return;
    } else if (key === 'Escape' && this.openDay) {
      // The day's list that the focus opened closes from the grid too.
      event.preventDefault();
      this.#closeDayPanel();
      return;
    } else return;
    event.preventDefault();
    this.#go(next, true);
  }

  #setFilter(name: 'district' | 'topic' | 'status', e: Event): void {
    this[name] = (e.target as HTMLSelectElement).value;
  }

  #onSearch(e: Event): void {
    const value = (e.target as HTMLInputElement).value.trim();
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => (this.q = value), 350);
  }

  #clearFilters(): void {
    clearTimeout(this.#debounce);
    this.district = this.topic = this.status = this.q = '';
    const box = this.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (box) box.value = '';
  }

  // ------------------------------------------------------------------ render

  #monthName(month: string): string {
    return dateTimeFormat(this.#localize.locale, { year: 'numeric', month: 'long' }).format(seoulNoon(`${month}-01`));
  }

  #statusLabel(status: string): string {
    const labels = this.#localize.m.forumStatus as Record<string, string>;
    return status
      .split(',')
      .map((s) => labels[s.trim()] ?? s)
      .join(', ');
  }

  protected override render() {
    const words = this.#words;
    const view = this.#currentView;
    const items = this.#items();
    const loaded = this.#task.render({
      idle: () => this.#renderBody(view, items),
      pending: () => this.#renderBody(view, items),
      complete: () => this.#renderBody(view, this.#items()),
      error: (error) =>
        items
          ? this.#renderBody(view, items)
          : this.#failure(error, () => {
              this.refresh();
              this.#parts.focus(FOCUS);
            }),
    });
    // No api-base and no provider above: say so rather than load for ever.
    const body = this.#api.missing
      ? html`<div class="notice error" part="notice" role="alert"><p>${this.#localize.m.errors.noBackend}</p></div>`
      : loaded;
    const shown = items ? this.#inView(items).length : undefined;
    const client = this.#api.value?.client;
    return html`<div part="base" class="base ${view}" lang=${this.#localize.locale}>
      <div part="toolbar" class="toolbar">
        <div class="nav">
          <button type="button" part="button" class="icon" aria-label=${words.prevMonth} @click=${() => this.#shiftMonth(-1)}>‹</button>
          <p part="title" class="title" id="title">${this.#monthName(this.month)}</p>
          <button type="button" part="button" class="icon" aria-label=${words.nextMonth} @click=${() => this.#shiftMonth(1)}>›</button>
          <button type="button" part="button" @click=${() => this.#go(seoulDateKey(Date.now()))}>${words.today}</button>
        </div>
        <div class="views" role="group" aria-label=${words.views}>
          ${(['month', 'list'] as const).map(
            (v) => html`<button type="button" part="button" aria-pressed=${view === v} @click=${() => (this.view = v)}>${words[v]}</button>`,
          )}
        </div>
      </div>
      ${this.#renderFilters()}
      <p class="visually-hidden" role="status">${shown === undefined ? '' : words.shown(this.#monthName(this.month), shown)}</p>
      <div class="body" aria-busy=${items ? 'false' : 'true'}>${body}</div>
      ${client
        ? html`<p class="feed">
            <a part="feed-link" href=${client.feedUrl({ district: this.district || undefined, topic: this.topic || undefined, status: this.status || undefined })}
              >${words.subscribe}</a
            >
          </p>`
        : nothing}
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const words = this.#words;
    const select = (name: 'district' | 'topic' | 'status', all: string, values: string[], label: (v: string) => string) => {
      const current = this[name];
      const options = [...new Set([...values, ...(current ? [current] : [])])];
      return html`<label
        >${words[name]}
        <select @change=${(e: Event) => this.#setFilter(name, e)}>
          <option value="" ?selected=${!current}>${all}</option>
          ${options.map((v) => html`<option value=${v} ?selected=${v === current}>${label(v)}</option>`)}
        </select></label
      >`;
    };
    const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'ko'));
    return html`<form part="filters" class="filters" role="search" aria-label=${words.filters} @submit=${(e: Event) => e.preventDefault()} @focusin=${this.#prefetch}>
      ${select('district', words.allDistricts, sorted(this.#seen.district), (v) => v)}
      ${select('topic', words.allTopics, sorted(this.#seen.topic), (v) => v)}
      ${select('status', words.allStatuses, STATUSES, (v) => this.#statusLabel(v))}
      <label>${words.search} <input type="search" maxlength="100" .value=${this.q} @input=${this.#onSearch} /></label>
      ${this.#filtered ? html`<button type="button" part="button" class="clear" @click=${this.#clearFilters}>${words.clear}</button>` : nothing}
    </form>`;
  }

  #renderBody(view: 'month' | 'list', items: Forum[] | undefined): TemplateResult {
    const shown = items && this.#inView(items);
    const empty = shown && shown.length === 0 ? this.#renderEmpty() : nothing;
    if (view === 'month') return html`${this.#renderGrid(items)}${empty}${this.#renderDayPanel(items)}`;
    if (shown && !shown.length) return empty as TemplateResult;
    // The list's code comes in parallel with the forums; until both are in, its skeleton.
    return (
      this.#cardsPart((cards) => shown && cards.list(this.#cardHost, this.#byDay(shown), seoulDateKey(Date.now()), this.#words.today)) ??
      html`<div class="skeleton" part="list">${[1, 2, 3].map(() => html`<div class="card bone"></div>`)}</div>`
    );
  }

  /**
   * What the cards chunk draws; undefined while it is on its way (the caller shows a skeleton),
   * an error with retry when it could not be fetched.
   */
  #cardsPart(draw: (cards: Cards) => TemplateResult | undefined): TemplateResult | undefined {
    const cards = this.#parts.need(cardsChunk);
    if (cards) return draw(cards);
    const failed = this.#parts.failed(cardsChunk);
    return failed ? this.#failure(failed, () => this.#parts.retry(cardsChunk, FOCUS)) : undefined;
  }

  #failure(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="notice error" part="notice" role="alert">
      <p>${this.#localize.error(error)}</p>
      <button type="button" part="button" @click=${retry}>${this.#localize.m.common.retry}</button>
    </div>`;
  }

  #renderEmpty(): TemplateResult {
    const words = this.#words;
    // Which filters matched nothing comes with the cards chunk (fetched when the filters are first used).
    const body = this.#filtered
      ? (this.#cardsPart((cards) =>
          cards.noMatch(this.#cardHost, [[words.district, this.district], [words.topic, this.topic], [words.status, this.status && this.#statusLabel(this.status)]], this.q, this.#clearFilters),
        ) ?? html`<p class="bone" aria-busy="true"></p>`)
      : html`<p>${words.emptyMonth}</p>
          <button type="button" part="button" @click=${() => this.#shiftMonth(1)}>${words.nextMonth}</button>`;
    return html`<div class="notice" part="notice">${body}</div>`;
  }

  #renderGrid(items: Forum[] | undefined): TemplateResult {
    const days = monthGrid(this.month);
    const byDay = this.#byDay(items ?? []);
    const today = seoulDateKey(Date.now());
    const weekdayName = dateTimeFormat(this.#localize.locale, { weekday: 'short' });
    const weeks = [0, 1, 2, 3, 4, 5].map((w) => days.slice(w * 7, w * 7 + 7));
    const focus = days.includes(this.focusDay) ? this.focusDay : `${this.month}-01`;
    // A person pointing at or moving into the grid may open a day: fetch the cards now (the same
    // when the filters get the keyboard: a filter that matches nothing says so with the cards' words).
    return html`<div
      role="grid"
      part="grid"
      class="grid"
      aria-labelledby="title"
      aria-busy=${items ? 'false' : 'true'}
      @keydown=${this.#onGridKey}
      @pointerover=${this.#prefetch}
      @focusin=${this.#prefetch}
    >
      <div role="row" class="row">
        ${days.slice(0, 7).map((d) => html`<div role="columnheader" class="wd">${weekdayName.format(seoulNoon(d))}</div>`)}
      </div>
      ${weeks.map(
        (week) => html`<div role="row" class="row">
          ${week.map((day) => {
            const forums = byDay.get(day) ?? [];
            const isToday = day === today;
            const label = `${this.#localize.date(seoulNoon(day))}${isToday ? `, ${this.#words.today}` : ''}, ${this.#words.forums(
              forums.length,
              forums.map((f) => `${f.title} (${this.#localize.m.forumStatus[displayStatus(f)]})`).join(', '),
            )}`;
            return html`<div
              role="gridcell"
              part="day"
              class="day ${day.startsWith(this.month) ? '' : 'out'} ${isToday ? 'today' : ''} ${forums.length ? 'has' : ''}"
              data-day=${day}
              tabindex=${day === focus ? 0 : -1}
              aria-selected=${day === this.openDay}
              aria-current=${isToday ? 'date' : nothing}
              @click=${() => this.#openDayPanel(day, false)}
              @focus=${() => this.#onDayFocus(day, items ? forums.length : 0)}
            >
              <span class="visually-hidden">${label}</span>
              <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
              ${items
                ? forums
                    .slice(0, forums.length > PER_CELL + 1 ? PER_CELL : PER_CELL + 1)
                    .map((f) => html`<span part="chip" class="chip s-${displayStatus(f)}" aria-hidden="true">${f.title}</span>`)
                : html`<span class="chip bone" aria-hidden="true"></span>`}
              ${forums.length > PER_CELL + 1 ? html`<span class="more" aria-hidden="true">${this.#words.more(forums.length - PER_CELL)}</span>` : nothing}
              ${forums.length ? html`<span class="count" aria-hidden="true">${forums.length}</span>` : nothing}
            </div>`;
          })}
        </div>`,
      )}
    </div>`;
  }

  #renderDayPanel(items: Forum[] | undefined): TemplateResult | typeof nothing {
    const day = this.openDay;
    if (!day || !items) return nothing;
    const forums = this.#byDay(items).get(day) ?? [];
    return html`<section part="day-panel" class="panel" aria-labelledby="panel-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#closeDayPanel()}>
      <div class="panel-head">
        <p id="panel-title" class="day-label" role="heading" aria-level="3" tabindex="-1">${this.#localize.date(seoulNoon(day))}</p>
        <button type="button" part="button" @click=${this.#closeDayPanel}>${this.#localize.m.common.close}</button>
      </div>
      ${this.#cardsPart((cards) => cards.cards(this.#cardHost, forums)) ?? html`<div class="card bone" aria-busy="true"></div>`}
    </section>`;
  }
}
