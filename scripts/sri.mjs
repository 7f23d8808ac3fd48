// Subresource Integrity for the drop-in bundle (PCI DSS 6.4.3: every script on a payment page is
// inventoried and its integrity checked). Run after `vite build --mode bundle`:
//
//   node scripts/sri.mjs            writes dist/saved-cards.js.sri and dist/saved-cards.sri.json, prints the entry's hash
//   node scripts/sri.mjs --check    exits 1 when either file is missing or no longer matches dist/
//
// The bundle is an entry (saved-cards.js) plus chunks it imports (saved-cards-*.js), and the opt-in
// locale files beside it (saved-cards-de.js), which a page imports only when it shows that language.
// A page pins the entry with
// `<script type="module" src="…/saved-cards.js" integrity="sha384-…" crossorigin="anonymous">`
// and every file (chunks, locale files, and the entry again) with an import map's `integrity`
// section, placed before it: the JSON file holds both, ready to paste.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dist folder next to this script's repository root. */
export const DIST = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');

/** `sha384-<base64>` of a file's bytes: the format of the `integrity` attribute. */
export function integrityOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * The chunks a module imports, statically or with `import()`, by file name (`./saved-cards-x.js`).
 * The minifier may quote a specifier with backquotes (`` import(`./saved-cards-x.js`) ``).
 */
export function importedChunks(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(["'`])\.\/(saved-cards[\w.-]*\.js)\1/g)) found.add(match[2]);
  return found;
}

/**
 * The bundle build's other entries: locale files a page imports when it shows that language
 * (`import { de } from '/saved-cards-de.js'`). vite.config.ts lists the same files; a test holds
 * the two lists together.
 */
export const LOCALE_FILES = ['saved-cards-de.js'];

/**
 * The integrity of the entry, of every chunk it can load (followed through static and dynamic
 * imports, so stale chunks of an earlier build left in dist/ are not listed) and of the locale files:
 * `{ entry, files: { 'saved-cards.js': 'sha384-…', … } }`, file names sorted so the output is stable.
 */
export function bundleIntegrity(dist = DIST) {
  const files = {};
  const pending = ['saved-cards.js', ...LOCALE_FILES];
  for (const name of pending) {
    const path = join(dist, name);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`vite build --mode bundle\` (or \`npm run build\`) first`);
  }
  while (pending.length > 0) {
    const name = pending.pop();
    if (files[name]) continue;
    const bytes = readFileSync(join(dist, name));
    files[name] = integrityOf(bytes);
    pending.push(...importedChunks(bytes.toString('utf8')));
  }
  const sorted = Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]]));
  return { entry: files['saved-cards.js'], files: sorted };
}

/**
 * What the JSON file holds: the hashes, and an import map whose `integrity` pins every file at `base`.
 * The entry is in the map too, not only in its script's `integrity`: a chunk imports the entry back
 * (`./saved-cards.js`), and without the map's pin some engines would fetch it again unchecked.
 */
export function sriManifest(integrity, base = '/') {
  return {
    algorithm: 'sha384',
    entry: { file: 'saved-cards.js', integrity: integrity.entry },
    files: integrity.files,
    importMap: { integrity: Object.fromEntries(Object.entries(integrity.files).map(([name, hash]) => [`${base}${name}`, hash])) },
  };
}

function main() {
  const integrity = bundleIntegrity();
  const sriFile = join(DIST, 'saved-cards.js.sri');
  const jsonFile = join(DIST, 'saved-cards.sri.json');
  const json = `${JSON.stringify(sriManifest(integrity), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const stale = [
      [sriFile, `${integrity.entry}\n`],
      [jsonFile, json],
    ].filter(([file, expected]) => !existsSync(file) || readFileSync(file, 'utf8') !== expected);
    if (stale.length > 0) {
      console.error(`Stale or missing integrity files: ${stale.map(([file]) => file).join(', ')}. Run \`node scripts/sri.mjs\`.`);
      process.exit(1);
    }
    console.log(`dist/ integrity files match (${Object.keys(integrity.files).length} files).`);
    return;
  }
  writeFileSync(sriFile, `${integrity.entry}\n`);
  writeFileSync(jsonFile, json);
  console.log(integrity.entry);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
