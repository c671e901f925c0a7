/**
 * Property-based fuzzing of every endpoint (fast-check): a valid request with ONE thing broken —
 * malformed JSON, a body that is not an object, a required field missing, an unknown field, a
 * field of the wrong type, a number far out of range (huge, negative, fractional, past
 * float64), a string past its limit, a bad query parameter or header — is always a 4xx
 * problem+json whose `errors` name the broken field; never a 5xx, and nothing is written.
 *
 * Bounded: a fixed seed (HD_FUZZ_SEED to change it) and a modest numRuns per endpoint. On a
 * failure fast-check prints the seed and the counterexample path to replay it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createForum, facilitator, goLive, join, openSignup, postIdea, registration, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';

const SEED = Number(process.env.HD_FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.HD_FUZZ_RUNS ?? 40);

type T = 'string' | 'int' | 'number' | 'bool' | 'object' | 'array';
interface F {
  t: T;
  req?: boolean;
  nul?: boolean;
  min?: number;
  max?: number;
}
interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  token: () => string | null;
  valid: () => Record<string, unknown>;
  fields: Record<string, F>;
}

/** A broken request: the raw body text and the field the 400 must name. */
interface Broken {
  what: string;
  text: string;
  field: string;
}

const jsonValue = fc.jsonValue({ maxDepth: 2 });
const OTHER: Record<T, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 20 }),
  int: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }),
  bool: fc.boolean(),
  object: fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  array: fc.array(fc.integer(), { maxLength: 3 }),
};

function wrongType(f: F): fc.Arbitrary<unknown> {
  const kinds = (Object.keys(OTHER) as T[]).filter((k) => k !== f.t && !(f.t === 'number' && k === 'int') && !(f.t === 'int' && k === 'number'));
  const arbs = kinds.map((k) => OTHER[k]);
  if (!f.nul) arbs.push(fc.constant(null));
  if (f.t === 'int') arbs.push(fc.constantFrom(1.5, -0.25, 3.000001));
  return fc.oneof(...arbs);
}

/** Numbers outside [min, max]: just past, far past, negative, and literals JSON.parse turns into Infinity. */
function outOfRange(f: F): fc.Arbitrary<{ raw: string }> {
  const out: fc.Arbitrary<number | string>[] = [fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '9007199254740993')];
  if (f.max !== undefined) out.push(fc.integer({ min: f.max + 1, max: f.max + 1_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(1e300));
  if (f.min !== undefined) out.push(fc.integer({ min: f.min - 1_000_000, max: f.min - 1 }), fc.constant(-Number.MAX_SAFE_INTEGER), fc.constant(-1e300));
  return fc.oneof(...out).map((n) => ({ raw: String(n) }));
}

const RAW = '"__hd_raw_literal__"';

function broken(ep: Endpoint): fc.Arbitrary<Broken> {
  const names = Object.keys(ep.fields);
  const body = ep.valid();
  const text = JSON.stringify(body);
  const withField = (name: string, value: unknown): string => {
    if (value && typeof value === 'object' && 'raw' in (value as object) && Object.keys(value as object).length === 1) {
      return JSON.stringify({ ...body, [name]: '__hd_raw_literal__' }).replace(RAW, (value as { raw: string }).raw);
    }
    return JSON.stringify({ ...body, [name]: value });
  };
  const cases: fc.Arbitrary<Broken>[] = [
    // malformed JSON: cut short, or noise that does not parse
    fc.integer({ min: 1, max: Math.max(1, text.length - 1) }).map((k) => ({ what: 'truncated JSON', text: text.slice(0, k), field: 'body' })),
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => {
        if (s.trim() === '') return false;
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      })
      .map((s) => ({ what: 'not JSON', text: s, field: 'body' })),
    // JSON, but not an object
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(jsonValue, { maxLength: 3 }), fc.string({ maxLength: 10 })).map((v) => ({ what: 'not an object', text: JSON.stringify(v), field: 'body' })),
    // an unknown field
    fc
      .oneof(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'))
      .filter((k) => !names.includes(k))
      .chain((k) => jsonValue.map((v) => ({ what: `unknown field ${k}`, text: text.replace(/}$/, `${text === '{}' ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}}`), field: k }))),
    // a field of the wrong type
    fc.constantFrom(...names).chain((n) => wrongType(ep.fields[n]!).map((v) => ({ what: `wrong type for ${n}`, text: withField(n, v), field: n }))),
  ];
  const required = names.filter((n) => ep.fields[n]!.req);
  if (required.length) {
    cases.push(fc.constantFrom(...required).map((n) => {
      const { [n]: _gone, ...rest } = body;
      return { what: `missing ${n}`, text: JSON.stringify(rest), field: n };
    }));
  }
  const numeric = names.filter((n) => ['int', 'number'].includes(ep.fields[n]!.t) && (ep.fields[n]!.min !== undefined || ep.fields[n]!.max !== undefined));
  if (numeric.length) {
    cases.push(fc.constantFrom(...numeric).chain((n) => outOfRange(ep.fields[n]!).map((v) => ({ what: `${n} = ${v.raw}`, text: withField(n, v), field: n }))));
  }
  const long = names.filter((n) => ep.fields[n]!.t === 'string' && ep.fields[n]!.max !== undefined);
  if (long.length) {
    cases.push(fc.constantFrom(...long).chain((n) => fc.integer({ min: 1, max: 50 }).map((extra) => ({ what: `${n} too long`, text: withField(n, '가'.repeat(ep.fields[n]!.max! + extra)), field: n }))));
  }
  return fc.oneof(...cases);
}

