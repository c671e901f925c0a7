// The audit log (#16 item 5): every write made with an admin or staff token is listed with who
// made it (the staff member's name, or "admin"), what, where and a summary without personal
// data; refused writes, replays and other people's writes are not; filters, keyset paging, the
// CSV (formula-safe); and nothing — no route, no query through the app's database — can change
// or remove an entry.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AUDITED_ROUTES } from '../../server/model/audit.ts';
import { goLive, join, register, start, type Api } from './helpers.ts';
import { assertPage, assertProblem } from './contract.ts';
import { checkInPath, forumWithRegistrations, ok, staffToken, walkInBody } from './operator-helpers.ts';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

async function entries(api: Api, query = ''): Promise<any[]> {
  const r = await api.call('GET', `/admin/audit-log?limit=100${query}`, { token: api.server.adminToken });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assertPage('AuditEntry', r.body);
  return r.body.items;
}

describe('audit log', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('every write of a forum day, with the staff member’s name, the operation, forum and resource', async () => {
    const kim = await staffToken(api, '김민지');
    const lee = await staffToken(api, '이서준');
    const forum = await ok(api, 'POST', '/forums', kim.token, { title: '감사 기록 토론회', summary: '', district: '화도읍', venue: { name: '회관', address: '주소' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 20, tables: 4 });
    const f = forum.id;
    await ok(api, 'PUT', `/forums/${f}/tables`, kim.token, { tables: [1, 2, 3, 4].map((n) => ({ number: n, seats: 5, accessible: n === 1 })) });
    await ok(api, 'POST', `/forums/${f}/status`, kim.token, { status: 'open' });
    const reg = (await register(api, f, 1)).body; // a citizen's signup: not an operator write
    await ok(api, 'POST', checkInPath(f, reg.code), lee.token);
    const walk = await ok(api, 'POST', `/forums/${f}/walk-ins`, lee.token, walkInBody('현장 참가자', { contact: { kind: 'phone', value: '010-0000-4321' } }));
    await ok(api, 'POST', `/forums/${f}/seating`, lee.token, { mode: 'fresh' });
    await ok(api, 'PUT', `/forums/${f}/registrations/${reg.code}/table`, lee.token, { table: 2 });
    await ok(api, 'POST', `/forums/${f}/registrations/${reg.code}/join-pass`, lee.token);
    await ok(api, 'POST', `/forums/${f}/status`, api.server.adminToken, { status: 'live' });
    const fac = await ok(api, 'POST', `/forums/${f}/facilitators`, kim.token, { name: '진행자', table: 1 });
    await ok(api, 'PUT', `/forums/${f}/voting`, fac.token, { open: true }); // a facilitator's write: not audited
    await ok(api, 'PUT', `/forums/${f}/voting`, kim.token, { open: false });

    const log = (await entries(api, `&forumId=${f}`)).reverse();
    assert.deepEqual(
      log.map((e) => [e.actor, e.actorKind, e.operation, e.resource, e.summary]),
      [
        ['김민지', 'staff', 'createForum', null, 'forum created: capacity 20, 4 tables, join by code'],
        ['김민지', 'staff', 'putTables', null, '4 tables, 20 seats, 1 accessible'],
        ['김민지', 'staff', 'setForumStatus', null, 'status → open'],
        ['이서준', 'staff', 'checkInRegistration', `registration:${reg.code}`, 'checked in'],
        ['이서준', 'staff', 'createWalkIn', `registration:${walk.registration.code}`, 'walk-in registered and checked in'],
        ['이서준', 'staff', 'assignTables', null, 'seating fresh: 2 seated, 0 cannot be seated, 0 moved'],
        ['이서준', 'staff', 'seatRegistration', `registration:${reg.code}`, 'table → 2 (pinned)'],
        ['이서준', 'staff', 'issueJoinPass', `registration:${reg.code}`, 'join pass issued'],
        ['admin', 'admin', 'setForumStatus', null, 'status → live'],
        ['김민지', 'staff', 'createFacilitator', `facilitator:${fac.facilitatorId}`, 'facilitator token issued for table 1'],
        ['김민지', 'staff', 'setVoting', null, 'voting closed'],
      ],
    );
    for (const e of log) {
      assert.equal(e.forumId, f);
      assert.equal(e.status, e.operation === 'createForum' || e.operation === 'createWalkIn' || e.operation === 'issueJoinPass' || e.operation === 'createFacilitator' ? 201 : 200);
      assert.equal(e.staffId, e.actorKind === 'staff' ? (e.actor === '김민지' ? kim.id : lee.id) : null);
      assert.ok(e.path.startsWith('/api/'), 'e.path.startsWith(\'/api/\')');
    }
    // filters: by staff member, and both
    assert.deepEqual((await entries(api, `&staffId=${lee.id}`)).map((e) => e.actor), Array(5).fill('이서준'));
    assert.equal((await entries(api, `&forumId=${f}&staffId=${kim.id}`)).length, 5);
    assert.deepEqual(await entries(api, '&forumId=nosuchforum'), []);

    // nothing personal anywhere in the log: no contact, no token, no citizen's name
    const everything = JSON.stringify(await api.server.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of ['010-0000-4321', '0100000432', '참가자1', '현장 참가자', fac.token, kim.token, walk.joinPass.secret, reg.cancelToken]) {
      assert.ok(!everything.includes(secret), `the audit log holds ${secret}`);
    }
  });

  test('refused writes, idempotent replays and writes without an operator token add nothing', async () => {
    const staff = await staffToken(api, '박지우');
    const { forum, codes } = await forumWithRegistrations(api, 1);
    const before = (await entries(api, `&staffId=${staff.id}`)).length;
    assertProblem(await api.call('POST', checkInPath(forum.id, 'HD-NOSUCH'), { token: staff.token }), 404);
    assertProblem(await api.call('PUT', `/forums/${forum.id}/tables`, { token: staff.token, body: { tables: [{ number: 2, seats: 4 }] } }), 400);
    const key = randomUUID();
    await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff.token, undefined, key);
    const replay = await api.call('POST', checkInPath(forum.id, codes[0]!), { token: staff.token, key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await entries(api, `&staffId=${staff.id}`)).length, before + 1);
    // a second check-in with a new key is a write call, and is listed as what it was
    await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff.token);
    assert.equal((await entries(api, `&staffId=${staff.id}`))[0].summary, 'already checked in');
  });

  test('personal-data requests are listed without the contact; staff tokens issued and revoked too', async () => {
    await forumWithRegistrations(api, 1, {}, () => ({ contact: { kind: 'phone', value: '010-0000-2468' } }));
    await api.admin('POST', '/admin/personal-data/export', { contact: { kind: 'phone', value: '010-0000-2468' } });
    await api.admin('POST', '/admin/personal-data/erase', { contact: { kind: 'phone', value: '010-0000-2468' } });
    const s = await staffToken(api, '잠깐 일한 직원');
    await api.admin('DELETE', `/admin/staff/${s.id}`);
    const top = (await entries(api)).slice(0, 4).reverse();
    assert.deepEqual(
      top.map((e) => [e.actor, e.operation, e.resource, e.summary]),
      [
        ['admin', 'exportPersonalData', null, 'exported 1 registrations'],
        ['admin', 'erasePersonalData', null, 'erased 1 registrations (1 cancelled)'],
        ['admin', 'createStaffToken', `staff:${s.id}`, 'staff token issued'],
        ['admin', 'revokeStaffToken', `staff:${s.id}`, 'staff token revoked'],
      ],
    );
    assert.ok(!JSON.stringify(top).includes('2468'), '!JSON.stringify(top).includes(\'2468\')');
  });

  test('keyset paging: newest first, no entry twice or lost while new ones are appended', async () => {
    const staff = await staffToken(api, '페이지 확인');
    const { forum } = await forumWithRegistrations(api, 0);
    for (let i = 0; i < 5; i++) await ok(api, 'PATCH', `/forums/${forum.id}`, staff.token, { title: `제목 ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const r: any = await api.call('GET', `/admin/audit-log?forumId=${forum.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: api.server.adminToken });
      seen.push(...r.body.items.map((e: any) => e.id));
      cursor = r.body.nextCursor;
      if (first) await ok(api, 'PATCH', `/forums/${forum.id}`, staff.token, { title: '페이지 도중' }); // appended meanwhile
      first = false;
    } while (cursor);
    // the forum's creation (admin) and status change, then the five edits made before paging began
    assert.equal(seen.length, 7);
    assert.deepEqual([...seen].sort((a, b) => Number(b) - Number(a)), seen);
    assertProblem(await api.call('GET', '/admin/audit-log?cursor=nope', { token: api.server.adminToken }), 400);
  });

  test('CSV: text/csv with a BOM, a header row, newest first, and formulas disarmed', async () => {
    const mallory = await staffToken(api, '=HYPERLINK("http://evil.example","클릭")');
    const { forum } = await forumWithRegistrations(api, 0);
    await ok(api, 'PATCH', `/forums/${forum.id}`, mallory.token, { summary: '+1' });
    const res = await fetch(`${api.server.apiBase}/admin/audit-log.csv?forumId=${forum.id}`, { headers: { Authorization: `Bearer ${api.server.adminToken}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="hyeondap-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so Excel reads Korean');
    const text = new TextDecoder().decode(bytes); // (drops the BOM)
    assert.ok(text.startsWith('at,actor,actorKind,staffId,operation,forumId,resource,summary,status,method,path\r\n'), 'text.startsWith(\'at,actor,actorKind,staffId,operation,forumId,resource,summary,status,…');
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 3); // header; the edit, the status change, the creation
    assert.ok(lines[1]!.includes(`"'=HYPERLINK(""http://evil.example"",""클릭"")"`), lines[1]);
    assert.doesNotMatch(text, /(^|,|\r\n)"?=HYPERLINK/);
    assert.ok(lines[1]!.includes(',updateForum,'), 'lines[1]!.includes(\',updateForum,\')');
    assert.ok(lines[3]!.includes(',createForum,'), 'lines[3]!.includes(\',createForum,\')');
    assertProblem(await api.call('GET', '/admin/audit-log.csv?staffId=!!', { token: api.server.adminToken }), 400);
  });

  test('append-only: no route changes the log, and the database refuses UPDATE and DELETE', async () => {
    const staff = await staffToken(api, '지우려는 사람');
    await ok(api, 'POST', '/forums', staff.token, { title: '흔적', summary: '', district: '화도읍', venue: { name: '회관', address: '주소' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5 });
    const [entry] = await entries(api, `&staffId=${staff.id}`);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/admin/audit-log', `/admin/audit-log/${entry.id}`, '/admin/audit-log.csv']) {
        for (const token of [api.server.adminToken, staff.token]) {
          const r = await api.call(method, path, { token, body: { summary: 'rewritten' } });
          assert.equal(r.status, 404, `${method} ${path}`);
        }
      }
    }
    // the route layer's own database handle cannot alter it either
    const db = api.server.db;
    await assert.rejects(db.updateTable('audit_log').set({ summary: 'rewritten', actor: 'someone else' }).where('id', '=', Number(entry.id)).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('audit_log').where('id', '=', Number(entry.id)).execute(), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(db), /append-only/);
    await assert.rejects(db.transaction().execute((trx) => trx.updateTable('audit_log').set({ status: 0 }).execute()), /append-only/);
    const [still] = await entries(api, `&staffId=${staff.id}`);
    assert.deepEqual(still, entry);
  });

  test('every operator write of the contract has an operation name in the audit log', () => {
    const doc = parse(readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, { operationId: string; security?: { bearer?: string[] }[] }>> };
    const audited = new Set(Object.values(AUDITED_ROUTES));
    const missing: string[] = [];
    for (const [, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const kinds = (op.security ?? []).flatMap((s) => s.bearer ?? []);
        if ((kinds.includes('admin') || kinds.includes('staff')) && !audited.has(op.operationId)) missing.push(op.operationId);
      }
    }
    assert.deepEqual(missing, []);
    // and the route keys match the contract's paths
    for (const key of Object.keys(AUDITED_ROUTES)) {
      const [method, route] = key.split(' ') as [string, string];
      const path = route.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[method.toLowerCase()], `${key} is not in the contract`);
    }
  });

  test('a participant joining, a citizen signing up: no entries', async () => {
    const { forum } = await forumWithRegistrations(api, 1);
    await goLive(api, forum.id);
    const count = async () => (await entries(api, `&forumId=${forum.id}`)).length;
    const n = await count();
    await join(api, forum, 1);
    assert.equal(await count(), n);
  });
});
