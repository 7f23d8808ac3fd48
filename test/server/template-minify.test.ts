/**
 * The drop-in build's template minifier (scripts/template-minify.ts, scripts/vite-minify-templates.ts).
 * What it may not do: move or lose a Lit part, change text the browser shows, touch
 * whitespace-sensitive markup or CSS strings, or break the source map. The style sheets are also
 * compared rule by rule in real browsers (test/styles/minify.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { parseSync, Visitor } from 'vite';
import { decodeMappings } from './source-map.js';
import { minifyMarkup, minifyStyles } from '../../scripts/template-minify.js';
import { applyEdits, templateEdits } from '../../scripts/vite-minify-templates.js';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `html` / `svg` template of a module, as its raw pieces. */
function markupTemplates(code: string, fileName: string): string[][] {
  const found: string[][] = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'svg')) {
        found.push(node.quasi.quasis.map((q) => q.value.raw));
      }
    },
  }).visit(parseSync(fileName, code).program);
  return found;
}

type GetTemplateHtml = (strings: TemplateStringsArray, type: number) => [unknown, string[]];

describe('template minifier: markup', () => {
  // lit-html's own reading of a template: the HTML it parses and the attribute of each binding
  let getTemplateHtml: GetTemplateHtml;
  before(async () => {
    const lit = (await import(pathToFileURL(resolve(root, 'node_modules/lit-html/node/development/lit-html.js')).href)) as {
      _$LH: { _getTemplateHtml: GetTemplateHtml };
    };
    getTemplateHtml = lit._$LH._getTemplateHtml;
  });
  const read = (pieces: readonly string[], type: number): { html: string; attributes: string[] } => {
    const strings = Object.assign([...pieces], { raw: [...pieces] }) as unknown as TemplateStringsArray;
    const [html, attributes] = getTemplateHtml(strings, type);
    return { html: String(html), attributes };
  };

  it('takes out indentation and keeps one space between words, attributes and bindings', () => {
    assert.deepEqual(
      minifyMarkup(['\n  <div\n    part="row"\n    class=', '\n    @click=', '\n  >\n    <span>', '</span>\n    ', '\n  </div>\n']),
      [' <div part="row" class=', ' @click=', '> <span>', '</span> ', ' </div> '],
    );
    assert.deepEqual(minifyMarkup(['<b>Visa</b>\n  ending in ', '']), ['<b>Visa</b> ending in ', '']);
    assert.deepEqual(minifyMarkup(['<input .value=', '\n>']), ['<input .value=', '>']);
    // before a self-closing end the space stays: `.value=${v}/>` would read the slash as part of the value
    assert.deepEqual(minifyMarkup(['<input .value=', '\n  />']), ['<input .value=', ' />']);
  });

  it('keeps a quoted value’s own spacing and joins only a value written across lines', () => {
    assert.deepEqual(minifyMarkup(['<p title="a  b" class="x\n    y ', '">']), ['<p title="a  b" class="x y ', '">']);
    // a > inside a quoted value does not end the tag
    assert.deepEqual(minifyMarkup(['<p title="1 > 0"\n  >x</p>']), ['<p title="1 > 0">x</p>']);
  });

  it('leaves whitespace-sensitive markup, comments and escaped whitespace alone', () => {
    for (const pieces of [['<pre>\n  a\n</pre>'], ['<textarea>\n', '</textarea>'], ['<style>\n a {}</style>'], ['<!-- a -->\n  <p>']]) {
      assert.deepEqual(minifyMarkup(pieces), pieces);
    }
    assert.deepEqual(minifyMarkup(['a\\\n  b']), ['a\\\n b']);
  });

  it('every html and svg template in src/ reads the same to lit-html after minifying: the same parts on the same attributes, the same markup', () => {
    let templates = 0;
    for (const file of sources(resolve(root, 'src'))) {
      const code = readFileSync(file, 'utf8');
      for (const pieces of markupTemplates(code, file)) {
        templates++;
        const minified = minifyMarkup(pieces);
        assert.equal(minified.length, pieces.length);
        for (const type of [1, 2]) {
          const before = read(pieces, type);
          const after = read(minified, type);
          const where = `${relative(root, file)}: ${pieces.join('${…}').slice(0, 80)}`;
          assert.deepEqual(after.attributes, before.attributes, where);
          // what the browser parses: the same once whitespace runs are one space and none stands before a tag's end
          const normal = (html: string): string => html.replace(/\s+/g, ' ').replace(/ >/g, '>');
          assert.equal(after.html, normal(before.html), where);
        }
      }
    }
    assert.ok(templates > 50, `${templates} templates`);
  });
});

