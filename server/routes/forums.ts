/** Forums: list, read, create, change, move along the life cycle, calendar files. */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Env } from '../context.ts';
import type { ForumStatus } from '../db/schema.ts';
import { requireAuth } from '../http/auth.ts';
import { ProblemError, validationError } from '../http/problem.ts';
import { checkBody, checkQuery, decodeCursor, encodeCursor, pathId } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { calendarFile } from '../ics.ts';
import { forumChanged, forumQuery, loadForumRow, toForum, toForumAdmin, type ForumRow } from '../model/forum.ts';
import { settleSeats } from '../model/registrations.ts';
import { feedQuery, forumInputSchema, forumListQuery, forumPatchSchema, statusInputSchema } from '../model/schemas.ts';
import { newId } from '../auth/tokens.ts';
import { randomCode, toUtcIso } from '../util.ts';




function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

type Filters = { status?: ForumStatus[] | undefined; district?: string | undefined; topic?: string | undefined; q?: string | undefined; from?: string | undefined; to?: string | undefined };

function filtered(db: Parameters<typeof forumQuery>[0], f: Filters) {
  let q = forumQuery(db);
  if (f.status?.length) q = q.where('forums.status', 'in', f.status);
  if (f.district) q = q.where('forums.district', '=', f.district);
  if (f.topic) {
    const pat = '%' + likeEscape(JSON.stringify(f.topic)) + '%';
    q = q.where(sql<boolean>`forums.topics like ${pat} escape '\\'`);
  }
  if (f.q) {
    const pat = '%' + likeEscape(f.q.toLowerCase()) + '%';
    q = q.where((eb) =>
      eb.or(
        ['forums.title', 'forums.summary', 'forums.venue_name', 'forums.venue_address', 'forums.topics', 'forums.district'].map(
          (col) => sql<boolean>`lower(${sql.ref(col)}) like ${pat} escape '\\'`,
        ),
      ),
    );
  }
  if (f.from) q = q.where('forums.ends_at', '>=', toUtcIso(f.from));
  if (f.to) q = q.where('forums.starts_at', '<', toUtcIso(f.to));
  return q;
}

/** Moves an admin may make (`full` and `reported` are set by the server). */
const MOVES: Record<string, readonly ForumStatus[]> = {
  open: ['announced', 'closed'],
  closed: ['open', 'full'],
  live: ['announced', 'open', 'full', 'closed'],
  finished: ['live'],
};

export const forums = new Hono<Env>();

forums.get('/forums', async (c) => {
  const deps = c.get('deps');
  const q = checkQuery(c, forumListQuery);
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 20;
  const dir = q.order ?? 'asc';
  const rows = (await filtered(deps.db, q)
    .orderBy('forums.starts_at', dir)
    .orderBy('forums.id', dir)
    .limit(limit + 1)
    .offset(offset)
    .execute()) as ForumRow[];
  const now = deps.now();
  return json(200, {
    items: rows.slice(0, limit).map((r) => toForum(r, now)),
    nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
  });
});

forums.get('/forums/calendar.ics', async (c) => {
  const deps = c.get('deps');
  const q = checkQuery(c, feedQuery);
  const rows = (await filtered(deps.db, q).orderBy('forums.starts_at').limit(1000).execute()) as ForumRow[];
  return calendarResponse(calendarFile(rows, deps.links.forumPage, deps.now(), '남양주시 현답토론회'), 'hyeondap-forums.ics');
});

forums.post('/forums', async (c) => {
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(forumInputSchema, raw) }, async (tx, input) => {
    const errors = [];
    if (new Date(input.endsAt) <= new Date(input.startsAt)) errors.push({ field: 'endsAt', code: 'invalid_value', message: 'endsAt must be after startsAt.' });
    if (input.signupOpensAt && input.signupClosesAt && new Date(input.signupClosesAt) <= new Date(input.signupOpensAt)) {
      errors.push({ field: 'signupClosesAt', code: 'invalid_value', message: 'signupClosesAt must be after signupOpensAt.' });
    }
    if (errors.length) throw validationError(errors);
    const id = input.id ?? newId();
    const exists = await tx.trx.selectFrom('forums').select('id').where('id', '=', id).executeTakeFirst();
    if (exists) throw new ProblemError('conflict', `A forum with id "${id}" already exists.`);
    const at = tx.now.toISOString();
    await tx.trx
      .insertInto('forums')
      .values({
        id,
        title: input.title,
        summary: input.summary,
        topics: JSON.stringify(input.topics ?? []),
        district: input.district,
        venue_name: input.venue.name,
        venue_address: input.venue.address,
        venue_lat: input.venue.lat ?? null,
        venue_lng: input.venue.lng ?? null,
        starts_at: toUtcIso(input.startsAt),
        ends_at: toUtcIso(input.endsAt),
        capacity: input.capacity,
        signup_opens_at: input.signupOpensAt ? toUtcIso(input.signupOpensAt) : null,
        signup_closes_at: input.signupClosesAt ? toUtcIso(input.signupClosesAt) : null,
        tables: input.tables ?? Math.min(200, Math.ceil(input.capacity / 8)),
        status: 'announced',
        vote_budget: input.voteBudget ?? 3,
        categories: JSON.stringify(input.categories ?? []),
        voting_open: 0,
        voting_closes_at: null,
        join_code: input.joinCode ?? randomCode(6),
        results_expected_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const row = await loadForumRow(tx.trx, id);
    return { status: 201, body: toForumAdmin(row, tx.now), headers: { Location: `/api/forums/${id}` } };
  });
});

