/**
 * `WallData`: one forum's wall as this page knows it — its ideas (`IdeaStore`), the forum and its
 * tables — loaded when the forum, the backend or the mode changes, kept current by the shared live
 * stream, and drawn at most once per animation frame however many events arrive.
 *
 * Loading: subscribe first, buffer what the stream brings while the lists are read, then replay
 * the buffered events newer than the list's `lastEventId` — nothing missed, nothing applied twice.
 * An empty wall is drawn from a first small page (a screen's worth, the newest) while the whole
 * list loads behind it; a reload (after a reset or a poll) swaps the whole list in at once.
 *
 * Everything belongs to a scope (backend and forum): when either changes, the wall starts over.
 */
import type { ReactiveController } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { LiveMessage } from '../../api/live-stream.js';
import type { Forum, Idea, LiveEvent, Table } from '../../api/types.js';
import type { ApiController } from '../../controllers/api-controller.js';
import { LiveController } from '../../controllers/live-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { IdeaStore } from './store.js';
import { storeKey } from './storage.js';
import type { WallHost } from './wall-context.js';

/** The first page of an empty wall: the newest ideas, enough for a first screen. */
const FIRST_PAGE = 30;
/** The contract's largest page. */
const PAGE = 1000;
/** How long a new idea or a changed vote count is marked (its card's entrance, the count's bump). */
const MARK_MS = 1_500;

export interface WallDataOptions {
  /** Read with every load once its first page is in (the person's own dots); its failure is its own. */
  alongside?: (signal: AbortSignal) => Promise<unknown>;
  /** A new visible idea arrived live. */
  onNew?: (idea: Idea) => void;
  /** The forum changed (its vote budget, its voting round). */
  onForum?: (forum: Forum) => void;
  /** A good moment to send what waits on the device: a load finished, a poll tick. */
  onSettled?: () => void;
}

/** What belongs to one backend and forum. */
class Scope {
  readonly store = new IdeaStore();
  forum: Forum | undefined;
  tables = new Map<number, Table>();
  /** The event id the forum reflects. */
  forumVersion = -1;
  /** The whole list is in (not only the first page). */
  complete = false;
  constructor(readonly key: string) {}
}

export class WallData implements ReactiveController {
  readonly #host: WallHost;
  readonly #api: ApiController;
  readonly #options: WallDataOptions;
  #scope = new Scope('');
  /** Live events that arrived while a load was reading (null: none under way). */
  #buffer: LiveEvent[] | null = null;
  #fresh = new Set<string>();
  #bumped = new Set<string>();
  #frame = 0;
  #frameTimer: ReturnType<typeof setTimeout> | undefined;
  #clock: ReturnType<typeof setInterval> | undefined;

  readonly live: LiveController;
  readonly #task: Pick<LoadTask, 'status' | 'error' | 'run'>;

  constructor(host: WallHost, api: ApiController, options: WallDataOptions = {}) {
    this.#host = host;
    this.#api = api;
    this.#options = options;
    host.addController(this);
    this.live = new LiveController(host, { api, forumId: () => host.forumId, onMessage: (message) => this.#onLive(message) });
    this.#task = new LoadTask(host, {
      // Not the participant's token: a participant reads without it, and joining brings the
      // person's budget with it, so joining must not fetch the whole wall again.
      args: () => [api.value, host.forumId, host.mode] as const,
      task: async ([value, forumId], { signal }) => {
        if (value && forumId) await this.#load(signal);
      },
    });
  }

  /** The backend and forum the data belongs to (`''` without either). */
  get scope(): string {
    return this.#current.key;
  }

  /** Every idea the wall knows, by id. */
  get store(): IdeaStore {
    return this.#current.store;
  }

  get forum(): Forum | undefined {
    return this.#current.forum;
  }

  set forum(forum: Forum | undefined) {
    this.#current.forum = forum;
    this.#host.requestUpdate();
  }

  get tables(): ReadonlyMap<number, Table> {
    return this.#current.tables;
  }

  /** A load is under way. */
  get loading(): boolean {
    return this.#task.status === 'pending';
  }

  /** The last load failed (its reason), unless a newer one is under way. */
  get error(): unknown {
    return this.#task.status === 'error' ? (this.#task.error ?? new Error()) : undefined;
  }

