/**
 * Personal data (PIPA): registrations keep only what was consented to; the admin exports and
 * erases one person's data by contact; data past the retention period the consent states is
 * anonymised by a scheduled job — and published counts by district and age group do not move.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, goLive, openSignup, register, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';
import { purgeExpiredPersonalData } from '../../server/model/personal-data.ts';
import { RETENTION_YEARS_AFTER_FORUM, retentionEndsAt } from '../../server/domain/consent.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../server/db/migrate.ts';
import { openDatabase } from '../../server/db/database.ts';

const PHONE = { kind: 'phone', value: '010-4321-8765' };
const ALL = { personal: true, accessibility: true, answers: true, notice: true };
/** Every consent of a form without questions (no `answers` consent there). */
const GIVEN = { personal: true, accessibility: true, notice: true };

describe('personal data', () => {
  let api: Api;
  const A = (method: string, path: string, body?: unknown) => api.call(method, path, { body, token: api.server.adminToken });
  const rows = (forumId: string) => api.server.db.selectFrom('registrations').selectAll().where('forum_id', '=', forumId).orderBy('seq').execute();

  /** A forum that took place and published its results, with `people` registered. */
  async function pastForum(people: Record<string, unknown>[], over: Record<string, unknown> = {}) {
    const f = await createForum(api, { capacity: 50, ...over });
    await openSignup(api, f.id);
    const receipts = [];
    for (const [i, p] of people.entries()) {
      const r = await register(api, f.id, 500 + i, p);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      receipts.push(r.body);
    }
    await goLive(api, f.id);
    await A('POST', `/forums/${f.id}/status`, { status: 'finished' });
    assert.equal((await A('PUT', `/forums/${f.id}/results`, { attended: people.length, proposals: [] })).status, 200);
    return { forum: f, receipts };
  }

  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('a registration keeps only the optional fields whose consent was given', async () => {
    const f = await createForum(api);
    await A('PUT', `/forums/${f.id}/signup-form`, { questions: [{ id: 'why', label: '참여 이유', kind: 'text', required: false }] });
    await openSignup(api, f.id);
    const extras = { accessibility: ['sign-language'], accessibilityNote: '수어 통역 필요', answers: { why: '교통 문제' } };
    const none = await register(api, f.id, 1, { ...extras, consents: { personal: true, accessibility: false, answers: false, notice: false } });
    const all = await register(api, f.id, 2, { ...extras, consents: ALL });
    // a guardian is kept only for an under-14 registrant
    const adult = await register(api, f.id, 3, { guardian: { name: '보호자', contact: PHONE, consent: true } });
    assert.deepEqual([none.status, all.status, adult.status], [201, 201, 201]);
    const [r1, r2, r3] = await rows(f.id);
    assert.deepEqual([r1!.accessibility, r1!.accessibility_note, r1!.answers], [null, null, null]);
    assert.equal(r1!.consents, JSON.stringify({ personal: true, accessibility: false, answers: false, notice: false }));
    assert.deepEqual(JSON.parse(r2!.accessibility!), ['sign-language']);
    assert.equal(r2!.accessibility_note, '수어 통역 필요');
    assert.deepEqual(JSON.parse(r2!.answers!), { why: '교통 문제' });
    assert.equal(r3!.guardian, null);
    // the required consent cannot be refused
    const refused = await register(api, f.id, 4, { consents: { personal: false, accessibility: false, answers: false, notice: false } });
    assertProblem(refused, 400, 'validation');
    assert.deepEqual(refused.body.errors.map((e: any) => e.field), ['consents.personal']);
  });

  test("export: every registration of one person across forums, what was stored, the consent record — the contact in the body", async () => {
    const past = await pastForum([{ contact: PHONE, accessibility: ['wheelchair'], consents: GIVEN }]);
    const upcoming = await createForum(api);
    await openSignup(api, upcoming.id);
    // the same phone written another way is the same person; and they are a child's guardian elsewhere
    assert.equal((await register(api, upcoming.id, 1, { contact: { kind: 'phone', value: '01043218765' } })).status, 201);
    const child = await register(api, upcoming.id, 2, { ageGroup: 'under14', guardian: { name: '김보호', contact: PHONE, consent: true } });
    assert.equal(child.status, 201);
    assert.equal((await register(api, upcoming.id, 3)).status, 201); // someone else

    const exp = await A('POST', '/admin/personal-data/export', { contact: PHONE });
    assert.equal(exp.status, 200);
    assert.equal(exp.headers.get('cache-control'), 'no-store');
    assertSchema('PersonalDataExport', exp.body);
    const items = exp.body.registrations;
    assert.equal(items.length, 3);
    const own = items.filter((r: any) => r.as === 'registrant');
    assert.deepEqual(own.map((r: any) => r.forum.id).sort(), [past.forum.id, upcoming.id].sort());
    const pastItem = own.find((r: any) => r.forum.id === past.forum.id);
    assert.deepEqual(pastItem.accessibility, ['wheelchair']);
    assert.deepEqual(pastItem.consent.consents, GIVEN);
    assert.equal(pastItem.consent.version, '2026-01');
    assert.ok(pastItem.consent.texts.some((t: any) => t.id === 'personal' && /1년/.test(t.retention)));
    assert.equal(pastItem.retainedUntil, retentionEndsAt(pastItem.forum.endsAt));
    const guardianItem = items.find((r: any) => r.as === 'guardian');
    assert.equal(guardianItem.id, child.body.id);
    assert.equal(guardianItem.guardian.name, '김보호');
    // nobody else's data
    assert.ok(items.every((r: any) => r.as === 'guardian' || r.contact.value.replace(/-/g, '') === '01043218765'));

    // by body only: a bad contact is a 400 naming it; nothing found is an empty list
    const bad = await A('POST', '/admin/personal-data/export', { contact: { kind: 'phone', value: '<script>' } });
    assertProblem(bad, 400, 'validation');
    assert.deepEqual(bad.body.errors.map((e: any) => e.field), ['contact.value']);
    assert.deepEqual((await A('POST', '/admin/personal-data/export', { contact: { kind: 'email', value: 'nobody@example.com' } })).body.registrations, []);
    assert.equal((await api.call('GET', `/admin/personal-data/export?contact=${PHONE.value}`, { token: api.server.adminToken })).status, 404);
  });

  test('erase: identifying data gone everywhere, upcoming seats freed for the waitlist, published counts unchanged', async () => {
    const person = { kind: 'email', value: 'erase.me@example.com' };
    const past = await pastForum([
      { contact: person, district: '다산1동', ageGroup: '30s', accessibility: ['childcare'], accessibilityNote: '아이 동반', consents: GIVEN },
      { district: '다산1동', ageGroup: '40s' },
      { district: '화도읍', ageGroup: '30s' },
    ]);
    const before = (await api.call('GET', `/forums/${past.forum.id}/results`)).body;
    const full = await createForum(api, { capacity: 1 });
    await openSignup(api, full.id);
    const seat = await register(api, full.id, 1, { contact: person });
    const waiting = await register(api, full.id, 2);
    assert.equal(waiting.body.outcome, 'waitlisted');

    const er = await A('POST', '/admin/personal-data/erase', { contact: { kind: 'email', value: 'ERASE.me@example.com' } });
    assert.equal(er.status, 200, JSON.stringify(er.body));
    assertSchema('PersonalDataErasure', er.body);
    assert.equal(er.body.erased, 2);
    assert.equal(er.body.cancelled, 1);

    // the database holds nothing that names them
    for (const id of [past.receipts[0].id, seat.body.id]) {
      const r = await api.server.db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([r.name, r.contact_kind, r.contact_value, r.contact_normalized, r.answers, r.accessibility, r.accessibility_note, r.guardian], [null, null, null, null, null, null, null, null]);
      assert.ok(r.erased_at);
    }
    const dump = JSON.stringify(await api.server.db.selectFrom('registrations').selectAll().execute());
    assert.ok(!dump.includes('erase.me') && !dump.includes('아이 동반'));
    // their cancel token is dead; the waitlist moved up
    assertProblem(await api.call('GET', '/registrations/me', { token: seat.body.cancelToken }), 401, 'unauthorized');
    assert.equal((await api.call('GET', '/registrations/me', { token: waiting.body.cancelToken })).body.outcome, 'confirmed');
    // the admin list shows the anonymised registration as such, and it is valid against the contract
    const list = await A('GET', `/forums/${past.forum.id}/registrations`);
    const anon = list.body.items.find((r: any) => r.id === past.receipts[0].id);
    assert.equal(anon.name, null);
    assert.equal(anon.contact, null);
    assert.equal(anon.accessibility, undefined);
    assert.ok(anon.erasedAt);
    for (const r of list.body.items) assertSchema('Registration', r);
    // the published results count exactly what they counted before
    const afterRes = (await api.call('GET', `/forums/${past.forum.id}/results`)).body;
    assert.deepEqual(afterRes.byDistrict, before.byDistrict);
    assert.deepEqual(afterRes.byAgeGroup, before.byAgeGroup);
    assert.deepEqual(afterRes.stats, before.stats);
    // nothing left to find or erase
    assert.deepEqual((await A('POST', '/admin/personal-data/export', { contact: person })).body.registrations, []);
    assert.equal((await A('POST', '/admin/personal-data/erase', { contact: person })).body.erased, 0);
    // and they may sign up again, as a new registration
    assert.equal((await register(api, full.id, 3, { contact: person })).status, 201);
  });

  test('the retention period the consent states is what the purge applies', async () => {
    const form = (await api.call('GET', `/forums/${(await createForum(api)).id}/signup-form`)).body;
    for (const c of form.consents) assert.match(c.retention, /1년/);
    assert.equal(RETENTION_YEARS_AFTER_FORUM, 1);
    assert.equal(retentionEndsAt('2030-05-14T08:00:00.000Z'), '2031-05-14T08:00:00.000Z');
  });

  test('purge (controlled clock): past the retention period, identifying fields are removed; before it, nothing; counts stay', async () => {
    const old = await pastForum(
      [
        { district: '와부읍', ageGroup: '60s', accessibility: ['large-print'], consents: GIVEN },
        { district: '와부읍', ageGroup: '20s' },
        { district: '진접읍', ageGroup: '20s' },
      ],
      { startsAt: '2030-03-01T14:00:00+09:00', endsAt: '2030-03-01T17:00:00+09:00' },
    );
    const later = await pastForum([{ district: '와부읍', ageGroup: '50s' }], { startsAt: '2030-09-01T14:00:00+09:00', endsAt: '2030-09-01T17:00:00+09:00' });
    const before = (await api.call('GET', `/forums/${old.forum.id}/results`)).body;
    const due = new Date(retentionEndsAt(old.forum.endsAt));

    assert.equal(await purgeExpiredPersonalData(api.server.db, new Date(due.getTime() - 1000)), 0);
    assert.ok((await rows(old.forum.id)).every((r) => r.name !== null && r.erased_at === null));

    const purged = await purgeExpiredPersonalData(api.server.db, due);
    assert.ok(purged >= 3, `${purged} purged`);
    for (const r of await rows(old.forum.id)) {
      assert.deepEqual([r.name, r.contact_value, r.contact_normalized, r.accessibility, r.guardian], [null, null, null, null, null]);
      assert.equal(r.erased_at, due.toISOString());
    }
    // the later forum keeps its data until its own time comes
    assert.ok((await rows(later.forum.id)).every((r) => r.name !== null));
    // cancel tokens of purged registrations are gone
    assertProblem(await api.call('GET', '/registrations/me', { token: old.receipts[0].cancelToken }), 401, 'unauthorized');
    // published counts unchanged
    const afterRes = (await api.call('GET', `/forums/${old.forum.id}/results`)).body;
    assert.deepEqual(afterRes.byDistrict, before.byDistrict);
    assert.deepEqual(afterRes.byAgeGroup, before.byAgeGroup);
    assert.deepEqual(afterRes.stats, before.stats);
    // running it again changes nothing
    assert.equal(await purgeExpiredPersonalData(api.server.db, due), 0);
  });

  test('the reference server runs the purge on its own schedule', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const scheduled = await start({ now: () => now, purgeIntervalMs: 20 });
    try {
      const f = await createForum(scheduled, { startsAt: '2030-01-10T10:00:00+09:00', endsAt: '2030-01-10T12:00:00+09:00' });
      await openSignup(scheduled, f.id);
      const r = await register(scheduled, f.id, 1);
      assert.equal(r.status, 201);
      const name = async () => (await scheduled.server.db.selectFrom('registrations').select('name').where('id', '=', r.body.id).executeTakeFirstOrThrow()).name;
      // a few runs of the job while the data is within its period: kept
      await new Promise((res) => setTimeout(res, 100));
      assert.equal(await name(), '참가자1');
      now = new Date('2031-01-10T03:00:01Z'); // one year and a second after the forum ended
      const deadline = Date.now() + 10_000;
      while ((await name()) !== null) {
        assert.ok(Date.now() < deadline, 'the scheduled purge did not run');
        await new Promise((res) => setTimeout(res, 20));
      }
    } finally {
      await scheduled.server.close();
    }
  });

  test('an existing database migrates: registrations kept as they were, their identifying columns now erasable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hd-migrate-'));
    const path = join(dir, 'old.db');
    try {
      // the schema before personal-data erasure existed, with a registration in it
      const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(path) }) });
      const first = new Migrator({ db: old, provider: { getMigrations: async () => ({ '0001_init': migrations['0001_init']! }) } });
      assert.equal((await first.migrateToLatest()).error, undefined);
      const at = '2026-01-01T00:00:00.000Z';
      await old.insertInto('forums').values({ id: 'f1', title: 't', summary: '', topics: '[]', district: '화도읍', venue_name: 'v', venue_address: 'a', starts_at: at, ends_at: at, capacity: 5, tables: 1, status: 'open', vote_budget: 3, categories: '[]', voting_open: 0, join_code: 'ABCD', created_at: at, updated_at: at }).execute();
      const reg = { id: 'r1', forum_id: 'f1', code: 'HD-AAAAAA', seq: 1, name: '옛 신청자', contact_kind: 'phone', contact_value: '010-1111-2222', contact_normalized: '01011112222', district: '화도읍', age_group: '30s', role: 'participant', answers: null, accessibility: '["wheelchair"]', accessibility_note: '경사로', guardian: null, consent_version: '2026-01', consents: '{"personal":true}', consented_at: at, outcome: 'confirmed', created_at: at, cancelled_at: null, promoted_at: null } as const;
      await old.insertInto('registrations').values(reg).execute();
      await old.destroy();

      const db = await openDatabase(path);
      try {
        const row = await db.db.selectFrom('registrations').selectAll().where('id', '=', 'r1').executeTakeFirstOrThrow();
        // every column it had is as it was (later migrations add columns of their own)
        assert.deepEqual(Object.fromEntries(Object.keys(reg).map((k) => [k, row[k as keyof typeof row]])), reg);
        assert.equal(row.erased_at, null);
        const purged = await purgeExpiredPersonalData(db.db, new Date('2027-01-01T00:00:00.000Z'));
        assert.equal(purged, 1);
        const after = await db.db.selectFrom('registrations').selectAll().where('id', '=', 'r1').executeTakeFirstOrThrow();
        assert.deepEqual([after.name, after.contact_value, after.accessibility, after.district, after.outcome], [null, null, null, '화도읍', 'confirmed']);
        assert.equal(db.sqlite.pragma('integrity_check', { simple: true }), 'ok');
        // the uniqueness of a live registration per contact survived the rebuild
        await assert.rejects(db.db.insertInto('registrations').values({ ...reg, id: 'r2', code: 'HD-BBBBBB', seq: 2, contact_normalized: '01099998888' }).execute().then(() =>
          db.db.insertInto('registrations').values({ ...reg, id: 'r3', code: 'HD-CCCCCC', seq: 3, contact_normalized: '01099998888' }).execute()));
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
