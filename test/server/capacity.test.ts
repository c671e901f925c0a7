import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, openSignup, register, start, type Api } from './helpers.ts';
import { assertProblem, assertSchema } from './contract.ts';

describe('capacity and the waitlist', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('200 concurrent signups for the last 10 seats confirm exactly 10; the rest wait in order; cancel promotes the first', async () => {
    const forum = await createForum(api, { capacity: 30 });
    await openSignup(api, forum.id);
    for (let i = 0; i < 20; i++) assert.equal((await register(api, forum.id, i)).status, 201);

    const results = await Promise.all(Array.from({ length: 200 }, (_, k) => register(api, forum.id, 1000 + k)));
    for (const r of results) {
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assertSchema('RegistrationReceipt', r.body);
    }
    const confirmed = results.filter((r) => r.body.outcome === 'confirmed');
    const waitlisted = results.filter((r) => r.body.outcome === 'waitlisted');
    assert.equal(confirmed.length, 10);
    assert.equal(waitlisted.length, 190);
    assert.deepEqual(
      waitlisted.map((r) => r.body.waitlistPosition).sort((a, b) => a - b),
      Array.from({ length: 190 }, (_, i) => i + 1),
    );
    // positions follow arrival order
    const byTime = [...waitlisted].sort((a, b) => a.body.createdAt.localeCompare(b.body.createdAt) || a.body.waitlistPosition - b.body.waitlistPosition);
    assert.deepEqual(byTime.map((r) => r.body.waitlistPosition), Array.from({ length: 190 }, (_, i) => i + 1));

    const f = (await api.call('GET', `/forums/${forum.id}`)).body;
    assert.equal(f.registered, 30);
    assert.equal(f.waitlisted, 190);
    assert.equal(f.status, 'full');

    // the admin list: confirmed first, then the waitlist in order
    const page = await api.call('GET', `/forums/${forum.id}/registrations?outcome=waitlisted&limit=5`, { token: api.server.adminToken });
    assert.equal(page.status, 200);
    assert.deepEqual(page.body.items.map((r: any) => r.waitlistPosition), [1, 2, 3, 4, 5]);
    for (const r of page.body.items) assertSchema('Registration', r);

    // cancel a confirmed seat → the first waitlisted is promoted
    const first = waitlisted.find((r) => r.body.waitlistPosition === 1)!;
    const second = waitlisted.find((r) => r.body.waitlistPosition === 2)!;
    const cancel = await api.call('DELETE', '/registrations/me', { token: confirmed[0]!.body.cancelToken });
    assert.equal(cancel.status, 200);
    assertSchema('RegistrationStatus', cancel.body);
    assert.equal(cancel.body.outcome, 'cancelled');
    const me1 = await api.call('GET', '/registrations/me', { token: first.body.cancelToken });
    assert.equal(me1.body.outcome, 'confirmed');
    assert.equal(me1.body.waitlistPosition, null);
    const me2 = await api.call('GET', '/registrations/me', { token: second.body.cancelToken });
    assert.equal(me2.body.waitlistPosition, 1);
    const after1 = (await api.call('GET', `/forums/${forum.id}`)).body;
    assert.equal(after1.registered, 30);
    assert.equal(after1.waitlisted, 189);

    // cancelling twice is harmless
    const again = await api.call('DELETE', '/registrations/me', { token: confirmed[0]!.body.cancelToken });
    assert.equal(again.status, 200);
    assert.equal(again.body.outcome, 'cancelled');
  });

  test('seats freed with nobody waiting turn full back into open', async () => {
    const forum = await createForum(api, { capacity: 2 });
    await openSignup(api, forum.id);
    const a = await register(api, forum.id, 1);
    await register(api, forum.id, 2);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.status, 'full');
    await api.call('DELETE', '/registrations/me', { token: a.body.cancelToken });
    const f = (await api.call('GET', `/forums/${forum.id}`)).body;
    assert.equal(f.status, 'open');
    assert.equal(f.registered, 1);
  });

  test('raising capacity promotes from the waitlist; lowering below registered is refused', async () => {
    const forum = await createForum(api, { capacity: 1 });
    await openSignup(api, forum.id);
    await register(api, forum.id, 1);
    const w = await register(api, forum.id, 2);
    assert.equal(w.body.outcome, 'waitlisted');
    const up = await api.call('PATCH', `/forums/${forum.id}`, { body: { capacity: 3 }, token: api.server.adminToken });
    assert.equal(up.status, 200);
    assert.equal(up.body.registered, 2);
    assert.equal(up.body.status, 'open');
    assert.equal((await api.call('GET', '/registrations/me', { token: w.body.cancelToken })).body.outcome, 'confirmed');
    assertProblem(await api.call('PATCH', `/forums/${forum.id}`, { body: { capacity: 1 }, token: api.server.adminToken }), 409, 'conflict');
  });

  test('duplicate contact, signup window, consent and personal data rules', async () => {
    const forum = await createForum(api);
    assertProblem(await register(api, forum.id, 1), 409, 'signup-not-open');
    await openSignup(api, forum.id);
    assert.equal((await register(api, forum.id, 1)).status, 201);
    // the same phone written differently is the same person
    assertProblem(await register(api, forum.id, 2, { contact: { kind: 'phone', value: '01000000001' } }), 409, 'already-registered');
    // a cancelled registration does not block signing up again
    const e = await register(api, forum.id, 3, { contact: { kind: 'email', value: 'Kim@Example.com' } });
    assertProblem(await register(api, forum.id, 4, { contact: { kind: 'email', value: 'kim@example.com' } }), 409, 'already-registered');
    await api.call('DELETE', '/registrations/me', { token: e.body.cancelToken });
    assert.equal((await register(api, forum.id, 4, { contact: { kind: 'email', value: 'kim@example.com' } })).status, 201);

    // optional data is stored only with its consent
    const withNeeds = await register(api, forum.id, 5, { accessibility: ['wheelchair'], accessibilityNote: '경사로 필요', consents: { personal: true, accessibility: true, notice: false } });
    const withoutConsent = await register(api, forum.id, 6, { accessibility: ['childcare'], consents: { personal: true, accessibility: false, notice: true } });
    const list = await api.call('GET', `/forums/${forum.id}/registrations?limit=100`, { token: api.server.adminToken });
    const r5 = list.body.items.find((r: any) => r.id === withNeeds.body.id);
    const r6 = list.body.items.find((r: any) => r.id === withoutConsent.body.id);
    assert.deepEqual(r5.accessibility, ['wheelchair']);
    assert.equal(r5.accessibilityNote, '경사로 필요');
    assert.equal(r6.accessibility, undefined);
    assert.deepEqual(r6.consents, { personal: true, accessibility: false, notice: true });

    // closing signup
    await api.admin('POST', `/forums/${forum.id}/status`, { status: 'closed' });
    assertProblem(await register(api, forum.id, 7), 409, 'signup-closed');
  });

  test('signup form: consent texts, districts, age groups, questions', async () => {
    const forum = await createForum(api);
    const put = await api.call('PUT', `/forums/${forum.id}/signup-form`, {
      token: api.server.adminToken,
      body: { questions: [{ id: 'bus', label: '주로 타는 버스는?', kind: 'choice', required: true, options: ['마을버스', '광역버스'] }] },
    });
    assert.equal(put.status, 200);
    const form = (await api.call('GET', `/forums/${forum.id}/signup-form`)).body;
    assertSchema('SignupForm', form);
    assert.equal(form.guardianRequiredUnder, 14);
    assert.ok(form.districts.includes('다산1동'));
    assert.ok(form.districts.includes('기타(남양주시 외)'));
    const required = form.consents.filter((c: any) => c.required);
    assert.equal(required.length, 1);
    assert.match(required[0].retention, /1년/);
    assert.match(required[0].refusal, /거부/);
    assert.ok(form.consents.some((c: any) => c.fields?.includes('answers')));

    await openSignup(api, forum.id);
    const consents = { personal: true, accessibility: false, answers: true, notice: false };
    const bad = await register(api, forum.id, 1, { consents, answers: { bus: '지하철' } });
    assertProblem(bad, 400, 'validation');
    assert.deepEqual(bad.body.errors.map((e: any) => e.field), ['answers.bus']);
    const ok = await register(api, forum.id, 1, { consents, answers: { bus: '마을버스' } });
    assert.equal(ok.status, 201);
  });
});
