/**
 * A small in-memory token bucket per client (IP for anonymous writes, token for the others).
 * Per process: with several instances behind a load balancer, limit at the proxy instead.
 */
import type { Context } from 'hono';
import type { Env } from '../context.ts';
import type { Principal } from './auth.ts';
import { ProblemError } from './problem.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly perMinute: number;

  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** Take one token; returns null when allowed, else the seconds to wait. */
  take(key: string, now = Date.now()): number | null {
    const rate = this.perMinute / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Forget full buckets (maintenance). */
  sweep(now = Date.now()): void {
    for (const [k, b] of this.#buckets) if (b.tokens + (now - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.#buckets.delete(k);
  }
}

function clientIp(c: Context<Env>): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** 429 with Retry-After when the caller writes too fast (no-op without a limiter). */
export function limit(c: Context<Env>, who: Principal | null): void {
  const limiter = c.get('deps').rateLimiter;
  if (!limiter) return;
  const key = who ? `t:${who.tokenHash}` : `ip:${clientIp(c)}`;
  const wait = limiter.take(key);
  if (wait !== null) {
    throw new ProblemError('rate-limited', `Too many requests; retry in ${wait} s.`, {
      headers: { 'Retry-After': String(wait) },
      extra: { retryAfter: wait },
    });
  }
}
