/** The CLI as partners run it: exit codes 0 / 1 / 2, one clear line on usage errors, a readable report. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../server/start.ts';
import { startProxy } from './proxy.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, 'conformance/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, HD_ADMIN_TOKEN: '', NO_COLOR: '1', ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

let server: RunningServer;
before(async () => {
  server = await startServer({ port: 0, dbPath: ':memory:', seed: 'none', adminToken: 'cli-test-admin-token-0123456789' });
});
after(async () => {
  await server?.close();
});

test('--base missing → exit 2 with one line', async () => {
  const r = await cli([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^conformance: missing --base/);
});

test('an unreachable base → exit 2 with one line naming it', async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  const r = await cli(['--base', `http://127.0.0.1:${port}/api`]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), `conformance: cannot reach http://127.0.0.1:${port}/api: connection refused`);
});

test('a base that is not the API base → exit 2 with one line', async () => {
  const r = await cli(['--base', server.url]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), `conformance: ${server.url} does not look like the API base: GET /forums answered 404 (the contract's paths hang off the base, e.g. https://host/api)`);
});

test('against the reference server with the admin token from the environment → exit 0 and a summary', async () => {
  const r = await cli(['--base', server.apiBase], { HD_ADMIN_TOKEN: server.adminToken });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Hyeondap API conformance — http:\/\/127\.0\.0\.1:\d+\/api$/m);
  assert.match(r.stdout, /^capacity {2}\(5 passed\)$/m);
  assert.match(r.stdout, /^ {2}✔ 10 concurrent signups for 3 seats/m);
  assert.match(r.stdout.trim().split('\n').at(-1)!, /^\d+ passed, 0 failed, \d+ skipped \(\d+ checks, [\d.]+ s\)$/);
});

test('against a broken backend → exit 1; --json gives the report as JSON', async () => {
  const proxy = await startProxy(server.url, {
    response(x, r) {
      return x.status >= 400 ? { headers: { ...r.headers, 'content-type': 'text/html' }, body: Buffer.from('<p>oops</p>') } : r;
    },
  });
  try {
    const r = await cli(['--base', proxy.apiBase, '--only', 'read', '--json']);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { ok: boolean; checks: { status: string; message?: string }[] };
    assert.equal(report.ok, false);
    assert.ok(report.checks.some((c) => c.status === 'fail' && c.message?.startsWith('GET /forums/{forumId} (404) → content-type: must be application/problem+json (got "text/html")')));
    const text = await cli(['--base', proxy.apiBase, '--only', 'read']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^ {2}✘ a missing forum is 404 problem\+json {2}GET \/forums\/\{forumId\}$/m);
    assert.match(text.stdout, /^Failures$/m);
  } finally {
    await proxy.close();
  }
});
