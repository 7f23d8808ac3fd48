import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizePostalCode, postalCodeLabelKey, postalCodeState } from '../../src/core/postal-code.js';
import type { PostalCodeState } from '../../src/core/postal-code.js';
import { anyText, withLong, RUNS } from './arbitraries.js';

const summary = (s: PostalCodeState): string => (s.status === 'invalid' ? `invalid:${s.reason}` : s.status === 'valid' ? `valid:${s.value}` : s.status);

describe('core/postal-code', () => {
  describe('postalCodeState', () => {
    const valid: [string, string, string][] = [
      ['US', '94103', '94103'],
      ['US', '94103-1234', '94103-1234'],
      ['US', '941031234', '94103-1234'],
      ['us', ' 10001 ', '10001'],
      ['CA', 'K1A 0B1', 'K1A 0B1'],
      ['CA', 'k1a0b1', 'K1A 0B1'],
      ['CA', 'M5V 3L9', 'M5V 3L9'],
      ['GB', 'SW1A 1AA', 'SW1A 1AA'],
      ['GB', 'sw1a1aa', 'SW1A 1AA'],
      ['GB', 'EC1A 1BB', 'EC1A 1BB'],
      ['GB', 'W1A 0AX', 'W1A 0AX'],
      ['GB', 'M1 1AE', 'M1 1AE'],
      ['GB', 'B33 8TH', 'B33 8TH'],
      ['GB', 'CR2 6XH', 'CR2 6XH'],
      ['GB', 'DN55 1PT', 'DN55 1PT'],
      ['GB', 'GIR 0AA', 'GIR 0AA'],
      ['GB', 'gir0aa', 'GIR 0AA'],
      ['DE', '10115', '10115'],
      ['FR', '75008', '75008'],
      ['FR', '75 008', '75008'],
      ['NL', '1012 AB', '1012 AB'],
      ['JP', '100-0001', '100-0001'],
      ['IE', 'D02 X285', 'D02 X285'],
      ['BR', '01310-100', '01310-100'],
      ['', 'A1', 'A1'],
      ['US', '９４１０３', '94103'],
    ];
    for (const [country, input, value] of valid) {
      it(`${country || '(no country)'} ${JSON.stringify(input)} is valid as ${value}`, () => {
        expect(summary(postalCodeState(input, country, { final: true }))).to.equal(`valid:${value}`);
      });
    }

    const invalid: [string, string, boolean, string][] = [
      ['US', '', true, 'invalid:postalRequired'],
      ['US', '', false, 'empty'],
      ['US', '9410', false, 'typing'],
      ['US', '9410', true, 'invalid:postalInvalid'],
      ['US', '94103-12', true, 'invalid:postalInvalid'],
      ['US', 'ABCDE', false, 'invalid:postalInvalid'], // letters never appear in a ZIP code
      ['US', '941031234567', false, 'invalid:postalInvalid'],
      ['CA', 'D1A 0B1', true, 'invalid:postalInvalid'], // no D in Canadian codes
      ['CA', 'K1A 0B', false, 'typing'],
      ['CA', 'K1A-0B1', false, 'invalid:postalInvalid'],
      ['GB', 'SW1A 1A', true, 'invalid:postalInvalid'],
      ['GB', 'QA1 1AA', true, 'invalid:postalInvalid'], // no Q first
      ['GB', 'SW1A 1AC', true, 'invalid:postalInvalid'], // no C in the inward code
      ['GB', '12345', true, 'invalid:postalInvalid'],
      ['DE', '1011', true, 'invalid:postalInvalid'],
      ['DE', '101155', false, 'invalid:postalInvalid'],
      ['FR', '7500A', false, 'invalid:postalInvalid'],
      ['NL', '1234567890123', false, 'invalid:postalInvalid'],
      ['NL', '12#4', false, 'invalid:postalInvalid'],
      ['NL', '-', true, 'invalid:postalInvalid'],
    ];
    for (const [country, input, final, expected] of invalid) {
      it(`${country} ${JSON.stringify(input)}${final ? ', final' : ''} → ${expected}`, () => {
        expect(summary(postalCodeState(input, country, { final }))).to.equal(expected);
      });
    }

    it('accepts every well-formed US ZIP and ZIP+4', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 0, max: 9999 })), (zip, plus4) => {
          const code = String(zip).padStart(5, '0') + (plus4 === null ? '' : `-${String(plus4).padStart(4, '0')}`);
          return summary(postalCodeState(code, 'US', { final: true })) === `valid:${code}`;
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws; a valid code is already normalised', () => {
      fc.assert(
        fc.property(withLong(anyText), fc.constantFrom('US', 'CA', 'GB', 'DE', 'FR', 'NL', 'xx', '', 'toString'), fc.boolean(), (input, country, final) => {
          const state = postalCodeState(input, country, { final });
          return state.status !== 'valid' || normalizePostalCode(state.value, country) === state.value;
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('normalizePostalCode', () => {
    const cases: [string, string, string][] = [
      ['CA', ' k1a0b1 ', 'K1A 0B1'],
      ['GB', 'sw1a   1aa', 'SW1A 1AA'],
      ['GB', 'm11ae', 'M1 1AE'],
      ['US', '941031234', '94103-1234'],
      ['FR', '75 008', '75008'],
      ['NL', ' 1012   ab ', '1012 AB'],
    ];
    for (const [country, input, output] of cases) {
      it(`${country} ${JSON.stringify(input)} → ${output}`, () => {
        expect(normalizePostalCode(input, country)).to.equal(output);
      });
    }

    it('is idempotent', () => {
      fc.assert(
        fc.property(anyText, fc.constantFrom('US', 'CA', 'GB', 'DE', 'FR', 'NL'), (input, country) => {
          const once = normalizePostalCode(input, country);
          return normalizePostalCode(once, country) === once;
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('postalCodeLabelKey', () => {
    const cases: [string, string][] = [
      ['US', 'postalCodeZip'],
      ['us', 'postalCodeZip'],
      ['GB', 'postalCodePostcode'],
      ['CA', 'postalCode'],
      ['DE', 'postalCode'],
      ['', 'postalCode'],
    ];
    for (const [country, key] of cases) {
      it(`${country || '(none)'} → ${key}`, () => {
        expect(postalCodeLabelKey(country)).to.equal(key);
      });
    }

    it('never throws', () => {
      fc.assert(fc.property(anyText, (c) => ['postalCodeZip', 'postalCodePostcode', 'postalCode'].includes(postalCodeLabelKey(c))), { numRuns: RUNS });
    });
  });
});
