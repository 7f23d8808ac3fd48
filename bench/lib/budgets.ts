/**
 * The performance budgets of issue 8, as data. Each is a size or a ratio against a baseline measured
 * in the same run, never an absolute time, so a slower or busier machine does not flip the verdict.
 */
import { formatKb } from './size.js';
import type { Sizes } from './size.js';

/**
 * A measured value: a number; `null` when the measurement was attempted and failed (the budget
 * cannot be shown to hold, so it fails); `undefined` when it was not attempted (`--size-only`).
 */
export type Measured = number | null | undefined;

/** What the budgets are checked against. */
export interface BudgetInput {
  /**
   * Drop-in bundle with all three elements, min + brotli bytes: the entry chunk, the chunks it
   * imports statically, and its lazy chunks but the Stripe chunk (each file compressed on its own).
   */
  dropInBrotli: Measured;
  /** How many modules of the Stripe chunk are loaded eagerly with the drop-in bundle (0 is right). */
  stripeModulesInDefault: Measured;
  /** Drop-in min + brotli bytes minus the same build with the Stripe modules stubbed out. */
  stripeGrowthBrotli: Measured;
  /** Median over runs of (element ÷ formatter) median script time per keystroke. */
  keystrokeScriptMedianRatio: Measured;
  /** Median over runs of (element ÷ formatter) p95 script + layout time per keystroke. */
  keystrokeLayoutP95Ratio: Measured;
  /** Median over runs of (element ÷ innerHTML) first render + layout at 1,000 cards. */
  list1000FirstRenderRatio: Measured;
  /** Median over runs of (element set default ÷ innerHTML rebuild), script + layout, 1,000 cards. */
  list1000SetDefaultRatio: Measured;
}

/**
 * The size budget's figure, min + brotli bytes: the drop-in bundle with all three elements is what
 * loads up front plus every lazy chunk of the product; only the Stripe chunk (loaded for
 * `gateway="stripe"` alone) is left out. Each file counts compressed on its own, as it is sent.
 */
export function dropInBudgetBytes(upFront: Sizes | null, lazy: readonly { sizes: Sizes; stripe: boolean }[]): number | null {
  if (!upFront) return null;
  return upFront.brotli + lazy.filter((l) => !l.stripe).reduce((sum, l) => sum + l.sizes.brotli, 0);
}

/** One budget's verdict. */
export interface BudgetResult {
  id: keyof BudgetInput;
  label: string;
  limit: number;
  unit: 'bytes' | 'ratio' | 'count';
  value: number | null;
  /** `null`: skipped (not measured in this mode). */
  pass: boolean | null;
  /** Why it failed or was skipped, in words. */
  message: string;
}

interface BudgetDef {
  id: keyof BudgetInput;
  label: string;
  limit: number;
  unit: BudgetResult['unit'];
}

/** The budgets, in the order the issue lists them. */
export const BUDGETS: readonly BudgetDef[] = [
  { id: 'dropInBrotli', label: 'drop-in bundle with all three elements, min + brotli', limit: 20_000, unit: 'bytes' },
  { id: 'stripeModulesInDefault', label: 'Stripe modules in the default bundle', limit: 0, unit: 'count' },
  { id: 'stripeGrowthBrotli', label: 'default bundle growth from Stripe support, min + brotli', limit: 1_000, unit: 'bytes' },
  { id: 'keystrokeScriptMedianRatio', label: 'keystroke script, median vs formatter', limit: 2.5, unit: 'ratio' },
  { id: 'keystrokeLayoutP95Ratio', label: 'keystroke script + layout, p95 vs formatter', limit: 3, unit: 'ratio' },
  { id: 'list1000FirstRenderRatio', label: '<card-list> 1,000 cards first render + layout vs innerHTML', limit: 1.3, unit: 'ratio' },
  { id: 'list1000SetDefaultRatio', label: '<card-list> 1,000 cards set default vs innerHTML rebuild', limit: 0.1, unit: 'ratio' },
];

/** A value in the budget's unit, for messages and the table. */
export function formatBudgetValue(value: number, unit: BudgetResult['unit']): string {
  if (unit === 'bytes') return formatKb(value);
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  return String(value);
}

/** Checks every budget; sizes and ratios pass when at or under their limit. */
export function evaluateBudgets(input: BudgetInput): BudgetResult[] {
  return BUDGETS.map(({ id, label, limit, unit }) => {
    const value = input[id];
    if (value === undefined) {
      return { id, label, limit, unit, value: null, pass: null, message: `${label}: skipped (not measured in this mode)` };
    }
    const shownLimit = formatBudgetValue(limit, unit);
    if (value === null || !Number.isFinite(value)) {
      return { id, label, limit, unit, value: null, pass: false, message: `${label}: could not be measured (budget ${shownLimit})` };
    }
    const shown = formatBudgetValue(value, unit);
    if (value <= limit) {
      return { id, label, limit, unit, value, pass: true, message: `${label}: ${shown} within ${shownLimit}` };
    }
    const over = value - limit;
    const by = unit === 'ratio' ? over.toFixed(2) : unit === 'bytes' ? formatKb(over) : String(over);
    const percent = limit > 0 ? ` (+${((over / limit) * 100).toFixed(0)}%)` : '';
    return { id, label, limit, unit, value, pass: false, message: `${label}: ${shown} exceeds the budget of ${shownLimit} by ${by}${percent}` };
  });
}

/** The budgets that failed, one message each. */
export function budgetFailures(results: readonly BudgetResult[]): string[] {
  return results.filter((r) => r.pass === false).map((r) => r.message);
}

/**
 * Ceilings for budgets that do not hold yet (bench/ceilings.json): the figure recorded when the
 * budget was last missed. `--gate` lets an over-budget figure pass only while it stays at or under
 * its ceiling, so no change makes a missed budget worse unnoticed, and every budget that holds must
 * keep holding. Lower a ceiling whenever a change lowers the figure; delete it once the budget holds.
 */
export type Ceilings = Partial<Record<keyof BudgetInput, number>>;

/** `--gate`: the failures that count, given the ceilings of budgets known to be missed. */
export function gateFailures(results: readonly BudgetResult[], ceilings: Ceilings): string[] {
  const failures: string[] = [];
  for (const r of results) {
    if (r.pass !== false) continue;
    const ceiling = ceilings[r.id];
    if (ceiling === undefined || r.value === null) {
      failures.push(r.message);
    } else if (r.value > ceiling) {
      failures.push(`${r.message}, and it grew past its ceiling of ${formatBudgetValue(ceiling, r.unit)} (bench/ceilings.json)`);
    }
  }
  return failures;
}
