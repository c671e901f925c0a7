/**
 * A small Server-Sent Events reader over fetch + ReadableStream (WHATWG HTML "server-sent
 * events" parsing), with the extras a conformance check needs: whether each event carried its
 * own `id:` line, the raw first line of the stream, and timeouts on every wait.
 */

export interface SseEvent {
  /** The id given by this event's own `id:` line, or undefined when it had none. */
  id: string | undefined;
  /** The stream's last event id after this event (ids persist across events, as in browsers). */
  lastEventId: string;
  /** `message` when the event had no `event:` line. */
  event: string;
  data: string;
}

/** Incremental SSE parser: feed text chunks, get complete events. */
export class SseParser {
  lastEventId = '';
  retry: number | undefined;
  comments: string[] = [];
  /** The first line of the stream as sent (without its line ending). */
  firstLine: string | undefined;
  private buf = '';
  private data: string[] = [];
  private eventName = '';
  private ownId: string | undefined;
  private sawBom = false;
  private skipLF = false;

  feed(chunk: string): SseEvent[] {
    if (!this.sawBom) {
      if (chunk.length === 0) return [];
      this.sawBom = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    // A chunk that ended in \r may be followed by the \n of the same CRLF.
    if (this.skipLF && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.skipLF = false;
    this.buf += chunk;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buf);
      if (!m) break;
      if (m[0] === '\r' && m.index === this.buf.length - 1) this.skipLF = true;
      const line = this.buf.slice(0, m.index);
      this.buf = this.buf.slice(m.index + m[0].length);
      if (this.firstLine === undefined) this.firstLine = line;
      const ev = this.line(line);
      if (ev) out.push(ev);
    }
    return out;
  }

  private line(line: string): SseEvent | undefined {
    if (line === '') {
      const data = this.data;
      const name = this.eventName;
      const ownId = this.ownId;
      this.data = [];
      this.eventName = '';
      this.ownId = undefined;
      if (data.length === 0) return undefined;
      return { id: ownId, lastEventId: this.lastEventId, event: name || 'message', data: data.join('\n') };
    }
    if (line.startsWith(':')) {
      this.comments.push(line.slice(1).trimStart());
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventName = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) {
          this.lastEventId = value;
          this.ownId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
    return undefined;
  }
}

export class SseTimeout extends Error {}

export interface SseStream {
  response: Response;
  parser: SseParser;
  /** Every event received so far, in order. */
  events: SseEvent[];
  /** The next event not yet returned by next(); null when the stream ended. Rejects with SseTimeout. */
  next(timeoutMs: number): Promise<SseEvent | null>;
  /** Wait for an event matching pred (skipping others), within timeoutMs. */
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent>;
  /** The first line of the stream (e.g. `retry: 3000`), within timeoutMs. */
  firstLine(timeoutMs: number): Promise<string>;
  /** Resolves when a comment line arrives (e.g. a heartbeat), within timeoutMs. */
  waitForComment(timeoutMs: number): Promise<string>;
  close(): void;
}

export interface OpenSseOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Time to wait for the response headers. */
  connectTimeoutMs?: number;
}

/**
 * Open an event stream. Resolves once the response headers are in (whatever the status: the
 * caller checks it); the body is then read in the background until close().
 */
export async function openSse(url: string, opts: OpenSseOptions = {}): Promise<SseStream> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => ctrl.abort(new SseTimeout(`no response headers within ${opts.connectTimeoutMs ?? 10000} ms`)), opts.connectTimeoutMs ?? 10000);
  let response: Response;
  try {
    response = await (opts.fetch ?? fetch)(url, {
      headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', ...opts.headers },
      signal: ctrl.signal,
    });
  } catch (err) {
    opts.signal?.removeEventListener('abort', onAbort);
    throw ctrl.signal.reason instanceof SseTimeout ? ctrl.signal.reason : err;
  } finally {
    clearTimeout(timer);
  }
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let cursor = 0;
  let ended = false;
  let endError: unknown;
  let commentsSeen = 0;
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const w of [...wakers]) w();
  };

  const pump = async () => {
    if (!response.body) {
      ended = true;
      wake();
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        events.push(...parser.feed(decoder.decode(value, { stream: true })));
        wake();
      }
    } catch (err) {
      endError = err;
    } finally {
      ended = true;
      wake();
    }
  };
  void pump();

  const wait = <T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        let v: T | undefined;
        try {
          v = ready();
        } catch (err) {
          done();
          reject(err);
          return;
        }
        if (v !== undefined) {
          done();
          resolve(v);
        }
      };
      const t = setTimeout(() => {
        done();
        reject(new SseTimeout(`${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(t);
        wakers.delete(check);
      };
      wakers.add(check);
      check();
    });

  const close = () => {
    opts.signal?.removeEventListener('abort', onAbort);
    ctrl.abort();
    wake();
  };

  return {
    response,
    parser,
    events,
    next(timeoutMs) {
      return wait<SseEvent | null>(
        () => {
          if (cursor < events.length) return events[cursor++]!;
          if (ended) {
            if (endError && !ctrl.signal.aborted) throw endError;
            return null;
          }
          return undefined;
        },
        timeoutMs,
        'no event',
      );
    },
    waitFor(pred, timeoutMs) {
      return wait<SseEvent>(
        () => {
          while (cursor < events.length) {
            const e = events[cursor++]!;
            if (pred(e)) return e;
          }
          if (ended) throw new SseTimeout('the stream ended before the expected event');
          return undefined;
        },
        timeoutMs,
        'the expected event did not arrive',
      );
    },
    firstLine(timeoutMs) {
      return wait<string>(
        () => {
          if (parser.firstLine !== undefined) return parser.firstLine;
          if (ended) throw new SseTimeout('the stream ended before its first line');
          return undefined;
        },
        timeoutMs,
        'no first line',
      );
    },
    waitForComment(timeoutMs) {
      return wait<string>(
        () => {
          if (parser.comments.length > commentsSeen) return parser.comments[commentsSeen++]!;
          if (ended) throw new SseTimeout('the stream ended before a comment line');
          return undefined;
        },
        timeoutMs,
        'no comment line',
      );
    },
    close,
  };
}
