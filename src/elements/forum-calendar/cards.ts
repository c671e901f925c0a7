/**
 * The forum cards of `<hd-forum-calendar>`: the list view and the forums of a day opened in the
 * month view. A chunk of its own: the month grid (what a wide screen shows first) needs none of
 * it, so it is fetched when the list view is shown (a narrow screen, `view="list"`), when a day is
 * opened, or a little earlier when a person first points at or focuses the grid; and with it what
 * the calendar says when its filters match nothing (fetched when the filters get the keyboard, or
 * at once when the page set filters that match nothing). Its words live
 * here in both languages; its styles are adopted by the element's shadow root when it lands.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { displayStatus, seatsLeft } from '../../api/forum-status.js';
import type { Forum } from '../../api/types.js';
import { HdForumSelectEvent } from '../../events/forum-select.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { CalendarMessages } from './messages.js';

/** What the cards read from the element. */
export interface CardHost {
  /** The element: its link templates (`forum-href`, `signup-href`, `results-href`, `map-href`), and where `hd-forum-select` is fired. */
  element: {
    forumHref: string | undefined;
    signupHref: string | undefined;
    resultsHref: string | undefined;
    mapHref: string;
    dispatchEvent(event: Event): boolean;
  };
  localize: LocalizeController<CalendarMessages>;
  /** The forum's `.ics` URL, if there is a backend. */
  ics(id: string): string | undefined;
}

const ko = {
  emptyFiltered: '조건에 맞는 토론회가 없습니다.',
  usedFilters: '적용한 조건',
  query: (q: string) => `검색어 “${q}”`,
  dayEmpty: '이 날에는 토론회가 없습니다.',
  addToCalendar: '내 캘린더에 추가',
  map: '지도, 새 창',
};
const en: typeof ko = {
  emptyFiltered: 'No forums match these filters.',
  usedFilters: 'Filters',
  query: (q) => `search “${q}”`,
  dayEmpty: 'No forums on this day.',
  addToCalendar: 'Add to my calendar',
  map: 'map, new window',
};

/** Statuses whose forum still takes signups (or soon will): they get the `signup-href` link. */
const SIGNUP: string[] = ['announced', 'open', 'full'];
/** Statuses whose forum has taken place: they get the `results-href` link (the results, or when they are expected). */
const HELD: string[] = ['finished', 'reported'];

/**
 * Where a forum's title leads: its own page (`forum-href`), else by its status its signup or its
 * results page; null when none fits (the title is then plain text, not a link that does nothing).
 */
export function forumLink(element: CardHost['element'], forum: Forum): string | null {
  const template = element.forumHref || (SIGNUP.includes(forum.status) && element.signupHref) || (HELD.includes(forum.status) && element.resultsHref) || '';
  return template ? template.replaceAll('{id}', encodeURIComponent(forum.id)) : null;
}

export const styles = css`
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .days {
    display: grid;
    gap: var(--_hd-space-l);
  }
  .days > li,
  .cards {
    display: grid;
    gap: var(--_hd-space-s);
  }
  .cards {
    width: 100%;
  }
  .card {
    border: 1px solid var(--_line);
    border-radius: var(--_hd-radius);
    padding: var(--_hd-space-m);
    display: grid;
    gap: 0.25em;
    justify-items: start;
    background: var(--_hd-color-surface);
  }
  .row-top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
  }
  .seats {
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    padding: 0 0.625em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
    color: var(--_s);
    background: color-mix(in srgb, var(--_s) 12%, var(--_hd-color-surface));
  }
  .name {
    font-size: 1.125em;
    font-weight: 700;
  }
  a.name {
    color: var(--_hd-color-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .meta,
  .muted {
    color: var(--_hd-color-muted);
  }
  a.name,
  .meta a,
  .ics {
    display: inline-flex;
    align-items: center;
    min-height: var(--_hd-touch-target);
  }
  .today-tag {
    color: var(--_today);
  }
`;

/**
 * The list view: the month's forums grouped by day (`YYYY-MM-DD` keys of the Seoul calendar; noon
 * there names the day). Nothing imported from the element's own chunk: it would have to export it.
 */
export function list(calendar: CardHost, days: Map<string, Forum[]>, today: string, todayWord: string): TemplateResult {
  return html`<ol class="days" part="list">
    ${[...days].map(
      ([day, forums]) => html`<li>
        <p class="day-label" role="heading" aria-level="3">
          ${calendar.localize.shortDate(new Date(`${day}T12:00:00+09:00`))}${day === today ? html` <span class="today-tag">${todayWord}</span>` : nothing}
        </p>
        ${cards(calendar, forums)}
      </li>`,
    )}
  </ol>`;
}

/** A day's forums (the panel below the month grid), or that it has none. */
export function cards(calendar: CardHost, forums: Forum[]): TemplateResult {
  return forums.length ? html`<ul class="cards">${forums.map((f) => card(calendar, f))}</ul>` : html`<p>${wordsOf(calendar).dayEmpty}</p>`;
}

const wordsOf = (calendar: CardHost) => (calendar.localize.locale === 'en' ? en : ko);

/** What the calendar says when its filters match no forum: which filters (`[label, value]`), and a way to clear them. */
export function noMatch(calendar: CardHost, used: [string, string][], query: string, clear: () => void): TemplateResult {
  const words = wordsOf(calendar);
  const list = used.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`);
  if (query) list.push(words.query(query));
  return html`<p>${words.emptyFiltered}</p>
    <p class="muted">${words.usedFilters}: ${list.join(', ')}</p>
    <button type="button" part="button" @click=${clear}>${calendar.localize.t.clear}</button>`;
}

function card(calendar: CardHost, forum: Forum): TemplateResult {
  const messages = calendar.localize.m;
  const words = wordsOf(calendar);
  const status = displayStatus(forum);
  const href = forumLink(calendar.element, forum);
  const left = seatsLeft(forum);
  const seats =
    status === 'full'
      ? messages.forum.waitlisted(forum.waitlisted)
      : SIGNUP.includes(status) || status === 'closing'
        ? left > 0
          ? messages.forum.seatsLeft(left)
          : messages.forum.noSeatsLeft
        : '';
  const map = calendar.element.mapHref.replaceAll('{query}', encodeURIComponent(forum.venue.address));
  const ics = calendar.ics(forum.id);
  const select = (e: MouseEvent) => {
    if (e.button > 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab: let the link be
    if (!calendar.element.dispatchEvent(new HdForumSelectEvent({ forum, href }))) e.preventDefault(); // the page navigates itself
  };
  return html`<li part="forum" class="card" data-forum-id=${forum.id}>
    <p class="row-top">
      <span part="status" class="badge s-${status}">${messages.forumStatus[status]}</span>
      ${seats ? html`<span class="seats">${seats}</span>` : nothing}
    </p>
    ${href
      ? html`<a part="forum-title forum-link" class="name" href=${href} @click=${select}>${forum.title}</a>`
      : html`<p part="forum-title" class="name">${forum.title}</p>`}
    <p class="meta"><span class="visually-hidden">${messages.forum.date}: </span>${calendar.localize.dateRange(forum.startsAt, forum.endsAt)}</p>
    <p class="meta">
      <span class="visually-hidden">${messages.forum.venue}: </span>${forum.district} ·
      <a part="map-link" href=${map} target="_blank" rel="noopener noreferrer">${forum.venue.name}<span class="visually-hidden"> (${words.map})</span></a>
    </p>
    ${ics ? html`<a part="ics-link" class="ics" href=${ics} download>${words.addToCalendar}<span class="visually-hidden">: ${forum.title}</span></a>` : nothing}
  </li>`;
}
