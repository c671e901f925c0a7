// `npm run bench`: builds, then runs every bench/*.bench.ts in turn (sizes, rendering, latency,
// load). Benchmarks print figures; they never fail on a timing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureChromium, ensureDependencies, root, run } from './lib/setup.mjs';

checkNode();
ensureDependencies();
ensureChromium();
if (run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet']) !== 0) process.exit(1);

const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file}`);
  if (run(process.execPath, ['--import', 'tsx', join(root, 'bench', file)]) !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
