/**
 * The bench's builds, through Vite's JavaScript API (the same bundler and minifier as the shipped
 * build), in memory, written under bench/.build/ only when a page needs the files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import type { InlineConfig, Plugin, Rolldown } from 'vite';
import { minifyTemplates } from '../../scripts/vite-minify-templates.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Intermediate builds (git-ignored). */
export const BUILD_DIR = resolve(ROOT, 'bench/.build');

/** One emitted JavaScript chunk. */
export interface Chunk {
  fileName: string;
  /** The chunk's name: for an entry, the entry's name (`saved-cards`, `saved-cards-de`). */
  name: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks this one imports statically (they load with it). */
  imports: string[];
  /** Chunks this one may `import()` later. */
  dynamicImports: string[];
  /** Absolute ids of the modules bundled into it. */
  moduleIds: string[];
  /** Each module's rendered length in the chunk, before minification: where the weight comes from. */
  moduleLengths: Record<string, number>;
}

/** One emitted non-JavaScript file (CSS, source maps). */
export interface Asset {
  fileName: string;
  source: string | Uint8Array;
}

/** What one build produced. */
export interface BuildResult {
  chunks: Chunk[];
  assets: Asset[];
  /**
   * Modules that are the Stripe chunk's: modules of the `@stripe/*` packages, and modules that import
   * one of them statically. None of these may load with the default bundle.
   */
  stripeChunkModules: string[];
}

/** A module of Stripe's own packages. */
export function isStripePackage(id: string): boolean {
  return /[\\/]node_modules[\\/]@stripe[\\/]/.test(id);
}

/**
 * Code that exists only to support Stripe: Stripe's packages and our modules with "stripe" in their
 * path (src/gateways/stripe.ts and whatever glue sits next to it).
 */
export function isStripeSupport(id: string): boolean {
  if (isStripePackage(id)) return true;
  const rel = relative(resolve(ROOT, 'src'), id.split('?')[0]);
  return !rel.startsWith('..') && /stripe/i.test(rel);
}

/** Collects, at the end of the build, which bundled modules belong to the Stripe chunk. */
function stripeGraph(found: Set<string>): Plugin {
  return {
    name: 'bench:stripe-graph',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        for (const id of file.moduleIds) {
          const info = this.getModuleInfo(id);
          if (isStripePackage(id) || info?.importedIds.some(isStripePackage)) found.add(id);
        }
      }
    },
  };
}

/**
 * Replaces every Stripe-support module with an empty one, to measure what Stripe support adds to the
 * default bundle: the same build with and without it, everything else equal. Named imports of the
 * stubbed modules become `undefined` (`shimMissingExports`), which is fine for a build that is only
 * weighed, never run.
 */
const stubStripe: Plugin = {
  name: 'bench:stub-stripe',
  enforce: 'pre',
  load(id) {
    return isStripeSupport(id) ? 'export {};' : undefined;
  },
};

/** Options every bench build takes. */
export interface BuildOptions {
  /** Empty every Stripe-support module (see {@link stubStripe}). */
  stubStripe?: boolean;
}

