import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import type { Fanout } from './live/fanout.ts';
import type { SseHub } from './live/sse.ts';
import type { EventLog } from './live/eventlog.ts';
import type { WriteLimits } from './http/ratelimit.ts';
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
  /** In-process map of idempotency keys being processed → their request hash. */
  inFlight: Map<string, string>;
  /** Write rate limits per IP and per token; null = off. */
  rateLimits: WriteLimits | null;
  /** New participants per address per forum; null = no limit. */
  joinQuota: JoinQuota | null;
}

export type Env = { Variables: { deps: Deps } };
