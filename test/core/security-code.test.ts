import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { brandInfo, CARD_BRANDS } from '../../src/core/brands.js';
import type { BrandInfo } from '../../src/core/brands.js';
import { codeLength, codeState } from '../../src/core/security-code.js';
import type { CodeState } from '../../src/core/security-code.js';
import { anyText, digitString, withLong, RUNS } from './arbitraries.js';

const summary = (s: CodeState): string => (s.status === 'invalid' ? `invalid:${s.reason}` : s.status);
const amex = brandInfo('american-express');
const visa = brandInfo('visa');

describe('core/security-code', () => {
  describe('codeLength', () => {
    it('is 4 for Amex, 3 for every other brand, 3 when unknown', () => {
      expect(codeLength(amex)).to.equal(4);
      expect(codeLength(null)).to.equal(3);
      for (const brand of CARD_BRANDS.filter((b) => b !== 'american-express')) expect(codeLength(brandInfo(brand)), brand).to.equal(3);
    });
  });

  it('codeLength digits are always a valid code for that brand', () => {
    fc.assert(
      fc.property(fc.constantFrom(null, ...CARD_BRANDS), digitString({ minLength: 4, maxLength: 4 }), (brand, digits) => {
        const info = brand ? brandInfo(brand) : null;
        return codeState(digits.slice(0, codeLength(info)), info, { final: true }).status === 'valid';
      }),
      { numRuns: RUNS },
    );
  });

  describe('codeState', () => {
    const cases: [string, BrandInfo | null, boolean, string][] = [
      ['', visa, false, 'empty'],
      ['', visa, true, 'invalid:codeRequired'],
      ['1', visa, false, 'typing'],
      ['12', visa, true, 'invalid:codeIncomplete'],
      ['123', visa, false, 'valid'],
      ['1234', visa, false, 'invalid:codeTooLong'],
      ['123', amex, false, 'typing'],
      ['123', amex, true, 'invalid:codeIncomplete'],
      ['1234', amex, false, 'valid'],
      ['12345', amex, false, 'invalid:codeTooLong'],
      ['12', null, true, 'invalid:codeIncomplete'],
      ['123', null, false, 'valid'],
      ['1234', null, false, 'valid'],
      ['12345', null, false, 'invalid:codeTooLong'],
      ['12a', visa, false, 'invalid:codeInvalidCharacters'],
      ['１２３', visa, false, 'valid'],
      [' 123 ', visa, false, 'valid'],
    ];
    for (const [input, brand, final, expected] of cases) {
      it(`${JSON.stringify(input)} for ${brand?.brand ?? 'unknown brand'}${final ? ', final' : ''} → ${expected}`, () => {
        expect(summary(codeState(input, brand, { final }))).to.equal(expected);
      });
    }

    it('is valid exactly at the brand code length', () => {
      fc.assert(
        fc.property(digitString({ maxLength: 6 }), fc.constantFrom(...CARD_BRANDS), fc.boolean(), (digits, brand, final) => {
          const info = brandInfo(brand);
          return (codeState(digits, info, { final }).status === 'valid') === (digits.length === info.codeSize);
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws', () => {
      fc.assert(
        fc.property(withLong(anyText), fc.constantFrom(null, ...CARD_BRANDS), fc.boolean(), (input, brand, final) => {
          const state = codeState(input, brand ? brandInfo(brand) : null, { final });
          return !final || state.status === 'valid' || state.status === 'invalid';
        }),
        { numRuns: RUNS },
      );
    });
  });
});
