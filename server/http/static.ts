/**
 * Static files for the demo pages and built bundles, with no way out of their folders, and the
 * contract itself. Node only (they come from disk): start.ts adds them to the app.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { Env } from '../context.ts';
import { ProblemError, problemResponse } from './problem.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ics': 'text/calendar; charset=utf-8',
};

export const HTML_CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

/** What the request says about caches and encodings (its `If-None-Match` and `Accept-Encoding`). */
export interface ServeOptions {
  acceptEncoding?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/** Precompressed twins the build writes beside a file (`scripts/build.mjs`), best first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

/** Whether `Accept-Encoding` allows an encoding (a `q=0` refuses it). */
export function accepts(header: string, encoding: string): boolean {
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name !== encoding && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * Serve `rel` (URL path below the mount) from `dir`, or null when there is no such file. A file
 * with a precompressed twin (`.br`, `.gz`) is sent in the best encoding the browser accepts; every
 * file carries an ETag, so a browser that has it gets a 304 instead of the bytes again.
 */
export async function serveFile(dir: string, rel: string, opts: ServeOptions = {}): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(dir);
  let path = resolve(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null; // traversal
  try {
    let st = await stat(path);
    if (st.isDirectory()) {
      path = join(path, 'index.html');
      st = await stat(path);
    }
    if (!st.isFile()) return null;
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const headers = new Headers({ 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (type.startsWith('text/html')) headers.set('Content-Security-Policy', HTML_CSP);
    let file = path;
    let encoding = '';
    for (const [name, ext] of ENCODINGS) {
      const twin = await stat(path + ext).catch(() => null);
      if (!twin?.isFile()) continue;
      headers.set('Vary', 'Accept-Encoding');
      if (encoding || !accepts(opts.acceptEncoding ?? '', name)) continue;
      [file, encoding] = [path + ext, name];
    }
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${encoding ? '-' + encoding : ''}"`;
    headers.set('ETag', etag);
    if (opts.ifNoneMatch?.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
    if (encoding) headers.set('Content-Encoding', encoding);
    return new Response(await readFile(file), { status: 200, headers });
  } catch {
    return null;
  }
}

const CONTRACT_DIR = fileURLToPath(new URL('../../api/', import.meta.url));

/**
 * The reference server's files beside the API: `/api/openapi.yaml` always; with a project root,
 * the demo pages (`/`, `/demo/*`) and the built bundles (`/dist/*`).
 */
export function serveFiles(app: Hono<Env>, staticRoot: string | null): void {
  app.get('/api/openapi.yaml', async () => (await serveFile(CONTRACT_DIR, 'openapi.yaml')) ?? problemResponse(new ProblemError('not-found')));
  if (!staticRoot) return;
  const root = staticRoot;
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
