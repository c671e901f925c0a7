/**
 * `LiveStream`: ONE `EventSource` per (backend, forum) per page, shared by every widget that
 * listens, reference-counted, with resume, reconnect and a polling fallback.
 *
 * - `subscribe(listener)` → `unsubscribe`. The first listener opens the stream; when the last
 *   one leaves (checked after a microtask, so moving an element in the DOM keeps it) it closes.
 * - We manage reconnects ourselves: on an error the native EventSource is closed and reopened
 *   after an exponential backoff with jitter, with `?lastEventId=<last seen id>` so the server
 *   replays what we missed even across our own reconnects. Replayed duplicates are dropped.
 * - Listeners get typed `LiveEvent`s — every event of the contract, `reset` included (refetch
 *   your lists) — and a synthetic `{ type: 'poll' }` tick every few seconds while the stream is
 *   broken, so lists stay current by refetching. Streaming is retried all the while.
 * - `state`: `connecting | open | reconnecting | polling | closed`, observable with
 *   `onStateChange`.
 *
 * Heartbeats (`: ping` comments) are invisible to the EventSource API, so a stream counts as
 * broken when it does not open within `openTimeoutMs`, when it fails `failuresBeforePolling`
 * times in a row, or when it stays silent for `idleTimeoutMs` `silentWindowsBeforePolling`
 * times in a row (each silent window ends in a resume-reconnect, which loses nothing).
 * - A stream the server refuses (429 or 503: too many streams from this address, or in all) is
 *   "retry later": polling starts at once and the next attempt waits at least the server's
 *   `Retry-After`, plus a random share of it, so a hall full of phones does not come back at
 *   once. A browser `EventSource` does not show the status; one that fails before it opened and
 *   gives up (readyState CLOSED) was refused by the server, and is treated the same way.
 * - `headers` (a facilitator's `Authorization`): the stream is read with `fetch`
 *   (`fetch-event-source.ts`, loaded then), since an `EventSource` cannot send headers and a
 *   token never goes in a URL.
 */
import type { LiveEvent, LiveEventType } from './types.js';

export type LiveStreamState = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'closed';

/** Synthetic tick while streaming is broken: refetch what you show. */
export interface PollTick {
  type: 'poll';
  at: number;
}

export type LiveMessage = LiveEvent | PollTick;
export type LiveListener = (message: LiveMessage) => void;

/** The part of `EventSource` we use; tests inject fakes for faults a real server cannot make. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
  onmessage: ((this: EventSource, ev: MessageEvent) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = new (url: string) => EventSourceLike;

// A record keyed by the contract's enum: adding an event type to the contract without
// listening to it here is a type error.
const EVENT_NAMES: Record<LiveEventType, true> = {
  'idea.created': true,
  'idea.updated': true,
  'idea.merged': true,
  'vote.changed': true,
  'forum.updated': true,
  'participants.changed': true,
  'results.published': true,
  'proposal.updated': true,
  reset: true,
};

/** Every event name of the contract's `LiveEventType`. */
export const LIVE_EVENT_TYPES = Object.keys(EVENT_NAMES) as readonly LiveEventType[];

export interface LiveStreamOptions {
  /** Builds the stream URL for a resume id (`ApiClient.eventsUrl`). */
  url: (lastEventId: string | null) => string;
  /** EventSource implementation (default: the browser's). */
  eventSource?: EventSourceFactory;
  /** First reconnect delay (default 1 000 ms); doubles per failure up to `maxBackoffMs`. */
  backoffMs?: number;
  /** Longest reconnect delay (default 30 000 ms). */
  maxBackoffMs?: number;
  /** A stream that has not opened after this long counts as failed (default 10 000 ms). */
  openTimeoutMs?: number;
  /** Consecutive failures before polling starts (default 3). */
  failuresBeforePolling?: number;
  /** Silence after which an open stream is reopened to check it (default 45 000 ms; 0 = never). */
  idleTimeoutMs?: number;
  /** Consecutive silent windows before polling starts (default 2). */
  silentWindowsBeforePolling?: number;
  /** Poll tick interval while streaming is broken (default 5 000 ms). */
  pollIntervalMs?: number;
  /** Resume from this id on the first connection (e.g. an IdeaPage's `lastEventId`). */
  lastEventId?: string | null;
  /** Headers the stream must carry (a token's `Authorization`); read with `fetch` then. */
  headers?: Record<string, string>;
}

/** What a transport may say about a refused stream (`FetchEventSource` does). */
interface Refused {
  refusal?: { status: number; retryAfterMs: number | null } | null;
}

const idNumber = (id: string | null): number => (id && /^\d{1,15}$/.test(id) ? Number(id) : -1);

export class LiveStream {
  readonly options: Required<Omit<LiveStreamOptions, 'lastEventId' | 'eventSource' | 'headers'>> & {
    eventSource?: EventSourceFactory;
    headers?: Record<string, string>;
  };

