// The demo's operator side and the staff command line (#16 items 5 and 7): `npm start` prints a
// demo staff token once (HD_READY carries it), the demo forums have tables with one accessible,
// and `npm run staff -- create/list/revoke` works on the server's own database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/start.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

/** Start server/main.ts and wait for its HD_READY line; returns it, the output so far, and a stop function. */
async function main(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, 'server/main.ts', '--ready-json'], { cwd: ROOT, env: { ...process.env, PORT: '0', HD_ADMIN_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = await new Promise<any>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no HD_READY: ${out}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^HD_READY (.+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const stop = () => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { ready, out, stop };
}

describe('the demo staff token and tables', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hd-operator-demo-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('npm start: a demo staff token printed once (banner and HD_READY), working on the desk; not again after a restart', async () => {
    const env = { HD_DATA_DIR: dir, HD_SEED: 'demo' };
    const first = await main(env);
    try {
      assert.match(first.ready.staffToken, /^hds_/);
      assert.ok(first.out.includes(`Staff token   ${first.ready.staffToken}`), 'first.out.includes(`Staff token   ${first.ready.staffToken}`)');
      const { openForumId, liveForumId } = first.ready.demo;
      const desk = await fetch(`${first.ready.apiBase}/forums/${openForumId}/desk?limit=1`, { headers: { Authorization: `Bearer ${first.ready.staffToken}` } });
      assert.equal(desk.status, 200);
      for (const forumId of [openForumId, liveForumId]) {
        const tables = ((await (await fetch(`${first.ready.apiBase}/forums/${forumId}/tables`)).json()) as { items: { seats?: number; accessible?: boolean }[] }).items;
        assert.ok(tables.length > 1, 'tables.length > 1');
        assert.equal(tables.filter((t) => t.accessible).length, 1, 'one accessible table');
        assert.ok(tables.every((t) => (t.seats ?? 0) >= 4), 'tables.every((t) => (t.seats ?? 0) >= 4)');
      }
    } finally {
      await first.stop();
    }
    const second = await main(env);
    try {
      assert.equal(second.ready.staffToken, undefined);
      assert.match(second.out, /Staff token {3}\(printed when the demo was made/);
      assert.ok(!second.out.includes(first.ready.staffToken), '!second.out.includes(first.ready.staffToken)');
      // the token made the first time still works
      const desk = await fetch(`${second.ready.apiBase}/forums/${second.ready.demo.openForumId}/desk?limit=1`, { headers: { Authorization: `Bearer ${first.ready.staffToken}` } });
      assert.equal(desk.status, 200);
    } finally {
      await second.stop();
    }
  });

  test('npm run staff: create prints the token once, list shows no token, revoke ends it; each in the audit log', async () => {
    const dbPath = join(dir, 'cli.db');
    const env = { HD_DB_PATH: dbPath };
    const missing = await run(['server/staff-cli.ts', 'list'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no database at/);
    const server = await startServer({ dbPath });
    try {
      const created = await run(['server/staff-cli.ts', 'create', 'Kim', 'Minji', '--note', '토론회 운영팀'], env);
      assert.equal(created.code, 0, created.stderr);
      const token = /^\s+(hds_\S+)$/m.exec(created.stdout)![1]!;
      const id = /\(id ([A-Za-z0-9_-]+)\)/.exec(created.stdout)![1]!;
      assert.match(created.stdout, /Staff token for Kim Minji/);
      const ask = (t: string) => fetch(`${server.apiBase}/forums`, { method: 'POST', headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal((await ask(token)).status, 400, 'the running server takes the token');
      const list = await run(['server/staff-cli.ts', 'list'], env);
      assert.equal(list.code, 0);
      assert.match(list.stdout, new RegExp(`^${id}  active\\s+Kim Minji  \\(토론회 운영팀\\)$`, 'm'));
      assert.ok(!list.stdout.includes(token), '!list.stdout.includes(token)');
      const revoked = await run(['server/staff-cli.ts', 'revoke', id], env);
      assert.equal(revoked.code, 0);
      assert.match(revoked.stdout, /Revoked the staff token of Kim Minji/);
      assert.equal((await ask(token)).status, 401);
      assert.match((await run(['server/staff-cli.ts', 'list'], env)).stdout, new RegExp(`^${id}  revoked `, 'm'));
      assert.equal((await run(['server/staff-cli.ts', 'revoke', 'nosuch'], env)).code, 1);
      assert.equal((await run(['server/staff-cli.ts', 'create'], env)).code, 2);
      assert.equal((await run(['server/staff-cli.ts', 'delete', id], env)).code, 2);
      const log = await fetch(`${server.apiBase}/admin/audit-log`, { headers: { Authorization: `Bearer ${server.adminToken}` } }).then((r) => r.json() as Promise<{ items: any[] }>);
      assert.deepEqual(
        log.items.map((e) => [e.actor, e.operation, e.method, e.resource]).reverse(),
        [['admin (command line)', 'createStaffToken', 'CLI', `staff:${id}`], ['admin (command line)', 'revokeStaffToken', 'CLI', `staff:${id}`]],
      );
    } finally {
      await server.close();
    }
  });
});
