import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { brandInfo, detectBrand } from '../../src/core/brands.js';
import { normalizeDigits } from '../../src/core/digits.js';
import { caretAfterDigits, formatCardNumber, formatExpiryInput, reformatCardNumber } from '../../src/core/format.js';
import { anyText, digitString, withLong, RUNS } from './arbitraries.js';
import { SAMPLE_NUMBERS } from './samples.js';

const digitsOf = (s: string): string => normalizeDigits(s).digits;
const cap = (digits: string): string => digits.slice(0, detectBrand(digits)?.maxLength ?? 19);

/** Raw values a customer can produce: digits with separators, pastes with Unicode digits, junk. */
const rawNumber = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789 -'), maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 ٤４\u00a0.a'), maxLength: 30 }),
  fc.constantFrom(...SAMPLE_NUMBERS.map(([, n]) => n)),
  anyText,
);

describe('core/format', () => {
  describe('formatCardNumber', () => {
    const cases: [string, string, string][] = [
      ['Visa 4-4-4-4', '4242424242424242', '4242 4242 4242 4242'],
      ['Amex 4-6-5', '378282246310005', '3782 822463 10005'],
      ['Diners 4-6-4', '36227206271667', '3622 720627 1667'],
      ['19-digit UnionPay 4-4-4-4-3', '6205500000000000004', '6205 5000 0000 0000 004'],
      ['19-digit Maestro 4-4-4-4-3', '6799990100000000019', '6799 9901 0000 0000 019'],
      ['partial Visa', '424242', '4242 42'],
      ['exactly one group: no trailing space', '4242', '4242'],
      ['unknown brand groups by four', '0000000000', '0000 0000 00'],
      ['Amex capped at 15', '3782822463100051234', '3782 822463 10005'],
      ['Mastercard capped at 16', '55555555555544441', '5555 5555 5555 4444'],
      ['unknown brand capped at 19', '0'.repeat(25), '0000 0000 0000 0000 000'],
      ['separators and Unicode digits in the input', '４２４２-4242 ٤٢٤٢', '4242 4242 4242'],
      ['empty', '', ''],
    ];
    for (const [title, digits, formatted] of cases) {
      it(`${title}: ${digits} → "${formatted}"`, () => {
        expect(formatCardNumber(digits)).to.equal(formatted);
      });
    }

    it('uses the brand it is given, and null as unknown', () => {
      expect(formatCardNumber('378282246310005', null)).to.equal('3782 8224 6310 005');
      expect(formatCardNumber('4242424242424242', brandInfo('american-express'))).to.equal('4242 424242 42424');
    });

    it('keeps the (capped) digits, in order', () => {
      fc.assert(fc.property(rawNumber, (raw) => digitsOf(formatCardNumber(raw)) === cap(digitsOf(raw))), { numRuns: RUNS });
    });

    it('is idempotent', () => {
      fc.assert(fc.property(rawNumber, (raw) => {
        const once = formatCardNumber(raw);
        return formatCardNumber(once) === once;
      }), { numRuns: RUNS });
    });

    it('only ever produces digit groups separated by single spaces', () => {
      fc.assert(fc.property(withLong(rawNumber), (raw) => /^(?:\d+(?: \d+)*)?$/.test(formatCardNumber(raw))), { numRuns: RUNS });
    });
  });

  describe('caretAfterDigits', () => {
    const cases: [string, number, number][] = [
      ['4242 4242', 0, 0],
      ['4242 4242', 3, 3],
      ['4242 4242', 4, 5], // before the next digit, not before the space
      ['4242 4242', 5, 6],
      ['4242 4242', 8, 9],
      ['4242 4242', 99, 9],
      ['4242 4242', -1, 0],
      ['12 / ', 2, 5],
      ['', 3, 0],
    ];
    for (const [formatted, count, caret] of cases) {
      it(`"${formatted}" after ${count} digits → ${caret}`, () => {
        expect(caretAfterDigits(formatted, count)).to.equal(caret);
      });
    }

    it('lands after exactly `count` digits and never throws', () => {
      fc.assert(fc.property(withLong(rawNumber), fc.integer({ min: -5, max: 40 }), (text, count) => {
        const caret = caretAfterDigits(text, count);
        const total = digitsOf(text).length;
        return caret >= 0 && caret <= text.length && digitsOf(text.slice(0, caret)).length === Math.max(0, Math.min(count, total));
      }), { numRuns: RUNS });
    });
  });

  describe('reformatCardNumber', () => {
    const cases: [string, string, number, string, number][] = [
      ['typing the fifth digit', '42424', 5, '4242 4', 6],
      ['typing in the middle', '4242 1424 2', 6, '4242 1424 2', 6],
      ['inserting before a space', '42429 4242', 5, '4242 9424 2', 6],
      ['deleting a digit in the middle', '4242 242 4242', 5, '4242 2424 242', 5],
      ['pasting a spaced number at the start', '4242-4242-4242-4242', 19, '4242 4242 4242 4242', 19],
      ['pasting Unicode digits', '٤٢٤٢٤٢٤٢', 8, '4242 4242', 9],
      ['pasting into the middle', '42405 5566 5566 555642 4242', 22, '4240 5556 6556 6555 642', 23],
      ['a caret past the end is clamped', '4242', 99, '4242', 4],
      ['a negative caret is clamped', '4242', -3, '4242', 0],
      ['Amex regroups as the brand appears', '37828224', 8, '3782 8224', 9],
      ['Amex 4-6-5', '378282246310005', 15, '3782 822463 10005', 17],
    ];
    for (const [title, raw, caret, formatted, newCaret] of cases) {
      it(`${title}: "${raw}" @${caret} → "${formatted}" @${newCaret}`, () => {
        const result = reformatCardNumber(raw, caret);
        expect([result.formatted, result.caret]).to.deep.equal([formatted, newCaret]);
      });
    }

    it('reports digits, brand and dropped characters', () => {
      const result = reformatCardNumber('3782 8224 6310 005x', 0);
      expect(result.digits).to.equal('378282246310005');
      expect(result.brand?.brand).to.equal('american-express');
      expect(result.rejected).to.equal(true);
    });

    it('backspace over a separator deletes the digit before it', () => {
      // "4242 4242|" … the customer puts the caret after the space and presses backspace
      const result = reformatCardNumber('42424242', 4, { inputType: 'deleteContentBackward', previous: '4242 4242' });
      expect([result.formatted, result.caret]).to.deep.equal(['4244 242', 3]);
    });

    it('delete over a separator deletes the digit after it', () => {
      const result = reformatCardNumber('42421234', 4, { inputType: 'deleteContentForward', previous: '4242 1234' });
      expect([result.formatted, result.caret]).to.deep.equal(['4242 234', 5]);
    });

    it('a deletion that removed digits is left alone', () => {
      const result = reformatCardNumber('4242 242', 5, { inputType: 'deleteContentBackward', previous: '4242 4242' });
      expect([result.formatted, result.caret]).to.deep.equal(['4242 242', 5]);
    });

    it('the caret lands after the same digit after an insert, delete or paste anywhere', () => {
      const edit = fc.record({
        value: rawNumber.map((r) => formatCardNumber(r)),
        start: fc.nat(),
        length: fc.nat({ max: 6 }),
        inserted: fc.oneof(fc.constant(''), digitString({ minLength: 1, maxLength: 3 }), rawNumber),
      });
      fc.assert(
        fc.property(edit, ({ value, start, length, inserted }) => {
          const from = start % (value.length + 1);
          const to = Math.min(value.length, from + length);
          const raw = value.slice(0, from) + inserted + value.slice(to);
          const caret = from + inserted.length;
          const result = reformatCardNumber(raw, caret);
          const before = digitsOf(raw.slice(0, caret)).length;
          return (
            result.formatted === formatCardNumber(raw) &&
            result.digits === cap(digitsOf(raw)) &&
            digitsOf(result.formatted.slice(0, result.caret)).length === Math.min(before, result.digits.length)
          );
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws on any input, caret or edit', () => {
      fc.assert(
        fc.property(withLong(anyText), fc.oneof(fc.integer(), fc.constant(Number.NaN)), fc.constantFrom(undefined, 'deleteContentBackward', 'deleteContentForward', 'insertText'), anyText, (raw, caret, inputType, previous) => {
          const result = reformatCardNumber(raw, caret, { inputType, previous });
          return result.caret >= 0 && result.caret <= result.formatted.length;
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('formatExpiryInput', () => {
    const cases: [string, string, number, string, number][] = [
      ['"1" may become 10–12', '1', 1, '1', 1],
      ['"0" waits', '0', 1, '0', 1],
      ['"2" is February', '2', 1, '02 / ', 5],
      ['"9" is September', '9', 1, '09 / ', 5],
      ['"12" completes the month', '12', 2, '12 / ', 5],
      ['"13" is kept for the validator to refuse', '13', 2, '13 / ', 5],
      ['typing the year', '12 / 2', 6, '12 / 2', 6],
      ['"1226" pasted', '1226', 4, '12 / 26', 7],
      ['"1/26"', '1/26', 4, '01 / 26', 7],
      ['"1 / 26"', '1 / 26', 6, '01 / 26', 7],
      ['a four-digit year is kept', '12/2026', 7, '12 / 2026', 9],
      ['a fifth year digit is dropped', '12 / 20261', 10, '12 / 2026', 9],
      ['letters are dropped', 'a1b2', 4, '12 / ', 5],
      ['backspace on "12 / " gives "12"', '12 /', 4, '12', 2],
      ['backspace on "12" gives "1"', '1', 1, '1', 1],
      ['backspace on "12 / 2" gives "12 / "', '12 / ', 5, '12 / ', 5],
      ['Unicode digits', '١٢/٢٦', 5, '12 / 26', 7],
      ['caret in the month', '1 / 26', 1, '01 / 26', 5],
      ['empty', '', 0, '', 0],
    ];
    for (const [title, raw, caret, value, newCaret] of cases) {
      it(`${title}: "${raw}" @${caret} → "${value}" @${newCaret}`, () => {
        expect(formatExpiryInput(raw, caret)).to.deep.equal({ value, caret: newCaret });
      });
    }

    it('never puts the separator back on a deletion', () => {
      expect(formatExpiryInput('12 ', 3, { inputType: 'deleteContentBackward', previous: '12 / ' })).to.deep.equal({ value: '12', caret: 2 });
    });

    it('backspace over the separator moves the caret before it', () => {
      expect(formatExpiryInput('12 /26', 4, { inputType: 'deleteContentBackward', previous: '12 / 26' })).to.deep.equal({ value: '12 / 26', caret: 2 });
    });

    const expiryRaw = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789 /'), maxLength: 12 }),
      anyText,
    );

    it('only produces M, MM, "MM / " or "MM / Y…" (up to four year digits), and never throws', () => {
      fc.assert(
        fc.property(withLong(expiryRaw), fc.integer({ min: -2, max: 5000 }), (raw, caret) => {
          const { value, caret: at } = formatExpiryInput(raw, caret);
          return /^(?:\d{0,2}|\d\d \/ \d{0,4})$/.test(value) && at >= 0 && at <= value.length;
        }),
        { numRuns: RUNS },
      );
    });

    it('is idempotent (except the bare "MM" a deletion leaves, which typing turns back into "MM / ")', () => {
      fc.assert(
        fc.property(expiryRaw, (raw) => {
          const { value } = formatExpiryInput(raw, raw.length);
          const again = formatExpiryInput(value, value.length).value;
          return /^\d\d$/.test(value) ? again === `${value} / ` : again === value;
        }),
        { numRuns: RUNS },
      );
    });

    it('typed digit by digit, any date ends up as "MM / YY"', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), (month, year) => {
          let value = '';
          for (const d of `${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}`) {
            value = formatExpiryInput(value + d, value.length + 1).value;
          }
          return value === `${String(month).padStart(2, '0')} / ${String(year).padStart(2, '0')}`;
        }),
        { numRuns: RUNS },
      );
    });
  });
});
