import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, facilitator, join, liveForum, openSignup, postIdea, register, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';

describe('auth and CORS', () => {
  let api: Api;
  before(async () => {
    api = await start({ corsOrigins: ['https://www.nyj.go.kr'] });
  });
  after(() => api.server.close());

  test('no token → 401; unknown token → 401; malformed header → 401', async () => {
    assertProblem(await api.call('POST', '/forums', { body: {} }), 401, 'unauthorized');
    assertProblem(await api.call('POST', '/forums', { body: {}, token: 'hda_not-a-real-token-at-all' }), 401, 'unauthorized');
    const r = await api.call('GET', '/registrations/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    assertProblem(r, 401, 'unauthorized');
  });

  test('wrong kind → 403; a token of another forum → 403', async () => {
    const a = await liveForum(api);
    const b = await liveForum(api);
    const pa = await join(api, a, 1);
    const fa = await facilitator(api, a.id, 1);
    const idea = await postIdea(api, a.id, pa.token, '아이디어');
    assertProblem(await api.call('POST', `/forums/${a.id}/status`, { token: pa.token, body: { status: 'finished' } }), 403, 'forbidden');
    assertProblem(await api.call('PATCH', `/forums/${a.id}/ideas/${idea.id}`, { token: pa.token, body: { pinned: true } }), 403, 'forbidden');
    assertProblem(await api.call('POST', `/forums/${a.id}/ideas/${idea.id}/votes`, { token: fa.token }), 403, 'forbidden');
    assertProblem(await api.call('POST', `/forums/${b.id}/ideas`, { token: pa.token, body: { text: '다른 토론회' } }), 403, 'forbidden');
    assertProblem(await api.call('PUT', `/forums/${b.id}/voting`, { token: fa.token, body: { open: true } }), 403, 'forbidden');
    assertProblem(await api.call('GET', `/forums/${b.id}/participants/me`, { token: pa.token }), 403, 'forbidden');
    // a participant asking for hidden ideas
    assertProblem(await api.call('GET', `/forums/${a.id}/ideas?include=all`, { token: pa.token }), 403, 'forbidden');
    // a wrong join code
    assertProblem(await api.call('POST', `/forums/${a.id}/participants`, { body: { joinCode: 'WRONG1', table: 1 } }), 403, 'forbidden');
    // the join code is case-insensitive
    assert.equal((await api.call('POST', `/forums/${a.id}/participants`, { body: { joinCode: a.joinCode.toLowerCase(), table: 1 } })).status, 201);
  });

  test('a cancel token reaches only its own registration; it is useless elsewhere', async () => {
    const forum = await createForum(api);
    await openSignup(api, forum.id);
    const r = await register(api, forum.id, 1);
    const me = await api.call('GET', '/registrations/me', { token: r.body.cancelToken });
    assert.equal(me.body.id, r.body.id);
    assert.equal(me.body.name, '참가자1');
    assertProblem(await api.call('GET', `/forums/${forum.id}/registrations`, { token: r.body.cancelToken }), 403, 'forbidden');
  });

  test('CORS: allowed origins get ACAO and exposed headers; others get none; no credentials', async () => {
    const ok = await fetch(`${api.server.apiBase}/forums`, { headers: { Origin: 'https://www.nyj.go.kr' } });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.nyj.go.kr');
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
    const bad = await fetch(`${api.server.apiBase}/forums`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(bad.status, 200);
    assert.equal(bad.headers.get('access-control-allow-origin'), null);

    const pre = await fetch(`${api.server.apiBase}/forums`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://www.nyj.go.kr', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://www.nyj.go.kr');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const preBad = await fetch(`${api.server.apiBase}/forums`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(preBad.headers.get('access-control-allow-origin'), null);
  });

  test('security headers on every response', async () => {
    const r = await fetch(`${api.server.apiBase}/forums`);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
  });

  test('too many writes from one client → 429 with Retry-After, nothing written', async () => {
    const limited = await start({ rateLimitPerMinute: 3 });
    try {
      const forum = await createForum(limited, { capacity: 50 });
      await openSignup(limited, forum.id);
      for (let i = 0; i < 3; i++) assert.equal((await register(limited, forum.id, i)).status, 201);
      const r = await register(limited, forum.id, 9);
      assertProblem(r, 429, 'rate-limited');
      assertSchema('Problem', r.body);
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.equal(r.body.retryAfter, Number(r.headers.get('retry-after')));
      assert.equal((await limited.call('GET', `/forums/${forum.id}`)).body.registered, 3);
      // reads and admin work are not limited
      assert.equal((await limited.call('GET', `/forums/${forum.id}`)).status, 200);
    } finally {
      await limited.server.close();
    }
  });
});
