import { LitElement, html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus } from '../../context/task.js';
import type { ApiClient } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { LiveMessage } from '../../api/live-stream.js';
import type { Forum, Idea, LiveEvent, Table } from '../../api/types.js';
import { ApiController } from '../../context/api-consumer.js';
import { LiveController } from '../../context/live-controller.js';
import { LocalizeController } from '../../i18n/localize.js';
import { baseStyles } from '../../styles/base.js';
import { addStyles } from '../../styles/adopt.js';
import { HdIdeaPostEvent } from '../../events/idea-post.js';
import { HdIdeaPostedEvent } from '../../events/idea-posted.js';
import { HdIdeaWallJoinedEvent } from '../../events/idea-wall-joined.js';
import { HdVoteChangedEvent } from '../../events/vote-changed.js';
import { ko } from './messages.js';
import { IdeaStore, type SortOrder, type ViewQuery } from './store.js';
import { loadOutbox, loadSession, saveOutbox, saveSession, storeKey, type QueuedIdea, type StoredSession } from './storage.js';

type ProjectorModule = typeof import('./projector.js');
type VirtualModule = typeof import('./virtual-list.js');
type ToolsModule = typeof import('./facilitator.js');
type Tools = import('./facilitator.js').Tools;
import { styles } from './idea-wall.styles.js';

export type IdeaWallMode = 'participant' | 'facilitator' | 'projector';

const MAX = 280;
const ANNOUNCE_MS = 5_000;
/**
 * From this many ideas on, only the cards in view are rendered (`@lit-labs/virtualizer`); a
 * shorter wall renders every card (cheap, and find-in-page and print see them all).
 */
const VIRTUALIZE_FROM = 100;
/**
 * Code a wall needs only in some modes or states, each a chunk fetched once per page by the first
 * wall that needs it (see `#need`): the projector's view, a facilitator's tools, and the
 * virtualizer for a long wall.
 */
interface Chunk<T> {
  load: () => Promise<T>;
  value?: T;
  loading?: Promise<T>;
}
const projectorChunk: Chunk<ProjectorModule> = { load: () => import('./projector.js') };
const toolsChunk: Chunk<ToolsModule> = { load: () => import('./facilitator.js') };
const virtualChunk: Chunk<VirtualModule> = { load: () => import('./virtual-list.js') };
const chars = (s: string) => [...s].length;

