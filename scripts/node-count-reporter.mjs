// node:test reporter that writes {passed, failed, skipped} as JSON to its destination.
// Suites are not counted, only the tests in them. A file that fails to load is reported
// by node:test as a failing test named after the file, so it counts as a failure.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') {
      // A suite that failed by itself (a hook threw) without failing tests still counts once.
      if (event.type === 'test:fail' && data.details?.error?.failureType === 'hookFailed') {
        counts.failed += 1;
        counts.failures.push(`${data.file ?? ''} › ${data.name}`);
      }
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(`${data.file ?? ''} › ${data.name}`);
    }
  }
  yield JSON.stringify(counts) + '\n';
}