describe('template minifier: style sheets', () => {
  it('takes out comments and the whitespace CSS ignores', () => {
    assert.equal(
      minifyStyles('\n  :host {\n    display: block; /* why */\n    color: red;\n  }\n  a > b,\n  c {\n    margin: 0 auto !important;\n  }\n'),
      ':host{display:block;color:red}a>b,c{margin:0 auto !important}',
    );
  });

  it('keeps the spaces CSS reads: descendants, calc, media conditions, strings', () => {
    assert.equal(minifyStyles('.a .b :focus-visible { x: 1 }'), '.a .b :focus-visible{x:1}');
    assert.equal(minifyStyles('a { width: calc(100% - (2 * var(--x, 1px))); }'), 'a{width:calc(100% - (2 * var(--x,1px)))}');
    assert.equal(minifyStyles('@media screen and (min-width: 40rem) { a { b: c } }'), '@media screen and (min-width:40rem){a{b:c}}');
    assert.equal(minifyStyles("a::before { content: ' ;  { } /* not a comment */ '; }"), "a::before{content:' ;  { } /* not a comment */ '}");
    assert.equal(minifyStyles('a { font: 1em/* x */serif; }'), 'a{font:1em serif}');
  });
});

describe('template minifier: the Vite transform', () => {
  const files = sources(resolve(root, 'src'))
    .map((file) => ({ file, code: readFileSync(file, 'utf8') }))
    .map(({ file, code }) => ({ file, code, edits: templateEdits(code, file) }))
    .filter(({ edits }) => edits.length > 0);

  it('rewrites only template text, so the code around it is the same', () => {
    assert.ok(files.length > 10, `${files.length} modules with templates`);
    for (const { file, code, edits } of files) {
      const { code: out } = applyEdits(code, edits, file);
      assert.ok(out.length < code.length, relative(root, file));
      const outside = (text: string, cuts: { start: number; end: number }[]): string =>
        cuts.reduceRight((rest, cut) => rest.slice(0, cut.start) + rest.slice(cut.end), text);
      assert.equal(outside(out, templatesIn(out, file)), outside(code, templatesIn(code, file)), relative(root, file));
    }
  });

  it('maps every token outside the templates back to where it was written', () => {
    let checked = 0;
    for (const { file, code, edits } of files) {
      const { code: out, map } = applyEdits(code, edits, file);
      assert.deepEqual(map.sources, [file]);
      const lookup = decode(map.mappings);
      const codeLines = code.split('\n');
      out.split('\n').forEach((line, lineIndex) => {
        for (const match of line.matchAll(/\b(this|return|const)\b[.\w]*/g)) {
          const [origLine, origColumn] = lookup(lineIndex, match.index);
          const where = `${relative(root, file)}:${lineIndex + 1}:${match.index}`;
          assert.equal(codeLines[origLine].slice(origColumn, origColumn + match[0].length), match[0], where);
          checked++;
        }
      });
    }
    assert.ok(checked > 500, `${checked} tokens checked`);
  });
});

/** Every template literal's text range in `code`. */
function templatesIn(code: string, fileName: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  new Visitor({
    TemplateElement(node) {
      ranges.push({ start: node.start + 1, end: node.start + 1 + node.value.raw.length });
    },
  }).visit(parseSync(fileName, code).program);
  return ranges.sort((a, b) => a.start - b.start);
}

/** A source map's mappings as a lookup: generated (line, column) to the original's, 0-based. */
function decode(mappings: string): (line: number, column: number) => [number, number] {
  const lines = decodeMappings(mappings);
  return (line, column) => {
    const found = lines[line].filter((s) => s.column <= column).at(-1);
    assert.ok(found?.line !== undefined && found.originalColumn !== undefined, `no mapping at ${line}:${column}`);
    // within a token the columns run on from the segment's start
    return [found.line, found.originalColumn + (column - found.column)];
  };
}
