/** CORS for an allow-list of embedding origins. No credentials: auth is a bearer header. */
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../context.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID';
const EXPOSE_HEADERS = 'Idempotent-Replayed, Retry-After, Location';

export function cors(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && c.get('deps').corsOrigins.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const h = new Headers({ Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' });
      if (allowed) {
        h.set('Access-Control-Allow-Origin', origin);
        h.set('Access-Control-Allow-Methods', ALLOW_METHODS);
        h.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
        h.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers: h });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
