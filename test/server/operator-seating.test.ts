// Tables and seating through the API (#16 items 3–4): tables set up per forum, the assignment
// engine run over checked-in people (keep / rebalance / fresh), "N cannot be seated", moves by
// hand that pin, access needs at accessible tables, and the same seating for the same forum.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, goLive, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema, fields } from './contract.ts';
import { checkInPath, forumWithRegistrations, ok, staffToken, walkInBody } from './operator-helpers.ts';

const fourTables = { tables: [1, 2, 3, 4].map((n) => ({ number: n, seats: 6, topic: `주제 ${n}`, facilitator: `진행자 ${n}`, accessible: n === 4 })) };

describe('tables and seating', () => {
  let api: Api;
  let staff: string;
  before(async () => {
    api = await start();
    staff = (await staffToken(api)).token;
  });
  after(() => api.server.close());

  test('set up tables: seats, topic, facilitator, accessible; shown on the public tables list; numbered 1..n', async () => {
    const forum = await createForum(api, { tables: 2 });
    const r = await api.call('PUT', `/forums/${forum.id}/tables`, { token: staff, body: fourTables });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    for (const t of r.body.items) assertSchema('Table', t);
    assert.deepEqual(
      r.body.items.map((t: any) => [t.number, t.seats, t.topic, t.facilitator, t.accessible]),
      [[1, 6, '주제 1', '진행자 1', false], [2, 6, '주제 2', '진행자 2', false], [3, 6, '주제 3', '진행자 3', false], [4, 6, '주제 4', '진행자 4', true]],
    );
    assert.deepEqual((await api.call('GET', `/forums/${forum.id}/tables`)).body, r.body);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.tables, 4);
    for (const [tables, field] of [
      [[{ number: 1, seats: 6 }, { number: 3, seats: 6 }], 'tables.1.number'],
      [[{ number: 1, seats: 6 }, { number: 1, seats: 6 }], 'tables.1.number'],
      [[{ number: 1, seats: 0 }], 'tables.0.seats'],
      [[{ number: 1 }], 'tables.0.seats'],
    ] as const) {
      const bad = await api.call('PUT', `/forums/${forum.id}/tables`, { token: staff, body: { tables } });
      assertProblem(bad, 400, 'validation');
      assert.deepEqual(fields(bad.body), [field]);
    }
  });

  test('a registrant and a walk-in, checked in, are seated into 4 tables (one accessible) with the balance figures', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { tables: 4 }, () => ({ district: '화도읍', ageGroup: '40s' }));
    await ok(api, 'PUT', `/forums/${forum.id}/tables`, staff, fourTables);
    await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    const walk = await ok(api, 'POST', `/forums/${forum.id}/walk-ins`, staff, walkInBody('현장 참가자', { district: '와부읍', ageGroup: '60s' }));
    const r = await api.call('POST', `/forums/${forum.id}/seating`, { token: staff, body: { mode: 'fresh' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assertSchema('Seating', r.body);
    assert.equal(r.body.seated, 2);
    assert.equal(r.body.cannotBeSeated, 0);
    assert.deepEqual(r.body.seats.map((s: any) => s.code).sort(), [codes[0], walk.registration.code].sort());
    const tables = r.body.seats.map((s: any) => s.table);
    assert.notEqual(tables[0], tables[1], 'two people from different districts and ages sit apart');
    assert.deepEqual(r.body.tables.map((t: any) => t.number), [1, 2, 3, 4]);
    assert.equal(r.body.tables.reduce((n: number, t: any) => n + t.seated, 0), 2);
    assert.deepEqual(r.body.tables.find((t: any) => t.number === 4).accessible, true);
    assert.ok(r.body.balance.outOfBand === 0, 'r.body.balance.outOfBand === 0');
    // the desk sees each person's table
    const desk = (await api.call('GET', `/forums/${forum.id}/desk`, { token: staff })).body.items;
    assert.deepEqual(desk.map((d: any) => d.table).sort(), [...tables].sort());
  });

  test('more people than seats: everyone else seated, and how many cannot be seated', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 5, { tables: 2, capacity: 5 });
    await ok(api, 'PUT', `/forums/${forum.id}/tables`, staff, { tables: [{ number: 1, seats: 2 }, { number: 2, seats: 1 }] });
    await goLive(api, forum.id);
    for (const code of codes) await ok(api, 'POST', checkInPath(forum.id, code), staff, { overCapacity: true });
    const r = await ok(api, 'POST', `/forums/${forum.id}/seating`, staff);
    assert.equal(r.seated, 3);
    assert.equal(r.cannotBeSeated, 2);
    assert.equal(r.shortfall, 2);
    // first come, first seated
    assert.deepEqual(r.unseated.map((u: any) => [u.code, u.reason]), [[codes[3], 'no-seat'], [codes[4], 'no-seat']]);
  });

  test('wheelchair users sit at accessible tables; companions together; re-runs in keep mode move nobody', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 10, { tables: 4 }, (i) => ({
      district: ['화도읍', '진접읍', '와부읍', '별내동', '다산1동'][i % 5],
      ageGroup: ['20s', '40s', '60s'][i % 3],
      ...(i === 3 ? { accessibility: ['wheelchair'], consents: { personal: true, accessibility: true } } : {}),
    }));
    await ok(api, 'PUT', `/forums/${forum.id}/tables`, staff, fourTables);
    for (const code of codes.slice(0, 8)) await ok(api, 'POST', checkInPath(forum.id, code), staff);
    // the 9th came with the 1st
    await ok(api, 'POST', checkInPath(forum.id, codes[8]!), staff, { companionCode: codes[0] });
    const first = await ok(api, 'POST', `/forums/${forum.id}/seating`, staff, { mode: 'fresh' });
    const at = (r: any, code: string) => r.seats.find((s: any) => s.code === code)?.table;
    assert.equal(at(first, codes[2]!), 4, 'the wheelchair user is at the accessible table');
    assert.equal(at(first, codes[8]!), at(first, codes[0]!), 'companions sit together');
    // a late arrival: keep moves nobody who is seated
    await ok(api, 'POST', checkInPath(forum.id, codes[9]!), staff);
    const second = await ok(api, 'POST', `/forums/${forum.id}/seating`, staff);
    assert.equal(second.mode, 'keep');
    assert.deepEqual(second.moved, []);
    for (const s of first.seats) assert.equal(at(second, s.code), s.table, `${s.code} kept the seat`);
    assert.ok(at(second, codes[9]!), 'at(second, codes[9]!)');
  });

  test('a move by hand pins the seat: kept by keep, rebalance and fresh; table-full and not-checked-in refused', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 4, { tables: 2 });
    await ok(api, 'PUT', `/forums/${forum.id}/tables`, staff, { tables: [{ number: 1, seats: 2 }, { number: 2, seats: 2 }] });
    assertProblem(await api.call('PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, { token: staff, body: { table: 1 } }), 409, 'not-checked-in');
    for (const code of codes) await ok(api, 'POST', checkInPath(forum.id, code), staff);
    const seated = await ok(api, 'POST', `/forums/${forum.id}/seating`, staff, { mode: 'fresh' });
    const tableOf = (r: any, code: string) => r.seats.find((s: any) => s.code === code).table;
    const mine = tableOf(seated, codes[0]!);
    const other = mine === 1 ? 2 : 1;
    // the other table is full: move someone off it first
    const full = await api.call('PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, { token: staff, body: { table: other } });
    assertProblem(full, 409, 'table-full');
    const leaving = seated.seats.find((s: any) => s.table === other).code;
    const off = await ok(api, 'PUT', `/forums/${forum.id}/registrations/${leaving}/table`, staff, { table: null });
    assert.deepEqual([off.table, off.tablePinned], [null, false]);
    const moved = await ok(api, 'PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, staff, { table: other });
    assertSchema('DeskRegistration', moved);
    assert.deepEqual([moved.table, moved.tablePinned], [other, true]);
    for (const mode of ['keep', 'rebalance', 'fresh']) {
      const r = await ok(api, 'POST', `/forums/${forum.id}/seating`, staff, { mode });
      assert.equal(tableOf(r, codes[0]!), other, mode);
      assert.equal(r.seats.find((s: any) => s.code === codes[0]).pinned, true);
      assert.equal(r.cannotBeSeated, 0);
    }
    assertProblem(await api.call('PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, { token: staff, body: { table: 3 } }), 400, 'validation');
  });

  test('a participant who joined with the pass moves with their seat', async () => {
    const { forum, codes } = await forumWithRegistrations(api, 1, { tables: 3, joinMode: 'checkin' });
    await goLive(api, forum.id);
    const c = await ok(api, 'POST', checkInPath(forum.id, codes[0]!), staff);
    await ok(api, 'PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, staff, { table: 2 });
    const p = await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinPass: c.joinPass.secret } });
    assert.equal(p.body.table, 2);
    await ok(api, 'PUT', `/forums/${forum.id}/registrations/${codes[0]}/table`, staff, { table: 3 });
    assert.equal((await api.call('GET', `/forums/${forum.id}/participants/me`, { token: p.body.token })).body.table, 3);
  });

  test('deterministic: the same forum, people and tables give the same seating on another server', async () => {
    const run = async () => {
      const other = await start();
      try {
        const s = (await staffToken(other)).token;
        const { forum, codes } = await forumWithRegistrations(other, 12, { id: 'same-forum', tables: 3 }, (i) => ({ district: ['화도읍', '진접읍', '와부읍'][i % 3], ageGroup: ['20s', '50s'][i % 2] }));
        for (const code of codes) await ok(other, 'POST', checkInPath(forum.id, code), s);
        const r = await ok(other, 'POST', `/forums/${forum.id}/seating`, s, { mode: 'fresh' });
        // codes are random per server: compare by arrival order
        return r.seats.map((x: any) => [codes.indexOf(x.code), x.table]).sort((a: number[], b: number[]) => a[0]! - b[0]!);
      } finally {
        await other.server.close();
      }
    };
    assert.deepEqual(await run(), await run());
  });
});
