import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyed } from 'lit/directives/keyed.js';
import { LoadTask } from '../../controllers/load-task.js';
import type { ApiClient } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { LiveMessage } from '../../api/live-stream.js';
import type { Forum, Idea, LiveEvent, Table } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { LiveController } from '../../controllers/live-controller.js';
import { PartsController, part, type Part } from '../../controllers/parts.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { baseStyles } from '../../styles/base.js';
import { HdIdeaWallJoinedEvent } from '../../events/idea-wall-joined.js';
import { ko } from './messages.js';
import { IdeaStore, type SortOrder, type ViewQuery } from './store.js';
import { loadOutbox, loadSession, saveSession, storeKey, type StoredSession } from './storage.js';
import type { WallHost } from './host.js';
import type { Participation } from './participation.js';
import type { Tools } from './facilitator.js';
import { styles } from './idea-wall.styles.js';

export type IdeaWallMode = 'participant' | 'facilitator' | 'projector';

const ANNOUNCE_MS = 5_000;
/**
 * From this many ideas on, only the cards in view are rendered (`@lit-labs/virtualizer`); a
 * shorter wall renders every card (cheap, and find-in-page and print see them all).
 */
const VIRTUALIZE_FROM = 100;
/**
 * Code a wall needs only in some modes or states, each a part fetched once per page by the first
 * wall that needs it (`PartsController`): a writer's posting and dots, the projector's view, a
 * facilitator's tools, and the virtualizer for a long wall.
 */
const partChunk = part(() => import('./participation.js'));
const projectorChunk = part(() => import('./projector.js'));
const toolsChunk = part(() => import('./facilitator.js'));
const virtualChunk = part(() => import('./virtual-list.js'));

interface MyVotes {
  budget: number;
  used: number;
  votes: Map<string, number>;
}

/**
 * One live forum's ideas in three modes: participants on phones join with the join code and
 * their table, post ideas and dot-vote within the forum's vote budget; facilitators on tablets
 * also hide, categorise, merge, pin, promote and run the voting round; the projector shows the
 * room every idea, grouped by category or table, with a QR code to join. Updates arrive over the
 * shared live stream; posts and votes show at once and roll back with the server's reason; after
 * a dropped connection the wall resumes without losing or doubling an idea, and an idea written
 * offline is sent once when back. A pause button stops the wall moving while updates are counted.
 *
 * @summary The live wall of a forum's ideas at the venue: post, dot-vote, moderate, project.
 * @tag hd-idea-wall
 *
 * @attr api-base - Base URL of a backend serving the Hyeondap contract (else the nearest `<hd-provider>`).
 * @attr forum-id - The live forum.
 * @attr mode - `participant` (phones; default), `facilitator` (tablets; needs a facilitator token) or `projector` (big screen, no input).
 * @attr join-code - The forum's join code (from the table's QR code URL, or set by the organiser for the projector's invitation).
 * @attr table - The participant's table number (from the QR code URL); with `join-code` the person joins at once.
 * @attr join-href - Projector: the join page URL template, `{code}` and `{table}` are filled in (e.g. `https://…/venue.html?code={code}&table={table}`).
 * @attr group-by - Projector: `category` (default), `table` or `none`.
 * @attr sort - `newest` (default) or `votes`.
 * @prop {string} token - A facilitator (or admin) token; never an attribute, never in a URL. `<hd-provider token>` works too.
 * @prop {boolean} paused - The wall stands still (updates keep arriving and are counted). Reflects the pause button.
 * @prop {readonly Idea[]} shownIdeas - The ideas the wall shows now, in order (read-only).
 *
 * @event {HdIdeaPostEvent} hd-idea-post - Before an idea is sent; cancel to keep it from being posted.
 * @event {HdIdeaPostedEvent} hd-idea-posted - The server took an idea this wall posted (also after the offline queue).
 * @event {HdVoteChangedEvent} hd-vote-changed - The server confirmed a dot put on or taken back.
 * @event {HdIdeaWallJoinedEvent} hd-idea-wall-joined - The person joined the forum at a table.
 *
 * @csspart header - The top bar (votes left, live state, pause).
 * @csspart join - The join form.
 * @csspart composer - The form to post an idea.
 * @csspart toolbar - Filters and sort.
 * @csspart tables - The tables' tallies.
 * @csspart list - The list of ideas.
 * @csspart item - One idea card.
 * @csspart votes - An idea's vote count.
 * @csspart vote-button - The buttons that put on and take back a dot.
 * @csspart moderation - A card's facilitator tools.
 * @csspart voting - The facilitator's voting round controls.
 * @csspart group - Projector: one group of ideas.
 * @csspart invite - Projector: the QR code and join code.
 * @csspart qr - Projector: the QR code's SVG.
 * @csspart status - Messages (errors, confirmations).
 *
 * @cssprop [--hd-idea-wall-card-background=var(--hd-color-surface)] - Background of a card.
 * @cssprop [--hd-idea-wall-projector-font-size=28px] - Base text size in projector mode.
 * @cssprop [--hd-idea-wall-columns=3] - Projector: how many groups side by side.
 */
