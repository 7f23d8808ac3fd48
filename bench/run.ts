/**
 * `npm run bench`: builds what it needs, weighs it, measures it in Chromium side by side with its
 * baselines, prints tables, writes bench/results.json and, with `--check`, fails on a budget.
 *
 *   npm run bench                         full run (a few minutes on 2 cores)
 *   npm run bench -- --check              full run, exit 1 when a budget is exceeded
 *   npm run bench -- --check --size-only  sizes and the Stripe check only, no browser (CI)
 *   npm run bench -- --runs 3 --numbers 50  a quicker, noisier full run
 *   npm run bench -- --out path.json      write the results elsewhere
 *   npm run bench -- --only keystroke     one browser part (keystroke, list, startup; comma-separated)
 *   npm run bench -- --size-only --gate   CI: a missed budget may not grow past bench/ceilings.json
 *   npm run bench -- --tables bench/results.json   print a recorded run's tables as Markdown (README)
 *
 * See bench/README.md for what each figure measures and how.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, type } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_DIR, ROOT, buildEntry, writeBuild } from './lib/build.js';
import { budgetFailures, dropInBudgetBytes, evaluateBudgets, gateFailures } from './lib/budgets.js';
import type { BudgetInput, Ceilings, Measured } from './lib/budgets.js';
import { measureBrowser } from './lib/measure-browser.js';
import type { BrowserPlan, BrowserReport } from './lib/measure-browser.js';
import { measureSizes } from './lib/measure-size.js';
import type { SizeReport } from './lib/measure-size.js';
import { renderFigures, renderResults } from './lib/report.js';
import type { ResultsForTables } from './lib/report.js';
import { serveStatic } from './lib/server.js';
import { formatKb } from './lib/size.js';

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'size-only': { type: 'boolean', default: false },
    runs: { type: 'string' },
    numbers: { type: 'string' },
    out: { type: 'string' },
    tables: { type: 'string' },
    only: { type: 'string' },
    gate: { type: 'boolean', default: false },
  },
});

function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, not "${value}"`);
  return n;
}

const PARTS = ['keystroke', 'list', 'startup'] as const;
type Part = (typeof PARTS)[number];
const only = args.only?.split(',').map((p) => {
  if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only takes ${PARTS.join(', ')}, not "${p}"`);
  return p as Part;
});
const runs = args.runs === undefined ? undefined : positiveInt(args.runs, 5, '--runs');
/** Modest counts: the whole bench takes a few minutes on a 2-core machine. */
const plan: BrowserPlan = {
  keystrokeRuns: runs ?? 5,
  numbersPerBrand: positiveInt(args.numbers, 200, '--numbers'),
  warmupPerBrand: 10,
  listRuns: runs ?? 5,
  listSizes: [10, 100, 1000],
  listRepeats: 3,
  startupRuns: runs ?? 7,
  only,
};
const sizeOnly = args['size-only'];
// a partial run never overwrites the recorded full run
const outPath = resolve(args.out ?? (sizeOnly || only ? resolve(BUILD_DIR, only ? 'results-partial.json' : 'results-size-only.json') : resolve(ROOT, 'bench/results.json')));
const WEB_DIR = resolve(BUILD_DIR, 'web');

const log = (line: string): void => console.log(line);

/** Which source was measured: the commit, and whether src/ had uncommitted changes on top of it. */
function sourceVersion(): { commit: string | null; uncommittedSrcChanges: boolean | null } {
  try {
    const git = (...a: string[]): string => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedSrcChanges: git('status', '--porcelain', '--', 'src', 'package.json', 'vite.config.ts') !== '' };
  } catch {
    return { commit: null, uncommittedSrcChanges: null };
  }
}

/** The harness and start-up pages, plus the HTML, into the web folder next to the drop-in files. */
async function buildPages(): Promise<void> {
  await writeBuild(await buildEntry('harness', resolve(ROOT, 'bench/pages/harness.ts')), WEB_DIR);
  await writeBuild(await buildEntry('startup', resolve(ROOT, 'bench/pages/startup.ts')), WEB_DIR);
  for (const file of await readdir(resolve(ROOT, 'bench/pages'))) {
    if (file.endsWith('.html')) await copyFile(resolve(ROOT, 'bench/pages', file), resolve(WEB_DIR, file));
  }
}

