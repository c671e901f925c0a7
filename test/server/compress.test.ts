/**
 * Text answers go out brotli- or gzip-compressed by `Accept-Encoding` — pages, scripts, JSON,
 * problems, calendars, the contract — with `Vary: Accept-Encoding`; small answers and the event
 * stream go out as they are, and the CDN files' precompressed twins are not compressed twice.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createForum, goLive, join as joinForum, postIdea, start, type Api } from './helpers.ts';
import { COMPRESS_MIN_BYTES } from '../../server/http/compress.ts';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/** A request without any automatic decoding (fetch would undo the encoding); stops after `maxMs` for streams. */
function get(url: string, headers: Record<string, string> = {}, maxMs = 0, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) });
      res.on('end', done);
      if (maxMs) setTimeout(() => {
        req.destroy();
        done();
      }, maxMs);
    });
    req.on('error', (e) => (maxMs ? undefined : reject(e)));
    req.end(body);
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.bytes) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.bytes) : r.bytes;

describe('compression of text answers', () => {
  let api: Api;
  let root: string;
  let forum: any;
  const script = Buffer.from(`export const words = '${'현답토론회 '.repeat(400)}';\n`);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'hd-compress-'));
    mkdirSync(join(root, 'demo'));
    mkdirSync(join(root, 'dist', 'cdn'), { recursive: true });
    writeFileSync(join(root, 'demo', 'index.html'), `<!doctype html><title>t</title>${'<p>남양주시 현답토론회</p>\n'.repeat(200)}`);
    writeFileSync(join(root, 'demo', 'small.js'), 'export {};\n');
    writeFileSync(join(root, 'dist', 'cdn', 'a.js'), script);
    writeFileSync(join(root, 'dist', 'cdn', 'a.js.br'), brotliCompressSync(script));
    api = await start({ staticRoot: root });
    for (let i = 0; i < 4; i++) await createForum(api, { title: `달력에 실릴 토론회 ${i}` });
    forum = await createForum(api);
    await goLive(api, forum.id);
    const p = await joinForum(api, forum, 1);
    for (let i = 0; i < 40; i++) await postIdea(api, forum.id, p.token, `버스 노선과 배차 간격을 다시 살펴 주세요 (${i})`);
  });
  after(async () => {
    await api.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('JSON, pages, the contract and calendars: brotli when accepted, else gzip, else as they are; each decodes to the same bytes; Vary always', async () => {
    const paths = [`/api/forums/${forum.id}/ideas?limit=1000`, '/', '/api/openapi.yaml', '/api/forums/calendar.ics'];
    for (const path of paths) {
      const plain = await get(api.server.url + path);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      assert.match(String(plain.headers.vary), /Accept-Encoding/, path);
      assert.ok(plain.bytes.length >= COMPRESS_MIN_BYTES, `${path}: ${plain.bytes.length} bytes`);
      for (const [accept, expected] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.5', 'gzip'], ['identity', undefined]] as const) {
        const r = await get(api.server.url + path, { 'Accept-Encoding': accept });
        assert.equal(r.status, plain.status, path);
        assert.equal(r.headers['content-encoding'], expected, `${path} with ${accept}`);
        assert.match(String(r.headers.vary), /Accept-Encoding/);
        // (a calendar is stamped with the time it was made: DTSTAMP may differ by a second)
        const stampless = (b: Buffer) => b.toString('utf8').replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP');
        assert.equal(stampless(decode(r)), stampless(plain.bytes), `${path} with ${accept}`);
        if (expected) assert.ok(r.bytes.length < plain.bytes.length / 2, `${path}: ${r.bytes.length} of ${plain.bytes.length}`);
      }
    }
  });

  test('problems are compressed too when they are large; small answers go out as they are', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, i]));
    const big = await get(`${api.server.apiBase}/forums/${forum.id}/participants`, { 'Accept-Encoding': 'br', 'Content-Type': 'application/json' }, 0, 'POST', JSON.stringify({ joinCode: forum.joinCode, table: 1, ...unknown }));
    assert.equal(big.status, 400);
    assert.match(String(big.headers['content-type']), /problem\+json/);
    assert.equal(big.headers['content-encoding'], 'br');
    const small = await get(`${api.server.url}/demo/small.js`, { 'Accept-Encoding': 'br' });
    assert.equal(small.headers['content-encoding'], undefined);
    assert.match(String(small.headers.vary), /Accept-Encoding/);
    const one = await get(`${api.server.apiBase}/forums/nope`, { 'Accept-Encoding': 'br' });
    assert.equal(one.headers['content-encoding'], undefined);
  });

  test('the event stream is never compressed (events would wait in the compressor)', async () => {
    const r = await get(`${api.server.apiBase}/forums/${forum.id}/events?lastEventId=0`, { 'Accept-Encoding': 'br, gzip' }, 500);
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.match(r.bytes.toString('utf8'), /event: idea\.created/);
  });

  test('a CDN file with a precompressed twin is sent as the twin, not compressed again', async () => {
    const r = await get(`${api.server.url}/dist/cdn/a.js`, { 'Accept-Encoding': 'br' });
    assert.equal(r.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(r.bytes), script);
  });
});
