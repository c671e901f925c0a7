import { LoadTask, nothingToLoad } from '../../controllers/load-task.js';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Forum, ForumListQuery } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { PartsController, part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { dateTimeFormat, seoulDateKey } from '../../i18n/format.js';
import { baseStyles } from '../../styles/base.js';
import type { CardHost } from './cards.js';
import { isMonth, seoulNoon } from './dates.js';
import { FiltersController } from './filters.js';
import { styles } from './forum-calendar.styles.js';
import { ko } from './messages.js';
import { MonthGridController, byDay } from './month-grid.js';

/** The properties the forums query is made of. */
const QUERIED = ['month', 'district', 'topic', 'status', 'q'] as const;
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
  // Deferred a frame: switching views inside the callback would resize what it observes.
  #resize = new ResizeObserver(([entry]) => {
    const narrow = (entry?.contentRect.width ?? 480) < 480;
    requestAnimationFrame(() => (this.narrow = narrow));
  });
  /** The cards part while this element waits for it, and why it failed. */
  readonly #parts = new PartsController(this);
  #cards: CardHost | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
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
      this.#filters.saw(items);
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
  /** The month grid: its tab stop, the opened day and its keyboard. */
  readonly #grid = new MonthGridController(this, this.#localize, this.#prefetch);
  /** The filters: the controls, the forums query they make, the districts and topics seen. */
  readonly #filters = new FiltersController(this, this.#localize, this.#prefetch);

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

  /** The forums for the current query: loaded, else from the shared cache, else undefined. */
  #items(): Forum[] | undefined {
    const query = this.#forumQuery;
    if (!query) return undefined;
    if (this.#loaded?.query === query) return this.#loaded.items;
    const page = this.#api.value?.client.peekForums(query);
    return page && !page.nextCursor ? page.items : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('month') && !isMonth(this.month)) this.month = seoulDateKey(Date.now()).slice(0, 7);
    if (changed.has('refreshInterval') && changed.get('refreshInterval') !== undefined) this.#startTimer();
    if (!this.#forumQuery || QUERIED.some((name) => changed.has(name))) this.#forumQuery = this.#filters.query();
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

  // ------------------------------------------------------------------ actions

  // ------------------------------------------------------------------ render

  #monthName(month: string): string {
    return dateTimeFormat(this.#localize.locale, { year: 'numeric', month: 'long' }).format(seoulNoon(`${month}-01`));
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
          <button type="button" part="button" class="icon" aria-label=${words.prevMonth} @click=${() => this.#grid.shiftMonth(-1)}>‹</button>
          <p part="title" class="title" id="title">${this.#monthName(this.month)}</p>
          <button type="button" part="button" class="icon" aria-label=${words.nextMonth} @click=${() => this.#grid.shiftMonth(1)}>›</button>
          <button type="button" part="button" @click=${() => this.#grid.go(seoulDateKey(Date.now()))}>${words.today}</button>
        </div>
        <div class="views" role="group" aria-label=${words.views}>
          ${(['month', 'list'] as const).map(
            (v) => html`<button type="button" part="button" aria-pressed=${view === v} @click=${() => (this.view = v)}>${words[v]}</button>`,
          )}
        </div>
      </div>
      ${this.#filters.render()}
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

  #renderBody(view: 'month' | 'list', items: Forum[] | undefined): TemplateResult {
    const shown = items && this.#inView(items);
    const empty = shown && shown.length === 0 ? this.#renderEmpty() : nothing;
    if (view === 'month') return html`${this.#grid.render(items)}${empty}${this.#grid.renderDayPanel(items, (forums) => this.#cardsPart((cards) => cards.cards(this.#cardHost, forums)))}`;
    if (shown && !shown.length) return empty as TemplateResult;
    // The list's code comes in parallel with the forums; until both are in, its skeleton.
    return (
      this.#cardsPart((cards) => shown && cards.list(this.#cardHost, byDay(shown), seoulDateKey(Date.now()), this.#words.today)) ??
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
    const body = this.#filters.active
      ? (this.#cardsPart((cards) =>
          cards.noMatch(this.#cardHost, [[words.district, this.district], [words.topic, this.topic], [words.status, this.status && this.#filters.statusLabel(this.status)]], this.q, this.#filters.clear),
        ) ?? html`<p class="bone" aria-busy="true"></p>`)
      : html`<p>${words.emptyMonth}</p>
          <button type="button" part="button" @click=${() => this.#grid.shiftMonth(1)}>${words.nextMonth}</button>`;
    return html`<div class="notice" part="notice">${body}</div>`;
  }
}