function budgetInput(sizes: SizeReport, browser: BrowserReport | null): BudgetInput {
  // a part left out by --only is skipped, not failed
  const figure = (key: string): Measured =>
    browser && (!only || only.some((part) => key.startsWith(`${part}.`))) ? (browser.figures[key]?.median ?? null) : undefined;
  const growth = sizes.dropIn && sizes.dropInWithoutStripe ? sizes.dropIn.brotli - sizes.dropInWithoutStripe.brotli : null;
  return {
    dropInBrotli: dropInBudgetBytes(sizes.dropIn, sizes.lazy),
    stripeModulesInDefault: sizes.dropIn ? sizes.stripeInDefault.length : null,
    stripeGrowthBrotli: growth,
    keystrokeScriptMedianRatio: figure('keystroke.ratio.element.script.median'),
    keystrokeLayoutP95Ratio: figure('keystroke.ratio.element.scriptLayout.p95'),
    list1000FirstRenderRatio: figure('list.1000.firstRender.ratio.scriptLayout'),
    list1000SetDefaultRatio: figure('list.1000.setDefault.ratio.scriptLayout'),
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: null as string | null,
    /** 1-minute load average at the start and the end: above the core count, other work competed for the CPU. */
    loadAverage: { start: Number(loadavg()[0].toFixed(2)), end: Number.NaN },
  };
  log(`saved-cards bench, ${new Date().toISOString()} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}`);

  await rm(WEB_DIR, { recursive: true, force: true });
  await mkdir(WEB_DIR, { recursive: true });
  log('Building and weighing…');
  const sizes = await measureSizes(sizeOnly ? null : WEB_DIR);
  for (const e of sizes.errors) log(`  build error: ${e}`);

  let browser: BrowserReport | null = null;
  const notes: string[] = [...sizes.errors.map((e) => `build error: ${e}`)];
  if (!sizeOnly) {
    await buildPages();
    const server = await serveStatic(WEB_DIR);
    try {
      browser = await measureBrowser(server.url, plan, log);
      machine.chromium = browser.chromium;
      notes.push(...browser.notes);
      if (!browser.crossOriginIsolated) notes.push('a page was not cross-origin isolated: timers had 100 µs resolution');
    } finally {
      await server.close();
    }
  }
  if (sizes.stripeModules === 0) notes.push('no Stripe module in the build yet: the Stripe checks pass trivially');
  machine.loadAverage.end = Number(loadavg()[0].toFixed(2));
  const busiest = Math.max(machine.loadAverage.start, machine.loadAverage.end);
  if (!sizeOnly && busiest > machine.cores) {
    notes.push(
      `the machine was busy (load average up to ${busiest} on ${machine.cores} cores): time figures are noisier than usual; ` +
        'ratios pair each element pass with a baseline pass run right next to it, but re-run on a quiet machine before trusting a verdict',
    );
  }

  if (sizes.heaviestModules.length) {
    log('');
    log('Heaviest modules of the drop-in bundle (rendered, before minification):');
    for (const [path, length] of sizes.heaviestModules) log(`  ${formatKb(length).padStart(8)}  ${path}`);
  }

  const budgets = evaluateBudgets(budgetInput(sizes, browser));
  const failures = budgetFailures(budgets);

  const tables = (markdown: boolean): string => renderResults({ sizes, budgets, figures: browser?.figures ?? null }, markdown);
  log('');
  log(tables(false));
  if (browser) {
    log('');
    log('### Every figure');
    log('');
    log(renderFigures(browser.figures, Object.keys(browser.figures), false));
  }
  if (notes.length) {
    log('');
    log('### Notes');
    for (const n of notes) log(`- ${n}`);
  }

  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    source: sourceVersion(),
    machine,
    mode: sizeOnly ? 'size-only' : only ? `only ${only.join(',')}` : 'full',
    plan: sizeOnly ? null : plan,
    sizes,
    figures: browser?.figures ?? {},
    budgets,
    notes,
  };
  await mkdir(resolve(outPath, '..'), { recursive: true });
  await writeFile(outPath, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(resolve(BUILD_DIR, 'results.md'), `${tables(true)}\n`);
  log('');
  log(`Wrote ${outPath} (and Markdown tables to bench/.build/results.md) in ${results.durationSeconds} s.`);

  if (args.check && failures.length) {
    console.error(`\n${failures.length} budget${failures.length === 1 ? '' : 's'} exceeded:`);
    for (const f of failures) console.error(`  ✗ ${f}`);
    return 1;
  }
  if (args.check) log('Every budget checked holds.');
  if (args.gate) {
    const ceilings = JSON.parse(await readFile(resolve(ROOT, 'bench/ceilings.json'), 'utf8')) as { ceilings: Ceilings };
    const gated = gateFailures(budgets, ceilings.ceilings);
    if (gated.length) {
      console.error(`\nThe size gate failed:`);
      for (const f of gated) console.error(`  ✗ ${f}`);
      return 1;
    }
    log('Size gate: every budget that holds still holds, and none that is missed grew past its ceiling (bench/ceilings.json).');
  }
  return 0;
}

/** `--tables`: a recorded run's tables as Markdown, for the README's performance section. */
async function printTables(path: string): Promise<number> {
  const results = JSON.parse(await readFile(resolve(path), 'utf8')) as ResultsForTables & { figures: ResultsForTables['figures'] | Record<string, never> };
  const figures = results.figures && Object.keys(results.figures).length ? results.figures : null;
  log(renderResults({ sizes: results.sizes, budgets: results.budgets, figures }, true));
  return 0;
}

(args.tables === undefined ? main() : printTables(args.tables)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
