import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenKind } from '../db/schema.ts';

const PREFIX: Record<TokenKind, string> = {
  admin: 'hda_',
  staff: 'hds_',
  facilitator: 'hdf_',
  participant: 'hdp_',
  cancel: 'hdc_',
  join: 'hdj_',
};

/** A fresh bearer token: kind prefix + 32 random bytes (256 bits) in base64url. */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** The only form in which tokens are stored: sha256 hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ba.length === bb.length && ba.length > 0 && timingSafeEqual(ba, bb);
}

/** A random url-safe id (for rows): 16 random bytes → 22 chars. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
