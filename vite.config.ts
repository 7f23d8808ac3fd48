import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';
import { minifyTemplates } from './scripts/vite-minify-templates.js';

const root = import.meta.dirname;

/**
 * Two builds from one source tree:
 * - default mode: the npm build (`dist/npm/`), ESM, one file per module, every dependency external
 *   so that the host's bundler dedupes lit and card-validator.
 * - `--mode bundle`: the drop-in `dist/saved-cards.js`, self-contained (lit and card-validator
 *   bundled), minified, with a source map. One `<script type="module">` registers all three tags.
 *   Each locale but English is a file of its own beside it (`dist/saved-cards-de.js`), which only
 *   pages that show that language import.
 */
export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'bundle') {
    return {
      // the indentation and comments inside html`` and css`` literals, which the minifier keeps
      plugins: [minifyTemplates()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
        minify: true,
        target: 'es2022',
        lib: {
          entry: {
            'saved-cards': resolve(root, 'src/bundle.ts'),
            // opt-in locale files: plain data importing nothing, so they share no chunk with the bundle
            'saved-cards-de': resolve(root, 'src/i18n/de/index.ts'),
          },
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: {
          // Lets the entry chunk export the modules lazy chunks share with it (lit, brands, field
          // helpers), so they stay in saved-cards.js instead of a second file every page loads.
          preserveEntrySignatures: 'allow-extension',
          output: {
            chunkFileNames: 'saved-cards-[name]-[hash].js',
            // Vite's library mode keeps whitespace and /* @__PURE__ */ comments in ES output so a
            // later bundler can tree-shake it; the drop-in file goes to browsers as it is, so it
            // gets the full minifier (-3.3 kB brotli).
            minify: true,
            comments: false,
          },
        },
      },
    };
  }
  return {
    build: {
      outDir: 'dist/npm',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      target: 'es2022',
      lib: {
        entry: {
          index: resolve(root, 'src/index.ts'),
          define: resolve(root, 'src/define.ts'),
          'core/index': resolve(root, 'src/core/index.ts'),
          'testing/index': resolve(root, 'src/testing/index.ts'),
          'react/index': resolve(root, 'src/react/index.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        external: (id: string) => /^(lit|@lit|card-validator|credit-card-type|@stripe\/stripe-js|react)(\/|$)/.test(id),
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
