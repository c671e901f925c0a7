/**
 * `ProjectorView`: the wall on the room's big screen. It fits the screen it is on and never
 * scrolls: one lane per category (or table), side by side, each with its top ideas by votes and
 * then its newest; what does not fit turns over in pages on a timer (lanes that do not fit too),
 * and stands still while the wall is paused. New ideas without a category come first, in a
 * "새 제안" lane, and every new idea is spotlighted for a few seconds. Text scales with the screen
 * (container query units: 28 px at 1080p). Under reduced motion pages change without animation.
 *
 * Loaded with a dynamic `import()` only by a wall in projector mode (phones and tablets never
 * download it), with the QR code helpers it uses, its words (both languages) and its styles.
 * It reaches the wall through `WallContext` only.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Idea } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import { joinUrl, qrMatrix, qrSvg } from './qr.js';
import { compareIdeas } from './store.js';
import type { WallContext } from './wall-context.js';
import { liveLine, tableName, votingText } from './wall-view.js';

export { styles } from './projector.styles.js';

/** How long a page stays before the next one turns over. */
export const PAGE_MS = 10_000;
/** How long a new idea is spotlighted. */
export const SPOTLIGHT_MS = 6_000;
/** The top ideas by votes (or pinned) that stay at the head of a lane while its newest turn over. */
const TOP = 3;
/** The newest ideas of a lane that are drawn at once, per column (a page shows those that fit). */
const DRAWN = 12;
/** How many pages of its newest ideas a lane turns through before it starts again. */
const PAGES = 3;

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  invite: '휴대전화로 QR 코드를 찍어 참여하세요',
  code: '참여 코드',
  ideas: (count: number) => `제안 ${n(count)}건`,
  people: (count: number) => `참여 ${n(count)}명`,
  qr: '참여 페이지로 가는 QR 코드',
  fresh: '새 제안',
  freshEmpty: '새로 올라온 제안이 여기에 먼저 나타납니다.',
  top: '표를 많이 받은 제안',
  rank: (rank: number) => `${n(rank)}위`,
  more: (count: number) => `다음 쪽에 ${n(count)}건 더`,
  page: (page: number, pages: number) => `${n(page)}/${n(pages)}쪽`,
  spotlight: (table: string) => `방금 올라온 제안 · ${table}`,
  pause: '화면 멈추기',
  resume: '다시 넘기기',
};

export const en: typeof ko = {
  invite: 'Scan the QR code with your phone to take part',
  code: 'Join code',
  ideas: (count: number) => `${ne(count)} ideas`,
  people: (count: number) => `${ne(count)} people`,
  qr: 'QR code to the join page',
  fresh: 'New ideas',
  freshEmpty: 'New ideas show here first.',
  top: 'Most votes',
  rank: (rank: number) => `No. ${ne(rank)}`,
  more: (count: number) => `${ne(count)} more on the next page`,
  page: (page: number, pages: number) => `Page ${ne(page)} of ${ne(pages)}`,
  spotlight: (table: string) => `Just posted · ${table}`,
  pause: 'Hold the screen',
  resume: 'Turn pages again',
};

/** One lane: a category's (or table's) ideas, its top ones and the rest newest first. */
interface Lane {
  key: string;
  title: string;
  /** The "새 제안" lane (uncategorised ideas, first). */
  fresh: boolean;
  count: number;
  top: Idea[];
  flow: Idea[];
}

/** Where a lane's newest are: the first one of the page shown, how many fit, which page. */
interface Position {
  start: number;
  /** Cards of the page that fit the lane (measured after each render; all until then: Infinity). */
  fit: number;
  page: number;
}

