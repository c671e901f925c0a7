/**
 * Concurrency: seats and vote budgets are decided inside the write's transaction, so a crowd
 * arriving at once can neither overbook a forum nor overspend a budget.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, goLive, join, openSignup, postIdea, register, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';

describe('concurrency', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('500 signups at once for 100 seats: exactly 100 confirmed, 400 on the waitlist in arrival order', async () => {
    const forum = await createForum(api, { capacity: 100 });
    await openSignup(api, forum.id);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(api, forum.id, i)));
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const confirmed = results.filter((r) => r.body.outcome === 'confirmed');
    const waitlisted = results.filter((r) => r.body.outcome === 'waitlisted');
    assert.equal(confirmed.length, 100);
    assert.equal(waitlisted.length, 400);
    assert.deepEqual(
      waitlisted.map((r) => r.body.waitlistPosition).sort((a, b) => a - b),
      Array.from({ length: 400 }, (_, i) => i + 1),
    );
    // arrival order = the order the transactions ran (seq): the first 100 hold the seats, and
    // each waitlist position follows it
    const rows = await api.server.db.selectFrom('registrations').select(['id', 'seq', 'outcome']).where('forum_id', '=', forum.id).orderBy('seq').execute();
    assert.equal(rows.length, 500);
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: 500 }, (_, i) => i + 1));
    assert.ok(rows.slice(0, 100).every((r) => r.outcome === 'confirmed'));
    assert.ok(rows.slice(100).every((r) => r.outcome === 'waitlisted'));
    const position = new Map(waitlisted.map((r) => [r.body.id, r.body.waitlistPosition]));
    assert.deepEqual(rows.slice(100).map((r) => position.get(r.id)), Array.from({ length: 400 }, (_, i) => i + 1));
    const f = (await api.call('GET', `/forums/${forum.id}`)).body;
    assert.equal(f.registered, 100);
    assert.equal(f.waitlisted, 400);
    assert.equal(f.status, 'full');

    // 50 cancellations at once promote exactly the first 50 waiting, in order
    await Promise.all(confirmed.slice(0, 50).map((r) => api.call('DELETE', '/registrations/me', { token: r.body.cancelToken })));
    const after = await api.server.db.selectFrom('registrations').select(['seq', 'outcome']).where('forum_id', '=', forum.id).orderBy('seq').execute();
    assert.equal(after.filter((r) => r.outcome === 'confirmed').length, 100);
    assert.ok(after.slice(100, 150).every((r) => r.outcome === 'confirmed'));
    assert.ok(after.slice(150).every((r) => r.outcome === 'waitlisted'));
  });

  test('concurrent votes never exceed a participant budget', async () => {
    const forum = await createForum(api, { voteBudget: 3, tables: 4 });
    await goLive(api, forum.id);
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => join(api, forum, (i % 4) + 1)));
    const ideas: any[] = [];
    for (let i = 0; i < 4; i++) ideas.push(await postIdea(api, forum.id, people[i]!.token, `아이디어 ${i}`));
    await api.admin('PUT', `/forums/${forum.id}/voting`, { open: true });
    // every participant fires 10 votes at once, spread over the ideas
    const all = await Promise.all(
      people.flatMap((p, pi) => Array.from({ length: 10 }, (_, k) => api.call('POST', `/forums/${forum.id}/ideas/${ideas[(pi + k) % 4]!.id}/votes`, { token: p.token }).then((r) => ({ p: pi, r })))),
    );
    for (let pi = 0; pi < people.length; pi++) {
      const mine = all.filter((x) => x.p === pi);
      assert.equal(mine.filter((x) => x.r.status === 201).length, 3, `participant ${pi}`);
      for (const x of mine.filter((x) => x.r.status !== 201)) assertProblem(x.r, 409, 'vote-budget-exhausted');
      for (const x of mine.filter((x) => x.r.status === 201)) assert.ok(x.r.body.votesUsed <= 3);
    }
    // take back and put on at once: never more than the budget at any commit
    await Promise.all(
      people.flatMap((p, pi) => [
        api.call('DELETE', `/forums/${forum.id}/ideas/${ideas[pi % 4]!.id}/votes`, { token: p.token }),
        ...Array.from({ length: 4 }, (_, k) => api.call('POST', `/forums/${forum.id}/ideas/${ideas[k]!.id}/votes`, { token: p.token })),
      ]),
    );
    const used = await api.server.db
      .selectFrom('votes')
      .select(['participant_id', (eb) => eb.fn.countAll().as('n')])
      .where('forum_id', '=', forum.id)
      .groupBy('participant_id')
      .execute();
    for (const u of used) assert.ok(Number(u.n) <= 3, `${u.participant_id}: ${u.n} votes`);
    const tally = (await api.call('GET', `/forums/${forum.id}/ideas`)).body.items.reduce((s: number, i: any) => s + i.votes, 0);
    assert.equal(tally, used.reduce((s, u) => s + Number(u.n), 0));
    for (const p of people) {
      const me = (await api.call('GET', `/forums/${forum.id}/participants/me`, { token: p.token })).body;
      assert.ok(me.votesUsed <= me.voteBudget);
    }
  });
});
