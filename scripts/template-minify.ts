/**
 * Whitespace and comment removal for the text of Lit's `html`, `svg` and `css` template literals,
 * used by the drop-in build (scripts/vite-minify-templates.ts). The JavaScript minifier keeps a
 * template literal's text as written, indentation included; these functions take out what the
 * browser ignores and nothing it reads:
 *
 * - markup: every run of whitespace becomes one space (or goes, inside a tag before `>`), except
 *   in a quoted attribute value, where only runs that span lines are joined. Text keeps a space
 *   wherever it had whitespace, so inline content reads the same, and a template that holds a
 *   whitespace-sensitive element (`<pre>`, `<textarea>`, raw-text elements) is left alone. Lit's
 *   parts stay where they were: each binding keeps its text on either side, and an attribute
 *   binding keeps the space before its name (test/server/template-minify.test.ts compares Lit's
 *   own reading of every template in src/ before and after).
 * - style sheets: comments go, whitespace runs become one space, and the spaces next to `{`, `}`,
 *   `;`, `,`, `>` and after `:` go. Strings are kept as written; spaces around `+`, `-`, `(`
 *   and words are kept (`calc(1px + 2px)`, `and (min-width…)` need them). Sheets with `${…}` are
 *   left alone.
 *
 * Both work on a literal's raw source text, so escapes (`\``, `\\`) pass through unchanged.
 */

/** Elements whose text the browser does not collapse, or does not parse as markup. */
const WHITESPACE_SENSITIVE = /<(pre|textarea|listing|plaintext|xmp|script|style|title)\b/i;

const WS = /[ \t\n\r\f]/;

/**
 * The raw text of an `html` or `svg` template's pieces (the text between its `${…}` bindings),
 * with the whitespace the browser ignores taken out; the same number of pieces, so every binding
 * keeps its place. Unchanged when the template holds whitespace-sensitive markup.
 */
export function minifyMarkup(pieces: readonly string[]): string[] {
  if (pieces.some((piece) => WHITESPACE_SENSITIVE.test(piece) || piece.includes('<!--'))) return [...pieces];
  // where the scan is: text, inside a tag, or inside a quoted attribute value (' or ")
  let state: 'text' | 'tag' | "'" | '"' = 'text';
  return pieces.map((piece) => {
    let out = '';
    let i = 0;
    while (i < piece.length) {
      const char = piece[i];
      if (WS.test(char) && piece[i - 1] !== '\\') {
        let end = i;
        while (end < piece.length && WS.test(piece[end])) end++;
        const run = piece.slice(i, end);
        const next = piece[end];
        if (state === "'" || state === '"') {
          // a value's own spacing is kept; only a value written across lines is joined
          out += /[\n\r]/.test(run) ? ' ' : run;
        } else if (state === 'tag' && next === '>') {
          // nothing: `<div\n  >` is `<div>` (but `<input .value=${v} />` keeps its space: the slash
          // would otherwise end an unquoted value)
        } else {
          out += ' ';
        }
        i = end;
        continue;
      }
      if (state === 'text' && char === '<' && /[a-zA-Z/]/.test(piece[i + 1] ?? '')) state = 'tag';
      else if (state === 'tag' && char === '>') state = 'text';
      else if (state === 'tag' && (char === '"' || char === "'")) state = char;
      else if (state === char) state = 'tag';
      out += char;
      i++;
    }
    return out;
  });
}

/** A style sheet's text with its comments and the whitespace CSS ignores taken out. */
export function minifyStyles(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' || char === "'") {
      // a string, escapes and all, as written
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      // a comment between two words still separates them
      if (/[\w)-]$/.test(out) && /^[\w(-]/.test(text.slice(i))) out += ' ';
    } else if (WS.test(char)) {
      let end = i;
      while (end < text.length && WS.test(text[end])) end++;
      // one space, also where a comment stood between two runs
      if (!out.endsWith(' ')) out += ' ';
      i = end;
    } else {
      out += char;
      i++;
    }
  }
  // the collapsed text has single spaces only; strings were copied verbatim, so skip over them
  return out
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}
