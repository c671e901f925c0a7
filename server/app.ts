/** The Hono app: middleware, the API routes under /api, static files, central errors. */
import { Hono } from 'hono';
import { fileURLToPath } from 'node:url';
import type { Deps, Env } from './context.ts';
import { compress } from './http/compress.ts';
import { cors } from './http/cors.ts';
import { ProblemError, problemResponse } from './http/problem.ts';
import { API_CSP, serveFile } from './http/static.ts';
import { bodyFullyRead } from './http/validate.ts';
import { admin } from './routes/admin.ts';
import { events } from './routes/events.ts';
import { forums } from './routes/forums.ts';
import { ideas } from './routes/ideas.ts';
import { participants } from './routes/participants.ts';
import { results } from './routes/results.ts';
import { signup } from './routes/signup.ts';

const CONTRACT_DIR = fileURLToPath(new URL('../api/', import.meta.url));

export function createApp(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();

  // outermost: it compresses the answer the other middleware and the route made
  app.use('*', compress());
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

  app.get('/api/openapi.yaml', async () => (await serveFile(CONTRACT_DIR, 'openapi.yaml')) ?? problemResponse(new ProblemError('not-found')));
  app.route('/api', forums);
  app.route('/api', signup);
  app.route('/api', participants);
  app.route('/api', ideas);
  app.route('/api', events);
  app.route('/api', results);
  app.route('/api', admin);

  if (deps.staticRoot) {
    const root = deps.staticRoot;
    const opts = (c: { req: { header: (name: string) => string | undefined } }) => ({
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
    });
    app.get('/', async (c) => (await serveFile(`${root}/demo`, 'index.html', opts(c))) ?? c.notFound());
    app.get('/favicon.ico', async (c) => (await serveFile(`${root}/demo`, 'favicon.ico', opts(c))) ?? c.body(null, 204));
    app.get('/demo/*', async (c) => (await serveFile(`${root}/demo`, c.req.path.slice('/demo/'.length), opts(c))) ?? c.notFound());
    // The widgets' files are public and sent without credentials: any site may load them as
    // module scripts (which browsers fetch in CORS mode), e.g. a partner site on its own domain.
    app.get('/dist/*', async (c) => {
      // the CDN files are sent brotli- or gzip-compressed (the build writes both beside each file)
      const res = await serveFile(`${root}/dist`, c.req.path.slice('/dist/'.length), opts(c));
      if (!res) return c.notFound();
      res.headers.set('Access-Control-Allow-Origin', '*');
      res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      return res;
    });
  }

  app.notFound(() => problemResponse(new ProblemError('not-found', 'No such resource.')));
  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err);
    // never leak internals (or request data) to the client or the log
    console.error(`[hyeondap] internal error: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}`);
    return problemResponse(new ProblemError('internal', 'Something went wrong on the server.'));
  });
  return app;
}
