import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createForum, join, liveForum, openSignup, openVoting, postIdea, registration, start, type Api } from './helpers.ts';
import { assertProblem, fields } from './contract.ts';

describe('Idempotency-Key', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('a repeat with the same key and body gets the first response again, once written', async () => {
    const forum = await createForum(api);
    await openSignup(api, forum.id);
    const key = randomUUID();
    const body = registration(1);
    const first = await api.call('POST', `/forums/${forum.id}/registrations`, { body, key });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const again = await api.call('POST', `/forums/${forum.id}/registrations`, { body, key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 1);
  });

  test('the same key with another body → 422, nothing written', async () => {
    const forum = await createForum(api);
    await openSignup(api, forum.id);
    const key = randomUUID();
    await api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(1), key });
    const r = await api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(2), key });
    assertProblem(r, 422, 'idempotency-key-reused');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 1);
  });

  test('a missing key where required → 400 naming header.Idempotency-Key', async () => {
    const forum = await createForum(api);
    await openSignup(api, forum.id);
    const r = await api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(1), key: null });
    assertProblem(r, 400, 'validation');
    assert.deepEqual(fields(r.body), ['header.Idempotency-Key']);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 0);
  });

  test('keys are per caller and per path: another participant may use the same key', async () => {
    const forum = await liveForum(api);
    const a = await join(api, forum, 1);
    const b = await join(api, forum, 2);
    const key = randomUUID();
    const ra = await api.call('POST', `/forums/${forum.id}/ideas`, { token: a.token, key, body: { text: '같은 키' } });
    const rb = await api.call('POST', `/forums/${forum.id}/ideas`, { token: b.token, key, body: { text: '같은 키' } });
    assert.equal(ra.status, 201);
    assert.equal(rb.status, 201);
    assert.notEqual(ra.body.id, rb.body.id);
    assert.equal(rb.headers.get('idempotent-replayed'), null);
  });

  test('concurrent repeats of one attempt write once (the others replay or get 409 in-flight)', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    const idea = await postIdea(api, forum.id, p.token, '동시 요청');
    await openVoting(api, forum.id);
    const key = randomUUID();
    const rs = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: p.token, key })));
    for (const r of rs) {
      if (r.status === 409) assertProblem(r, 409, 'idempotency-key-in-flight');
      else assert.equal(r.status, 201);
    }
    const me = await api.call('GET', `/forums/${forum.id}/participants/me`, { token: p.token });
    assert.equal(me.body.votesUsed, 1);
  });

  test('a refused write is not remembered: retrying the key after fixing state works', async () => {
    const forum = await createForum(api);
    const key = randomUUID();
    assertProblem(await api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(1), key }), 409, 'signup-not-open');
    await openSignup(api, forum.id);
    assert.equal((await api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(1), key })).status, 201);
  });
});
