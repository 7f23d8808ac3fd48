/**
 * Summary statistics for the benchmark. Every figure the bench reports is one of these: a set of
 * samples (one per run, or one per keystroke) reduced to median, p95 and range.
 */

/** One reported figure. */
export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  /** How many samples the figure summarises (runs, or keystrokes for per-keystroke figures). */
  runs: number;
  unit: string;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of already sorted samples, interpolating linearly between the two
 * nearest ranks (the "type 7" definition of R and NumPy), so that p95 of a handful of runs is
 * still a value between two runs rather than always the largest one.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Samples sorted ascending, with non-finite values (failed measurements) dropped. */
function sortedFinite(samples: readonly number[]): number[] {
  return samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
}

/** The q-quantile of unsorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  return quantileSorted(sortedFinite(samples), q);
}

/** The median of the samples. */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** The 95th percentile of the samples. */
export function p95(samples: readonly number[]): number {
  return quantile(samples, 0.95);
}

/**
 * The q-quantile of samples that sit on a timer grid (Chromium clamps `performance.now()` to 5 µs in
 * a cross-origin-isolated page), estimated as for grouped data: each grid value `v` stands for the
 * interval [v − step/2, v + step/2), and the quantile is interpolated inside the interval it falls
 * in. A plain median of a 15–20 µs figure can only move in 5 µs (25–33%) jumps, which is too coarse
 * for a ratio budget of 2.5×; this estimate moves smoothly with the share of samples on each side.
 */
export function gridQuantile(samples: readonly number[], q: number, step: number): number {
  if (!(step > 0)) return quantile(samples, q);
  const bins = new Map<number, number>();
  let n = 0;
  for (const x of samples) {
    if (!Number.isFinite(x)) continue;
    const k = Math.round(x / step);
    bins.set(k, (bins.get(k) ?? 0) + 1);
    n += 1;
  }
  if (n === 0) throw new RangeError('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside 0..1`);
  const rank = q * n;
  let below = 0;
  const keys = [...bins.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const count = bins.get(k)!;
    if (rank < below + count || k === keys[keys.length - 1]) {
      return (k - 0.5) * step + ((rank - below) / count) * step;
    }
    below += count;
  }
  throw new Error('unreachable: the last bin always answers');
}

/** Reduces samples to a {@link Summary}; `null` when there is no finite sample to summarise. */
export function summarize(samples: readonly number[], unit: string): Summary | null {
  const sorted = sortedFinite(samples);
  if (sorted.length === 0) return null;
  return {
    median: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    runs: sorted.length,
    unit,
  };
}

/**
 * Per-run ratios `numerator[i] / baseline[i]`: each run is compared only with the baseline measured
 * in the same page session, so machine load that slows a whole run cancels out.
 */
export function pairedRatios(numerator: readonly number[], baseline: readonly number[]): number[] {
  if (numerator.length !== baseline.length) {
    throw new RangeError(`paired samples differ in length: ${numerator.length} vs ${baseline.length}`);
  }
  return numerator.map((n, i) => (baseline[i] > 0 ? n / baseline[i] : Number.NaN));
}
