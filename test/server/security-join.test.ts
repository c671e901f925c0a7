/**
 * Join codes cannot be tried out: a wrong code and the right code on a forum that is not live get
 * the same answer, codes are at least 6 characters, and join attempts per address and forum are
 * rate-limited.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, forumInput, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';

describe('join codes', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  const join = (forumId: string, joinCode: string, table = 1, headers: Record<string, string> = {}) =>
    api.call('POST', `/forums/${forumId}/participants`, { body: { joinCode, table }, headers });
  const status = (forumId: string, to: string) => api.admin('POST', `/forums/${forumId}/status`, { status: to });

  test('a wrong code and the right code before or after the forum is live get the same 403 problem', async () => {
    const forum = await createForum(api, { joinCode: 'RIGHT7', tables: 4 });
    const answers = [];
    for (const step of ['announced', 'open', 'closed', 'live', 'finished']) {
      if (step !== 'announced') await status(forum.id, step);
      if (step !== 'live') {
        answers.push(await join(forum.id, 'RIGHT7'));
        answers.push(await join(forum.id, 'right7', 99)); // a table past the forum's tells nothing either
      }
      answers.push(await join(forum.id, 'WRONG7'));
    }
    for (const r of answers) assertProblem(r, 403, 'forbidden');
    const bodies = new Set(answers.map((r) => JSON.stringify(r.body)));
    assert.equal(bodies.size, 1, [...bodies].join('\n'));
    const headerLine = (h: Headers) => {
      const out: string[] = [];
      h.forEach((value, name) => {
        if (name !== 'date') out.push(`${name}: ${value}`);
      });
      return out.join('; ');
    };
    const headers = new Set(answers.map((r) => headerLine(r.headers)));
    assert.equal(headers.size, 1);
  });

  test('codes an admin chooses have at least 6 characters; generated ones too', async () => {
    for (const joinCode of ['ABCD', 'ABCDE', 'abcdef', 'ABC-DEF']) {
      const r = await api.call('POST', '/forums', { token: api.server.adminToken, body: { ...forumInput(), joinCode } });
      assertProblem(r, 400, 'validation');
      assert.deepEqual(r.body.errors.map((e: any) => e.field), ['joinCode'], joinCode);
    }
    assert.equal((await createForum(api, { joinCode: 'ABCDEF' })).joinCode, 'ABCDEF');
    assert.ok((await createForum(api)).joinCode.length >= 6);
  });
});

describe('join attempts per address and forum', () => {
  let api: Api;
  before(async () => {
    api = await start({ rateLimit: { joinsPerIp: 5, trustProxy: true } });
  });
  after(() => api.server.close());

  const join = (forumId: string, joinCode: string, from: string) =>
    api.call('POST', `/forums/${forumId}/participants`, { body: { joinCode, table: 1 }, headers: { 'X-Forwarded-For': from } });

  test('past the limit → 429 with Retry-After, right code or wrong; other forums and other addresses are not held up', async () => {
    const a = await createForum(api, { joinCode: 'FORUMA' });
    const b = await createForum(api, { joinCode: 'FORUMB' });
    for (const f of [a, b]) await api.admin('POST', `/forums/${f.id}/status`, { status: 'live' });
    const codes = ['WRONG1', 'WRONG2', 'FORUMA', 'WRONG3', 'FORUMA'];
    const first = await Promise.all(codes.map((code) => join(a.id, code, '203.0.113.7')));
    assert.deepEqual(first.map((r) => r.status).sort(), [201, 201, 403, 403, 403]);
    for (const code of ['FORUMA', 'WRONG4']) {
      const r = await join(a.id, code, '203.0.113.7');
      assertProblem(r, 429, 'rate-limited');
      const wait = Number(r.headers.get('retry-after'));
      assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After ${r.headers.get('retry-after')}`);
    }
    assert.equal((await join(b.id, 'FORUMB', '203.0.113.7')).status, 201);
    assert.equal((await join(a.id, 'FORUMA', '198.51.100.2')).status, 201);
    assert.equal((await api.call('GET', `/forums/${a.id}`)).body.participants, 3);
  });
});
