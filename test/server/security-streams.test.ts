/**
 * One client cannot take the server's connections: event streams are capped per client address
 * (429 + Retry-After) and in all (503 + Retry-After), a refused or closed stream gives its place
 * back, ordinary requests are answered all the while, and the HTTP server's own timeouts cut slow
 * requests without cutting long-lived streams. (The bench runs the same with 2,000 connections.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createForum, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';
import { addressKey, defaultCaps } from '../../server/live/caps.ts';

interface Opened {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

/** GET an event stream over its own socket (no pooling), resolving once the head has arrived. */
function openStream(url: string, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (opened.body += d));
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      });
      const opened: Opened = { status: res.statusCode ?? 0, headers: res.headers, body, ended, close: () => req.destroy() };
      resolve(opened);
    });
    req.on('error', reject);
  });
}

const problemOf = async (o: Opened) => {
  await o.ended;
  return { status: o.status, headers: new Headers(o.headers as Record<string, string>), body: JSON.parse(o.body) };
};

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('caps on event streams', () => {
  let api: Api;
  let forum: any;
  const opened: Opened[] = [];
  before(async () => {
    api = await start({ streams: { perAddress: 3, total: 5 }, rateLimit: { trustProxy: true } });
    forum = await createForum(api);
  });
  after(async () => {
    for (const o of opened) o.close();
    await api.server.close();
  });

  const stream = async (from: string) => {
    const o = await openStream(`${api.server.apiBase}/forums/${forum.id}/events`, { 'X-Forwarded-For': from });
    opened.push(o);
    return o;
  };

  test('past the per-address cap → 429, past the total → 503, both with Retry-After; GET /forums answers all the while; a closed stream gives its place back', async () => {
    const a = [await stream('203.0.113.1'), await stream('203.0.113.1'), await stream('203.0.113.1')];
    assert.deepEqual(a.map((o) => o.status), [200, 200, 200]);
    const tooMany = await problemOf(await stream('203.0.113.1'));
    assertProblem(tooMany, 429, 'rate-limited');
    assert.equal(tooMany.headers.get('retry-after'), String(tooMany.body.retryAfter));
    assert.ok(Number(tooMany.headers.get('retry-after')) >= 1);

    const b = [await stream('198.51.100.9'), await stream('198.51.100.9')];
    assert.deepEqual(b.map((o) => o.status), [200, 200]);
    const full = await problemOf(await stream('192.0.2.77'));
    assertProblem(full, 503, 'service-unavailable');
    assert.ok(Number(full.headers.get('retry-after')) >= 1);
    assert.equal(full.headers.get('retry-after'), String(full.body.retryAfter));

    // ordinary requests are not held up by the streams
    const list = await api.call('GET', '/forums');
    assert.equal(list.status, 200);

    // a stream that ends gives its place back (to its own address and to the total)
    a[0]!.close();
    await until(async () => {
      const o = await stream('192.0.2.77');
      if (o.status === 200) return true;
      await o.ended;
      return false;
    }, 'the closed stream to give its place back');
  });
});

describe('many connections from one address (bounded; the bench does 2,000)', () => {
  test('120 stream connections from one address with a cap of 40: 40 open, 80 refused with 429 and Retry-After, GET /forums answers throughout, and every place comes back', async () => {
    const api = await start({ streams: { perAddress: 40, total: 1000 } });
    const all: Opened[] = [];
    try {
      const forum = await createForum(api);
      const url = `${api.server.apiBase}/forums/${forum.id}/events`;
      const batches = [];
      for (let i = 0; i < 120; i += 20) {
        batches.push(...(await Promise.all(Array.from({ length: 20 }, () => openStream(url)))));
        const r = await api.call('GET', '/forums');
        assert.equal(r.status, 200);
      }
      all.push(...batches);
      const ok = all.filter((o) => o.status === 200);
      const refused = all.filter((o) => o.status !== 200);
      assert.equal(ok.length, 40);
      assert.equal(refused.length, 80);
      for (const o of refused) {
        assert.equal(o.status, 429);
        assert.ok(Number(o.headers['retry-after']) >= 1);
      }
      for (const o of ok) o.close();
      await until(async () => {
        const again = await Promise.all(Array.from({ length: 40 }, () => openStream(url)));
        all.push(...again);
        const good = again.filter((o) => o.status === 200).length;
        for (const o of again) o.close();
        return good === 40;
      }, 'all 40 places to come back');
    } finally {
      for (const o of all) o.close();
      await api.server.close();
    }
  });
});

describe('the HTTP server times out slow clients, not event streams', () => {
  let api: Api;
  before(async () => {
    api = await start({ heartbeatMs: 100, timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 50, keepAliveMs: 200 } });
  });
  after(() => api.server.close());

  /** A raw connection that sends `text` and reports what comes back and when the server closed it. */
  const rawConnection = (text: string) =>
    new Promise<{ response: string }>((resolve, reject) => {
      const u = new URL(api.server.url);
      const socket = net.connect(Number(u.port), u.hostname, () => socket.write(text));
      let response = '';
      socket.setEncoding('latin1');
      socket.on('data', (d) => (response += d));
      socket.on('close', () => resolve({ response }));
      socket.on('error', reject);
      // bounded: a server that never closes fails the test instead of hanging it
      setTimeout(() => {
        socket.destroy();
        reject(new Error(`the server kept the connection open; got ${JSON.stringify(response)}`));
      }, 10_000).unref();
    });

  test('a request head that never ends is cut off (headers timeout)', async () => {
    const r = await rawConnection('GET /api/forums HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    assert.match(r.response, /^(HTTP\/1\.1 408|$)/);
  });

  test('a body that never arrives is cut off (request timeout)', async () => {
    const forum = await createForum(api);
    // joining needs no token: the server reads the body, which never comes
    const r = await rawConnection(`POST /api/forums/${forum.id}/participants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    assert.match(r.response, /^(HTTP\/1\.1 408|$)/);
  });

  test('an event stream outlives the request timeout many times over: heartbeats keep coming', async () => {
    const forum = await createForum(api);
    const o = await openStream(`${api.server.apiBase}/forums/${forum.id}/events`);
    try {
      assert.equal(o.status, 200);
      let ended = false;
      void o.ended.then(() => (ended = true));
      await new Promise((r) => setTimeout(r, 3 * 600 + 300));
      const pings = o.body.split(': ping').length - 1;
      await until(() => o.body.split(': ping').length - 1 > pings, 'another heartbeat');
      assert.equal(ended, false);
    } finally {
      o.close();
    }
  });
});

describe('defaults', () => {
  test('stream and connection caps sit below the open-file limit; IPv6 clients count by /64', () => {
    for (const fd of [256, 1024, 20_000, 1_048_576]) {
      const caps = defaultCaps(fd);
      assert.ok(caps.streams < caps.connections, `${fd}: ${JSON.stringify(caps)}`);
      if (fd >= 1024) assert.ok(caps.connections < fd, `${fd}: ${JSON.stringify(caps)}`);
      assert.ok(caps.streams <= 10_000);
    }
    assert.equal(addressKey('::ffff:203.0.113.5'), '203.0.113.5');
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    assert.notEqual(addressKey('2001:db8:1:2::1'), addressKey('2001:db8:1:3::1'));
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
  });
});
