// What the package ships, checked on the build output (npm test builds first):
// - sizes, gzipped (level 9), read from dist/cdn's chunk graph the same way `npm run bench` prints
//   them (scripts/lib/sizes.mjs), within the ceilings issue #13 decided (CEILINGS there): the loader
//   3 KB; the loader and the foundation chunk every widget needs 17.5 KB; each widget's own first
//   chunk 9 KB; everything a page with all four widgets loads at first 47.5 KB;
// - every CDN file has its precompressed .gz (level 9: the bytes counted here) and .br twins;
// - the self-registering entry is the loader: it imports nothing up front and fetches each widget
//   as a chunk of its own; a page with one widget never loads another widget's code;
// - the npm modules: one class module and one define module per element with .d.ts, the React
//   entry, an exports map and sideEffects that match the files, custom-elements.json referenced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with the bench, without type declarations
import { CEILINGS, OPERATOR_TAGS, TAGS, WIDGETS as PUBLIC, kb, readGraph } from '../../scripts/lib/sizes.mjs';

const root = join(import.meta.dirname, '..', '..');
/** The four public widgets (the operator tools are held to their own ceiling below). */
const WIDGETS = PUBLIC as string[];

interface Page {
  initial: number;
  later: number;
  files: string[];
}
interface Graph {
  chunks: { file: string; entry: boolean; imports: string[]; dynamicImports: string[]; modules: string[] }[];
  loader: { file: string; bytes: number };
  foundation: { file: string; bytes: number };
  page: (tags: string[]) => Page;
  chunkOf: (tag: string) => string;
  size: (file: string) => number;
}
const graph = (): Graph => readGraph(root) as Graph;

test(`the loader is at most ${kb(CEILINGS.loader)} gzipped and imports nothing up front`, () => {
  const g = graph();
  assert.ok(g.loader.bytes <= CEILINGS.loader, `loader ${kb(g.loader.bytes)} > ${kb(CEILINGS.loader)}`);
  const entry = g.chunks.find((c) => c.file === 'hyeondap.js')!;
  assert.deepEqual(entry.imports, [], 'a static import would delay the space reservation by a round trip');
  for (const tag of TAGS) assert.ok(entry.dynamicImports.includes(g.chunkOf(tag)), `${tag} is fetched on demand`);
});

test(`the loader and the foundation chunk every widget needs are at most ${kb(CEILINGS.foundation)} gzipped`, () => {
  const g = graph();
  assert.ok(g.foundation.bytes <= CEILINGS.foundation, `loader + foundation ${kb(g.foundation.bytes)} > ${kb(CEILINGS.foundation)}`);
  for (const tag of WIDGETS) assert.ok(g.page([tag]).files.includes(g.foundation.file), `<${tag}> loads the foundation chunk`);
});

for (const tag of WIDGETS) {
  test(`<${tag}>'s own first chunk is at most ${kb(CEILINGS.widget)} gzipped, and its page loads no other widget's code`, () => {
    const g = graph();
    const own = g.size(g.chunkOf(tag));
    assert.ok(own <= CEILINGS.widget, `<${tag}>: ${kb(own)} > ${kb(CEILINGS.widget)} (${g.chunkOf(tag)})`);
    const page = g.page([tag]);
    for (const other of WIDGETS.filter((t) => t !== tag)) assert.ok(!page.files.includes(g.chunkOf(other)), `${other} is not loaded`);
  });
}

test(`a page with all four widgets loads at most ${kb(CEILINGS.allFour)} gzipped at first`, () => {
  const page = graph().page(WIDGETS);
  assert.ok(page.initial <= CEILINGS.allFour, `all four: ${kb(page.initial)} > ${kb(CEILINGS.allFour)}`);
});

