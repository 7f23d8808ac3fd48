/**
 * The bench's Stripe checks on real builds of small fixtures: Stripe's code must be found when it
 * loads up front, not flagged when it is behind `import()`, and stubbing it must show what it weighs.
 * If these checks could not tell the cases apart, the budget "Stripe chunk not in the default
 * bundle" would pass whatever the elements did.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { BUILD_DIR, ROOT, buildEntry, eagerChunks, isStripePackage, isStripeSupport, lazyChunks, otherEntries } from '../../bench/lib/build.js';
import type { Chunk } from '../../bench/lib/build.js';
import type { BuildResult } from '../../bench/lib/build.js';
import { addSizes, compressedSizes } from '../../bench/lib/size.js';

const FIXTURES = resolve(BUILD_DIR, 'test-fixtures');

async function fixture(name: string, code: string): Promise<string> {
  const path = resolve(FIXTURES, `${name}.ts`);
  await writeFile(path, code);
  return path;
}

function stripeInEager(result: BuildResult): string[] {
  const stripe = new Set(result.stripeChunkModules);
  return eagerChunks(result).flatMap((c) => c.moduleIds.filter((id) => stripe.has(id)));
}

const eagerBrotli = (result: BuildResult): number => addSizes(...eagerChunks(result).map((c) => compressedSizes(c.code))).brotli;

describe('bench build: Stripe checks', () => {
  let staticImport: string;
  let lazyImport: string;

  before(async () => {
    await mkdir(FIXTURES, { recursive: true });
    staticImport = await fixture(
      'static-stripe',
      `import { loadStripe } from '@stripe/stripe-js/pure';\nexport const pay = () => loadStripe('pk_test_x');\n`,
    );
    lazyImport = await fixture(
      'lazy-stripe',
      `export const pay = async () => (await import('@stripe/stripe-js/pure')).loadStripe('pk_test_x');\n`,
    );
  });

  it('flags Stripe code that loads with the bundle', async () => {
    const result = await buildEntry('fixture-static', staticImport);
    const eager = stripeInEager(result);
    assert.ok(eager.some(isStripePackage), 'a module of @stripe/stripe-js is in the eager chunk');
    assert.ok(eager.includes(staticImport), 'the module importing it statically belongs to the Stripe chunk too');
    assert.ok(eagerChunks(result).some((c) => c.code.includes('js.stripe.com')));
  });

  it('accepts Stripe code behind import(), in its own lazy chunk', async () => {
    const result = await buildEntry('fixture-lazy', lazyImport);
    assert.deepEqual(stripeInEager(result), []);
    const lazy = lazyChunks(result);
    assert.equal(lazy.length, 1);
    assert.ok(lazy[0].moduleIds.some(isStripePackage));
    assert.ok(!eagerChunks(result).some((c) => c.code.includes('js.stripe.com')));
  });

  it('weighs Stripe support by stubbing it: the stubbed build is smaller by Stripe’s loader', async () => {
    const full = await buildEntry('fixture-static', staticImport);
    const stubbed = await buildEntry('fixture-static-stubbed', staticImport, { stubStripe: true });
    assert.ok(!eagerChunks(stubbed).some((c) => c.code.includes('js.stripe.com')), 'Stripe’s loader is gone');
    const growth = eagerBrotli(full) - eagerBrotli(stubbed);
    assert.ok(growth > 500, `Stripe's loader weighs something (${growth} bytes)`);
  });

  it('treats our own modules named after Stripe, and Stripe’s packages, as Stripe support', () => {
    assert.ok(isStripeSupport(resolve(ROOT, 'src/gateways/stripe.ts')));
    assert.ok(isStripeSupport(resolve(ROOT, 'src/add-card-form/stripe-fields.ts?inline')));
    assert.ok(isStripeSupport(resolve(ROOT, 'node_modules/@stripe/stripe-js/dist/pure.mjs')));
    assert.ok(!isStripeSupport(resolve(ROOT, 'src/gateways/token-endpoint.ts')));
    assert.ok(!isStripeSupport(resolve(ROOT, 'node_modules/stripe/esm/stripe.esm.node.js')), 'the Node SDK is not browser Stripe support');
  });
});

describe('bench build: what a page of the drop-in loads', () => {
  const chunk = (fileName: string, init: Partial<Chunk> = {}): Chunk => ({
    fileName,
    name: fileName.replace(/\.js$/, ''),
    code: '',
    isEntry: false,
    isDynamicEntry: false,
    imports: [],
    dynamicImports: [],
    moduleIds: [],
    moduleLengths: {},
    ...init,
  });
  // saved-cards.js imports a shared chunk and lazily a Stripe chunk (which imports the entry back);
  // saved-cards-de.js is a second entry that no page loads unless it imports it
  const result: BuildResult = {
    chunks: [
      chunk('saved-cards-de.js', { isEntry: true }),
      chunk('saved-cards.js', { isEntry: true, imports: ['saved-cards-shared.js'], dynamicImports: ['saved-cards-stripe.js'] }),
      chunk('saved-cards-shared.js'),
      chunk('saved-cards-stripe.js', { isDynamicEntry: true, imports: ['saved-cards.js'] }),
    ],
    assets: [],
    stripeChunkModules: [],
  };
  const names = (chunks: Chunk[]) => chunks.map((c) => c.fileName).sort();

  it('counts what one entry loads up front and lazily; another entry is an opt-in file, in neither', () => {
    assert.deepEqual(names(eagerChunks(result, 'saved-cards.js')), ['saved-cards-shared.js', 'saved-cards.js']);
    assert.deepEqual(names(lazyChunks(result, 'saved-cards.js')), ['saved-cards-stripe.js']);
    assert.deepEqual(names(otherEntries(result, 'saved-cards.js')), ['saved-cards-de.js']);
  });

  it('without a named entry, starts from every entry (a build of one entry)', () => {
    assert.deepEqual(names(eagerChunks(result)), ['saved-cards-de.js', 'saved-cards-shared.js', 'saved-cards.js']);
    assert.deepEqual(names(lazyChunks(result)), ['saved-cards-stripe.js']);
  });
});
