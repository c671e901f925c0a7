import { hexEqual, randomBase64url, sha256Hex } from '../crypto.ts';
import type { TokenKind } from '../db/schema.ts';

const PREFIX: Record<TokenKind, string> = {
  admin: 'hda_',
  facilitator: 'hdf_',
  participant: 'hdp_',
  cancel: 'hdc_',
};

/** A fresh bearer token: kind prefix + 32 random bytes (256 bits) in base64url. */
export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBase64url(32);
}

/** The only form in which tokens are stored: sha256 hex. */
export function hashToken(token: string): string {
  return sha256Hex(token);
}

/** Constant-time comparison of two hex hashes of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  return hexEqual(a, b);
}

/** A random url-safe id (for rows): 16 random bytes → 22 chars. */
export function newId(): string {
  return randomBase64url(16);
}