interface Pending extends QueuedIdea {
  state: 'sending' | 'queued';
}
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

  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  @property({ attribute: false }) token: string | undefined;
  @property({ attribute: 'forum-id' }) forumId = '';
  @property({ reflect: true }) mode: IdeaWallMode = 'participant';
  @property({ attribute: 'join-code' }) joinCode = '';
  @property({ type: Number }) table = 0;
  @property({ attribute: 'join-href' }) joinHref = '';
  @property({ attribute: 'group-by' }) groupBy: 'category' | 'table' | 'none' = 'category';
  @property() sort: SortOrder = 'newest';
  @property({ type: Boolean }) paused = false;

  @state() private forum: Forum | undefined;
  @state() private filterTable = 0;
  @state() private filterCategory: string | null = null;
  @state() private promotedOnly = false;
  @state() private notice: { text: string; error: boolean } | undefined;
  @state() private announcement = '';
  @state() private draft = '';
  @state() private draftTable = 0;
  @state() private joining = false;

  private readonly api = new ApiController(this);
  /** Korean ships with the wall; English is a chunk fetched the first time a wall speaks it. */
  private readonly l = new LocalizeController(this, {
    locale: () => this.api.locale,
    own: { ko, load: { en: () => import('./messages-en.js').then((m) => m.en) } },
  });
  private readonly live = new LiveController(this, {
    stream: () => (this.forumId && this.api.ready ? this.api.live(this.forumId) : undefined),
    onMessage: (m) => this.#onLive(m),
  });

  #store = new IdeaStore();
  #internals: ElementInternals | undefined;
  #scope = '';
  #session: StoredSession | undefined;
  #me: MyVotes | undefined;
  #pending: Pending[] = [];
  #inFlight = new Set<string>();
  #tables = new Map<number, Table>();
  #forumV = -1;
  #buffer: LiveEvent[] | null = null;
  #frozen: Idea[] | undefined;
  #newWhilePaused = 0;
  #fresh = new Set<string>();
  #bumped = new Set<string>();
  #announceCount = 0;
  #announceAt = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #frameTimer: ReturnType<typeof setTimeout> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;
  #autoJoinTried = '';
  #votesInFlight = 0;
  #votesOverlapped = false;
  /** Chunks this wall waits for (`updateComplete` waits too), and those that failed to load. */
  #waiting = new Map<Chunk<unknown>, Promise<void>>();
  #failed = new Map<Chunk<unknown>, unknown>();
  #onOnline = () => {
    this.#failed.clear(); // chunks that failed offline are fetched again on the next render
    this.#flush();
    this.requestUpdate();
  };
  #liveState = '';
  #tools: Tools | undefined;

  private readonly task = new Task(this, {
    // Not the participant's token: a participant reads without it, and joining brings the
    // person's budget with it, so joining must not fetch the whole wall again.
    args: () => [this.api.value, this.forumId, this.mode] as const,
    task: async ([value, forumId], { signal }) => {
      if (!value || !forumId) return;
      await this.#load(signal);
    },
  });

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      this.#internals = undefined;
    }
  }

  /** The ideas the wall shows now (as last rendered), in order. */
  get shownIdeas(): readonly Idea[] {
    return this.#shown;
  }

  #shown: readonly Idea[] = [];
  #view(): readonly Idea[] {
    if (!this.#frozen) return this.#store.view(this.#query());
    // Paused: nothing moves, but what a facilitator hid or merged still goes.
    const hidden = this.isFacilitator;
    return this.#frozen.filter((i) => {
      const status = this.#store.get(i.id)?.status;
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
    if (scope !== this.#scope) {
      this.#scope = scope;
      this.#store = new IdeaStore();
      this.#forumV = -1;
      this.forum = undefined;
      this.#me = undefined;
      this.#session = scope ? loadSession(scope) : undefined;
      this.#pending = scope ? loadOutbox(scope).map((q) => ({ ...q, state: 'queued' as const })) : [];
    }
    const refilter = ['filterTable', 'filterCategory', 'promotedOnly', 'sort'].some((k) => changed.has(k as keyof HdIdeaWall));
    if (changed.has('paused') || (this.paused && refilter)) {
      this.#frozen = this.paused ? [...this.#store.view(this.#query())] : undefined;
      if (!this.paused) this.#newWhilePaused = 0;
    }
    this.#syncClock();
    this.#setStates();
  }

  protected override updated(): void {
    if (this.mode === 'participant' && this.#scope && !this.#session && this.joinCode && this.table > 0 && !this.joining) {
      const attempt = `${this.#scope}|${this.joinCode}|${this.table}`;
      if (this.#autoJoinTried !== attempt) {
        this.#autoJoinTried = attempt;
        queueMicrotask(() => void this.#join(this.joinCode, this.table));
      }
    }
    // Back to streaming after a break: send what waits (on the transition only, never in a loop).
    const state = this.live.state;
    if (state !== this.#liveState) {
      if (state === 'open' && this.#liveState) queueMicrotask(() => this.#flush());
      this.#liveState = state;
    }
  }

  // ---------------------------------------------------------------- data

  #reader(): ApiClient {
    return this.isFacilitator ? this.api.client : this.api.value!.withToken(null);
  }
  #writer(): ApiClient | undefined {
    if (this.isFacilitator) return this.api.client;
    return this.#session ? this.api.value!.withToken(this.#session.token) : undefined;
  }

  async #load(signal: AbortSignal): Promise<void> {
    const forumId = this.forumId;
    const reader = this.#reader();
    const include = this.isFacilitator ? ('all' as const) : undefined;
    this.#buffer ??= [];
    try {
      if (this.#store.size === 0) {
        const cached = reader.peekIdeas(forumId, { limit: 1000, include });
        const forum = reader.peekForum(forumId);
        if (forum) this.forum = forum;
        if (cached) this.#store.replace(cached.items, Number(cached.lastEventId));
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
      const writer = (this.mode === 'participant' && this.#session) || this.isFacilitator ? this.#writer() : undefined;
      const [forum, tables, me] = await Promise.all([
        reader.getForum(forumId, { signal, cache: 'no-cache' }),
        reader.listTables(forumId, { signal, cache: 'no-cache' }).catch(() => undefined),
        writer?.me(forumId, { signal }).catch((error: unknown) => {
          if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
          throw error;
        }),
      ]);
      if (me === null) {
        saveSession(this.#scope, undefined);
        this.#session = undefined;
        this.#me = undefined;
      } else if (me?.role === 'facilitator') {
        this.draftTable ||= me.table ?? 0;
      } else if (me) {
        this.#me = { budget: me.voteBudget, used: me.votesUsed, votes: new Map(Object.entries(me.votes)) };
      }
      this.forum = forum;
      this.#forumV = v;
      this.#tables = new Map((tables?.items ?? []).map((t) => [t.number, t]));
      this.#store.replace(all, v);
      // Paused before anything had loaded (`paused` set in the page): hold still on the first load,
      // not on the empty wall of before it.
      if (this.paused && !this.#frozen?.length) this.#frozen = [...this.#store.view(this.#query())];
      // A stream that has seen no event yet resumes from the list, not from "now".
      this.live.stream?.advanceTo(String(v));
      const buffered = this.#buffer ?? [];
      this.#buffer = null;
      for (const e of buffered) if (Number(e.id) > v) this.#apply(e, false);
      this.#flush();
    } finally {
      if (this.#buffer && !signal.aborted) {
        const buffered = this.#buffer;
        this.#buffer = null;
        for (const e of buffered) this.#apply(e, false);
      }
      this.#schedule();
    }
  }

  #onLive(m: LiveMessage): void {
    if (m.type === 'reset' || m.type === 'poll') {
      // A reset means the stream skipped events: refetch even when a load is under way (it may have
      // read the list before the skipped ones; run() aborts it). A poll tick never interrupts a load.
      if (m.type === 'reset' || this.task.status !== TaskStatus.PENDING) void this.task.run();
      if (m.type === 'poll') this.#flush();
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
        const isNew = this.#store.put(e.data, v);
        if (isNew && e.data.status === 'visible' && fresh) this.#noteNew(e.data.id);
        break;
      }
      case 'idea.merged':
        this.#store.put(e.data.from, v);
        this.#store.put(e.data.into, v);
        break;
      case 'vote.changed':
        this.#store.setVotes(e.data.ideaId, e.data.votes, v);
        if (fresh) this.#mark(this.#bumped, e.data.ideaId);
        break;
      case 'forum.updated':
        if (v > this.#forumV) {
          this.forum = e.data;
          this.#forumV = v;
          if (this.#me) this.#me.budget = e.data.voteBudget;
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
    this.#schedule();
  }

  /** One render per animation frame however many events arrive (a timer stands in when frames are throttled). */
  #schedule(): void {
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
    this.#mark(this.#fresh, id);
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

  #query(): ViewQuery {
    return {
      sort: this.sort === 'votes' ? 'votes' : 'newest',
      table: this.filterTable,
      category: this.filterCategory,
      promotedOnly: this.promotedOnly,
      includeHidden: this.isFacilitator,
    };
  }

  #say(text: string, error = false): void {
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
    const states = this.#internals?.states;
    if (!states) return;
    const set = (name: string, on: boolean) => {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // Older engines: no custom states.
      }
    };
    set('loading', this.task.status === TaskStatus.PENDING);
    set('live', this.live.state === 'open');
    set('paused', this.paused);
    set('offline', this.live.state === 'reconnecting' || this.live.state === 'polling');
  }

  // ---------------------------------------------------------------- actions

  async #join(code: string, table: number): Promise<void> {
    const value = this.api.value;
    if (!value || !this.forumId) return;
    const scope = this.#scope;
    this.joining = true;
    try {
      const s = await value.withToken(null).join(this.forumId, { joinCode: code.trim().toUpperCase(), table });
      if (scope !== this.#scope) return;
      this.#session = { token: s.token, table: s.table };
      saveSession(scope, this.#session);
      this.#me = { budget: s.voteBudget, used: s.votesUsed, votes: new Map() };
      this.notice = undefined;
      this.dispatchEvent(new HdIdeaWallJoinedEvent({ forumId: this.forumId, table: s.table }));
    } catch (error) {
      this.#say(this.l.error(error), true);
    } finally {
      this.joining = false;
    }
  }

  #submitJoin(ev: SubmitEvent): void {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    const table = Number(data.get('table'));
    if (!Number.isInteger(table) || table < 1) return;
    void this.#join(String(data.get('code') ?? ''), table);
  }

  #submitIdea(ev: SubmitEvent): void {
    ev.preventDefault();
    const text = this.draft.trim();
    const table = this.isFacilitator ? this.draftTable || undefined : undefined;
    if (!text || chars(text) > MAX || (this.isFacilitator && !table)) return;
    if (!this.dispatchEvent(new HdIdeaPostEvent({ text, table }))) return;
    const item: Pending = { key: newIdempotencyKey(), text, at: new Date().toISOString(), state: 'sending' };
    if (table) item.table = table;
    this.#pending = [item, ...this.#pending];
    // Kept on the device before it is sent: a reload or a lost connection cannot lose it.
    saveOutbox(this.#scope, this.#queue());
    this.draft = '';
    void this.#send(item);
  }

  async #send(item: Pending): Promise<void> {
    const writer = this.#writer();
    if (!writer || this.#inFlight.has(item.key)) return;
    const scope = this.#scope;
    const queued = item.state === 'queued';
    this.#inFlight.add(item.key);
    item.state = 'sending';
    this.requestUpdate();
    try {
      const input = item.table ? { text: item.text, table: item.table } : { text: item.text };
      const idea = await writer.postIdea(this.forumId, input, { idempotencyKey: item.key });
      if (scope !== this.#scope) return;
      this.#drop(item);
      this.#store.put(idea, 0);
      this.#say(this.l.t.compose.posted);
      this.dispatchEvent(new HdIdeaPostedEvent({ idea, queued }));
    } catch (error) {
      if (scope !== this.#scope) return;
      if (error instanceof ApiError && error.transient) {
        item.state = 'queued';
        this.#say(this.l.t.compose.queued, true);
      } else {
        this.#drop(item);
        if (!queued && !this.draft) this.draft = item.text;
        this.#say(this.l.error(error), true);
      }
    } finally {
      this.#inFlight.delete(item.key);
      this.requestUpdate();
    }
  }

  #queue(): QueuedIdea[] {
    return this.#pending.map(({ key, text, table, at }) => (table ? { key, text, table, at } : { key, text, at }));
  }

  #drop(item: Pending): void {
    this.#pending = this.#pending.filter((p) => p !== item);
    saveOutbox(this.#scope, this.#queue());
  }

  /** Sends what waits in the offline queue (once each: the stored Idempotency-Key makes a repeat harmless). */
  #flush(): void {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    for (const p of this.#pending) if (p.state === 'queued' && !this.#inFlight.has(p.key)) void this.#send(p);
  }

  async #vote(idea: Idea, delta: 1 | -1): Promise<void> {
    const me = this.#me;
    const writer = this.#writer();
    if (!me || !writer) return;
    const mine = me.votes.get(idea.id) ?? 0;
    if (delta > 0 && me.used >= me.budget) {
      this.#say(this.l.m.errors.codes['vote-budget-exhausted'] ?? this.l.m.errors.conflict, true);
      return;
    }
    if (delta < 0 && mine < 1) return;
    // Optimistic: the dot moves at once; a refusal puts it back.
    me.used += delta;
    me.votes.set(idea.id, mine + delta);
    const before = this.#store.versionOf(idea.id);
    this.#store.bump(idea.id, delta);
    this.requestUpdate();
    this.#votesInFlight++;
    this.#votesOverlapped ||= this.#votesInFlight > 1;
    try {
      const r = delta > 0 ? await writer.addVote(this.forumId, idea.id) : await writer.retractVote(this.forumId, idea.id);
      if (--this.#votesInFlight === 0) {
        // Answers to overlapping clicks may arrive out of order: then ask once what is true.
        if (this.#votesOverlapped) void this.#refreshMe();
        else {
          me.used = r.votesUsed;
          me.budget = r.voteBudget;
          me.votes.set(idea.id, r.myVotes);
        }
        this.#votesOverlapped = false;
      }
      this.dispatchEvent(new HdVoteChangedEvent({ ideaId: r.ideaId, votes: r.votes, myVotes: r.myVotes, votesUsed: r.votesUsed, voteBudget: r.voteBudget }));
    } catch (error) {
      if (--this.#votesInFlight === 0 && this.#votesOverlapped) {
        this.#votesOverlapped = false;
        void this.#refreshMe();
      }
      me.used -= delta;
      me.votes.set(idea.id, (me.votes.get(idea.id) ?? 0) - delta);
      if (this.#store.versionOf(idea.id) === before) this.#store.bump(idea.id, -delta);
      this.#say(this.l.error(error), true);
      if (error instanceof ApiError && error.kind === 'conflict') void this.#refreshMe();
    } finally {
      this.requestUpdate();
    }
  }

  async #refreshMe(): Promise<void> {
    const writer = this.#writer();
    if (!writer) return;
    try {
      const me = await writer.me(this.forumId);
      // A dot sent meanwhile would be missing from this answer: the next settle asks again.
      if (this.#votesInFlight > 0) {
        this.#votesOverlapped = true;
        return;
      }
      const mine = (this.#me ??= { budget: 0, used: 0, votes: new Map() });
      mine.budget = me.voteBudget;
      mine.used = me.votesUsed;
      mine.votes = new Map(Object.entries(me.votes));
      this.requestUpdate();
    } catch {
      // The next load corrects it.
    }
  }

  #togglePause(): void {
    this.paused = !this.paused;
  }

  // ---------------------------------------------------------------- render

  protected override getUpdateComplete(): Promise<boolean> {
    // Resolves once the wall is drawn in its language (a lazy catalog may still be on its way)
    // and with every chunk it asked for in (a facilitator's tools, the projector, the virtualizer).
    return this.l.updateComplete(async () => {
      let done = await super.getUpdateComplete();
      while (this.#waiting.size) {
        await Promise.all(this.#waiting.values());
        done = await super.getUpdateComplete();
      }
      return done;
    });
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
    if (this.task.status === TaskStatus.ERROR && this.#store.size === 0) {
      return html`<div class="note error top" role="alert" part="status">
        <p>${this.l.error(this.task.error)}</p>
        <button type="button" @click=${() => this.task.run()}>${this.l.m.common.retry}</button>
      </div>`;
    }
    if (this.task.status === TaskStatus.PENDING && this.#store.size === 0 && !this.forum) {
      return this.#skeleton();
    }
    if (this.mode !== 'projector') return this.#renderWall();
    // The projector's view (and the QR code) load only when a wall is a projector.
    const projector = this.#need(projectorChunk, (m) => m.projectorStyles);
    return projector ? this.#renderProjector(projector) : this.#failed.has(projectorChunk) ? this.#chunkFailed(projectorChunk) : this.#skeleton();
  }

  #liveLine() {
    const s = this.live.state;
    return html`<span class="live live-${s}">${this.l.m.live[s]}</span>`;
  }

  #renderWall() {
    const w = this.l.t;
    const list = (this.#shown = this.#view());
    const me = this.#me;
    const facilitator = this.isFacilitator;
    const tools = this.#loadTools();
    return html`
      <section class="wall" aria-label=${this.forum ? `${this.forum.title} ${w.wallLabel}` : w.wallLabel}>
        <div class="header" part="header">
          ${me
            ? html`<strong class="budget">${w.votes.left(Math.max(0, me.budget - me.used), me.budget)}</strong>`
            : nothing}
          <span class="voting-state">${this.#votingLine()}</span>
          ${this.#liveLine()}
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
        ${facilitator ? (tools?.voting() ?? this.#toolsPending()) : nothing}
        ${this.mode === 'participant' && !this.#session ? this.#renderJoin() : nothing}
        ${this.#writer() ? this.#renderComposer() : nothing}
        ${this.#renderToolbar()}
        ${this.#renderTables()}
        ${tools?.mergeNote() ?? nothing}
        ${this.#pending.length
          ? html`<ul class="pending" role="list">
              ${this.#pending.map(
                (p) => html`<li class="card pending-${p.state}">
                  <p class="text">${p.text}</p>
                  <span class="badge">${p.state === 'queued' ? w.compose.waiting : w.compose.sending}</span>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${list.length === 0 && this.#pending.length === 0
          ? html`<p class="empty">${this.#store.size ? w.emptyFiltered : w.empty}</p>`
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
      const virtual = this.#need(virtualChunk);
      if (virtual) return virtual.virtualList(list, (i) => i.id, (i) => this.#card(i));
      if (!this.#failed.has(virtualChunk)) list = list.slice(0, VIRTUALIZE_FROM);
    }
    return repeat(list, (i) => i.id, (i) => this.#card(i));
  }

  /**
   * A facilitator's tools: a chunk of their own, fetched when a wall is in facilitator mode with a
   * token (phones never download it). Undefined until it arrives; the wall re-renders then.
   */
  #loadTools(): Tools | undefined {
    if (!this.isFacilitator) return undefined;
    const m = this.#need(toolsChunk, (m) => m.facilitatorStyles);
    return m && (this.#tools ??= new m.Tools(this.#toolsHost()));
  }

  /**
   * A chunk's module once it is in. Else starts fetching it (once per page, shared by every wall)
   * and returns undefined; this wall re-renders when it lands (or, when it could not be fetched,
   * shows `#chunkFailed` with a retry). Its styles join this wall's shadow root (`addStyles`).
   */
  #need<T>(chunk: Chunk<T>, styles?: (m: T) => CSSResult): T | undefined {
    const m = chunk.value;
    if (m) {
      if (styles) addStyles(this.shadowRoot, [styles(m)]);
      return m;
    }
    if (this.#waiting.has(chunk) || this.#failed.has(chunk)) return undefined;
    chunk.loading ??= chunk.load().then(
      (m) => (chunk.value = m),
      (error: unknown) => {
        chunk.loading = undefined;
        throw error;
      },
    );
    const wait = chunk.loading.then(
      () => {
        this.#waiting.delete(chunk);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#waiting.delete(chunk);
        this.#failed.set(chunk, error);
        this.requestUpdate();
      },
    );
    this.#waiting.set(chunk, wait);
    return undefined;
  }

  /** In the tools' place while their chunk loads. */
  #toolsPending() {
    return this.#failed.has(toolsChunk) ? this.#chunkFailed(toolsChunk) : html`<p class="note" aria-busy="true">${this.l.m.common.loading}</p>`;
  }

  /** A chunk could not be fetched (offline): say so, with a retry. */
  #chunkFailed(chunk: Chunk<unknown>) {
    return html`<div class="note error" role="alert">
      <p>${this.l.error(this.#failed.get(chunk))}</p>
      <button type="button" @click=${() => (this.#failed.delete(chunk), this.requestUpdate())}>${this.l.m.common.retry}</button>
    </div>`;
  }

  /** What the tools may read and do. */
  #toolsHost(): import('./facilitator.js').ToolsHost {
    const wall = this;
    return {
      get client() {
        return wall.api.client;
      },
      get forumId() {
        return wall.forumId;
      },
      get forum() {
        return wall.forum;
      },
      get english() {
        return wall.l.t !== ko;
      },
      get filterTable() {
        return wall.filterTable;
      },
      get draftTable() {
        return wall.draftTable;
      },
      set draftTable(n: number) {
        wall.draftTable = n;
      },
      tableName: (n) => this.#tableName(n),
      ranked: () => this.#store.view({ ...this.#query(), sort: 'votes', includeHidden: false, promotedOnly: false, category: null }),
      put: (idea) => {
        this.#store.put(idea, this.#store.versionOf(idea.id));
        this.#schedule();
      },
      setVoting: (voting) => {
        if (this.forum) this.forum = { ...this.forum, voting };
      },
      say: (text, error) => this.#say(text, error),
      error: (error) => this.l.error(error),
      requestUpdate: () => this.requestUpdate(),
    };
  }

  #votingLine(): string {
    const voting = this.forum?.voting;
    if (!voting) return '';
    if (!voting.open) return this.l.t.votes.closed;
    if (!voting.closesAt) return this.l.t.votes.open;
    const left = Math.max(0, Math.round((Date.parse(voting.closesAt) - Date.now()) / 1000));
    return this.l.t.votes.closesIn(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
  }

  #renderJoin() {
    const w = this.l.t;
    return html`<form class="join" part="join" @submit=${this.#submitJoin}>
      <h2>${w.join.title}</h2>
      <p class="hint">${w.join.hint}</p>
      <label>${w.join.code}<input name="code" required minlength="4" maxlength="12" autocomplete="off" autocapitalize="characters" .value=${this.joinCode} /></label>
      <label>${w.join.table}<input name="table" type="number" inputmode="numeric" required min="1" max=${this.forum?.tables || 200} .value=${this.table ? String(this.table) : ''} /></label>
      <button type="submit" class="primary" ?disabled=${this.joining}>${this.joining ? w.join.joining : w.join.submit}</button>
    </form>`;
  }

  #renderComposer() {
    const w = this.l.t;
    const used = chars(this.draft.trim());
    const tooLong = used > MAX;
    return html`<form class="composer" part="composer" @submit=${this.#submitIdea}>
      ${this.#session && this.mode === 'participant' ? html`<p class="hint">${w.join.joined(this.#session.table)}</p>` : nothing}
      <label for="draft">${w.compose.label}</label>
      <textarea id="draft" rows="3" placeholder=${w.compose.placeholder} aria-describedby="count" aria-invalid=${tooLong ? 'true' : 'false'}
        .value=${this.draft /* the draft follows every input event, so no live() is needed */}
        @input=${(e: InputEvent) => (this.draft = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="row">
        <span id="count" class=${tooLong ? 'count error' : 'count'}>${tooLong ? w.compose.tooLong(MAX) : w.compose.count(used, MAX)}</span>
        ${this.isFacilitator ? this.#tools?.onBehalf() : nothing}
        <button type="submit" class="primary" ?disabled=${!used || tooLong || (this.isFacilitator && !this.#tools)}>${w.compose.submit}</button>
      </div>
    </form>`;
  }

  #tableName(n: number): string {
    const topic = this.#tables.get(n)?.topic;
    return topic ? `${this.l.t.idea.table(n)} · ${topic}` : this.l.t.idea.table(n);
  }

  #renderToolbar() {
    const w = this.l.t;
    const tables = this.forum?.tables ?? 0;
    const cats = this.forum?.categories ?? [];
    const onTable = (e: Event) => (this.filterTable = Number((e.target as HTMLSelectElement).value));
    const onCat = (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      this.filterCategory = v === '*' ? null : v;
    };
    return html`<div class="toolbar" part="toolbar">
      <label>${w.filter.table}
        <select @change=${onTable}>
          <option value="0" ?selected=${!this.filterTable}>${w.filter.allTables}</option>
          ${Array.from({ length: tables }, (_, i) => html`<option value=${i + 1} ?selected=${this.filterTable === i + 1}>${this.#tableName(i + 1)}</option>`)}
        </select></label>
      ${cats.length
        ? html`<label>${w.filter.category}
            <select @change=${onCat}>
              <option value="*" ?selected=${this.filterCategory === null}>${w.filter.allCategories}</option>
              ${cats.map((c) => html`<option value=${c} ?selected=${this.filterCategory === c}>${c}</option>`)}
              <option value="" ?selected=${this.filterCategory === ''}>${w.filter.uncategorised}</option>
            </select></label>`
        : nothing}
      <label>${w.filter.sort}
        <select @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as SortOrder)}>
          <option value="newest" ?selected=${this.sort !== 'votes'}>${w.filter.newest}</option>
          <option value="votes" ?selected=${this.sort === 'votes'}>${w.filter.votes}</option>
        </select></label>
      <label class="check"><input type="checkbox" .checked=${this.promotedOnly} @change=${(e: Event) => (this.promotedOnly = (e.target as HTMLInputElement).checked)} />${w.filter.promotedOnly}</label>
      ${this.isFacilitator ? this.#tools?.promoteTop() : nothing}
    </div>`;
  }

  #renderTables() {
    const w = this.l.t;
    const tallies = this.#store.tallies();
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
            <strong>${this.#tableName(n)}</strong>
            ${t?.facilitator ? html`<span>${w.tables.facilitator(t.facilitator)}</span>` : nothing}
            <span>${w.tables.summary(tally.ideas, tally.votes, t?.participants ?? 0)}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  #card(idea: Idea): TemplateResult {
    const w = this.l.t;
    const me = this.#me;
    const mine = me?.votes.get(idea.id) ?? 0;
    const votingOpen = !!this.forum?.voting.open;
    const merged = this.#store.mergedInto(idea.id);
    const tid = `t-${idea.id}`;
    return html`<div part="item" role="listitem" class="card ${this.#fresh.has(idea.id) ? 'fresh' : ''} ${idea.status === 'hidden' ? 'is-hidden' : ''}" data-id=${idea.id}>
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
        ${keyed(idea.votes, html`<strong part="votes" class="votes ${this.#bumped.has(idea.id) ? 'bump' : ''}">${w.votes.count(idea.votes)}</strong>`)}
        ${me && this.mode === 'participant'
          ? html`${mine ? html`<span class="mine">${w.votes.mine(mine)}</span>` : nothing}
              <button type="button" part="vote-button" aria-describedby=${tid} ?disabled=${!votingOpen || mine < 1} @click=${() => void this.#vote(idea, -1)}>
                <span aria-hidden="true">−</span><span class="visually-hidden">${w.votes.remove}</span>
              </button>
              <button type="button" part="vote-button" class="add" aria-describedby=${tid} ?disabled=${!votingOpen || idea.status !== 'visible'} @click=${() => void this.#vote(idea, 1)}>
                <span aria-hidden="true">+</span> ${w.votes.add}
              </button>`
          : nothing}
      </div>
      ${this.isFacilitator ? this.#tools?.card(idea, tid) : nothing}
    </div>`;
  }

  #renderProjector(m: ProjectorModule) {
    const list = (this.#shown = this.#view());
    return m.projectorView({
      w: this.l.t,
      forum: this.forum,
      list,
      groupBy: this.groupBy,
      total: this.#store.view({ ...this.#query(), includeHidden: false, table: 0, category: null, promotedOnly: false }).length,
      tableName: (n) => this.#tableName(n),
      fresh: this.#fresh,
      bumped: this.#bumped,
      voting: this.#votingLine(),
      live: this.#liveLine(),
      code: this.joinCode,
      joinHref: this.joinHref,
      table: this.table,
      announcement: this.announcement,
      host: this,
    });
  }
}
