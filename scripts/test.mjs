// `npm test`: from a fresh clone, install what is missing (dependencies; Debian's Chromium when
// it can), then run every test — build, types, contract, server, conformance (node:test) and the
// browser tests (web-test-runner in headless Chromium) — and end with one plain line:
//   N passed, N failed, N skipped
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkNode, ensureChromium, ensureDependencies, root, run } from './lib/setup.mjs';

checkNode();
ensureDependencies();
ensureChromium();

const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const total = { passed: 0, failed: 0, skipped: 0, failures: [] };
const add = (counts) => {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  total.failures.push(...(counts.failures ?? []));
};
const readCounts = (file, label) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 1, skipped: 0, failures: [`${label}: the runner crashed before it reported`] };
  }
};

function testFiles(dir, skip) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) out.push(...testFiles(path, skip));
    } else if (entry.name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out.sort();
}

const only = process.argv.slice(2); // `npm test -- node` or `npm test -- browser`
const wants = (part) => only.length === 0 || only.includes(part);

// 1. The build: the CDN bundle, the npm modules, the demo scripts and the manifest must build.
if (wants('build')) {
  console.log('\n━━ build');
  const ok = run(process.execPath, [join(root, 'scripts', 'build.mjs')]) === 0;
  add(ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, failures: ['build: npm run build failed'] });
}

// 2. Types: the browser code (src, tests, stories), the Node code (server, conformance, tests)
//    and the Storybook config each type-check clean under strict TypeScript.
if (wants('typecheck')) {
  console.log('\n━━ typecheck');
  for (const project of ['tsconfig.json', 'server/tsconfig.json', '.storybook/tsconfig.json']) {
    const ok = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project, '--noEmit']) === 0;
    console.log(`${ok ? '✔' : '✘'} tsc -p ${project}`);
    add(ok ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0, failures: [`typecheck: tsc -p ${project}`] });
  }
}

// 3. Node tests: contract, server, conformance, end-to-end.
if (wants('node')) {
  console.log('\n━━ node tests (contract, server, conformance)');
  const files = testFiles(join(root, 'test'), ['browser']);
  const out = join(results, 'node.json');
  run(process.execPath, [
    '--import', 'tsx',
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts', 'node-count-reporter.mjs')}`, `--test-reporter-destination=${out}`,
    ...files,
  ]);
  add(readCounts(out, 'node tests'));
}

// 4. Browser tests in headless Chromium against the reference server.
if (wants('browser')) {
  console.log('\n━━ browser tests (web-test-runner, Chromium)');
  const out = join(results, 'browser.json');
  run(process.execPath, [join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js')]);
  add(readCounts(out, 'browser tests'));
}

if (total.failures.length) {
  console.log('\nFailed:');
  for (const f of total.failures) console.log(`  ✘ ${f}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
