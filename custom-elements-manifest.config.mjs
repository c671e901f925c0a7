// `cem analyze` reads this: the manifest describes every element's public API for Storybook and editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