export class HdIdeaWall extends LitElement {
  static override styles = [baseStyles, styles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    forumId: { attribute: 'forum-id' },
    mode: { reflect: true },
    joinCode: { attribute: 'join-code' },
    table: { type: Number },
    joinHref: { attribute: 'join-href' },
    groupBy: { attribute: 'group-by' },
    sort: {},
    paused: { type: Boolean },
    forum: { state: true, attribute: false },
    filterTable: { state: true, attribute: false },
    filterCategory: { state: true, attribute: false },
    promotedOnly: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    draftTable: { state: true, attribute: false },
    joining: { state: true, attribute: false },
  };

  apiBase: string | undefined;
  token: string | undefined;
  forumId = '';
  mode: IdeaWallMode = 'participant';
  joinCode = '';
  table = 0;
  joinHref = '';
  groupBy: 'category' | 'table' | 'none' = 'category';
  sort: SortOrder = 'newest';
  paused = false;

  private forum: Forum | undefined;
  private filterTable = 0;
  private filterCategory: string | null = null;
  private promotedOnly = false;
  private notice: { text: string; error: boolean } | undefined;
  private announcement = '';
  private draftTable = 0;
  private joining = false;

  private readonly api = new ApiController(this);
  /** Korean ships with the wall; English is a chunk fetched the first time a wall speaks it. */
  private readonly l = words(this, this.api, ko, () => import('./messages-en.js'));
  private readonly live = new LiveController(this, {
    api: this.api,
    forumId: () => this.forumId,
    onMessage: (m) => this.#onLive(m),
  });
  /** The wall as its code-split parts see it (`host.ts`). */
  private readonly h = this as unknown as WallHost;

