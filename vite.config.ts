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
        output: {
          // Lib mode keeps whitespace in ES output for downstream bundlers; the CDN files are final.
          minify: true,
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
