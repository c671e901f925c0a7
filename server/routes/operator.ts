/**
 * The operator side (#16): the check-in desk (search, check-in and undo, walk-ins, join passes,
 * seats by hand), tables and seating (staff or admin); staff tokens and the audit log (admin).
 */
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { Env } from '../context.ts';
import { OPERATORS, requireAuth } from '../http/auth.ts';
import { toCsv } from '../http/csv.ts';
import { check, checkBody, checkQuery, decodeCursor, encodeCursor, pathId, type RawBody } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { allAudit, listAudit } from '../model/audit.ts';
import { checkIn, newJoinPass, searchDesk, seatByHand, undoCheckIn, walkIn } from '../model/desk.ts';
import { loadForumRow } from '../model/forum.ts';
import { auditQuery, checkInInputSchema, deskQuery, seatingInputSchema, seatInputSchema, staffInputSchema, staffListQuery, tablesInputSchema, walkInInputSchema } from '../model/schemas.ts';
import { createStaff, listStaff, revokeStaff } from '../model/staff.ts';
import { assignSeats, putTables } from '../model/tables.ts';
import { tableTallies } from './participants.ts';

export const operator = new Hono<Env>();

/** A body that may be left out (validated as `{}` then). */
const optionalBody =
  <S extends z.ZodType>(schema: S) =>
  (raw: RawBody): z.output<S> =>
    check(schema, raw.json === undefined ? {} : raw.json);

function code(c: Context<Env>): string {
  return pathId(c, 'code', 'registration');
}

// ---- tables and seating ----

operator.put('/forums/:forumId/tables', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(tablesInputSchema, raw) }, async (tx, input) => {
    await putTables(tx, await loadForumRow(tx.trx, forumId), input);
    const forum = await loadForumRow(tx.trx, forumId);
    return { status: 200, body: { items: await tableTallies(tx.trx, forumId, forum.tables) } };
  });
});

operator.post('/forums/:forumId/seating', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional', parse: optionalBody(seatingInputSchema) }, async (tx, input) => ({
    status: 200,
    body: await assignSeats(tx, await loadForumRow(tx.trx, forumId), input),
  }));
});

// ---- the check-in desk ----

operator.get('/forums/:forumId/desk', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  await requireAuth(c, OPERATORS);
  const q = checkQuery(c, deskQuery);
  const forum = await loadForumRow(deps.db, forumId);
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 20;
  const page = await searchDesk(deps.db, forum, q.q, offset, limit);
  return json(200, { items: page.items, counts: page.counts, nextCursor: page.more ? encodeCursor(offset + limit) : null });
});

operator.post('/forums/:forumId/registrations/:code/check-in', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'required', parse: optionalBody(checkInInputSchema) }, async (tx, input) => ({
    status: 200,
    body: await checkIn(tx, await loadForumRow(tx.trx, forumId), code(c), input),
  }));
});

operator.delete('/forums/:forumId/registrations/:code/check-in', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional' }, async (tx) => ({ status: 200, body: await undoCheckIn(tx, await loadForumRow(tx.trx, forumId), code(c)) }));
});

operator.post('/forums/:forumId/registrations/:code/join-pass', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional' }, async (tx) => ({ status: 201, body: await newJoinPass(tx, await loadForumRow(tx.trx, forumId), code(c)) }));
});

operator.put('/forums/:forumId/registrations/:code/table', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(seatInputSchema, raw) }, async (tx, input) => ({
    status: 200,
    body: await seatByHand(tx, await loadForumRow(tx.trx, forumId), code(c), input.table, input.pinned ?? true),
  }));
});

operator.post('/forums/:forumId/walk-ins', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, OPERATORS);
  return write(c, { who, idempotency: 'required', parse: (raw) => checkBody(walkInInputSchema, raw) }, async (tx, input) => ({
    status: 201,
    body: await walkIn(tx, await loadForumRow(tx.trx, forumId), input),
  }));
});

// ---- staff tokens (admin) ----

operator.get('/admin/staff', async (c) => {
  const deps = c.get('deps');
  await requireAuth(c, ['admin']);
  const q = checkQuery(c, staffListQuery);
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 20;
  const page = await listStaff(deps.db, offset, limit);
  return json(200, { items: page.items, nextCursor: page.more ? encodeCursor(offset + limit) : null });
});

operator.post('/admin/staff', async (c) => {
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(staffInputSchema, raw) }, async (tx, input) => {
    const created = await createStaff(tx.trx, input, tx.now);
    return { status: 201, body: created, headers: { Location: `/api/admin/staff/${created.id}` } };
  });
});

operator.delete('/admin/staff/:staffId', async (c) => {
  const staffId = pathId(c, 'staffId', 'staff member');
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional' }, async (tx) => {
    const { member, changed } = await revokeStaff(tx.trx, staffId, tx.now);
    if (!changed) tx.note('staff token was already revoked');
    return { status: 200, body: member };
  });
});

// ---- the audit log (admin; read-only: there is no route that changes it) ----

operator.get('/admin/audit-log', async (c) => {
  const deps = c.get('deps');
  await requireAuth(c, ['admin']);
  const q = checkQuery(c, auditQuery);
  const before = decodeCursor(q.cursor);
  const page = await listAudit(deps.db, { forumId: q.forumId, staffId: q.staffId }, before, q.limit ?? 20);
  return json(200, { items: page.items, nextCursor: page.next === null ? null : encodeCursor(page.next) });
});

const CSV_COLUMNS = ['at', 'actor', 'actorKind', 'staffId', 'operation', 'forumId', 'resource', 'summary', 'status', 'method', 'path'] as const;

operator.get('/admin/audit-log.csv', async (c) => {
  const deps = c.get('deps');
  await requireAuth(c, ['admin']);
  const q = checkQuery(c, auditQuery);
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for await (const e of allAudit(deps.db, { forumId: q.forumId, staffId: q.staffId })) rows.push(CSV_COLUMNS.map((k) => e[k]));
  const stamp = deps.now().toISOString().slice(0, 10);
  return new Response(toCsv(rows), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="hyeondap-audit-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
