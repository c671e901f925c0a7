/**
 * Authorisation, driven by the contract: every operation that asks for a bearer token is
 * refused without one (401), with a token of the wrong kind (403) and with a token of another
 * forum (403). Cancel tokens reach only their own registration. Tokens are stored hashed,
 * never accepted from a URL, and never written to the server's output.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { parse } from 'yaml';
import { createForum, facilitator, goLive, join, openSignup, postIdea, register, start, type Api } from './helpers.ts';
import { assertProblem } from './contract.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const doc = parse(readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as any;

type Kind = 'admin' | 'facilitator' | 'participant' | 'cancel';
const KINDS: Kind[] = ['admin', 'facilitator', 'participant', 'cancel'];

interface Op {
  id: string;
  method: string;
  path: string;
  /** Kinds allowed; `optional` when the operation also works without a token. */
  kinds: Kind[];
  optional: boolean;
  /** Answers with an event stream (a 200 that never ends). */
  stream: boolean;
}

/** Every operation of the contract that names bearer kinds in its security. */
function securedOperations(): Op[] {
  const out: Op[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op?.security?.length) continue;
      const kinds = new Set<Kind>();
      let optional = false;
      for (const req of op.security) {
        if (Object.keys(req).length === 0) optional = true;
        for (const k of req.bearer ?? []) kinds.add(k);
      }
      const stream = Boolean(op.responses?.['200']?.content?.['text/event-stream']);
      if (kinds.size) out.push({ id: op.operationId, method: method.toUpperCase(), path, kinds: [...kinds], optional, stream });
    }
  }
  return out;
}

