/**
 * The kit against the real reference server (in-memory SQLite): it passes; and against broken
 * backends (small real proxies in front of it) it fails, naming the endpoint and the field.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer, type RunningServer } from '../../server/start.ts';
import { runConformance, type Report } from '../../conformance/runner.ts';
import { startProxy, type Proxy, type ProxyHooks } from './proxy.ts';

let server: RunningServer;

async function call(method: string, path: string, body?: unknown, token?: string): Promise<any> {
  const res = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Data for the read checks, made through the API: a live forum with ideas, a reported one, an announced one. */
async function seedThroughApi(admin: string): Promise<void> {
  const input = (title: string, district: string, days: number) => ({
    title, summary: '요약', topics: ['교통'], district,
    venue: { name: '화도읍 행정복지센터', address: '경기도 남양주시 화도읍' },
    startsAt: new Date(Date.now() + days * 86400000).toISOString(),
    endsAt: new Date(Date.now() + days * 86400000 + 7200000).toISOString(),
    capacity: 40, tables: 3, voteBudget: 3, categories: ['교통'],
  });
  const live = await call('POST', '/forums', input('마을버스 토론회', '화도읍', -1), admin);
  await call('POST', `/forums/${live.id}/status`, { status: 'live' }, admin);
  const p = await call('POST', `/forums/${live.id}/participants`, { joinCode: live.joinCode, table: 1 });
  const idea = await call('POST', `/forums/${live.id}/ideas`, { text: '배차 간격을 줄여 주세요' }, p.token);
  await call('POST', `/forums/${live.id}/ideas`, { text: '정류장에 그늘막을' }, p.token);
  const done = await call('POST', '/forums', input('공원 토론회', '다산1동', -30), admin);
  await call('POST', `/forums/${done.id}/status`, { status: 'live' }, admin);
  const q = await call('POST', `/forums/${done.id}/participants`, { joinCode: done.joinCode, table: 2 });
  const i2 = await call('POST', `/forums/${done.id}/ideas`, { text: '놀이터를 넓혀 주세요' }, q.token);
  await call('POST', `/forums/${done.id}/status`, { status: 'finished' }, admin);
  await call('PUT', `/forums/${done.id}/results`, { attended: 20, proposals: [{ title: '놀이터 확장', ideaIds: [i2.id] }] }, admin);
  const open = await call('POST', '/forums', input('도서관 토론회', '화도읍', 20), admin);
  await call('POST', `/forums/${open.id}/status`, { status: 'open' }, admin);
  await call('POST', '/forums', input('하천 토론회', '진접읍', 40), admin);
  void idea;
}

function failures(r: Report): string {
  return r.checks.filter((c) => c.status === 'fail').map((c) => `[${c.group}] ${c.name}: ${c.message}`).join('\n');
}

function messageOf(r: Report, name: RegExp): string {
  const c = r.checks.find((x) => name.test(x.name));
  assert.ok(c, `no check named ${name}`);
  assert.equal(c.status, 'fail', `${c.name} should fail, got ${c.status}: ${c.message ?? ''}`);
  return c.message!;
}

async function withProxy(hooks: ProxyHooks, fn: (p: Proxy) => Promise<void>): Promise<void> {
  const p = await startProxy(server.url, hooks);
  try {
    await fn(p);
  } finally {
    await p.close();
  }
}

before(async () => {
  server = await startServer({ port: 0, dbPath: ':memory:', seed: 'none', adminToken: `admin-${randomUUID()}` });
  await seedThroughApi(server.adminToken);
});

after(async () => {
  await server?.close();
});

describe('against the reference server', () => {
  test('every group passes with the admin token (only the --slow heartbeat check is skipped)', async () => {
    const r = await runConformance({ base: server.apiBase, adminToken: server.adminToken, origin: server.url });
    assert.equal(r.summary.fail, 0, failures(r));
    assert.ok(r.ok);
    const skipped = r.checks.filter((c) => c.status === 'skip');
    assert.deepEqual(skipped.map((c) => c.name), ['SSE: a heartbeat comment at least every 15 s']);
    for (const g of ['read', 'validation', 'auth', 'idempotency', 'capacity', 'live', 'results', 'operator']) {
      assert.ok(r.checks.some((c) => c.group === g && c.status === 'pass'), `no passing check in ${g}`);
    }
  });

  test('without the admin token it checks what it can and skips the rest with the reason', async () => {
    const r = await runConformance({ base: server.apiBase, origin: server.url });
    assert.equal(r.summary.fail, 0, failures(r));
    assert.ok(r.checks.some((c) => c.group === 'read' && c.status === 'pass'));
    assert.ok(r.checks.some((c) => c.group === 'validation' && c.status === 'pass' && c.endpoint === 'POST /forums/{forumId}/registrations'));
    assert.ok(r.checks.some((c) => c.group === 'auth' && c.status === 'pass' && c.endpoint === 'POST /forums'));
    for (const g of ['capacity', 'live', 'results', 'operator']) {
      const rs = r.checks.filter((c) => c.group === g);
      assert.ok(rs.length > 0 && rs.every((c) => c.status === 'skip' && /admin-token|--slow/.test(c.message ?? '')), `${g} must be skipped for want of the admin token`);
    }
  });
});

