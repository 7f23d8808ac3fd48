/**
 * The bench's own arithmetic: statistics, compressed sizes, budget verdicts and test card numbers.
 * A wrong median or a budget that passes when it should fail would make every benchmark figure lie.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { BUDGETS, budgetFailures, dropInBudgetBytes, evaluateBudgets, gateFailures } from '../../bench/lib/budgets.js';
import type { BudgetInput } from '../../bench/lib/budgets.js';
import { luhnCheckDigit, luhnValid, seededRandom, testNumbers } from '../../bench/lib/cards.js';
import { renderTable, summaryCells } from '../../bench/lib/report.js';
import { addSizes, compressedSizes, formatKb, subtractSizes } from '../../bench/lib/size.js';
import { gridQuantile, median, p95, pairedRatios, quantile, summarize } from '../../bench/lib/stats.js';

describe('bench stats', () => {
  it('takes the middle sample, or the mean of the middle two', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
  });

  it('interpolates p95 between ranks instead of always taking the largest run', () => {
    // 5 runs: rank 0.95 × 4 = 3.8, so 80% of the way from the 4th to the 5th value
    assert.equal(p95([10, 20, 30, 40, 50]), 48);
    const hundred = Array.from({ length: 101 }, (_, i) => i);
    assert.equal(p95(hundred), 95);
    assert.equal(quantile(hundred, 0), 0);
    assert.equal(quantile(hundred, 1), 100);
  });

  it('summarises median, p95, min and max, ignoring failed (non-finite) measurements', () => {
    const s = summarize([3, Number.NaN, 1, 2, Number.POSITIVE_INFINITY], 'ms');
    assert.deepEqual(s, { median: 2, p95: 2.9, min: 1, max: 3, runs: 3, unit: 'ms' });
    assert.equal(summarize([Number.NaN], 'ms'), null);
    assert.equal(summarize([], 'ms'), null);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    assert.deepEqual(samples, [3, 1, 2]);
  });

  it('rejects a quantile outside 0..1 and an empty sample set', () => {
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
    assert.throws(() => quantile([], 0.5), RangeError);
  });

  it('pairs each run with the baseline of the same run', () => {
    assert.deepEqual(pairedRatios([30, 60], [10, 20]), [3, 3]);
    assert.ok(Number.isNaN(pairedRatios([1], [0])[0]), 'a zero baseline gives no ratio, not Infinity');
    assert.throws(() => pairedRatios([1, 2], [1]), RangeError);
  });
});

describe('bench sizes', () => {
  it('reports the byte lengths of the gzip and brotli streams, which decompress to the input', () => {
    const code = 'export const greeting = "hello";\n'.repeat(200);
    const s = compressedSizes(code);
    assert.equal(s.min, Buffer.byteLength(code));
    assert.ok(s.gzip < s.min / 10, 'repetitive code compresses well');
    assert.ok(s.brotli <= s.gzip, 'brotli at quality 11 beats gzip on text');
  });

  it('counts UTF-8 bytes, not characters', () => {
    assert.equal(compressedSizes('••••').min, 12);
    assert.equal(compressedSizes(new Uint8Array([1, 2, 3])).min, 3);
  });

  it('measures real compressed streams: random bytes do not shrink', () => {
    const noise = randomBytes(4096);
    const s = compressedSizes(noise);
    assert.ok(s.gzip >= 4096 && s.brotli >= 4096, `gzip ${s.gzip}, brotli ${s.brotli}`);
  });

  it('adds and subtracts sizes field by field', () => {
    const a = { min: 10, gzip: 5, brotli: 4 };
    const b = { min: 3, gzip: 2, brotli: 1 };
    assert.deepEqual(addSizes(a, b), { min: 13, gzip: 7, brotli: 5 });
    assert.deepEqual(addSizes(), { min: 0, gzip: 0, brotli: 0 });
    assert.deepEqual(subtractSizes(a, b), { min: 7, gzip: 3, brotli: 3 });
  });

  it('shows kB of 1,000 bytes', () => {
    assert.equal(formatKb(20_000), '20.0 kB');
    assert.equal(formatKb(10_549), '10.5 kB');
    assert.equal(formatKb(-450), '-0.5 kB');
  });
});

const HOLDING: BudgetInput = {
  dropInBrotli: 19_999,
  stripeModulesInDefault: 0,
  stripeGrowthBrotli: 1_000,
  keystrokeScriptMedianRatio: 2.5,
  keystrokeLayoutP95Ratio: 2.9,
  list1000FirstRenderRatio: 1.3,
  list1000SetDefaultRatio: 0.04,
};

describe('bench budgets', () => {
  it('passes every budget at or under its limit', () => {
    const results = evaluateBudgets(HOLDING);
    assert.equal(results.length, BUDGETS.length);
    assert.deepEqual(budgetFailures(results), []);
    assert.ok(results.every((r) => r.pass === true));
  });

  it('names each exceeded budget and by how much', () => {
    const failures = budgetFailures(
      evaluateBudgets({ ...HOLDING, dropInBrotli: 25_000, keystrokeScriptMedianRatio: 3.3, stripeModulesInDefault: 2 }),
    );
    assert.equal(failures.length, 3);
    assert.match(failures[0], /drop-in bundle.*25\.0 kB exceeds the budget of 20\.0 kB by 5\.0 kB \(\+25%\)/);
    assert.match(failures[1], /Stripe modules in the default bundle: 2 exceeds the budget of 0 by 2/);
    assert.match(failures[2], /keystroke script, median.*3\.30× exceeds the budget of 2\.50× by 0\.80 \(\+32%\)/);
  });

  it('fails a budget whose measurement failed, and skips one not attempted (--size-only)', () => {
    const results = evaluateBudgets({ ...HOLDING, list1000FirstRenderRatio: null, keystrokeScriptMedianRatio: undefined });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    assert.equal(byId.list1000FirstRenderRatio.pass, false);
    assert.match(byId.list1000FirstRenderRatio.message, /could not be measured/);
    assert.equal(byId.keystrokeScriptMedianRatio.pass, null);
    assert.deepEqual(budgetFailures(results), [byId.list1000FirstRenderRatio.message]);
  });

  it('counts the drop-in bundle with all three elements: up front plus every lazy chunk but Stripe’s', () => {
    const sizes = (brotli: number) => ({ min: brotli * 4, gzip: brotli + 100, brotli });
    assert.equal(dropInBudgetBytes(sizes(15_000), []), 15_000);
    // a part of the product moved behind import() still counts: a page adding a card loads it
    assert.equal(
      dropInBudgetBytes(sizes(15_000), [
        { sizes: sizes(6_000), stripe: true },
        { sizes: sizes(3_000), stripe: false },
        { sizes: sizes(2_500), stripe: false },
      ]),
      20_500,
    );
    assert.equal(dropInBudgetBytes(null, [{ sizes: sizes(3_000), stripe: false }]), null);
  });

  it('gates a missed budget on its ceiling, and a holding budget on its limit (--gate)', () => {
    const over = evaluateBudgets({ ...HOLDING, dropInBrotli: 41_000, list1000SetDefaultRatio: undefined });
    assert.deepEqual(gateFailures(over, { dropInBrotli: 41_000 }), [], 'at its ceiling: passes');
    const grown = gateFailures(evaluateBudgets({ ...HOLDING, dropInBrotli: 41_001 }), { dropInBrotli: 41_000 });
    assert.equal(grown.length, 1);
    assert.match(grown[0], /41\.0 kB exceeds the budget of 20\.0 kB.*grew past its ceiling of 41\.0 kB/);
    // a budget without a ceiling gets no slack, and a failed measurement never passes
    assert.equal(gateFailures(evaluateBudgets({ ...HOLDING, stripeGrowthBrotli: 1_200 }), { dropInBrotli: 41_000 }).length, 1);
    assert.equal(gateFailures(evaluateBudgets({ ...HOLDING, dropInBrotli: null }), { dropInBrotli: 41_000 }).length, 1);
  });

  it('keeps a ceiling only for a budget that is missed, below where it stood', async () => {
    const { ceilings } = JSON.parse(await readFile(new URL('../../bench/ceilings.json', import.meta.url), 'utf8')) as {
      ceilings: Record<string, number>;
    };
    for (const [id, ceiling] of Object.entries(ceilings)) {
      const budget = BUDGETS.find((b) => b.id === id);
      assert.ok(budget, `${id} is a budget`);
      assert.ok(ceiling > budget.limit, `${id}: a ceiling at or under the limit is a budget that holds; delete it`);
    }
  });

  it('holds the limits the issue sets', () => {
    const limits = Object.fromEntries(BUDGETS.map((b) => [b.id, b.limit]));
    assert.deepEqual(limits, {
      dropInBrotli: 20_000,
      stripeModulesInDefault: 0,
      stripeGrowthBrotli: 1_000,
      keystrokeScriptMedianRatio: 2.5,
      keystrokeLayoutP95Ratio: 3,
      list1000FirstRenderRatio: 1.3,
      list1000SetDefaultRatio: 0.1,
    });
  });
});

describe('bench test cards', () => {
  it('computes Luhn check digits that known test numbers agree with', () => {
    assert.equal(luhnCheckDigit('424242424242424'), '2');
    assert.equal(luhnCheckDigit('37828224631000'), '5');
    assert.ok(luhnValid('4242424242424242'));
    assert.ok(!luhnValid('4242424242424241'));
  });

  it('generates valid Visa (16 digits) and Amex (15 digits, 34/37) numbers, the same for the same seed', () => {
    const visa = testNumbers('visa', 50, 1);
    const amex = testNumbers('amex', 50, 1);
    assert.ok(visa.every((n) => /^4\d{15}$/.test(n) && luhnValid(n)));
    assert.ok(amex.every((n) => /^3[47]\d{13}$/.test(n) && luhnValid(n)));
    assert.deepEqual(testNumbers('visa', 50, 1), visa);
    assert.notDeepEqual(testNumbers('visa', 50, 2), visa);
    assert.equal(new Set(visa).size, 50);
  });

  it('draws uniform-looking values in [0, 1)', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 10_000 }, random);
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    assert.ok(Math.abs(mean - 0.5) < 0.02);
  });
});

describe('bench report', () => {
  it('aligns text tables; in Markdown ones, escapes pipes and shows tag names as code so they do not vanish as HTML', () => {
    const text = renderTable(['what', 'size'], [['bundle', '9.0 kB'], ['a | b', '10.0 kB']]);
    assert.deepEqual(text.split('\n'), ['what       size', '------  -------', 'bundle   9.0 kB', 'a | b   10.0 kB']);
    const md = renderTable(['what', 'size'], [['a | b', '1 kB'], ['<card-list> alone', '2 kB']], true);
    assert.deepEqual(md.split('\n'), ['| what | size |', '| --- | ---: |', '| a \\| b | 1 kB |', '| `<card-list>` alone | 2 kB |']);
  });

  it('shows a figure as median, p95, range and sample count, or n/a', () => {
    assert.deepEqual(summaryCells({ median: 2.456, p95: 3, min: 1.2, max: 3.1, runs: 5, unit: '×' }), [
      '2.46×',
      '3.00×',
      '1.20–3.10×',
      '5',
    ]);
    assert.deepEqual(summaryCells({ median: 123.4, p95: 150, min: 99.5, max: 151, runs: 7, unit: 'ms' }), [
      '123 ms',
      '150 ms',
      '99.5–151 ms',
      '7',
    ]);
    assert.deepEqual(summaryCells(null), ['n/a', 'n/a', 'n/a', '0']);
  });
});

describe('bench grid quantiles (timer-clamped samples)', () => {
  it('interpolates inside the grid step instead of jumping a whole step', () => {
    // 10 samples on a 5 µs grid: 1 at 10, 3 at 15, 6 at 20 µs. Rank 5 falls 1/6 into the 20 bin
    const samples = [10, 15, 15, 15, 20, 20, 20, 20, 20, 20];
    assert.equal(median(samples), 20, 'a plain median jumps to the grid value');
    assert.ok(Math.abs(gridQuantile(samples, 0.5, 5) - (17.5 + (1 / 6) * 5)) < 1e-9);
  });

  it('moves smoothly as samples shift from one grid value to the next', () => {
    const share = (k: number): number[] => [...Array(100 - k).fill(15), ...Array(k).fill(20)];
    const estimates = [40, 45, 50, 55, 60].map((k) => gridQuantile(share(k), 0.5, 5));
    for (let i = 1; i < estimates.length; i += 1) assert.ok(estimates[i] > estimates[i - 1], `${estimates}`);
    assert.ok(estimates.every((e) => e > 12.5 && e < 22.5));
  });

  it('agrees with the plain quantile when samples are spread over many steps', () => {
    const samples = Array.from({ length: 1001 }, (_, i) => i * 5);
    assert.ok(Math.abs(gridQuantile(samples, 0.5, 5) - median(samples)) <= 2.5);
    assert.ok(Math.abs(gridQuantile(samples, 0.95, 5) - p95(samples)) <= 5);
  });

  it('snaps values jittered off the grid, stays within the samples’ range, and ignores failures', () => {
    assert.ok(Math.abs(gridQuantile([19.9999, 20.0001, 20, Number.NaN], 0.5, 5) - 20) < 1e-9);
    assert.equal(gridQuantile([20, 20], 1, 5), 22.5);
    assert.equal(gridQuantile([20, 20], 0, 5), 17.5);
    assert.throws(() => gridQuantile([], 0.5, 5), RangeError);
  });
});
