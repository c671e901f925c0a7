/** Bearer tokens: who is calling, and may they do this to this forum? */
import type { Context } from 'hono';
import type { TokenKind } from '../db/schema.ts';
import type { Env } from '../context.ts';
import { hashToken, hashesEqual } from '../auth/tokens.ts';
import { ProblemError } from './problem.ts';

export interface Principal {
  kind: TokenKind;
  /** null for admin and staff (they work on every forum). */
  forumId: string | null;
  /** staff/facilitator/participant/registration id; null for admin. */
  subjectId: string | null;
  tokenHash: string;
}

/**
 * The city's operators: the installation's admin token and named staff tokens. Staff may do what
 * running forums needs; what stays with the admin (staff tokens, the audit log, personal data in
 * full) asks for `['admin']` alone.
 */
export const OPERATORS = ['admin', 'staff'] as const satisfies readonly TokenKind[];

/** Admin and staff tokens are not bound to a forum. */
export function isOperator(p: Principal | null): boolean {
  return p !== null && (p.kind === 'admin' || p.kind === 'staff');
}

function bearer(c: Context): string | null {
  const h = c.req.header('authorization');
  if (!h) return null;
  const m = /^Bearer\s+([\x21-\x7E]{8,512})\s*$/i.exec(h);
  if (!m) throw new ProblemError('unauthorized', 'Use "Authorization: Bearer <token>".', { headers: { 'WWW-Authenticate': 'Bearer' } });
  return m[1]!;
}

/** The caller, or null without an Authorization header. An unknown or revoked token is 401. */
export async function principal(c: Context<Env>): Promise<Principal | null> {
  const token = bearer(c);
  if (token === null) return null;
  const deps = c.get('deps');
  const hash = hashToken(token);
  if (hashesEqual(hash, deps.adminTokenHash)) return { kind: 'admin', forumId: null, subjectId: null, tokenHash: hash };
  const row = await deps.db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
  if (!row) {
    const revoked = await deps.db.selectFrom('staff').select('id').where('token_hash', '=', hash).where('revoked_at', 'is not', null).executeTakeFirst();
    if (revoked) throw new ProblemError('unauthorized', 'This staff token was revoked.', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    throw new ProblemError('unauthorized', 'The token is not known.', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
  return { kind: row.kind, forumId: row.forum_id, subjectId: row.subject_id, tokenHash: hash };
}

/**
 * Require a token of one of `kinds`; for forum-bound kinds, bound to `forumId` when given.
 * 401 without a token, 403 for the wrong kind or another forum.
 */
export async function requireAuth(c: Context<Env>, kinds: readonly TokenKind[], forumId?: string): Promise<Principal> {
  const p = await principal(c);
  if (!p) throw new ProblemError('unauthorized', 'This needs a bearer token.', { headers: { 'WWW-Authenticate': 'Bearer' } });
  if (!kinds.includes(p.kind)) throw new ProblemError('forbidden', `This needs a ${kinds.join(' or ')} token.`);
  if (forumId !== undefined && !isOperator(p) && p.forumId !== forumId) {
    throw new ProblemError('forbidden', 'The token is for another forum.');
  }
  return p;
}
