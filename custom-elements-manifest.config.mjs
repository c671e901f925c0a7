// `cem analyze` reads this: the manifest describes every element's public API for Storybook and editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [
    {
      // The analyzer also records `dispatchEvent(new SomeTypedEvent(…))` calls, which carry no
      // name it can read; the named entry comes from the class's @event JSDoc. Drop the nameless copy.
      name: 'hd-drop-nameless-events-and-sort',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer's module order changes from run to run: sorted, a rebuild that changes no
        // API leaves the file as it was.
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
          }
        }
      },
    },
  ],
};
