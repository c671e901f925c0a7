// Builds everything `npm start` serves and the package ships:
//   dist/cdn/hyeondap.js   one self-registering file with Lit inside (the <script> tag editors paste)
//   dist/lib/**            npm ESM: one module per class and per define/ file, .d.ts, Lit external
//   dist/demo/*.js         the demo pages' scripts
//   custom-elements.json   the manifest of every element's public API
import { copyFileSync, readFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
// Precompressed twins of every CDN file (`x.js.br`, `x.js.gz`): the reference server sends the best
// one a browser accepts, and a partner's server can do the same (nginx `gzip_static`/`brotli_static`).
// The .gz is gzip level 9, the same bytes the size budgets count (scripts/lib/sizes.mjs).
const cdnDir = join(root, 'dist', 'cdn');
for (const entry of readdirSync(cdnDir, { recursive: true })) {
  const file = join(cdnDir, String(entry));
  if (!/\.(js|css)$/.test(file)) continue;
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}
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
