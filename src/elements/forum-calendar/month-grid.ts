/**
 * The month view of `<hd-forum-calendar>`: the grid of six weeks with its day cells, its keyboard
 * navigation (the WAI-ARIA grid pattern: one tab stop, arrows, Home/End, PageUp/PageDown, Enter,
 * Space, Escape) and the panel of the forums of an opened day. A reactive controller in
 * the element's own chunk: it holds the day with the tab stop and the opened day, and changes
 * the element's `month` as the keyboard moves.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { displayStatus } from '../../api/forum-status.js';
import type { Forum } from '../../api/types.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { dateTimeFormat, seoulDateKey } from '../../i18n/format.js';
import { addDays, addMonths, monthGrid as gridDays, seoulNoon, weekday } from './dates.js';
import type { HdForumCalendar } from './forum-calendar.js';
import type { CalendarMessages } from './messages.js';

/** Forums shown in a month cell before the rest collapse into "+N". */
const PER_CELL = 2;

/** The calendar as the month grid sees it: the month it shows, which the keyboard may change. */
type Calendar = Pick<HdForumCalendar, 'month' | 'renderRoot' | 'updateComplete' | keyof ReactiveControllerHost>;

/** The forums by their day in Asia/Seoul (`YYYY-MM-DD`). */
export function byDay(items: Forum[]): Map<string, Forum[]> {
  const days = new Map<string, Forum[]>();
  for (const f of items) {
    const day = seoulDateKey(f.startsAt);
    days.set(day, [...(days.get(day) ?? []), f]);
  }
  return days;
}

export class MonthGridController implements ReactiveController {
  /** The day with the roving tab stop. */
  #focusDay = seoulDateKey(Date.now());
  /** The day whose forums are open below the grid. */
  #openDay: string | undefined;
  /** A day getting the focus back when its list was closed (it does not open again at once). */
  #closing: string | undefined;
  /** The month the tab stop was last kept in. */
  #month: string | undefined;
  readonly #host: Calendar;
  readonly #localize: LocalizeController<CalendarMessages>;
  /** A person is about to need the cards: fetch them. */
  readonly #prefetch: () => void;

  constructor(host: Calendar, localize: LocalizeController<CalendarMessages>, prefetch: () => void) {
    this.#host = host;
    this.#localize = localize;
    this.#prefetch = prefetch;
    host.addController(this);
  }

  /** Before each render: keep the tab stop and the opened day in the month shown (once the host has corrected it). */
  hostUpdate(): void {
    const month = this.#host.month;
    if (month === this.#month) return;
    this.#month = month;
    if (this.#openDay && !this.#openDay.startsWith(month)) this.#openDay = undefined;
    if (this.#focusDay.slice(0, 7) !== month) {
      const today = seoulDateKey(Date.now());
      this.#focusDay = today.startsWith(month) ? today : `${month}-01`;
    }
  }

  #set(focusDay: string, openDay: string | undefined): void {
    if (focusDay === this.#focusDay && openDay === this.#openDay) return;
    this.#focusDay = focusDay;
    this.#openDay = openDay;
    this.#host.requestUpdate();
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** Moves the tab stop to a day (and the month with it), focusing its cell if `focus`. */
  go(day: string, focus = false): void {
    this.#set(day, this.#openDay);
    this.#host.month = day.slice(0, 7);
    if (focus) this.#focus(`[data-day="${day}"]`);
  }

  /** Moves the tab stop by months (the month shown with it). */
  shiftMonth(months: number): void {
    this.go(addMonths(this.#focusDay, months));
  }

  /** Opens a day's forums below the grid, focusing the panel's heading if `focus`. */
  #openDayPanel(day: string, focus: boolean): void {
    this.#set(day, day);
    if (focus) this.#focus('#panel-title');
  }

  /** Closes the day's forums and gives the day its focus back. */
  readonly #closeDayPanel = (): void => {
    const day = this.#openDay;
    this.#set(this.#focusDay, undefined);
    if (!day) return;
    this.#closing = day;
    this.go(day, true);
    void this.#host.updateComplete.then(() => (this.#closing = undefined));
  };

  /**
   * A day cell got the focus. Its titles are cut short in the cell, so a day with forums shows
   * them in full in the day's list below the grid (the focus stays on the day).
   */
  #dayFocused(day: string, forums: number): void {
    this.#set(day, forums && this.#closing !== day ? day : this.#openDay);
  }

  /** The grid's keyboard: moves by day, week, month or year; opens and closes the day's forums. */
  readonly #onKey = (event: KeyboardEvent): void => {
    const day = this.#focusDay;
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
    } else if (key === 'Escape' && this.#openDay) {
      // The day's list that the focus opened closes from the grid too.
      event.preventDefault();
      this.#closeDayPanel();
      return;
    } else return;
    event.preventDefault();
    this.go(next, true);
  };

