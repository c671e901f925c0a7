/**
 * The Hono app: middleware, the API routes under /api, central errors. Nothing here needs Node:
 * Storybook runs this same app in the browser as its fake backend (stories/fake/). The files the
 * reference server also serves from disk (the contract, demo pages, bundles) are added by
 * start.ts (`serveFiles` in http/static.ts).
 */
import { Hono } from 'hono';
import type { Deps, Env } from './context.ts';
import { cors } from './http/cors.ts';
import { ProblemError, problemResponse } from './http/problem.ts';
import { bodyFullyRead } from './http/validate.ts';
import { admin } from './routes/admin.ts';
import { events } from './routes/events.ts';
import { forums } from './routes/forums.ts';
import { ideas } from './routes/ideas.ts';
import { participants } from './routes/participants.ts';
import { results } from './routes/results.ts';
import { signup } from './routes/signup.ts';

/** For every response that is not one of our pages. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function createApp(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    // pages carry their own CSP (static.ts); everything else (JSON, SSE, calendars) is no
    // document at all: nothing may load from it or frame it
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', API_CSP);
    // A body that was not read to its end (refused first, or cut off at the limit): close the
    // connection after the answer instead of letting Node read the rest to keep it alive.
    const length = c.req.header('content-length');
    const announced = c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
    if (announced && !bodyFullyRead.has(c.req.raw)) c.res.headers.set('Connection', 'close');
  });
  app.use('/api/*', cors());

  app.route('/api', forums);
  app.route('/api', signup);
  app.route('/api', participants);
  app.route('/api', ideas);
  app.route('/api', events);
  app.route('/api', results);
  app.route('/api', admin);

  app.notFound(() => problemResponse(new ProblemError('not-found', 'No such resource.')));
  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err);
    // never leak internals (or request data) to the client or the log
    console.error(`[hyeondap] internal error: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}`);
    return problemResponse(new ProblemError('internal', 'Something went wrong on the server.'));
  });
  return app;
}
