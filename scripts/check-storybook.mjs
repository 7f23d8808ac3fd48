// Builds the static Storybook (offline, no telemetry) and checks it: index.json lists stories for
// each of the three elements and the theming page, and the built preview really renders them (one
// story per element, opened in Debian's Chromium). A story file that fails to compile, a title that
// drifts, or a production build that tree-shakes the tag registration away shows up here.
//
//   node scripts/check-storybook.mjs            build, then check
//   node scripts/check-storybook.mjs --no-build check an existing storybook-static/
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'storybook-static');

if (!process.argv.includes('--no-build')) {
  const started = Date.now();
  const run = spawnSync('npx', ['--no-install', 'storybook', 'build', '--quiet', '-o', 'storybook-static'], {
    cwd: root,
    stdio: 'inherit',
    // no telemetry, no version check, no prompts: the build must work offline
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
  });
  if (run.status !== 0) {
    console.error(`storybook build failed (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
  console.log(`storybook build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

let index;
try {
  index = JSON.parse(readFileSync(resolve(outDir, 'index.json'), 'utf8'));
} catch (error) {
  console.error(`Cannot read storybook-static/index.json: ${error.message}`);
  process.exit(1);
}

const entries = Object.values(index.entries ?? {});
const stories = entries.filter((e) => e.type === 'story');
const problems = [];
const expected = [
  { title: 'Elements/card-list', min: 10 },
  { title: 'Elements/add-card-form', min: 15 },
  { title: 'Elements/cvv-flip', min: 5 },
  { title: 'Theming', min: 4 },
];
for (const { title, min } of expected) {
  const found = stories.filter((s) => s.title === title);
  if (found.length < min) problems.push(`${title}: ${found.length} stories indexed, expected at least ${min}`);
  if (!entries.some((e) => e.title === title && e.type === 'docs')) problems.push(`${title}: no docs page indexed`);
}
for (const name of ['Dark', 'Portal Brand', 'Right To Left']) {
  if (!stories.some((s) => s.title === 'Theming' && s.name === name)) problems.push(`Theming: no "${name}" story`);
}

if (problems.length) {
  console.error(`storybook-static/index.json is missing stories:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
await checkRendering();

const counts = expected.map(({ title }) => `${title} ${stories.filter((s) => s.title === title).length}`).join(', ');
console.log(`storybook-static/index.json: ${stories.length} stories (${counts}).`);

/**
 * Opens one story per element in the built preview and checks the element was defined and drew
 * something in its shadow root. The index alone would not notice a build that renders nothing.
 */
async function checkRendering() {
  const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.warn(`No Chromium at ${chromium} (set CHROME_PATH): skipped the render check.`);
    return;
  }
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(outDir, path || 'index.html');
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const failures = [];
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const checks = [
      { id: 'elements-card-list--several-cards', tag: 'card-list', selector: 'li[data-id]' },
      { id: 'elements-add-card-form--empty', tag: 'add-card-form', selector: 'input[data-field="number"]' },
      { id: 'elements-cvv-flip--visa', tag: 'cvv-flip', selector: '[part~="card"]' },
      { id: 'theming--dark', tag: 'card-list', selector: 'li[data-id]' },
    ];
    for (const { id, tag, selector } of checks) {
      errors.length = 0;
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
      const drawn = await page
        .waitForFunction(
          ([t, s]) => Boolean(customElements.get(t) && document.querySelector(t)?.shadowRoot?.querySelector(s)),
          [tag, selector],
          { timeout: 15000 },
        )
        .then(() => true, () => false);
      if (!drawn) failures.push(`${id}: <${tag}> did not render ${selector}${errors.length ? ` (${errors.join('; ')})` : ''}`);
      else if (errors.length) failures.push(`${id}: ${errors.join('; ')}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) {
    console.error(`The built Storybook does not render:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}