describe('authorisation', () => {
  let api: Api;
  const tok: Record<'A' | 'B', Record<Kind, string>> = { A: {} as any, B: {} as any };
  const ids: Record<'A' | 'B', { forumId: string; ideaId: string; proposalId: string }> = { A: {} as any, B: {} as any };

  async function world(side: 'A' | 'B') {
    const f = await createForum(api, { capacity: 10 });
    await openSignup(api, f.id);
    const r = await register(api, f.id, side === 'A' ? 1 : 2);
    await goLive(api, f.id);
    const p = await join(api, f, 1);
    const fac = await facilitator(api, f.id, 1);
    const idea = await postIdea(api, f.id, p.token, `아이디어 ${side}`);
    // a finished, published forum for the proposal paths
    const done = await createForum(api);
    await goLive(api, done.id);
    await api.admin('POST', `/forums/${done.id}/status`, { status: 'finished' });
    const pub = await api.admin('PUT', `/forums/${done.id}/results`, { attended: 1, proposals: [{ title: '제안', ideaIds: [] }] });
    tok[side] = { admin: api.server.adminToken, facilitator: fac.token, participant: p.token, cancel: r.body.cancelToken };
    ids[side] = { forumId: f.id, ideaId: idea.id, proposalId: pub.proposals[0].id };
    return { done: done.id };
  }
  let doneA = '';

  before(async () => {
    api = await start();
    doneA = (await world('A')).done;
    await world('B');
  });
  after(() => api.server.close());

  const fill = (op: Op, side: 'A' | 'B') =>
    op.path
      .replace('{forumId}', op.path.includes('{proposalId}') ? doneA : ids[side].forumId)
      .replace('{ideaId}', ids[side].ideaId)
      .replace('{proposalId}', ids.A.proposalId);

  test('the contract names every write that needs a token (the table below is not empty)', () => {
    const ops = securedOperations();
    assert.ok(ops.length >= 18, `${ops.length} secured operations`);
    for (const id of ['createForum', 'updateForum', 'setForumStatus', 'putSignupForm', 'listRegistrations', 'createFacilitator', 'setVoting', 'postIdea', 'moderateIdea', 'mergeIdea', 'addVote', 'retractVote', 'publishResults', 'respondToProposal', 'getMyRegistration', 'cancelMyRegistration', 'exportPersonalData', 'erasePersonalData', 'getMe']) {
      assert.ok(ops.some((o) => o.id === id), `${id} is not secured in the contract`);
    }
  });

  test('every secured operation: no token → 401, a token of the wrong kind → 403, a token of another forum → 403', async () => {
    let checks = 0;
    for (const op of securedOperations()) {
      const path = fill(op, 'A');
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      if (!op.optional) {
        assertProblem(await api.call(op.method, path, { body }), 401, 'unauthorized');
        const forged = await api.call(op.method, path, { body, token: 'hda_' + randomBytes(32).toString('base64url') });
        assertProblem(forged, 401, 'unauthorized');
        checks += 2;
      }
      for (const kind of KINDS.filter((k) => !op.kinds.includes(k))) {
        if (op.optional && kind === 'cancel') continue; // listIdeas: any token of this forum reads
        const r = await api.call(op.method, path, { body, token: tok.A[kind] });
        assert.equal(r.status, 403, `${op.id} with a ${kind} token: ${r.status} ${JSON.stringify(r.body)}`);
        checks++;
      }
      if (op.path.includes('{forumId}') && !op.path.includes('{proposalId}')) {
        for (const kind of op.kinds.filter((k) => k !== 'admin')) {
          const r = await api.call(op.method, path, { body, token: tok.B[kind] });
          assert.equal(r.status, 403, `${op.id} with forum B's ${kind} token on forum A: ${r.status} ${JSON.stringify(r.body)}`);
          assertProblem(r, 403, 'forbidden');
          checks++;
        }
      }
      // the right token gets past the door (a 400 for the empty body is fine)
      for (const kind of op.kinds) {
        if (op.stream) {
          // an event stream never ends: look at the status and hang up
          const ctrl = new AbortController();
          const res = await fetch(api.server.apiBase + fill(op, 'A'), { headers: { Authorization: `Bearer ${tok.A[kind]}` }, signal: ctrl.signal });
          ctrl.abort();
          assert.equal(res.status, 200, `${op.id} with its own ${kind} token`);
          continue;
        }
        const r = await api.call(op.method, fill(op, 'A'), { body: op.method === 'DELETE' ? undefined : body, token: tok.A[kind] });
        assert.ok(r.status !== 401 && r.status !== 403, `${op.id} with its own ${kind} token: ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
    assert.ok(checks >= 60, `${checks} refusals checked`);
  });

  test('a participant token of one forum is useless on another, for reads too', async () => {
    const b = ids.B;
    for (const [method, path, body] of [
      ['GET', `/forums/${b.forumId}/participants/me`],
      ['GET', `/forums/${b.forumId}/ideas`],
      ['POST', `/forums/${b.forumId}/ideas`, { text: '남의 토론회' }],
      ['POST', `/forums/${b.forumId}/ideas/${b.ideaId}/votes`],
      ['DELETE', `/forums/${b.forumId}/ideas/${b.ideaId}/votes`],
      // even with forum B's idea id under forum A's path, or A's idea under B's path
      ['POST', `/forums/${b.forumId}/ideas/${ids.A.ideaId}/votes`],
    ] as const) {
      assertProblem(await api.call(method, path, { body, token: tok.A.participant }), 403, 'forbidden');
    }
    const r = await api.call('POST', `/forums/${ids.A.forumId}/ideas/${b.ideaId}/votes`, { token: tok.A.participant });
    assert.ok(r.status === 404 || r.status === 409, `A's token, B's idea under A's path: ${r.status}`);
    const votes = await api.server.db.selectFrom('votes').select('idea_id').execute();
    assert.ok(!votes.some((v) => v.idea_id === b.ideaId));
  });

  test('a cancel token cancels only its own registration', async () => {
    const f = await createForum(api, { capacity: 2 });
    await openSignup(api, f.id);
    const one = await register(api, f.id, 11);
    const two = await register(api, f.id, 12);
    const three = await register(api, f.id, 13); // waitlisted
    assert.equal(three.body.outcome, 'waitlisted');
    const del = await api.call('DELETE', '/registrations/me', { token: one.body.cancelToken });
    assert.equal(del.status, 200);
    assert.equal(del.body.id, one.body.id);
    const me2 = await api.call('GET', '/registrations/me', { token: two.body.cancelToken });
    assert.equal(me2.body.outcome, 'confirmed');
    assert.equal((await api.call('GET', '/registrations/me', { token: three.body.cancelToken })).body.outcome, 'confirmed');
    // the cancel token is refused everywhere else
    for (const [method, path] of [
      ['GET', `/forums/${f.id}/registrations`],
      ['POST', `/forums/${f.id}/status`],
      ['GET', `/forums/${f.id}/participants/me`],
    ] as const) {
      assertProblem(await api.call(method, path, { token: one.body.cancelToken, body: method === 'POST' ? { status: 'closed' } : undefined }), 403, 'forbidden');
    }
  });

  test('tokens are never taken from a URL', async () => {
    for (const q of ['token', 'access_token', 'auth', 'authorization', 'cancelToken']) {
      const r = await api.call('GET', `/registrations/me?${q}=${encodeURIComponent(tok.A.cancel)}`);
      assertProblem(r, 401, 'unauthorized');
      const w = await api.call('POST', `/forums?${q}=${encodeURIComponent(tok.A.admin)}`, { body: {} });
      assertProblem(w, 401, 'unauthorized');
    }
    // and no response points to a URL holding one
    const f = await createForum(api);
    const created = await api.call('POST', '/forums', { token: tok.A.admin, body: { title: 't', summary: '', district: '화도읍', venue: { name: 'v', address: 'a' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5 } });
    assert.match(created.headers.get('location') ?? '', /^\/api\/forums\/[A-Za-z0-9_-]+$/);
    void f;
  });

  test('tokens are stored hashed: no table holds a token issued or used here', async () => {
    const all = [...Object.values(tok.A), ...Object.values(tok.B)];
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(api.server.db);
    let cells = 0;
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(api.server.db);
      for (const row of rows.rows) {
        for (const v of Object.values(row)) {
          cells++;
          if (typeof v !== 'string') continue;
          for (const t of all) assert.ok(!v.includes(t) && !v.includes(t.slice(4)), `${name} holds a token in plaintext`);
        }
      }
    }
    assert.ok(cells > 100);
    // what is stored is the sha256 of each token
    const hashes = new Set((await api.server.db.selectFrom('tokens').select('hash').execute()).map((r) => r.hash));
    for (const t of all.filter((t) => t !== api.server.adminToken)) assert.ok(hashes.has(createHash('sha256').update(t).digest('hex')));
  });
});

describe('tokens never reach the server output', () => {
  test('a run of the CLI that uses every token kind (and refuses a few) prints none of them', async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), 'hd-tokens-'));
    const adminToken = 'hda_' + randomBytes(32).toString('base64url');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--ready-json'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HD_DATA_DIR: dataDir, HD_SEED: 'none', HD_ADMIN_TOKEN: adminToken, HD_RATE_LIMIT: '2', HD_RATE_LIMIT_IP: '0', HD_PURGE_INTERVAL: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const ready = await new Promise<{ apiBase: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no HD_READY: ${out}`)), 30_000);
        const poll = setInterval(() => {
          const m = /^HD_READY (.+)$/m.exec(out);
          if (m) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve(JSON.parse(m[1]!));
          }
        }, 20);
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const base = ready.apiBase;
      const call = async (method: string, path: string, token?: string, body?: unknown, key = randomBytes(8).toString('hex')) => {
        const res = await fetch(base + path, {
          method,
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      };
      const forum = (await call('POST', '/forums', adminToken, { title: '로그 토론회', summary: '', district: '화도읍', venue: { name: 'v', address: 'a' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5, tables: 2 })).body;
      await call('POST', `/forums/${forum.id}/status`, adminToken, { status: 'open' });
      const reg = (await call('POST', `/forums/${forum.id}/registrations`, undefined, { name: '홍길동', contact: { kind: 'phone', value: '010-5555-0001' }, district: '화도읍', ageGroup: '30s', role: 'participant', consentVersion: '2026-01', consents: { personal: true, accessibility: false, notice: false } })).body;
      const cancel: string = reg.cancelToken;
      await call('GET', '/registrations/me', cancel);
      await call('POST', `/forums/${forum.id}/status`, adminToken, { status: 'live' });
      const fac: string = (await call('POST', `/forums/${forum.id}/facilitators`, adminToken, { name: '진행자', table: 1 })).body.token;
      const part: string = (await call('POST', `/forums/${forum.id}/participants`, undefined, { joinCode: forum.joinCode, table: 1 })).body.token;
      const idea = (await call('POST', `/forums/${forum.id}/ideas`, part, { text: '아이디어' })).body;
      await call('POST', `/forums/${forum.id}/ideas`, fac, { text: '대신 올림', table: 2 });
      await call('PUT', `/forums/${forum.id}/voting`, fac, { open: true });
      await call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, part);
      // refusals: rate limited (2/min per token), wrong forum, malformed and unknown tokens
      for (let i = 0; i < 3; i++) await call('POST', `/forums/${forum.id}/ideas/${idea.id}/votes`, part);
      await call('GET', '/registrations/me', part);
      await call('GET', '/registrations/me', cancel.slice(0, -2) + 'xx');
      await call('GET', '/registrations/me', 'not a token at all');
      await call('DELETE', '/registrations/me', cancel);
      for (const t of [adminToken, cancel, fac, part]) assert.ok(t && t.length > 20);

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      assert.match(out, /HD_READY/);
      for (const [kind, t] of [['admin', adminToken], ['cancel', cancel], ['facilitator', fac], ['participant', part]] as const) {
        assert.ok(!out.includes(t), `the ${kind} token appears in the server output:\n${out}`);
        assert.ok(!out.includes(t.slice(4, 24)), `part of the ${kind} token appears in the server output`);
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
