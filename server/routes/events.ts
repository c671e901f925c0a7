/** GET /forums/{id}/events — the live stream (see live/sse.ts). */
import { Hono } from 'hono';
import type { Env } from '../context.ts';
import { isOperator, principal } from '../http/auth.ts';
import { ProblemError, validationError, type FieldError } from '../http/problem.ts';
import { pathId } from '../http/validate.ts';
import { loadForumRow } from '../model/forum.ts';

export const events = new Hono<Env>();

events.get('/forums/:forumId/events', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  const header = c.req.header('last-event-id');
  const query = c.req.query('lastEventId');
  const errors: FieldError[] = [];
  const ok = (v: string | undefined) => v === undefined || /^[0-9]{1,15}$/.test(v);
  if (!ok(header)) errors.push({ field: 'header.Last-Event-ID', code: 'invalid_format', message: 'Must be an event id (digits).' });
  if (!ok(query)) errors.push({ field: 'query.lastEventId', code: 'invalid_format', message: 'Must be an event id (digits).' });
  if (errors.length) throw validationError(errors);
  await loadForumRow(deps.db, forumId);
  // without a token the stream is public; staff and admin streams also carry the staff events
  // (check-ins, seating). An unknown or revoked token is 401, another kind of token 403.
  const who = await principal(c);
  if (who && !isOperator(who)) throw new ProblemError('forbidden', 'Open the stream without a token, or with a staff or admin token.');
  const staff = isOperator(who);
  // the header wins: a reconnecting EventSource keeps its URL but sends the newer id there
  const last = header ?? query;
  return deps.sse.open(forumId, last === undefined ? null : Number(last), c.req.raw.signal, staff);
});
