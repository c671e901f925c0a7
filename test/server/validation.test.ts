import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, facilitator, forumInput, join, openVoting, postIdea, registration, start, type Api } from './helpers.ts';
import { assertProblem, fields } from './contract.ts';

describe('bad input to every write endpoint', () => {
  let api: Api;
  let forum: any;
  let participant: any;
  let fac: any;
  let idea: any;
  let other: any;

  /** Everything a refused write could have touched. */
  async function snapshot() {
    const t = api.server.adminToken;
    return JSON.stringify([
      (await api.call('GET', '/forums?limit=100')).body.items.map((f: any) => ({ ...f, updatedAt: 0 })),
      (await api.call('GET', `/forums/${forum.id}/ideas?include=all`, { token: t })).body,
      (await api.call('GET', `/forums/${forum.id}/registrations?limit=100`, { token: t })).body,
      (await api.call('GET', `/forums/${forum.id}/signup-form`)).body,
      (await api.call('GET', `/forums/${forum.id}/tables`)).body,
      (await api.call('GET', '/results/totals')).body,
      (await api.call('GET', `/forums/${forum.id}/participants/me`, { token: participant.token })).body,
    ]);
  }

  before(async () => {
    api = await start();
    forum = await createForum(api, { capacity: 5 });
    other = await createForum(api);
    await api.admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
    participant = await join(api, forum, 1);
    fac = await facilitator(api, forum.id, 2);
    idea = await postIdea(api, forum.id, participant.token, '버스 배차를 늘려 주세요');
    await openVoting(api, forum.id);
  });
  after(() => api.server.close());

  const admin = () => api.server.adminToken;
  const cases: { name: string; run: () => Promise<any>; fields: string[]; status?: number }[] = [
    { name: 'POST /forums', run: () => api.call('POST', '/forums', { token: admin(), body: forumInput({ title: '', capacity: 0, venue: { name: 'x' }, startsAt: 'tomorrow', color: 'red' }) }), fields: ['title', 'venue.address', 'startsAt', 'capacity', 'color'] },
    { name: 'POST /forums (endsAt before startsAt)', run: () => api.call('POST', '/forums', { token: admin(), body: forumInput({ endsAt: '2030-05-14T10:00:00+09:00' }) }), fields: ['endsAt'] },
    { name: 'PATCH /forums/{id}', run: () => api.call('PATCH', `/forums/${forum.id}`, { token: admin(), body: { title: 'ok', tables: 500, voteBudget: -1 } }), fields: ['tables', 'voteBudget'] },
    { name: 'PATCH /forums/{id} (empty)', run: () => api.call('PATCH', `/forums/${forum.id}`, { token: admin(), body: {} }), fields: ['body'] },
    { name: 'POST /forums/{id}/status', run: () => api.call('POST', `/forums/${forum.id}/status`, { token: admin(), body: { status: 'reported' } }), fields: ['status'] },
    { name: 'PUT /forums/{id}/signup-form', run: () => api.call('PUT', `/forums/${forum.id}/signup-form`, { token: admin(), body: { questions: [{ id: 'Bad Id', label: '', kind: 'essay', required: 'yes' }] } }), fields: ['questions.0.id', 'questions.0.label', 'questions.0.kind', 'questions.0.required'] },
    {
      name: 'POST /forums/{id}/registrations',
      run: () =>
        api.call('POST', `/forums/${forum.id}/registrations`, {
          body: registration(1, { contact: { kind: 'phone', value: '123-45' }, district: '서울', ageGroup: 'under14', consentVersion: 'old', consents: { personal: false } }),
        }),
      fields: ['contact.value', 'district', 'consentVersion', 'consents.personal', 'guardian'],
    },
    {
      name: 'POST /forums/{id}/registrations (schema and format errors together)',
      run: () => api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(4, { name: '', contact: { kind: 'phone', value: 'not a phone' } }) }),
      fields: ['name', 'contact.value'],
    },
    { name: 'POST /forums/{id}/registrations (honeypot)', run: () => api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(2, { website: 'http://spam' }) }), fields: ['website'] },
    { name: 'POST /forums/{id}/registrations (bad e-mail)', run: () => api.call('POST', `/forums/${forum.id}/registrations`, { body: registration(3, { contact: { kind: 'email', value: 'not-an-address' } }) }), fields: ['contact.value'] },
    { name: 'POST /forums/{id}/participants', run: () => api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: 'ab', table: 0 } }), fields: ['joinCode', 'table'] },
    { name: 'POST /forums/{id}/participants (no such table)', run: () => api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 99 } }), fields: ['table'] },
    { name: 'POST /forums/{id}/facilitators', run: () => api.call('POST', `/forums/${forum.id}/facilitators`, { token: admin(), body: { name: '', table: 0 } }), fields: ['name', 'table'] },
    { name: 'PUT /forums/{id}/voting', run: () => api.call('PUT', `/forums/${forum.id}/voting`, { token: admin(), body: { open: 'yes', durationSeconds: 5 } }), fields: ['open', 'durationSeconds'] },
    { name: 'POST /forums/{id}/ideas', run: () => api.call('POST', `/forums/${forum.id}/ideas`, { token: participant.token, body: { text: '   ', mood: 'happy' } }), fields: ['mood'] },
    { name: 'POST /forums/{id}/ideas (blank after trim)', run: () => api.call('POST', `/forums/${forum.id}/ideas`, { token: participant.token, body: { text: '   ' } }), fields: ['text'] },
    { name: 'POST /forums/{id}/ideas (too long)', run: () => api.call('POST', `/forums/${forum.id}/ideas`, { token: fac.token, body: { text: '가'.repeat(281) } }), fields: ['text'] },
    { name: 'PATCH /forums/{id}/ideas/{ideaId}', run: () => api.call('PATCH', `/forums/${forum.id}/ideas/${idea.id}`, { token: fac.token, body: { status: 'merged', category: 'x'.repeat(41), pinned: 'yes' } }), fields: ['status', 'category', 'pinned'] },
    { name: 'POST /forums/{id}/ideas/{ideaId}/merge', run: () => api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/merge`, { token: fac.token, body: { into: 'bad id!' } }), fields: ['into'] },
    { name: 'POST /forums/{id}/ideas/{ideaId}/votes (no key)', run: () => api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: participant.token, key: null }), fields: ['header.Idempotency-Key'] },
    { name: 'DELETE /forums/{id}/ideas/{ideaId}/votes (bad key)', run: () => api.call('DELETE', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: participant.token, key: 'has space' }), fields: ['header.Idempotency-Key'] },
    { name: 'PUT /forums/{id}/results', run: () => api.call('PUT', `/forums/${forum.id}/results`, { token: admin(), body: { attended: -1, proposals: [{ title: '', ideaIds: ['nope'] }] } }), fields: ['attended', 'proposals.0.title'] },
    { name: 'PUT /forums/{id}/results (unknown idea)', run: () => api.call('PUT', `/forums/${forum.id}/results`, { token: admin(), body: { attended: 3, proposals: [{ title: '제안', ideaIds: ['nope'] }] } }), fields: ['proposals.0.ideaIds.0'] },
    { name: 'PUT /forums/{id}/proposals/{pid}/response', run: () => api.call('PUT', `/forums/${forum.id}/proposals/p1/response`, { token: admin(), body: { status: 'maybe', date: '2026-13-40' } }), fields: ['status', 'date'] },
    { name: 'malformed JSON', run: () => api.call('POST', '/forums', { token: admin(), raw: '{"title": ' }), fields: ['body'] },
    { name: 'missing body', run: () => api.call('POST', `/forums/${forum.id}/status`, { token: admin() }), fields: ['body'] },
  ];

  for (const c of cases) {
    test(`${c.name} → 400 naming ${c.fields.join(', ')}, nothing written`, async () => {
      const before = await snapshot();
      const r = await c.run();
      assertProblem(r, 400, 'validation');
      assert.deepEqual([...new Set(fields(r.body))].sort(), [...c.fields].sort());
      for (const e of r.body.errors) assert.ok(e.code && e.message, JSON.stringify(e));
      assert.equal(await snapshot(), before);
    });
  }

  test('codes say why: required, too_long, unknown_field, invalid_format', async () => {
    const r = await api.call('POST', '/forums', { token: admin(), body: { ...forumInput({ title: 'x'.repeat(101), color: 1 }), summary: undefined, startsAt: 'soon' } });
    const byField = Object.fromEntries(r.body.errors.map((e: any) => [e.field, e.code]));
    assert.deepEqual(byField, { summary: 'required', title: 'too_long', color: 'unknown_field', startsAt: 'invalid_format' });
  });

  test('query parameters are validated and named', async () => {
    const r = await api.call('GET', '/forums?limit=0&order=sideways&from=yesterday');
    assertProblem(r, 400, 'validation');
    assert.deepEqual(fields(r.body).sort(), ['query.from', 'query.limit', 'query.order']);
    const c = await api.call('GET', '/forums?cursor=garbage');
    assert.deepEqual(fields(c.body), ['query.cursor']);
    const i = await api.call('GET', `/forums/${forum.id}/ideas?limit=1001&sort=random`);
    assert.deepEqual(fields(i.body).sort(), ['query.limit', 'query.sort']);
  });

  test('a body over 64 KB → 413', async () => {
    const before = await snapshot();
    const r = await api.call('POST', '/forums', { token: admin(), body: forumInput({ summary: 'x'.repeat(70_000) }) });
    assertProblem(r, 413, 'payload-too-large');
    assert.equal(await snapshot(), before);
  });

  test('a refused write in the middle of the life cycle changes nothing (409s)', async () => {
    const before = await snapshot();
    assertProblem(await api.call('POST', `/forums/${forum.id}/status`, { token: admin(), body: { status: 'open' } }), 409, 'invalid-transition');
    assertProblem(await api.call('PUT', `/forums/${forum.id}/results`, { token: admin(), body: { attended: 1, proposals: [] } }), 409, 'invalid-transition');
    assertProblem(await api.call('POST', `/forums/${other.id}/registrations`, { body: registration(9) }), 409, 'signup-not-open');
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/merge`, { token: fac.token, body: { into: idea.id } }), 409, 'invalid-merge');
    assert.equal(await snapshot(), before);
  });

  test('unknown resources are 404 problems', async () => {
    assertProblem(await api.call('GET', '/forums/nope'), 404, 'not-found');
    assertProblem(await api.call('GET', `/forums/${forum.id}/ideas/nope`), 404, 'not-found');
    assertProblem(await api.call('GET', '/no/such/route'), 404, 'not-found');
  });
});
