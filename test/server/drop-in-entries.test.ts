/**
 * The drop-in build's entries: `saved-cards.js` exposes what `saved-cards` exports except the
 * locales other than English, and each of those is a file of its own (`saved-cards-de.js`) that a
 * page imports only when it shows that language. Built in memory with the project's own config.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type Rolldown } from 'vite';
import { LOCALE_FILES } from '../../scripts/sri.mjs';
import { de } from '../../src/i18n/de/index.js';

const root = resolve(import.meta.dirname, '../..');

type Chunk = Rolldown.OutputChunk;

async function chunksOf(mode: string): Promise<Chunk[]> {
  const result = await build({ root, configFile: resolve(root, 'vite.config.ts'), mode, logLevel: 'silent', build: { write: false, sourcemap: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output).filter((o): o is Chunk => o.type === 'chunk');
}

describe('drop-in entries: the bundle and its locale files', () => {
  let dropIn: Chunk[] = [];
  let npmIndex: Chunk;

  before(async () => {
    dropIn = await chunksOf('bundle');
    npmIndex = (await chunksOf('production')).find((c) => c.isEntry && c.fileName === 'index.js')!;
  });

  const entry = (fileName: string): Chunk => {
    const found = dropIn.find((c) => c.isEntry && c.fileName === fileName);
    assert.ok(found, `${fileName} is an entry of the bundle build`);
    return found;
  };

  it('saved-cards.js exports everything saved-cards does, except the German messages', () => {
    assert.ok(npmIndex.exports.includes('de'), 'the npm entry still exports de (a bundler drops it when unused)');
    // the entry also exports, under short names, what its lazy chunks import back from it
    const forChunks = new Set(
      dropIn.flatMap((c) =>
        [...c.code.matchAll(/import\s*\{([^}]*)\}\s*from\s*(["'`])\.\/saved-cards\.js\2/g)].flatMap((m) =>
          m[1].split(',').map((binding) => binding.trim().split(/\s+as\s+/)[0]),
        ),
      ),
    );
    assert.ok(forChunks.size > 0, 'the Stripe chunk imports from the entry');
    const exported = entry('saved-cards.js').exports;
    const expected = npmIndex.exports.filter((name) => name !== 'de');
    assert.deepEqual(expected.filter((name) => !exported.includes(name)), [], 'missing from saved-cards.js');
    assert.deepEqual(exported.filter((name) => !expected.includes(name) && !forChunks.has(name)), [], 'exported by saved-cards.js only');
  });

  it('saved-cards-de.js is the German messages alone: imports nothing, exports only de', () => {
    const file = entry('saved-cards-de.js');
    assert.deepEqual(file.exports, ['de']);
    assert.deepEqual([...file.imports, ...file.dynamicImports], []);
    assert.ok(file.code.includes(JSON.stringify(de.numberRequired).slice(1, -1)), 'holds the German text');
  });

  it('no German message reaches a file the bundle loads', () => {
    const germanOnly = Object.values(de).filter((text) => text.length > 25);
    assert.ok(germanOnly.length > 100);
    for (const chunk of dropIn.filter((c) => c.fileName !== 'saved-cards-de.js')) {
      const found = germanOnly.filter((text) => chunk.code.includes(text));
      assert.deepEqual(found, [], `${chunk.fileName} holds German messages`);
    }
  });

  it('a host bundling saved-cards without importing de ships no German', async () => {
    // a page of the host's own, as their bundler sees it (a module that exists only in memory)
    const page = resolve(root, 'host-page.js');
    const host = (imports: string) =>
      build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [
          {
            name: 'host-page',
            resolveId: (id) => (id === page ? id : undefined),
            load: (id) => (id === page ? `import { ${imports} } from ${JSON.stringify(resolve(root, 'src/index.ts'))}; console.log(${imports});` : undefined),
          },
        ],
        build: { write: false, minify: false, lib: { entry: page, formats: ['es'], fileName: 'host' } },
      }).then((result) => (Array.isArray(result) ? result : [result]).flatMap((o) => (o as Rolldown.RolldownOutput).output).map((o) => (o.type === 'chunk' ? o.code : '')).join(''));
    assert.ok(!(await host('CardList, en')).includes(de.numberRequired));
    assert.ok((await host('CardList, de')).includes(de.numberRequired), 'and does when it imports it');
  });

  it('the locale files scripts/sri.mjs hashes are the build’s other entries', () => {
    const others = dropIn.filter((c) => c.isEntry && c.fileName !== 'saved-cards.js').map((c) => c.fileName);
    assert.deepEqual(others.sort(), [...LOCALE_FILES].sort());
  });
});
