import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decimalDigitValue, isDigitSeparator, normalizeDigits } from '../../src/core/digits.js';
import { anyText, withLong, RUNS } from './arbitraries.js';

describe('core/digits', () => {
  describe('normalizeDigits', () => {
    const cases: [string, string, string, boolean][] = [
      ['plain digits', '4242424242424242', '4242424242424242', false],
      ['spaces and dashes', '4242 4242-4242 4242', '4242424242424242', false],
      ['NBSP, NNBSP, thin and ideographic spaces', '4242\u00a04242\u202f4242\u2009\u30004242', '4242424242424242', false],
      ['dots, slashes, underscores', '12.34/56_78\\90', '1234567890', false],
      ['zero-width and bidi marks from a paste', '\u200e4242\u200b4242\ufeff', '42424242', false],
      ['line breaks and tabs', '4242\n4242\t4242\r\n', '424242424242', false],
      ['unicode dashes and minus', '42\u201042\u201342\u201442\u22124', '424242424', false],
      ['full-width digits and separators', '４２４２－４２４２．４２', '4242424242', false],
      ['Arabic-Indic digits', '٤٢٤٢ ٠١٢٣٤٥٦٧٨٩', '42420123456789', false],
      ['Extended Arabic-Indic (Persian) digits', '۴۲۴۲۰۱۲۳۴۵۶۷۸۹', '42420123456789', false],
      ['Devanagari digits', '४२४२', '4242', false],
      ['Bengali and Thai digits', '৪২ ๔๒', '4242', false],
      ['mathematical bold digits (astral)', '\u{1D7CE}\u{1D7CF}\u{1D7D7}', '019', false],
      ['letters', '4242abc', '4242', true],
      ['emoji', '4242 💳', '4242', true],
      ['keycap emoji', '4\ufe0f\u20e3', '4', true],
      ['superscript digits are not decimal digits', '²', '', true],
      ['plus sign', '+4242', '4242', true],
      ['empty', '', '', false],
      ['separators only', ' - / ', '', false],
      ['lone surrogate', '42\ud83d42', '4242', true],
    ];
    for (const [title, input, digits, rejected] of cases) {
      it(title, () => {
        expect(normalizeDigits(input)).to.deep.equal({ digits, rejected });
      });
    }

    it('never throws, returns one ASCII digit per decimal digit, ASCII digits kept in order', () => {
      fc.assert(
        fc.property(withLong(anyText), (s) => {
          const { digits } = normalizeDigits(s);
          const decimalDigits = [...s].filter((c) => /^\p{Nd}$/u.test(c)).length;
          return /^[0-9]*$/.test(digits) && digits.length === decimalDigits && isSubsequence(s.replace(/[^0-9]/g, ''), digits);
        }),
        { numRuns: RUNS },
      );
    });

    it('flags exactly the inputs holding something other than digits and separators', () => {
      fc.assert(
        fc.property(anyText, (s) => {
          const other = [...s].some((c) => !/^\p{Nd}$/u.test(c) && !isDigitSeparator(c));
          return normalizeDigits(s).rejected === other;
        }),
        { numRuns: RUNS },
      );
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(anyText, (s) => {
          const once = normalizeDigits(s).digits;
          return normalizeDigits(once).digits === once && !normalizeDigits(once).rejected;
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('decimalDigitValue', () => {
    it('maps each of the ten digits of several scripts to its value', () => {
      for (const zero of [0x30, 0x660, 0x6f0, 0x966, 0xe50, 0xff10, 0x1d7ce, 0x1d7d8]) {
        for (let v = 0; v <= 9; v++) expect(decimalDigitValue(zero + v)).to.equal(v);
      }
    });
    it('answers -1 for non-digits', () => {
      for (const cp of [0x2f, 0x3a, 0x41, 0xb2, 0x2160 /* Ⅰ */, 0x1f4b3]) expect(decimalDigitValue(cp)).to.equal(-1);
    });
    it('agrees with \\p{Nd} on every code point it is asked about', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0x10ffff }), (cp) => {
          const isDigit = /^\p{Nd}$/u.test(String.fromCodePoint(cp));
          const value = decimalDigitValue(cp);
          return isDigit ? value >= 0 && value <= 9 : value === -1;
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('isDigitSeparator', () => {
    it('a separator is dropped silently by normalizeDigits; nothing else is', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (c) => {
          const { digits, rejected } = normalizeDigits(c);
          return isDigitSeparator(c) ? digits === '' && !rejected : digits !== '' || rejected;
        }),
        { numRuns: RUNS },
      );
    });

    it('accepts separators and refuses digits and letters', () => {
      for (const c of [' ', '-', '.', '/', '_', '\u00a0', '\u2009', '\u202f', '\u200b']) expect(isDigitSeparator(c), c).to.equal(true);
      for (const c of ['4', 'a', '+', '#', '*', '💳']) expect(isDigitSeparator(c), c).to.equal(false);
    });
  });
});

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const c of haystack) if (c === needle[i]) i++;
  return i === needle.length;
}
