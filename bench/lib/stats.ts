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
