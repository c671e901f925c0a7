/**
 * What `npm start` leaves on disk and prints: the admin token is printed once, when it is made,
 * and the data folder (0700) holds the database and its -wal and -shm files for the server's own
 * user only (0600).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  out: string;
  ready: { apiBase: string; adminToken?: string };
}

/** Start server/main.ts on `dataDir`, do `work` while it runs, stop it (SIGTERM); everything it printed. */
async function run(dataDir: string, work: (ready: Run['ready']) => Promise<void> = async () => {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--ready-json'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HD_DATA_DIR: dataDir, HD_SEED: 'none', HD_ADMIN_TOKEN: '', HD_DB_PATH: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Run['ready']>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no HD_READY line; got: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /^HD_READY (.+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  try {
    await work(ready);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return { out, ready };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('what the server prints and leaves on disk', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const fresh = () => {
    const parent = mkdtempSync(join(tmpdir(), 'hd-files-'));
    dirs.push(parent);
    return join(parent, 'data');
  };

  test('the admin token is printed on the first start only; the data folder is 0700, the database, -wal and -shm 0600', async () => {
    const dataDir = fresh();
    const first = await run(dataDir, async (ready) => {
      // a write, so that the -wal and -shm files exist while the server runs
      const r = await fetch(`${ready.apiBase}/forums`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ready.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 't', summary: '', district: '화도읍', venue: { name: 'v', address: 'a' }, startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: 5 }),
      });
      assert.equal(r.status, 201);
      assert.equal(mode(dataDir), 0o700);
      for (const f of ['hyeondap.db', 'hyeondap.db-wal', 'hyeondap.db-shm', 'admin-token']) assert.equal(mode(join(dataDir, f)), 0o600, f);
    });
    const token = first.ready.adminToken!;
    assert.match(token, /^hda_/);
    assert.ok(first.out.includes(token));
    assert.equal(readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(), token);

    const second = await run(dataDir);
    assert.ok(!second.out.includes(token), second.out);
    assert.equal(second.ready.adminToken, undefined);
    assert.match(second.out, /Admin token\s+\(in .*admin-token\)/);
  });

  test('files an older version left readable are made 0600 at start; a folder the server did not make is only warned about', async () => {
    const dataDir = fresh();
    await run(dataDir);
    chmodSync(join(dataDir, 'hyeondap.db'), 0o644);
    chmodSync(join(dataDir, 'admin-token'), 0o644);
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'other-file'), 'not ours');
    const again = await run(dataDir, async () => {
      assert.equal(mode(join(dataDir, 'hyeondap.db')), 0o600);
      assert.equal(mode(join(dataDir, 'admin-token')), 0o600);
    });
    assert.equal(mode(dataDir), 0o755);
    assert.match(again.out, /can be read by other users/);
  });
});