  private store = new IdeaStore();
  private scope = '';
  private session: StoredSession | undefined;
  private me: MyVotes | undefined;
  private fresh = new Set<string>();
  private bumped = new Set<string>();
  /** A writer's posting and dots, once their chunk is in. */
  private participation: Participation | undefined;
  /** A facilitator's tools, once their chunk is in. */
  private tools: Tools | undefined;
  #states = customStates(this);
  /** Ideas wait in this device's outbox (from an earlier visit). */
  #queued = false;
  /** The wall has been drawn (after that, a part that loads shows its own note in its place). */
  #drawn = false;
  #tables = new Map<number, Table>();
  #forumV = -1;
  #buffer: LiveEvent[] | null = null;
  #frozen: Idea[] | undefined;
  #newWhilePaused = 0;
  #announceCount = 0;
  #announceAt = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #frameTimer: ReturnType<typeof setTimeout> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #autoJoinTried = '';
  /** The list is drawn by the virtualizer. */
  #virtual = false;
  /** The parts this wall waits for (`updateComplete` waits too), and those that failed to load. */
  #parts = new PartsController(this);
  #onOnline = () => {
    this.#parts.forget(); // parts that failed offline are fetched again on the next render
    this.participation?.flush();
    this.requestUpdate();
  };
  #liveState = '';

  private readonly task = new LoadTask(this, {
    // Not the participant's token: a participant reads without it, and joining brings the
    // person's budget with it, so joining must not fetch the whole wall again.
    args: () => [this.api.value, this.forumId, this.mode] as const,
    task: async ([value, forumId], { signal }) => {
      if (!value || !forumId) return;
      await this.#load(signal);
    },
  });

  /** The ideas the wall shows now (as last rendered), in order. */
  get shownIdeas(): readonly Idea[] {
    return this.#shown;
  }

  #shown: readonly Idea[] = [];
  #view(): readonly Idea[] {
    if (!this.#frozen) return this.store.view(this.query());
    // Paused: nothing moves, but what a facilitator hid or merged still goes.
    const hidden = this.isFacilitator;
    return this.#frozen.filter((i) => {
      const status = this.store.get(i.id)?.status;
      return status === 'visible' || (hidden && status === 'hidden');
    });
  }

  private get isFacilitator(): boolean {
    return this.mode === 'facilitator' && !!this.api.value?.hasToken;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#frameTimer);
    clearTimeout(this.#announceTimer);
    clearInterval(this.#clock);
    this.#frame = 0;
    this.#frameTimer = this.#announceTimer = this.#clock = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const base = this.api.value?.baseUrl ?? '';
    const scope = base && this.forumId ? storeKey(base, this.forumId) : '';
    if (scope !== this.scope) {
      this.scope = scope;
      this.store = new IdeaStore();
      this.#forumV = -1;
      this.forum = undefined;
      this.me = undefined;
      this.participation = undefined;
      this.#drawn = false;
      this.session = scope ? loadSession(scope) : undefined;
      this.#queued = !!scope && loadOutbox(scope).length > 0;
    }
    // A writer's part is fetched now, alongside the first data (not after it).
    this.#loadParticipation();
    const refilter = ['filterTable', 'filterCategory', 'promotedOnly', 'sort'].some((k) => changed.has(k as keyof HdIdeaWall));
    if (changed.has('paused') || (this.paused && refilter)) {
      this.#frozen = this.paused ? [...this.store.view(this.query())] : undefined;
      if (!this.paused) this.#newWhilePaused = 0;
    }
    this.#syncClock();
    this.#setStates();
  }

  protected override updated(): void {
    if (this.mode === 'participant' && this.scope && !this.session && this.joinCode && this.table > 0 && !this.joining) {
      const attempt = `${this.scope}|${this.joinCode}|${this.table}`;
      if (this.#autoJoinTried !== attempt) {
        this.#autoJoinTried = attempt;
        queueMicrotask(() => void this.#join(this.joinCode, this.table));
      }
    }
    // Back to streaming after a break: send what waits (on the transition only, never in a loop).
    const state = this.live.state;
    if (state !== this.#liveState) {
      if (state === 'open' && this.#liveState) queueMicrotask(() => this.participation?.flush());
      this.#liveState = state;
    }
  }

  // ---------------------------------------------------------------- data

  /** A client with the writer's token: the facilitator's, or the participant's session. */
  private writer(): ApiClient | undefined {
    if (this.isFacilitator) return this.api.client;
    return this.session ? this.api.value!.withToken(this.session.token) : undefined;
  }

  async #load(signal: AbortSignal): Promise<void> {
    const forumId = this.forumId;
    const reader = this.isFacilitator ? this.api.client : this.api.value!.withToken(null);
    const include = this.isFacilitator ? ('all' as const) : undefined;
    this.#buffer ??= [];
    try {
      if (this.store.size === 0) {
        const cached = reader.peekIdeas(forumId, { limit: 1000, include });
        const forum = reader.peekForum(forumId);
        if (forum) this.forum = forum;
        if (cached) this.store.replace(cached.items, Number(cached.lastEventId));
      }
      // The first page's lastEventId is the resume point: everything read after it (more pages, the
      // forum, the tables, my votes) is as new or newer, and the buffered events after it replay in
      // order on top, so the wall converges to the server's state whatever the interleaving.
      const all: Idea[] = [];
      let cursor: string | undefined;
      let v = -1;
      do {
        const page = await reader.listIdeas(forumId, { limit: 1000, include, cursor }, { signal, cache: 'no-cache' });
        if (v < 0) v = Number(page.lastEventId);
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // My votes (a participant), or my table (a facilitator: the default for posting on someone's behalf).
      const writer = (this.mode === 'participant' && this.session) || this.isFacilitator ? this.writer() : undefined;
      const [forum, tables, me] = await Promise.all([
        reader.getForum(forumId, { signal, cache: 'no-cache' }),
        reader.listTables(forumId, { signal, cache: 'no-cache' }).catch(() => undefined),
        writer?.me(forumId, { signal }).catch((error: unknown) => {
          if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
          throw error;
        }),
      ]);
      if (me === null) {
        saveSession(this.scope, undefined);
        this.session = undefined;
        this.me = undefined;
      } else if (me?.role === 'facilitator') {
        this.draftTable ||= me.table ?? 0;
      } else if (me) {
        this.me = { budget: me.voteBudget, used: me.votesUsed, votes: new Map(Object.entries(me.votes)) };
      }
      this.forum = forum;
      this.#forumV = v;
      this.#tables = new Map((tables?.items ?? []).map((t) => [t.number, t]));
      this.store.replace(all, v);
      // Paused before anything had loaded (`paused` set in the page): hold still on the first load,
      // not on the empty wall of before it.
      if (this.paused && !this.#frozen?.length) this.#frozen = [...this.store.view(this.query())];
      // A stream that has seen no event yet resumes from the list, not from "now".
      this.live.stream?.advanceTo(String(v));
      const buffered = this.#buffer ?? [];
      this.#buffer = null;
      for (const e of buffered) if (Number(e.id) > v) this.#apply(e, false);
      this.participation?.flush();
    } finally {
      if (this.#buffer && !signal.aborted) {
        const buffered = this.#buffer;
        this.#buffer = null;
        for (const e of buffered) this.#apply(e, false);
      }
      this.schedule();
    }
  }

  #onLive(m: LiveMessage): void {
    if (m.type === 'reset' || m.type === 'poll') {
      // A reset means the stream skipped events: refetch even when a load is under way (it may have
      // read the list before the skipped ones; run() aborts it). A poll tick never interrupts a load.
      if (m.type === 'reset' || this.task.status !== 'pending') void this.task.run();
      if (m.type === 'poll') this.participation?.flush();
      return;
    }
    if (this.#buffer) this.#buffer.push(m);
    else this.#apply(m, true);
  }

  #apply(e: LiveEvent, fresh: boolean): void {
    const v = Number(e.id);
    switch (e.type) {
      case 'idea.created':
      case 'idea.updated': {
        const isNew = this.store.put(e.data, v);
        if (isNew && e.data.status === 'visible' && fresh) this.#noteNew(e.data.id);
        break;
      }
      case 'idea.merged':
        this.store.put(e.data.from, v);
        this.store.put(e.data.into, v);
        break;
      case 'vote.changed':
        this.store.setVotes(e.data.ideaId, e.data.votes, v);
        if (fresh) this.#mark(this.bumped, e.data.ideaId);
        break;
      case 'forum.updated':
        if (v > this.#forumV) {
          this.forum = e.data;
          this.#forumV = v;
          if (this.me) this.me.budget = e.data.voteBudget;
        }
        break;
      case 'participants.changed':
        if (this.forum) this.forum = { ...this.forum, participants: e.data.participants };
        if (e.data.table !== null) {
          const t = this.#tables.get(e.data.table);
          if (t) this.#tables.set(t.number, { ...t, participants: e.data.tableParticipants });
        }
        break;
      default:
        return;
    }
    this.schedule();
  }

  /** One render per animation frame however many events arrive (a timer stands in when frames are throttled). */
  private schedule(): void {
    if (this.#frame || this.#frameTimer) return;
    const flush = () => {
      cancelAnimationFrame(this.#frame);
      clearTimeout(this.#frameTimer);
      this.#frame = 0;
      this.#frameTimer = undefined;
      this.requestUpdate();
    };
    this.#frame = requestAnimationFrame(flush);
    this.#frameTimer = setTimeout(flush, 200);
  }

  #mark(set: Set<string>, id: string): void {
    set.add(id);
    setTimeout(() => set.delete(id), 1_500);
  }

  #noteNew(id: string): void {
    this.#mark(this.fresh, id);
    if (this.paused) this.#newWhilePaused++;
    this.#announceCount++;
    if (this.#announceTimer) return;
    const wait = Math.max(0, this.#announceAt + ANNOUNCE_MS - Date.now());
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      this.#announceAt = Date.now();
      const text = this.#announceCount ? this.l.t.live.announce(this.#announceCount) : '';
      this.#announceCount = 0;
      // Emptied first, so the same words ("새 제안 1건…") are announced again.
      this.announcement = '';
      setTimeout(() => (this.announcement = text), 100);
    }, Math.max(wait, 1_000));
  }

  private query(): ViewQuery {
    return {
      sort: this.sort === 'votes' ? 'votes' : 'newest',
      table: this.filterTable,
      category: this.filterCategory,
      promotedOnly: this.promotedOnly,
      includeHidden: this.isFacilitator,
    };
  }

  private say(text: string, error = false): void {
    this.notice = { text, error };
  }

  #syncClock(): void {
    const closesAt = this.forum?.voting.open ? this.forum.voting.closesAt : null;
    if (closesAt && !this.#clock) this.#clock = setInterval(() => this.requestUpdate(), 1_000);
    if (!closesAt && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = undefined;
    }
  }

  #setStates(): void {
    const live = this.live.state;
    this.#states(
      this.task.status === 'pending' && 'loading',
      live === 'open' && 'live',
      this.paused && 'paused',
      (live === 'reconnecting' || live === 'polling') && 'offline',
    );
  }

  // ---------------------------------------------------------------- actions

  async #join(code: string, table: number): Promise<void> {
    const value = this.api.value;
    if (!value || !this.forumId) return;
    const scope = this.scope;
    // Read before the button is disabled (a disabled button loses the focus).
    const focused = !!this.renderRoot.querySelector('.join:focus-within');
    this.joining = true;
    // The writer's part loads while the server answers (if it is not in yet; tried again if an
    // earlier try failed): the composer replaces the form at once.
    this.#parts.forget(partChunk);
    this.#prefetch();
    const part = partChunk.loading;
    try {
      const s = await value.withToken(null).join(this.forumId, { joinCode: code.trim().toUpperCase(), table });
      await part?.catch(() => undefined); // failed: its place says so, with a retry
      if (scope !== this.scope) return;
      this.session = { token: s.token, table: s.table };
      saveSession(scope, this.session);
      this.me = { budget: s.voteBudget, used: s.votesUsed, votes: new Map() };
      this.notice = undefined;
      this.dispatchEvent(new HdIdeaWallJoinedEvent({ forumId: this.forumId, table: s.table }));
      // The form that had the keyboard is gone: the keyboard goes on in the composer.
      if (focused) this.#parts.focus('#draft');
    } catch (error) {
      this.say(this.l.error(error), true);
    } finally {
      this.joining = false;
    }
  }

  #prefetch(): void {
    this.#parts.need(partChunk);
  }

  #submitJoin(ev: SubmitEvent): void {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    const table = Number(data.get('table'));
    if (!Number.isInteger(table) || table < 1) return;
    void this.#join(String(data.get('code') ?? ''), table);
  }

  #togglePause(): void {
    this.paused = !this.paused;
  }

  // ---------------------------------------------------------------- render

  protected override getUpdateComplete(): Promise<boolean> {
    // Resolves once the wall is drawn in its language (a lazy catalog may still be on its way)
    // and with every chunk it asked for in (a writer's part, a facilitator's tools, the
    // projector, the virtualizer).
    return this.l.updateComplete(() => this.#parts.updateComplete(() => super.getUpdateComplete()));
  }

  #skeleton() {
    // No words until the language is in: an English page never flashes Korean.
    return html`<div class="skeleton" aria-busy="true">${this.l.ready ? html`<p>${this.l.m.common.loading}</p>` : nothing}</div>`;
  }

  protected override render() {
    if (!this.l.ready) return this.#skeleton();
    const w = this.l.t;
    if (!this.forumId) return html`<p class="note top">${w.noForum}</p>`;
    // No api-base and no provider above: say so; a provider still loading: wait.
    if (this.api.missing) return html`<p class="note error top" role="alert" part="status">${this.l.m.errors.noBackend}</p>`;
    if (!this.api.ready) return this.#skeleton();
    if (this.task.status === 'error' && this.store.size === 0) {
      return this.#failure(this.task.error, () => this.task.run(), 'top');
    }
    // Until the data is in; and a writer sees the wall first with their composer and dots (that
    // part was fetched alongside the data), unless it could not be fetched: then the wall shows,
    // with the error and a retry in its place.
    if (
      (this.task.status === 'pending' && this.store.size === 0 && !this.forum) ||
      (!this.#drawn && !this.participation && this.#writes() && !this.#parts.failed(partChunk))
    ) {
      return this.#skeleton();
    }
    this.#shown = this.#view();
    if (this.mode !== 'projector') return this.#renderWall();
    // The projector's view (and the QR code) load only when a wall is a projector.
    const projector = this.#parts.need(projectorChunk);
    return projector ? projector.projectorView(this.h) : this.#parts.failed(projectorChunk) ? this.#chunkFailed(projectorChunk) : this.#skeleton();
  }

  private liveLine() {
    const s = this.live.state;
    return html`<span class="live live-${s}">${this.l.m.live[s]}</span>`;
  }

  #renderWall() {
    this.#drawn = true;
    const w = this.l.t;
    const list = this.#shown;
    const facilitator = this.isFacilitator;
    const tools = this.#loadTools();
    const part = this.participation;
    return html`
      <section class="wall" aria-label=${this.forum ? `${this.forum.title} ${w.wallLabel}` : w.wallLabel}>
        <div class="header" part="header">
          ${part?.budget()}
          <span class="voting-state">${this.votingLine()}</span>
          ${this.liveLine()}
          <button type="button" class="pause" aria-pressed=${this.paused ? 'true' : 'false'} @click=${this.#togglePause}>
            ${this.paused ? w.live.resume : w.live.pause}
          </button>
        </div>
        ${this.paused
          ? html`<p class="paused-note">
              ${w.live.paused}
              ${this.#newWhilePaused
                ? html`<button type="button" class="resume" @click=${this.#togglePause}>${w.live.newWhilePaused(this.#newWhilePaused)}</button>`
                : nothing}
            </p>`
          : nothing}
        ${this.live.state === 'reconnecting' || this.live.state === 'polling' ? html`<p class="note">${w.live.offline}</p>` : nothing}
        <div class="status" role="status" part="status">
          ${this.notice ? html`<p class=${this.notice.error ? 'msg error' : 'msg'}>${this.notice.text}</p>` : nothing}
        </div>
        ${this.mode === 'facilitator' && !facilitator ? html`<p class="note">${w.needToken}</p>` : nothing}
        ${facilitator ? (tools?.voting() ?? this.#pending(toolsChunk, '[part~="voting"] button')) : nothing}
        ${this.mode === 'participant' && !this.session ? this.#renderJoin() : nothing}
        ${this.writer() ? (part?.composer() ?? this.#pending(partChunk, '#draft')) : nothing}
        ${this.#renderToolbar()}
        ${this.#renderTables()}
        ${tools?.mergeNote()}
        ${part?.pending()}
        ${list.length === 0 && !part?.waiting
          ? html`<p class="empty">${this.store.size ? w.emptyFiltered : w.empty}</p>`
          : html`<div class="list" part="list" role="list" aria-label=${w.wallLabel}>
              ${this.#list(list)}
            </div>`}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  /**
   * Every card (a short wall: cheap, and find-in-page and print see them all), or from
   * `VIRTUALIZE_FROM` ideas on only those in view. The virtualizer is fetched when the wall first
   * grows that long; until it arrives the plain list stays (its first `VIRTUALIZE_FROM` cards, many
   * screens' worth, rather than thousands at once), so nothing goes blank or jumps. If it cannot be
   * fetched (offline), every card is rendered: slower, but no idea out of reach.
   */
  #list(list: readonly Idea[]) {
    if (list.length >= VIRTUALIZE_FROM) {
      const virtual = this.#parts.need(virtualChunk);
      if (virtual) {
        if (!this.#virtual) virtual.keepFocus(this.shadowRoot!);
        this.#virtual = true;
        return virtual.virtualList(list, (i) => i.id, (i) => this.#card(i));
      }
      if (!this.#parts.failed(virtualChunk)) list = list.slice(0, VIRTUALIZE_FROM);
    }
    this.#virtual = false;
    return repeat(list, (i) => i.id, (i) => this.#card(i));
  }

  /** Whether this wall has a writer's part: a writer (not on the projector), or ideas waiting in the outbox. */
  #writes(): boolean {
    return this.mode !== 'projector' && (!!this.writer() || this.#queued);
  }

  /** A writer's posting and dots: starts fetching their chunk when the wall needs it; undefined until it is in. */
  #loadParticipation(): Participation | undefined {
    if (!this.participation && this.#writes()) {
      const m = this.#parts.need(partChunk);
      if (m) {
        this.participation = new m.Participation(this.h);
        queueMicrotask(() => this.participation?.flush()); // what waits in the outbox goes now
      }
    }
    return this.participation;
  }

  /**
   * A facilitator's tools: a chunk of their own, fetched when a wall is in facilitator mode with a
   * token (phones never download it). Undefined until it arrives; the wall re-renders then.
   */
  #loadTools(): Tools | undefined {
    if (!this.isFacilitator) return undefined;
    const m = this.#parts.need(toolsChunk);
    return m && (this.tools ??= new m.Tools(this.h));
  }

  /** In a part's place while its chunk loads (`focus`: what takes the keyboard after a retry). */
  #pending(chunk: Part<unknown>, focus: string) {
    return this.#parts.failed(chunk) ? this.#chunkFailed(chunk, focus) : html`<p class="note" aria-busy="true">${this.l.m.common.loading}</p>`;
  }

  /** Something could not be fetched (offline): say so, with a retry. */
  #failure(error: unknown, retry: () => void, top = '') {
    return html`<div class="note error ${top}" role="alert" part="status">
      <p>${this.l.error(error)}</p>
      <button type="button" @click=${retry}>${this.l.m.common.retry}</button>
    </div>`;
  }

  /** A part could not be fetched: say so, with a retry (`focus`: what takes the keyboard after it). */
  #chunkFailed(chunk: Part<unknown>, focus = '[role=alert] button') {
    return this.#failure(this.#parts.failed(chunk), () => this.#parts.retry(chunk, focus));
  }

  private votingLine(): string {
    const voting = this.forum?.voting;
    const w = this.l.t.votes;
    if (!voting) return '';
    if (!voting.open) return w.closed;
    if (!voting.closesAt) return w.open;
    const left = Math.max(0, Math.round((Date.parse(voting.closesAt) - Date.now()) / 1000));
    return w.closesIn(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
  }

  #renderJoin() {
    const w = this.l.t;
    // A person who starts on the form is about to join: their part is fetched from then on.
    return html`<form class="join" part="join" @submit=${this.#submitJoin} @focusin=${this.#prefetch}>
      <h2>${w.join.title}</h2>
      <p class="hint">${w.join.hint}</p>
      <label>${w.join.code}<input name="code" required minlength="4" maxlength="12" autocomplete="off" autocapitalize="characters" .value=${this.joinCode} /></label>
      <label>${w.join.table}<input name="table" type="number" inputmode="numeric" required min="1" max=${this.forum?.tables || 200} .value=${this.table ? String(this.table) : ''} /></label>
      <button type="submit" class="primary" ?disabled=${this.joining}>${this.joining ? w.join.joining : w.join.submit}</button>
    </form>`;
  }

  private tableName(n: number): string {
    const topic = this.#tables.get(n)?.topic;
    return topic ? `${this.l.t.idea.table(n)} · ${topic}` : this.l.t.idea.table(n);
  }

  /** A labelled choice of `[value, text]` options (the toolbar's filters and sort). */
  #select(label: string, value: string, options: (readonly [string, string])[], set: (value: string) => void) {
    return html`<label
      >${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select></label
    >`;
  }

  #renderToolbar() {
    const w = this.l.t.filter;
    const cats = this.forum?.categories ?? [];
    return html`<div class="toolbar" part="toolbar">
      ${this.#select(
        w.table,
        String(this.filterTable),
        [['0', w.allTables], ...Array.from({ length: this.forum?.tables ?? 0 }, (_, i) => [String(i + 1), this.tableName(i + 1)] as const)],
        (v) => (this.filterTable = Number(v)),
      )}
      ${cats.length
        ? this.#select(w.category, this.filterCategory ?? '*', [['*', w.allCategories], ...cats.map((c) => [c, c] as const), ['', w.uncategorised]], (v) => (this.filterCategory = v === '*' ? null : v))
        : nothing}
      ${this.#select(w.sort, this.sort === 'votes' ? 'votes' : 'newest', [['newest', w.newest], ['votes', w.votes]], (v) => (this.sort = v as SortOrder))}
      <label class="check"><input type="checkbox" .checked=${this.promotedOnly} @change=${(e: Event) => (this.promotedOnly = (e.target as HTMLInputElement).checked)} />${w.promotedOnly}</label>
      ${this.isFacilitator ? this.tools?.promoteTop() : nothing}
    </div>`;
  }

  #renderTables() {
    const w = this.l.t;
    const tallies = this.store.tallies();
    const numbers = Array.from({ length: this.forum?.tables ?? 0 }, (_, i) => i + 1);
    if (!numbers.length) return nothing;
    let ideas = 0;
    let votes = 0;
    for (const t of tallies.values()) {
      ideas += t.ideas;
      votes += t.votes;
    }
    return html`<details class="tables" part="tables">
      <summary>${w.tables.title} — ${w.tables.plenary}: ${w.tables.summary(ideas, votes, this.forum?.participants ?? 0)}</summary>
      <ul role="list">
        ${numbers.map((n) => {
          const t = this.#tables.get(n);
          const tally = tallies.get(n) ?? { ideas: 0, votes: 0 };
          return html`<li>
            <strong>${this.tableName(n)}</strong>
            ${t?.facilitator ? html`<span>${w.tables.facilitator(t.facilitator)}</span>` : nothing}
            <span>${w.tables.summary(tally.ideas, tally.votes, t?.participants ?? 0)}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  #card(idea: Idea): TemplateResult {
    const w = this.l.t;
    const merged = this.store.mergedInto(idea.id);
    const tid = `t-${idea.id}`;
    return html`<div part="item" role="listitem" class="card ${this.fresh.has(idea.id) ? 'fresh' : ''} ${idea.status === 'hidden' ? 'is-hidden' : ''}" data-id=${idea.id}>
      <p class="text" id=${tid}>${idea.text}</p>
      <div class="meta">
        <span class="badge">${w.idea.table(idea.table)}</span>
        ${idea.category ? html`<span class="badge cat">${idea.category}</span>` : nothing}
        ${idea.pinned ? html`<span class="badge">${w.idea.pinned}</span>` : nothing}
        ${idea.promoted ? html`<span class="badge promoted">${w.idea.promoted}</span>` : nothing}
        ${idea.status === 'hidden' ? html`<span class="badge hidden">${w.idea.hidden}</span>` : nothing}
        ${merged ? html`<span class="badge">${w.idea.merged(merged)}</span>` : nothing}
      </div>
      <div class="vote-row">
        ${keyed(idea.votes, html`<strong part="votes" class="votes ${this.bumped.has(idea.id) ? 'bump' : ''}">${w.votes.count(idea.votes)}</strong>`)}
        ${this.participation?.votes(idea, tid)}
      </div>
      ${this.isFacilitator ? this.tools?.card(idea, tid) : nothing}
    </div>`;
  }
}
