/**
 * Browser measurements: keystroke cost, `<card-list>` rendering and start-up, in Debian Chromium
 * driven by playwright-core. Each run gets a fresh browser context (a fresh renderer, heap and
 * code cache), and each element figure is paired with the baseline measured in that same run.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { testNumbers } from './cards.js';
import type { ActionTiming, KeystrokeImpl, KeystrokeRunResult, ListRunResult, StartupProbe, StartupResult } from './protocol.js';
import { gridQuantile, median, pairedRatios, summarize } from './stats.js';
import type { Summary } from './stats.js';

/** A reported figure with its label. */
export interface Figure extends Summary {
  label: string;
}

/** How much to measure. */
export interface BrowserPlan {
  keystrokeRuns: number;
  /** Numbers per brand typed (and timed) into each implementation per run. */
  numbersPerBrand: number;
  /** Numbers per brand typed untimed first. */
  warmupPerBrand: number;
  listRuns: number;
  listSizes: number[];
  /** Back-to-back element / innerHTML pairs per size per run. */
  listRepeats: number;
  startupRuns: number;
  /** Which browser parts to run (`--only`); all of them when absent. */
  only?: ReadonlyArray<'keystroke' | 'list' | 'startup'>;
}

/** What the browser step found. */
export interface BrowserReport {
  figures: Record<string, Figure>;
  notes: string[];
  chromium: string;
  /** Whether every page was cross-origin isolated (5 µs timers). */
  crossOriginIsolated: boolean;
}

/** The Chromium the bench drives: `$CHROME_PATH`, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // lets the harness collect garbage between timed passes, so a pass does not pay for the last one's
  '--js-flags=--expose-gc',
];

const IMPL_LABEL: Record<KeystrokeImpl, string> = {
  element: '<add-card-form>',
  formatter: 'bare formatter',
  card: 'jessepollak/card',
};

type Log = (line: string) => void;

class Figures {
  readonly all: Record<string, Figure> = {};

  add(key: string, label: string, samples: number[], unit: string): void {
    const summary = summarize(samples, unit);
    if (summary) this.all[key] = { label, ...summary };
  }
}

async function openPage(browser: Browser, url: string, ready: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  try {
    await page.waitForFunction(ready, undefined, { timeout: 15_000 });
  } catch {
    await context.close();
    throw new Error(`${url} did not get ready${errors.length ? `: ${errors.join('; ')}` : ''}`);
  }
  return page;
}

async function keystrokes(browser: Browser, base: string, plan: BrowserPlan, figures: Figures, notes: Set<string>, log: Log): Promise<boolean> {
  // Visa and Amex alternate, so both brands are spread over the whole run
  const visa = testNumbers('visa', plan.numbersPerBrand + plan.warmupPerBrand, 8);
  const amex = testNumbers('amex', plan.numbersPerBrand + plan.warmupPerBrand, 9);
  const interleave = (a: string[], b: string[]): string[] => a.flatMap((x, i) => [x, b[i]]);
  const warmup = interleave(visa.slice(0, plan.warmupPerBrand), amex.slice(0, plan.warmupPerBrand));
  const numbers = interleave(visa.slice(plan.warmupPerBrand), amex.slice(plan.warmupPerBrand));

  const perRun: Record<string, number[]> = {};
  const push = (key: string, value: number): void => void (perRun[key] ??= []).push(value);
  let isolated = true;
  for (let run = 0; run < plan.keystrokeRuns; run += 1) {
    const page = await openPage(browser, `${base}keystroke.html`, 'window.bench !== undefined');
    const started = Date.now();
    const result = await page.evaluate((options) => window.bench!.keystrokeRun(options), { warmup, numbers });
    await page.context().close();
    isolated &&= result.crossOriginIsolated;
    result.notes.forEach((n) => notes.add(n));
    checkFormatting(result, notes);
    for (const impl of ['element', 'formatter', 'card'] as const) {
      const s = result.samples[impl];
      if (!s || s.script.length === 0) continue;
      // samples sit on the page's timer grid: estimate between grid steps (see gridQuantile)
      const step = result.timerStepMicros;
      push(`${impl}.script.median`, gridQuantile(s.script, 0.5, step));
      push(`${impl}.script.p95`, gridQuantile(s.script, 0.95, step));
      push(`${impl}.scriptLayout.median`, gridQuantile(s.scriptLayout, 0.5, step));
      push(`${impl}.scriptLayout.p95`, gridQuantile(s.scriptLayout, 0.95, step));
    }
    log(`  keystroke run ${run + 1}/${plan.keystrokeRuns}: ${Date.now() - started} ms`);
  }
  const keys = (impl: KeystrokeImpl): [string, string][] => [
    [`${impl}.script.median`, `${IMPL_LABEL[impl]}: script, median keystroke`],
    [`${impl}.script.p95`, `${IMPL_LABEL[impl]}: script, p95 keystroke`],
    [`${impl}.scriptLayout.median`, `${IMPL_LABEL[impl]}: script + layout, median keystroke`],
    [`${impl}.scriptLayout.p95`, `${IMPL_LABEL[impl]}: script + layout, p95 keystroke`],
  ];
  for (const impl of ['formatter', 'element', 'card'] as const) {
    for (const [key, label] of keys(impl)) if (perRun[key]) figures.add(`keystroke.${key}`, label, perRun[key], 'µs');
  }
  for (const impl of ['element', 'card'] as const) {
    for (const [key, label] of keys(impl)) {
      const baseline = key.replace(impl, 'formatter');
      if (perRun[key] && perRun[baseline] && perRun[key].length === perRun[baseline].length) {
        figures.add(`keystroke.ratio.${key}`, `${label} ÷ formatter`, pairedRatios(perRun[key], perRun[baseline]), '×');
      }
    }
  }
  return isolated;
}

/** A keystroke figure means nothing if the typing did not reach the formatter; say so when it did not. */
function checkFormatting(result: KeystrokeRunResult, notes: Set<string>): void {
  for (const [impl, value] of Object.entries(result.lastValues)) {
    if (!/\d{4} \d/.test(value ?? '')) {
      notes.add(`${IMPL_LABEL[impl as KeystrokeImpl]} did not show the typed number grouped ("${value}"): check the typing emulation`);
    }
  }
}

