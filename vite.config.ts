import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

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
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'hyeondap.js' },
      // Lib mode keeps whitespace in ES output for downstream bundlers; the CDN file is final, so minify it fully.
      rolldownOptions: { output: { minify: true } },
    },
  };
});
