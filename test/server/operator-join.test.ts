// Check-in-only forums (#16 item 5 of the brief, the desk's QR): the join code alone is refused;
// the join pass from check-in makes one participant per registration (one person, one set of
// dots); a pass works once, is never a bearer token, and is not spent before the forum is live.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, goLive, join, openVoting, postIdea, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema, fields } from './contract.ts';
import { checkInPath, forumWithRegistrations, ok, staffToken } from './operator-helpers.ts';

describe('joining through check-in', () => {
  let api: Api;
  let staff: string;
  before(async () => {
    api = await start();
    staff = (await staffToken(api)).token;
  });
  after(() => api.server.close());

  const joinWith = (forumId: string, body: unknown) => api.call('POST', `/forums/${forumId}/participants`, { body });

  test('check-in only: the join code alone is refused with a clear problem; the pass joins at the seat', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { joinMode: 'checkin' });
    assert.equal(forum.joinMode, 'checkin');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.joinMode, 'checkin');
    await goLive(api, forum.id);
    const refused = await joinWith(forum.id, { joinCode: forum.joinCode, table: 1 });
    assertProblem(refused, 403, 'checkin-required');
    assert.match(refused.body.detail, /check-in/);
    // a wrong code gets the same answer: the mode says nothing about the code
    assertProblem(await joinWith(forum.id, { joinCode: 'WRONG1', table: 1 }), 403, 'checkin-required');
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    await ok(api, 'PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, staff, { table: 3 });
    const r = await joinWith(forum.id, { joinPass: c.joinPass.secret });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assertSchema('ParticipantSession', r.body);
    assert.equal(r.body.table, 3, 'the desk’s seat');
    assert.match(r.body.token, /^hdp_/);
    const stored = await api.server.db.selectFrom('participants').select(['registration_id']).where('id', '=', r.body.participantId).executeTakeFirstOrThrow();
    assert.ok(stored.registration_id, 'stored.registration_id');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
  });

  test('one person, one set of dots: the pass works once; a new pass gives the same participant and budget', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { joinMode: 'checkin', voteBudget: 2 });
    await goLive(api, forum.id);
    await openVoting(api, forum.id);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const first = await joinWith(forum.id, { joinPass: c.joinPass.secret, table: 2 });
    assert.equal(first.status, 201);
    assert.equal(first.body.table, 2, 'not seated yet: the table named');
    const fac = await api.admin('POST', `/forums/${forum.id}/facilitators`, { name: '진행자', table: 2 });
    const idea = await postIdea(api, forum.id, fac.token, '버스를 늘려 주세요');
    assert.equal((await api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: first.body.token })).status, 201);
    // the same QR again: spent
    const again = await joinWith(forum.id, { joinPass: c.joinPass.secret });
    assertProblem(again, 403, 'forbidden');
    assert.match(again.body.detail, /desk/);
    // the desk prints a new one (phone lost): the same participant, the dot still spent
    const pass = await api.call('POST', `/forums/${forum.id}/registrations/${codes[0]}/join-pass`, { token: staff });
    assert.equal(pass.status, 201);
    assertSchema('JoinPass', pass.body);
    const back = await joinWith(forum.id, { joinPass: pass.body.secret });
    assert.equal(back.status, 200);
    assertSchema('ParticipantSession', back.body);
    assert.equal(back.body.participantId, first.body.participantId);
    assert.notEqual(back.body.token, first.body.token);
    assert.deepEqual([back.body.voteBudget, back.body.votesUsed], [2, 1]);
    // both devices share the one budget
    assert.equal((await api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: back.body.token })).status, 201);
    assertProblem(await api.call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, { token: first.body.token }), 409, 'vote-budget-exhausted');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
  });

  test('check-in only, with install keys: the browser that joined with its pass comes back with the code; a new browser does not', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { joinMode: 'checkin' });
    await goLive(api, forum.id);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const key = 'k'.repeat(22);
    const first = await joinWith(forum.id, { joinPass: c.joinPass.secret, table: 1, installKey: key });
    assert.equal(first.status, 201);
    const back = await joinWith(forum.id, { joinCode: forum.joinCode, table: 1, installKey: key });
    assert.equal(back.status, 200);
    assert.equal(back.body.participantId, first.body.participantId);
    const withToken = await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table: 1 }, token: first.body.token });
    assert.equal(withToken.status, 200);
    assert.equal(withToken.body.participantId, first.body.participantId);
    assertProblem(await joinWith(forum.id, { joinCode: forum.joinCode, table: 1, installKey: 'n'.repeat(22) }), 403, 'checkin-required');
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.participants, 1);
  });

  test('a newer pass replaces the older one; a pass is no bearer token; another forum’s pass is refused', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { joinMode: 'checkin' });
    const other = await createForum(api, { joinMode: 'checkin' });
    await goLive(api, forum.id);
    await goLive(api, other.id);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const newer = await ok(api, 'POST', `/forums/${forum.id}/registrations/${codes[0]}/join-pass`, staff);
    assertProblem(await joinWith(forum.id, { joinPass: c.joinPass.secret }), 403, 'forbidden');
    assertProblem(await joinWith(other.id, { joinPass: newer.secret }), 403, 'forbidden');
    for (const [method, path] of [['GET', `/forums/${forum.id}/participants/me`], ['GET', `/forums/${forum.id}/desk`], ['POST', `/forums/${forum.id}/ideas`]] as const) {
      assertProblem(await api.call(method, path, { token: newer.secret, body: method === 'POST' ? { text: '패스로 올린 글' } : undefined }), 403, 'forbidden');
    }
    // still unspent after all that
    assert.equal((await joinWith(forum.id, { joinPass: newer.secret, table: 1 })).status, 201);
  });

  test('before the forum is live the pass is refused (409) and not spent', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { joinMode: 'checkin' });
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    assertProblem(await joinWith(forum.id, { joinPass: c.joinPass.secret, table: 1 }), 409, 'forum-not-live');
    await goLive(api, forum.id);
    assert.equal((await joinWith(forum.id, { joinPass: c.joinPass.secret, table: 1 })).status, 201);
  });

  test('code mode: the join code still works, and so does a pass from the desk', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1);
    assert.equal(forum.joinMode, 'code');
    await goLive(api, forum.id);
    await join(api, forum, 1);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    assert.equal((await joinWith(forum.id, { joinPass: c.joinPass.secret, table: 2 })).status, 201);
    // and the mode can be switched by staff on the day
    await ok(api, 'PATCH', `/forums/${forum.id}`, staff, { joinMode: 'checkin' });
    assertProblem(await joinWith(forum.id, { joinCode: forum.joinCode, table: 1 }), 403, 'checkin-required');
  });

  test('bad join bodies name the field', async () => {
    const { forum } = await forumWithRegistrations(api, 0);
    await goLive(api, forum.id);
    for (const [body, expected] of [
      [{ table: 1 }, ['joinCode']],
      [{ joinCode: forum.joinCode }, ['table']],
      [{}, ['joinCode', 'table']],
      [{ joinCode: forum.joinCode, joinPass: 'hdj_xxxxxxxxxxxx', table: 1 }, ['joinPass']],
      [{ joinPass: 'short' }, ['joinPass']],
    ] as const) {
      const r = await joinWith(forum.id, body);
      assertProblem(r, 400, 'validation');
      assert.deepEqual(fields(r.body).sort(), [...expected].sort(), JSON.stringify(body));
    }
    assertProblem(await api.call('PATCH', `/forums/${forum.id}`, { token: staff, body: { joinMode: 'qr' } }), 400, 'validation');
  });
});
