/** Types for scripts/sri.mjs (Subresource Integrity of the drop-in bundle). */

/** Where the built bundle lives: `dist/` at the repository root. */
export declare const DIST: string;

/** The integrity of the entry and of every chunk, by file name. */
export interface BundleIntegrity {
  /** `sha384-…` of dist/saved-cards.js. */
  entry: string;
  /** `sha384-…` of the entry, every chunk it loads and every locale file, by file name. */
  files: Record<string, string>;
}

/** What dist/saved-cards.sri.json holds. */
export interface SriManifest {
  algorithm: 'sha384';
  entry: { file: 'saved-cards.js'; integrity: string };
  files: Record<string, string>;
  /** Paste into `<script type="importmap">` (before the bundle's script): pins the entry and every chunk it imports. */
  importMap: { integrity: Record<string, string> };
}

/** `sha384-<base64>` of the bytes: the format of the `integrity` attribute. */
export declare function integrityOf(bytes: Uint8Array | string): string;

/** Hashes dist/saved-cards*.js; throws when the bundle is not built. */
export declare function bundleIntegrity(dist?: string): BundleIntegrity;

/** The JSON manifest for `integrity`, with chunk URLs under `base` (default `/`). */
export declare function sriManifest(integrity: BundleIntegrity, base?: string): SriManifest;

/** The `./saved-cards*.js` files a module imports (statically or with `import()`), whatever quotes the minifier used. */
export declare function importedChunks(code: string): Set<string>;

/** The opt-in locale files the bundle build writes beside the entry (`saved-cards-de.js`); hashed with it. */
export declare const LOCALE_FILES: readonly string[];