const ACTIONS = [
  ['firstRender', 'first render'],
  ['setDefault', 'set default'],
  ['remove', 'remove one row'],
] as const;

async function lists(browser: Browser, base: string, plan: BrowserPlan, figures: Figures, notes: Set<string>, log: Log): Promise<boolean> {
  const perRun: Record<string, number[]> = {};
  const push = (key: string, value: number): void => void (perRun[key] ??= []).push(value);
  let isolated = true;
  for (let run = 0; run < plan.listRuns; run += 1) {
    const page = await openPage(browser, `${base}list.html`, 'window.bench !== undefined');
    const started = Date.now();
    const options = { sizes: plan.listSizes, repeats: plan.listRepeats, elementFirst: run % 2 === 0, timeoutMs: 10_000 };
    const result: ListRunResult = await page.evaluate((o) => window.bench!.listRun(o), options);
    await page.context().close();
    isolated &&= result.crossOriginIsolated;
    result.notes.forEach((n) => notes.add(n));
    for (const [n, sides] of Object.entries(result.sizes)) {
      for (const [action] of ACTIONS) {
        // a pair counts only when both sides were measured, back to back
        const pairs = sides.element
          .map((el, i) => [el[action], sides.innerHTML[i]?.[action]] as const)
          .filter((p): p is readonly [ActionTiming, ActionTiming] => !!p[0] && !!p[1]);
        if (pairs.length === 0) continue;
        // the run's value is the median over its pairs; a ratio is taken within each pair first
        for (const metric of ['script', 'scriptLayout'] as const) {
          push(`${n}.${action}.element.${metric}`, median(pairs.map(([el]) => el[metric])));
          push(`${n}.${action}.innerHTML.${metric}`, median(pairs.map(([, bl]) => bl[metric])));
          push(`${n}.${action}.ratio.${metric}`, median(pairs.map(([el, bl]) => el[metric] / bl[metric])));
        }
        push(`${n}.${action}.element.stub`, median(pairs.map(([el]) => el.stub)));
      }
    }
    log(`  list run ${run + 1}/${plan.listRuns}: ${Date.now() - started} ms`);
    // a list that renders no rows will not start rendering them on the next run
    if (Object.values(result.sizes).every((s) => s.element.every((t) => !t.firstRender))) break;
  }
  for (const n of plan.listSizes) {
    for (const [action, words] of ACTIONS) {
      for (const [metric, metricWords] of [
        ['script', 'script'],
        ['scriptLayout', 'script + layout'],
      ] as const) {
        const el = perRun[`${n}.${action}.element.${metric}`];
        const bl = perRun[`${n}.${action}.innerHTML.${metric}`];
        const ratio = perRun[`${n}.${action}.ratio.${metric}`];
        if (!el || !bl || !ratio) continue;
        const what = `${n} cards, ${words}, ${metricWords}`;
        figures.add(`list.${n}.${action}.element.${metric}`, `<card-list> ${what}`, el, 'ms');
        figures.add(`list.${n}.${action}.innerHTML.${metric}`, `innerHTML ${what}`, bl, 'ms');
        figures.add(`list.${n}.${action}.ratio.${metric}`, `<card-list> ÷ innerHTML, ${what}`, ratio, '×');
      }
      const stub = perRun[`${n}.${action}.element.stub`];
      if (stub) figures.add(`list.${n}.${action}.element.stub`, `mock endpoint time removed, ${n} cards, ${words}`, stub, 'ms');
    }
  }
  return isolated;
}

