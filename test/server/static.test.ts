/**
 * The reference server's static files (demo pages, the CDN bundle): a file with precompressed
 * twins (`.br`, `.gz`, written by the build) goes out in the best encoding the browser accepts,
 * byte for byte the file once decoded; a browser that already has the file gets a 304; nothing
 * outside the served folder is reachable. The same function serves `/dist/*` in `server/app.ts`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serveFile } from '../../server/http/static.ts';

describe('static files', () => {
  let dir: string;
  const js = Buffer.from(`export const greeting = '${'안녕하세요 '.repeat(200)}';\n`);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hd-static-'));
    mkdirSync(join(dir, 'cdn'));
    writeFileSync(join(dir, 'cdn', 'a.js'), js);
    writeFileSync(join(dir, 'cdn', 'a.js.gz'), gzipSync(js, { level: 9 }));
    writeFileSync(join(dir, 'cdn', 'a.js.br'), brotliCompressSync(js));
    writeFileSync(join(dir, 'cdn', 'plain.css'), ':host{display:block}');
    writeFileSync(join(dir, 'secret.txt'), 'not below cdn/');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const body = async (res: Response | null) => Buffer.from(await res!.arrayBuffer());

  test('sends brotli when the browser accepts it, else gzip, else the file itself; each decodes to the same bytes', async () => {
    const br = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'gzip, deflate, br, zstd' });
    assert.equal(br!.headers.get('content-encoding'), 'br');
    assert.equal(br!.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(br!.headers.get('vary'), 'Accept-Encoding');
    const brBytes = await body(br);
    assert.ok(brBytes.length < js.length / 5, `compressed: ${brBytes.length} of ${js.length} bytes`);
    assert.deepEqual(brotliDecompressSync(brBytes), js);

    const gz = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'gzip, deflate' });
    assert.equal(gz!.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(gunzipSync(await body(gz)), js);

    // br refused with q=0: gzip
    const noBr = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'br;q=0, gzip;q=0.5' });
    assert.equal(noBr!.headers.get('content-encoding'), 'gzip');

    const plain = await serveFile(join(dir, 'cdn'), 'a.js', {});
    assert.equal(plain!.headers.get('content-encoding'), null);
    assert.deepEqual(await body(plain), js);
    assert.equal(plain!.headers.get('vary'), 'Accept-Encoding', 'a cache keeps the encodings apart');

    // a file without twins is sent as it is, whatever the browser accepts
    const css = await serveFile(join(dir, 'cdn'), 'plain.css', { acceptEncoding: 'br, gzip' });
    assert.equal(css!.headers.get('content-encoding'), null);
    assert.equal((await body(css)).toString(), ':host{display:block}');
  });

  test('a browser that has the file (its ETag) gets 304 and no bytes; another encoding is another ETag', async () => {
    const first = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'br' });
    const etag = first!.headers.get('etag')!;
    assert.match(etag, /^W\/".+"$/);
    const again = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'br', ifNoneMatch: etag });
    assert.equal(again!.status, 304);
    assert.equal((await body(again)).length, 0);
    const gz = await serveFile(join(dir, 'cdn'), 'a.js', { acceptEncoding: 'gzip', ifNoneMatch: etag });
    assert.equal(gz!.status, 200, 'the gzip body is not the brotli one the ETag named');
    assert.notEqual(gz!.headers.get('etag'), etag);
  });

  test('nothing outside the folder, and no such file, is null (a 404)', async () => {
    assert.equal(await serveFile(join(dir, 'cdn'), '../secret.txt'), null);
    assert.equal(await serveFile(join(dir, 'cdn'), '..%2Fsecret.txt'), null);
    assert.equal(await serveFile(join(dir, 'cdn'), 'missing.js', { acceptEncoding: 'br' }), null);
  });
});
