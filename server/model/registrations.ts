/** Seats and the waitlist: the only place that decides who is confirmed. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Q = Kysely<DB>;

export async function seatCounts(db: Q, forumId: string): Promise<{ confirmed: number; waitlisted: number }> {
  const rows = await db
    .selectFrom('registrations')
    .select(['outcome', (eb) => eb.fn.countAll().as('n')])
    .where('forum_id', '=', forumId)
    .where('outcome', 'in', ['confirmed', 'waitlisted'])
    .groupBy('outcome')
    .execute();
  const get = (o: string) => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
  return { confirmed: get('confirmed'), waitlisted: get('waitlisted') };
}

/**
 * Promote waitlisted registrations (in arrival order) while seats are free, then set the
 * forum's status between `open` and `full` to match. Call inside the write's transaction.
 * Returns true when anything changed.
 */
export async function settleSeats(db: Q, forumId: string, now: Date): Promise<boolean> {
  const forum = await db.selectFrom('forums').select(['capacity', 'status']).where('id', '=', forumId).executeTakeFirstOrThrow();
  let { confirmed, waitlisted } = await seatCounts(db, forumId);
  let changed = false;
  const free = forum.capacity - confirmed;
  if (free > 0 && waitlisted > 0) {
    const promote = await db
      .selectFrom('registrations')
      .select('id')
      .where('forum_id', '=', forumId)
      .where('outcome', '=', 'waitlisted')
      .orderBy('seq')
      .limit(free)
      .execute();
    if (promote.length) {
      await db
        .updateTable('registrations')
        .set({ outcome: 'confirmed', promoted_at: now.toISOString() })
        .where('id', 'in', promote.map((p) => p.id))
        .execute();
      confirmed += promote.length;
      waitlisted -= promote.length;
      changed = true;
    }
  }
  let status = forum.status;
  if (status === 'open' && confirmed >= forum.capacity) status = 'full';
  else if (status === 'full' && confirmed < forum.capacity && waitlisted === 0) status = 'open';
  if (status !== forum.status) {
    await db.updateTable('forums').set({ status }).where('id', '=', forumId).execute();
    changed = true;
  }
  return changed;
}

/** 1-based place on the waitlist (arrival order), null unless waitlisted. */
export async function waitlistPosition(db: Q, forumId: string, seq: number, outcome: string): Promise<number | null> {
  if (outcome !== 'waitlisted') return null;
  const r = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('forum_id', '=', forumId)
    .where('outcome', '=', 'waitlisted')
    .where('seq', '<=', seq)
    .executeTakeFirst();
  return Number(r?.n ?? 1);
}