const STARTUP_TARGETS: { key: string; probe: StartupProbe; label: string }[] = [
  { key: 'card-list', probe: { kind: 'element', tag: 'card-list' }, label: '<card-list> (drop-in bundle)' },
  { key: 'add-card-form', probe: { kind: 'element', tag: 'add-card-form' }, label: '<add-card-form> (drop-in bundle)' },
  { key: 'cvv-flip', probe: { kind: 'element', tag: 'cvv-flip' }, label: '<cvv-flip> (drop-in bundle)' },
  { key: 'card', probe: { kind: 'card' }, label: 'jessepollak/card on a plain form' },
];
const FLOOR_LABEL = 'Lit element on the lit + card-validator floor';

/**
 * Start-up: one fresh page per target and run. Each page loads the target and the floor one after
 * the other, alternating which goes first, and the target's ratio is taken against that page's floor.
 */
async function startup(browser: Browser, base: string, plan: BrowserPlan, figures: Figures, notes: Set<string>, log: Log): Promise<boolean> {
  const perTarget: Record<string, { target: StartupResult; floor: StartupResult }[]> = {};
  let isolated = true;
  const started = Date.now();
  for (let run = 0; run < plan.startupRuns; run += 1) {
    for (let k = 0; k < STARTUP_TARGETS.length; k += 1) {
      const target = STARTUP_TARGETS[(run + k) % STARTUP_TARGETS.length];
      const floorFirst = (run + k) % 2 === 1;
      const probes: StartupProbe[] = floorFirst ? [{ kind: 'floor' }, target.probe] : [target.probe, { kind: 'floor' }];
      const page = await openPage(browser, `${base}startup.html`, 'window.measureStartup !== undefined');
      // let the fresh renderer finish starting before anything is timed
      await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })));
      const results = await page.evaluate((p) => window.measureStartup!(p), probes);
      await page.context().close();
      const [floorResult, targetResult] = floorFirst ? results : [results[1], results[0]];
      for (const r of results) isolated &&= r.crossOriginIsolated;
      if (targetResult.error) notes.add(`start-up of ${target.label}: ${targetResult.error}`);
      if (floorResult.error) notes.add(`start-up of the floor: ${floorResult.error}`);
      (perTarget[target.key] ??= []).push({ target: targetResult, floor: floorResult });
    }
  }
  log(`  start-up: ${plan.startupRuns} runs × ${STARTUP_TARGETS.length} pages in ${Date.now() - started} ms`);
  const floorTotals = Object.values(perTarget).flatMap((pairs) => pairs.map((p) => p.floor.total));
  for (const target of STARTUP_TARGETS) {
    const pairs = perTarget[target.key] ?? [];
    figures.add(`startup.${target.key}.load`, `${target.label}: module load`, pairs.map((p) => p.target.load), 'ms');
    figures.add(`startup.${target.key}.render`, `${target.label}: first render`, pairs.map((p) => p.target.render), 'ms');
    figures.add(`startup.${target.key}.total`, `${target.label}: load + first render + layout`, pairs.map((p) => p.target.total), 'ms');
    figures.add(
      `startup.${target.key}.ratio`,
      `${target.label} ÷ floor (same page)`,
      pairs.map((p) => p.target.total / p.floor.total),
      '×',
    );
  }
  figures.add('startup.floor.total', `${FLOOR_LABEL}: load + first render + layout`, floorTotals, 'ms');
  return isolated;
}

/** Runs every browser measurement against the pages served at `base`. */
export async function measureBrowser(base: string, plan: BrowserPlan, log: Log): Promise<BrowserReport> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (Debian: apt-get install -y chromium), set CHROME_PATH, or run with --size-only`,
    );
  }
  const browser = await chromium.launch({ executablePath, args: ARGS });
  const figures = new Figures();
  const notes = new Set<string>();
  try {
    const runs = (part: 'keystroke' | 'list' | 'startup'): boolean => !plan.only || plan.only.includes(part);
    let k = true;
    let l = true;
    let s = true;
    if (runs('keystroke')) {
      log('Keystroke cost…');
      k = await keystrokes(browser, base, plan, figures, notes, log);
    }
    if (runs('list')) {
      log('<card-list> rendering…');
      l = await lists(browser, base, plan, figures, notes, log);
    }
    if (runs('startup')) {
      log('Start-up…');
      s = await startup(browser, base, plan, figures, notes, log);
    }
    return { figures: figures.all, notes: [...notes], chromium: browser.version(), crossOriginIsolated: k && l && s };
  } finally {
    await browser.close();
  }
}
