/**
 * Tables and seating for one forum: set the tables up, and seat the checked-in participants with
 * the assignment engine (`domain/seating.ts`, pure) — this module only feeds it the forum's rows
 * and stores what it decided.
 *
 * What goes in: checked-in, not cancelled registrations with the role `participant`, in check-in
 * order (first come, first seated when seats run short); `wheelchair` among their needs means an
 * accessible table; companions share `companion_group`; a seat staff set by hand is a pin; the
 * previous seat is `seatedAt` (so `keep` moves nobody who has a valid seat). The seed is the
 * forum's id: the same people and tables give the same seating.
 */
import type { z } from 'zod';
import { assignTables, type SeatingMode, type SeatingPerson, type SeatingTable } from '../domain/seating.ts';
import { validationError, type FieldError } from '../http/problem.ts';
import type { Tx } from '../http/write.ts';
import type { ForumRow } from './forum.ts';
import { forumChanged } from './forum.ts';
import { tableSeats } from './desk.ts';
import type { tablesInputSchema } from './schemas.ts';

type TablesInput = z.output<typeof tablesInputSchema>;

/** Table ids for the engine sort like the numbers (it handles tables in id order). */
const tableId = (n: number) => `T${String(n).padStart(3, '0')}`;
const tableNumber = (id: string) => Number(id.slice(1));

/** Replace the forum's tables (numbered 1..n); seats at tables that are gone are cleared. */
export async function putTables(tx: Tx, forum: ForumRow, input: TablesInput): Promise<void> {
  const n = input.tables.length;
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  input.tables.forEach((t, i) => {
    if (seen.has(t.number)) errors.push({ field: `tables.${i}.number`, code: 'duplicate', message: `Table ${t.number} is listed twice.` });
    else if (t.number > n) errors.push({ field: `tables.${i}.number`, code: 'invalid_value', message: `Number the tables 1 to ${n} without gaps.` });
    seen.add(t.number);
  });
  if (errors.length) throw validationError(errors);
  await tx.trx.deleteFrom('forum_tables').where('forum_id', '=', forum.id).execute();
  if (n) {
    await tx.trx
      .insertInto('forum_tables')
      .values(
        input.tables.map((t) => ({
          forum_id: forum.id,
          number: t.number,
          seats: t.seats,
          topic: t.topic?.trim() || null,
          facilitator_name: t.facilitator?.trim() || null,
          accessible: t.accessible ? (1 as const) : (0 as const),
        })),
      )
      .execute();
  }
  await tx.trx.updateTable('forums').set({ tables: n }).where('id', '=', forum.id).execute();
  await tx.trx.updateTable('registrations').set({ table_number: null, table_pinned: 0 }).where('forum_id', '=', forum.id).where('table_number', '>', n).execute();
  await forumChanged(tx, forum.id);
}

export async function assignSeats(tx: Tx, forum: ForumRow, input: { mode?: SeatingMode | undefined; maxMoves?: number | undefined }) {
  const mode = input.mode ?? 'keep';
  const rows = await tx.trx
    .selectFrom('registrations')
    .selectAll()
    .where('forum_id', '=', forum.id)
    .where('checked_in_at', 'is not', null)
    .where('outcome', '<>', 'cancelled')
    .where('role', '=', 'participant')
    .orderBy('checked_in_at')
    .orderBy('seq')
    .execute();
  const layout = await tableSeats(tx.trx, forum);
  const tables: SeatingTable[] = layout.map((t) => ({ id: tableId(t.number), seats: t.seats, accessible: t.accessible, ...(t.topic ? { topic: t.topic } : {}) }));
  // The engine orders people and groups by a seeded hash of their ids: ids from the arrival order
  // in the forum (not the random row ids), so the same forum and people give the same seating.
  const personId = (seq: number) => `P${String(seq).padStart(7, '0')}`;
  const groupSeq = new Map<string, number>();
  for (const r of rows) if (r.companion_group) groupSeq.set(r.companion_group, Math.min(groupSeq.get(r.companion_group) ?? Infinity, r.seq));
  const people: SeatingPerson[] = rows.map((r) => ({
    id: personId(r.seq),
    district: r.district,
    ageGroup: r.age_group,
    needsAccessibleTable: r.accessibility !== null && (JSON.parse(r.accessibility) as string[]).includes('wheelchair'),
    companionGroup: r.companion_group ? `G${groupSeq.get(r.companion_group)}` : null,
    seatedAt: r.table_number !== null ? tableId(r.table_number) : null,
  }));
  const pins = rows.filter((r) => r.table_pinned === 1 && r.table_number !== null).map((r) => ({ personId: personId(r.seq), tableId: tableId(r.table_number!) }));
  const result = assignTables({ tables, people, pins, seed: forum.id, mode, ...(input.maxMoves !== undefined ? { maxMoves: input.maxMoves } : {}) });

  const byId = new Map(rows.map((r) => [personId(r.seq), r]));
  const seatOf = new Map(result.seats.map((s) => [s.personId, s]));
  for (const r of rows) {
    const s = seatOf.get(personId(r.seq));
    const table = s ? tableNumber(s.tableId) : null;
    const pinned = s?.pinned ? 1 : 0;
    if (table === r.table_number && pinned === r.table_pinned) continue;
    await tx.trx.updateTable('registrations').set({ table_number: table, table_pinned: pinned }).where('id', '=', r.id).execute();
    if (table !== null) await tx.trx.updateTable('participants').set({ table_number: table }).where('registration_id', '=', r.id).execute();
  }

  const code = (id: string) => byId.get(id)?.code ?? id;
  const name = (id: string) => byId.get(id)?.name ?? null;
  const body = {
    forumId: forum.id,
    mode,
    seated: result.seats.length,
    cannotBeSeated: result.unseated.length,
    shortfall: result.shortfall,
    seats: result.seats.map((s) => ({ code: code(s.personId), name: name(s.personId), table: tableNumber(s.tableId), moved: s.moved, pinned: s.pinned })),
    unseated: result.unseated.map((u) => ({ code: code(u.personId), name: name(u.personId), reason: u.reason })),
    moved: result.moved.map(code),
    ignoredPins: result.ignoredPins.map((p) => ({ code: code(p.personId), table: tableNumber(p.tableId), reason: p.reason })),
    tables: result.tables.map((t) => ({
      number: tableNumber(t.tableId),
      topic: t.topic ?? null,
      seats: t.seats,
      accessible: t.accessible,
      seated: t.seated,
      fairSeated: t.fairSeated,
      district: t.district,
      ageGroup: t.ageGroup,
    })),
    balance: result.balance,
  };
  await tx.emit(
    forum.id,
    'seating.changed',
    { mode, seated: body.seated, cannotBeSeated: body.cannotBeSeated, moved: body.moved.length, tables: body.tables.map((t) => ({ number: t.number, seated: t.seated })) },
    'staff',
  );
  return body;
}
