/**
 * Hostile text (test/fixtures/hostile-strings.ts) posted into every user-writable field of the
 * API: the server never answers 5xx; well-formed text that fits the field's limit comes back
 * byte for byte; text past the limit is refused with 400 naming the field; lone surrogates are
 * refused with 400 (`invalid_encoding`); a megabyte is refused by the body limit (413); and
 * nothing longer than a field's limit is ever in the database.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HOSTILE, ILL_FORMED, ONE_MEGABYTE, ofLength } from '../fixtures/hostile-strings.ts';
import { normalizeEmail } from '../../server/domain/consent.ts';
import { createForum, goLive, join, openSignup, postIdea, registration, SseReader, start, type Api } from './helpers.ts';
import { assertProblem, fields } from './contract.ts';

type Res = Awaited<ReturnType<Api['call']>>;

interface Field {
  /** The field as the 400 names it. */
  field: string;
  /** Max length; counted in code points when `codePoints`, else UTF-16 units (like the contract). */
  limit: number;
  min?: number;
  trim?: boolean;
  codePoints?: boolean;
  /** Write `v` into the field. */
  send(v: string): Promise<Res>;
  /** Read the stored value back (after a 2xx). */
  read(res: Res): Promise<unknown>;
}

const codePointLength = (s: string) => [...s].length;