  #listeners = new Set<LiveListener>();
  #stateListeners = new Set<(state: LiveStreamState) => void>();
  #state: LiveStreamState = 'closed';
  #source: EventSourceLike | null = null;
  #lastEventId: string | null;
  #failures = 0;
  #silentWindows = 0;
  #polling = false;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #openTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #pollTimer: ReturnType<typeof setInterval> | undefined;
  #closeScheduled = false;
  #connections = 0;
  #openedAt = 0;
  #pollReason: 'failures' | 'silence' | null = null;
  /** Counts attempts to open, so that a late answer (a transport still loading, a timer) for an earlier one is ignored. */
  #attempt = 0;
  #refusal: { status: number; retryAfterMs: number | null } | null = null;
  #stableTimer: ReturnType<typeof setTimeout> | undefined;
  #onOnline = () => {
    if (this.#listeners.size > 0 && this.#state !== 'open') this.#connectNow();
  };

  constructor(options: LiveStreamOptions) {
    this.options = {
      url: options.url,
      backoffMs: options.backoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      openTimeoutMs: options.openTimeoutMs ?? 10_000,
      failuresBeforePolling: options.failuresBeforePolling ?? 3,
      idleTimeoutMs: options.idleTimeoutMs ?? 45_000,
      silentWindowsBeforePolling: options.silentWindowsBeforePolling ?? 2,
      pollIntervalMs: options.pollIntervalMs ?? 5_000,
    };
    if (options.eventSource) this.options.eventSource = options.eventSource;
    if (options.headers) this.options.headers = options.headers;
    this.#lastEventId = options.lastEventId ?? null;
  }

  get state(): LiveStreamState {
    return this.#state;
  }
  /** Id of the newest event delivered to listeners (the resume point). */
  get lastEventId(): string | null {
    return this.#lastEventId;
  }
  /** How many listeners share the stream. */
  get listenerCount(): number {
    return this.#listeners.size;
  }
  /**
   * How the server last refused the stream (`status` 0 when the browser's EventSource does not
   * say; `retryAfterMs` from `Retry-After`), until it opens again. For diagnostics and tests.
   */
  get refusal(): { status: number; retryAfterMs: number | null } | null {
    return this.#refusal;
  }
  /** How many EventSources this stream has opened in its life (for diagnostics and tests). */
  get connectionCount(): number {
    return this.#connections;
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    if (this.#state === 'closed') this.#start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && !this.#closeScheduled) {
        this.#closeScheduled = true;
        queueMicrotask(() => {
          this.#closeScheduled = false;
          if (this.#listeners.size === 0) this.close();
        });
      }
    };
  }