async function run(config: InlineConfig, options: BuildOptions): Promise<BuildResult> {
  const found = new Set<string>();
  const output = await build({
    ...config,
    logLevel: 'error',
    plugins: [...(options.stubStripe ? [stubStripe] : []), stripeGraph(found)],
    build: {
      ...config.build,
      rolldownOptions: { ...config.build?.rolldownOptions, ...(options.stubStripe ? { shimMissingExports: true } : {}) },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunks: Chunk[] = [];
  const assets: Asset[] = [];
  for (const file of outputs.flatMap((o) => o.output)) {
    if (file.type === 'chunk') {
      chunks.push({
        fileName: file.fileName,
        name: file.name,
        code: file.code,
        isEntry: file.isEntry,
        isDynamicEntry: file.isDynamicEntry,
        imports: [...file.imports],
        dynamicImports: [...file.dynamicImports],
        moduleIds: [...file.moduleIds],
        moduleLengths: Object.fromEntries(Object.entries(file.modules).map(([id, m]) => [id, m.renderedLength])),
      });
    } else {
      assets.push({ fileName: file.fileName, source: file.source });
    }
  }
  return { chunks, assets, stripeChunkModules: [...found] };
}

/**
 * The drop-in bundle, built from the project's own vite.config.ts in `bundle` mode (what
 * `vite build --mode bundle` writes to dist/saved-cards.js), kept in memory so dist/ is untouched.
 * With `stubStripe`, the Stripe-support modules are emptied (see {@link stubStripe}).
 */
export function buildDropIn(options: BuildOptions = {}): Promise<BuildResult> {
  return run(
    {
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      mode: 'bundle',
      build: { write: false, outDir: resolve(BUILD_DIR, 'dropin') },
    },
    options,
  );
}

/**
 * One entry module built the way the drop-in bundle is (ES module, every dependency bundled, fully
 * minified with template text minified too, ES2022), so its size compares like for like with the
 * drop-in: the floor, jessepollak/card and each element alone.
 */
export function buildEntry(
  name: string,
  entry: string,
  options: BuildOptions & { define?: Record<string, string> } = {},
): Promise<BuildResult> {
  return run(
    {
      root: ROOT,
      configFile: false,
      mode: 'production',
      publicDir: false,
      define: options.define ?? {},
      plugins: [minifyTemplates()],
      build: {
        write: false,
        outDir: resolve(BUILD_DIR, name),
        emptyOutDir: false,
        minify: true,
        target: 'es2022',
        sourcemap: false,
        lib: { entry, formats: ['es'], fileName: () => `${name}.js`, cssFileName: name },
        // as vite.config.ts's bundle mode: library mode alone keeps whitespace and comments
        rolldownOptions: { output: { chunkFileNames: `${name}-[name]-[hash].js`, minify: true, comments: false } },
      },
    },
    options,
  );
}

/** File names reachable from `start` through static imports (and `import()` too, with `dynamic`). */
function reachable(result: BuildResult, start: string[], dynamic: boolean): Set<string> {
  const byName = new Map(result.chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const chunk = byName.get(name);
    queue.push(...(chunk?.imports ?? []), ...(dynamic ? (chunk?.dynamicImports ?? []) : []));
  }
  return seen;
}

/**
 * The entry chunks and every chunk they import statically: what a page downloads up front. With
 * `entry` (a file name), only that entry's: a build may have other entries a page loads only if it
 * asks for them (the drop-in build's locale files).
 */
export function eagerChunks(result: BuildResult, entry?: string): Chunk[] {
  const start = entry ? [entry] : result.chunks.filter((c) => c.isEntry).map((c) => c.fileName);
  const seen = reachable(result, start, false);
  return result.chunks.filter((c) => seen.has(c.fileName));
}

/** Chunks loaded only on demand through `import()` (with `entry`: by that entry). */
export function lazyChunks(result: BuildResult, entry?: string): Chunk[] {
  const eager = new Set(eagerChunks(result, entry).map((c) => c.fileName));
  const inReach = entry ? reachable(result, [entry], true) : null;
  return result.chunks.filter((c) => !eager.has(c.fileName) && (!inReach || inReach.has(c.fileName)));
}

/** Entries other than `entry`, with what they import, that `entry` never loads: opt-in files. */
export function otherEntries(result: BuildResult, entry: string): Chunk[] {
  const inReach = reachable(result, [entry], true);
  return result.chunks.filter((c) => c.isEntry && !inReach.has(c.fileName));
}

/** Writes every chunk and asset of `result` into `dir`. */
export async function writeBuild(result: BuildResult, dir: string): Promise<void> {
  for (const file of [...result.chunks.map((c) => ({ fileName: c.fileName, source: c.code })), ...result.assets]) {
    const path = resolve(dir, file.fileName);
    if (!path.startsWith(dir + sep)) throw new Error(`refusing to write outside ${dir}: ${file.fileName}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.source);
  }
}