describe('hostile text in every user-writable field', () => {
  let api: Api;
  let admin: string;
  let forumId: string; // announced forum: forum fields
  let formForumId: string; // signup-form questions
  let regForumId: string; // open signup with one text question
  let live: any; // live forum: ideas, facilitators
  let participant: any;
  let ideaId: string;
  let doneForumId: string; // finished → results, proposals, responses
  let contactSeq = 0;
  const phone = () => `010-7${String(Math.floor(contactSeq / 1000)).padStart(3, '0')}-${String(contactSeq++ % 1000).padStart(4, '0')}`;

  const A = (method: string, path: string, body?: unknown) => api.call(method, path, { body, token: admin });
  const regById = async (forum: string, id: string) => {
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = await A('GET', `/forums/${forum}/registrations?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      const hit = page.body.items.find((r: any) => r.id === id);
      if (hit) return hit;
      cursor = page.body.nextCursor;
    }
    throw new Error(`registration ${id} not listed`);
  };
  const forumField = (key: string, wrap: (v: string) => unknown, pick: (f: any) => unknown, limit: number, min = 1): Field => ({
    field: key,
    limit,
    min,
    send: (v) => A('PATCH', `/forums/${forumId}`, { [key.split('.')[0]!]: wrap(v) }),
    read: async () => pick((await api.call('GET', `/forums/${forumId}`)).body),
  });
  const question = (over: Record<string, unknown>) => ({ id: 'q1', label: '질문', kind: 'choice', required: false, options: ['가'], ...over });
  const register = (over: Record<string, unknown>) => api.call('POST', `/forums/${regForumId}/registrations`, { body: registration(0, { contact: { kind: 'phone', value: phone() }, ...over }) });

  before(async () => {
    api = await start();
    admin = api.server.adminToken;
    forumId = (await createForum(api)).id;
    formForumId = (await createForum(api)).id;
    const reg = await createForum(api, { capacity: 5000 });
    regForumId = reg.id;
    await A('PUT', `/forums/${regForumId}/signup-form`, { questions: [{ id: 'note', label: '하고 싶은 말', kind: 'text', required: false, maxLength: 2000 }] });
    await openSignup(api, regForumId);
    live = await createForum(api, { tables: 3 });
    await goLive(api, live.id);
    participant = await join(api, live, 1);
    ideaId = (await postIdea(api, live.id, participant.token, '처음 아이디어')).id;
    const done = await createForum(api);
    doneForumId = done.id;
    await goLive(api, doneForumId);
    const p = await join(api, done, 1);
    await postIdea(api, doneForumId, p.token, '결과용 아이디어');
    await A('POST', `/forums/${doneForumId}/status`, { status: 'finished' });
    const pub = await A('PUT', `/forums/${doneForumId}/results`, { attended: 1, proposals: [{ title: '제안', ideaIds: [] }] });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
  });
  after(() => api.server.close());

  function textFields(): Field[] {
    const proposalId = async () => (await api.call('GET', `/forums/${doneForumId}/results`)).body.proposals[0].id;
    const results = async () => (await api.call('GET', `/forums/${doneForumId}/results`)).body;
    return [
      // admin: forums
      forumField('title', (v) => v, (f) => f.title, 100),
      forumField('summary', (v) => v, (f) => f.summary, 2000, 0),
      forumField('topics.0', (v) => [v], (f) => f.topics[0], 40),
      forumField('categories.0', (v) => [v], (f) => f.categories[0], 40),
      forumField('district', (v) => v, (f) => f.district, 40),
      forumField('venue.name', (v) => ({ name: v, address: '주소' }), (f) => f.venue.name, 100),
      forumField('venue.address', (v) => ({ name: '장소', address: v }), (f) => f.venue.address, 200),
      {
        field: 'title',
        limit: 100,
        min: 1,
        send: (v) => A('POST', '/forums', { ...FORUM, title: v }),
        read: async (r) => (await api.call('GET', `/forums/${r.body.id}`)).body.title,
      },
      // admin: the signup form
      ...(['label', 'help', 'options.0'] as const).map(
        (k): Field => ({
          field: `questions.0.${k}`,
          limit: k === 'label' ? 200 : k === 'help' ? 500 : 100,
          min: k === 'help' ? 0 : 1,
          send: (v) => A('PUT', `/forums/${formForumId}/signup-form`, { questions: [question(k === 'options.0' ? { options: [v] } : { [k]: v })] }),
          read: async () => {
            const q = (await api.call('GET', `/forums/${formForumId}/signup-form`)).body.questions[0];
            return k === 'options.0' ? q.options[0] : q[k];
          },
        }),
      ),
      // admin: facilitators, moderation
      {
        field: 'name',
        limit: 50,
        trim: true,
        send: (v) => A('POST', `/forums/${live.id}/facilitators`, { name: v, table: 2 }),
        read: async () => (await api.call('GET', `/forums/${live.id}/tables`)).body.items[1].facilitator,
      },
      {
        field: 'category',
        limit: 40,
        min: 1,
        send: (v) => A('PATCH', `/forums/${live.id}/ideas/${ideaId}`, { category: v }),
        read: async () => (await api.call('GET', `/forums/${live.id}/ideas/${ideaId}`)).body.category,
      },
      // participants: ideas
      {
        field: 'text',
        limit: 280,
        trim: true,
        codePoints: true,
        send: (v) => api.call('POST', `/forums/${live.id}/ideas`, { body: { text: v }, token: participant.token }),
        read: async (r) => (await api.call('GET', `/forums/${live.id}/ideas/${r.body.id}`)).body.text,
      },
      // admin: results, proposals, the city's responses
      {
        field: 'summary',
        limit: 2000,
        min: 0,
        send: (v) => A('PUT', `/forums/${doneForumId}/results`, { attended: 1, summary: v, proposals: [{ title: '제안', ideaIds: [] }] }),
        read: async () => (await results()).summary,
      },
      ...(['title', 'category', 'department'] as const).map(
        (k): Field => ({
          field: `proposals.0.${k}`,
          limit: k === 'title' ? 200 : k === 'category' ? 40 : 100,
          min: k === 'title' ? 1 : 0,
          send: (v) => A('PUT', `/forums/${doneForumId}/results`, { attended: 1, proposals: [{ title: '제안', ideaIds: [], [k]: v }] }),
          read: async () => (await results()).proposals[0][k],
        }),
      ),
      ...(['answer', 'department', 'note'] as const).map(
        (k): Field => ({
          field: k,
          limit: k === 'answer' ? 4000 : k === 'department' ? 100 : 500,
          min: 0,
          send: async (v) => A('PUT', `/forums/${doneForumId}/proposals/${await proposalId()}/response`, { status: 'reviewing', [k]: v }),
          read: async () => {
            const p = (await results()).proposals[0];
            return k === 'note' ? p.timeline.at(-1).text : p[k];
          },
        }),
      ),
      // residents: registrations
      {
        field: 'name',
        limit: 50,
        trim: true,
        send: (v) => register({ name: v }),
        read: async (r) => (await regById(regForumId, r.body.id)).name,
      },
      {
        field: 'accessibilityNote',
        limit: 500,
        min: 0,
        send: (v) => register({ accessibility: ['wheelchair'], accessibilityNote: v, consents: { personal: true, accessibility: true, answers: false, notice: false } }),
        read: async (r) => (await regById(regForumId, r.body.id)).accessibilityNote ?? '',
      },
      {
        field: 'answers.note',
        limit: 2000,
        min: 0,
        send: (v) => register({ answers: { note: v }, consents: { personal: true, accessibility: false, answers: true, notice: false } }),
        read: async (r) => (await regById(regForumId, r.body.id)).answers?.note ?? '',
      },
      {
        field: 'guardian.name',
        limit: 50,
        send: (v) => {
          const contact = { kind: 'phone', value: phone() };
          return register({ ageGroup: 'under14', guardian: { name: v, contact, consent: true } }).then((r) => Object.assign(r, { contact }));
        },
        read: async (r) => {
          const exp = await A('POST', '/admin/personal-data/export', { contact: (r as any).contact });
          return exp.body.registrations.find((x: any) => x.id === r.body.id).guardian.name;
        },
      },
    ];
  }

  const FORUM = {
    title: '토론회',
    summary: '',
    district: '화도읍',
    venue: { name: '장소', address: '주소' },
    startsAt: '2030-01-01T10:00:00+09:00',
    endsAt: '2030-01-01T12:00:00+09:00',
    capacity: 10,
  };

  test('well-formed text round-trips byte for byte when it fits, and is refused with 400 naming the field when it does not', async () => {
    let checked = 0;
    for (const f of textFields()) {
      const samples = [...HOSTILE.map((h) => h.value), ofLength(f.limit), ofLength(f.limit + 1), '  앞뒤 공백  '];
      for (const v of samples) {
        const expected = f.trim ? v.trim() : v;
        const len = f.codePoints ? codePointLength(expected) : (f.trim ? v : v).length;
        const fits = len <= f.limit && expected.length >= (f.min ?? 1);
        const r = await f.send(v);
        const what = `${f.field} ← ${JSON.stringify(v.slice(0, 40))} (${v.length})`;
        assert.ok(r.status < 500, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
        if (fits) {
          assert.ok(r.status >= 200 && r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
          assert.equal(await f.read(r), expected, what);
        } else {
          assertProblem(r, 400, 'validation');
          assert.ok(fields(r.body).includes(f.field), `${what}: ${JSON.stringify(r.body.errors)}`);
        }
        checked++;
      }
    }
    assert.ok(checked > 800);
  });

  test('lone surrogates are refused with 400 invalid_encoding in every field; a megabyte is refused by the body limit (413)', async () => {
    for (const f of textFields()) {
      for (const { name, value } of ILL_FORMED) {
        const r = await f.send(value);
        assertProblem(r, 400, 'validation');
        const e = r.body.errors.find((x: any) => x.field === f.field);
        assert.equal(e?.code, 'invalid_encoding', `${f.field} ← ${name}: ${JSON.stringify(r.body.errors)}`);
      }
      const big = await f.send(ONE_MEGABYTE);
      assertProblem(big, 413, 'payload-too-large');
    }
    // a body that is not UTF-8 at all
    const raw = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const res = await fetch(`${api.server.apiBase}/forums/${live.id}/ideas`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${participant.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'bad-utf8-1' },
      body: raw,
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as any).errors[0].code, 'invalid_encoding');
  });

  test('fields with a format (contact, district, join code, consent version, the honeypot) refuse hostile text with 4xx and store nothing', async () => {
    const before = (await api.call('GET', `/forums/${regForumId}`)).body.registered;
    let accepted = 0;
    for (const { value } of [...HOSTILE, ...ILL_FORMED]) {
      for (const [field, over] of [
        ['contact.value', { contact: { kind: 'email', value } }],
        ['district', { district: value }],
        ['consentVersion', { consentVersion: value }],
        ['website', { website: value }],
      ] as const) {
        const r = await register(over);
        if (field === 'contact.value' && value.length >= 3 && value.length <= 254 && normalizeEmail(value) !== null) {
          accepted++;
          continue;
        }
        if (field === 'website' && value.trim() === '') continue;
        assertProblem(r, 400, 'validation');
        assert.ok(fields(r.body).includes(field), `${field} ← ${JSON.stringify(value)}: ${JSON.stringify(r.body.errors)}`);
      }
      const j = await api.call('POST', `/forums/${live.id}/participants`, { body: { joinCode: value, table: 1 } });
      assert.ok(j.status >= 400 && j.status < 500, `joinCode ← ${JSON.stringify(value)}: ${j.status}`);
    }
    assert.equal((await api.call('GET', `/forums/${regForumId}`)).body.registered, before + accepted);
  });

  test('hostile query parameters: never a 5xx, SQL is data, and LIKE wildcards match literally', async () => {
    for (const { value } of [...HOSTILE, { name: 'long', value: ofLength(101) }]) {
      for (const path of [`/forums?q=`, `/forums?district=`, `/forums?topic=`, `/forums/calendar.ics?topic=`, `/forums/${live.id}/ideas?category=`]) {
        const r = await api.call('GET', path + encodeURIComponent(value));
        assert.ok(r.status === 200 || r.status === 400, `${path}${JSON.stringify(value)} → ${r.status}`);
      }
    }
    // lone surrogates cannot be percent-encoded as UTF-8; their CESU bytes are refused, not crashed on
    for (const raw of ['%ED%A0%80', '%FF%FE', '%C0%AF', '%']) {
      const r = await api.call('GET', `/forums?q=${raw}`);
      assert.ok(r.status === 200 || r.status === 400, `q=${raw} → ${r.status}`);
    }
    // '%' and '_' match themselves, not everything
    await A('PATCH', `/forums/${forumId}`, { title: '100% 참여_토론회' });
    const decoy = await createForum(api, { title: '100 참여자 모임', summary: '' }); // what an unescaped '0% 참여_' would match
    const pct = await api.call('GET', `/forums?q=${encodeURIComponent('0% 참여_')}`);
    assert.deepEqual(pct.body.items.map((f: any) => f.id), [forumId]);
    const underscore = await api.call('GET', `/forums?q=_&limit=100`);
    assert.ok(!underscore.body.items.some((f: any) => f.id === decoy.id));
    // a tautology finds only the forums whose text holds it literally (a title set above)
    const taut = await api.call('GET', `/forums?q=${encodeURIComponent("' OR '1'='1")}&limit=100`);
    const all = await api.call('GET', '/forums?limit=100');
    assert.ok(taut.body.items.length < all.body.items.length);
    for (const f of taut.body.items) assert.ok(f.title.includes("' OR '1'='1"), f.title);
  });

  test('hostile idea text cannot break the event stream: every event arrives whole, its text intact', async () => {
    const reader = await SseReader.open(`${api.server.apiBase}/forums/${live.id}/events`);
    try {
      await reader.until((r) => r.messages.some((m) => m.retry !== undefined));
      const texts = HOSTILE.map((h) => h.value.trim()).filter((t) => t.length > 0 && [...t].length <= 280);
      for (const text of texts) await postIdea(api, live.id, participant.token, text);
      await reader.until((r) => r.events().filter((e) => e.event === 'idea.created').length >= texts.length);
      const got = reader.events().filter((e) => e.event === 'idea.created');
      assert.deepEqual(got.map((e) => e.json.data.text), texts);
      // nothing but well-formed events and comments: no injected event names or ids
      for (const m of reader.messages) assert.ok(m.retry !== undefined || m.comment !== undefined || ['idea.created', 'vote.changed', 'idea.updated', 'forum.updated', 'participants.changed'].includes(m.event!), JSON.stringify(m));
    } finally {
      reader.close();
    }
  });

  test('a title cannot break out of the iCalendar file', async () => {
    await A('PATCH', `/forums/${forumId}`, { title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:가짜' });
    const res = await fetch(`${api.server.apiBase}/forums/${forumId}/calendar.ics`);
    const ics = await res.text();
    assert.equal(ics.match(/^BEGIN:VEVENT/gm)?.length, 1);
    assert.equal(ics.match(/^SUMMARY:/gm)?.length, 1);
  });

  test('the database holds nothing longer than the field limits', async () => {
    const db = api.server.db;
    const checks: [string, string, number][] = [
      ['forums', 'title', 100],
      ['forums', 'summary', 2000],
      ['forums', 'district', 40],
      ['forums', 'venue_name', 100],
      ['forums', 'venue_address', 200],
      ['signup_questions', 'label', 200],
      ['signup_questions', 'help', 500],
      ['registrations', 'name', 50],
      ['registrations', 'contact_value', 254],
      ['registrations', 'district', 40],
      ['registrations', 'accessibility_note', 500],
      ['registrations', 'answers', 20 * 2100],
      ['registrations', 'guardian', 600],
      ['facilitators', 'name', 50],
      ['ideas', 'text', 280 * 2],
      ['ideas', 'category', 40],
      ['results', 'summary', 2000],
      ['proposals', 'title', 200],
      ['proposals', 'category', 40],
      ['proposals', 'department', 100],
      ['proposals', 'answer', 4000],
      ['timeline_entries', 'text', 500],
    ];
    for (const [table, column, limit] of checks) {
      const rows = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table)}`.execute(db);
      for (const { v } of rows.rows) {
        if (v === null) continue;
        const len = table === 'ideas' && column === 'text' ? codePointLength(v) * 2 : v.length;
        assert.ok(len <= limit, `${table}.${column}: ${len} > ${limit}`);
      }
    }
    const ideas = await db.selectFrom('ideas').select('text').execute();
    for (const i of ideas) assert.ok(codePointLength(i.text) <= 280);
  });
});
