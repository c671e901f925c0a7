/** Static files for the demo pages and built bundles, with no way out of their folders. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

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

/** For every response that is not one of our pages. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Serve `rel` (URL path below the mount) from `dir`, or null when there is no such file. */
export async function serveFile(dir: string, rel: string): Promise<Response | null> {
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
    const body = await readFile(path);
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const headers = new Headers({ 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (type.startsWith('text/html')) headers.set('Content-Security-Policy', HTML_CSP);
    return new Response(body, { status: 200, headers });
  } catch {
    return null;
  }
}
