// What each widget adds to a host page, read from the CDN build (`dist/cdn/`, after `npm run
// build`), all minified and gzipped (level 9), and set against the ceilings of issue #13 (CEILINGS
// in scripts/lib/sizes.mjs, which the budget test enforces). The same reading as that test:
//   at first    what a page with that widget loads before it shows anything: the loader, then the
//               widget's chunk and every chunk it imports (Lit, the shared data layer, i18n, styles);
//   later       chunks fetched only when a mode or state needs them (another language, the
//               projector, the facilitator's tools, the confirmation views, the virtualizer, …);
//   own chunk   the widget's own first chunk alone (ceiling: 9 KB each);
//   "… once"    what the page has loaded once a visitor reaches a common next state whose code
//               is a chunk of its own (the list view, a filled-in form, a joined participant, the
//               charts in view): splitting is only a saving for the visitors who never get there.
// The ceiling column says which ceiling a row is held to: the loader, the loader with the
// foundation chunk, each widget's own chunk, a page with all four widgets, and an operator tool's page.
// Sizes are facts about files; the test enforces them, this prints them.
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with the budget test, without type declarations
import { CEILINGS, OPERATOR_TAGS, STATES, WIDGETS, kb, readGraph } from '../scripts/lib/sizes.mjs';

interface Page {
  initial: number;
  later: number;
  files: string[];
  brotli: number;
}
const g = readGraph(join(import.meta.dirname, '..')) as {
  loader: { bytes: number };
  foundation: { bytes: number };
  page: (tags: string[], modules?: string[]) => Page;
  chunkOf: (tag: string) => string;
  size: (file: string) => number;
};
const widgets = WIDGETS as string[];
const verdict = (bytes: number, ceiling: number) => `${bytes <= ceiling ? 'within' : 'OVER'} ${kb(ceiling)}`;

const rows: string[][] = [
  ['loader dist/cdn/hyeondap.js', kb(g.loader.bytes), '', '', verdict(g.loader.bytes, CEILINGS.loader)],
  ['loader + foundation chunk (Lit, data layer, i18n, styles)', kb(g.foundation.bytes), '', '', verdict(g.foundation.bytes, CEILINGS.foundation)],
];
for (const tag of [...widgets, 'hd-provider']) {
  const page = g.page([tag]);
  const own = g.size(g.chunkOf(tag));
  rows.push([`page with <${tag}> only`, kb(page.initial), page.later ? kb(page.later) : '', kb(own), tag === 'hd-provider' ? '' : `own ${verdict(own, CEILINGS.widget)}`]);
  for (const [stateTag, state, modules] of STATES as [string, string, string[]][]) {
    if (stateTag !== tag) continue;
    const then = g.page([tag], modules);
    rows.push([`  … ${state}`, kb(then.initial), then.later ? kb(then.later) : '', '', '']);
  }
}
const four = g.page(widgets);
rows.push(['page with all four widgets', kb(four.initial), kb(four.later), '', verdict(four.initial, CEILINGS.allFour)]);
const five = g.page(['hd-provider', ...widgets]);
rows.push(['… and an <hd-provider>', kb(five.initial), kb(five.later), '', '']);
for (const tag of OPERATOR_TAGS as string[]) {
  const page = g.page([tag]);
  const own = g.size(g.chunkOf(tag));
  rows.push([`operator page with <${tag}>`, kb(page.initial), page.later ? kb(page.later) : '', kb(own), verdict(page.initial, CEILINGS.operator)]);
}
const shared = four.files.filter((f) => !widgets.some((t) => g.chunkOf(t) === f)).reduce((n, f) => n + g.size(f), 0);
rows.push(['shared by them (loader, Lit, data layer, i18n, styles)', kb(shared), '', '', '']);

const head = ['', 'at first', 'later', 'own chunk', 'ceiling'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
console.log('\nWhat a page loads from the CDN build, minified and gzipped');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
// What a browser that accepts brotli actually receives from the reference server (the build writes .br twins).
const brotli = [...widgets.map((t) => [`<${t}>`, g.page([t]).brotli] as const), ['all four', four.brotli] as const];
console.log(`\nBrotli, as the reference server sends it: ${brotli.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(' · ')}`);
