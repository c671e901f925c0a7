/**
 * One registration per contact, however it is spelt: contacts are compared after NFKC, with the
 * e-mail domain in its IDNA ASCII form, and contacts holding invisible characters are refused
 * with a field error that says so.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, openSignup, register, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';

describe('contacts are normalised before the duplicate check', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  const email = (value: string) => ({ contact: { kind: 'email', value } });
  const phone = (value: string) => ({ contact: { kind: 'phone', value } });

  test('full-width letters and digits, upper case and Unicode domains are the same contact as their plain spelling', async () => {
    const forum = await createForum(api, { capacity: 100 });
    await openSignup(api, forum.id);
    assert.equal((await register(api, forum.id, 1, email('red.team@example.com'))).status, 201);
    for (const value of ['red.team@ｅxample.com', 'ｒｅｄ.ｔｅａｍ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'RED.TEAM@EXAMPLE.COM']) {
      assertProblem(await register(api, forum.id, 2, email(value)), 409, 'already-registered');
    }
    assert.equal((await register(api, forum.id, 3, email('시민@예시.한국'))).status, 201);
    assertProblem(await register(api, forum.id, 4, email('시민@xn--vv4b11d.xn--3e0b707e')), 409, 'already-registered');
    assert.equal((await register(api, forum.id, 5, email('a@exämple.com'))).status, 201);
    assertProblem(await register(api, forum.id, 6, email('A@XN--EXMPLE-CUA.COM')), 409, 'already-registered');
    assert.equal((await register(api, forum.id, 7, phone('010-2345-6789'))).status, 201);
    assertProblem(await register(api, forum.id, 8, phone('０１０－２３４５－６７８９')), 409, 'already-registered');
    // what is kept is the normalised text (a mailing to it works)
    const list = await api.admin('GET', `/forums/${forum.id}/registrations?limit=100`);
    assert.deepEqual(list.items.map((r: any) => r.contact.value).sort(), ['010-2345-6789', 'a@exämple.com', 'red.team@example.com', '시민@예시.한국']);
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 4);
  });

  test('invisible characters in a contact → 400 naming the field, with its own code; nothing stored', async () => {
    const forum = await createForum(api, { capacity: 100 });
    await openSignup(api, forum.id);
    const invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\u3164', '\u180E', '\u0007'];
    for (const ch of invisible) {
      for (const [over, field] of [
        [email(`red.te${ch}am@example.com`), 'contact.value'],
        [email(`red.team@exam${ch}ple.com`), 'contact.value'],
        [phone(`010-2345${ch}-6789`), 'contact.value'],
        [{ ageGroup: 'under14', guardian: { name: '보호자', contact: { kind: 'phone', value: `010-9876-${ch}5432` }, consent: true } }, 'guardian.contact.value'],
      ] as const) {
        const r = await register(api, forum.id, 1, over);
        assertProblem(r, 400, 'validation');
        const e = r.body.errors.find((x: any) => x.field === field);
        assert.equal(e?.code, 'invisible_character', `U+${ch.codePointAt(0)!.toString(16)} in ${field}: ${JSON.stringify(r.body.errors)}`);
      }
    }
    assert.equal((await api.call('GET', `/forums/${forum.id}`)).body.registered, 0);
  });
});
