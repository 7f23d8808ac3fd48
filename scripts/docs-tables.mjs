// Writes the reference tables in docs/ from their sources, so the docs cannot drift from the code:
// - docs/theming.md: each element's parts, custom properties (with defaults) and slots, from
//   custom-elements.json (itself generated from the elements' JSDoc by `npm run analyze`);
// - docs/localization.md: every message key with its English text, placeholders and note, from
//   src/i18n/en/*.ts (read with the TypeScript compiler, so the JSDoc notes come along).
//
// Each table sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers; the
// prose around them is hand-written and left alone.
//
//   node scripts/docs-tables.mjs          rewrite the tables
//   node scripts/docs-tables.mjs --check  exit 1 when a table is out of date (for CI)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const TAGS = ['card-list', 'add-card-form', 'cvv-flip'];

/** Escapes a value for a Markdown table cell. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Wraps text in a code span that survives backticks inside it. */
function code(text) {
  const value = String(text);
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

// --- theming: parts, custom properties, slots --------------------------------------------------

const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
const elements = new Map();
for (const module of manifest.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.customElement && TAGS.includes(declaration.tagName)) elements.set(declaration.tagName, declaration);
  }
}

function themingTables(tag) {
  const element = elements.get(tag);
  if (!element) throw new Error(`custom-elements.json has no <${tag}>: run \`npm run analyze\``);
  const parts = element.cssParts ?? [];
  const props = element.cssProperties ?? [];
  const slots = element.slots ?? [];
  const out = [
    `**Custom properties** (${props.length}): set them on the element or any ancestor; they inherit.`,
    '',
    table(
      ['property', 'default', 'what it styles'],
      props.map((p) => [code(p.name), p.default === undefined ? '' : code(p.default), p.description]),
    ),
    '',
    `**Parts** (${parts.length}): style them with \`${tag}::part(name)\`.`,
    '',
    table(
      ['part', 'what it is'],
      parts.map((p) => [code(p.name), p.description]),
    ),
  ];
  if (slots.length) {
    out.push('', `**Slots** (${slots.length}):`, '', table(['slot', 'what goes in it'], slots.map((s) => [code(s.name || '(default)'), s.description])));
  }
  return out.join('\n');
}

// --- localization: every message key ----------------------------------------------------------

/** Reads `export const <name> = { key: 'text', … }` objects from a messages file, with each key's JSDoc. */
function readMessages(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const entries = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      let init = node.initializer;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (ts.isObjectLiteralExpression(init)) {
        for (const property of init.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isStringLiteralLike(property.initializer)) continue;
          const docs = ts
            .getJSDocCommentsAndTags(property)
            .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
            .join(' ');
          entries.push({ key: property.name.getText(source), text: property.initializer.text, note: docs });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return entries;
}

const AREAS = [
  { file: 'core.ts', title: 'Validation and declines (`core`)', used: 'The card fields’ errors, postal-code labels and decline messages.' },
  { file: 'form.ts', title: '`<add-card-form>` (`form`)', used: 'Labels, options, buttons, the verification step and the outcomes.' },
  { file: 'list.ts', title: '`<card-list>` (`list`)', used: 'Rows, badges, actions, the removal dialog, notices, replacing and selectable mode.' },
  { file: 'flip.ts', title: '`<cvv-flip>` (`flip`)', used: 'The toggle and the text drawn on the card.' },
  { file: 'stripe.ts', title: 'Stripe mode (`stripe`)', used: 'Shown only with `gateway="stripe"`.' },
];

function areaFiles() {
  const index = readFileSync(resolve(root, 'src/i18n/en/index.ts'), 'utf8');
  // the areas the English messages merge, in the order index.ts spreads them
  const files = [...index.matchAll(/from '\.\/(\w+)\.js'/g)].map((m) => `${m[1]}.ts`);
  const known = AREAS.filter((a) => files.includes(a.file));
  const unknown = files.filter((f) => !AREAS.some((a) => a.file === f)).map((f) => ({ file: f, title: `\`${basename(f, '.ts')}\``, used: '' }));
  return [...known, ...unknown];
}

function localizationTables() {
  const out = [];
  let total = 0;
  for (const area of areaFiles()) {
    const entries = readMessages(resolve(root, 'src/i18n/en', area.file));
    total += entries.length;
    out.push(
      `### ${area.title}: ${entries.length} keys`,
      '',
      `${area.used ? `${area.used} ` : ''}Source: [\`src/i18n/en/${area.file}\`](../src/i18n/en/${area.file}).`,
      '',
      table(
        ['key', 'English', 'placeholders', 'note'],
        entries.map((e) => [
          code(e.key),
          e.text,
          [...new Set([...e.text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].map((p) => code(`{${p}}`)).join(' '),
          e.note,
        ]),
      ),
      '',
    );
  }
  return { markdown: out.join('\n').trimEnd(), total };
}

// --- write ----------------------------------------------------------------------------------------

/** Replaces the content between a generated block's markers. */
function fill(text, name, content, file) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

const { markdown: keysMarkdown, total } = localizationTables();
const targets = [
  {
    file: 'docs/theming.md',
    blocks: TAGS.map((tag) => [tag, themingTables(tag)]),
  },
  {
    file: 'docs/localization.md',
    blocks: [
      ['message-count', `The English messages have **${total} keys**.`],
      ['message-keys', keysMarkdown],
    ],
  },
];

let stale = 0;
for (const { file, blocks } of targets) {
  const path = resolve(root, file);
  const before = readFileSync(path, 'utf8');
  let after = before;
  for (const [name, content] of blocks) after = fill(after, name, content, file);
  if (after === before) continue;
  if (check) {
    console.error(`${file} is out of date: run \`node scripts/docs-tables.mjs\` and commit it.`);
    stale += 1;
  } else {
    writeFileSync(path, after);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('docs tables are up to date.');
