import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  containsCardNumber,
  findCardNumbers,
  luhnValid,
  redactCardNumbers,
  scanCardNumbers,
} from '../../src/core/pan-scan.js';
import { anyText, digitString, withLong, luhnNumber, referenceLuhn, RUNS } from './arbitraries.js';

describe('core/pan-scan', () => {
  describe('luhnValid', () => {
    const cases: [string, boolean][] = [
      ['4242424242424242', true],
      ['4242424242424241', false],
      ['378282246310005', true],
      ['79927398713', true],
      ['79927398710', false],
      ['0', true],
      ['', false],
      ['4242 4242 4242 4242', false], // separators are the caller's job
      ['42424242424242a2', false],
      ['４２４２４２４２４２４２４２４２', false], // full-width: normalise first
    ];
    for (const [digits, valid] of cases) {
      it(`${JSON.stringify(digits)} → ${valid}`, () => {
        expect(luhnValid(digits)).to.equal(valid);
      });
    }

    it('agrees with an independent Luhn implementation on random digit strings', () => {
      fc.assert(
        fc.property(digitString({ minLength: 1, maxLength: 25 }), (d) => luhnValid(d) === referenceLuhn(d)),
        { numRuns: RUNS },
      );
    });

    it('rejects every single-digit change of a valid number', () => {
      fc.assert(
        fc.property(luhnNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (n, at, delta) => {
          const i = at % n.length;
          const changed = n.slice(0, i) + ((Number(n[i]) + delta) % 10) + n.slice(i + 1);
          return luhnValid(n) && !luhnValid(changed);
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws on arbitrary strings', () => {
      fc.assert(fc.property(anyText, (s) => typeof luhnValid(s) === 'boolean'), { numRuns: RUNS });
    });
  });

  describe('findCardNumbers', () => {
    const found: [string, string, string[]][] = [
      ['a bare number', '4242424242424242', ['4242424242424242']],
      ['spaces', 'card 4242 4242 4242 4242 ok', ['4242424242424242']],
      ['dashes', '4111-1111-1111-1111', ['4111111111111111']],
      ['dots', '5555.5555.5555.4444', ['5555555555554444']],
      ['Amex grouping', '3782 822463 10005', ['378282246310005']],
      ['NBSP and thin spaces', '4242\u00a04242\u20094242\u202f4242', ['4242424242424242']],
      ['full-width digits', '４２４２４２４２４２４２４２４２', ['4242424242424242']],
      ['Arabic-Indic digits', '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢', ['4242424242424242']],
      ['glued to letters', 'pan:4242424242424242;', ['4242424242424242']],
      ['followed by an expiry', '4242 4242 4242 4242 12 26', ['4242424242424242']],
      ['two numbers', '4242424242424242 and 5555555555554444', ['4242424242424242', '5555555555554444']],
      ['13 digits (old Visa)', '4222222222222', ['4222222222222']],
      ['19 digits (UnionPay)', '6205500000000000004', ['6205500000000000004']],
      ['inside JSON', '{"number":"4000056655665556","cvc":"123"}', ['4000056655665556']],
      ['next to a UUID', '9732298a-bd97-4814-8882-3952ef972905 4242424242424242', ['4242424242424242']],
    ];
    for (const [title, text, expected] of found) {
      it(`finds ${title}`, () => {
        expect(findCardNumbers(text)).to.deep.equal(expected);
      });
    }

    it('finds a number after an expiry, and reports overlapping candidates rather than miss one', () => {
      // "26 4242 4242 4242" happens to pass Luhn too: a guard reports it rather than guess
      expect(findCardNumbers('exp 12 26 4242 4242 4242 4242')).to.include('4242424242424242');
      expect(redactCardNumbers('exp 12 26 4242 4242 4242 4242')).to.equal('exp 12 [card number removed]');
    });

    const notFound: [string, string][] = [
      ['a Luhn failure', '4242 4242 4242 4241'],
      ['12 digits', '424242424242'],
      ['20 digits in a row', '42424242424242424242'],
      ['a double separator inside', '4242  4242 4242 4242'],
      ['slashes between groups', '4242/4242/4242/4242'],
      ['a short number', 'order 12345'],
      ['a phone number', '+1 (415) 555-0132'],
      ['the last four only', '•••• 4242'],
      // digit segments "8882-3952" would join into a Luhn-valid run if UUIDs were searched inside
      ['a UUID', 'Idempotency-Key: 9732298a-bd97-4814-8882-3952ef972905'],
      ['an all-digit UUID', '12345678-1234-1234-1234-123456789012'],
      ['empty text', ''],
    ];
    for (const [title, text] of notFound) {
      it(`ignores ${title}`, () => {
        expect(findCardNumbers(text)).to.deep.equal([]);
        expect(containsCardNumber(text)).to.equal(false);
      });
    }

    it('finds every Luhn-valid number embedded in random text, whatever its separators', () => {
      const separator = fc.constantFrom('', ' ', '-', '.', '\u00a0');
      const notDigitAtEnd = anyText.filter((s) => !/\p{Nd}$/u.test(s));
      const notDigitAtStart = anyText.filter((s) => !/^\p{Nd}/u.test(s));
      fc.assert(
        fc.property(
          notDigitAtEnd,
          luhnNumber,
          fc.array(separator, { minLength: 19, maxLength: 19 }),
          notDigitAtStart,
          (before, number, seps, after) => {
            const formatted = [...number].map((d, i) => (i === 0 ? d : seps[i] + d)).join('');
            return findCardNumbers(before + formatted + after).includes(number);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('never throws on arbitrary or long strings, and only returns Luhn-valid 13–19 digit strings', () => {
      fc.assert(
        fc.property(withLong(anyText), (s) =>
          findCardNumbers(s).every((d) => /^[0-9]{13,19}$/.test(d) && referenceLuhn(d)),
        ),
        { numRuns: RUNS },
      );
    });
  });

  describe('containsCardNumber', () => {
    it('agrees with findCardNumbers', () => {
      fc.assert(
        fc.property(fc.oneof(anyText, luhnNumber), (s) => containsCardNumber(s) === findCardNumbers(s).length > 0),
        { numRuns: RUNS },
      );
    });

    // containsCardNumber skips the full scan when no chain of digit groups is long enough; this
    // drives that shortcut with text made of what decides it: digits of several scripts (one
    // outside the BMP), single and doubled separators of each kind, letters, UUID-like runs
    it('agrees with findCardNumbers on digit-dense text with separators of every kind', () => {
      const unit = fc.constantFrom(
        ...'0123456789'.split(''),
        '4', '2', '\u0664', '\uff14', '\u{1d7d2}', '\u09ea',
        ' ', '-', '.', '\t', '\n', '\u00a0', '\u2009', '\u200b', '\u2212', '\u2013', '\u00ad',
        'a', 'f', 'x', '/', '_', '"', ':', ',', '\u00e9',
      );
      // a Luhn-valid number written with random separators (some that join groups, some that do
      // not, sometimes doubled) and random digit scripts
      const separator = fc.constantFrom('', '', ' ', '-', '.', '\t', '\n', '\u00a0', '\u2009', '\u200b', '\u2212', '\u2013', '/', '_', '  ', '-.');
      const script = fc.constantFrom(0x30, 0x660, 0xff10, 0x9e6, 0x1d7ce);
      const written = fc
        .tuple(luhnNumber, fc.array(separator, { minLength: 19, maxLength: 19 }), fc.array(script, { minLength: 19, maxLength: 19 }))
        .map(([number, seps, zeros]) =>
          [...number].map((d, i) => (i === 0 ? '' : seps[i]) + String.fromCodePoint(zeros[i]! + Number(d))).join(''),
        );
      const piece = fc.oneof(
        { arbitrary: fc.string({ unit, maxLength: 40 }), weight: 4 },
        { arbitrary: luhnNumber, weight: 1 },
        { arbitrary: written, weight: 3 },
        { arbitrary: fc.uuid(), weight: 1 },
      );
      const agrees = (pieces: string[]): boolean => {
        const text = pieces.join('');
        return containsCardNumber(text) === findCardNumbers(text).length > 0;
      };
      fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), agrees), { numRuns: RUNS });
      // plain ASCII text takes its own shortcut
      const asciiSeparator = fc.constantFrom('', '', ' ', '-', '.', '\t', '\n', '\r', '\f', '\v', '/', '_', ':', '  ', '-.');
      const asciiWritten = fc
        .tuple(luhnNumber, fc.array(asciiSeparator, { minLength: 19, maxLength: 19 }))
        .map(([number, seps]) => [...number].map((d, i) => (i === 0 ? '' : seps[i]) + d).join(''));
      const asciiPiece = fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789 -.\t/_"a:,'), maxLength: 40 }), asciiWritten, fc.uuid());
      fc.assert(fc.property(fc.array(asciiPiece, { maxLength: 6 }), agrees), { numRuns: RUNS });
    });

    it('finds a number in a long answer whose only card number sits at the very end', () => {
      const answer = JSON.stringify({ cards: Array.from({ length: 500 }, (_, i) => ({ id: `card_${i}`, last4: '4242', expYear: 2030 })) });
      expect(containsCardNumber(answer)).to.equal(false);
      expect(containsCardNumber(`${answer} 4242 4242 4242 4242`)).to.equal(true);
      expect(containsCardNumber(`${answer} ４２４２ ４２４２ ４２４２ ４２４２`)).to.equal(true);
      expect(containsCardNumber(`Zoë ${answer} 4242\u00a04242\u00a04242\u00a04242`)).to.equal(true);
    });
  });

  describe('scanCardNumbers', () => {
    it('reports where each number sits (UTF-16 offsets)', () => {
      const text = '😀 4242-4242-4242-4242!';
      const [match] = scanCardNumbers(text);
      expect(match).to.deep.equal({ digits: '4242424242424242', start: 3, end: 22 });
      expect(text.slice(match.start, match.end)).to.equal('4242-4242-4242-4242');
    });

    it('offsets always delimit the digits they report', () => {
      fc.assert(
        fc.property(withLong(anyText), (s) =>
          scanCardNumbers(s).every((m) => m.start < m.end && m.end <= s.length && /^\p{Nd}/u.test(s.slice(m.start)) && /\p{Nd}$/u.test(s.slice(0, m.end))),
        ),
        { numRuns: RUNS },
      );
    });
  });

  describe('redactCardNumbers', () => {
    it('replaces the number and keeps the rest', () => {
      expect(redactCardNumbers('Card 4242 4242 4242 4242 was declined')).to.equal(
        'Card [card number removed] was declined',
      );
      expect(redactCardNumbers('a 4242424242424242 b 5555555555554444 c', '***')).to.equal('a *** b *** c');
      expect(redactCardNumbers('nothing here 1234')).to.equal('nothing here 1234');
    });

    it('leaves no card number behind', () => {
      fc.assert(
        fc.property(withLong(anyText), luhnNumber, anyText, (a, n, b) => !containsCardNumber(redactCardNumbers(a + n + b))),
        { numRuns: RUNS },
      );
    });
  });
});
