/**
 * Plain-text and Markdown tables for the bench's output: the same rows print to the terminal and go
 * into the README's performance section.
 */
import type { Summary } from './stats.js';

/**
 * Renders rows as an aligned text table or a Markdown table. The first column is the label, left
 * aligned; the others hold figures, right aligned.
 */
export function renderTable(headers: string[], rows: string[][], markdown = false): string {
  if (markdown) {
    const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
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
