import { readdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
// @ts-expect-error -- a plain .mjs build helper without type declarations
import { minifyTemplatesPlugin } from './scripts/lib/minify-templates.mjs';
import { reserveCss } from './src/reserve.ts';

/**
 * Writes `dist/cdn/chunks.json`: every output file with the files it imports statically and the
 * ones it may fetch later (`import()`), and which source modules it holds. The size-budget test
 * and `npm run bench` read it to add up what a page with a given widget loads.
 */
const chunkGraph = (): Plugin => ({
  name: 'hd-chunk-graph',
  generateBundle(_options, bundle) {
    const files = Object.values(bundle)
      .filter((out) => out.type === 'chunk')
      .map((chunk) => ({
        file: chunk.fileName,
        entry: chunk.isEntry,
        imports: chunk.imports,
        dynamicImports: chunk.dynamicImports,
        modules: Object.keys(chunk.modules).map((id) => id.replace(process.cwd() + '/', '')),
      }));
    this.emitFile({ type: 'asset', fileName: 'chunks.json', source: JSON.stringify(files, null, 1) });
  },
});

/** Modules every widget needs on its first render: they share one chunk (see `codeSplitting`). */
const FOUNDATION = (id: string): boolean =>
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context)\//.test(id)
    ? !/directive|context-provider|value-notifier/.test(id)
    : /src\/(api|context|controllers|i18n|styles)\//.test(id) && !/i18n\/en\.ts|context-root\.ts|fetch-event-source\.ts|api\/diagnose\.ts/.test(id);

/** `dist/cdn/hyeondap.css`: the widgets' loading space, for pages that link it (src/reserve.ts). */
const reserveStylesheet = (): Plugin => ({
  name: 'hd-reserve-css',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'hyeondap.css', source: reserveCss() });
  },
});

/** Every demo page's script: `demo/<page>.ts` → `dist/demo/<page>.js`. */
const demoEntries = () =>
  Object.fromEntries(readdirSync('demo').filter((f) => f.endsWith('.ts')).map((f) => [f.replace(/\.ts$/, ''), `demo/${f}`]));

/**
 * Two builds (see scripts/build.mjs):
 * - default: the self-registering CDN file `dist/cdn/hyeondap.js`, Lit inside, one <script> tag for editors;
 * - `--mode demo`: the demo pages' own scripts, `demo/*.ts` → `dist/demo/*.js`.
 * The npm ESM output (one module per class and per define/ file, Lit external) comes from `tsc -p tsconfig.build.json`.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'demo') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/demo',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: demoEntries(), formats: ['es'], fileName: (_format, name) => `${name}.js` },
        // Lib mode keeps whitespace in ES output for downstream bundlers; the demo's files are final.
        rolldownOptions: { output: { minify: true, comments: { legal: true, annotation: false, jsdoc: false } } },
      },
    };
  }
  return {
    publicDir: false,
    plugins: [minifyTemplatesPlugin(), chunkGraph(), reserveStylesheet()],
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'hyeondap.js' },
      rolldownOptions: {
        // The loader's own export (`load`) stays; the chunk groups below need leave to add others.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Lib mode keeps whitespace in ES output for downstream bundlers; the CDN files are final.
          minify: true,
          // Licence notices stay; `/* @__PURE__ */` hints have done their work by now.
          comments: { legal: true, annotation: false, jsdoc: false },
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Each file is gzipped on its own, so many small shared chunks cost more than one: what
          // every widget needs at first (Lit, the data layer, i18n, styles) is one chunk, the live
          // stream (not the calendar's) another. The rest is split where the widgets import it.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              { name: 'live', test: /src\/(api\/live-|controllers\/live-)/, priority: 2 },
              // What the operator tools share (sign-in, forms, admin calls, their common event): never on a
              // public page. Their English words stay out of it: they come with each tool's English chunk.
              { name: 'operator', test: /src\/(operator\/(?!messages-en)|events\/editor-forum-select)/, priority: 2 },
              { name: 'foundation', test: FOUNDATION, priority: 1 },
            ],
          },
        },
      },
    },
  };
});