  /** The whole list is in: not only the first page of an empty wall. */
  get complete(): boolean {
    return this.#current.complete;
  }

  /** Whether this wall has the facilitator's view (and tools): facilitator mode with a token. */
  get facilitator(): boolean {
    return this.#host.mode === 'facilitator' && !!this.#api.value?.hasToken;
  }

  /** Loads everything again (a retry, a reset of the stream). */
  reload(): void {
    void this.#task.run();
  }

  /** The ideas that arrived live a moment ago (their cards enter). */
  get fresh(): ReadonlySet<string> {
    return this.#fresh;
  }

  /** Whether an idea's vote count changed a moment ago (the count bumps). */
  isBumped(id: string): boolean {
    return this.#bumped.has(id);
  }

  /** An idea as the server has it now (an answer to this wall's own write). */
  put(idea: Idea): void {
    const { store } = this;
    store.put(idea, store.versionOf(idea.id));
    this.schedule();
  }

  /** One render per animation frame however many changes arrive (a timer stands in when frames are throttled). */
  schedule(): void {
    if (this.#frame || this.#frameTimer) return;
    const flush = () => {
      cancelAnimationFrame(this.#frame);
      clearTimeout(this.#frameTimer);
      this.#frame = 0;
      this.#frameTimer = undefined;
      this.#host.requestUpdate();
    };
    this.#frame = requestAnimationFrame(flush);
    this.#frameTimer = setTimeout(flush, 200);
  }

  hostUpdate(): void {
    // A countdown ticks every second while a voting round with a deadline is open.
    const closesAt = this.forum?.voting.open ? this.forum.voting.closesAt : null;
    if (closesAt && !this.#clock) this.#clock = setInterval(() => this.#host.requestUpdate(), 1_000);
    if (!closesAt) this.#stopClock();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#frameTimer);
    this.#frame = 0;
    this.#frameTimer = undefined;
    this.#stopClock();
  }

  #stopClock(): void {
    clearInterval(this.#clock);
    this.#clock = undefined;
  }

  /** The scope's state, started over when the backend or the forum changed. */
  get #current(): Scope {
    const base = this.#api.value?.baseUrl;
    const forumId = this.#host.forumId;
    const key = base && forumId ? storeKey(base, forumId) : '';
    if (key !== this.#scope.key) {
      this.#scope = new Scope(key);
      this.#buffer = null;
    }
    return this.#scope;
  }

  async #load(signal: AbortSignal): Promise<void> {
    const scope = this.#current;
    const { store } = scope;
    const forumId = this.#host.forumId;
    const facilitator = this.facilitator;
    const reader = facilitator ? this.#api.client : this.#api.value!.withToken(null);
    const include = facilitator ? ('all' as const) : undefined;
    const options = { signal, cache: 'no-cache' as const };
    const empty = store.size === 0;
    this.#buffer ??= [];
    try {
      if (empty) {
        // Another wall on the page read this forum already: show that at once.
        const cached = reader.peekIdeas(forumId, { limit: PAGE, include }) ?? reader.peekIdeas(forumId, { limit: FIRST_PAGE, include });
        const forum = reader.peekForum(forumId);
        if (forum) scope.forum = forum;
        if (cached) store.replace(cached.items, Number(cached.lastEventId));
      }
      // An empty wall asks for a screen's worth first and draws it; then the whole list loads behind
      // it (not alongside: the server answers the first screen's requests first). The whole list is
      // read from its start again rather than on from that page's cursor: a cursor is for the next
      // page of the same query.
      const first = empty ? await reader.listIdeas(forumId, { limit: FIRST_PAGE, include }, options) : undefined;
      // The first page's lastEventId is the resume point: everything read after it (the forum,
      // the tables, my dots, the whole list) is as new or newer, and the buffered events after it
      // replay in order on top, so the wall converges to the server's state whatever the interleaving.
      let version = first ? Number(first.lastEventId) : -1;
      // The tables (their topics and people) are not needed to draw a first screen: they come with the whole list.
      let tables: Promise<Map<number, Table>> | undefined;
      if (first) {
        await this.#forum(scope, reader, forumId, options, version);
        store.replace(first.items, version);
        this.#host.requestUpdate(); // drawn now, not on the next frame
        tables = this.#tables(reader, forumId, options);
      }
      // (a first page that was the whole list needs no second reading)
      const list = first && !first.nextCursor ? { items: first.items, version } : await this.#readAll(reader, forumId, include, options);
      if (!first) {
        version = list.version;
        tables = this.#tables(reader, forumId, options);
        await this.#forum(scope, reader, forumId, options, version);
      }
      scope.tables = await tables!;
      store.replace(list.items, list.version);
      scope.complete = true;
      // A stream that has seen no event yet resumes from the list, not from "now".
      this.live.stream?.advanceTo(String(version));
      const buffered = this.#buffer ?? [];
      this.#buffer = null;
      for (const e of buffered) if (Number(e.id) > version) this.#apply(e, false);
      this.#options.onSettled?.();
    } finally {
      if (this.#buffer && !signal.aborted) {
        const buffered = this.#buffer;
        this.#buffer = null;
        for (const e of buffered) this.#apply(e, false);
      }
      this.schedule();
    }
  }

  /** Every page of the list, and the event id its first page reflects. */
  async #readAll(reader: ApiClient, forumId: string, include: 'all' | undefined, options: { signal: AbortSignal; cache: 'no-cache' }) {
    const items: Idea[] = [];
    let cursor: string | undefined;
    let version = -1;
    do {
      const page = await reader.listIdeas(forumId, { limit: PAGE, include, cursor }, options);
      if (version < 0) version = Number(page.lastEventId);
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { items, version };
  }

  /** The forum and (through `alongside`) the person's own dots, as of event `version` or newer. */
  async #forum(scope: Scope, reader: ApiClient, forumId: string, options: { signal: AbortSignal; cache: 'no-cache' }, version: number): Promise<void> {
    const [forum] = await Promise.all([reader.getForum(forumId, options), this.#options.alongside?.(options.signal)]);
    scope.forum = forum;
    scope.forumVersion = version;
  }

  /** The forum's tables by number (none when they cannot be read: the wall works without their topics). */
  async #tables(reader: ApiClient, forumId: string, options: { signal: AbortSignal; cache: 'no-cache' }): Promise<Map<number, Table>> {
    const tables = await reader.listTables(forumId, options).catch(() => undefined);
    return new Map((tables?.items ?? []).map((table) => [table.number, table]));
  }

  #onLive(message: LiveMessage): void {
    if (message.type === 'reset' || message.type === 'poll') {
      // A reset means the stream skipped events: load again even when a load is under way (it may
      // have read the list before the skipped ones; run() aborts it). A poll tick never interrupts one.
      if (message.type === 'reset' || !this.loading) this.reload();
      if (message.type === 'poll') this.#options.onSettled?.();
      return;
    }
    if (this.#buffer) this.#buffer.push(message);
    else this.#apply(message, true);
  }

  #apply(e: LiveEvent, live: boolean): void {
    const version = Number(e.id);
    const scope = this.#current;
    const { store } = scope;
    switch (e.type) {
      case 'idea.created':
      case 'idea.updated': {
        const isNew = store.put(e.data, version);
        if (isNew && e.data.status === 'visible' && live) {
          this.#mark(this.#fresh, e.data.id);
          this.#options.onNew?.(e.data);
        }
        break;
      }
      case 'idea.merged':
        store.put(e.data.from, version);
        store.put(e.data.into, version);
        break;
      case 'vote.changed':
        store.setVotes(e.data.ideaId, e.data.votes, version);
        if (live) this.#mark(this.#bumped, e.data.ideaId);
        break;
      case 'forum.updated':
        if (version > scope.forumVersion) {
          scope.forum = e.data;
          scope.forumVersion = version;
          this.#options.onForum?.(e.data);
        }
        break;
      case 'participants.changed':
        if (scope.forum) scope.forum = { ...scope.forum, participants: e.data.participants };
        if (e.data.table !== null) {
          const table = scope.tables.get(e.data.table);
          if (table) scope.tables.set(table.number, { ...table, participants: e.data.tableParticipants });
        }
        break;
      default:
        return;
    }
    this.schedule();
  }

  #mark(set: Set<string>, id: string): void {
    set.add(id);
    setTimeout(() => set.delete(id), MARK_MS);
  }
}
