/**
 * Fan-out of committed live events to the SSE connections of this process.
 * Behind an interface so that several server instances can share events through
 * PostgreSQL LISTEN/NOTIFY (or Redis pub/sub) later: only `publish` changes.
 */
import type { components } from '../../src/api/schema.d.ts';

export interface LiveEvent {
  /** Event log id, decimal string. */
  id: string;
  /** The contract's event names (generated from api/openapi.yaml): public and staff events. */
  type: components['schemas']['LiveEvent']['type'];
  forumId: string;
  at: string;
  data: Record<string, unknown>;
  /** `staff`: only for streams opened with a staff or admin token (names of people at the door). Not sent. */
  audience?: 'staff';
}

export type Listener = (event: LiveEvent) => void;

export interface Fanout {
  publish(forumId: string, event: LiveEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(forumId: string, fn: Listener): () => void;
}

export class InProcessFanout implements Fanout {
  readonly #byForum = new Map<string, Set<Listener>>();

  publish(forumId: string, event: LiveEvent): void {
    const set = this.#byForum.get(forumId);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(event);
      } catch {
        // one broken listener must not stop the others
      }
    }
  }

  subscribe(forumId: string, fn: Listener): () => void {
    let set = this.#byForum.get(forumId);
    if (!set) this.#byForum.set(forumId, (set = new Set()));
    set.add(fn);
    return () => {
      const s = this.#byForum.get(forumId);
      if (!s) return;
      s.delete(fn);
      if (s.size === 0) this.#byForum.delete(forumId);
    };
  }

  listenerCount(forumId: string): number {
    return this.#byForum.get(forumId)?.size ?? 0;
  }
}
