/**
 * Server-Sent Events connections. One shared heartbeat interval for all connections
 * (no per-connection timers), replay from the event log on resume, no gap and no duplicate
 * between replay and live: subscribe first, buffer, replay, then drain the buffer by id.
 */
import type { Fanout, LiveEvent } from './fanout.ts';
import type { EventLog } from './eventlog.ts';

const enc = new TextEncoder();
/** A connection whose client does not read is dropped beyond this much queued data. */
const MAX_QUEUED_BYTES = 1 << 20;

export function formatEvent(e: LiveEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

/**
 * Who a stream is for. Moderators (a facilitator of the forum, an admin) get every event as it is;
 * the public gets a hidden idea only as a tombstone: the same idea with its text emptied.
 */
export type Audience = 'public' | 'moderator';

type IdeaLike = { id?: unknown; status?: unknown; text?: unknown };

const tombstone = <T extends IdeaLike>(idea: T): T => ({ ...idea, text: '' });

/**
 * The public's view of an event: ideas that are hidden (in the event itself, or now: `hidden`, the
 * ids hidden at the time of a replay) without their text. Other events are returned as they are.
 */
export function publicView(e: LiveEvent, hidden?: ReadonlySet<string>): LiveEvent {
  const secret = (idea: unknown): idea is IdeaLike =>
    typeof idea === 'object' && idea !== null && ((idea as IdeaLike).status === 'hidden' || (hidden?.has(String((idea as IdeaLike).id)) ?? false));
  if (e.type === 'idea.created' || e.type === 'idea.updated') {
    return secret(e.data) ? { ...e, data: tombstone(e.data) } : e;
  }
  if (e.type === 'idea.merged') {
    const { from, into } = e.data as { from?: unknown; into?: unknown };
    if (!secret(from) && !secret(into)) return e;
    return { ...e, data: { ...e.data, from: secret(from) ? tombstone(from) : from, into: secret(into) ? tombstone(into) : into } };
  }
  return e;
}

/**
 * One event goes to every stream of its forum as the same bytes: serialised and encoded once per
 * audience (the fan-out hands every listener the same event object), not once per connection.
 */
const encoded = { moderator: new WeakMap<LiveEvent, Uint8Array>(), public: new WeakMap<LiveEvent, Uint8Array>() };
function eventBytes(e: LiveEvent, audience: Audience = 'moderator'): Uint8Array {
  let b = encoded[audience].get(e);
  if (!b) encoded[audience].set(e, (b = enc.encode(formatEvent(audience === 'public' ? publicView(e) : e))));
  return b;
}

export interface OpenOptions {
  /** Default `public`. */
  audience?: Audience;
  /** Called once when the stream ends, however it ends (gives back its place under the caps). */
  onClose?: () => void;
}
const PING = enc.encode(': ping\n\n');

interface Conn {
  write(chunk: string | Uint8Array): void;
  close(): void;
}

export class SseHub {
  readonly #conns = new Set<Conn>();
  readonly #fanout: Fanout;
  readonly #log: EventLog;
  readonly #now: () => Date;
  #timer: ReturnType<typeof setInterval> | null = null;

  readonly #hiddenIdeas: (forumId: string) => Promise<ReadonlySet<string>>;

  /** `hiddenIdeas`: the ids of the forum's ideas hidden now (a public replay leaves their text out). */
  constructor(
    fanout: Fanout,
    log: EventLog,
    heartbeatMs: number,
    now: () => Date = () => new Date(),
    hiddenIdeas: (forumId: string) => Promise<ReadonlySet<string>> = async () => new Set(),
  ) {
    this.#fanout = fanout;
    this.#log = log;
    this.#now = now;
    this.#hiddenIdeas = hiddenIdeas;
    this.#timer = setInterval(() => {
      for (const c of this.#conns) c.write(PING);
    }, Math.max(10, heartbeatMs));
    // in Node, the heartbeat alone does not keep the process alive (browsers have no unref)
    (this.#timer as { unref?: () => void }).unref?.();
  }

  get size(): number {
    return this.#conns.size;
  }

  /**
   * Open a stream for `forumId`. `lastEventId` null = live only.
   * `signal` is the request's abort signal (client went away).
   */
  open(forumId: string, lastEventId: number | null, signal: AbortSignal | undefined, opts: OpenOptions = {}): Response {
    const hub = this;
    const audience = opts.audience ?? 'public';
    let conn: Conn | null = null;
    let unsubscribe: (() => void) | null = null;
    let closed = false;

    const cleanup = () => {
      if (closed) return;
      closed = true;
      unsubscribe?.();
      if (conn) hub.#conns.delete(conn);
      opts.onClose?.();
    };

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        conn = {
          write(chunk: string | Uint8Array) {
            if (closed) return;
            try {
              if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED_BYTES) {
                conn!.close();
                return;
              }
              controller.enqueue(typeof chunk === 'string' ? enc.encode(chunk) : chunk);
            } catch {
              cleanup();
            }
          },
          close() {
            if (closed) return;
            cleanup();
            try {
              controller.close();
            } catch {
              /* already closed */
            }
          },
        };
        const c = conn;
        c.write('retry: 3000\n\n');

        // 1. subscribe first, buffering while the log is read
        let buffer: LiveEvent[] | null = [];
        let sentUpTo = 0;
        const deliver = (e: LiveEvent) => {
          const id = Number(e.id);
          if (id <= sentUpTo) return; // already replayed
          sentUpTo = id;
          c.write(eventBytes(e, audience));
        };
        unsubscribe = hub.#fanout.subscribe(forumId, (e) => {
          if (buffer) buffer.push(e);
          else deliver(e);
        });
        hub.#conns.add(c);
        if (signal) {
          if (signal.aborted) cleanup();
          else signal.addEventListener('abort', cleanup, { once: true });
        }

        // 2. replay (or reset), 3. drain the buffer, then live
        void (async () => {
          try {
            // live only (lastEventId null): everything published after subscribing is new.
            if (lastEventId !== null) {
              const newest = await hub.#log.newestId(forumId);
              const floor = await hub.#log.floor(forumId);
              const globalNewest = await hub.#log.globalNewestId();
              if (lastEventId < floor || lastEventId > globalNewest) {
                const reason = lastEventId < floor ? 'too-old' : 'unknown-id';
                c.write(formatEvent({ id: String(newest), type: 'reset', forumId, at: hub.#now().toISOString(), data: { reason } }));
                sentUpTo = newest;
              } else {
                sentUpTo = lastEventId;
                const missed = await hub.#log.since(forumId, lastEventId);
                // The log keeps what each event said when it happened; an idea hidden since then
                // is replayed to the public without its text (read after the events: an idea
                // hidden in between is left out rather than shown).
                const hidden = audience === 'public' && missed.length ? await hub.#hiddenIdeas(forumId) : null;
                for (const e of missed) {
                  const id = Number(e.id);
                  if (id <= sentUpTo) continue;
                  sentUpTo = id;
                  c.write(hidden ? enc.encode(formatEvent(publicView(e, hidden))) : eventBytes(e, audience));
                }
              }
            }
          } catch {
            c.close();
            return;
          }
          const pending = buffer ?? [];
          buffer = null;
          pending.sort((a, b) => Number(a.id) - Number(b.id));
          for (const e of pending) deliver(e);
        })();
      },
      cancel() {
        cleanup();
      },
    });

    return new Response(stream, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Close every stream (shutdown) and stop the heartbeat. */
  closeAll(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const c of [...this.#conns]) c.close();
  }
}
