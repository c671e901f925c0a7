/**
 * The Storybook fake backend follows the same contract as the reference server: the conformance
 * kit, run against it in Node through its `fetch`, passes every group — including the slow
 * heartbeat check (the fake's heartbeat interval is shortened so it runs in a second).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runConformance, GROUPS } from '../../conformance/runner.ts';
import { createFakeBackend, FAKE_API } from '../../stories/fake/index.ts';

/**
 * Checks the fake leaves out, each with the reason. The CORS answer for an allowed origin needs
 * a cross-origin HTTP request; the fake runs inside the page (or the test process) and is only
 * ever called through its own `fetch`, so there is no origin to allow and no preflight to answer.
 */
const LEFT_OUT: Record<string, string> = {
  'CORS: an allowed origin (--origin) gets its origin back, the headers it needs, and the exposed headers':
    'no cross-origin HTTP: the fake answers in-process through fake.fetch',
};

test('the conformance kit passes against the fake (every group, the slow checks too)', { timeout: 120_000 }, async () => {
  const fake = await createFakeBackend({ heartbeatMs: 500 });
  try {
    const report = await runConformance({ base: FAKE_API, adminToken: fake.demo.adminToken, fetch: fake.fetch, slow: true });
    const failed = report.checks.filter((c) => c.status === 'fail');
    assert.deepEqual(failed.map((c) => `[${c.group}] ${c.name}: ${c.message}`), []);
    const skipped = report.checks.filter((c) => c.status === 'skip').map((c) => c.name);
    assert.deepEqual(skipped.sort(), Object.keys(LEFT_OUT).sort(), 'only the checks named in LEFT_OUT may be skipped');
    for (const g of GROUPS) assert.ok(report.checks.some((c) => c.group === g && c.status === 'pass'), `group ${g} has passing checks`);
    assert.ok(report.ok);
    assert.ok(report.summary.pass >= 100, `ran the whole kit (${report.summary.pass} passed)`);
  } finally {
    await fake.dispose();
  }
});

test('the read-only run (no admin token) passes against the demo data', { timeout: 60_000 }, async () => {
  const fake = await createFakeBackend();
  try {
    const report = await runConformance({ base: FAKE_API, fetch: fake.fetch });
    assert.deepEqual(report.checks.filter((c) => c.status === 'fail').map((c) => `${c.name}: ${c.message}`), []);
    assert.ok(report.ok);
  } finally {
    await fake.dispose();
  }
});

test('an empty fake passes the write checks too (the kit creates what it needs)', { timeout: 120_000 }, async () => {
  const fake = await createFakeBackend({ scenario: 'empty' });
  try {
    const report = await runConformance({ base: FAKE_API, adminToken: fake.demo.adminToken, fetch: fake.fetch, only: ['validation', 'auth', 'idempotency', 'capacity', 'live', 'results'] });
    assert.deepEqual(report.checks.filter((c) => c.status === 'fail').map((c) => `${c.name}: ${c.message}`), []);
  } finally {
    await fake.dispose();
  }
});
