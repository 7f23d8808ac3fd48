/// <reference types="vite/client" />
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyStyles } from '../../scripts/template-minify.js';

/**
 * The drop-in build minifies every style sheet's text (scripts/template-minify.ts). The browser must
 * read the minified sheet exactly as it reads the written one: the same rules, selectors,
 * conditions and declarations, none dropped as invalid.
 */
const modules = import.meta.glob<Record<string, unknown>>(['../../src/**/*.styles.ts', '../../src/add-card-form/stripe-fields.ts'], {
  eager: true,
});

const sheets = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, CSSResult] => (entry[1] as CSSResult | undefined)?._$cssResult$ === true)
    .map(([name, result]) => ({ name: `${file.replace(/^(\.\.\/)+/, '')} ${name}`, text: result.cssText })),
);

/** Every rule as the browser serialises it, with nested rules flattened, in order. */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const out: string[] = [];
  const walk = (list: CSSRuleList, prefix: string): void => {
    for (const rule of list) {
      if ('cssRules' in rule && !(rule instanceof CSSStyleRule)) {
        const head = (rule as CSSGroupingRule).cssText.slice(0, (rule as CSSGroupingRule).cssText.indexOf('{')).trim();
        walk((rule as CSSGroupingRule).cssRules, `${prefix}${head} > `);
      } else {
        // a custom property keeps its value as written; whitespace next to punctuation in it means nothing
        out.push(prefix + rule.cssText.replace(/\s*([,:;{}])\s*/g, '$1'));
      }
    }
  };
  walk(sheet.cssRules, '');
  return out;
}

describe('minified style sheets', () => {
  it('finds the elements’ style sheets', () => {
    expect(sheets.length).to.be.greaterThan(4);
  });

  for (const { name, text } of sheets) {
    it(`${name} reads the same minified`, () => {
      const minified = minifyStyles(text);
      expect(minified.length).to.be.lessThan(text.length);
      const written = rules(text);
      expect(written.length).to.be.greaterThan(0);
      expect(rules(minified)).to.deep.equal(written);
    });
  }
});
