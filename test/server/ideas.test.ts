import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { facilitator, join, liveForum, openVoting, postIdea, SseReader, start, type Api } from './helpers.ts';
import { assertPage, assertProblem, assertSchema } from './contract.ts';

describe('ideas and dot votes', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  function vote(forumId: string, ideaId: string, token: string, on: Api = api) {
    return on.call('POST', `/forums/${forumId}/ideas/${ideaId}/votes`, { token });
  }
  const retract = (forumId: string, ideaId: string, token: string) => api.call('DELETE', `/forums/${forumId}/ideas/${ideaId}/votes`, { token });

  test('join gives a participant session; posting lands at the own table, trimmed', async () => {
    const forum = await liveForum(api, { tables: 3, voteBudget: 2 });
    const p = await join(api, forum, 3);
    assertSchema('ParticipantSession', p);
    assert.equal(p.voteBudget, 2);
    assert.equal(p.votesUsed, 0);
    const idea = await postIdea(api, forum.id, p.token, '  정류장에 지붕을  ');
    assertSchema('Idea', idea);
    assert.equal(idea.text, '정류장에 지붕을');
    assert.equal(idea.table, 3);
    const f = (await api.call('GET', `/forums/${forum.id}`)).body;
    assert.equal(f.ideas, 1);
    assert.equal(f.participants, 1);
    const tables = (await api.call('GET', `/forums/${forum.id}/tables`)).body;
    assert.equal(tables.items.length, 3);
    for (const t of tables.items) assertSchema('Table', t);
    assert.deepEqual(tables.items[2], { number: 3, topic: null, facilitator: null, ideas: 1, votes: 0, participants: 1 });
  });

  test('the budget holds: several dots on one idea, never more than the budget, retract gives one back', async () => {
    const forum = await liveForum(api, { voteBudget: 3 });
    const p = await join(api, forum, 1);
    const a = await postIdea(api, forum.id, p.token, '아이디어 A');
    const b = await postIdea(api, forum.id, p.token, '아이디어 B');
    assertProblem(await vote(forum.id, a.id, p.token), 409, 'voting-closed');
    await openVoting(api, forum.id);
    const v1 = await vote(forum.id, a.id, p.token);
    assert.equal(v1.status, 201);
    assertSchema('VoteResult', v1.body);
    assert.deepEqual(v1.body, { ideaId: a.id, votes: 1, myVotes: 1, voteBudget: 3, votesUsed: 1 });
    assert.equal((await vote(forum.id, a.id, p.token)).body.myVotes, 2);
    assert.equal((await vote(forum.id, b.id, p.token)).body.votesUsed, 3);
    assertProblem(await vote(forum.id, b.id, p.token), 409, 'vote-budget-exhausted');
    const back = await retract(forum.id, a.id, p.token);
    assert.equal(back.status, 200);
    assert.deepEqual(back.body, { ideaId: a.id, votes: 1, myVotes: 1, voteBudget: 3, votesUsed: 2 });
    const me = (await api.call('GET', `/forums/${forum.id}/participants/me`, { token: p.token })).body;
    assertSchema('Me', me);
    assert.deepEqual(me.votes, { [a.id]: 1, [b.id]: 1 });
    assert.equal(me.votesUsed, 2);
  });

  test('no dot to retract → 409', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    const a = await postIdea(api, forum.id, p.token, '아이디어');
    await openVoting(api, forum.id);
    assertProblem(await retract(forum.id, a.id, p.token), 409, 'no-vote-to-retract');
  });

  test('concurrent votes never exceed the budget', async () => {
    const forum = await liveForum(api, { voteBudget: 3 });
    const p = await join(api, forum, 1);
    const a = await postIdea(api, forum.id, p.token, '인기 아이디어');
    await openVoting(api, forum.id);
    const rs = await Promise.all(Array.from({ length: 25 }, () => vote(forum.id, a.id, p.token)));
    assert.equal(rs.filter((r) => r.status === 201).length, 3);
    for (const r of rs.filter((r) => r.status !== 201)) assertProblem(r, 409, 'vote-budget-exhausted');
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${a.id}`)).body.votes, 3);
  });

  test('a time-boxed round reports its closing time', async () => {
    const forum = await liveForum(api);
    const v = await api.call('PUT', `/forums/${forum.id}/voting`, { token: api.server.adminToken, body: { open: true, durationSeconds: 600 } });
    assertSchema('Voting', v.body);
    assert.equal(v.body.open, true);
    assert.ok(v.body.closesAt);
    const closed = await api.call('PUT', `/forums/${forum.id}/voting`, { token: api.server.adminToken, body: { open: false } });
    assert.deepEqual(closed.body, { open: false, closesAt: null });
  });

  test('merge: votes carry over, dots move with the idea, the source is merged', async () => {
    const forum = await liveForum(api, { voteBudget: 3 });
    const fac = await facilitator(api, forum.id, 1);
    const p = await join(api, forum, 1);
    const q = await join(api, forum, 2);
    const a = await postIdea(api, forum.id, p.token, '버스 늘려 주세요');
    const b = await postIdea(api, forum.id, q.token, '배차 간격 줄여 주세요');
    await openVoting(api, forum.id);
    await vote(forum.id, a.id, p.token);
    await vote(forum.id, b.id, p.token);
    await vote(forum.id, a.id, q.token);
    const merged = await api.call('POST', `/forums/${forum.id}/ideas/${a.id}/merge`, { token: fac.token, body: { into: b.id } });
    assert.equal(merged.status, 200);
    assertSchema('Idea', merged.body);
    assert.equal(merged.body.id, b.id);
    assert.equal(merged.body.votes, 3);
    const src = (await api.call('GET', `/forums/${forum.id}/ideas/${a.id}`)).body;
    assert.equal(src.status, 'merged');
    assert.equal(src.mergedInto, b.id);
    assert.equal(src.votes, 0);
    const me = (await api.call('GET', `/forums/${forum.id}/participants/me`, { token: p.token })).body;
    assert.deepEqual(me.votes, { [b.id]: 2 });
    assert.equal(me.votesUsed, 2);
    // the public list hides merged ideas; facilitators see them with include=all
    const pub = (await api.call('GET', `/forums/${forum.id}/ideas`)).body;
    assertPage('Idea', pub, ['lastEventId']);
    assert.deepEqual(pub.items.map((i: any) => i.id), [b.id]);
    const all = (await api.call('GET', `/forums/${forum.id}/ideas?include=all`, { token: fac.token })).body;
    assert.equal(all.items.length, 2);
    // merging again, into itself, or into a merged idea is refused
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas/${a.id}/merge`, { token: fac.token, body: { into: b.id } }), 409, 'invalid-merge');
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas/${b.id}/merge`, { token: fac.token, body: { into: a.id } }), 409, 'invalid-merge');
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas/${b.id}/merge`, { token: fac.token, body: { into: b.id } }), 409, 'invalid-merge');
  });

  test('moderation: hide, categorise, pin, promote; lists filter and sort', async () => {
    const forum = await liveForum(api, { categories: ['교통', '안전'] });
    const fac = await facilitator(api, forum.id, 2);
    const p = await join(api, forum, 1);
    const a = await postIdea(api, forum.id, p.token, '첫째');
    const b = await postIdea(api, forum.id, p.token, '둘째');
    const c = (await api.call('POST', `/forums/${forum.id}/ideas`, { token: fac.token, body: { text: '셋째 (대신 적음)', table: 4 } })).body;
    assert.equal(c.table, 4);
    const hidden = await api.call('PATCH', `/forums/${forum.id}/ideas/${a.id}`, { token: fac.token, body: { status: 'hidden' } });
    assert.equal(hidden.body.status, 'hidden');
    const cat = await api.call('PATCH', `/forums/${forum.id}/ideas/${b.id}`, { token: fac.token, body: { category: '교통', pinned: true, promoted: true } });
    assert.deepEqual([cat.body.category, cat.body.pinned, cat.body.promoted], ['교통', true, true]);
    const list = (await api.call('GET', `/forums/${forum.id}/ideas`)).body;
    assert.deepEqual(list.items.map((i: any) => i.id), [c.id, b.id]);
    const byCat = (await api.call('GET', `/forums/${forum.id}/ideas?category=${encodeURIComponent('교통')}`)).body;
    assert.deepEqual(byCat.items.map((i: any) => i.id), [b.id]);
    const byTable = (await api.call('GET', `/forums/${forum.id}/ideas?table=4`)).body;
    assert.deepEqual(byTable.items.map((i: any) => i.id), [c.id]);
    await openVoting(api, forum.id);
    await vote(forum.id, b.id, p.token);
    const byVotes = (await api.call('GET', `/forums/${forum.id}/ideas?sort=votes`)).body;
    assert.deepEqual(byVotes.items.map((i: any) => i.id), [b.id, c.id]);
    // voting on a hidden idea is refused
    assertProblem(await vote(forum.id, a.id, p.token), 409, 'conflict');
    // pages
    const p1 = (await api.call('GET', `/forums/${forum.id}/ideas?limit=1`)).body;
    assert.equal(p1.items.length, 1);
    const p2 = (await api.call('GET', `/forums/${forum.id}/ideas?limit=1&cursor=${p1.nextCursor}`)).body;
    assert.equal(p2.items.length, 1);
    assert.equal(p2.nextCursor, null);
    assert.notEqual(p1.items[0].id, p2.items[0].id);
  });

  test('posting outside a live forum → 409 forum-not-live; joining → 403, as with a wrong code', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    await api.admin('POST', `/forums/${forum.id}/status`, { status: 'finished' });
    assertProblem(await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 1 } }), 403, 'forbidden');
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas`, { token: p.token, body: { text: '늦었어요' } }), 409, 'forum-not-live');
  });

  test('a time-boxed round closes by itself: votes after it are refused and live clients are told', async () => {
    let clock = new Date('2030-05-14T05:00:00Z');
    const timed = await start({ now: () => clock });
    try {
      const forum = await liveForum(timed);
      const p = await join(timed, forum, 1);
      const idea = await postIdea(timed, forum.id, p.token, '시간 제한 투표');
      const v = await timed.call('PUT', `/forums/${forum.id}/voting`, { token: timed.server.adminToken, body: { open: true, durationSeconds: 60 } });
      assert.equal(v.body.closesAt, '2030-05-14T05:01:00.000Z');
      assert.equal((await vote(forum.id, idea.id, p.token, timed)).status, 201);
      const sse = await SseReader.open(`${timed.server.apiBase}/forums/${forum.id}/events`);
      try {
        clock = new Date('2030-05-14T05:01:01Z');
        assertProblem(await vote(forum.id, idea.id, p.token, timed), 409, 'voting-closed');
        assert.equal((await timed.call('GET', `/forums/${forum.id}`)).body.voting.open, false);
        await sse.until((r) => r.events().some((e) => e.event === 'forum.updated' && e.json.data.voting.open === false));
      } finally {
        sse.close();
      }
    } finally {
      await timed.server.close();
    }
  });
});
