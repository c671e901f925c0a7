/**
 * Caps on concurrent event streams: per client address (429) and in all (503), both answered with
 * `Retry-After`, so that one client cannot hold every file descriptor the process has. The
 * per-address cap must still fit a venue: a few hundred phones behind the hall's one NAT address,
 * some with two tabs open.
 */
import { readFileSync } from 'node:fs';
import { addressKey } from '../http/join-quota.ts';
import { ProblemError } from '../http/problem.ts';

export { addressKey };

export interface StreamCapOptions {
  /** Concurrent streams per client address (an IPv6 /64 counts as one); 0 = no cap. */
  perAddress: number;
  /** Concurrent streams in all; 0 = no cap. */
  total: number;
}

/** Seconds a refused client is asked to wait (it adds its own jitter). */
export const STREAM_RETRY_AFTER = { perAddress: 5, total: 10 } as const;

/** Default per-address cap: 300 people behind one NAT address, two streams each. */
export const DEFAULT_STREAMS_PER_ADDRESS = 600;

/** The process's soft limit on open files (Linux), or null when it cannot be read. */
export function openFileLimit(): number | null {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Defaults below the descriptor limit: streams may take half of it (at most 10,000), connections of
 * any kind all but 256 (the database, static files and DNS need some). Without a readable limit,
 * 1,024 descriptors are assumed.
 */
export function defaultCaps(fdLimit = openFileLimit() ?? 1024): { streams: number; connections: number } {
  const streams = Math.max(64, Math.min(10_000, Math.floor(fdLimit / 2)));
  const connections = Math.max(streams + 64, fdLimit - 256);
  return { streams, connections };
}

export class StreamCaps {
  readonly perAddress: number;
  readonly total: number;
  readonly #byAddress = new Map<string, number>();
  #open = 0;

  constructor(opts: StreamCapOptions) {
    this.perAddress = opts.perAddress;
    this.total = opts.total;
  }

  /** Streams open now (all addresses). */
  get open(): number {
    return this.#open;
  }

  /**
   * Take a place for a stream from `ip`; returns the function that gives it back (call it once,
   * when the stream ends). Throws the 429 or 503 problem when there is no place.
   */
  take(ip: string): () => void {
    const key = addressKey(ip);
    const mine = this.#byAddress.get(key) ?? 0;
    if (this.perAddress > 0 && mine >= this.perAddress) {
      const wait = STREAM_RETRY_AFTER.perAddress;
      throw new ProblemError('rate-limited', `This address has ${mine} event streams open, the most it may; retry in ${wait} s.`, {
        headers: { 'Retry-After': String(wait) },
        extra: { retryAfter: wait },
      });
    }
    if (this.total > 0 && this.#open >= this.total) {
      const wait = STREAM_RETRY_AFTER.total;
      throw new ProblemError('service-unavailable', `The server has as many event streams open as it takes; retry in ${wait} s.`, {
        headers: { 'Retry-After': String(wait) },
        extra: { retryAfter: wait },
      });
    }
    this.#byAddress.set(key, mine + 1);
    this.#open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#open--;
      const left = (this.#byAddress.get(key) ?? 1) - 1;
      if (left > 0) this.#byAddress.set(key, left);
      else this.#byAddress.delete(key);
    };
  }
}
