/**
 * Write rate limits: small in-memory token buckets, one per IP address AND one per bearer token.
 * A limited write (signup, join, idea, vote) takes one unit from the caller's IP bucket and, when
 * it carries a token, one from that token's bucket too; either running dry is a 429 with
 * `Retry-After`. The IP limit is the higher one by default: at a venue every participant's
 * phone may share one address behind the hall's Wi-Fi.
 *
 * The client IP is the socket's peer address. `X-Forwarded-For` is read ONLY when the server is
 * told it sits behind a proxy (`trustProxy`, `HD_TRUST_PROXY=1`); then the rightmost address —
 * the one our own proxy appended — is the client. Without it, the header is ignored: anyone can
 * write any `X-Forwarded-For`.
 *
 * Per process: with several instances behind a load balancer, limit at the proxy as well.
 */
import type { Context } from 'hono';
import type { Env } from '../context.ts';
import type { Principal } from './auth.ts';
import { ProblemError } from './problem.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/** One token bucket per key, refilled continuously at `perMinute`. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly perMinute: number;

  constructor(perMinute: number) {
    this.perMinute = perMinute;
  }

  /** Take one unit; returns null when allowed, else the seconds to wait. */
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

  get size(): number {
    return this.#buckets.size;
  }
}

export interface RateLimitOptions {
  /** Limited writes per minute per bearer token; 0 = no per-token limit. */
  perToken: number;
  /** Limited writes per minute per client IP (with or without a token); 0 = no per-IP limit. */
  perIp: number;
  /**
   * Join attempts (right code or wrong) per minute per client IP and forum; 0 = no limit. Join
   * codes are short: this is what keeps anyone from trying them all.
   */
  joinsPerIp?: number;
  /** Read the client IP from `X-Forwarded-For` (only behind your own proxy). */
  trustProxy: boolean;
}

/** The per-IP and per-token limiters of one server. */
export class WriteLimits {
  readonly byToken: RateLimiter | null;
  readonly byIp: RateLimiter | null;
  readonly joins: RateLimiter | null;
  readonly trustProxy: boolean;

  constructor(opts: RateLimitOptions) {
    this.byToken = opts.perToken > 0 ? new RateLimiter(opts.perToken) : null;
    this.byIp = opts.perIp > 0 ? new RateLimiter(opts.perIp) : null;
    this.joins = (opts.joinsPerIp ?? 0) > 0 ? new RateLimiter(opts.joinsPerIp!) : null;
    this.trustProxy = opts.trustProxy;
  }

  get active(): boolean {
    return this.byToken !== null || this.byIp !== null || this.joins !== null;
  }

  sweep(now = Date.now()): void {
    this.byToken?.sweep(now);
    this.byIp?.sweep(now);
    this.joins?.sweep(now);
  }
}

/** The rightmost well-formed address of an `X-Forwarded-For` header, or null. */
export function forwardedClient(header: string | undefined): string | null {
  if (!header) return null;
  const parts = header.split(',').map((s) => s.trim()).filter(Boolean);
  const last = parts[parts.length - 1];
  // IPv4, IPv6 (possibly bracketed); never trust anything longer or stranger as a bucket key
  if (!last || last.length > 45 || !/^[0-9A-Fa-f:.[\]]+$/.test(last)) return null;
  return last.replace(/^\[|\]$/g, '');
}

export function clientIp(c: Context<Env>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = forwardedClient(c.req.header('x-forwarded-for'));
    if (fwd) return fwd;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export function refuse(wait: number): ProblemError {
  return new ProblemError('rate-limited', `Too many requests; retry in ${wait} s.`, {
    headers: { 'Retry-After': String(wait) },
    extra: { retryAfter: wait },
  });
}

/** 429 with Retry-After when the caller's IP or token writes too fast (no-op without limits). */
export function limit(c: Context<Env>, who: Principal | null): void {
  const limits = c.get('deps').rateLimits;
  if (!limits?.active) return;
  const now = Date.now();
  const ipWait = limits.byIp?.take(`ip:${clientIp(c, limits.trustProxy)}`, now) ?? null;
  if (ipWait !== null) throw refuse(ipWait);
  if (who && who.kind !== 'admin') {
    const tokenWait = limits.byToken?.take(`t:${who.tokenHash}`, now) ?? null;
    if (tokenWait !== null) throw refuse(tokenWait);
  }
}
