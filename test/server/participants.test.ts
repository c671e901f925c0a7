/**
 * One person, one set of dots: a browser joining again is the participant it already is; a
 * stranger with the join code cannot become someone else's participant; the new participants one
 * address creates per forum are limited (429 + Retry-After); a facilitator sees how many joined
 * and revokes a participant, whose dots are released live and whose token stops working.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { addressKey, JoinQuota } from '../../server/http/join-quota.ts';
import { facilitator, join, liveForum, openVoting, postIdea, SseReader, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';

const installKey = () => randomBytes(24).toString('base64url');

function joinAs(api: Api, forum: { id: string; joinCode: string }, body: Record<string, unknown>, token?: string) {
  return api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 1, ...body }, token: token ?? null });
}

const vote = (api: Api, forumId: string, ideaId: string, token: string) => api.call('POST', `/forums/${forumId}/ideas/${ideaId}/votes`, { token });

describe('one browser, one participant', () => {
  let api: Api;
  before(async () => {
    api = await start({ joinLimit: { perAddress: 50 } });
  });
  after(() => api.server.close());

  test('ten joins from one browser (its install key) are one participant with one vote budget', async () => {
    const forum = await liveForum(api, { voteBudget: 3 });
    await openVoting(api, forum.id);
    const key = installKey();
    const sessions = [];
    for (let i = 0; i < 10; i++) {
      const r = await joinAs(api, forum, { installKey: key, table: 2 });
      assert.equal(r.status, i === 0 ? 201 : 200, `join ${i + 1}`);
      assertSchema('ParticipantSession', r.body);
      sessions.push(r.body);
    }
    assert.equal(new Set(sessions.map((s) => s.participantId)).size, 1);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
    const tables = (await api.call('GET', `/forums/${forum.id}/tables`)).body.items;
    assert.equal(tables.find((t: { number: number }) => t.number === 2).participants, 1);

    // every token the browser was given is that one participant: three dots in all, not thirty
    const idea = await postIdea(api, forum.id, sessions[0].token, '버스 배차 간격을 줄여 주세요');
    for (const s of sessions.slice(0, 3)) assert.equal((await vote(api, forum.id, idea.id, s.token)).status, 201);
    assertProblem(await vote(api, forum.id, idea.id, sessions[9].token), 409, 'vote-budget-exhausted');
    const again = await joinAs(api, forum, { installKey: key, table: 2 });
    assert.equal(again.body.votesUsed, 3);
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${idea.id}`)).body.votes, 3);
  });

  test('a join with the participant’s own token returns it, with the same token, at the table it names', async () => {
    const forum = await liveForum(api);
    const first = await join(api, forum, 1);
    const r = await joinAs(api, forum, { table: 3 }, first.token);
    assert.equal(r.status, 200);
    assert.equal(r.body.participantId, first.participantId);
    assert.equal(r.body.token, first.token);
    assert.equal(r.body.table, 3);
    assert.equal((await api.call('GET', `/forums/${forum.id}/participants/me`, { token: first.token })).body.table, 3);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
  });

  test('a stranger with the join code cannot take over someone else’s participant', async () => {
    const forum = await liveForum(api);
    const other = await liveForum(api);
    const key = installKey();
    const victim = (await joinAs(api, forum, { installKey: key })).body;

    // the join code alone, another key, the victim's key in another forum: each is a participant
    // of its own
    const bare = await joinAs(api, forum, {});
    const otherKey = await joinAs(api, forum, { installKey: installKey() });
    const elsewhere = await joinAs(api, other, { installKey: key });
    for (const r of [bare, otherKey, elsewhere]) {
      assert.equal(r.status, 201);
      assert.notEqual(r.body.participantId, victim.participantId);
    }
    // a token that is not this forum's participant token is refused, even with the right key
    const fac = await facilitator(api, forum.id);
    assertProblem(await joinAs(api, forum, { installKey: key }, elsewhere.body.token), 403, 'forbidden');
    assertProblem(await joinAs(api, forum, { installKey: key }, fac.token), 403, 'forbidden');
    assertProblem(await joinAs(api, forum, { installKey: key }, 'hdp_not-a-token-of-this-server'), 401, 'unauthorized');
    for (const weak of ['abc', '1', 'a'.repeat(21), `${'a'.repeat(30)}!`]) {
      const r = await joinAs(api, forum, { installKey: weak });
      assertProblem(r, 400, 'validation');
      assert.equal(r.body.errors[0].field, 'installKey');
    }

    // the server keeps no install key, only a hash bound to the forum
    const rows = await api.server.db.selectFrom('participants').select(['id', 'install_key_hash']).where('install_key_hash', 'is not', null).execute();
    assert.ok(rows.length >= 3);
    assert.ok(rows.every((r) => r.install_key_hash !== key && /^[0-9a-f]{64}$/.test(r.install_key_hash!)));
    const hashes = rows.filter((r) => r.id === victim.participantId || r.id === elsewhere.body.participantId).map((r) => r.install_key_hash);
    assert.equal(new Set(hashes).size, 2, 'one key in two forums is not linkable by its hash');
  });
});

describe('new participants per address per forum', () => {
  test('joins past the limit get 429 with Retry-After; a returning browser and another forum do not count', async () => {
    const api = await start({ joinLimit: { perAddress: 3, windowSeconds: 3600 } });
    try {
      const forum = await liveForum(api);
      const key = installKey();
      assert.equal((await joinAs(api, forum, { installKey: key })).status, 201);
      assert.equal((await joinAs(api, forum, {})).status, 201);
      assert.equal((await joinAs(api, forum, {})).status, 201);
      const refused = await joinAs(api, forum, {});
      assertProblem(refused, 429, 'rate-limited');
      const wait = Number(refused.headers.get('retry-after'));
      assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 3600 / 3 + 1, `Retry-After ${wait}`);
      assert.equal(refused.body.retryAfter, wait);
      assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 3, 'the refused join created nobody');

      for (let i = 0; i < 5; i++) assert.equal((await joinAs(api, forum, { installKey: key })).status, 200, 'the same browser again');
      assert.equal((await joinAs(api, await liveForum(api), {})).status, 201, 'another forum has its own allowance');
    } finally {
      await api.server.close();
    }
  });

  test('the allowance refills over its window; IPv6 addresses count by their /64', () => {
    const quota = new JoinQuota({ perAddress: 2, windowSeconds: 60 });
    const t = 1_000_000;
    assert.equal(quota.take('f', '203.0.113.7', t), null);
    assert.equal(quota.take('f', '::ffff:203.0.113.7', t), null);
    assert.equal(quota.take('f', '203.0.113.7', t), 30);
    assert.equal(quota.take('g', '203.0.113.7', t), null);
    assert.equal(quota.take('f', '203.0.113.7', t + 30_000), null);
    assert.equal(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('[2001:db8:1:2::9]'), '2001:db8:1:2::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
  });
});

describe('a facilitator sees who joined and revokes a participant', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('the count and the list are for facilitators and admins only', async () => {
    const forum = await liveForum(api);
    const fac = await facilitator(api, forum.id);
    const a = await join(api, forum, 1);
    await join(api, forum, 2);
    const page = await api.call('GET', `/forums/${forum.id}/participants`, { token: fac.token });
    assert.equal(page.status, 200);
    assert.equal(page.body.total, 2);
    assert.equal(page.body.revoked, 0);
    assert.equal(page.body.nextCursor, null);
    for (const item of page.body.items) assertSchema('Participant', item);
    assert.deepEqual(page.body.items.map((p: { table: number }) => p.table), [1, 2]);
    const first = await api.call('GET', `/forums/${forum.id}/participants?limit=1`, { token: api.server.adminToken });
    assert.equal(first.body.items.length, 1);
    const second = await api.call('GET', `/forums/${forum.id}/participants?limit=1&cursor=${first.body.nextCursor}`, { token: fac.token });
    assert.equal(second.body.items[0].table, 2);
    assert.equal(second.body.nextCursor, null);

    assertProblem(await api.call('GET', `/forums/${forum.id}/participants`), 401, 'unauthorized');
    assertProblem(await api.call('GET', `/forums/${forum.id}/participants`, { token: a.token }), 403, 'forbidden');
    const other = await liveForum(api);
    assertProblem(await api.call('GET', `/forums/${other.id}/participants`, { token: fac.token }), 403, 'forbidden');
  });

  test('revoking releases the dots live, ends the token and keeps the browser out', async () => {
    const forum = await liveForum(api, { voteBudget: 3 });
    await openVoting(api, forum.id);
    const fac = await facilitator(api, forum.id);
    const key = installKey();
    const stuffer = (await joinAs(api, forum, { installKey: key, table: 2 })).body;
    const honest = await join(api, forum, 2);
    const idea = await postIdea(api, forum.id, honest.token, '공원에 그늘막을 설치해 주세요');
    const other = await postIdea(api, forum.id, honest.token, '산책로에 조명을 달아 주세요');
    for (let i = 0; i < 2; i++) await vote(api, forum.id, idea.id, stuffer.token);
    await vote(api, forum.id, other.id, stuffer.token);
    await vote(api, forum.id, idea.id, honest.token);

    // nobody but a facilitator (or admin) of this forum may revoke
    assertProblem(await api.call('DELETE', `/forums/${forum.id}/participants/${stuffer.participantId}`), 401, 'unauthorized');
    assertProblem(await api.call('DELETE', `/forums/${forum.id}/participants/${stuffer.participantId}`, { token: honest.token }), 403, 'forbidden');
    assertProblem(await api.call('DELETE', `/forums/${forum.id}/participants/${stuffer.participantId}`, { token: stuffer.token }), 403, 'forbidden');
    assertProblem(await api.call('DELETE', `/forums/${forum.id}/participants/nobody`, { token: fac.token }), 404, 'not-found');

    const sse = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events?lastEventId=${(await api.call('GET', `/forums/${forum.id}/ideas`)).body.lastEventId}`);
    try {
      const r = await api.call('DELETE', `/forums/${forum.id}/participants/${stuffer.participantId}`, { token: fac.token });
      assert.equal(r.status, 200);
      assertSchema('ParticipantRevoked', r.body);
      assert.equal(r.body.votesReleased, 3);
      assert.equal(r.body.participants, 1);
      // live: each idea's new total, then the count of who has joined
      await sse.until((s) => s.events().some((e) => e.event === 'participants.changed'));
      const events = sse.events().map((e) => ({ event: e.event, data: e.json.data }));
      assert.deepEqual(events, [
        { event: 'vote.changed', data: { ideaId: [idea.id, other.id].sort()[0], votes: [idea.id, other.id].sort()[0] === idea.id ? 1 : 0 } },
        { event: 'vote.changed', data: { ideaId: [idea.id, other.id].sort()[1], votes: [idea.id, other.id].sort()[1] === idea.id ? 1 : 0 } },
        { event: 'participants.changed', data: { participants: 1, table: 2, tableParticipants: 1 } },
      ]);
    } finally {
      sse.close();
    }
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${idea.id}`)).body.votes, 1);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
    assert.equal((await api.call('GET', `/forums/${forum.id}/participants`, { token: fac.token })).body.revoked, 1);

    // the token stops working; the browser's key does not bring a fresh budget
    assertProblem(await vote(api, forum.id, idea.id, stuffer.token), 401, 'unauthorized');
    assertProblem(await api.call('GET', `/forums/${forum.id}/participants/me`, { token: stuffer.token }), 401, 'unauthorized');
    assertProblem(await joinAs(api, forum, { installKey: key }), 403, 'participant-revoked');
    // the ideas stay; revoking again is harmless
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${other.id}`)).body.status, 'visible');
    const twice = await api.call('DELETE', `/forums/${forum.id}/participants/${stuffer.participantId}`, { token: api.server.adminToken });
    assert.equal(twice.status, 200);
    assert.equal(twice.body.votesReleased, 0);
    assert.equal(twice.body.revokedAt, (await api.server.db.selectFrom('participants').select('revoked_at').where('id', '=', stuffer.participantId).executeTakeFirstOrThrow()).revoked_at);
  });
});
