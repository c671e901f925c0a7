/**
 * Named, revocable staff tokens. The admin token belongs to the installation; the people who run
 * forums each get their own staff token, so the audit log can say who did what and one person's
 * access can end without changing anyone else's.
 *
 * Stored like every token: only its sha256, in `tokens` (kind `staff`, no forum) while valid and
 * in `staff.token_hash` for good. Revoking deletes the `tokens` row (the token stops working at
 * once) and stamps `revoked_at` (so the refusal can say "revoked", not "unknown").
 * Used by the routes (routes/operator.ts) and by the command line (server/staff-cli.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, StaffTable } from '../db/schema.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { ProblemError } from '../http/problem.ts';

type Q = Kysely<DB>;

export function toStaffMember(r: Selectable<StaffTable>) {
  return { id: r.id, name: r.name, note: r.note, createdAt: r.created_at, revokedAt: r.revoked_at };
}

export type StaffMember = ReturnType<typeof toStaffMember>;

/** A new staff member and their token (the only time the token exists in plain text). */
export async function createStaff(db: Q, input: { name: string; note?: string | null | undefined }, now: Date): Promise<StaffMember & { token: string }> {
  const id = newId();
  const token = newToken('staff');
  const hash = hashToken(token);
  const at = now.toISOString();
  const row = { id, name: input.name.trim(), note: input.note?.trim() || null, token_hash: hash, created_at: at, revoked_at: null };
  await db.insertInto('staff').values(row).execute();
  await db.insertInto('tokens').values({ hash, kind: 'staff', forum_id: null, subject_id: id, created_at: at }).execute();
  return { ...toStaffMember(row), token };
}

/** Newest first; `offset` from the cursor. */
export async function listStaff(db: Q, offset: number, limit: number): Promise<{ items: StaffMember[]; more: boolean }> {
  const rows = await db.selectFrom('staff').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).offset(offset).execute();
  return { items: rows.slice(0, limit).map(toStaffMember), more: rows.length > limit };
}

/** Revoke (harmless when already revoked). 404 for an unknown id. */
export async function revokeStaff(db: Q, id: string, now: Date): Promise<{ member: StaffMember; changed: boolean }> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ProblemError('not-found', 'No such staff member.');
  await db.deleteFrom('tokens').where('hash', '=', row.token_hash).execute();
  if (row.revoked_at !== null) return { member: toStaffMember(row), changed: false };
  const at = now.toISOString();
  await db.updateTable('staff').set({ revoked_at: at }).where('id', '=', id).execute();
  return { member: toStaffMember({ ...row, revoked_at: at }), changed: true };
}
