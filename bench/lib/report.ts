/**
 * Plain-text and Markdown tables for the bench's output: the same rows print to the terminal and go
 * into the README's performance section.
 */
import { formatBudgetValue } from './budgets.js';
import type { BudgetResult } from './budgets.js';
import type { Figure } from './measure-browser.js';
import type { SizeReport } from './measure-size.js';
import { addSizes, formatKb } from './size.js';
import type { Sizes } from './size.js';
import type { Summary } from './stats.js';

/**
 * Renders rows as an aligned text table or a Markdown table. The first column is the label, left
 * aligned; the others hold figures, right aligned.
 */
export function renderTable(headers: string[], rows: string[][], markdown = false): string {
  if (markdown) {
    // a bare <card-list> would be read as an HTML tag and vanish: show tag names as code
    const cell = (c: string): string => c.replace(/\|/g, '\\|').replace(/<([a-z][a-z0-9]*-[a-z0-9-]*)>/g, '`<$1>`');
    const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
    const rule = headers.map((_, c) => (c > 0 ? '---:' : '---'));
    return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
  }
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c > 0 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with sensible precision for its magnitude. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A value with its unit: `12.3 µs`, `1.42×`. */
export function withUnit(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  return unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`;
}

/** The table cells of a figure: median, p95, min–max, samples. */
export function summaryCells(s: Summary | null | undefined): string[] {
  if (!s) return ['n/a', 'n/a', 'n/a', '0'];
  const range = `${formatNumber(s.min)}–${formatNumber(s.max)}`;
  return [withUnit(s.median, s.unit), withUnit(s.p95, s.unit), s.unit === '×' ? `${range}×` : `${range} ${s.unit}`, String(s.runs)];
}

/** The size table's rows. */
function sizeRows(report: SizeReport): string[][] {
  const row = (label: string, s: Sizes | null): string[] =>
    s ? [label, formatKb(s.min), formatKb(s.gzip), formatKb(s.brotli)] : [label, 'n/a', 'n/a', 'n/a'];
  const rows = [row(`drop-in bundle, loaded up front (${report.dropInFiles.join(', ') || 'n/a'})`, report.dropIn)];
  for (const lazy of report.lazy) rows.push(row(`  lazy chunk ${lazy.file}${lazy.stripe ? ' (Stripe)' : ''}`, lazy.sizes));
  const product = report.lazy.filter((l) => !l.stripe);
  if (report.dropIn && product.length > 0) {
    rows.push(row('drop-in bundle with its lazy chunks, Stripe\'s apart (the budget counts this)', addSizes(report.dropIn, ...product.map((l) => l.sizes))));
  }
  for (const file of report.optIn ?? []) rows.push(row(`  opt-in file ${file.file} (not loaded by the bundle)`, file.sizes));
  rows.push(row('drop-in bundle with Stripe support stubbed out', report.dropInWithoutStripe));
  for (const e of report.elements) {
    rows.push(row(`<${e.tag}> alone (with lit and its imports)`, e.alone));
    rows.push(row(`<${e.tag}> added to the other two`, e.adds));
  }
  rows.push(row('floor: lit + repeat + card-validator', report.floor));
  rows.push(row('jessepollak/card (+ payment) JS', report.cardJs));
  rows.push(row('jessepollak/card CSS', report.cardCss));
  if (report.cardJs && report.cardCss) rows.push(row('jessepollak/card JS + CSS', addSizes(report.cardJs, report.cardCss)));
  return rows;
}

/** The comparisons the budgets and the README table are about, in reading order. */
export const HEADLINE = [
  'keystroke.ratio.element.script.median',
  'keystroke.ratio.element.scriptLayout.p95',
  'keystroke.ratio.card.script.median',
  'keystroke.ratio.card.scriptLayout.p95',
  'keystroke.formatter.script.median',
  'keystroke.formatter.scriptLayout.p95',
  'list.10.firstRender.ratio.scriptLayout',
  'list.100.firstRender.ratio.scriptLayout',
  'list.1000.firstRender.ratio.script',
  'list.1000.firstRender.ratio.scriptLayout',
  'list.1000.firstRender.innerHTML.scriptLayout',
  'list.10.setDefault.ratio.scriptLayout',
  'list.1000.setDefault.ratio.scriptLayout',
  'list.1000.remove.ratio.scriptLayout',
  'startup.card-list.ratio',
  'startup.add-card-form.ratio',
  'startup.cvv-flip.ratio',
  'startup.card.ratio',
  'startup.floor.total',
];

function figureRows(figures: Record<string, Figure>, keys: string[]): string[][] {
  return keys.filter((k) => figures[k]).map((k) => [figures[k].label, ...summaryCells(figures[k])]);
}

const FIGURE_HEADERS = ['figure', 'median', 'p95', 'min–max', 'samples'];

function budgetRows(results: BudgetResult[]): string[][] {
  return results.map((r) => [
    r.label,
    r.value === null ? 'n/a' : formatBudgetValue(r.value, r.unit),
    `≤ ${formatBudgetValue(r.limit, r.unit)}`,
    r.pass === null ? 'skipped' : r.pass ? 'ok' : 'OVER',
  ]);
}


/** A table of the given figures (those that were measured), in the given order. */
export function renderFigures(figures: Record<string, Figure>, keys: string[], markdown: boolean): string {
  return renderTable(FIGURE_HEADERS, figureRows(figures, keys), markdown);
}

/** What a run produced, as the tables the terminal and the README show. */
export interface ResultsForTables {
  sizes: SizeReport;
  budgets: BudgetResult[];
  /** `null` under `--size-only`. */
  figures: Record<string, Figure> | null;
}

/** The size, budget and side-by-side tables of a run. */
export function renderResults(results: ResultsForTables, markdown: boolean): string {
  const out = [
    '### Size',
    '',
    renderTable(['what', 'min', 'min + gzip', 'min + brotli'], sizeRows(results.sizes), markdown),
    '',
    '### Budgets',
    '',
    renderTable(['budget', 'measured', 'budget', 'verdict'], budgetRows(results.budgets), markdown),
  ];
  if (results.figures) {
    out.push(
      '',
      '### Side by side (ratios are per run, against the baseline in the same page session)',
      '',
      renderFigures(results.figures, HEADLINE, markdown),
    );
  }
  return out.join('\n');
}
