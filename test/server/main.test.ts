import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the CLI (server/main.ts) and static files', () => {
  let child: ChildProcess;
  let ready: { url: string; apiBase: string; adminToken: string; demo: unknown };
  let dataDir: string;
  let out = '';

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hd-main-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--ready-json'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HD_DATA_DIR: dataDir, HD_SEED: 'none', HD_ADMIN_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no HD_READY line; got: ${out}`)), 30_000);
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
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints a readable banner and exactly one HD_READY line; keeps the admin token 0600', async () => {
    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(ready.apiBase, ready.url + '/api');
    assert.match(ready.adminToken, /^hda_/);
    assert.equal(ready.demo, null);
    assert.equal(out.match(/HD_READY/g)?.length, 1);
    assert.match(out, /Admin token\s+hda_/);
    assert.equal(statSync(join(dataDir, 'admin-token')).mode & 0o777, 0o600);
    statSync(join(dataDir, 'hyeondap.db'));
    const r = await fetch(`${ready.apiBase}/forums`, { method: 'POST', headers: { Authorization: `Bearer ${ready.adminToken}`, 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 400); // the token is accepted; the body is not
  });

  test('serves the demo page with a CSP, the contract, and nothing outside its folders', async () => {
    const home = await fetch(ready.url + '/');
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(home.headers.get('referrer-policy'), 'no-referrer');
    const css = await fetch(ready.url + '/demo/demo.css');
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    const contract = await fetch(ready.url + '/api/openapi.yaml');
    assert.equal(contract.status, 200);
    assert.match(await contract.text(), /^openapi: 3\.1/);
    for (const path of ['/demo/..%2fpackage.json', '/demo/%2e%2e%2fpackage.json', '/dist/..%2f..%2fetc%2fpasswd', '/demo/nope.js']) {
      const r = await fetch(ready.url + path);
      assert.equal(r.status, 404, path);
      await r.body?.cancel();
    }
  });

  test('shuts down cleanly on SIGTERM, closing open event streams', async () => {
    const forum = await fetch(`${ready.apiBase}/forums`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ready.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 't', summary: '', district: '화도읍', venue: { name: 'v', address: 'a' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5 }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    const stream = await fetch(`${ready.apiBase}/forums/${forum.id}/events`);
    assert.equal(stream.status, 200);
    const ended = stream.text().then(() => true, () => true);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.equal(await ended, true);
  });
});
