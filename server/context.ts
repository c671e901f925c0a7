import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { Fanout } from './live/fanout.ts';
import type { SseHub } from './live/sse.ts';
import type { EventLog } from './live/eventlog.ts';
import type { WriteLimits } from './http/ratelimit.ts';
import type { StreamCaps } from './live/caps.ts';
import type { JoinQuota } from './http/join-quota.ts';

/** Everything a route needs, built once per server. */
export interface Deps {
  db: Kysely<DB>;
  fanout: Fanout;
  events: EventLog;
  sse: SseHub;
  now: () => Date;
  adminTokenHash: string;
  /** Allowed CORS origins (mutable: the server adds its own origin once it listens). */
  corsOrigins: Set<string>;
  /**
   * Absolute links the server writes (calendar files): its configured public base URL and the
   * page that shows one forum to a person (`{id}` is the forum id). Never taken from a request's
   * `Host`. Filled in once the server listens, when not configured.
   */
  links: { publicUrl: string; forumPage: string };
  /** In-process map of idempotency keys being processed → their request hash. */
  inFlight: Map<string, string>;
  /** Write rate limits per IP and per token; null = off. */
  rateLimits: WriteLimits | null;
  /** New participants per address per forum; null = no limit. */
  joinQuota: JoinQuota | null;
  /** Caps on concurrent event streams, per client address and in all; absent = none (the fake). */
  streamCaps?: StreamCaps;
  /** Take the client address from `X-Forwarded-For` (only behind the operator's own proxy). */
  trustProxy?: boolean;
}

export type Env = { Variables: { deps: Deps } };
