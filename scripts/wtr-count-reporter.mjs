// web-test-runner reporter that writes {passed, failed, skipped} as JSON to `file`.
// A test file that fails to load or throws outside a test counts as one failure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function walk(suite, counts, path) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push([...path, test.name].join(' › '));
    }
  }
  for (const child of suite.suites ?? []) walk(child, counts, [...path, child.name]);
}

/** @param {{ file: string }} options */
export function countReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        walk(session.testResults, counts, [session.testFile]);
        const fileErrors = (session.errors ?? []).length;
        const crashed = !session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length;
        if (fileErrors > 0 || crashed) {
          counts.failed += 1;
          counts.failures.push(`${session.testFile} (did not load or threw outside a test)`);
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts) + '\n');
    },
  };
}
