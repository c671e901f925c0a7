/**
 * An `EventSource` class whose connections go through a `fetch` — the fake's — and that behaves
 * like the browser's (WHATWG HTML §9.2): parses the stream, dispatches `MessageEvent`s by event
 * name with `lastEventId`, reconnects after `retry` ms with `Last-Event-ID`, fails (CLOSED, no
 * reconnect) on a non-200 or a wrong content type. The widgets' LiveStream takes it as its
 * `eventSource` option: in Storybook no request leaves the page, so the browser's own
 * EventSource cannot reach the fake.
 */
import type { EventSourceLike } from '../../src/api/live-stream.js';

type Handler<E extends Event> = ((this: EventSource, ev: E) => unknown) | null;

/** The `EventSource` constructor type the LiveStream accepts (`EventSourceFactory`). */
export interface FakeEventSourceClass {
  new (url: string | URL, init?: EventSourceInit): EventSourceLike & EventTarget & { readonly url: string; readonly withCredentials: boolean };
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

/**
 * An EventSource class whose connections go through `fetchImpl` (the fake's fetch). `retryMs`,
 * when given, is the reconnection delay whatever the stream's `retry:` says (tests go faster).
 */
export function eventSourceFor(fetchImpl: typeof fetch, baseUrl: () => string, retryMs?: number): FakeEventSourceClass {
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
    #retryMs = retryMs ?? 3000;
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
        } else if (field === 'retry' && /^[0-9]+$/.test(value) && retryMs === undefined) this.#retryMs = Number(value);
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
