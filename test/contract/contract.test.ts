// The contract is a product partners build against: it must be valid OpenAPI 3.1, follow the
// house rules every endpoint promises, and the TypeScript types the widgets use must be the
// ones generated from it (a stale type file means the widgets and the contract disagree).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'yaml';
import { createConfig, lint } from '@redocly/openapi-core';

const root = join(import.meta.dirname, '..', '..');
const contractPath = join(root, 'api', 'openapi.yaml');
const typesPath = join(root, 'src', 'api', 'schema.d.ts');

function generate(yamlPath: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'hd-types-')), 'schema.d.ts');
  const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
  const r = spawnSync(process.execPath, [cli, yamlPath, '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8');
}

type Operation = { operationId?: string; parameters?: { $ref?: string; name?: string }[]; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };
const doc = parse(readFileSync(contractPath, 'utf8')) as { openapi: string; paths: Record<string, Record<string, Operation>> };
const methods = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  methods.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
);

test('the generated TypeScript types are up to date with api/openapi.yaml', () => {
  const fresh = generate(contractPath);
  assert.ok(fresh === readFileSync(typesPath, 'utf8'), 'src/api/schema.d.ts is stale: run `npm run gen:types` and commit it');
});

test('a change to the contract changes the generated types (so the staleness check can fail)', () => {
  const changed = readFileSync(contractPath, 'utf8').replace('    Idea:\n      type: object\n', '    Idea:\n      type: object\n      description: changed\n');
  const dir = mkdtempSync(join(tmpdir(), 'hd-contract-'));
  writeFileSync(join(dir, 'openapi.yaml'), changed);
  assert.notEqual(generate(join(dir, 'openapi.yaml')), readFileSync(typesPath, 'utf8'));
});

test('the contract is valid OpenAPI 3.1 with no lint errors or warnings (Redocly recommended rules)', async () => {
  assert.equal(doc.openapi, '3.1.0');
  const config = await createConfig({ extends: ['recommended'], rules: { 'no-unused-components': 'off' } });
  const problems = await lint({ ref: contractPath, config });
  const lines = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
  assert.deepEqual(lines, []);
});

test('every operation has a unique operationId', () => {
  const ids = operations.map(({ op }) => op.operationId);
  assert.ok(ids.every(Boolean), 'an operation has no operationId');
  assert.equal(new Set(ids).size, ids.length);
});

test('every error response of every operation is RFC 9457 problem+json', () => {
  const responses = (parse(readFileSync(contractPath, 'utf8')) as { components: { responses: Record<string, { content?: Record<string, unknown> }> } }).components.responses;
  for (const { path, method, op } of operations) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      const resolved = response.$ref ? responses[response.$ref.split('/').pop()!] : response;
      assert.deepEqual(Object.keys(resolved?.content ?? {}), ['application/problem+json'], `${method.toUpperCase()} ${path} ${status}`);
    }
  }
});

test('every write that creates something a flaky network could repeat takes an Idempotency-Key', () => {
  const mustBeIdempotent = ['createRegistration', 'postIdea', 'addVote', 'retractVote', 'joinForum', 'createForum', 'checkInRegistration', 'createWalkIn', 'createStaffToken'];
  for (const { op } of operations.filter(({ op }) => mustBeIdempotent.includes(op.operationId!))) {
    const refs = (op.parameters ?? []).map((p) => p.$ref ?? p.name);
    assert.ok(refs.some((r) => r?.includes('IdempotencyKey')), `${op.operationId} has no Idempotency-Key parameter`);
  }
});

test('list endpoints use cursor pagination', () => {
  for (const id of ['listForums', 'listIdeas', 'listRegistrations', 'searchDesk', 'listStaffTokens', 'listAuditLog']) {
    const { op } = operations.find(({ op }) => op.operationId === id)!;
    assert.ok((op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/Cursor'), `${id} takes no cursor`);
  }
});
