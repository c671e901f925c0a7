// What each widget adds to a host page, three ways (all minified and gzipped):
//   own code       the widget alone: without Lit and without the shared foundation (src/api,
//                  src/context, src/i18n, src/styles), which a page pays once however many widgets it has;
//                  what loads at first, and apart from it the chunks fetched later by dynamic import();
//   shared         the foundation itself;
//   page total     everything a page with only that widget loads, Lit included.
// Sizes are facts about files; budgets are enforced by tests, this prints the figures.
import { build, type Plugin } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const shared = ['api', 'context', 'i18n', 'styles'].map((d) => join(root, 'src', d) + '/');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Leaves the shared foundation out of a bundle (relative imports that land in it). */
const withoutShared: Plugin = {
  name: 'without-shared',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      return shared.some((dir) => target.startsWith(dir)) ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * Gzipped bytes a page loads at first for these entries (the entry chunk and what it imports
 * statically), and the bytes of the chunks it may fetch later through dynamic import().
 */
async function bundle(entries: string[], external: string[], plugins: Plugin[] = []): Promise<number> {
  return (await measure(entries, external, plugins)).initial;
}

async function measure(entries: string[], external: string[], plugins: Plugin[] = []): Promise<{ initial: number; lazy: number }> {
  const out = await build({
    stdin: { contents: entries.map((e) => `import ${JSON.stringify(e)};`).join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: join(root, '.bench-out'),
    metafile: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external,
    plugins,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const gz = new Map(out.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, gzipSync(Buffer.from(f.contents), { level: 9 }).length]));
  const outputs = out.metafile!.outputs;
  const key = (path: string) => Object.keys(outputs).find((k) => path.endsWith(k)) ?? path;
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint !== undefined && k.endsWith('.js'))!;
  const initial = new Set<string>();
  const visit = (k: string) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const imp of outputs[k]!.imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  let first = 0;
  let lazy = 0;
  for (const [path, size] of gz) (initial.has(key(path)) ? (first += size) : (lazy += size));
  return { initial: first, lazy };
}

const LIT = ['lit', 'lit/*', '@lit/*', '@lit-labs/*'];
const defines = readdirSync(join(root, 'src', 'define'))
  .filter((f) => f.startsWith('hd-') && f.endsWith('.ts'))
  .map((f) => `./src/define/${f}`);
const rows: string[][] = [];
for (const entry of defines) {
  const own = await measure([entry], LIT, [withoutShared]);
  const page = await bundle(['./src/define/context-root.ts', entry], []);
  rows.push([entry.split('/').pop()!.replace(/\.ts$/, ''), kb(own.initial), own.lazy ? kb(own.lazy) : '', kb(page)]);
}
const foundation = await bundle(defines, LIT);
const ownAll = await bundle(defines, LIT, [withoutShared]);
rows.push(['shared foundation (api, context, i18n, styles), ≈ as used', kb(foundation - ownAll), '', '']);
rows.push(['all elements with Lit', '', '', kb(await bundle(['./src/index.ts'], []))]);
const cdn = readFileSync(join(root, 'dist', 'cdn', 'hyeondap.js'));
rows.push(['CDN file dist/cdn/hyeondap.js (entry file only)', '', '', kb(gzipSync(cdn, { level: 9 }).length)]);

const head = ['element', 'own code at first (no Lit, no shared)', 'loaded later when needed', 'page total at first, with Lit'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log('\nBundle sizes, minified and gzipped');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
