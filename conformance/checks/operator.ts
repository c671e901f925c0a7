/**
 * operator (optional): staff tokens, the audit log, the check-in desk, walk-ins, tables and
 * seating, check-in-only joins and staff events on the stream. A backend may leave these out
 * (the public widgets never need them): when it answers `POST /admin/staff` with 404, 405 or 501
 * every check here is skipped with that reason.
 *
 * Needs the admin token. Each check creates the staff token it uses and revokes it in the end,
 * and works on forums the kit creates.
 */
import { randomUUID } from 'node:crypto';
import type { CheckContext, CheckDef } from '../runner.ts';
import { Skip } from '../http.ts';
import { validRegistration, type Forum } from '../fixtures.ts';
import { openSse, SseTimeout } from '../sse.ts';
import { check, expectFieldErrors, expectProblem, fail } from './util.ts';

const STAFF = 'POST /admin/staff';
const CHECK_IN = 'POST /forums/{forumId}/registrations/{code}/check-in';
const DESK = 'GET /forums/{forumId}/desk';
const WALK_IN = 'POST /forums/{forumId}/walk-ins';
const TABLES = 'PUT /forums/{forumId}/tables';
const SEATING = 'POST /forums/{forumId}/seating';
const SEAT = 'PUT /forums/{forumId}/registrations/{code}/table';
const JOIN = 'POST /forums/{forumId}/participants';
const AUDIT = 'GET /admin/audit-log';
const SSE = 'GET /forums/{forumId}/events';

type Staff = { id: string; name: string; token: string };
type DeskRegistration = { code: string; name: string | null; status: string; checkedIn: boolean; table: number | null; tablePinned: boolean };
type CheckIn = { registration: DeskRegistration; alreadyCheckedIn: boolean; joinPass: { secret: string; code: string } | null; counts: { checkedIn: number } };

/** A staff token for one check (revoked by `withStaff`); skips when the backend has no operator side. */
async function withStaff<T>(ctx: CheckContext, purpose: string, run: (staff: Staff) => Promise<T>): Promise<T> {
  const admin = ctx.adminToken!;
  const probe = await ctx.api.call(STAFF, { token: admin, body: { name: `[conformance] ${purpose}`.slice(0, 50), note: 'conformance kit; revoked after its check' }, contract: false });
  if ([404, 405, 501].includes(probe.status)) {
    throw new Skip(`the backend does not offer the optional operator operations (${STAFF} answered ${probe.status})`);
  }
  const v = ctx.contract.checkResponse('POST', '/admin/staff', probe.status, probe.contentType, probe.body, probe.text);
  if (v.length) fail(STAFF, v[0]!.where, v[0]!.message);
  check(probe.status === 201, STAFF, 'status', `expected 201, got ${probe.status}`);
  const staff = probe.body as Staff;
  try {
    return await run(staff);
  } finally {
    await ctx.api.call('DELETE /admin/staff/{staffId}', { params: { staffId: staff.id }, token: admin }).catch(() => undefined);
  }
}

/** A forum of the kit's own, open for signup, with `n` registrations; returns it and their codes. */
async function forumWithRegistrations(ctx: CheckContext, purpose: string, n: number, overrides: Record<string, unknown> = {}): Promise<{ forum: Forum; codes: string[] }> {
  const created = await ctx.fixtures.createForum(ctx.api, purpose, overrides);
  const forum = await ctx.fixtures.setStatus(ctx.api, created.id, 'open');
  const form = await ctx.fixtures.signupForm(ctx.api, forum.id);
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = { ...validRegistration(form, ctx.fixtures.tag()), name: `점검 참가자 ${i + 1}` };
    const res = await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: forum.id }, body, idempotencyKey: true, expect: 201 });
    codes.push((res.body as { code: string }).code);
  }
  return { forum: { ...created, ...forum }, codes };
}

async function checkIn(ctx: CheckContext, forumId: string, code: string, token: string, key: string | true = true, expect: number | number[] = 200): Promise<CheckIn> {
  return (await ctx.api.call(CHECK_IN, { params: { forumId, code }, token, idempotencyKey: key, expect })).body as CheckIn;
}

