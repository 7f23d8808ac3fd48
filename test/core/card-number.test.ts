import { expect } from '@open-wc/testing';
import { cardNumber } from 'card-validator/dist/card-number.js';
import fc from 'fast-check';
import { brandInfo, CARD_BRANDS, detectBrand } from '../../src/core/brands.js';
import { numberState } from '../../src/core/card-number.js';
import type { NumberOptions, NumberState } from '../../src/core/card-number.js';
import { anyText, digitString, withLong, referenceLuhn, RUNS, withCheckDigit } from './arbitraries.js';
import { SAMPLE_NUMBERS } from './samples.js';

/** The state without the BrandInfo object, for readable comparisons. */
function summary(state: NumberState): string {
  if (state.status === 'empty') return 'empty';
  const brand = state.brand?.brand ?? 'none';
  return state.status === 'invalid' ? `invalid:${state.reason}:${brand}` : `${state.status}:${brand}`;
}

/** Valid numbers of one brand: a sample's first six digits, random middle digits, Luhn check digit. */
const validNumber = fc
  .constantFrom(...SAMPLE_NUMBERS)
  .chain(([brand, sample]) => {
    const info = brandInfo(brand);
    return fc.constantFrom(...info.lengths.filter((l) => l > 6)).chain((length) =>
      digitString({ minLength: length - 7, maxLength: length - 7 }).map((middle) => ({
        brand,
        number: withCheckDigit(sample.slice(0, 6) + middle),
      })),
    );
  });

