/**
 * GET /forums/{id}/events — the live stream (see live/sse.ts). Public without a token; with a
 * facilitator's token for the forum (or the admin's), in the Authorization header, it carries
 * hidden ideas in full. Streams are capped per client address (429) and in all (503).
 */
import { Hono } from 'hono';
import type { Env } from '../context.ts';
import { principal } from '../http/auth.ts';
import { ProblemError, validationError, type FieldError } from '../http/problem.ts';
import { clientIp } from '../http/ratelimit.ts';
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
  const who = await principal(c);
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  await loadForumRow(deps.db, forumId);
  const release = deps.streamCaps?.take(clientIp(c, deps.trustProxy ?? false)) ?? (() => {});
  // the header wins: a reconnecting EventSource keeps its URL but sends the newer id there
  const last = header ?? query;
  try {
    return deps.sse.open(forumId, last === undefined ? null : Number(last), c.req.raw.signal, {
      audience: who && (who.kind === 'admin' || who.kind === 'facilitator') ? 'moderator' : 'public',
      onClose: release,
    });
  } catch (err) {
    release();
    throw err;
  }
});
