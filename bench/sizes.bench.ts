// What each widget adds to a host page: its own code (minified, gzipped, Lit and @lit/* left out)
// and everything a page with only that widget loads (Lit included). Sizes are facts about files;
// budgets are enforced by tests, this prints the figures.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function bundle(entry: string, external: string[]): Promise<{ raw: number; gzip: number }> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const code = Buffer.concat(out.outputFiles.map((f) => Buffer.from(f.contents)));
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const defines = readdirSync(join(root, 'src', 'define')).filter((f) => f.startsWith('hd-') && f.endsWith('.ts'));
const rows: string[][] = [];
for (const file of defines) {
  const entry = join(root, 'src', 'define', file);
  const own = await bundle(entry, ['lit', 'lit/*', '@lit/*', '@lit-labs/*']);
  const whole = await bundle(entry, []);
  rows.push([file.replace(/\.ts$/, ''), kb(own.raw), kb(own.gzip), kb(whole.gzip)]);
}
const cdn = readFileSync(join(root, 'dist', 'cdn', 'hyeondap.js'));
rows.push(['CDN bundle (dist/cdn/hyeondap.js)', kb(cdn.length), '', kb(gzipSync(cdn, { level: 9 }).length)]);

const head = ['element', 'own code, minified', 'own code, gzipped', 'page total with Lit, gzipped'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log('\nBundle sizes (own code excludes lit, @lit/*, @lit-labs/*)');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
