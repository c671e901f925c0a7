/**
 * Abuse: write rate limits per IP and per token (429 + Retry-After, nothing written),
 * X-Forwarded-For trusted only when configured, the signup form's honeypot, and one
 * registration per contact — even when the duplicates arrive all at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, goLive, join, openSignup, register, registration, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';
import { forwardedClient } from '../../server/http/ratelimit.ts';

function assert429(r: { status: number; body: any; headers: Headers }) {
  assertProblem(r, 429, 'rate-limited');
  const after = Number(r.headers.get('retry-after'));
  assert.ok(Number.isInteger(after) && after >= 1 && after <= 60, `Retry-After: ${r.headers.get('retry-after')}`);
  assert.equal(r.body.retryAfter, after);
}

describe('rate limits per token and per IP', () => {
  test('per token: one participant past the limit is refused (ideas and votes share it); another from the same IP is not', async () => {
    const api = await start({ rateLimit: { perToken: 3, perIp: 1000 } });
    try {
      const forum = await createForum(api, { voteBudget: 10 });
      await goLive(api, forum.id);
      const p1 = await join(api, forum, 1);
      const p2 = await join(api, forum, 1);
      for (let i = 0; i < 3; i++) assert.equal((await api.call('POST', `/forums/${forum.id}/ideas`, { token: p1.token, body: { text: `p1-${i}` } })).status, 201);
      assert429(await api.call('POST', `/forums/${forum.id}/ideas`, { token: p1.token, body: { text: 'p1-over' } }));
      // the other participant (same IP) still posts and votes, up to its own limit
      const idea = await api.call('POST', `/forums/${forum.id}/ideas`, { token: p2.token, body: { text: 'p2-0' } });
      assert.equal(idea.status, 201);
      await api.admin('PUT', `/forums/${forum.id}/voting`, { open: true });
      assert.equal((await api.call('POST', `/forums/${forum.id}/ideas/${idea.body.id}/votes`, { token: p2.token })).status, 201);
      assert.equal((await api.call('POST', `/forums/${forum.id}/ideas/${idea.body.id}/votes`, { token: p2.token })).status, 201);
      // the vote budget (10) is not what stops it: the limit is
      assert429(await api.call('POST', `/forums/${forum.id}/ideas/${idea.body.id}/votes`, { token: p2.token }));
      assert429(await api.call('DELETE', `/forums/${forum.id}/ideas/${idea.body.id}/votes`, { token: p2.token }));
      // nothing past the limit was written
      const ideas = await api.call('GET', `/forums/${forum.id}/ideas`);
      assert.deepEqual(ideas.body.items.map((i: any) => i.text).sort(), ['p1-0', 'p1-1', 'p1-2', 'p2-0']);
      assert.equal(ideas.body.items.find((i: any) => i.text === 'p2-0').votes, 2);
      // admin work is never limited
      for (let i = 0; i < 5; i++) assert.equal((await api.call('PATCH', `/forums/${forum.id}/ideas/${idea.body.id}`, { token: api.server.adminToken, body: { pinned: i % 2 === 0 } })).status, 200);
    } finally {
      await api.server.close();
    }
  });

  test('per IP: signups from one address past the limit are refused; many tokens from one address share its limit', async () => {
    const api = await start({ rateLimit: { perToken: 100, perIp: 4 } });
    try {
      const forum = await createForum(api, { capacity: 50 });
      await openSignup(api, forum.id);
      for (let i = 0; i < 4; i++) assert.equal((await register(api, forum.id, i)).status, 201);
      assert429(await register(api, forum.id, 9));
      assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 4);
    } finally {
      await api.server.close();
    }
    const api2 = await start({ rateLimit: { perToken: 100, perIp: 5 } });
    try {
      const forum = await createForum(api2);
      await goLive(api2, forum.id);
      const a = await join(api2, forum, 1);
      const b = await join(api2, forum, 2);
      // two joins + three ideas = the address's five
      for (const [t, text] of [[a, 'a1'], [b, 'b1'], [a, 'a2']] as const) {
        assert.equal((await api2.call('POST', `/forums/${forum.id}/ideas`, { token: t.token, body: { text } })).status, 201);
      }
      assert429(await api2.call('POST', `/forums/${forum.id}/ideas`, { token: b.token, body: { text: 'b2' } }));
      assert429(await api2.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 1 } }));
      assert.equal((await api2.call('GET', `/forums/${forum.id}`)).body.ideas, 3);
    } finally {
      await api2.server.close();
    }
  });

  test('X-Forwarded-For is ignored unless the server is told it sits behind a proxy', async () => {
    const direct = await start({ rateLimit: { perToken: 0, perIp: 2 } });
    try {
      const forum = await createForum(direct, { capacity: 50 });
      await openSignup(direct, forum.id);
      const as = (i: number, ip: string) => direct.call('POST', `/forums/${forum.id}/registrations`, { body: registration(i), headers: { 'X-Forwarded-For': ip } });
      assert.equal((await as(1, '10.0.0.1')).status, 201);
      assert.equal((await as(2, '10.0.0.2')).status, 201);
      assert429(await as(3, '10.0.0.3')); // a fresh forged address does not buy a fresh bucket
    } finally {
      await direct.server.close();
    }
    const proxied = await start({ rateLimit: { perToken: 0, perIp: 2, trustProxy: true } });
    try {
      const forum = await createForum(proxied, { capacity: 50 });
      await openSignup(proxied, forum.id);
      const as = (i: number, xff: string) => proxied.call('POST', `/forums/${forum.id}/registrations`, { body: registration(i), headers: { 'X-Forwarded-For': xff } });
      // distinct clients behind the proxy each get their own bucket
      for (let i = 0; i < 6; i++) assert.equal((await as(10 + i, `203.0.113.${i}`)).status, 201);
      // the proxy appends the real client on the right; what the client wrote on the left changes nothing
      assert.equal((await as(20, '1.1.1.1, 198.51.100.7')).status, 201);
      assert.equal((await as(21, '2.2.2.2, 198.51.100.7')).status, 201);
      assert429(await as(22, '3.3.3.3, 198.51.100.7'));
    } finally {
      await proxied.server.close();
    }
    assert.equal(forwardedClient('a, b, 192.0.2.1'), '192.0.2.1');
    assert.equal(forwardedClient('192.0.2.1, <script>'), null);
    assert.equal(forwardedClient('[2001:db8::1]'), '2001:db8::1');
    assert.equal(forwardedClient(''), null);
  });
});

describe('signup abuse', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('the honeypot: a filled website field is refused and nothing is stored; an empty one is fine', async () => {
    const forum = await createForum(api);
    await openSignup(api, forum.id);
    for (const website of ['http://spam.example', 'x', ' a ']) {
      const r = await register(api, forum.id, 1, { website });
      assertProblem(r, 400, 'validation');
      assert.deepEqual(r.body.errors.map((e: any) => e.field), ['website']);
    }
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 0);
    assert.equal((await register(api, forum.id, 1, { website: '' })).status, 201);
  });

  test('one registration per contact: other spellings of it are refused, and so are duplicates sent all at once', async () => {
    const forum = await createForum(api, { capacity: 100 });
    await openSignup(api, forum.id);
    assert.equal((await register(api, forum.id, 1, { contact: { kind: 'phone', value: '010-2345-6789' } })).status, 201);
    for (const value of ['01023456789', '010 2345 6789', ' 010-2345-6789 ']) {
      assertProblem(await register(api, forum.id, 2, { contact: { kind: 'phone', value } }), 409, 'already-registered');
    }
    assert.equal((await register(api, forum.id, 3, { contact: { kind: 'email', value: 'Person@Example.COM' } })).status, 201);
    assertProblem(await register(api, forum.id, 4, { contact: { kind: 'email', value: ' person@example.com ' } }), 409, 'already-registered');
    // 20 at once, each with its own Idempotency-Key: exactly one gets in
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => register(api, forum.id, 100 + i, { contact: { kind: 'phone', value: '031-590-4321' } })));
    assert.equal(burst.filter((r) => r.status === 201).length, 1);
    for (const r of burst.filter((r) => r.status !== 201)) assertProblem(r, 409, 'already-registered');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 3);
  });
});
