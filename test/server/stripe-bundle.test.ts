/**
 * The drop-in bundle (`vite build --mode bundle`, built in memory with the project's own config)
 * keeps Stripe support out of what loads up front: Stripe.js's loader, the Stripe Elements code and
 * the `js.stripe.com` URL live in a chunk the entry reaches only through `import()`.
 */
import assert from 'node:assert/strict';
import { relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type Rolldown } from 'vite';

const root = resolve(import.meta.dirname, '../..');

type Chunk = Rolldown.OutputChunk;

function rel(id: string): string {
  return relative(root, id).replace(/\\/g, '/');
}

describe('drop-in bundle and the Stripe chunk', () => {
  let chunks: Chunk[] = [];
  let entry: Chunk;
  let upFront: Chunk[];

  before(async () => {
    const result = await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'bundle', logLevel: 'silent', build: { write: false, sourcemap: false } });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    chunks = outputs.flatMap((o) => o.output).filter((o): o is Chunk => o.type === 'chunk');
    // saved-cards.js; the build's other entries are opt-in locale files (saved-cards-de.js)
    entry = chunks.find((c) => c.isEntry && c.fileName === 'saved-cards.js')!;
    // the entry and whatever it imports statically: what a page loads with the one <script>
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const seen = new Set<Chunk>();
    const visit = (chunk: Chunk): void => {
      if (seen.has(chunk)) return;
      seen.add(chunk);
      for (const name of chunk.imports) {
        const next = byName.get(name);
        if (next) visit(next);
      }
    };
    visit(entry);
    upFront = [...seen];
  });

  it('the entry imports the Stripe chunk with import(), and nothing of Stripe loads up front', () => {
    assert.equal(entry.fileName, 'saved-cards.js');
    const lazy = chunks.filter((c) => !upFront.includes(c));
    const stripeChunk = lazy.find((c) => c.moduleIds.some((id) => id.includes('@stripe/stripe-js')));
    assert.ok(stripeChunk, 'a lazily loaded chunk holds @stripe/stripe-js');
    assert.ok(entry.dynamicImports.includes(stripeChunk.fileName), 'the entry reaches it through import()');
    for (const chunk of upFront) {
      assert.deepEqual(chunk.moduleIds.filter((id) => id.includes('@stripe/')), [], `${chunk.fileName} holds no @stripe module`);
      assert.doesNotMatch(chunk.code, /js\.stripe\.com/, `${chunk.fileName} never names js.stripe.com`);
    }
    assert.match(stripeChunk.code, /js\.stripe\.com/);
  });

  it('the Stripe chunk holds the Stripe fields and gateway code; up front there is only the small glue', () => {
    const lazyModules = chunks.filter((c) => !upFront.includes(c)).flatMap((c) => c.moduleIds.map(rel));
    for (const module of [
      'src/add-card-form/stripe-fields.ts',
      'src/gateways/stripe/card-elements.ts',
      'src/gateways/stripe/placement.ts',
      'src/gateways/stripe/theme.ts',
      'src/gateways/stripe/tokenizer.ts',
      'src/gateways/stripe/errors.ts',
      'src/gateways/stripe/load.ts',
    ]) {
      assert.ok(lazyModules.includes(module), `${module} is in the lazy chunk`);
    }
    const eagerStripe = upFront.flatMap((c) => c.moduleIds.map(rel)).filter((id) => /stripe/i.test(id));
    assert.deepEqual(eagerStripe.sort(), ['src/add-card-form/stripe-mode.ts', 'src/i18n/en/stripe.ts']);
  });
});
