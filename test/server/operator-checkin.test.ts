// The check-in desk (#16 item 2's API): check-in by code, idempotent under repetition, a second
// check-in harmless, unknown and cancelled codes, the door rule for waitlisted people and
// walk-ins, undo, the desk's search, and check-ins live for staff only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createForum, goLive, register, SseReader, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema, fields } from './contract.ts';
import { checkInPath, forumWithRegistrations, ok, staffToken, walkInBody } from './operator-helpers.ts';

describe('check-in desk', () => {
  let api: Api;
  let staff: string;
  before(async () => {
    api = await start();
    staff = (await staffToken(api)).token;
  });
  after(() => api.server.close());

  test('check in by code: the desk view, a join pass, the counts; the code in any case', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 2, {}, (i) => (i === 1 ? { accessibility: ['wheelchair'], accessibilityNote: '경사로 필요', consents: { personal: true, accessibility: true, notice: false } } : {}));
    const r = await api.call('POST', checkInPath(forum.id, codes[0]!.toLowerCase()), { token: staff });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assertSchema('CheckIn', r.body);
    assert.equal(r.body.alreadyCheckedIn, false);
    assert.equal(r.body.registration.code, codes[0]);
    assert.equal(r.body.registration.name, '참가자1');
    assert.equal(r.body.registration.checkedIn, true);
    assert.deepEqual(r.body.registration.accessibility, ['wheelchair']);
    assert.equal(r.body.registration.accessibilityNote, '경사로 필요');
    assert.match(r.body.joinPass.secret, /^hdj_/);
    assert.equal(r.body.joinPass.code, codes[0]);
    // 4 tables not set up: the capacity shared out, 8 seats each
    assert.deepEqual(r.body.counts, { expected: 2, checkedIn: 1, walkIns: 0, seats: 32 });
    // the desk view never carries contacts or the consent record
    assert.ok(!JSON.stringify(r.body).includes('010-0000-0001'), '!JSON.stringify(r.body).includes(\'010-0000-0001\')');
    // the pass is stored hashed only
    const raw = await api.server.db.selectFrom('tokens').select('hash').execute();
    assert.ok(raw.every((t) => t.hash !== r.body.joinPass.secret), 'raw.every((t) => t.hash !== r.body.joinPass.secret)');
  });

  test('idempotent with Idempotency-Key: five repeats at once and five after, one check-in, one pass, one event', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1);
    const events = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events`, { Authorization: `Bearer ${staff}` });
    try {
      const key = randomUUID();
      const send = () => api.call('POST', checkInPath(forum.id, codes[0]!), { token: staff, key });
      const first = await Promise.all(Array.from({ length: 5 }, send));
      const later = [];
      for (let i = 0; i < 5; i++) later.push(await send());
      const done = [...first, ...later].filter((r) => r.status === 200);
      // a repeat that meets the first still in flight is told to retry (409); none is a second check-in
      for (const r of [...first, ...later]) assert.ok(r.status === 200 || (r.status === 409 && r.body.type.endsWith('idempotency-key-in-flight')), JSON.stringify(r.body));
      assert.ok(later.every((r) => r.status === 200), 'later.every((r) => r.status === 200)');
      const secrets = new Set(done.map((r) => r.body.joinPass.secret));
      assert.equal(secrets.size, 1, 'every answer is the first one, pass included');
      assert.ok(done.every((r) => r.body.alreadyCheckedIn === false), 'done.every((r) => r.body.alreadyCheckedIn === false)');
      assert.ok(later.every((r) => r.headers.get('idempotent-replayed') === 'true'), 'later.every((r) => r.headers.get(\'idempotent-replayed\') === \'true\')');
      const passes = await api.server.db.selectFrom('tokens').select('hash').where('kind', '=', 'join').where('forum_id', '=', forum.id).execute();
      assert.equal(passes.length, 1);
      await events.until((s) => s.events().some((e) => e.event === 'checkin.changed'));
      // a later write's event proves the stream is past any second check-in event
      await ok(api, 'POST', `/forums/${forum.id}/seating`, staff);
      await events.until((s) => s.events().some((e) => e.event === 'seating.changed'));
      assert.equal(events.events().filter((e) => e.event === 'checkin.changed').length, 1);
    } finally {
      events.close();
    }
  });

  test('a second check-in (another key) is harmless and says so; no new pass', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1);
    const first = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const again = await api.call('POST', checkInPath(forum.id, codes[0]!), { token: staff });
    assert.equal(again.status, 200);
    assertSchema('CheckIn', again.body);
    assert.equal(again.body.alreadyCheckedIn, true);
    assert.equal(again.body.joinPass, null);
    assert.equal(again.body.registration.checkedInAt, first.registration.checkedInAt);
    assert.equal(again.body.counts.checkedIn, 1);
  });

  test('an unknown code is 404, a cancelled one 409, a forum that is not open for it 409', async () => {
    const { forum } = await forumWithRegistrations(api, 1);
    assertProblem(await api.call('POST', checkInPath(forum.id, 'HD-NOSUCH'), { token: staff }), 404, 'not-found');
    // a code of another forum is unknown here
    const other = await forumWithRegistrations(api, 1);
    assertProblem(await api.call('POST', checkInPath(forum.id, other.codes[0]!), { token: staff }), 404, 'not-found');
    const reg = await register(api, forum.id, 9);
    await api.call('DELETE', '/registrations/me', { token: reg.body.cancelToken });
    const cancelled = await api.call('POST', checkInPath(forum.id, reg.body.code), { token: staff });
    assertProblem(cancelled, 409, 'registration-cancelled');
    assert.match(cancelled.body.detail, /cancelled/);
    const announced = await createForum(api);
    assertProblem(await api.call('POST', `/forums/${announced.id}/walk-ins`, { token: staff, body: walkInBody('가') }), 409, 'invalid-transition');
  });

  test('the Idempotency-Key is required; the body is optional and strict', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1);
    const r = await api.call('POST', checkInPath(forum.id, codes[0]!), { token: staff, key: null });
    assertProblem(r, 400, 'validation');
    assert.deepEqual(fields(r.body), ['header.Idempotency-Key']);
    const bad = await api.call('POST', checkInPath(forum.id, codes[0]!), { token: staff, body: { overCapacity: 'yes', colour: 1 } });
    assertProblem(bad, 400, 'validation');
    assert.deepEqual(fields(bad.body).sort(), ['colour', 'overCapacity']);
  });

  test('door rule: a waitlisted person gets in only to a free seat (confirmed seats are held until live); then confirmed', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 3, { capacity: 2, tables: 0 });
    const waitlisted = codes[2]!;
    // 2 seats, 2 confirmed expected: no free seat before the forum is live
    const refused = await api.call('POST', checkInPath(forum.id, waitlisted), { token: staff });
    assertProblem(refused, 409, 'no-seats-left');
    assert.match(refused.body.detail, /held for confirmed/);
    // live: the seats of people who did not come are free
    await api.admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
    await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const admitted = await ok(api, 'POST', checkInPath(forum.id, waitlisted), staff);
    assert.equal(admitted.registration.status, 'confirmed');
    assert.deepEqual({ ...admitted.counts }, { expected: 3, checkedIn: 2, walkIns: 0, seats: 2 });
    // now the room is full: a walk-in is refused, unless staff bring a chair
    assertProblem(await api.call('POST', `/forums/${forum.id}/walk-ins`, { token: staff, body: walkInBody('늦게 온 분') }), 409, 'no-seats-left');
    const chair = await api.call('POST', `/forums/${forum.id}/walk-ins`, { token: staff, body: walkInBody('늦게 온 분', { overCapacity: true }) });
    assert.equal(chair.status, 201);
    // a confirmed registrant always gets in, even into a full room
    assert.equal((await api.call('POST', checkInPath(forum.id, codes[1]!), { token: staff })).status, 200);
  });

  test('walk-in: the form’s consents ticked by the person, contact optional, seated like others, a code and a pass', async () => {
    const forum = await createForum(api);
    await api.admin('PUT', `/forums/${forum.id}/signup-form`, { questions: [{ id: 'why', label: '참여 동기', kind: 'text', required: true }] });
    await goLive(api, forum.id);
    const path = `/forums/${forum.id}/walk-ins`;
    // the required consent is refused: nothing is stored
    const noConsent = await api.call('POST', path, { token: staff, body: walkInBody('현장 참가', { consents: { personal: false } }) });
    assertProblem(noConsent, 400, 'validation');
    assert.deepEqual(fields(noConsent.body), ['consents.personal']);
    // answers consent given: the required question must be answered
    const unanswered = await api.call('POST', path, { token: staff, body: walkInBody('현장 참가', { consents: { personal: true, answers: true } }) });
    assert.deepEqual(fields(unanswered.body), ['answers.why']);
    assert.equal((await api.call('GET', `/forums/${forum.id}/desk`, { token: staff })).body.items.length, 0);
    const r = await api.call('POST', path, { token: staff, body: walkInBody('현장 참가', { consents: { personal: true, answers: false, accessibility: true, notice: false }, accessibility: ['sign-language'] }) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assertSchema('CheckIn', r.body);
    assert.match(r.body.registration.code, /^HD-[A-Z0-9]{6}$/);
    assert.equal(r.body.registration.walkIn, true);
    assert.equal(r.body.registration.status, 'confirmed');
    assert.deepEqual(r.body.registration.accessibility, ['sign-language']);
    assert.match(r.body.joinPass.secret, /^hdj_/);
    assert.equal(r.body.counts.walkIns, 1);
    const stored = await api.server.db.selectFrom('registrations').selectAll().where('code', '=', r.body.registration.code).executeTakeFirstOrThrow();
    assert.equal(stored.contact_value, null);
    assert.deepEqual(JSON.parse(stored.consents), { personal: true, accessibility: true, answers: false, notice: false });
    // with a contact that already registered: check that registration in instead
    const reg = await api.call('POST', path, { token: staff, body: walkInBody('연락처 있음', { contact: { kind: 'phone', value: '010-0000-7777' } }) });
    assert.equal(reg.status, 201);
    assertProblem(await api.call('POST', path, { token: staff, body: walkInBody('같은 사람', { contact: { kind: 'phone', value: '01000007777' } }) }), 409, 'already-registered');
  });

  test('undo: no longer arrived, seat and pass gone; undoing again is harmless', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1);
    await goLive(api, forum.id);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    await ok(api, 'PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, staff, { table: 2 });
    const undone = await api.call('DELETE', checkInPath(forum.id, codes[0]!), { token: staff });
    assert.equal(undone.status, 200);
    assertSchema('DeskRegistration', undone.body);
    assert.deepEqual([undone.body.checkedIn, undone.body.table, undone.body.tablePinned], [false, null, false]);
    assertProblem(await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinPass: c.joinPass.secret } }), 403, 'forbidden');
    const again = await api.call('DELETE', checkInPath(forum.id, codes[0]!), { token: staff });
    assert.equal(again.status, 200);
    assertProblem(await api.call('POST', `/forums/${forum.id}/registrations/${codes[0]}/join-pass`, { token: staff }), 409, 'not-checked-in');
    // checked in again: a fresh pass
    const back = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    assert.notEqual(back.joinPass.secret, c.joinPass.secret);
  });

  test('search: by part of a name, the last 4 phone digits or the code; only what the desk needs', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 3, {}, (i) => ({ name: ['김하늘', '이바다', '박하늘'][i - 1], contact: { kind: 'phone', value: `010-1234-${5670 + i}` } }));
    const desk = (q?: string) => api.call('GET', `/forums/${forum.id}/desk${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, { token: staff });
    const all = await desk();
    assert.equal(all.status, 200);
    assert.deepEqual(Object.keys(all.body).sort(), ['counts', 'items', 'nextCursor']);
    for (const item of all.body.items) assertSchema('DeskRegistration', item);
    assertSchema('DeskCounts', all.body.counts);
    assert.deepEqual(all.body.items.map((i: any) => i.code), codes);
    assert.deepEqual((await desk('하늘')).body.items.map((i: any) => i.name), ['김하늘', '박하늘']);
    assert.deepEqual((await desk('5672')).body.items.map((i: any) => i.name), ['이바다']);
    assert.deepEqual((await desk(codes[2]!.toLowerCase())).body.items.map((i: any) => i.name), ['박하늘']);
    assert.deepEqual((await desk('%')).body.items, [], 'LIKE wildcards are text');
    assert.ok(!JSON.stringify(all.body).includes('1234-567'), 'no contacts');
    const page = await api.call('GET', `/forums/${forum.id}/desk?limit=2`, { token: staff });
    assert.equal(page.body.items.length, 2);
    const rest = await api.call('GET', `/forums/${forum.id}/desk?limit=2&cursor=${page.body.nextCursor}`, { token: staff });
    assert.deepEqual(rest.body.items.map((i: any) => i.code), [codes[2]]);
    assert.equal(rest.body.nextCursor, null);
  });

  test('check-ins are live for staff only: a staff stream sees names, the public stream (live or replayed) never', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, {}, () => ({ name: '비밀이름' }));
    const staffStream = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events`, { Authorization: `Bearer ${staff}` });
    const publicStream = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events`);
    try {
      await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
      await staffStream.until((s) => s.events().some((e) => e.event === 'checkin.changed'));
      const e = staffStream.events().find((x) => x.event === 'checkin.changed')!;
      assertSchema('LiveEvent', e.json);
      assert.equal(e.json.data.action, 'checked-in');
      assert.equal(e.json.data.registration.name, '비밀이름');
      assert.ok(!('audience' in e.json), '!(\'audience\' in e.json)');
      // a public event after it: the public stream has passed the check-in without it
      await api.admin('PATCH', `/forums/${forum.id}`, { title: '이후의 공개 이벤트' });
      await publicStream.until((s) => s.events().some((x) => x.event === 'forum.updated' && x.json.data.title === '이후의 공개 이벤트'));
      assert.ok(!publicStream.messages.some((m) => (m.data ?? '').includes('비밀이름')), 'the public stream carries no name');
      assert.ok(!publicStream.events().some((x) => x.event === 'checkin.changed'), '!publicStream.events().some((x) => x.event === \'checkin.changed\')');
      // replayed from the start, the public stream still has no check-in; the staff one does
      const replay = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events?lastEventId=0`);
      const staffReplay = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events?lastEventId=0`, { Authorization: `Bearer ${staff}` });
      try {
        await replay.until((s) => s.events().some((x) => x.event === 'forum.updated' && x.json.data.title === '이후의 공개 이벤트'));
        assert.ok(!replay.messages.some((m) => (m.data ?? '').includes('비밀이름')), '!replay.messages.some((m) => (m.data ?? \'\').includes(\'비밀이름\'))');
        await staffReplay.until((s) => s.events().some((x) => x.event === 'checkin.changed'));
      } finally {
        replay.close();
        staffReplay.close();
      }
      // a facilitator's stream (hidden ideas in full) is still no staff stream
      const fac = (await api.admin('POST', `/forums/${forum.id}/facilitators`, { name: '진행자' })).token;
      const facStream = await SseReader.open(`${api.server.apiBase}/forums/${forum.id}/events?lastEventId=0`, { Authorization: `Bearer ${fac}` });
      try {
        await facStream.until((s) => s.events().some((x) => x.event === 'forum.updated' && x.json.data.title === '이후의 공개 이벤트'));
        assert.ok(!facStream.events().some((x) => x.event === 'checkin.changed'), 'a facilitator’s stream has no check-ins');
      } finally {
        facStream.close();
      }
      // an unknown token on the stream is 401
      const unknown = await fetch(`${api.server.apiBase}/forums/${forum.id}/events`, { headers: { Authorization: 'Bearer hds_not-a-real-token-at-all' } });
      assert.equal(unknown.status, 401);
      await unknown.body?.cancel();
    } finally {
      staffStream.close();
      publicStream.close();
    }
  });
});