describe('fuzzing every endpoint with broken requests', () => {
  let api: Api;
  let admin: string;
  let forum: any;
  let openForum: any;
  let live: any;
  let done: any;
  let participant: any;
  let idea: any;
  let idea2: any;
  let proposalId: string;

  /** A digest of every row of every table: equal before and after = nothing was written. */
  async function fingerprint(): Promise<string> {
    const h = createHash('sha256');
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(api.server.db);
    for (const { name } of tables.rows) {
      const rows = await sql`select * from ${sql.table(name)} order by rowid`.execute(api.server.db);
      h.update(name).update(JSON.stringify(rows.rows));
    }
    return h.digest('hex');
  }

  before(async () => {
    api = await start();
    admin = api.server.adminToken;
    forum = await createForum(api);
    openForum = await createForum(api, { capacity: 100 });
    await openSignup(api, openForum.id);
    live = await createForum(api, { tables: 4 });
    await goLive(api, live.id);
    participant = await join(api, live, 1);
    await facilitator(api, live.id, 1);
    idea = await postIdea(api, live.id, participant.token, '첫 아이디어');
    idea2 = await postIdea(api, live.id, participant.token, '둘째 아이디어');
    done = await createForum(api);
    await goLive(api, done.id);
    await api.admin('POST', `/forums/${done.id}/status`, { status: 'finished' });
    const pub = await api.admin('PUT', `/forums/${done.id}/results`, { attended: 3, proposals: [{ title: '제안', ideaIds: [] }] });
    proposalId = pub.proposals[0].id;
  });
  after(() => api.server.close());

  const S = (max?: number, req = false): F => ({ t: 'string', req, ...(max !== undefined ? { max } : {}) });
  const forumFields = (req: boolean): Record<string, F> => ({
    title: S(100, req),
    summary: S(2000, req),
    topics: { t: 'array' },
    district: S(40, req),
    venue: { t: 'object', req },
    startsAt: S(undefined, req),
    endsAt: S(undefined, req),
    capacity: { t: 'int', req, min: 1, max: 10000 },
    signupOpensAt: { t: 'string', nul: true },
    signupClosesAt: { t: 'string', nul: true },
    tables: { t: 'int', min: 0, max: 200 },
    voteBudget: { t: 'int', min: 0, max: 20 },
    categories: { t: 'array' },
  });
  const adminTok = () => admin;

  const endpoints = (): Endpoint[] => [
    {
      name: 'createForum',
      method: 'POST',
      path: () => '/forums',
      token: adminTok,
      valid: () => ({ title: 't', summary: '', district: '화도읍', venue: { name: 'v', address: 'a' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5 }),
      fields: { ...forumFields(true), id: S(), joinCode: S() },
    },
    { name: 'updateForum', method: 'PATCH', path: () => `/forums/${forum.id}`, token: adminTok, valid: () => ({ title: '새 제목', capacity: 40 }), fields: forumFields(false) },
    { name: 'setForumStatus', method: 'POST', path: () => `/forums/${forum.id}/status`, token: adminTok, valid: () => ({ status: 'open' }), fields: { status: S(undefined, true) } },
    { name: 'putSignupForm', method: 'PUT', path: () => `/forums/${forum.id}/signup-form`, token: adminTok, valid: () => ({ questions: [] }), fields: { questions: { t: 'array', req: true } } },
    {
      name: 'createRegistration',
      method: 'POST',
      path: () => `/forums/${openForum.id}/registrations`,
      token: () => null,
      valid: () => registration(7),
      fields: {
        name: S(50, true),
        contact: { t: 'object', req: true },
        district: S(40, true),
        ageGroup: S(undefined, true),
        role: S(undefined, true),
        answers: { t: 'object' },
        accessibility: { t: 'array' },
        accessibilityNote: S(500),
        consentVersion: S(40, true),
        consents: { t: 'object', req: true },
        guardian: { t: 'object' },
        website: S(200),
      },
    },
    { name: 'joinForum', method: 'POST', path: () => `/forums/${live.id}/participants`, token: () => null, valid: () => ({ joinCode: live.joinCode, table: 2 }), fields: { joinCode: S(12, true), table: { t: 'int', req: true, min: 1, max: 200 } } },
    { name: 'createFacilitator', method: 'POST', path: () => `/forums/${live.id}/facilitators`, token: adminTok, valid: () => ({ name: '박진행', table: 2 }), fields: { name: S(50, true), table: { t: 'int', nul: true, min: 1, max: 200 } } },
    { name: 'setVoting', method: 'PUT', path: () => `/forums/${live.id}/voting`, token: adminTok, valid: () => ({ open: true, durationSeconds: 600 }), fields: { open: { t: 'bool', req: true }, durationSeconds: { t: 'int', nul: true, min: 30, max: 14400 } } },
    { name: 'postIdea', method: 'POST', path: () => `/forums/${live.id}/ideas`, token: () => participant.token, valid: () => ({ text: '새 아이디어' }), fields: { text: S(280, true), table: { t: 'int', min: 1, max: 200 } } },
    {
      name: 'moderateIdea',
      method: 'PATCH',
      path: () => `/forums/${live.id}/ideas/${idea.id}`,
      token: adminTok,
      valid: () => ({ pinned: true, category: '교통' }),
      fields: { status: S(), category: { t: 'string', nul: true, max: 40 }, pinned: { t: 'bool' }, promoted: { t: 'bool' } },
    },
    { name: 'mergeIdea', method: 'POST', path: () => `/forums/${live.id}/ideas/${idea.id}/merge`, token: adminTok, valid: () => ({ into: idea2.id }), fields: { into: S(64, true) } },
    {
      name: 'respondToProposal',
      method: 'PUT',
      path: () => `/forums/${done.id}/proposals/${proposalId}/response`,
      token: adminTok,
      valid: () => ({ status: 'accepted', answer: '수용합니다.' }),
      fields: { status: S(undefined, true), answer: { t: 'string', nul: true, max: 4000 }, department: { t: 'string', nul: true, max: 100 }, date: S(), note: S(500) },
    },
    {
      name: 'publishResults',
      method: 'PUT',
      path: () => `/forums/${done.id}/results`,
      token: adminTok,
      valid: () => ({ attended: 10, summary: '요약', proposals: [] }),
      fields: { summary: S(2000), attended: { t: 'int', req: true, min: 0, max: 100000 }, proposals: { t: 'array', req: true } },
    },
    { name: 'exportPersonalData', method: 'POST', path: () => '/admin/personal-data/export', token: adminTok, valid: () => ({ contact: { kind: 'phone', value: '010-1234-5678' } }), fields: { contact: { t: 'object', req: true } } },
    { name: 'erasePersonalData', method: 'POST', path: () => '/admin/personal-data/erase', token: adminTok, valid: () => ({ contact: { kind: 'phone', value: '010-1234-5678' } }), fields: { contact: { t: 'object', req: true } } },
  ];

  test('every JSON endpoint: one broken thing → 400 naming it, never a 5xx, nothing written', async () => {
    const baseline = await fingerprint();
    for (const ep of endpoints()) {
      // the unbroken request is accepted as it is (so the broken ones fail for the one broken thing)
      await fc.assert(
        fc.asyncProperty(broken(ep), async (b) => {
          const token = ep.token();
          const res = await fetch(api.server.apiBase + ep.path(), {
            method: ep.method,
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body: b.text,
          });
          const text = await res.text();
          const r = { status: res.status, headers: res.headers, body: JSON.parse(text) };
          const ctx = `${ep.name}: ${b.what}: ${b.text.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
          assertProblem(r, 400, 'validation');
          assert.ok(
            r.body.errors.some((e: any) => e.field === b.field || e.field.startsWith(`${b.field}.`)),
            ctx,
          );
          assert.equal(await fingerprint(), baseline, `${ctx}: the database changed`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
  });

  test('the unbroken requests the fuzzer starts from are accepted (so each refusal above is for the broken thing)', async () => {
    for (const ep of endpoints()) {
      const token = ep.token();
      const r = await api.call(ep.method, ep.path(), { body: ep.valid(), token });
      assert.ok(r.status >= 200 && r.status < 300, `${ep.name}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });

  test('query parameters, path ids and headers: out of range, wrong type or malformed → 4xx naming them', async () => {
    const badInt = fc.oneof(
      fc.integer({ max: 0 }).map(String),
      fc.integer({ min: 1001 }).map(String),
      fc.constantFrom('1e400', '1.5', '0x10', '-0', ' 1', '9'.repeat(30), ''),
      fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/^[0-9]+$/.test(s)),
    );
    const cases = fc.oneof(
      badInt.map((v) => ({ path: `/forums?limit=${encodeURIComponent(v)}`, field: 'query.limit' })),
      badInt.map((v) => ({ path: `/forums/${live.id}/ideas?limit=${encodeURIComponent(v)}`, field: 'query.limit' })),
      badInt.map((v) => ({ path: `/forums/${live.id}/ideas?table=${encodeURIComponent(v)}`, field: 'query.table' })),
      fc.string({ minLength: 1, maxLength: 30 }).map((v) => ({ path: `/forums?cursor=${encodeURIComponent('~' + v)}`, field: 'query.cursor' })),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !['asc', 'desc'].includes(s)).map((v) => ({ path: `/forums?order=${encodeURIComponent(v)}`, field: 'query.order' })),
      fc.string({ minLength: 1, maxLength: 12 }).map((v) => ({ path: `/forums?from=${encodeURIComponent(v)}`, field: 'query.from' })),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !['newest', 'votes'].includes(s)).map((v) => ({ path: `/forums/${live.id}/ideas?sort=${encodeURIComponent(v)}`, field: 'query.sort' })),
      fc.string({ minLength: 1, maxLength: 16 }).filter((s) => !/^[0-9]{1,15}$/.test(s)).map((v) => ({ path: `/forums/${live.id}/events?lastEventId=${encodeURIComponent(v)}`, field: 'query.lastEventId' })),
      badInt.map((v) => ({ path: `/forums/${forum.id}/registrations?limit=${encodeURIComponent(v)}`, field: 'query.limit', admin: true })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const r = await api.call('GET', c.path, { token: (c as { admin?: boolean }).admin ? admin : null });
        // an empty value reads as absent for a few parameters: then it is simply a 200
        if (r.status === 200) {
          assert.match(c.path, /=$|=%20|=-0$|order=|cursor=/, `${c.path} → 200`);
          return;
        }
        assertProblem(r, 400, 'validation');
        assert.ok(r.body.errors.some((e: any) => e.field === c.field), `${c.path}: ${JSON.stringify(r.body.errors)}`);
      }),
      { seed: SEED, numRuns: RUNS * 3, endOnFailure: true },
    );

    // path ids that are not ids, and vote writes with broken Idempotency-Keys or tokens
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ minLength: 65, maxLength: 80 }), fc.stringMatching(/^[^A-Za-z0-9_-]{1,10}$/)),
        async (id) => {
          const r = await api.call('GET', `/forums/${encodeURIComponent(id)}`);
          assert.ok(r.status === 404 || r.status === 400, `${id} → ${r.status}`);
          assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await api.admin('PUT', `/forums/${live.id}/voting`, { open: true });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(''), fc.string({ minLength: 256, maxLength: 300 }).map((s) => s.replace(/[^\x21-\x7e]/g, 'x')), fc.stringMatching(/^[a-z]{1,5} [a-z]{1,5}$/)),
        async (key) => {
          const r = await api.call('POST', `/forums/${live.id}/ideas/${idea2.id}/votes`, { token: participant.token, key });
          assertProblem(r, 400, 'validation');
          assert.deepEqual(r.body.errors.map((e: any) => e.field), ['header.Idempotency-Key']);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.stringMatching(/^[!-~]{8,40}$/), fc.stringMatching(/^[a-z]{1,7}$/)), async (tok) => {
        const r = await api.call('POST', `/forums/${live.id}/ideas/${idea2.id}/votes`, { headers: { Authorization: `Bearer ${tok}` } });
        assertProblem(r, 401, 'unauthorized');
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await api.admin('PUT', `/forums/${live.id}/voting`, { open: false });
    // only the voting round moved (opened, then closed again): no vote, no other change
    const votes = await api.server.db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(votes.n), 0);
  });
});
