/**
 * What the Node runner and the in-page harness (`bench/pages/harness.ts`) pass to each other.
 * Types only: both sides import it, so a change to one side fails type checking on the other.
 */

/** The three implementations typed into side by side. */
export type KeystrokeImpl = 'element' | 'formatter' | 'card';

/** Options of one keystroke run (one fresh page). */
export interface KeystrokeOptions {
  /** Numbers typed but not timed, so every implementation is JIT-warm before timing starts. */
  warmup: string[];
  /** Numbers typed and timed, in this order, each into every implementation in turn. */
  numbers: string[];
}

/** Per-keystroke samples of one implementation in one run, in microseconds. */
export interface KeystrokeSamples {
  /** Script: event dispatch, handlers and the re-render they cause (not the browser's text insertion). */
  script: number[];
  /** Script plus the style recalculation and layout forced right after. */
  scriptLayout: number[];
}

/** One keystroke run's result. */
export interface KeystrokeRunResult {
  /** Samples by implementation; an implementation that could not be set up is absent. */
  samples: Partial<Record<KeystrokeImpl, KeystrokeSamples>>;
  /** Why an implementation is missing, or something the runner should report. */
  notes: string[];
  /** What the typed numbers looked like at the end, to prove each implementation formatted them. */
  lastValues: Partial<Record<KeystrokeImpl, string>>;
  crossOriginIsolated: boolean;
  /** The grid `performance.now()` readings snap to in this page, in microseconds. */
  timerStepMicros: number;
}

/** Timings of one list action, in milliseconds. */
export interface ActionTiming {
  /** From the action to the DOM showing it, all pending renders done (mock endpoint time removed). */
  script: number;
  /** `script` plus the forced style recalculation and layout. */
  scriptLayout: number;
  /** Mock endpoint time that overlapped the action and was removed from both figures. */
  stub: number;
}

/** The three list actions measured at one size. */
export interface ListTimings {
  firstRender: ActionTiming | null;
  setDefault: ActionTiming | null;
  remove: ActionTiming | null;
}

/**
 * One list run's result (one fresh page): at each size, the element and the innerHTML baseline,
 * one entry per repeat; `element[i]` and `innerHTML[i]` ran back to back.
 */
export interface ListRunResult {
  sizes: Record<string, { element: ListTimings[]; innerHTML: ListTimings[]; rowsRendered: number }>;
  notes: string[];
  crossOriginIsolated: boolean;
}

/** Options of one list run. */
export interface ListOptions {
  sizes: number[];
  /**
   * Back-to-back element / baseline pairs per size. Pairs close in time keep a busy machine's
   * slowdowns on both sides of a ratio.
   */
  repeats: number;
  /** Which side goes first in the first pair; it alternates from there, so neither is always warmer. */
  elementFirst: boolean;
  /** Per-action time limit, in milliseconds. */
  timeoutMs: number;
}

/** What a start-up page loads and renders. */
export type StartupProbe = { kind: 'element'; tag: string } | { kind: 'floor' } | { kind: 'card' };

/** One start-up measurement, in milliseconds. */
export interface StartupResult {
  /** From `import()` to the module evaluated (fetch from localhost, parse, compile, run). */
  load: number;
  /** From the module evaluated to the element's first render done. */
  render: number;
  /** `load + render`, plus the forced layout of the first render. */
  total: number;
  crossOriginIsolated: boolean;
  error?: string;
}