forums.get('/forums/:forumId', async (c) => {
  const deps = c.get('deps');
  const row = await loadForumRow(deps.db, pathId(c, 'forumId', 'forum'));
  return json(200, toForum(row, deps.now()));
});

forums.get('/forums/:forumId/calendar.ics', async (c) => {
  const deps = c.get('deps');
  const row = await loadForumRow(deps.db, pathId(c, 'forumId', 'forum'));
  return calendarResponse(calendarFile([row], deps.links.forumPage, deps.now(), row.title), `hyeondap-${row.id}.ics`);
});

forums.patch('/forums/:forumId', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(forumPatchSchema, raw) }, async (tx, p) => {
    const cur = await loadForumRow(tx.trx, forumId);
    const startsAt = p.startsAt ? toUtcIso(p.startsAt) : cur.starts_at;
    const endsAt = p.endsAt ? toUtcIso(p.endsAt) : cur.ends_at;
    if (endsAt <= startsAt) throw validationError([{ field: p.endsAt ? 'endsAt' : 'startsAt', code: 'invalid_value', message: 'endsAt must be after startsAt.' }]);
    if (p.capacity !== undefined && p.capacity < Number(cur.registered_count ?? 0)) {
      throw new ProblemError('conflict', `Capacity cannot go below the ${cur.registered_count} confirmed registrations.`);
    }
    const set: Record<string, unknown> = {};
    if (p.title !== undefined) set.title = p.title;
    if (p.summary !== undefined) set.summary = p.summary;
    if (p.topics !== undefined) set.topics = JSON.stringify(p.topics);
    if (p.district !== undefined) set.district = p.district;
    if (p.venue !== undefined) {
      set.venue_name = p.venue.name;
      set.venue_address = p.venue.address;
      set.venue_lat = p.venue.lat ?? null;
      set.venue_lng = p.venue.lng ?? null;
    }
    set.starts_at = startsAt;
    set.ends_at = endsAt;
    if (p.capacity !== undefined) set.capacity = p.capacity;
    if (p.signupOpensAt !== undefined) set.signup_opens_at = p.signupOpensAt ? toUtcIso(p.signupOpensAt) : null;
    if (p.signupClosesAt !== undefined) set.signup_closes_at = p.signupClosesAt ? toUtcIso(p.signupClosesAt) : null;
    if (p.tables !== undefined) set.tables = p.tables;
    if (p.voteBudget !== undefined) set.vote_budget = p.voteBudget;
    if (p.categories !== undefined) set.categories = JSON.stringify(p.categories);
    await tx.trx.updateTable('forums').set(set).where('id', '=', forumId).execute();
    if (p.capacity !== undefined) await settleSeats(tx.trx, forumId, tx.now);
    const row = await forumChanged(tx, forumId);
    return { status: 200, body: toForumAdmin(row, tx.now) };
  });
});

forums.post('/forums/:forumId/status', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(statusInputSchema, raw) }, async (tx, input) => {
    const cur = await loadForumRow(tx.trx, forumId);
    const from = cur.status;
    if (!MOVES[input.status]!.includes(from)) {
      throw new ProblemError('invalid-transition', `A forum cannot move from "${from}" to "${input.status}".`);
    }
    const set: { status: ForumStatus; voting_open?: 0 } = { status: input.status };
    if (input.status === 'finished') set.voting_open = 0;
    await tx.trx.updateTable('forums').set(set).where('id', '=', forumId).execute();
    if (input.status === 'open') await settleSeats(tx.trx, forumId, tx.now); // reopened with no seats → full
    const row = await forumChanged(tx, forumId);
    return { status: 200, body: toForumAdmin(row, tx.now) };
  });
});

function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}