describe('against the reference server with its demo seed', () => {
  test('the read-only run (no admin token) passes and reads every kind of forum the demo has', async () => {
    const demo = await startServer({ port: 0, dbPath: ':memory:', seed: 'demo', adminToken: `admin-${randomUUID()}` });
    try {
      const r = await runConformance({ base: demo.apiBase, origin: demo.url });
      assert.equal(r.summary.fail, 0, failures(r));
      const read = r.checks.filter((c) => c.group === 'read');
      assert.deepEqual(read.filter((c) => c.status !== 'pass').map((c) => `${c.name}: ${c.message}`), []);
    } finally {
      await demo.close();
    }
  });
});

test('a run where every check is skipped is not a pass', async () => {
  const r = await runConformance({ base: server.apiBase, only: ['capacity'] });
  assert.equal(r.summary.pass, 0);
  assert.equal(r.summary.fail, 0);
  assert.equal(r.ok, false);
});

describe('a backend without the optional operator operations', () => {
  test('the operator checks are skipped with the reason; everything else still runs', async () => {
    const operator = /^\/api\/(admin\/(staff|audit-log)|forums\/[^/]+\/(desk|walk-ins|seating|registrations\/[^/]+\/))/;
    await withProxy({ refuse: (method, path) => (operator.test(path) || (method === 'PUT' && path.endsWith('/tables')) ? 404 : null) }, async (p) => {
      const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['operator', 'capacity'] });
      assert.equal(r.summary.fail, 0, failures(r));
      const ops = r.checks.filter((c) => c.group === 'operator');
      assert.ok(ops.length >= 9, 'ops.length >= 9');
      for (const c of ops) assert.equal(c.message, 'the backend does not offer the optional operator operations (POST /admin/staff answered 404)', c.name);
      assert.ok(ops.every((c) => c.status === 'skip'), 'ops.every((c) => c.status === \'skip\')');
      assert.ok(r.checks.some((c) => c.group === 'capacity' && c.status === 'pass'), 'r.checks.some((c) => c.group === \'capacity\' && c.status === \'pass\')');
      assert.ok(r.ok, 'r.ok');
    });
  });
});

