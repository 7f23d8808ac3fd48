/**
 * The published code runs under a strict CSP with Trusted Types (issue 9, area 2; PCI DSS 6.4.3):
 * no string becomes code or markup anywhere in dist/, and the drop-in bundle's integrity hashes are
 * current. `npm test` builds dist/ before this runs.
 *
 * Every match is traced through the source map to the module it came from, so an allowance names
 * one module and says why, and a match anywhere else fails. An allowance that no longer matches
 * fails too: the list must describe the code as it is.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { decodeMappings } from './source-map.js';
import { DIST, bundleIntegrity, importedChunks, integrityOf, sriManifest } from '../../scripts/sri.mjs';

/** What may not appear in shipped code: each one turns a string into code or markup, or is blocked by the CSP. */
const SINKS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/g },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/g },
  { name: 'Function("…")', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/g },
  { name: 'unsafeHTML / unsafeSVG / unsafeMathML', pattern: /\bunsafe(HTML|SVG|MathML)\b/g },
  { name: '.innerHTML = / .outerHTML =', pattern: /\.(innerHTML|outerHTML)\s*(\+?=)(?!=)/g },
  { name: 'insertAdjacentHTML / document.write / createContextualFragment / srcdoc', pattern: /\b(insertAdjacentHTML|document\.write(ln)?|createContextualFragment|srcdoc)\b/g },
  { name: 'setTimeout / setInterval with a string', pattern: /\bset(Timeout|Interval)\s*\(\s*["'`]/g },
  { name: 'javascript: URL', pattern: /javascript:/gi },
  // markup written in a template: a quoted value, or a lit binding (`on…=${…}`)
  { name: 'inline on…= handler in markup', pattern: /(?<=\s)on[a-z]+=["'$]/g },
  { name: 'style= attribute in markup', pattern: /(?<=\s)style=["'$]/g },
  // the minifier quotes plain strings with backquotes as often as with quotes
  { name: "setAttribute('style' | 'on…')", pattern: /setAttribute\(\s*(["'`])(style|on[a-z]+)\1/g },
  { name: 'a <script> element made at run time', pattern: /createElement\(\s*(["'`])script\1\s*\)/g },
];

/** Matches that are allowed, each in one module only, with the reason. */
const ALLOWED: readonly { sink: string; source: string; count: number; reason: string }[] = [
  {
    sink: '.innerHTML = / .outerHTML =',
    source: 'node_modules/lit-html/lit-html.js',
    count: 1,
    reason:
      "lit-html parses each template's developer-written static strings into a <template> once; the string goes through its own " +
      "Trusted Types policy named 'lit-html' (the only policy the CSP allows), and values are never part of it.",
  },
  {
    sink: 'a <script> element made at run time',
    source: 'node_modules/@stripe/stripe-js/dist/pure.mjs',
    count: 1,
    reason:
      'Stripe.js is loaded from js.stripe.com by @stripe/stripe-js, only with gateway="stripe" and only in the lazily loaded Stripe ' +
      'chunk. A page using Stripe mode must allow https://js.stripe.com in script-src and give the script URL a Trusted Types policy ' +
      '(docs/security.md); the default token-endpoint mode never loads this chunk.',
  },
];

// --- source maps (v3): enough to name the source module of a generated position -----------------

interface SourceLookup {
  (line: number, column: number): string;
}

/** Names the source module of a (0-based) generated position; `file` itself when there is no map. */
function sourceLookup(file: string, code: string): SourceLookup {
  const mapFile = `${file}.map`;
  const hasMap = existsSync(mapFile) && /\/\/# sourceMappingURL=/.test(code);
  if (!hasMap) return () => relative(process.cwd(), file);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings).map((segments) => segments.filter((s) => s.source !== undefined));
  return (line, column) => {
    // the last mapping at or before the column (or the line's first) names the module
    const segments = lines[line] ?? [];
    let found = segments[0];
    for (const segment of segments) if (segment.column <= column) found = segment;
    // rolldown writes sources relative to dist/; show them relative to the repository
    return found?.source !== undefined ? map.sources[found.source].replace(/^(\.\.\/)+/, '') : '(unmapped)';
  };
}

interface Finding {
  sink: string;
  file: string;
  source: string;
  line: number;
  text: string;
}

/** Every sink in one file, with the module each came from. */
function scan(file: string): Finding[] {
  const code = readFileSync(file, 'utf8');
  const lookup = sourceLookup(file, code);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): [number, number] => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };
  const findings: Finding[] = [];
  for (const { name, pattern } of SINKS) {
    for (const match of code.matchAll(pattern)) {
      const [line, column] = position(match.index ?? 0);
      const start = Math.max(0, (match.index ?? 0) - 50);
      findings.push({
        sink: name,
        file: relative(process.cwd(), file),
        source: lookup(line, column),
        line: line + 1,
        text: code.slice(start, (match.index ?? 0) + match[0].length + 30).replace(/\s+/g, ' '),
      });
    }
  }
  return findings;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.isFile() && entry.name.endsWith('.js') ? [path] : [];
  });
}

/** Splits findings into allowed (counted per allowance) and not allowed. */
function judge(findings: Finding[]): { refused: Finding[]; counts: number[] } {
  const counts = ALLOWED.map(() => 0);
  const refused: Finding[] = [];
  for (const finding of findings) {
    const index = ALLOWED.findIndex((a) => a.sink === finding.sink && finding.source.endsWith(a.source));
    if (index >= 0) counts[index] += 1;
    else refused.push(finding);
  }
  return { refused, counts };
}

const describeFinding = (f: Finding): string => `${f.sink} in ${f.file}:${f.line} (from ${f.source}): …${f.text}…`;

describe('dist/ under a strict CSP and Trusted Types', () => {
  const bundleDir = DIST;
  const npmDir = join(DIST, 'npm');

  it('has been built (npm run build)', () => {
    assert.ok(existsSync(join(bundleDir, 'saved-cards.js')), 'dist/saved-cards.js is missing: run `npm run build`');
    assert.ok(existsSync(join(npmDir, 'index.js')), 'dist/npm/index.js is missing: run `npm run build`');
  });

  it('the drop-in bundle (entry and every chunk it loads) has no string-to-code or string-to-markup sink but the allowed ones', () => {
    const files = Object.keys(bundleIntegrity(bundleDir).files).map((name) => join(bundleDir, name));
    assert.ok(files.length >= 1);
    const { refused, counts } = judge(files.flatMap(scan));
    assert.deepEqual(refused.map(describeFinding), []);
    ALLOWED.forEach((allowance, i) => {
      assert.equal(counts[i], allowance.count, `${allowance.sink} in ${allowance.source}: expected ${allowance.count}, found ${counts[i]}`);
    });
  });

  it('the npm build (our modules only; lit and Stripe are the host’s dependencies) has none at all', () => {
    const files = jsFiles(npmDir);
    assert.ok(files.length > 20, `${files.length} modules in dist/npm`);
    assert.deepEqual(files.flatMap(scan).map(describeFinding), []);
  });

  it('sees a sink when there is one: the scanner is not blind', () => {
    const samples = [
      'eval("x")',
      'new Function("return 1")',
      'el.innerHTML = s',
      'x.outerHTML += s',
      'html`<div style="color:red">`',
      'html`<img src=x onerror="alert(1)">`',
      'html`<a href="javascript:alert(1)">`',
      'setTimeout("alert(1)", 1)',
      'unsafeHTML(s)',
      'document.createElement("script")',
      'document.createElement(`script`)',
      'el.setAttribute("onclick", s)',
      'el.setAttribute(`style`, s)',
      'setInterval(`alert(1)`, 1)',
      'Function(`return 1`)',
    ];
    for (const sample of samples) {
      const hits = SINKS.filter(({ pattern }) => [...` ${sample}`.matchAll(pattern)].length > 0);
      assert.ok(hits.length > 0, sample);
    }
    // and not on what lit templates legitimately hold
    for (const fine of [
      'html`<button @click=${f}>`',
      'html`<text font-style=${s}>`',
      'el.style.setProperty("--x", v)',
      'x.onload = f',
      'document.createElement(`template`)',
      'el.setAttribute(`nonce`, n)',
    ]) {
      assert.deepEqual(SINKS.filter(({ pattern }) => [...` ${fine}`.matchAll(pattern)].length > 0).map((s) => s.name), [], fine);
    }
  });
});

describe('Subresource Integrity of the drop-in bundle', () => {
  it('dist/saved-cards.js.sri and dist/saved-cards.sri.json match the built files (node scripts/sri.mjs, run by npm run build)', () => {
    const integrity = bundleIntegrity();
    const sriFile = join(DIST, 'saved-cards.js.sri');
    const jsonFile = join(DIST, 'saved-cards.sri.json');
    assert.ok(existsSync(sriFile) && existsSync(jsonFile), 'integrity files missing: `npm run build` must run `node scripts/sri.mjs`');
    assert.equal(readFileSync(sriFile, 'utf8').trim(), integrity.entry, 'dist/saved-cards.js.sri is stale');
    assert.deepEqual(JSON.parse(readFileSync(jsonFile, 'utf8')), sriManifest(integrity), 'dist/saved-cards.sri.json is stale');
  });

  it('hashes with SHA-384 in the integrity attribute’s format, over every chunk the entry loads', () => {
    const integrity = bundleIntegrity();
    assert.match(integrity.entry, /^sha384-[A-Za-z0-9+/]{64}$/);
    assert.equal(integrityOf('abc'), 'sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn');
    const entryCode = readFileSync(join(DIST, 'saved-cards.js'), 'utf8');
    const named = [...entryCode.matchAll(/(["'`])\.\/(saved-cards[\w.-]*\.js)\1/g)].map((m) => m[2]);
    // the entry loads the Stripe chunk with import(): a scan that found no chunk name would prove nothing
    assert.ok(named.length > 0, 'the entry names the chunks it loads');
    for (const chunk of named) assert.ok(integrity.files[chunk], `${chunk} is pinned`);
    assert.ok(Object.keys(sriManifest(integrity).importMap.integrity).every((url) => url.startsWith('/saved-cards')));
  });

  it('follows a chunk named in quotes or backquotes, statically or through import(), and nothing else', () => {
    const code =
      'import{a as b}from"./saved-cards.js";import(`./saved-cards-stripe-x1.js`);' +
      "export*from'./saved-cards-lit-y2.js';const s=\"./saved-cards-not-imported.js\";import(`./saved-cards-mixed.js');";
    assert.deepEqual([...importedChunks(code)].sort(), ['saved-cards-lit-y2.js', 'saved-cards-stripe-x1.js', 'saved-cards.js']);
  });
});
