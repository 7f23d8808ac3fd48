// `cem analyze` reads this. The manifest documents the public elements from their JSDoc.
export default {
  globs: ['src/**/*.ts'],
  // the React wrappers and tag typings re-describe the elements; the manifest documents the originals
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/react/**', 'src/types/**'],
  outdir: '.',
  litelement: true,
  // package.json already points at ./custom-elements.json; never let the analyzer rewrite it
  packagejson: false,
  plugins: [
    {
      // glob order depends on the file system; sort so the committed file is reproducible
      name: 'saved-cards:sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
