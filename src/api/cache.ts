/**
 * In-memory cache of GET responses for one backend, shared by every widget that talks to it.
 *
 * - `peek(key)` answers synchronously, so a second widget paints at once from what the first
 *   fetched.
 * - `load(key, fetcher)` is stale-while-revalidate: a fresh entry is returned as is; a stale one
 *   is returned at once while one background request refreshes it (subscribers hear the new
 *   value); a missing one is fetched. Concurrent loads of one key share one request.
 * - `invalidate…` after writes marks entries stale (they still paint, then refresh).
 *
 * Keys are `<token identity>\u241f<url>`: the same URL under two tokens are two entries,
 * and no token text ever becomes part of a key.
 */

export interface CacheEntry<T = unknown> {
  value: T;
  /** `Date.now()` when the value arrived. */
  storedAt: number;
  /** Marked stale by an invalidation: the next load revalidates whatever its age. */
  stale: boolean;
}

export type CacheListener<T = unknown> = (value: T) => void;

export interface CacheLoadOptions {
  /** Caller's signal: aborting it stops waiting; the request is aborted when nobody waits. */
  signal?: AbortSignal | undefined;
  /**
   * `default`: fresh → cached, stale → cached now + revalidate, missing → fetch.
   * `no-cache`: always ask the network (concurrent callers still share one request).
   */
  mode?: 'default' | 'no-cache';
  /** How long an entry counts as fresh. */
  maxAgeMs?: number;
}

export const KEY_SEPARATOR = '\u241f';

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class ApiCache {
  /** Entries kept at most (least recently used are dropped first). */
  maxEntries: number;
  /** Default freshness for `load`. */
  maxAgeMs: number;

  readonly #entries = new Map<string, CacheEntry>();
  readonly #inflight = new Map<string, InFlight>();
  readonly #listeners = new Map<string, Set<CacheListener>>();
  readonly #tokenIds = new Map<string, number>();

  constructor(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
    this.maxEntries = options.maxEntries ?? 300;
    this.maxAgeMs = options.maxAgeMs ?? 10_000;
  }

  /** A short opaque identity for a token (`0` for none), used in keys instead of the token. */
  tokenIdentity(token: string | undefined): number {
    if (!token) return 0;
    let id = this.#tokenIds.get(token);
    if (id === undefined) {
      id = this.#tokenIds.size + 1;
      this.#tokenIds.set(token, id);
    }
    return id;
  }

  key(url: string, token?: string): string {
    return `${this.tokenIdentity(token)}${KEY_SEPARATOR}${url}`;
  }

  /** The cached value, fresh or stale, without any request. */
  peek<T>(key: string): T | undefined {
    return this.#entries.get(key)?.value as T | undefined;
  }

  entry<T>(key: string): CacheEntry<T> | undefined {
    return this.#entries.get(key) as CacheEntry<T> | undefined;
  }

  /** Whether a request for the key is under way. */
  isLoading(key: string): boolean {
    return this.#inflight.has(key);
  }

  set<T>(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, storedAt: Date.now(), stale: false });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    for (const listener of this.#listeners.get(key) ?? []) {
      try {
        listener(value);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Hear every new value stored under the key (after a revalidation, say). */
  subscribe<T>(key: string, listener: CacheListener<T>): () => void {
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(listener as CacheListener);
    return () => {
      set.delete(listener as CacheListener);
      if (set.size === 0 && this.#listeners.get(key) === set) this.#listeners.delete(key);
    };
  }

  load<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, options: CacheLoadOptions = {}): Promise<T> {
    const mode = options.mode ?? 'default';
    const maxAge = options.maxAgeMs ?? this.maxAgeMs;
    const entry = this.#entries.get(key) as CacheEntry<T> | undefined;
    if (mode === 'default' && entry) {
      // Touch for LRU.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      const fresh = !entry.stale && Date.now() - entry.storedAt < maxAge;
      if (!fresh) {
        // Revalidate in the background; nobody waits on it, so no caller signal applies.
        this.#fetchShared(key, fetcher, undefined).catch(() => {
          // The stale value stays; the next load tries again.
        });
      }
      return Promise.resolve(entry.value);
    }
    return this.#fetchShared(key, fetcher, options.signal);
  }

  #fetchShared<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    let flight = this.#inflight.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = fetcher(controller.signal).then(
        (value) => {
          if (this.#inflight.get(key) === flight) this.#inflight.delete(key);
          this.set(key, value);
          return value;
        },
        (error: unknown) => {
          if (this.#inflight.get(key) === flight) this.#inflight.delete(key);
          throw error;
        },
      );
      flight = { promise, controller, waiters: 0 };
      this.#inflight.set(key, flight);
    }
    const shared = flight;
    if (!signal) {
      // A background revalidation or a caller that never aborts: count it as a waiter for good.
      shared.waiters++;
      return shared.promise as Promise<T>;
    }
    signal.throwIfAborted();
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        shared.waiters--;
        if (shared.waiters <= 0) {
          shared.controller.abort(signal.reason);
          if (this.#inflight.get(key) === shared) this.#inflight.delete(key);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      (shared.promise as Promise<T>).then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /** Marks entries stale whose URL satisfies the predicate (any token). */
  invalidate(predicate: (url: string) => boolean): number {
    let count = 0;
    for (const [key, entry] of this.#entries) {
      const url = key.slice(key.indexOf(KEY_SEPARATOR) + 1);
      if (predicate(url)) {
        entry.stale = true;
        count++;
      }
    }
    return count;
  }

  /**
   * Marks stale the entries of one path (with any query) and, with `subtree`, of every path
   * below it. `path` is an absolute URL without query.
   */
  invalidatePath(path: string, options: { subtree?: boolean } = {}): number {
    return this.invalidate((url) => {
      if (!url.startsWith(path)) return false;
      const next = url.charAt(path.length);
      return next === '' || next === '?' || (options.subtree === true && next === '/');
    });
  }

  /** Drops every entry (e.g. when a token is withdrawn). */
  clear(): void {
    this.#entries.clear();
  }
}
