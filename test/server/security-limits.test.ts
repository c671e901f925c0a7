/**
 * Limits a hostile client meets at the edge: a body is counted as it streams (a chunked upload
 * with no length is cut off at the limit, the connection closed, memory untouched), and JSON
 * nested deeper than a small limit is refused before anything walks it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { Socket } from 'node:net';
import fc from 'fast-check';
import { createForum, forumInput, goLive, registration, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';
import { jsonDepthExceeds, MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../server/http/validate.ts';

const MiB = 1024 * 1024;

interface Upload {
  /** Bytes of body the client got onto the socket before the answer came. */
  sentBeforeAnswer: number;
  /** Bytes of body the client sent in all (until the server closed the connection). */
  sent: number;
  response: string;
  /** The server ended the connection (FIN or reset) rather than the client. */
  closedByServer: boolean;
}

/** POST `total` bytes of JSON white space, chunked, with no Content-Length; stops when the server answers and closes. */
function chunkedUpload(url: URL, total: number, headers: Record<string, string> = {}): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    let sent = 0;
    let sentBeforeAnswer = -1;
    let response = '';
    let closedByServer = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ sent, sentBeforeAnswer: sentBeforeAnswer < 0 ? sent : sentBeforeAnswer, response, closedByServer });
    };
    socket.on('data', (d) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
      response += d.toString('latin1');
    });
    socket.on('end', () => {
      closedByServer = true;
      finish();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') {
        closedByServer = true;
        finish();
      } else if (!done) reject(err);
    });
    socket.on('close', finish);
    const head = Object.entries({ Host: url.host, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST ${url.pathname} HTTP/1.1\r\n${head}\r\n`);
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!socket.write(frame)) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!done && sent >= total) socket.end('0\r\n\r\n');
    };
    pump();
  });
}

describe('the body limit counts bytes as they stream', () => {
  let api: Api;
  let forum: any;
  const serverSockets: Socket[] = [];
  before(async () => {
    api = await start();
    api.server.httpServer.on('connection', (s: Socket) => serverSockets.push(s));
    forum = await createForum(api);
    await goLive(api, forum.id);
  });
  after(() => api.server.close());

  test('a 200 MiB chunked upload to a public write endpoint: 413 after reading no more than the limit, connection closed, RSS grows < 20 MB', async (t) => {
    const url = new URL(`${api.server.apiBase}/forums/${forum.id}/participants`);
    // warm up (JIT, buffers) so that RSS growth is the upload's
    await chunkedUpload(url, 1 * MiB);
    serverSockets.length = 0;
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    let up: Upload;
    try {
      up = await chunkedUpload(url, 200 * MiB);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const [status, ...rest] = up.response.split('\r\n');
    assert.match(status!, /^HTTP\/1\.1 413 /, up.response.slice(0, 300));
    assert.match(rest.join('\n'), /^connection: close$/im);
    assert.match(up.response, /payload-too-large/);
    // the server answered long before the client finished, and then closed the connection
    assert.ok(up.closedByServer, 'the server closes the connection');
    assert.ok(up.sent < 200 * MiB, `the client could send all ${up.sent} bytes`);
    // what the server read: the limit plus what sat in its socket buffers when it stopped
    const read = serverSockets.reduce((n, s) => n + s.bytesRead, 0);
    assert.equal(serverSockets.length, 1);
    assert.ok(read <= MAX_BODY_BYTES + 1 * MiB, `the server read ${read} bytes`);
    const grew = (peak - rssBefore) / MiB;
    t.diagnostic(`sent ${(up.sent / MiB).toFixed(1)} MiB (${(up.sentBeforeAnswer / MiB).toFixed(1)} before the answer); server read ${(read / 1024).toFixed(0)} KiB; RSS +${grew.toFixed(1)} MB`);
    assert.ok(grew < 20, `RSS grew by ${grew.toFixed(1)} MB`);
  });

  test('a chunked body just under the limit is read whole (and then judged as JSON)', async () => {
    const url = new URL(`${api.server.apiBase}/forums/${forum.id}/participants`);
    const up = await chunkedUpload(url, MAX_BODY_BYTES - 64 * 1024);
    // only white space: "a JSON body is required", not "too large"
    assert.match(up.response.split('\r\n')[0]!, /^HTTP\/1\.1 400 /);
    assert.match(up.response, /"field":"body","code":"required"/);
  });

  test('a body the route never reads (refused before reading) is not read on either: the connection closes', async () => {
    const url = new URL(`${api.server.apiBase}/forums/${forum.id}/ideas`);
    serverSockets.length = 0;
    const up = await chunkedUpload(url, 50 * MiB); // no token: 401 before the body is touched
    assert.match(up.response.split('\r\n')[0]!, /^HTTP\/1\.1 401 /);
    assert.match(up.response, /^connection: close$/im);
    assert.ok(up.closedByServer);
    const read = serverSockets.reduce((n, s) => n + s.bytesRead, 0);
    assert.ok(read <= MAX_BODY_BYTES + 1 * MiB, `the server read ${read} bytes`);
  });

  test('a declared Content-Length over the limit is refused without reading', async () => {
    const r = await api.call('POST', `/forums/${forum.id}/participants`, { raw: ' '.repeat(MAX_BODY_BYTES + 1) });
    assertProblem(r, 413, 'payload-too-large');
  });
});

describe('deep JSON', () => {
  let api: Api;
  let forum: any;
  before(async () => {
    api = await start();
    forum = await createForum(api);
    await goLive(api, forum.id);
  });
  after(() => api.server.close());

  const join = (raw: string) => api.call('POST', `/forums/${forum.id}/participants`, { raw });
  const assertTooDeep = (r: { status: number; body: any; headers: Headers }) => {
    assertProblem(r, 400, 'validation');
    assert.deepEqual(r.body.errors.map((e: any) => [e.field, e.code]), [['body', 'too_deep']]);
    assert.match(r.body.detail, new RegExp(`${MAX_JSON_DEPTH}`));
  };

  test('10,000 deep → 400 naming the limit, never 500', async () => {
    assertTooDeep(await join('['.repeat(10_000) + ']'.repeat(10_000)));
    assertTooDeep(await join('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)));
    // inside a field the schema knows
    assertTooDeep(await join(`{"joinCode":${'['.repeat(10_000)}${']'.repeat(10_000)},"table":1}`));
  });

  test('property: any shape nested deeper than the limit is refused as too deep; at the limit it never is', async () => {
    type Shape = 'array' | 'object' | 'keyed';
    const wrap = (inner: string, shape: Shape, key: string) =>
      shape === 'array' ? `[${inner}]` : shape === 'object' ? `{"k":${inner}}` : `{${JSON.stringify(key)}:[1,${inner}],"z":"]]}}"}`;
    const nested = fc.record({
      shapes: fc.array(fc.constantFrom<Shape>('array', 'object', 'keyed'), { minLength: 1, maxLength: 40 }),
      keys: fc.array(fc.string({ maxLength: 6 }), { minLength: 40, maxLength: 40 }),
      leaf: fc.constantFrom('1', '"x"', 'null', '[]', '{}', '"[[[{{{"', '"\\"["'),
    });
    await fc.assert(
      fc.asyncProperty(nested, async ({ shapes, keys, leaf }) => {
        const text = shapes.reduce<string>((inner, shape, i) => wrap(inner, shape, keys[i]!), leaf);
        const depth = shapes.reduce((d, shape) => d + (shape === 'keyed' ? 2 : 1), 0) + (leaf === '[]' || leaf === '{}' ? 1 : 0);
        assert.equal(jsonDepthExceeds(text, MAX_JSON_DEPTH), depth > MAX_JSON_DEPTH, text.slice(0, 80));
        const r = await join(text);
        assert.ok(r.status < 500, `${r.status} for ${text.slice(0, 80)}`);
        if (depth > MAX_JSON_DEPTH) assertTooDeep(r);
        else assert.ok(!r.body.errors?.some((e: any) => e.code === 'too_deep'), JSON.stringify(r.body));
      }),
      { numRuns: 150 },
    );
  });
});

describe('writes take JSON only', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  const send = (path: string, body: string, contentType: string | null, token?: string) =>
    fetch(api.server.apiBase + path, {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID(), ...(contentType === null ? {} : { 'Content-Type': contentType }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      // bytes: fetch gives a string body "text/plain" on its own
      body: Buffer.from(body),
    }).then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as any }));

  test('a signup sent as text/plain, form data or with no Content-Type → 415 problem, nothing stored; JSON with a charset is fine', async () => {
    const forum = await createForum(api);
    await api.admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
    const body = JSON.stringify(registration(1));
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', null]) {
      const r = await send(`/forums/${forum.id}/registrations`, body, type);
      assertProblem(r, 415, 'unsupported-media-type');
    }
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 0);
    assert.equal((await send(`/forums/${forum.id}/registrations`, body, 'application/json; charset=utf-8')).status, 201);
    assert.equal((await send(`/forums/${forum.id}/registrations`, JSON.stringify(registration(2)), 'Application/JSON')).status, 201);
  });

  test('writes without a body need no Content-Type (a vote, a cancellation)', async () => {
    const forum = await createForum(api, { voteBudget: 3 });
    await goLive(api, forum.id);
    await api.admin('PUT', `/forums/${forum.id}/voting`, { open: true });
    const joined = await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 1 } });
    const idea = await api.call('POST', `/forums/${forum.id}/ideas`, { token: joined.body.token, body: { text: '버스 노선' } });
    const vote = await fetch(`${api.server.apiBase}/forums/${forum.id}/ideas/${idea.body.id}/votes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${joined.body.token}`, 'Idempotency-Key': 'vote-no-type' },
    });
    assert.equal(vote.status, 201);
  });
});

describe('cursors', () => {
  let api: Api;
  let forum: any;
  before(async () => {
    api = await start();
    forum = await createForum(api);
    await goLive(api, forum.id);
  });
  after(() => api.server.close());

  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const lists = () => [
    (cursor: string) => api.call('GET', `/forums?cursor=${encodeURIComponent(cursor)}`),
    (cursor: string) => api.call('GET', `/forums/${forum.id}/ideas?cursor=${encodeURIComponent(cursor)}`),
    (cursor: string) => api.call('GET', `/forums/${forum.id}/registrations?cursor=${encodeURIComponent(cursor)}`, { token: api.server.adminToken }),
  ];

  test('huge, fractional, negative or odd offsets → 400 naming query.cursor', async () => {
    for (const o of ['1e20', '9007199254740993', '1e308', '-1', '1.5', '"3"', 'null', '[1]', 'true', '1e9999']) {
      for (const list of lists()) {
        const r = await list(b64(`{"o":${o}}`));
        assertProblem(r, 400, 'validation');
        assert.deepEqual(r.body.errors.map((e: any) => e.field), ['query.cursor'], `o=${o}`);
      }
    }
    // a real one still works
    for (const list of lists()) assert.equal((await list(b64('{"o":0}'))).status, 200);
  });

  test('fuzz: no cursor gives a 5xx (any text, any JSON, any number as the offset)', async () => {
    const cursor = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 30 }).map(b64),
      fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v))),
      fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(String), fc.constantFrom('1e20', '-0', '1E+400', '0x10', '00')).map((o) => b64(`{"o":${o}}`)),
    );
    await fc.assert(
      fc.asyncProperty(cursor, fc.integer({ min: 0, max: 2 }), async (c, which) => {
        const r = await lists()[which]!(c);
        assert.ok(r.status === 200 || r.status === 400, `${r.status} for cursor ${JSON.stringify(c)}: ${JSON.stringify(r.body)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('dates outside 2000–2100 are refused with 400 naming the field, in bodies and queries; the years at the edges are taken', async () => {
    const admin = (method: string, path: string, body: unknown) => api.call(method, path, { token: api.server.adminToken, body });
    const far = ['9999-12-31T23:00:00-09:00', '+010000-01-01T00:00:00Z', '2101-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '0001-01-01T00:00:00Z'];
    for (const at of far) {
      const r = await admin('POST', '/forums', forumInput({ startsAt: at, endsAt: at }));
      assertProblem(r, 400, 'validation');
      assert.deepEqual(r.body.errors.map((e: any) => e.field).sort(), ['endsAt', 'startsAt'], at);
      if (/^[0-9]{4}-/.test(at)) assert.deepEqual(r.body.errors.map((e: any) => e.code), ['out_of_range', 'out_of_range']);
      const q = await api.call('GET', `/forums?from=${encodeURIComponent(at)}`);
      assertProblem(q, 400, 'validation');
      assert.deepEqual(q.body.errors.map((e: any) => e.field), ['query.from']);
    }
    const forum = await createForum(api);
    const patch = await admin('PATCH', `/forums/${forum.id}`, { signupClosesAt: '9999-12-31T23:00:00-09:00' });
    assert.deepEqual(patch.body.errors.map((e: any) => e.field), ['signupClosesAt']);
    const edges = await admin('POST', '/forums', forumInput({ startsAt: '2000-01-01T00:00:00Z', endsAt: '2100-12-31T23:59:59Z' }));
    assert.equal(edges.status, 201, JSON.stringify(edges.body));
    const ics = await fetch(`${api.server.apiBase}/forums/${edges.body.id}/calendar.ics`).then((r) => r.text());
    assert.match(ics, /DTEND:21001231T235959Z/);
  });
});

describe('absolute links come from configuration, never from Host', () => {
  /** GET with a Host header of our choosing (fetch does not let us set one). */
  const getWithHost = (url: string, host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(url, { headers: { Host: host } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
  const links = (ics: string) => {
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    return [...unfolded.matchAll(/^URL:(.*)$/gm)].map((m) => m[1]!).concat([...unfolded.matchAll(/https?:\/\/[^\\\r]+/g)].map((m) => m[0]));
  };

  test('a calendar asked for with Host: evil.example links to the configured public base and forum page', async () => {
    const api = await start({ publicUrl: 'https://forum.example.kr/' });
    try {
      const forum = await createForum(api);
      for (const path of [`/forums/${forum.id}/calendar.ics`, '/forums/calendar.ics']) {
        const r = await getWithHost(api.server.apiBase + path, 'evil.example');
        assert.equal(r.status, 200);
        assert.ok(!r.body.includes('evil.example'), r.body);
        const found = links(r.body);
        assert.ok(found.length >= 2);
        for (const link of found) assert.ok(link.startsWith('https://forum.example.kr/demo/signup.html?forum='), link);
        assert.ok(found.includes(`https://forum.example.kr/demo/signup.html?forum=${forum.id}`));
      }
    } finally {
      await api.server.close();
    }
  });

  test('with a forum-page template, the event and its description link to that page (a person can open it), not to the JSON API', async () => {
    const api = await start({ forumPageUrl: 'https://www.nyj.go.kr/forums/view?id={id}' });
    try {
      const forum = await createForum(api);
      const r = await getWithHost(`${api.server.apiBase}/forums/${forum.id}/calendar.ics`, 'evil.example');
      assert.deepEqual([...new Set(links(r.body))], [`https://www.nyj.go.kr/forums/view?id=${forum.id}`]);
      assert.ok(!r.body.includes('/api/'));
    } finally {
      await api.server.close();
    }
  });
});
