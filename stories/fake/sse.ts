/**
 * The live stream, both ends:
 *
 * - `openEventStream()` answers `GET /forums/{id}/events` with a streaming `text/event-stream`
 *   Response, as the server does: `retry:` first, then the missed events after the client's
 *   last id (or a `reset` when that id is too old or was never issued), then live events, with
 *   a `: ping` comment as heartbeat. Replay and live cannot overlap or leave a gap: the store is
 *   synchronous, so the replay is read and the subscription made in the same turn.
 * - `eventSourceFor(fetch)` builds an `EventSource` class on top of the fake's `fetch` that
 *   behaves like the browser's (WHATWG HTML §9.2): parses the stream, dispatches `MessageEvent`s
 *   by event name with `lastEventId`, reconnects after `retry` ms with `Last-Event-ID`, fails
 *   (CLOSED, no reconnect) on a non-200 or wrong content type. The LiveStream takes it as its
 *   `eventSource` option.
 */
import type { EventSourceLike } from '../../src/api/live-stream.js';
import { publicView } from '../../server/live/sse.ts';
import type { LiveEvent, Store } from './store.ts';

const enc = new TextEncoder();

export function formatEvent(e: LiveEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

/** One open stream, so the fake can drop it (`dropStreams`, `setOffline`). */
export interface OpenStream {
  /** End the stream as a broken connection would: the reader's next read rejects. */
  drop(): void;
}

export interface StreamOptions {
  retryMs: number;
  heartbeatMs: number;
  /** Every open stream, so the fake can drop them. */
  open: Set<OpenStream>;
  signal?: AbortSignal | null | undefined;
  /** For a public stream: the ids of the forum's ideas hidden now (hidden ideas go out as tombstones, as on the server). */
  hidden?: () => ReadonlySet<string>;
}

/** What a public stream may carry of an event (the server's rule, `server/live/sse.ts`). */
const shown = (e: LiveEvent, opts: StreamOptions, hidden?: ReadonlySet<string>): LiveEvent =>
  opts.hidden ? (publicView(e as Parameters<typeof publicView>[0], hidden) as unknown as LiveEvent) : e;

export function openEventStream(store: Store, forumId: string, lastEventId: number | null, opts: StreamOptions): Response {
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let handle: OpenStream | undefined;
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    unsubscribe?.();
    clearInterval(heartbeat);
    if (handle) opts.open.delete(handle);
    opts.signal?.removeEventListener('abort', onAbort);
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const write = (chunk: string) => {
    if (done) return;
    try {
      controller.enqueue(enc.encode(chunk));
    } catch {
      cleanup();
    }
  };
  const fail = (reason: unknown) => {
    if (done) return;
    cleanup();
    try {
      controller.error(reason);
    } catch {
      /* already closed */
    }
  };
  const onAbort = () => fail(opts.signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${opts.retryMs}\n\n`);
      if (lastEventId !== null) {
        const r = store.resume(forumId, lastEventId);
        if ('reset' in r) write(formatEvent(r.reset));
        else {
          const hidden = opts.hidden?.();
          for (const e of r.events) write(formatEvent(shown(e, opts, hidden)));
        }
      }
      unsubscribe = store.subscribe(forumId, (e) => write(formatEvent(shown(e, opts))));
      heartbeat = setInterval(() => write(': ping\n\n'), opts.heartbeatMs);
      // A Node test process must not be kept alive by an open fake stream.
      (heartbeat as { unref?: () => void }).unref?.();
      handle = { drop: () => fail(new TypeError('network error')) };
      opts.open.add(handle);
      if (opts.signal?.aborted) onAbort();
      else opts.signal?.addEventListener('abort', onAbort, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' },
  });
}

type Handler<E extends Event> = ((this: EventSource, ev: E) => unknown) | null;

/** The `EventSource` constructor type the LiveStream accepts (`EventSourceFactory`). */
export interface FakeEventSourceClass {
  new (url: string | URL, init?: EventSourceInit): EventSourceLike & EventTarget & { readonly url: string; readonly withCredentials: boolean };
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

/** An EventSource class whose connections go through `fetchImpl` (the fake's fetch). */
export function eventSourceFor(fetchImpl: typeof fetch, baseUrl: () => string): FakeEventSourceClass {
  class FakeEventSource extends EventTarget {
    static readonly CONNECTING = 0 as const;
    static readonly OPEN = 1 as const;
    static readonly CLOSED = 2 as const;
    readonly CONNECTING = 0 as const;
    readonly OPEN = 1 as const;
    readonly CLOSED = 2 as const;
    readonly url: string;
    readonly withCredentials: boolean;
    readyState: number = 0;
    onopen: Handler<Event> = null;
    onerror: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    #lastEventId = '';
    #retryMs = 3000;
    #abort: AbortController | null = null;
    #timer: ReturnType<typeof setTimeout> | undefined;

    constructor(url: string | URL, init?: EventSourceInit) {
      super();
      this.url = new URL(String(url), baseUrl()).href;
      this.withCredentials = !!init?.withCredentials;
      // Like the browser's: connecting starts after the constructor returns.
      this.#timer = setTimeout(() => void this.#connect(), 0);
    }

    close(): void {
      this.readyState = 2;
      clearTimeout(this.#timer);
      this.#abort?.abort();
      this.#abort = null;
    }

    #fire(type: 'open' | 'error'): void {
      const ev = new Event(type);
      this.dispatchEvent(ev);
      const handler = type === 'open' ? this.onopen : this.onerror;
      handler?.call(this as unknown as EventSource, ev);
    }

    /** The connection broke: CONNECTING, `error`, try again after `retry` ms. */
    #reestablish(): void {
      if (this.readyState === 2) return;
      this.readyState = 0;
      this.#fire('error');
      if (this.readyState === 2) return; // closed by an error handler
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#connect(), this.#retryMs);
    }

    /** The server refused the stream: CLOSED, `error`, no reconnect. */
    #failConnection(): void {
      if (this.readyState === 2) return;
      this.readyState = 2;
      this.#fire('error');
    }

    async #connect(): Promise<void> {
      if (this.readyState === 2) return;
      const abort = new AbortController();
      this.#abort = abort;
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (this.#lastEventId) headers['Last-Event-ID'] = this.#lastEventId;
      let res: Response;
      try {
        res = await fetchImpl(this.url, { headers, signal: abort.signal, cache: 'no-store', credentials: this.withCredentials ? 'include' : 'omit' });
      } catch {
        if (this.#abort === abort) this.#reestablish();
        return;
      }
      if (this.#abort !== abort || this.readyState === 2) {
        void res.body?.cancel().catch(() => undefined);
        return;
      }
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || !/^text\/event-stream\b/i.test(type) || !res.body) {
        void res.body?.cancel().catch(() => undefined);
        this.#failConnection();
        return;
      }
      this.readyState = 1;
      this.#fire('open');
      try {
        await this.#read(res.body, abort);
      } catch {
        /* a broken connection: reconnect below */
      }
      if (this.#abort === abort) this.#reestablish();
    }

    async #read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<void> {
      const reader = body.getReader();
      const decoder = new TextDecoder('utf-8');
      abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
      let buffer = '';
      let data: string[] = [];
      let event = '';
      let idSeen: string | null = null;
      const dispatch = () => {
        if (idSeen !== null) this.#lastEventId = idSeen;
        idSeen = null;
        if (data.length === 0) {
          event = '';
          return;
        }
        const ev = new MessageEvent(event || 'message', { data: data.join('\n'), lastEventId: this.#lastEventId, origin: new URL(this.url).origin });
        data = [];
        event = '';
        if (this.readyState === 2) return;
        this.dispatchEvent(ev);
        if (ev.type === 'message') this.onmessage?.call(this as unknown as EventSource, ev);
      };
      const line = (l: string) => {
        if (l === '') return dispatch();
        if (l.startsWith(':')) return;
        const i = l.indexOf(':');
        const field = i < 0 ? l : l.slice(0, i);
        let value = i < 0 ? '' : l.slice(i + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else if (field === 'id') {
          if (!value.includes('\0')) idSeen = value;
        } else if (field === 'retry' && /^[0-9]+$/.test(value)) this.#retryMs = Number(value);
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (;;) {
          const m = /\r\n|\r|\n/.exec(buffer);
          if (!m) break;
          // a lone \r at the very end may be the first half of \r\n: wait for more
          if (m[0] === '\r' && m.index === buffer.length - 1) break;
          line(buffer.slice(0, m.index));
          buffer = buffer.slice(m.index + m[0].length);
        }
        if (this.readyState === 2) return;
      }
    }
  }
  return FakeEventSource as unknown as FakeEventSourceClass;
}
