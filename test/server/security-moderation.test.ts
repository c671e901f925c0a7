/**
 * Moderation holds: a hidden idea is for the forum's facilitators and admins only. The public
 * (and participants) get 404 for it, do not see it in the list, and get it on the event stream
 * only as a tombstone without its text — live and when replaying from the start. A facilitator's
 * stream (token in the Authorization header) still carries it whole; unhiding sends it to the
 * public again.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, facilitator, goLive, join, liveForum, postIdea, SseReader, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';

describe('hidden ideas', () => {
  let api: Api;
  let forum: any;
  let other: any;
  let participant: any;
  let fac: any;
  let hidden: any;
  let shown: any;
  const SECRET = '비공개로 가려질 문장 — 숨김 처리 확인용';

  before(async () => {
    api = await start({ heartbeatMs: 100 });
    forum = await liveForum(api);
    other = await liveForum(api);
    participant = await join(api, forum, 1);
    fac = await facilitator(api, forum.id, 1);
    hidden = await postIdea(api, forum.id, participant.token, SECRET);
    shown = await postIdea(api, forum.id, participant.token, '모두에게 보이는 제안');
    const r = await api.call('PATCH', `/forums/${forum.id}/ideas/${hidden.id}`, { token: fac.token, body: { status: 'hidden' } });
    assert.equal(r.status, 200);
  });
  after(() => api.server.close());

  const url = (forumId: string, q = '') => `${api.server.apiBase}/forums/${forumId}/events${q}`;
  const ofIdea = (r: SseReader, id: string) =>
    r.events().filter((e) => (e.event === 'idea.created' || e.event === 'idea.updated') && e.json.data.id === id);
  const raw = (r: SseReader) => r.messages.map((m) => m.data ?? '').join('\n');

  test('GET of a hidden idea: 404 to the public and to participants, as for an idea that does not exist; its facilitators and the admin read it', async () => {
    const missing = await api.call('GET', `/forums/${forum.id}/ideas/noSuchIdea`);
    assertProblem(missing, 404, 'not-found');
    for (const token of [null, participant.token]) {
      const r = await api.call('GET', `/forums/${forum.id}/ideas/${hidden.id}`, { token });
      assertProblem(r, 404, 'not-found');
      assert.deepEqual(r.body, missing.body);
      assert.ok(!JSON.stringify(r.body).includes(SECRET));
    }
    for (const token of [fac.token, api.server.adminToken]) {
      const r = await api.call('GET', `/forums/${forum.id}/ideas/${hidden.id}`, { token });
      assert.equal(r.status, 200);
      assert.equal(r.body.text, SECRET);
    }
    // another forum's facilitator: refused, as for the list
    const otherFac = await facilitator(api, other.id, 1);
    assertProblem(await api.call('GET', `/forums/${forum.id}/ideas/${hidden.id}`, { token: otherFac.token }), 403, 'forbidden');
    // a visible idea is public as before
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${shown.id}`)).status, 200);
  });

  test('the public list leaves it out; include=all is for facilitators', async () => {
    for (const token of [null, participant.token]) {
      const r = await api.call('GET', `/forums/${forum.id}/ideas?limit=1000`, { token });
      assert.deepEqual(r.body.items.map((i: any) => i.id), [shown.id]);
      assertProblem(await api.call('GET', `/forums/${forum.id}/ideas?include=all`, { token }), 403, 'forbidden');
    }
    const all = await api.call('GET', `/forums/${forum.id}/ideas?include=all`, { token: fac.token });
    assert.ok(all.body.items.some((i: any) => i.id === hidden.id && i.text === SECRET));
  });

  test('a public stream replayed from the start carries it only as a tombstone (every event of it, its text nowhere); a facilitator stream carries it whole', async () => {
    for (const token of [null, participant.token]) {
      const sse = await SseReader.open(url(forum.id, '?lastEventId=0'), token ? { Authorization: `Bearer ${token}` } : {});
      try {
        assert.equal(sse.status, 200);
        await sse.until((r) => ofIdea(r, hidden.id).length === 2 && ofIdea(r, shown.id).length === 1);
        for (const e of ofIdea(sse, hidden.id)) {
          assertSchema('LiveEvent', e.json);
          assertSchema('Idea', e.json.data);
          assert.equal(e.json.data.text, '');
        }
        assert.equal(ofIdea(sse, hidden.id).at(-1)!.json.data.status, 'hidden');
        assert.equal(ofIdea(sse, shown.id)[0]!.json.data.text, '모두에게 보이는 제안');
        assert.ok(!raw(sse).includes(SECRET), 'the hidden text is nowhere in the public stream');
      } finally {
        sse.close();
      }
    }
    for (const token of [fac.token, api.server.adminToken]) {
      const sse = await SseReader.open(url(forum.id), { Authorization: `Bearer ${token}`, 'Last-Event-ID': '0' });
      try {
        await sse.until((r) => ofIdea(r, hidden.id).length === 2);
        assert.deepEqual(ofIdea(sse, hidden.id).map((e) => e.json.data.text), [SECRET, SECRET]);
      } finally {
        sse.close();
      }
    }
  });

  test('live: hiding reaches the public as a tombstone and the facilitator whole; unhiding sends the idea to the public again', async () => {
    const text = `곧 가려졌다가 다시 보일 제안 ${Date.now()}`;
    const idea = await postIdea(api, forum.id, participant.token, text);
    const pub = await SseReader.open(url(forum.id));
    const mod = await SseReader.open(url(forum.id), { Authorization: `Bearer ${fac.token}` });
    try {
      await Promise.all([pub.until((r) => r.messages.some((m) => m.retry)), mod.until((r) => r.messages.some((m) => m.retry))]);
      await api.call('PATCH', `/forums/${forum.id}/ideas/${idea.id}`, { token: fac.token, body: { status: 'hidden' } });
      await Promise.all([pub.until((r) => ofIdea(r, idea.id).length === 1), mod.until((r) => ofIdea(r, idea.id).length === 1)]);
      assert.deepEqual(ofIdea(pub, idea.id)[0]!.json.data, { ...ofIdea(mod, idea.id)[0]!.json.data, text: '' });
      assert.equal(ofIdea(mod, idea.id)[0]!.json.data.text, text);
      assert.ok(!raw(pub).includes(text));
      assertProblem(await api.call('GET', `/forums/${forum.id}/ideas/${idea.id}`), 404, 'not-found');

      await api.call('PATCH', `/forums/${forum.id}/ideas/${idea.id}`, { token: fac.token, body: { status: 'visible' } });
      await pub.until((r) => ofIdea(r, idea.id).length === 2);
      const back = ofIdea(pub, idea.id)[1]!.json.data;
      assert.equal(back.status, 'visible');
      assert.equal(back.text, text);
      assert.equal((await api.call('GET', `/forums/${forum.id}/ideas/${idea.id}`)).body.text, text);
    } finally {
      pub.close();
      mod.close();
    }
    // and a public replay now shows it with its text: it is visible again
    const replay = await SseReader.open(url(forum.id, '?lastEventId=0'));
    try {
      await replay.until((r) => ofIdea(r, idea.id).length === 3);
      assert.deepEqual(ofIdea(replay, idea.id).map((e) => e.json.data.text), [text, '', text]);
    } finally {
      replay.close();
    }
  });

  test('a hidden idea cannot be merged (its text would go out with the merge); tokens of another forum cannot open the stream', async () => {
    assertProblem(
      await api.call('POST', `/forums/${forum.id}/ideas/${hidden.id}/merge`, { token: fac.token, body: { into: shown.id } }),
      409,
      'invalid-merge',
    );
    const otherP = await join(api, other, 1);
    const r = await fetch(url(forum.id), { headers: { Authorization: `Bearer ${otherP.token}` } });
    assert.equal(r.status, 403);
    await r.body?.cancel();
    const unknown = await fetch(url(forum.id), { headers: { Authorization: 'Bearer hdf_not-a-real-token-at-all' } });
    assert.equal(unknown.status, 401);
    await unknown.body?.cancel();
  });
});

describe('an idea the admin hid before anyone connected', () => {
  test('a public replay from the start never carries its text', async () => {
    const api = await start();
    try {
      const forum = await createForum(api);
      await goLive(api, forum.id);
      const p = await join(api, forum, 2);
      const idea = await postIdea(api, forum.id, p.token, '관리자가 가린 제안');
      await api.admin('PATCH', `/forums/${forum.id}/ideas/${idea.id}`, { status: 'hidden' });
      const sse = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events`, { 'Last-Event-ID': '0' });
      try {
        await sse.until((r) => r.events().filter((e) => e.event?.startsWith('idea.')).length === 2);
        assert.ok(sse.events().every((e) => !e.data?.includes('관리자가 가린 제안')));
      } finally {
        sse.close();
      }
    } finally {
      await api.server.close();
    }
  });
});
