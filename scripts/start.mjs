// `npm start`: from a fresh clone, install what is missing, build the widgets and the demo,
// then run the reference backend (SQLite in ./data, seeded with demo data on first run)
// serving the API under /api, the built widgets under /dist and the demo pages at /.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkNode, ensureDependencies, root, run, fail } from './lib/setup.mjs';

checkNode();
ensureDependencies();
if (run(process.execPath, [join(root, 'scripts', 'build.mjs')]) !== 0) fail('The build failed (see above).');

const server = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