describe('core/card-number', () => {
  describe('numberState: published test numbers', () => {
    for (const [brand, number] of SAMPLE_NUMBERS) {
      it(`${brand} ${number} is valid, plain, spaced, dashed and full-width`, () => {
        const spaced = number.replace(/(\d{4})(?=\d)/g, '$1 ');
        const fullWidth = [...number].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
        for (const input of [number, spaced, number.replace(/(\d{4})(?=\d)/g, '$1-'), fullWidth]) {
          expect(summary(numberState(input)), input).to.equal(`valid:${brand}`);
          expect(summary(numberState(input, { final: true, accepted: [brand] })), input).to.equal(`valid:${brand}`);
        }
      });
    }
  });

  describe('numberState: rules', () => {
    const cases: [string, string, NumberOptions, string][] = [
      ['empty while typing', '', {}, 'empty'],
      ['spaces only while typing', '   ', {}, 'empty'],
      ['empty when done', '', { final: true }, 'invalid:numberRequired:none'],
      ['one ambiguous digit', '4', {}, 'typing:none'],
      ['one ambiguous digit when done', '4', { final: true }, 'invalid:numberIncomplete:none'],
      ['a Visa prefix', '4242 42', {}, 'typing:visa'],
      ['a Visa prefix when done', '4242 42', { final: true }, 'invalid:numberIncomplete:visa'],
      ['13-digit Visa (card-validator: 16, 18 or 19 digits)', '4222222222222', { final: true }, 'invalid:numberIncomplete:visa'],
      ['16-digit Visa failing Luhn may still grow to 19', '4242 4242 4242 4241', {}, 'typing:visa'],
      ['16-digit Visa failing Luhn when done', '4242 4242 4242 4241', { final: true }, 'invalid:numberChecksum:visa'],
      ['19-digit Visa', withCheckDigit('424242424242424242'), {}, 'valid:visa'],
      ['Mastercard failing Luhn at its only length', '5555 5555 5555 4445', {}, 'invalid:numberChecksum:mastercard'],
      ['Amex failing Luhn at its only length', '3782 822463 10006', {}, 'invalid:numberChecksum:american-express'],
      ['Amex with a 16th digit', '3782 8224 6310 0050', {}, 'invalid:numberTooLong:american-express'],
      ['Visa with 20 digits', '4242 4242 4242 4242 4242', {}, 'invalid:numberTooLong:visa'],
      ['no brand starts with 0', '0000', {}, 'invalid:numberUnknownBrand:none'],
      ['no brand starts with 7', '7', {}, 'invalid:numberUnknownBrand:none'],
      ['no brand starts with 12', '12', {}, 'invalid:numberUnknownBrand:none'],
      ['letters', '4242 abcd', {}, 'invalid:numberInvalidCharacters:visa'],
      ['an emoji', '💳', {}, 'invalid:numberInvalidCharacters:none'],
      ['JCB where only Visa and Mastercard are accepted', '3566 0020 2036 0505', { accepted: ['visa', 'mastercard'] }, 'invalid:numberBrandNotAccepted:jcb'],
      ['a JCB prefix is refused at once', '35', { accepted: ['visa', 'mastercard'] }, 'invalid:numberBrandNotAccepted:jcb'],
      ['an ambiguous prefix waits for the brand', '3', { accepted: ['visa'] }, 'typing:none'],
      ['Visa where Visa is accepted', '4242424242424242', { accepted: ['visa', 'mastercard'] }, 'valid:visa'],
      ['an empty accepted list accepts every brand', '3566002020360505', { accepted: [] }, 'valid:jcb'],
      ['UnionPay is not Luhn-checked (as card-validator)', '6212 3450 0000 0001', {}, 'valid:unionpay'],
      ['19-digit UnionPay', '6205 5000 0000 0000 004', {}, 'valid:unionpay'],
      ['Arabic-Indic digits', '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢', {}, 'valid:visa'],
    ];
    for (const [title, input, options, expected] of cases) {
      it(`${title}: ${JSON.stringify(input)} → ${expected}`, () => {
        expect(summary(numberState(input, options))).to.equal(expected);
      });
    }

    it('refuses every brand that is not accepted, naming the brand', () => {
      for (const [brand, number] of SAMPLE_NUMBERS) {
        const others = CARD_BRANDS.filter((b) => b !== brand);
        expect(summary(numberState(number, { accepted: others }))).to.equal(`invalid:numberBrandNotAccepted:${brand}`);
      }
    });
  });

  describe('numberState: properties', () => {
    it('never throws, and answers a well-formed state for any input and options', () => {
      const options = fc.record(
        { final: fc.boolean(), accepted: fc.subarray([...CARD_BRANDS]) },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(withLong(fc.oneof(anyText, digitString({ maxLength: 24 }))), options, (input, opts) => {
          const state = numberState(input, opts);
          switch (state.status) {
            case 'empty':
              return !opts.final;
            case 'typing':
              return !opts.final;
            case 'valid':
              return detectBrand(input)?.brand === state.brand.brand;
            case 'invalid':
              return typeof state.reason === 'string';
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('judges every digit string as card-validator’s cardNumber does (valid / can never become valid)', () => {
      // the core answers from remembered brand lookups instead of calling cardNumber; hold it to
      // cardNumber's verdict, on random digits and on random continuations of every brand's prefix
      const prefixed = fc
        .tuple(fc.constantFrom(...SAMPLE_NUMBERS), fc.integer({ min: 1, max: 8 }), digitString({ maxLength: 14 }))
        .map(([[, sample], keep, rest]) => sample.slice(0, keep) + rest);
      fc.assert(
        fc.property(fc.oneof(digitString({ minLength: 1, maxLength: 22 }), prefixed), (digits) => {
          const theirs = cardNumber(digits);
          const state = numberState(digits);
          const brand = detectBrand(digits);
          if (theirs.isValid && brand) return state.status === 'valid';
          if (!theirs.isPotentiallyValid) return state.status === 'invalid';
          return state.status === 'typing' || (state.status === 'invalid' && state.reason === 'numberTooLong');
        }),
        { numRuns: RUNS },
      );
    });

    it('judges a number typed digit by digit as card-validator judges each of its prefixes', () => {
      // the core answers a prefix from a shorter prefix that already decided the brand: typing
      // random continuations of every brand's prefix, in order, must never find that shortcut wrong
      const typed = fc
        .tuple(fc.constantFrom(...SAMPLE_NUMBERS), fc.integer({ min: 0, max: 6 }), digitString({ minLength: 1, maxLength: 16 }))
        .map(([[, sample], keep, rest]) => sample.slice(0, keep) + rest);
      fc.assert(
        fc.property(typed, (digits) => {
          for (let length = 1; length <= digits.length; length++) {
            const prefix = digits.slice(0, length);
            const theirs = cardNumber(prefix);
            const state = numberState(prefix);
            const brand = detectBrand(prefix);
            expect(brand?.brand ?? null, prefix).to.equal(theirs.card?.type ?? null);
            if (theirs.isValid && brand) expect(state.status, prefix).to.equal('valid');
            else if (!theirs.isPotentiallyValid) expect(state.status, prefix).to.equal('invalid');
            else expect(state.status === 'typing' || (state.status === 'invalid' && state.reason === 'numberTooLong'), prefix).to.equal(true);
          }
        }),
        { numRuns: RUNS / 10 },
      );
    });

    it('only calls a number valid when it is complete for its brand and passes Luhn (UnionPay excepted)', () => {
      fc.assert(
        fc.property(digitString({ minLength: 12, maxLength: 19 }), (digits) => {
          const state = numberState(digits);
          if (state.status !== 'valid') return true;
          return state.brand.lengths.includes(digits.length) && (referenceLuhn(digits) || state.brand.brand === 'unionpay');
        }),
        { numRuns: RUNS },
      );
    });

    it('accepts every Luhn-valid number of a brand at each of its lengths', () => {
      fc.assert(
        fc.property(validNumber, ({ brand, number }) => summary(numberState(number, { final: true, accepted: [brand] })) === `valid:${brand}`),
        { numRuns: RUNS / 5 }, // numberState's 10,000-run properties are above; this one is costlier per run
      );
    });

    it('never shows an error while a valid number of an accepted brand is being typed', () => {
      fc.assert(
        fc.property(validNumber, ({ brand, number }) => {
          for (let i = 0; i <= number.length; i++) {
            if (numberState(number.slice(0, i), { accepted: [brand] }).status === 'invalid') return false;
          }
          return true;
        }),
        // each run checks every prefix (up to 20 numberState calls); numberState has 10,000-run properties above
        { numRuns: RUNS / 10 },
      );
    });

    it('refuses any single mistyped digit in a complete number once the customer is done', () => {
      fc.assert(
        fc.property(validNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ brand, number }, at, delta) => {
          const i = 6 + (at % (number.length - 6)); // past the brand prefix, so the brand stays
          const typo = number.slice(0, i) + ((Number(number[i]) + delta) % 10) + number.slice(i + 1);
          const state = numberState(typo, { final: true });
          return brand === 'unionpay' || (state.status === 'invalid' && state.reason === 'numberChecksum');
        }),
        { numRuns: RUNS / 5 },
      );
    });
  });
});