  onStateChange(listener: (state: LiveStreamState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** Resume from a later point (e.g. after a list fetch); ignored when not newer. */
  advanceTo(lastEventId: string | null): void {
    if (idNumber(lastEventId) > idNumber(this.#lastEventId)) this.#lastEventId = lastEventId;
  }

  /** Closes the connection and stops every timer; the next subscriber reopens it. */
  close(): void {
    this.#attempt++;
    this.#teardownSource();
    this.#clearTimers();
    this.#stopPolling();
    this.#failures = 0;
    this.#silentWindows = 0;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.#onOnline);
    this.#setState('closed');
  }

  /** Drops the connection now and reconnects at once (resuming). For "retry now" buttons. */
  reconnect(): void {
    if (this.#listeners.size === 0) return;
    this.#connectNow();
  }

  // ------------------------------------------------------------------ internals

  #start(): void {
    if (typeof window !== 'undefined') window.addEventListener('online', this.#onOnline);
    this.#open('connecting');
  }

  #connectNow(): void {
    this.#teardownSource();
    clearTimeout(this.#reconnectTimer);
    this.#open(this.#polling ? 'polling' : 'reconnecting');
  }

  #open(state: LiveStreamState): void {
    this.#setState(state);
    const attempt = ++this.#attempt;
    clearTimeout(this.#openTimer);
    this.#openTimer = setTimeout(() => {
      if (this.#attempt === attempt) this.#failed();
    }, this.options.openTimeoutMs);
    const { headers, eventSource } = this.options;
    if (headers && !eventSource) {
      // a stream with headers is read with fetch; that code loads with the first such stream
      import('./fetch-event-source.js').then(
        ({ FetchEventSource }) => {
          if (this.#attempt === attempt && this.#listeners.size > 0) this.#attach(new FetchEventSource(this.options.url(this.#lastEventId), headers));
        },
        () => {
          if (this.#attempt === attempt) this.#failed();
        },
      );
      return;
    }
    const Impl = eventSource ?? (globalThis.EventSource as unknown as EventSourceFactory | undefined);
    if (!Impl) {
      this.#failed();
      return;
    }
    let source: EventSourceLike;
    try {
      source = new Impl(this.options.url(this.#lastEventId));
    } catch {
      this.#failed();
      return;
    }
    this.#attach(source);
  }

  #attach(source: EventSourceLike): void {
    this.#connections++;
    this.#source = source;
    let opened = false;
    source.onopen = () => {
      if (this.#source !== source) return;
      opened = true;
      this.#refusal = null;
      clearTimeout(this.#openTimer);
      this.#openedAt = Date.now();
      this.#armIdle();
      if (!this.#polling) {
        this.#setState('open');
      } else if (this.#pollReason === 'failures') {
        // Back from polling once the reopened stream holds for a moment; an event does it sooner.
        clearTimeout(this.#stableTimer);
        this.#stableTimer = setTimeout(() => {
          if (this.#source !== source || !this.#polling) return;
          this.#failures = 0;
          this.#stopPolling();
          this.#setState('open');
        }, Math.min(3_000, this.options.openTimeoutMs));
      }
    };
    source.onerror = () => {
      if (this.#source !== source) return;
      // Refused by the server (429/503: retry later), as opposed to a connection that broke.
      const refusal = (source as Refused).refusal ?? (!opened && source.readyState === 2 ? { status: 0, retryAfterMs: null } : null);
      const retryLater = refusal !== null && (refusal.status === 0 || refusal.status === 429 || refusal.status === 503);
      this.#refusal = refusal;
      this.#failed(retryLater ? refusal.retryAfterMs ?? 0 : null);
    };
    const onEvent = (ev: MessageEvent) => {
      if (this.#source !== source) return;
      this.#receive(ev);
    };
    source.onmessage = onEvent as EventSourceLike['onmessage'];
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onEvent);
  }

  #receive(ev: MessageEvent): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(String(ev.data)) as LiveEvent;
    } catch {
      return;
    }
    if (!event || typeof event !== 'object') return;
    const id = ev.lastEventId || event.id || null;
    if ((event as { type?: string }).type === undefined) (event as { type: string }).type = ev.type;
    // Healthy: an event arrived.
    this.#failures = 0;
    this.#silentWindows = 0;
    this.#armIdle();
    if (this.#polling) {
      this.#stopPolling();
    }
    if (this.#state !== 'open') this.#setState('open');
    if (event.type !== 'reset' && id !== null && idNumber(id) <= idNumber(this.#lastEventId)) return; // replayed duplicate
    if (id !== null) this.#lastEventId = id;
    this.#emit(event);
  }

  #emit(message: LiveMessage): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(message);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #armIdle(): void {
    clearTimeout(this.#idleTimer);
    if (!this.options.idleTimeoutMs) return;
    const source = this.#source;
    this.#idleTimer = setTimeout(() => {
      if (this.#source !== source) return;
      this.#silentWindows++;
      if (this.#silentWindows >= this.options.silentWindowsBeforePolling) this.#startPolling('silence');
      // Reopen to check the line; resume loses nothing.
      this.#teardownSource();
      this.#open(this.#polling ? 'polling' : 'reconnecting');
    }, this.options.idleTimeoutMs);
  }

  /**
   * The stream failed. `refusedFor`: the server refused it and asked to wait this long (ms; 0 when
   * it did not say): poll meanwhile, and do not come back sooner.
   */
  #failed(refusedFor: number | null = null): void {
    this.#attempt++;
    this.#teardownSource();
    clearTimeout(this.#openTimer);
    clearTimeout(this.#idleTimer);
    if (this.#listeners.size === 0) {
      this.close();
      return;
    }
    // A connection that held for a while was healthy: start counting afresh.
    if (this.#openedAt && Date.now() - this.#openedAt >= this.options.openTimeoutMs) this.#failures = 0;
    this.#openedAt = 0;
    this.#failures++;
    if (refusedFor !== null || this.#failures >= this.options.failuresBeforePolling) this.#startPolling('failures');
    this.#setState(this.#polling ? 'polling' : 'reconnecting');
    const cap = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** Math.min(this.#failures - 1, 20));
    let delay = Math.round(cap / 2 + Math.random() * (cap / 2));
    if (refusedFor) delay = Math.max(delay, Math.round(refusedFor * (1 + Math.random() / 2)));
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => {
      if (this.#listeners.size === 0) return;
      this.#open(this.#polling ? 'polling' : 'reconnecting');
    }, delay);
  }

  #startPolling(reason: 'failures' | 'silence'): void {
    if (this.#polling) return;
    this.#polling = true;
    this.#pollReason = reason;
    this.#setState('polling');
    const tick = () => this.#emit({ type: 'poll', at: Date.now() });
    tick();
    this.#pollTimer = setInterval(tick, this.options.pollIntervalMs);
  }

  #stopPolling(): void {
    this.#polling = false;
    this.#pollReason = null;
    clearTimeout(this.#stableTimer);
    clearInterval(this.#pollTimer);
    this.#pollTimer = undefined;
  }

  #teardownSource(): void {
    const source = this.#source;
    this.#source = null;
    if (source) {
      source.onopen = null;
      source.onerror = null;
      source.onmessage = null;
      source.close();
    }
  }

  #clearTimers(): void {
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#openTimer);
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#stableTimer);
  }

  #setState(state: LiveStreamState): void {
    if (this.#state === state) return;
    this.#state = state;
    for (const listener of [...this.#stateListeners]) listener(state);
  }
}
