/**
 * Idempotent writes, the way Stripe does them. A key is scoped to the caller (sha256 of the
 * bearer token, or `anonymous`) and to method + path. The first response of a successful
 * write is stored IN THE SAME TRANSACTION as the write (see write.ts), so a crash cannot
 * leave one without the other. Refused writes are not stored: a repeat runs again.
 *
 * At rest, neither the key nor the response is readable: the table holds sha256 of the key and
 * the response encrypted (AES-256-GCM) with a key derived from the Idempotency-Key itself, which
 * only the client holds. First responses carry bearer tokens (a registration's cancel token, a
 * participant's token), and tokens are stored hashed only — a copy of the database must not
 * hand them out. (This leans on keys being fresh random UUIDs, as the contract asks.)
 */
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { seal, sha256, sha256Hex, unseal } from '../crypto.ts';
import type { DB } from '../db/schema.ts';
import type { Env } from '../context.ts';
import type { Principal } from './auth.ts';
import { ProblemError, validationError } from './problem.ts';

export const KEEP_MS = 24 * 3600 * 1000;
export const PURGE_AFTER_MS = 48 * 3600 * 1000;

export interface IdemHandle {
  scope: string;
  method: string;
  path: string;
  key: string;
  requestHash: string;
  /** The in-flight marker (process-local). */
  flightKey: string;
}

export type IdemMode = 'required' | 'optional' | 'none';

/** What the `key` column holds: sha256 of the client's key. */
export function storedKey(key: string): string {
  return sha256Hex(`hd-idempotency-key\0${key}`);
}

function bodyKey(h: { scope: string; key: string }): Uint8Array {
  return sha256(`hd-idempotency-body\0${h.scope}\0${h.key}`);
}

/** Encrypt a stored response body: `v1:` + base64(iv | tag | ciphertext). */
export async function sealBody(h: { scope: string; key: string }, text: string): Promise<string> {
  return 'v1:' + (await seal(bodyKey(h), text));
}

export async function openBody(h: { scope: string; key: string }, sealed: string): Promise<string> {
  if (!sealed.startsWith('v1:')) throw new Error('unsealed idempotency record');
  return unseal(bodyKey(h), sealed.slice(3));
}

export function readKey(c: Context, mode: IdemMode): string | null {
  if (mode === 'none') return null;
  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    if (mode === 'required') {
      throw validationError([{ field: 'header.Idempotency-Key', code: 'required', message: 'Send a fresh Idempotency-Key (e.g. a UUID) with this request.' }]);
    }
    return null;
  }
  if (!/^[\x21-\x7E]{1,255}$/.test(key)) {
    throw validationError([{ field: 'header.Idempotency-Key', code: 'invalid_format', message: 'The key must be 1–255 printable ASCII characters.' }]);
  }
  return key;
}

/**
 * Look the key up: a stored response to replay, a 422/409 to throw, or a handle to run the
 * write with (the caller must `finish` it).
 */
export async function beginIdempotent(
  c: Context<Env>,
  who: Principal | null,
  key: string,
  bodyText: string,
): Promise<IdemHandle | Response> {
  const deps = c.get('deps');
  const scope = who ? who.tokenHash : 'anonymous';
  const method = c.req.method;
  const path = c.req.path;
  const requestHash = sha256Hex(bodyText);
  const row = await deps.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('method', '=', method)
    .where('path', '=', path)
    .where('key', '=', storedKey(key))
    .executeTakeFirst();
  if (row) {
    if (row.request_hash !== requestHash) {
      throw new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used with a different request body.');
    }
    const headers = new Headers(JSON.parse(row.headers) as Record<string, string>);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    headers.set('Idempotent-Replayed', 'true');
    return new Response(await openBody({ scope, key }, row.body), { status: row.status, headers });
  }
  const flightKey = JSON.stringify([scope, method, path, key]);
  const other = deps.inFlight.get(flightKey);
  if (other !== undefined) {
    if (other !== requestHash) throw new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used with a different request body.');
    throw new ProblemError('idempotency-key-in-flight', 'A request with this Idempotency-Key is still being processed; retry shortly.', {
      headers: { 'Retry-After': '1' },
    });
  }
  deps.inFlight.set(flightKey, requestHash);
  return { scope, method, path, key, requestHash, flightKey };
}

export function endIdempotent(c: Context<Env>, h: IdemHandle): void {
  c.get('deps').inFlight.delete(h.flightKey);
}

/** Store the first response, inside the write's transaction. */
export async function storeIdempotent(
  trx: Transaction<DB>,
  h: IdemHandle,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  now: Date,
): Promise<void> {
  try {
    await trx
      .insertInto('idempotency_keys')
      .values({
        scope: h.scope,
        method: h.method,
        path: h.path,
        key: storedKey(h.key),
        request_hash: h.requestHash,
        status,
        body: await sealBody(h, JSON.stringify(body)),
        headers: JSON.stringify(headers),
        created_at: now.toISOString(),
      })
      .execute();
  } catch (err) {
    if (String((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) {
      throw new ProblemError('idempotency-key-in-flight', 'A request with this Idempotency-Key was just processed; retry to get its response.', {
        headers: { 'Retry-After': '1' },
      });
    }
    throw err;
  }
}

/** Forget keys older than 48 hours (they are kept for at least 24). */
export async function purgeIdempotencyKeys(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - PURGE_AFTER_MS).toISOString()).execute();
}
