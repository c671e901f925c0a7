/**
 * Compression of text answers by `Accept-Encoding`: brotli when the client takes it, else gzip.
 * Pages, scripts, styles, JSON and problems, calendars, CSV, the contract — every text answer of
 * at least `COMPRESS_MIN_BYTES` — except the event stream (compressing it would hold events back
 * in the compressor's buffer) and what is already encoded (the CDN files' precompressed twins).
 * Every answer of a compressible type says `Vary: Accept-Encoding`, compressed or not. The work
 * runs on libuv's thread pool (async zlib), not on the event loop. Node only: start.ts wraps the
 * app's `fetch` with it (the app itself also runs in browsers, as the Storybook fake).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { accepts } from './static.ts';

/** Smaller bodies are sent as they are: the headers would cost more than the saving. */
export const COMPRESS_MIN_BYTES = 1024;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|problem\+json|javascript|yaml|xml|[a-z0-9.+-]+\+json|[a-z0-9.+-]+\+xml)|image\/svg\+xml)/i;

/** `res`, compressed for `req` when it can and should be. */
export async function compressed(req: Request, res: Response): Promise<Response> {
  const type = res.headers.get('content-type') ?? '';
  if (!COMPRESSIBLE.test(type)) return res;
  const headers = new Headers(res.headers);
  if (!headers.get('vary')?.toLowerCase().includes('accept-encoding')) headers.append('Vary', 'Accept-Encoding');
  const keep = () => new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  if (!res.body || req.method === 'HEAD' || headers.has('content-encoding') || /no-transform/i.test(headers.get('cache-control') ?? '')) return keep();
  const accept = req.headers.get('accept-encoding') ?? '';
  const encoding = accepts(accept, 'br') ? 'br' : accepts(accept, 'gzip') ? 'gzip' : null;
  if (!encoding) return keep();
  const body = new Uint8Array(await res.arrayBuffer());
  let out: Uint8Array = body;
  if (body.byteLength >= COMPRESS_MIN_BYTES) {
    // brotli quality 5: most of quality 11's gain on text at a fraction of its time (answers are made per request)
    const packed =
      encoding === 'br'
        ? await br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
        : await gz(body, { level: 6 });
    if (packed.byteLength < body.byteLength) out = packed;
  }
  headers.delete('content-length');
  if (out !== body) headers.set('Content-Encoding', encoding);
  return new Response(out as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers });
}
