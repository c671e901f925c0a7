/**
 * Every write goes through `write()`: read the body (bounded), idempotency (replay / 422 / 409),
 * validate, then ONE transaction holding the change, its events, the audit entry (writes with
 * an admin or staff token) and the idempotency record; the events are fanned out only after the
 * commit.
 */
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Env } from '../context.ts';
import type { LiveEvent } from '../live/fanout.ts';
import { isOperator, type Principal } from './auth.ts';
import { recordAudit } from '../model/audit.ts';
import { beginIdempotent, endIdempotent, readKey, storeIdempotent, type IdemHandle, type IdemMode } from './idempotency.ts';
import { readRawBody, type RawBody } from './validate.ts';
import { limit } from './ratelimit.ts';

export interface Tx {
  trx: Transaction<DB>;
  now: Date;
  /** Append a live event to the log (same transaction); it is published after commit. */
  emit(forumId: string, type: LiveEvent['type'], data: Record<string, unknown>, audience?: LiveEvent['audience']): Promise<LiveEvent>;
  /** The audit summary of this write, when the route knows better than the default (no personal data). */
  note(summary: string): void;
}

export interface WriteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface WriteOptions<T> {
  who: Principal | null;
  idempotency: IdemMode;
  /** Validate the raw body; omit for body-less writes. */
  parse?: (raw: RawBody) => T;
  /** Count this write against the caller's rate limit (429 beyond it). */
  rateLimited?: boolean;
}

export async function write<T>(c: Context<Env>, opts: WriteOptions<T>, fn: (tx: Tx, input: T) => Promise<WriteResult>): Promise<Response> {
  const deps = c.get('deps');
  if (opts.rateLimited) limit(c, opts.who);
  const raw = await readRawBody(c);
  const key = readKey(c, opts.idempotency);
  let handle: IdemHandle | null = null;
  if (key !== null) {
    const r = await beginIdempotent(c, opts.who, key, raw.text);
    if (r instanceof Response) return r;
    handle = r;
  }
  try {
    const input = (opts.parse ? opts.parse(raw) : undefined) as T;
    const now = deps.now();
    const pending: LiveEvent[] = [];
    let summary: string | null = null;
    const result = await deps.db.transaction().execute(async (trx) => {
      const tx: Tx = {
        trx,
        now,
        async emit(forumId, type, data, audience) {
          const e = await deps.events.append(trx, forumId, type, data, now, audience);
          pending.push(e);
          return e;
        },
        note(text) {
          summary = text;
        },
      };
      const res = await fn(tx, input);
      if (opts.who && isOperator(opts.who)) {
        const request = { method: c.req.method, routePath: c.req.routePath, path: c.req.path, params: c.req.param() as Record<string, string> };
        await recordAudit(trx, { who: opts.who, request, input, status: res.status, body: res.body, summary, at: now });
      }
      if (handle) await storeIdempotent(trx, handle, res.status, res.body, res.headers ?? {}, now);
      return res;
    });
    deps.events.publish(pending);
    return json(result.status, result.body, result.headers);
  } finally {
    if (handle) endIdempotent(c, handle);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const h = new Headers(headers);
  h.set('Content-Type', 'application/json; charset=utf-8');
  h.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: h });
}
