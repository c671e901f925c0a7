// Builds everything `npm start` serves and the package ships:
//   dist/cdn/hyeondap.js   one self-registering file with Lit inside (the <script> tag editors paste)
//   dist/lib/**            npm ESM: one module per class and per define/ file, .d.ts, Lit external
//   dist/demo/*.js         the demo pages' scripts
//   custom-elements.json   the manifest of every element's public API
import { copyFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { root, run, fail } from './lib/setup.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const quiet = process.argv.includes('--quiet');
const step = (label, cmd, args) => {
  if (!quiet) console.log(`• ${label}`);
  const status = run(cmd, args, quiet ? { stdio: ['ignore', 'ignore', 'inherit'] } : {});
  if (status !== 0) fail(`${label} failed (see above).`);
};

step('Building the CDN bundle (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
if (existsSync(join(root, 'demo', 'index.ts'))) step('Building the demo scripts (vite)', bin('vite'), ['build', '--mode', 'demo', '--logLevel', 'warn']);
step('Building the npm modules (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
// tsc does not emit hand-written .d.ts files: the contract's generated types must ship beside types.d.ts.
copyFileSync(join(root, 'src', 'api', 'schema.d.ts'), join(root, 'dist', 'lib', 'api', 'schema.d.ts'));
step('Writing custom-elements.json (cem)', bin('cem'), ['analyze', '--quiet']);

if (!quiet) {
  const cdn = join(root, 'dist', 'cdn');
  for (const file of readdirSync(cdn).filter((f) => f.endsWith('.js'))) {
    const bytes = readFileSync(join(cdn, file));
    console.log(`  dist/cdn/${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`);
  }
}
