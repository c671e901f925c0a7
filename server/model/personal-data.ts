/**
 * Personal data (PIPA): find, export and erase one person's registrations, and anonymise every
 * registration past the retention period its consent states.
 *
 * Erasing removes what identifies a person — name, contact, answers, accessibility needs and
 * note, the guardian — and the cancel token. What stays is what the published results count:
 * the forum, district, age group, role, outcome and the consent record (booleans and a
 * version). Alone it names no one (PIPA art. 58-2: anonymised information).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, RegistrationsTable } from '../db/schema.ts';
import { CONSENTS, normalizeEmail, normalizeKoreanPhone, retentionEndsAt } from '../domain/consent.ts';
import type { Tx } from '../http/write.ts';
import { forumChanged } from './forum.ts';
import { settleSeats } from './registrations.ts';

type Q = Kysely<DB> | Transaction<DB>;
type RegRow = Selectable<RegistrationsTable>;

/** How often the reference server runs the purge. */
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** The duplicate-check key of a contact, or null when it is not a phone number / e-mail. */
export function contactKey(kind: 'phone' | 'email', value: string): string | null {
  return kind === 'phone' ? normalizeKoreanPhone(value) : normalizeEmail(value);
}

/** The columns that identify a person, emptied. */
const ERASED = {
  name: null,
  contact_kind: null,
  contact_value: null,
  contact_normalized: null,
  answers: null,
  accessibility: null,
  accessibility_note: null,
  guardian: null,
} as const;

interface Match {
  row: RegRow;
  /** As the registrant or as the guardian of an under-14 registrant. */
  as: 'registrant' | 'guardian';
}

/** Every registration (any forum, any outcome, not yet erased) of this contact, or with it as guardian. */
export async function registrationsOf(db: Q, key: string): Promise<Match[]> {
  const own = await db.selectFrom('registrations').selectAll().where('contact_normalized', '=', key).where('erased_at', 'is', null).orderBy('created_at').execute();
  const out: Match[] = own.map((row) => ({ row, as: 'registrant' }));
  const guarded = await db.selectFrom('registrations').selectAll().where('guardian', 'is not', null).where('erased_at', 'is', null).orderBy('created_at').execute();
  for (const row of guarded) {
    const g = JSON.parse(row.guardian!) as { contact?: { kind?: string; value?: string } };
    const kind = g.contact?.kind === 'email' ? 'email' : 'phone';
    if (typeof g.contact?.value === 'string' && contactKey(kind, g.contact.value) === key && !out.some((m) => m.row.id === row.id)) {
      out.push({ row, as: 'guardian' });
    }
  }
  return out;
}

/** Everything stored about the person, per registration, with the consent record. */
export async function exportPersonalData(db: Q, key: string, now: Date) {
  const matches = await registrationsOf(db, key);
  const forumIds = [...new Set(matches.map((m) => m.row.forum_id))];
  const forums = forumIds.length
    ? await db.selectFrom('forums').select(['id', 'title', 'starts_at', 'ends_at']).where('id', 'in', forumIds).execute()
    : [];
  return {
    exportedAt: now.toISOString(),
    registrations: matches.map(({ row: r, as }) => {
      const f = forums.find((x) => x.id === r.forum_id)!;
      const item: Record<string, unknown> = {
        id: r.id,
        code: r.code,
        as,
        forum: { id: f.id, title: f.title, startsAt: f.starts_at, endsAt: f.ends_at },
        name: r.name,
        contact: r.contact_kind && r.contact_value ? { kind: r.contact_kind, value: r.contact_value } : null,
        district: r.district,
        ageGroup: r.age_group,
        role: r.role,
        answers: r.answers === null ? null : JSON.parse(r.answers),
        accessibility: r.accessibility === null ? null : JSON.parse(r.accessibility),
        accessibilityNote: r.accessibility_note,
        guardian: r.guardian === null ? null : JSON.parse(r.guardian),
        outcome: r.outcome,
        createdAt: r.created_at,
        cancelledAt: r.cancelled_at,
        consent: {
          version: r.consent_version,
          consents: JSON.parse(r.consents) as Record<string, boolean>,
          consentedAt: r.consented_at,
          texts: CONSENTS.filter((k) => k.id in (JSON.parse(r.consents) as Record<string, boolean>)).map((k) => ({ id: k.id, title: k.title, retention: k.retention })),
        },
        retainedUntil: retentionEndsAt(f.ends_at),
      };
      return item;
    }),
  };
}

/**
 * Erase the person's identifying data (inside a write's transaction). A registration for a
 * forum that has not taken place is cancelled first: its seat goes to the waitlist.
 */
export async function erasePersonalData(tx: Tx, key: string) {
  const matches = await registrationsOf(tx.trx, key);
  const nowIso = tx.now.toISOString();
  const cancelledIn = new Set<string>();
  let cancelled = 0;
  for (const { row } of matches) {
    if (row.outcome !== 'cancelled') {
      const forum = await tx.trx.selectFrom('forums').select('status').where('id', '=', row.forum_id).executeTakeFirstOrThrow();
      if (!['live', 'finished', 'reported'].includes(forum.status)) {
        await tx.trx.updateTable('registrations').set({ outcome: 'cancelled', cancelled_at: nowIso }).where('id', '=', row.id).execute();
        cancelledIn.add(row.forum_id);
        cancelled += 1;
      }
    }
    await tx.trx.updateTable('registrations').set({ ...ERASED, erased_at: nowIso }).where('id', '=', row.id).execute();
    await tx.trx.deleteFrom('tokens').where('kind', '=', 'cancel').where('subject_id', '=', row.id).execute();
  }
  for (const forumId of cancelledIn) {
    await settleSeats(tx.trx, forumId, tx.now);
    await forumChanged(tx, forumId);
  }
  return { erased: matches.length, cancelled, erasedAt: nowIso, registrationIds: matches.map((m) => m.row.id) };
}

/**
 * The scheduled job: anonymise every registration whose forum ended longer ago than the
 * retention period of the consent (`retentionEndsAt`). Returns how many were anonymised.
 * A plain function of the database and the clock, so tests run it with a controlled `now`.
 */
export async function purgeExpiredPersonalData(db: Kysely<DB>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('registrations')
      .innerJoin('forums', 'forums.id', 'registrations.forum_id')
      .select(['registrations.id', 'forums.ends_at'])
      .where('registrations.erased_at', 'is', null)
      .where('forums.ends_at', '<', now.toISOString())
      .execute();
    const nowIso = now.toISOString();
    const due = candidates.filter((r) => retentionEndsAt(r.ends_at) <= nowIso).map((r) => r.id);
    for (let i = 0; i < due.length; i += 500) {
      const ids = due.slice(i, i + 500);
      await trx.updateTable('registrations').set({ ...ERASED, erased_at: nowIso }).where('id', 'in', ids).execute();
      await trx.deleteFrom('tokens').where('kind', '=', 'cancel').where('subject_id', 'in', ids).execute();
    }
    return due.length;
  });
}
