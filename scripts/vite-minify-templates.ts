/**
 * A Vite plugin for the drop-in build: minifies the text of the `html`, `svg` and `css` tagged
 * templates in the project's own modules (scripts/template-minify.ts says what it removes and
 * keeps), with a source map so positions in dist/ still lead back to src/. About 20 kB of the
 * bundle was indentation and comments inside templates, which the JavaScript minifier keeps.
 */
import { parseSync, Visitor } from 'vite';
import type { Plugin } from 'vite';
import { minifyMarkup, minifyStyles } from './template-minify.js';

/** One replacement in the source: `[start, end)` becomes `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edits that minify every `html`, `svg` and `css` template in a module's code. */
export function templateEdits(code: string, fileName: string): Edit[] {
  const { program, errors } = parseSync(fileName, code);
  if (errors.length > 0) throw new Error(`${fileName}: ${errors[0].message}`);
  const edits: Edit[] = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type !== 'Identifier' || !['html', 'svg', 'css'].includes(node.tag.name)) return;
      const quasis = node.quasi.quasis;
      const raws = quasis.map((q) => q.value.raw);
      let minified: string[];
      if (node.tag.name === 'css') {
        if (raws.length !== 1) return;
        minified = [minifyStyles(raws[0])];
      } else {
        minified = minifyMarkup(raws);
      }
      quasis.forEach((quasi, index) => {
        // a quasi's range includes its delimiters (` or }, and ${ or `); its raw text follows the first
        const start = quasi.start + 1;
        const end = start + raws[index].length;
        if (code.slice(start, end) !== raws[index]) throw new Error(`${fileName}: template text not found at ${start}`);
        if (minified[index] !== raws[index]) edits.push({ start, end, text: minified[index] });
      });
    },
  }).visit(program);
  return edits.sort((a, b) => a.start - b.start);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/** A source map (v3) for a single-source rewrite. */
export interface EditMap {
  version: 3;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/**
 * Applies `edits` (sorted, not overlapping) and maps the result back to `code`: every token of the
 * unchanged text keeps its own segment, so a position anywhere outside a template maps exactly,
 * and an edited stretch maps to where it started.
 */
export function applyEdits(code: string, edits: readonly Edit[], fileName: string): { code: string; map: EditMap } {
  let out = '';
  const lines: string[] = [];
  let line = '';
  // positions in UTF-16 code units, as source maps count them
  let genColumn = 0;
  let origLine = 0;
  let origColumn = 0;
  let last = { genColumn: 0, origLine: 0, origColumn: 0 };
  const segment = (): void => {
    line += `${line ? ',' : ''}${vlq(genColumn - last.genColumn)}A${vlq(origLine - last.origLine)}${vlq(origColumn - last.origColumn)}`;
    last = { genColumn, origLine, origColumn };
  };
  const put = (char: string): void => {
    if (genColumn === 0 && line === '') segment();
    out += char;
    if (char === '\n') {
      lines.push(line);
      line = '';
      genColumn = 0;
      last = { ...last, genColumn: 0 };
    } else {
      genColumn++;
    }
  };
  const move = (char: string): void => {
    if (char === '\n') {
      origLine++;
      origColumn = 0;
    } else {
      origColumn++;
    }
  };
  let at = 0;
  const copyTo = (end: number): void => {
    for (; at < end; at++) {
      const char = code[at];
      // a segment wherever a token may start, so unchanged code maps exactly
      if (!(/\w/.test(char) && /\w/.test(code[at - 1] ?? '')) && !(genColumn === 0 && line === '')) segment();
      put(char);
      move(char);
    }
  };
  for (const edit of edits) {
    copyTo(edit.start);
    segment();
    for (const char of edit.text) put(char);
    for (; at < edit.end; at++) move(code[at]);
  }
  copyTo(code.length);
  lines.push(line);
  return { code: out, map: { version: 3, sources: [fileName], sourcesContent: [code], names: [], mappings: lines.join(';') } };
}

/** Minifies the templates of the project's modules (`src/**`); dependencies are left as they ship. */
export function minifyTemplates(): Plugin {
  return {
    name: 'saved-cards:minify-templates',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]src[\\/].*\.ts$/, code: /\b(html|svg|css)`/ },
      handler(code, id) {
        const edits = templateEdits(code, id);
        if (edits.length === 0) return null;
        return applyEdits(code, edits, id);
      },
    },
  };
}
