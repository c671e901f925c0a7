/**
 * How many NEW participants one address may create in one forum: the guard against one person
 * joining again and again for a fresh set of dots (a returning browser gets its own participant
 * back and costs nothing here; see server/model/participants.ts).
 *
 * A token bucket per (forum, address): `perAddress` participants at once, refilled at the same
 * number per `windowSeconds`. Beyond it the join is a 429 with `Retry-After`. The default
 * (HD_JOIN_LIMIT=500 per HD_JOIN_WINDOW=3600 s) lets a whole venue of 300+ phones join through
 * the hall's one NAT address within minutes, while a script behind one address gets at most that
 * many voters.
 *
 * This is about participants CREATED, not join attempts: the request rate limit (ratelimit.ts)
 * counts attempts, right or wrong code. An IPv6 address counts by its /64 prefix (what one home
 * or one venue network is given; a single device can pick any address inside it). Per process
 * and in memory, like the request limits: no address is stored in the database.
 */
import type { Context } from 'hono';
import type { Env } from '../context.ts';
import { ProblemError } from './problem.ts';
import { clientIp, refuse } from './ratelimit.ts';

export interface JoinQuotaOptions {
  /** New participants per address per forum (the bucket's size); 0 = no limit. */
  perAddress: number;
  /** Seconds in which a full bucket refills. Default 3600. */
  windowSeconds?: number;
  /** Read the client address from `X-Forwarded-For` (only behind your own proxy). */
  trustProxy?: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class JoinQuota {
  readonly perAddress: number;
  readonly windowMs: number;
  readonly trustProxy: boolean;
  readonly #buckets = new Map<string, Bucket>();

  constructor(opts: JoinQuotaOptions) {
    this.perAddress = opts.perAddress;
    this.windowMs = Math.max(1, opts.windowSeconds ?? 3600) * 1000;
    this.trustProxy = opts.trustProxy ?? false;
  }

  get #rate(): number {
    return this.perAddress / this.windowMs;
  }

  /** Take one participant for `address` in `forumId`: null when allowed, else the seconds to wait. */
  take(forumId: string, address: string, now = Date.now()): number | null {
    const key = `${forumId}\n${addressKey(address)}`;
    const b = this.#buckets.get(key) ?? { tokens: this.perAddress, at: now };
    b.tokens = Math.min(this.perAddress, b.tokens + (now - b.at) * this.#rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.#rate / 1000));
  }

  /** Forget full buckets (maintenance). */
  sweep(now = Date.now()): void {
    for (const [k, b] of this.#buckets) if (b.tokens + (now - b.at) * this.#rate >= this.perAddress) this.#buckets.delete(k);
  }

  get size(): number {
    return this.#buckets.size;
  }
}

/** The bucket key of an address: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix. */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a;
  const [head = '', tail] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // an embedded IPv4 tail (::1.2.3.4) is two groups; only the first four groups matter here
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (g.replace(/^0+(?=.)/, '') || '0'))
    .join(':')}::/64`;
}

/**
 * 429 with Retry-After when the caller's address has created its share of participants in this
 * forum (no-op without a quota). Call it only when a NEW participant is about to be created.
 */
export function takeJoinSlot(c: Context<Env>, forumId: string): void {
  const quota = c.get('deps').joinQuota;
  if (!quota) return;
  const wait = quota.take(forumId, clientIp(c, quota.trustProxy));
  if (wait === null) return;
  throw new ProblemError('rate-limited', `Too many people joined from this network; retry in ${wait} s.`, {
    headers: { 'Retry-After': String(wait) },
    extra: { retryAfter: wait },
  });
}

/**
 * 429 with Retry-After when one address tries to join a forum too often, right code or wrong
 * (no-op without a limit: `HD_JOIN_ATTEMPTS`). Join codes are short; this is what keeps anyone
 * from trying them all. Counted before anything else about the join.
 */
export function limitJoinAttempts(c: Context<Env>, forumId: string): void {
  const limits = c.get('deps').rateLimits;
  const wait = limits?.joins?.take(`join:${forumId}:${addressKey(clientIp(c, limits.trustProxy))}`) ?? null;
  if (wait !== null) throw refuse(wait);
}