function walkInBody(form: { consentVersion: string; consents: { id: string }[]; districts: string[] }, name: string, consents?: Record<string, boolean>) {
  return {
    name,
    district: form.districts[0] ?? '화도읍',
    ageGroup: '30s',
    consentVersion: form.consentVersion,
    consents: consents ?? Object.fromEntries(form.consents.map((c) => [c.id, c.id === 'personal'])),
  };
}

export const operatorChecks: CheckDef[] = [
  {
    group: 'operator',
    name: 'staff tokens: issued once, listed without the token, working on staff operations, 403 on admin-only ones, 401 once revoked',
    endpoint: STAFF,
    admin: true,
    async run(ctx) {
      const admin = ctx.adminToken!;
      let token = '';
      let id = '';
      await withStaff(ctx, 'staff token', async (staff) => {
        token = staff.token;
        id = staff.id;
        const list = (await ctx.api.call('GET /admin/staff', { token: admin, query: { limit: 100 }, expect: 200 })).body as { items: { id: string }[] };
        check(list.items.some((s) => s.id === staff.id), 'GET /admin/staff', 'items', 'the new staff member must be listed');
        check(!JSON.stringify(list).includes(staff.token), 'GET /admin/staff', 'items', 'the list must not show any token');
        const f = await ctx.api.call('POST /forums', { token: staff.token, body: {}, idempotencyKey: true });
        expectProblem(f, 400); // the staff token is accepted; the empty body is not
        expectProblem(await ctx.api.call(STAFF, { token: staff.token, body: { name: 'not allowed' } }), 403);
        expectProblem(await ctx.api.call(AUDIT, { token: staff.token }), 403);
        expectProblem(await ctx.api.call('POST /admin/personal-data/export', { token: staff.token, body: { contact: { kind: 'email', value: 'nobody@example.com' } } }), 403);
      });
      // withStaff revoked it
      expectProblem(await ctx.api.call('POST /forums', { token, body: {}, idempotencyKey: true }), 401);
      const list = (await ctx.api.call('GET /admin/staff', { token: admin, query: { limit: 100 }, expect: 200 })).body as { items: { id: string; revokedAt: string | null }[] };
      check(list.items.find((s) => s.id === id)?.revokedAt, 'GET /admin/staff', 'revokedAt', 'a revoked staff member shows when it was revoked');
    },
  },
  {
    group: 'operator',
    name: 'check-in by code: repeated with its key → the first answer; a second check-in is harmless; unknown → 404; cancelled → 409',
    endpoint: CHECK_IN,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'check-in', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'check-in', 2);
        const key = randomUUID();
        const first = await checkIn(ctx, forum.id, codes[0]!, staff.token, key);
        check(first.registration.checkedIn && !first.alreadyCheckedIn, CHECK_IN, 'registration.checkedIn', 'the first check-in must check the registration in');
        check(first.registration.code === codes[0], CHECK_IN, 'registration.code', 'must be the code checked in');
        check(first.joinPass !== null, CHECK_IN, 'joinPass', 'the first check-in gives a join pass');
        const replay = await ctx.api.call(CHECK_IN, { params: { forumId: forum.id, code: codes[0]! }, token: staff.token, idempotencyKey: key, expect: 200 });
        check(replay.headers.get('idempotent-replayed') === 'true', CHECK_IN, 'Idempotent-Replayed', 'a repeat with the same key must be the first response, marked replayed');
        check(JSON.stringify(replay.body) === JSON.stringify(first), CHECK_IN, '(body)', 'a repeat with the same key must return the first answer');
        const again = await checkIn(ctx, forum.id, codes[0]!, staff.token);
        check(again.alreadyCheckedIn && again.joinPass === null, CHECK_IN, 'alreadyCheckedIn', 'a second check-in (another key) must say it was already checked in, with no new pass');
        check(again.counts.checkedIn === 1, CHECK_IN, 'counts.checkedIn', `one person checked in twice is one (got ${again.counts.checkedIn})`);
        expectProblem(await ctx.api.call(CHECK_IN, { params: { forumId: forum.id, code: 'HD-NOSUCH' }, token: staff.token, idempotencyKey: true }), 404);
        const form = await ctx.fixtures.signupForm(ctx.api, forum.id);
        const reg = (await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: forum.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true, expect: 201 })).body as { code: string; cancelToken: string };
        await ctx.api.call('DELETE /registrations/me', { token: reg.cancelToken, expect: 200 });
        expectProblem(await ctx.api.call(CHECK_IN, { params: { forumId: forum.id, code: reg.code }, token: staff.token, idempotencyKey: true }), 409, 'registration-cancelled');
        expectFieldErrors(await ctx.api.call(CHECK_IN, { params: { forumId: forum.id, code: codes[1]! }, token: staff.token }), ['header.Idempotency-Key']);
        expectProblem(await ctx.api.call(CHECK_IN, { params: { forumId: forum.id, code: codes[1]! }, idempotencyKey: true }), 401);
      });
    },
  },
  {
    group: 'operator',
    name: "the desk finds people by part of a name, the last 4 phone digits and the code, with the desk's fields only",
    endpoint: DESK,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'desk search', async (staff) => {
        const created = await ctx.fixtures.createForum(ctx.api, 'desk search');
        await ctx.fixtures.setStatus(ctx.api, created.id, 'open');
        const form = await ctx.fixtures.signupForm(ctx.api, created.id);
        const digits = String(1000 + Math.floor(Math.random() * 9000));
        const body = { ...validRegistration(form, ctx.fixtures.tag()), name: '검색될 이름', contact: { kind: 'phone', value: `010-0000-${digits}` } };
        const reg = (await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: created.id }, body, idempotencyKey: true, expect: 201 })).body as { code: string };
        for (const q of ['검색될', digits, reg.code.toLowerCase()]) {
          const page = (await ctx.api.call(DESK, { params: { forumId: created.id }, query: { q }, token: staff.token, expect: 200 })).body as { items: DeskRegistration[] };
          check(page.items.some((i) => i.code === reg.code), DESK, 'items', `q=${JSON.stringify(q)} must find the registration`);
          check(!JSON.stringify(page).includes(digits) || q === digits, DESK, 'items', 'the desk must not see contacts');
        }
        expectProblem(await ctx.api.call(DESK, { params: { forumId: created.id } }), 401);
      });
    },
  },
  {
    group: 'operator',
    name: "a walk-in with the form's consents is registered and checked in; a refused required consent → 400",
    endpoint: WALK_IN,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'walk-in', async (staff) => {
        const { forum } = await forumWithRegistrations(ctx, 'walk-in', 0);
        const form = await ctx.fixtures.signupForm(ctx.api, forum.id);
        const required = form.consents.filter((c) => c.required).map((c) => c.id);
        const refused = Object.fromEntries(form.consents.map((c) => [c.id, false]));
        expectFieldErrors(await ctx.api.call(WALK_IN, { params: { forumId: forum.id }, token: staff.token, body: walkInBody(form, '현장 참가자', refused), idempotencyKey: true }), required.map((id) => `consents.${id}`));
        const ok = (await ctx.api.call(WALK_IN, { params: { forumId: forum.id }, token: staff.token, body: walkInBody(form, '현장 참가자'), idempotencyKey: true, expect: 201 })).body as CheckIn;
        check(ok.registration.checkedIn && ok.registration.status === 'confirmed', WALK_IN, 'registration', 'a walk-in is confirmed and checked in');
        check(ok.joinPass !== null, WALK_IN, 'joinPass', 'a walk-in gets a join pass');
      });
    },
  },
  {
    group: 'operator',
    name: 'seating: 4 tables set up, a registrant and a walk-in seated; more people than seats say how many cannot be seated',
    endpoint: SEATING,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'seating', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'seating', 1);
        const tables = [1, 2, 3, 4].map((number) => ({ number, seats: 1, accessible: number === 1 }));
        const set = (await ctx.api.call(TABLES, { params: { forumId: forum.id }, token: staff.token, body: { tables }, expect: 200 })).body as { items: { number: number }[] };
        check(set.items.length === 4, TABLES, 'items', `4 tables set up, got ${set.items.length}`);
        await checkIn(ctx, forum.id, codes[0]!, staff.token);
        const form = await ctx.fixtures.signupForm(ctx.api, forum.id);
        const walk = (await ctx.api.call(WALK_IN, { params: { forumId: forum.id }, token: staff.token, body: walkInBody(form, '현장 참가자'), idempotencyKey: true, expect: 201 })).body as CheckIn;
        const seating = (await ctx.api.call(SEATING, { params: { forumId: forum.id }, token: staff.token, body: { mode: 'fresh' }, expect: 200 })).body as { seated: number; cannotBeSeated: number; seats: { code: string; table: number }[] };
        check(seating.seated === 2 && seating.cannotBeSeated === 0, SEATING, 'seated', `2 people at 4 tables: 2 seated, 0 without a seat (got ${seating.seated}, ${seating.cannotBeSeated})`);
        const seated = new Set(seating.seats.map((s) => s.code));
        check(seated.has(codes[0]!) && seated.has(walk.registration.code), SEATING, 'seats', 'the registrant and the walk-in must be seated');
        // 2 of 4 seats taken: three more people (admitted over capacity) → one cannot be seated
        for (let i = 0; i < 3; i++) {
          await ctx.api.call(WALK_IN, { params: { forumId: forum.id }, token: staff.token, body: { ...walkInBody(form, `늦게 온 분 ${i + 1}`), overCapacity: true }, idempotencyKey: true, expect: 201 });
        }
        const full = (await ctx.api.call(SEATING, { params: { forumId: forum.id }, token: staff.token, expect: 200 })).body as { seated: number; cannotBeSeated: number };
        check(full.seated === 4 && full.cannotBeSeated === 1, SEATING, 'cannotBeSeated', `5 people at 4 seats: 4 seated and 1 cannot be seated (got ${full.seated}, ${full.cannotBeSeated})`);
      });
    },
  },
  {
    group: 'operator',
    name: 'a move by hand pins the seat; the next assignment keeps it',
    endpoint: SEAT,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'seat by hand', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'seat by hand', 2);
        expectProblem(await ctx.api.call(SEAT, { params: { forumId: forum.id, code: codes[0]! }, token: staff.token, body: { table: 2 } }), 409, 'not-checked-in');
        for (const code of codes) await checkIn(ctx, forum.id, code, staff.token);
        const moved = (await ctx.api.call(SEAT, { params: { forumId: forum.id, code: codes[0]! }, token: staff.token, body: { table: 3 }, expect: 200 })).body as DeskRegistration;
        check(moved.table === 3 && moved.tablePinned, SEAT, 'table', 'the seat is the one staff chose, pinned');
        const seating = (await ctx.api.call(SEATING, { params: { forumId: forum.id }, token: staff.token, body: { mode: 'fresh' }, expect: 200 })).body as { seats: { code: string; table: number; pinned: boolean }[] };
        const s = seating.seats.find((x) => x.code === codes[0]);
        check(s?.table === 3 && s.pinned, SEATING, 'seats', `a pinned seat is kept even by a fresh draw (got ${JSON.stringify(s)})`);
      });
    },
  },
  {
    group: 'operator',
    name: 'check-in only: the join code alone → 403 checkin-required; the check-in join pass joins, once',
    endpoint: JOIN,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'check-in only', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'check-in only', 1, { joinMode: 'checkin' });
        check((forum as Forum & { joinMode?: string }).joinMode === 'checkin', 'POST /forums', 'joinMode', 'the forum must keep joinMode checkin');
        await ctx.fixtures.setStatus(ctx.api, forum.id, 'live');
        const joinCode = forum.joinCode!;
        expectProblem(await ctx.api.call(JOIN, { params: { forumId: forum.id }, body: { joinCode, table: 1 }, idempotencyKey: true }), 403, 'checkin-required');
        const c = await checkIn(ctx, forum.id, codes[0]!, staff.token);
        const joined = await ctx.api.call(JOIN, { params: { forumId: forum.id }, body: { joinPass: c.joinPass!.secret, table: 1 }, idempotencyKey: true, expect: 201 });
        const token = (joined.body as { token: string }).token;
        await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId: forum.id }, token, expect: 200 });
        expectProblem(await ctx.api.call(JOIN, { params: { forumId: forum.id }, body: { joinPass: c.joinPass!.secret, table: 1 }, idempotencyKey: true }), 403);
        expectProblem(await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId: forum.id }, token: c.joinPass!.secret }), [401, 403]);
      });
    },
  },
  {
    group: 'operator',
    name: 'a check-in arrives on a staff stream, never on the public one',
    endpoint: SSE,
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      await withStaff(ctx, 'staff stream', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'staff stream', 1);
        const url = ctx.api.url('/forums/{forumId}/events', { forumId: forum.id });
        const open = (headers: Record<string, string>) => openSse(url, { headers, signal: ctx.signal, fetch: ctx.fetch, connectTimeoutMs: ctx.timeoutMs });
        const staffStream = await open({ authorization: `Bearer ${staff.token}` });
        const publicStream = await open({});
        try {
          check(staffStream.response.status === 200, SSE, 'status', `a staff stream opens with 200 (got ${staffStream.response.status})`);
          await checkIn(ctx, forum.id, codes[0]!, staff.token);
          try {
            await staffStream.waitFor((e) => e.event === 'checkin.changed', ctx.timeoutMs / 2);
          } catch (err) {
            if (err instanceof SseTimeout) fail(SSE, 'checkin.changed', 'the check-in did not arrive on the staff stream');
            throw err;
          }
          // a public change after it: once it is on the public stream, the check-in would have been too
          await ctx.api.call('PATCH /forums/{forumId}', { params: { forumId: forum.id }, token: ctx.adminToken!, body: { title: `${forum.title} ·` }, expect: 200 });
          await publicStream.waitFor((e) => e.event === 'forum.updated' && e.data.includes(' ·'), ctx.timeoutMs / 2).catch(() => fail(SSE, 'forum.updated', 'a public change did not arrive on the public stream'));
          check(!publicStream.events.some((e) => e.event === 'checkin.changed' || e.data.includes('점검 참가자')), SSE, 'checkin.changed', 'the public stream must not carry check-ins (names)');
        } finally {
          staffStream.close();
          publicStream.close();
        }
      });
    },
  },
  {
    group: 'operator',
    name: "the audit log lists a staff member's writes under their name; the CSV is text/csv",
    endpoint: AUDIT,
    admin: true,
    async run(ctx) {
      await withStaff(ctx, 'audit', async (staff) => {
        const { forum, codes } = await forumWithRegistrations(ctx, 'audit', 1);
        await checkIn(ctx, forum.id, codes[0]!, staff.token);
        const page = (await ctx.api.call(AUDIT, { token: ctx.adminToken!, query: { forumId: forum.id, staffId: staff.id }, expect: 200 })).body as { items: { actor: string; operation: string; forumId: string | null; summary: string }[] };
        const entry = page.items.find((e) => e.operation === 'checkInRegistration');
        check(entry, AUDIT, 'items', 'the check-in must be listed (operation checkInRegistration)');
        check(entry.actor === staff.name, AUDIT, 'actor', `must be the staff member's name ${JSON.stringify(staff.name)} (got ${JSON.stringify(entry.actor)})`);
        check(entry.forumId === forum.id, AUDIT, 'forumId', 'must name the forum');
        const csv = await ctx.api.call('GET /admin/audit-log.csv', { token: ctx.adminToken!, query: { forumId: forum.id }, headers: { accept: 'text/csv' }, expect: 200 });
        check(csv.text.includes('checkInRegistration'), 'GET /admin/audit-log.csv', '(body)', 'the CSV must hold the entries');
      });
    },
  },
];