export class ProjectorView implements ReactiveController {
  readonly #wall: WallContext;
  /** The QR code of the join URL it encodes (computed once per URL, off the render). */
  #qr: { url: string; matrix?: boolean[][] } = { url: '' };
  /** The lanes, grouped from the list the wall shows (again only when it changed). */
  #lanes: { from: readonly Idea[]; key: string; fresh: Lane | undefined; lanes: Lane[] } | undefined;
  #positions = new Map<string, Position>();
  /** Which page of lanes shows, and how many lanes fit side by side (measured). */
  #page = 0;
  #cols = 3;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** A page has turned (from then on pages come in with an animation, unless motion is reduced). */
  #turned = false;
  #resize: ResizeObserver | undefined;
  /** The idea in the spotlight now, those waiting for it, and those already seen. */
  #spotlight: Idea | undefined;
  #queue: Idea[] = [];
  #seen = new Set<string>();
  #spotTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(wall: WallContext) {
    this.#wall = wall;
    wall.host.addController(this);
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.#turn(), PAGE_MS);
    this.#resize = new ResizeObserver(() => this.#remeasure());
    this.#resize.observe(this.#wall.host);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#spotTimer);
    this.#resize?.disconnect();
    this.#timer = this.#spotTimer = this.#resize = undefined;
  }

  hostUpdate(): void {
    this.#updateQr();
    this.#spotNew();
  }

  hostUpdated(): void {
    // How many lanes fit side by side, and how many cards of each page fit its lane.
    const root = this.#wall.host.shadowRoot!;
    const lanes = root.querySelector<HTMLElement>('.lanes');
    if (!lanes) return;
    let changed = false;
    const cols = Math.max(1, parseInt(getComputedStyle(lanes).getPropertyValue('--_cols'), 10) || 1);
    if (cols !== this.#cols) {
      this.#cols = cols;
      changed = true;
    }
    for (const lane of lanes.querySelectorAll<HTMLElement>('.group:not([hidden])')) {
      const position = this.#positions.get(lane.dataset.lane!);
      const flow = lane.querySelector<HTMLElement>('.flow');
      if (!position || !flow) continue;
      const bottom = flow.getBoundingClientRect().bottom + 0.5;
      const cards = [...flow.children];
      let fit = cards.findIndex((card) => card.getBoundingClientRect().bottom > bottom);
      if (fit < 0) fit = cards.length;
      fit = Math.max(fit, Math.min(1, cards.length)); // a card taller than its lane shows (cut) rather than none
      if (fit !== position.fit) {
        position.fit = fit;
        changed = true;
      }
    }
    // Drawn again with what fits, before the frame is painted (a microtask: after this update, not inside it).
    if (changed) queueMicrotask(() => this.#wall.host.requestUpdate());
  }

  /** The view of `shown` (the ideas the wall shows, in order); `announcement`: the live region's words. */
  render(shown: readonly Idea[], announcement: string): TemplateResult {
    const { host, data, words } = this.#wall;
    const forum = data.forum;
    const t = this.#t;
    const { fresh, lanes } = this.#group(shown);
    const pages = Math.max(1, Math.ceil(lanes.length / this.#cols));
    const page = this.#page % pages;
    const total = data.store.view({ sort: 'newest', includeHidden: false, table: 0, category: null, promotedOnly: false }).length;
    const qr = this.#qr.matrix;
    const spotlight = this.#spotlight;
    return html`<section class="projector ${this.#turned ? 'turned' : ''}" aria-label=${forum ? `${forum.title} ${words.t.wallLabel}` : words.t.wallLabel}>
      <div class="header" part="header">
        <h2>${forum?.title ?? ''}</h2>
        <span class="counter">${t.ideas(total)}</span>
        <span class="counter">${t.people(forum?.participants ?? 0)}</span>
        ${pages > 1 ? html`<span class="page">${t.page(page + 1, pages)}</span>` : nothing}
        <span class="voting-state">${votingText(words.t, forum)}</span>
        ${liveLine(words, data.live.state)}
        <button type="button" class="pause" aria-pressed=${host.paused ? 'true' : 'false'} @click=${() => (host.paused = !host.paused)}>
          ${host.paused ? t.resume : t.pause}
        </button>
      </div>
      <div class="stage">
        <div class="lanes ${host.groupBy === 'none' ? 'single' : ''}">
          ${fresh ? this.#lane(fresh, false) : nothing}
          ${repeat(
            lanes,
            (lane) => lane.key,
            (lane, i) => this.#lane(lane, Math.floor(i / this.#cols) !== page),
          )}
        </div>
        ${host.joinCode
          ? html`<aside class="invite" part="invite">
              ${qr ? qrSvg(qr, t.qr) : nothing}
              <p>${t.invite}</p>
              <p class="code">${t.code} <strong>${host.joinCode}</strong></p>
            </aside>`
          : nothing}
        ${spotlight
          ? html`<div class="spotlight">
              <p class="caption">${t.spotlight(words.t.idea.table(spotlight.table))}</p>
              <p class="text">${spotlight.text}</p>
            </div>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>
    </section>`;
  }

  #lane(lane: Lane, hidden: boolean): TemplateResult {
    const t = this.#t;
    const position = this.#position(lane.key);
    const shown = lane.flow.slice(position.start, position.start + DRAWN * (this.#wall.host.groupBy === 'none' ? this.#cols : 1));
    const left = lane.flow.length - position.start - Math.min(position.fit, shown.length);
    return html`<section class="group ${lane.fresh ? 'fresh-lane' : ''}" part="group" data-lane=${lane.key} ?hidden=${hidden}>
      <h3><span class="name">${lane.title}</span> <span class="n">${t.ideas(lane.count)}</span></h3>
      ${lane.top.length
        ? html`<p class="caption">${t.top}</p>
            <ol class="top" role="list">
              ${repeat(
                lane.top,
                (idea) => idea.id,
                (idea, i) => this.#card(idea, false, t.rank(i + 1)),
              )}
            </ol>`
        : nothing}
      ${lane.fresh && !lane.count ? html`<p class="empty-lane">${t.freshEmpty}</p>` : nothing}
      ${keyed(
        `${position.start}`,
        html`<ol class="flow" role="list">
          ${repeat(
            shown,
            (idea) => idea.id,
            (idea, i) => this.#card(idea, i >= position.fit),
          )}
        </ol>`,
      )}
      ${left > 0 && position.page < PAGES - 1 ? html`<p class="more">${t.more(left)}</p>` : nothing}
    </section>`;
  }

  #card(idea: Idea, over: boolean, rank?: string): TemplateResult {
    const { data, words } = this.#wall;
    const t = words.t;
    return html`<li part="item" class="card ${data.fresh.has(idea.id) ? 'fresh' : ''} ${over ? 'over' : ''}">
      <p class="text">${idea.text}</p>
      <div class="meta">
        ${rank ? html`<span class="badge promoted">${rank}</span>` : nothing}
        <span class="badge">${t.idea.table(idea.table)}</span>
        ${keyed(idea.votes, html`<strong part="votes" class="votes ${data.isBumped(idea.id) ? 'bump' : ''}">${t.votes.count(idea.votes)}</strong>`)}
      </div>
    </li>`;
  }

  #position(key: string): Position {
    let position = this.#positions.get(key);
    if (!position) this.#positions.set(key, (position = { start: 0, fit: Infinity, page: 0 }));
    return position;
  }

  /** The lanes of the list the wall shows: computed again only when the list or the grouping changed. */
  #group(shown: readonly Idea[]): { fresh: Lane | undefined; lanes: Lane[] } {
    const { host, data, words } = this.#wall;
    const forum = data.forum;
    const by = host.groupBy;
    const key = `${by}|${host.sort}|${forum?.categories.join('\u0000')}|${forum?.tables}`;
    if (this.#lanes?.from === shown && this.#lanes.key === key) return this.#lanes;
    const groups = new Map<string, Idea[]>();
    if (by === 'category') for (const c of forum?.categories ?? []) groups.set(c, []);
    if (by === 'table') for (let table = 1; table <= (forum?.tables ?? 0); table++) groups.set(String(table), []);
    const uncategorised: Idea[] = [];
    for (const idea of shown) {
      const group = by === 'table' ? String(idea.table) : by === 'category' ? idea.category : '';
      if (group === null) {
        uncategorised.push(idea);
        continue;
      }
      let list = groups.get(group);
      if (!list) groups.set(group, (list = []));
      list.push(idea);
    }
    const t = this.#t;
    const title = (group: string) => (by === 'table' ? tableName(words.t, data.tables, Number(group)) : by === 'category' ? group : words.t.wallLabel);
    // The top ideas (pinned or with votes) stay at the head of a lane; the rest follow in the wall's order.
    const lane = (group: string, title: string, ideas: Idea[], fresh = false): Lane => {
      const top = fresh || host.sort === 'votes' ? [] : ideas.filter((idea) => idea.pinned || idea.votes > 0).sort(compareIdeas('votes')).slice(0, TOP);
      const flow = top.length ? ideas.filter((idea) => !top.includes(idea)) : ideas;
      return { key: group, title, fresh, count: ideas.length, top, flow };
    };
    const lanes = [...groups].map(([group, ideas]) => lane(group, title(group), ideas));
    const fresh = by === 'category' ? lane('', t.fresh, uncategorised, true) : undefined;
    this.#lanes = { from: shown, key, fresh, lanes };
    return this.#lanes;
  }

  /** Turns the page: each lane in view shows its next newest; when none has more, the next lanes come. */
  #turn(): void {
    const { host } = this.#wall;
    if (host.paused || !this.#lanes) return;
    this.#turned = true;
    const { fresh, lanes } = this.#lanes;
    const pages = Math.max(1, Math.ceil(lanes.length / this.#cols));
    const page = this.#page % pages;
    const inView = lanes.slice(page * this.#cols, (page + 1) * this.#cols);
    const next = (lane: Lane) => {
      const position = this.#position(lane.key);
      const end = position.start + position.fit;
      if (end < lane.flow.length && position.page < PAGES - 1) {
        this.#positions.set(lane.key, { start: end, fit: Infinity, page: position.page + 1 });
        return true;
      }
      this.#positions.set(lane.key, { start: 0, fit: Infinity, page: 0 });
      return false;
    };
    if (fresh) next(fresh);
    // (every lane in view turns; `some` would stop at the first that has more)
    const more = inView.map(next).includes(true);
    if (!more && pages > 1) {
      for (const lane of inView) this.#positions.set(lane.key, { start: 0, fit: Infinity, page: 0 });
      this.#page = (page + 1) % pages;
    }
    host.requestUpdate();
  }

  /** The screen changed size: every page is measured anew. */
  #remeasure(): void {
    for (const position of this.#positions.values()) position.fit = Infinity;
    this.#wall.host.requestUpdate();
  }

  /** A new idea arrived: into the spotlight (after those already waiting), and its lane to its first page. */
  #spotNew(): void {
    const { data, host } = this.#wall;
    if (host.paused) return;
    for (const id of data.fresh) {
      if (this.#seen.has(id)) continue;
      this.#seen.add(id);
      const idea = data.store.get(id);
      if (idea?.status === 'visible') this.#queue.push(idea);
    }
    if (!this.#spotlight && this.#queue.length) this.#next();
  }

  #next(): void {
    const { host, data } = this.#wall;
    // A burst: the newest few, not a queue that lags behind the room.
    this.#queue = this.#queue.slice(-3);
    const idea = this.#queue.shift();
    this.#spotlight = idea && data.store.get(idea.id)?.status === 'visible' ? idea : undefined;
    if (idea) this.#showLaneOf(idea);
    clearTimeout(this.#spotTimer);
    this.#spotTimer = idea
      ? setTimeout(() => {
          this.#spotlight = undefined;
          if (this.#queue.length) this.#next();
          host.requestUpdate();
        }, SPOTLIGHT_MS)
      : undefined;
  }

  /** The lane an idea is in goes to its first page (where the newest are), and into view. */
  #showLaneOf(idea: Idea): void {
    const { host } = this.#wall;
    const key = host.groupBy === 'table' ? String(idea.table) : host.groupBy === 'category' ? (idea.category ?? '') : '';
    this.#positions.set(key, { start: 0, fit: Infinity, page: 0 });
    const index = this.#lanes?.lanes.findIndex((lane) => lane.key === key) ?? -1;
    if (index >= 0) this.#page = Math.floor(index / this.#cols);
  }

  #updateQr(): void {
    const { joinCode, joinHref, table } = this.#wall.host;
    const url = joinCode && joinHref ? joinUrl(joinHref, joinCode, table) : '';
    if (url === this.#qr.url) return;
    const qr: { url: string; matrix?: boolean[][] } = { url };
    this.#qr = qr;
    if (url) {
      qrMatrix(url).then(
        (matrix) => {
          qr.matrix = matrix;
          if (this.#qr === qr) this.#wall.host.requestUpdate();
        },
        () => undefined, // no QR code: the join code stays readable beside it
      );
    }
  }
}
