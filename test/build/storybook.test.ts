// Developers preview and tune the widgets in Storybook: the static build must keep working
// and list every story file under stories/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

test('the static Storybook builds offline and lists every story file', () => {
  const out = mkdtempSync(join(tmpdir(), 'hd-storybook-'));
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'), 'build', '-o', out, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  assert.equal(r.status, 0, r.stderr || r.stdout);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, { importPath: string; type: string }> };
  const storyFiles = new Set(Object.values(index.entries).map((e) => e.importPath.replace(/^\.\//, '')));
  const onDisk = readdirSync(join(root, 'stories'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.stories.ts'))
    .map((f) => `stories/${f}`);
  assert.ok(onDisk.length > 0);
  assert.deepEqual([...storyFiles].sort(), onDisk.sort());
});
