/**
 * The filters of `<hd-forum-calendar>`: district, topic and status selects and the text search
 * (which sets `q` after a short pause), a button that clears them, and the forums query they make
 * with the month shown. A reactive controller in the element's own chunk: it changes the
 * element's filter attributes and remembers the districts and topics seen for the selects.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Forum, ForumListQuery, ForumStatus } from '../../api/types.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { addDays, monthGrid, seoulMidnight } from './dates.js';
import type { HdForumCalendar } from './forum-calendar.js';
import type { CalendarMessages } from './messages.js';

/** Every status a forum can have, in the order of its life. */
const STATUSES: ForumStatus[] = ['announced', 'open', 'full', 'closed', 'live', 'finished', 'reported'];

type Filter = 'district' | 'topic' | 'status';

/** The calendar as its filters see it: the attributes they set and read. */
type Calendar = Pick<HdForumCalendar, Filter | 'q' | 'month' | 'renderRoot' | keyof ReactiveControllerHost>;

export class FiltersController implements ReactiveController {
  readonly #host: Calendar;
  readonly #localize: LocalizeController<CalendarMessages>;
  /** A person is about to use the filters: fetch the cards (they say which filter matched nothing). */
  readonly #prefetch: () => void;
  /** The districts and topics of the forums seen so far (the selects' options). */
  readonly #seen = { district: new Set<string>(), topic: new Set<string>() };
  #debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Calendar, localize: LocalizeController<CalendarMessages>, prefetch: () => void) {
    this.#host = host;
    this.#localize = localize;
    this.#prefetch = prefetch;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#debounce);
  }

  /** Whether any filter or the search is set. */
  get active(): boolean {
    const { district, topic, status, q } = this.#host;
    return !!(district || topic || status || q);
  }

  /** Remembers the districts and topics of loaded forums for the selects. */
  saw(forums: Forum[]): void {
    for (const f of forums) {
      this.#seen.district.add(f.district);
      for (const t of f.topics) this.#seen.topic.add(t);
    }
  }

  /** The forums query for the month and filters shown. */
  query(): ForumListQuery {
    const { district, topic, q } = this.#host;
    const grid = monthGrid(this.#host.month);
    const query: ForumListQuery = { from: seoulMidnight(grid[0]!), to: seoulMidnight(addDays(grid[41]!, 1)), limit: 100 };
    // The contract's limits (40/40/100 characters): a longer value would only earn a 400.
    if (district) query.district = district.slice(0, 40);
    if (topic) query.topic = topic.slice(0, 40);
    const status = this.#host.status.split(',').filter((v) => STATUSES.includes(v.trim() as ForumStatus));
    if (status.length) query.status = status.map((v) => v.trim()).join(',');
    if (q) query.q = q.slice(0, 100);
    return query;
  }

  /** A comma-separated status filter in words. */
  statusLabel(status: string): string {
    const labels = this.#localize.m.forumStatus as Record<string, string>;
    return status
      .split(',')
      .map((s) => labels[s.trim()] ?? s)
      .join(', ');
  }

  readonly #onSearch = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value.trim();
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => (this.#host.q = value), 350);
  };

  /** Clears every filter and the search box. */
  readonly clear = (): void => {
    const host = this.#host;
    clearTimeout(this.#debounce);
    host.district = host.topic = host.status = host.q = '';
    const box = host.renderRoot.querySelector<HTMLInputElement>('input[type=search]');
    if (box) box.value = '';
  };

  render(): TemplateResult {
    const host = this.#host;
    const words = this.#localize.t;
    const select = (name: Filter, all: string, values: string[], label: (v: string) => string) => {
      const current = host[name];
      const options = [...new Set([...values, ...(current ? [current] : [])])];
      return html`<label
        >${words[name]}
        <select @change=${(e: Event) => (host[name] = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!current}>${all}</option>
          ${options.map((v) => html`<option value=${v} ?selected=${v === current}>${label(v)}</option>`)}
        </select></label
      >`;
    };
    const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'ko'));
    return html`<form part="filters" class="filters" role="search" aria-label=${words.filters} @submit=${(e: Event) => e.preventDefault()} @focusin=${this.#prefetch}>
      ${select('district', words.allDistricts, sorted(this.#seen.district), (v) => v)}
      ${select('topic', words.allTopics, sorted(this.#seen.topic), (v) => v)}
      ${select('status', words.allStatuses, STATUSES, (v) => this.statusLabel(v))}
      <label>${words.search} <input type="search" maxlength="100" .value=${host.q} @input=${this.#onSearch} /></label>
      ${this.active ? html`<button type="button" part="button" class="clear" @click=${this.clear}>${words.clear}</button>` : nothing}
    </form>`;
  }
}
