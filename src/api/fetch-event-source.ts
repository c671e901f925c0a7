/**
 * An `EventSource` over `fetch`, for a stream that needs a header: a facilitator's stream carries
 * the token in `Authorization` (an `EventSource` cannot send headers, and a token never goes in a
 * URL). It also tells why a stream was refused: `refusal` holds the status and `Retry-After`, so
 * `LiveStream` can wait as long as the server asks (429, 503). Loaded only by pages that open
 * such a stream.
 *
 * It parses the `text/event-stream` format (WHATWG HTML §9.2.6) enough for our server: `event`,
 * `data` (joined by newlines), `id`, comments; `retry` is ignored (`LiveStream` schedules
 * reconnects itself). It never reconnects on its own: on any failure it closes and reports an
 * error, as a failed `EventSource` does.
 */
import type { EventSourceLike } from './live-stream.js';

export interface Refusal {
  status: number;
  /** `Retry-After` in milliseconds, when the server sent one in seconds. */
  retryAfterMs: number | null;
}

export class FetchEventSource implements EventSourceLike {
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  /** Why the server refused the stream (set before `onerror`), or null. */
  refusal: Refusal | null = null;
  readonly #listeners = new Map<string, Set<(ev: MessageEvent) => void>>();
  readonly #abort = new AbortController();

  constructor(url: string, headers: Record<string, string>) {
    void this.#run(url, headers);
  }

  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  close(): void {
    this.readyState = 2;
    this.#abort.abort();
  }

  #fail(): void {
    if (this.readyState === 2) return;
    this.readyState = 2;
    this.#abort.abort();
    this.onerror?.call(this as unknown as EventSource, new Event('error'));
  }

  async #run(url: string, headers: Record<string, string>): Promise<void> {
    try {
      const res = await fetch(url, {
        headers: { ...headers, Accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
        signal: this.#abort.signal,
      });
      if (!res.ok || !res.body || !/^text\/event-stream/i.test(res.headers.get('content-type') ?? '')) {
        const seconds = Number(res.headers.get('retry-after'));
        this.refusal = { status: res.status, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null };
        void res.body?.cancel().catch(() => {});
        this.#fail();
        return;
      }
      if (this.readyState === 2) return;
      this.readyState = 1;
      this.onopen?.call(this as unknown as EventSource, new Event('open'));
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let type = '';
      let data: string[] = [];
      let id = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.readyState === 2) break;
        buffer += value;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (data.length) this.#dispatch(type || 'message', data.join('\n'), id);
            type = '';
            data = [];
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') type = text;
          else if (field === 'data') data.push(text);
          else if (field === 'id' && !text.includes('\0')) id = text;
        }
      }
    } catch {
      // aborted by close(), or the network failed
    }
    this.#fail();
  }

  #dispatch(type: string, data: string, lastEventId: string): void {
    if (this.readyState === 2) return;
    const ev = new MessageEvent(type, { data, lastEventId });
    if (type === 'message') this.onmessage?.call(this as unknown as EventSource, ev);
    for (const listener of [...(this.#listeners.get(type) ?? [])]) listener(ev);
  }
}