for (const tag of OPERATOR_TAGS as string[]) {
  test(`<${tag}> (an operator tool) is a chunk of its own that no public widget's page loads; its page is at most ${kb(CEILINGS.operator)} at first`, () => {
    const g = graph();
    const own = g.chunkOf(tag);
    const page = g.page([tag]);
    assert.ok(page.initial <= CEILINGS.operator, `<${tag}>'s page: ${kb(page.initial)} > ${kb(CEILINGS.operator)}`);
    // what the tool's page loads beyond what a page with all four public widgets loads is the operator's alone
    const publicFiles = new Set(g.page(WIDGETS).files);
    for (const widget of WIDGETS) assert.ok(!g.page([widget]).files.includes(own), `<${widget}>'s page does not load <${tag}>`);
    const extra = page.files.filter((f) => !publicFiles.has(f));
    assert.ok(extra.includes(own) && extra.length >= 1, `<${tag}> has its own chunk (${extra.join(', ')})`);
    for (const widget of WIDGETS) for (const f of extra) assert.ok(!g.page([widget]).files.includes(f), `<${widget}>'s page does not load ${f}`);
  });
}

test('every CDN file has precompressed twins the server sends: .gz (gzip level 9, the bytes these budgets count) and .br', () => {
  const dir = join(root, 'dist', 'cdn');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(js|css)$/.test(f));
  assert.ok(files.includes('hyeondap.js') && files.includes('hyeondap.css') && files.length > 10, files.join(', '));
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    const gz = readFileSync(join(dir, `${f}.gz`));
    assert.deepEqual(gunzipSync(gz), bytes, `${f}.gz decodes to ${f}`);
    assert.equal(gz.length, gzipSync(bytes, { level: 9 }).length, `${f}.gz is what the budgets count`);
    const br = readFileSync(join(dir, `${f}.br`));
    assert.deepEqual(brotliDecompressSync(br), bytes, `${f}.br decodes to ${f}`);
    assert.ok(br.length <= gz.length, `${f}.br (${br.length} B) is no larger than the gzip (${gz.length} B)`);
  }
});

test('the npm modules: a class and a define module per element with types, the React entry, exports and sideEffects that match', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string; default: string }>;
    sideEffects: string[];
    customElements: string;
  };
  const lib = join(root, 'dist', 'lib');
  const files: Record<string, string> = {
    'hd-provider': 'elements/provider/provider',
    'hd-forum-calendar': 'elements/forum-calendar/forum-calendar',
    'hd-signup-form': 'elements/signup-form/signup-form',
    'hd-idea-wall': 'elements/idea-wall/idea-wall',
    'hd-result-summary': 'elements/result-summary/result-summary',
    'hd-forum-editor': 'elements/forum-editor/forum-editor',
    'hd-results-editor': 'elements/results-editor/results-editor',
  };
  for (const [tag, cls] of Object.entries(files)) {
    for (const f of [`${cls}.js`, `${cls}.d.ts`, `define/${tag}.js`, `define/${tag}.d.ts`]) assert.ok(existsSync(join(lib, f)), `dist/lib/${f}`);
    // the class module registers nothing (side-effect free), the define module does
    assert.doesNotMatch(readFileSync(join(lib, `${cls}.js`), 'utf8'), /customElements\.define/);
    assert.match(readFileSync(join(lib, `define/${tag}.js`), 'utf8'), new RegExp(`customElements\\.define\\('${tag}'`));
  }
  for (const [key, target] of Object.entries(pkg.exports)) {
    for (const path of typeof target === 'string' ? [target] : [target.types, target.default]) {
      if (path.includes('*')) continue;
      assert.ok(existsSync(join(root, path)), `exports["${key}"] → ${path} exists`);
    }
  }
  assert.ok(existsSync(join(root, 'dist', 'lib', 'react', 'index.js')), 'the React entry is built');
  assert.ok(pkg.sideEffects.includes('./dist/lib/define/*.js') && pkg.sideEffects.includes('./dist/cdn/**/*.js') && pkg.sideEffects.includes('./dist/lib/loader.js'), 'define modules and the CDN files keep their side effects');
  assert.ok(!pkg.sideEffects.some((p) => p.includes('elements')), 'element classes are tree-shakeable');
  const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
  assert.deepEqual([...tags].sort(), [...TAGS].sort(), 'custom-elements.json describes every element');
});