describe('against broken backends', () => {
  test('check-ins leaked to the public event stream', async () => {
    await withProxy(
      {
        request(method, path, h) {
          // a backend that treats every stream as a staff stream
          if (method === 'GET' && path.endsWith('/events') && !h.authorization) h.authorization = `Bearer ${server.adminToken}`;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['operator'] });
        assert.match(messageOf(r, /^a check-in arrives on a staff stream/), /^GET \/forums\/\{forumId\}\/events → checkin\.changed: the public stream must not carry check-ins \(names\)/);
      },
    );
  });

  test('a second check-in that checks in again (no alreadyCheckedIn)', async () => {
    await withProxy(
      {
        json(x, body) {
          if (x.method === 'POST' && x.path.endsWith('/check-in') && x.status === 200) (body as { alreadyCheckedIn: boolean }).alreadyCheckedIn = false;
          return body;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['operator'] });
        assert.match(messageOf(r, /^check-in by code/), /^POST \/forums\/\{forumId\}\/registrations\/\{code\}\/check-in → alreadyCheckedIn: a second check-in \(another key\) must say it was already checked in/);
      },
    );
  });

  test('a field of the wrong type: capacity as a string in GET /forums', async () => {
    await withProxy(
      {
        json(x, body) {
          if (x.method === 'GET' && x.path === '/api/forums' && x.status === 200) {
            for (const f of (body as { items: { capacity: unknown }[] }).items) f.capacity = String(f.capacity);
          }
          return body;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, only: ['read'] });
        assert.equal(r.ok, false);
        assert.match(messageOf(r, /^lists forums/), /^GET \/forums → items\[0\]\.capacity: must be integer \(got string "40"\)/);
      },
    );
  });

  test('Idempotency-Key ignored: every request gets a fresh key, so repeats register twice', async () => {
    await withProxy(
      {
        request(_m, _p, h) {
          if (h['idempotency-key']) h['idempotency-key'] = randomUUID();
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['idempotency'] });
        assert.match(messageOf(r, /^same key \+ same body/), /^POST \/forums\/\{forumId\}\/registrations → status: a repeat with the same Idempotency-Key and body must get the first response again \(201\), got 409 \(type \S+already-registered/);
        assert.match(messageOf(r, /^same key \+ another body/), /^POST \/forums\/\{forumId\}\/registrations → status: expected 422, got 201/);
        assert.match(messageOf(r, /^an idea posted twice/), /^POST \/forums\/\{forumId\}\/ideas → id: the repeat must return idea /);
      },
    );
  });

  test('a replay without the Idempotent-Replayed header', async () => {
    await withProxy(
      {
        response(_x, r) {
          delete r.headers['idempotent-replayed'];
          return r;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['idempotency'] });
        assert.match(messageOf(r, /^same key \+ same body/), /^POST \/forums\/\{forumId\}\/registrations → Idempotent-Replayed: must be "true" on the repeat \(got null\)/);
      },
    );
  });

  test('SSE without id: lines', async () => {
    await withProxy({ sseLine: (line) => (line.startsWith('id:') ? null : line) }, async (p) => {
      const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['live'] });
      assert.match(messageOf(r, /^SSE: text\/event-stream/), /^GET \/forums\/\{forumId\}\/events → event \d+ \(idea\.created\): has no id: line/);
      assert.match(messageOf(r, /^SSE: reconnecting/), /^GET \/forums\/\{forumId\}\/events → event \d+ \(idea\.created\): has no id: line/);
    });
  });

  test('errors as text/html', async () => {
    await withProxy(
      {
        response(x, r) {
          if (x.status < 400) return r;
          return { headers: { ...r.headers, 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('<h1>Error</h1>') };
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, only: ['read', 'validation'] });
        assert.match(messageOf(r, /^a missing forum is 404/), /^GET \/forums\/\{forumId\} \(404\) → content-type: must be application\/problem\+json \(got "text\/html; charset=utf-8"\)/);
        assert.match(messageOf(r, /^bad query limit=0/), /^GET \/forums \(400\) → content-type: must be application\/problem\+json/);
      },
    );
  });

  test('validation errors without errors[]', async () => {
    await withProxy(
      {
        json(x, body) {
          if (x.status === 400) delete (body as { errors?: unknown }).errors;
          return body;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, only: ['validation'] });
        assert.equal(messageOf(r, /^registration: name as a number/), 'POST /forums/{forumId}/registrations → errors[].field: must name "name" (got no errors[])');
        assert.equal(messageOf(r, /^bad query limit=0/), 'GET /forums → errors[].field: must name "query.limit" (got no errors[])');
      },
    );
  });

  test('overbooking: every signup reported as confirmed', async () => {
    await withProxy(
      {
        json(x, body) {
          if (x.method === 'POST' && x.path.endsWith('/registrations') && x.status === 201) Object.assign(body as object, { outcome: 'confirmed', waitlistPosition: null });
          return body;
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, adminToken: server.adminToken, only: ['capacity'] });
        assert.equal(messageOf(r, /^10 concurrent signups/), 'POST /forums/{forumId}/registrations → outcome: exactly 3 of 10 must be confirmed for 3 seats (got 10 confirmed, 0 waitlisted)');
      },
    );
  });

  test('CORS open to every origin', async () => {
    await withProxy(
      {
        response(_x, r) {
          return { ...r, headers: { ...r.headers, 'access-control-allow-origin': '*' } };
        },
      },
      async (p) => {
        const r = await runConformance({ base: p.apiBase, only: ['auth'] });
        assert.equal(messageOf(r, /^CORS: an origin not on the allow-list/), 'OPTIONS /forums → Access-Control-Allow-Origin: must be absent for https://evil.example (got "*")');
      },
    );
  });

  test('a backend that never answers fails every check within its time bound', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const hang: Server = createServer(() => {});
    hang.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/api`;
      const r = await runConformance({ base, only: ['read'], timeoutMs: 200 });
      assert.equal(r.ok, false);
      assert.ok(r.checks.length > 0);
      for (const c of r.checks) {
        assert.equal(c.status, 'fail', c.name);
        assert.match(c.message!, /^GET \/forums\S* → (no response within 200 ms|timed out after 200 ms)/);
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => hang.close(r));
    }
  });
});
