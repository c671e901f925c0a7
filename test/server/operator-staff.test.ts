// Staff access (#16 item 5): named, revocable staff tokens; who may call what — public,
// participant, facilitator, staff, admin, revoked staff — on every operator operation, and the
// split between what staff may do and what stays with the admin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken } from '../../server/auth/tokens.ts';
import { goLive, join, register, start, type Api } from './helpers.ts';
import { assertForumAdmin, assertPage, assertProblem, assertSchema, fields } from './contract.ts';
import { checkInPath, forumWithRegistrations, ok, staffToken, walkInBody } from './operator-helpers.ts';

describe('staff tokens', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('the admin issues a named token (shown once, stored hashed), lists staff without tokens, revokes', async () => {
    const r = await api.call('POST', '/admin/staff', { token: api.server.adminToken, body: { name: '  김민지 ', note: '토론회 운영팀' } });
    assert.equal(r.status, 201);
    assertSchema('StaffTokenCreated', r.body);
    assert.match(r.body.token, /^hds_[A-Za-z0-9_-]{43}$/);
    assert.equal(r.body.name, '김민지');
    assert.equal(r.headers.get('location'), `/api/admin/staff/${r.body.id}`);
    const stored = await api.server.db.selectFrom('tokens').selectAll().where('kind', '=', 'staff').execute();
    assert.ok(stored.some((t) => t.hash === hashToken(r.body.token)), 'stored.some((t) => t.hash === hashToken(r.body.token))');
    assert.ok(stored.every((t) => t.hash !== r.body.token), 'stored.every((t) => t.hash !== r.body.token)');
    const list = await api.call('GET', '/admin/staff', { token: api.server.adminToken });
    assertPage('StaffMember', list.body);
    assert.ok(!JSON.stringify(list.body).includes(r.body.token), '!JSON.stringify(list.body).includes(r.body.token)');
    assert.deepEqual(list.body.items.find((s: any) => s.id === r.body.id), { id: r.body.id, name: '김민지', note: '토론회 운영팀', createdAt: r.body.createdAt, revokedAt: null });

    // the token works…
    assert.equal((await api.call('POST', '/forums', { token: r.body.token, body: {} })).status, 400);
    // …until it is revoked: then 401, saying so
    const revoked = await api.call('DELETE', `/admin/staff/${r.body.id}`, { token: api.server.adminToken });
    assert.equal(revoked.status, 200);
    assertSchema('StaffMember', revoked.body);
    assert.ok(revoked.body.revokedAt, 'revoked.body.revokedAt');
    const refused = await api.call('POST', '/forums', { token: r.body.token, body: {} });
    assertProblem(refused, 401, 'unauthorized');
    assert.match(refused.body.detail, /revoked/);
    // revoking twice is harmless; an unknown id is 404
    assert.equal((await api.call('DELETE', `/admin/staff/${r.body.id}`, { token: api.server.adminToken })).body.revokedAt, revoked.body.revokedAt);
    assertProblem(await api.call('DELETE', '/admin/staff/nosuchstaff', { token: api.server.adminToken }), 404, 'not-found');
  });

  test('bad input: a name is required (not just spaces), at most 50 characters; unknown fields refused', async () => {
    for (const [body, field] of [[{}, 'name'], [{ name: '   ' }, 'name'], [{ name: 'x'.repeat(51) }, 'name'], [{ name: '가', token: 'mine' }, 'token']] as const) {
      const r = await api.call('POST', '/admin/staff', { token: api.server.adminToken, body });
      assertProblem(r, 400, 'validation');
      assert.deepEqual(fields(r.body), [field]);
    }
  });

  test('staff may run forums: set-up, status, form, facilitators, tables, voting, moderation, results, responses', async () => {
    const { token } = await staffToken(api, '운영 담당');
    const forum = await ok(api, 'POST', '/forums', token, { title: '직원이 만든 토론회', summary: '', district: '화도읍', venue: { name: '회관', address: '주소' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 20, tables: 2, joinMode: 'checkin' });
    assertForumAdmin(forum);
    assert.equal(forum.joinMode, 'checkin');
    await ok(api, 'PATCH', `/forums/${forum.id}`, token, { capacity: 24 });
    await ok(api, 'PUT', `/forums/${forum.id}/signup-form`, token, { questions: [] });
    await ok(api, 'PUT', `/forums/${forum.id}/tables`, token, { tables: [{ number: 1, seats: 6 }, { number: 2, seats: 6, accessible: true }] });
    await ok(api, 'POST', `/forums/${forum.id}/facilitators`, token, { name: '진행자', table: 1 });
    await ok(api, 'POST', `/forums/${forum.id}/status`, token, { status: 'live' });
    await ok(api, 'PUT', `/forums/${forum.id}/voting`, token, { open: true });
    const f = await api.admin('POST', `/forums/${forum.id}/facilitators`, { name: '진행자2', table: 2 });
    const idea = (await api.call('POST', `/forums/${forum.id}/ideas`, { token: f.token, body: { text: '아이디어' } })).body;
    await ok(api, 'PATCH', `/forums/${forum.id}/ideas/${idea.id}`, token, { promoted: true });
    assert.equal((await api.call('GET', `/forums/${forum.id}/ideas?include=all`, { token })).status, 200);
    await ok(api, 'POST', `/forums/${forum.id}/status`, token, { status: 'finished' });
    const result = await ok(api, 'PUT', `/forums/${forum.id}/results`, token, { attended: 2, proposals: [{ title: '제안', ideaIds: [idea.id] }] });
    await ok(api, 'PUT', `/forums/${forum.id}/proposals/${result.proposals[0].id}/response`, token, { status: 'accepted', answer: '수용합니다.' });
  });

  test('what stays with the admin: staff tokens, the audit log, personal data in full', async () => {
    const { token } = await staffToken(api, '권한 확인');
    const other = await staffToken(api, '다른 직원');
    const { forum } = await forumWithRegistrations(api, 1);
    const adminOnly: [string, string, unknown?][] = [
      ['POST', '/admin/staff', { name: '몰래 만든 직원' }],
      ['GET', '/admin/staff'],
      ['DELETE', `/admin/staff/${other.id}`],
      ['GET', '/admin/audit-log'],
      ['GET', '/admin/audit-log.csv'],
      ['POST', '/admin/personal-data/export', { contact: { kind: 'phone', value: '010-0000-0001' } }],
      ['POST', '/admin/personal-data/erase', { contact: { kind: 'phone', value: '010-0000-0001' } }],
      ['GET', `/forums/${forum.id}/registrations`],
    ];
    for (const [method, path, body] of adminOnly) {
      assertProblem(await api.call(method, path, { token, body }), 403, 'forbidden');
      assert.ok((await api.call(method, path, { token: api.server.adminToken, body })).status < 300, `${method} ${path} with the admin token`);
    }
    assert.equal((await api.call('GET', `/forums/${forum.id}/desk`, { token })).status, 200);
  });

  test('every operator operation: no token 401, participant/facilitator/cancel 403, staff and admin allowed, revoked staff 401', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 8);
    const cancel = (await register(api, forum.id, 99)).body;
    await goLive(api, forum.id);
    const fac = await api.admin('POST', `/forums/${forum.id}/facilitators`, { name: '진행자', table: 1 });
    const part = await join(api, forum, 1);
    const staff = await staffToken(api, '권한 행렬');
    const gone = await staffToken(api, '떠난 직원');
    await api.admin('DELETE', `/admin/staff/${gone.id}`);

    let i = 0;
    // one registration throughout; the writes that need an arrival check it in first
    const ops: [string, (code: string) => string, (code: string) => unknown][] = [
      ['GET', () => `/forums/${forum.id}/desk?q=참가자`, () => undefined],
      ['POST', (code) => checkInPath(forum.id, code), () => undefined],
      ['POST', (code) => `/forums/${forum.id}/registrations/${code}/join-pass`, () => undefined],
      ['PUT', (code) => `/forums/${forum.id}/registrations/${code}/table`, () => ({ table: 3 })],
      ['DELETE', (code) => checkInPath(forum.id, code), () => undefined],
      ['POST', () => `/forums/${forum.id}/walk-ins`, () => walkInBody(`현장 ${++i}`)],
      ['PUT', () => `/forums/${forum.id}/tables`, () => ({ tables: [1, 2, 3, 4].map((n) => ({ number: n, seats: 8 })) })],
      ['POST', () => `/forums/${forum.id}/seating`, () => ({ mode: 'keep' })],
    ];
    for (const [method, path, body] of ops) {
      const code = codes[0]!;
      for (const [who, token, status] of [
        ['no token', null, 401],
        ['participant', part.token, 403],
        ['facilitator', fac.token, 403],
        ['cancel', cancel.cancelToken, 403],
        ['revoked staff', gone.token, 401],
      ] as const) {
        const r = await api.call(method, path(code), { token, body: body(code) });
        assertProblem(r, status);
        assert.equal(r.status, status, `${who} on ${method} ${path(code)}`);
      }
      for (const [who, token] of [['staff', staff.token], ['admin', api.server.adminToken]] as const) {
        // the write-after-check-in operations need a checked-in registration
        if (method !== 'GET' && path(code).includes('/registrations/') && !path(code).endsWith('/check-in')) {
          await ok(api, 'POST', checkInPath(forum.id, code), staff.token);
        }
        if (method === 'DELETE') await ok(api, 'POST', checkInPath(forum.id, code), staff.token);
        const r = await api.call(method, path(code), { token, body: body(code) });
        assert.ok(r.status < 300, `${who} on ${method} ${path(code)} → ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
    assert.equal(codes.length, 8);
  });
});