  /** The six weeks around the month; `items` undefined while loading (each cell then shows a placeholder). */
  render(items: Forum[] | undefined): TemplateResult {
    const month = this.#host.month;
    const focusDay = this.#focusDay;
    const openDay = this.#openDay;
    const localize = this.#localize;
    const words = localize.t;
    const days = gridDays(month);
    const forumsOf = byDay(items ?? []);
    const today = seoulDateKey(Date.now());
    const weekdayName = dateTimeFormat(localize.locale, { weekday: 'short' });
    const weeks = [0, 1, 2, 3, 4, 5].map((w) => days.slice(w * 7, w * 7 + 7));
    const focus = days.includes(focusDay) ? focusDay : `${month}-01`;
    // A person pointing at or moving into the grid may open a day: fetch the cards now (the same
    // when the filters get the keyboard: a filter that matches nothing says so with the cards' words).
    return html`<div
      role="grid"
      part="grid"
      class="grid"
      aria-labelledby="title"
      aria-busy=${items ? 'false' : 'true'}
      @keydown=${this.#onKey}
      @pointerover=${this.#prefetch}
      @focusin=${this.#prefetch}
    >
      <div role="row" class="row">
        ${days.slice(0, 7).map((d) => html`<div role="columnheader" class="wd">${weekdayName.format(seoulNoon(d))}</div>`)}
      </div>
      ${weeks.map(
        (week) => html`<div role="row" class="row">
          ${week.map((day) => {
            const forums = forumsOf.get(day) ?? [];
            const isToday = day === today;
            const label = `${localize.date(seoulNoon(day))}${isToday ? `, ${words.today}` : ''}, ${words.forums(
              forums.length,
              forums.map((f) => `${f.title} (${localize.m.forumStatus[displayStatus(f)]})`).join(', '),
            )}`;
            return html`<div
              role="gridcell"
              part="day"
              class="day ${day.startsWith(month) ? '' : 'out'} ${isToday ? 'today' : ''} ${forums.length ? 'has' : ''}"
              data-day=${day}
              tabindex=${day === focus ? 0 : -1}
              aria-selected=${day === openDay}
              aria-current=${isToday ? 'date' : nothing}
              @click=${() => this.#openDayPanel(day, false)}
              @focus=${() => this.#dayFocused(day, items ? forums.length : 0)}
            >
              <span class="visually-hidden">${label}</span>
              <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
              ${items
                ? forums
                    .slice(0, forums.length > PER_CELL + 1 ? PER_CELL : PER_CELL + 1)
                    .map((f) => html`<span part="chip" class="chip s-${displayStatus(f)}" aria-hidden="true">${f.title}</span>`)
                : html`<span class="chip bone" aria-hidden="true"></span>`}
              ${forums.length > PER_CELL + 1 ? html`<span class="more" aria-hidden="true">${words.more(forums.length - PER_CELL)}</span>` : nothing}
              ${forums.length ? html`<span class="count" aria-hidden="true">${forums.length}</span>` : nothing}
            </div>`;
          })}
        </div>`,
      )}
    </div>`;
  }

  /** The opened day's forums below the grid: its heading, a close button and what `cards` draws (or its placeholder). */
  renderDayPanel(items: Forum[] | undefined, cards: (forums: Forum[]) => TemplateResult | undefined): TemplateResult | typeof nothing {
    const day = this.#openDay;
    if (!day || !items) return nothing;
    const localize = this.#localize;
    return html`<section part="day-panel" class="panel" aria-labelledby="panel-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#closeDayPanel()}>
      <div class="panel-head">
        <p id="panel-title" class="day-label" role="heading" aria-level="3" tabindex="-1">${localize.date(seoulNoon(day))}</p>
        <button type="button" part="button" @click=${this.#closeDayPanel}>${localize.m.common.close}</button>
      </div>
      ${cards(byDay(items).get(day) ?? []) ?? html`<div class="card bone" aria-busy="true"></div>`}
    </section>`;
  }
}
