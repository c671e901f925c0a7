import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, liveForum, postIdea, SseReader, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';

describe('live events (SSE)', () => {
  let api: Api;
  before(async () => {
    api = await start({ heartbeatMs: 50, eventRetainPerForum: 5 });
  });
  after(() => api.server.close());

  const url = (forumId: string, q = '') => `${api.server.apiBase}/forums/${forumId}/events${q}`;
  const ideasCreated = (r: SseReader) => r.events().filter((e) => e.event === 'idea.created');

  test('an idea posted with a participant token arrives as idea.created', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    const sse = await SseReader.open(url(forum.id));
    try {
      assert.equal(sse.status, 200);
      assert.match(sse.headers!.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(sse.headers!.get('cache-control'), 'no-cache, no-transform');
      assert.equal(sse.headers!.get('x-accel-buffering'), 'no');
      await sse.until((r) => r.messages.some((m) => m.retry !== undefined));
      assert.equal(sse.messages[0]!.retry, '3000');
      const idea = await postIdea(api, forum.id, p.token, '실시간으로 보이나요?');
      await sse.until((r) => ideasCreated(r).length === 1);
      const e = ideasCreated(sse)[0]!;
      assertSchema('LiveEvent', e.json);
      assert.equal(e.id, e.json.id);
      assert.equal(e.json.forumId, forum.id);
      assert.deepEqual(e.json.data, idea);
    } finally {
      sse.close();
    }
  });

  test('resume from Last-Event-ID replays exactly what was missed, in order, then live', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    await postIdea(api, forum.id, p.token, '하나');
    const list = (await api.call('GET', `/forums/${forum.id}/ideas`)).body;
    const seen = list.lastEventId;
    const missed = [await postIdea(api, forum.id, p.token, '둘'), await postIdea(api, forum.id, p.token, '셋')];
    const sse = await SseReader.open(url(forum.id), { 'Last-Event-ID': seen });
    try {
      await sse.until((r) => ideasCreated(r).length === 2);
      const live = await postIdea(api, forum.id, p.token, '넷');
      await sse.until((r) => ideasCreated(r).length === 3);
      assert.deepEqual(ideasCreated(sse).map((e) => e.json.data.id), [...missed.map((i) => i.id), live.id]);
      const ids = sse.events().map((e) => Number(e.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(ids.every((id) => id > Number(seen)));
    } finally {
      sse.close();
    }
    // the query parameter works the same (for clients that cannot set headers)
    const q = await SseReader.open(url(forum.id, `?lastEventId=${seen}`));
    try {
      await q.until((r) => ideasCreated(r).length === 3);
      assert.deepEqual(ideasCreated(q).map((e) => e.json.data.text), ['둘', '셋', '넷']);
    } finally {
      q.close();
    }
  });

  test('an id older than the log keeps → reset first, with the newest id', async () => {
    const forum = await liveForum(api);
    const p = await join(api, forum, 1);
    await postIdea(api, forum.id, p.token, '처음');
    const start = (await api.call('GET', `/forums/${forum.id}/ideas`)).body.lastEventId;
    // the log keeps 5 events per forum in this server: push the start out of it
    for (let i = 0; i < 12; i++) await postIdea(api, forum.id, p.token, `아이디어 ${i}`);
    const newest = (await api.call('GET', `/forums/${forum.id}/ideas`)).body.lastEventId;
    const sse = await SseReader.open(url(forum.id), { 'Last-Event-ID': String(Number(start) - 1) });
    try {
      await sse.until((r) => r.events().length >= 1);
      const reset = sse.events()[0]!;
      assert.equal(reset.event, 'reset');
      assertSchema('LiveEvent', reset.json);
      assert.equal(reset.id, newest);
    } finally {
      sse.close();
    }
    // an id from the future (another database) → reset too
    const future = await SseReader.open(url(forum.id), { 'Last-Event-ID': '999999999' });
    try {
      await future.until((r) => r.events().length >= 1);
      assert.equal(future.events()[0]!.event, 'reset');
    } finally {
      future.close();
    }
  });

  test('heartbeat comments keep the stream alive', async () => {
    const forum = await liveForum(api);
    const sse = await SseReader.open(url(forum.id));
    try {
      await sse.until((r) => r.messages.filter((m) => m.comment === 'ping').length >= 2);
    } finally {
      sse.close();
    }
  });

  test('votes, moderation and joins are events too; a bad Last-Event-ID is 400; unknown forum 404', async () => {
    const forum = await liveForum(api);
    const sse = await SseReader.open(url(forum.id));
    try {
      const p = await join(api, forum, 2);
      const idea = await postIdea(api, forum.id, p.token, '투표해 주세요');
      await api.admin('PUT', `/forums/${forum.id}/voting`, { open: true });
      await api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: p.token });
      await sse.until((r) => r.events().some((e) => e.event === 'vote.changed'));
      const types = sse.events().map((e) => e.event);
      assert.deepEqual(types, ['participants.changed', 'idea.created', 'forum.updated', 'vote.changed']);
      const joined = sse.events()[0]!.json.data;
      assert.deepEqual(joined, { participants: 1, table: 2, tableParticipants: 1 });
      assert.deepEqual(sse.events()[3]!.json.data, { ideaId: idea.id, votes: 1 });
      assertSchema('Forum', sse.events()[2]!.json.data);
    } finally {
      sse.close();
    }
    const bad = await api.call('GET', `/forums/${forum.id}/events`, { headers: { 'Last-Event-ID': 'abc' } });
    assertProblem(bad, 400, 'validation');
    assertProblem(await api.call('GET', '/forums/nope/events'), 404, 'not-found');
  });
});
