import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { nameState } from '../../src/core/name.js';
import type { NameOptions, NameState } from '../../src/core/name.js';
import { anyText, withLong, luhnNumber, RUNS } from './arbitraries.js';

const summary = (s: NameState): string => (s.status === 'invalid' ? `invalid:${s.reason}` : s.status === 'valid' ? `valid:${s.value}` : s.status);

describe('core/name', () => {
  const cases: [string, NameOptions, string][] = [
    ['', {}, 'empty'],
    ['   ', {}, 'empty'],
    ['', { final: true }, 'invalid:nameRequired'],
    [' \t ', { final: true }, 'invalid:nameRequired'],
    ['  Ada Lovelace  ', {}, 'valid:Ada Lovelace'],
    ["Seán O'Brien-Smith", {}, "valid:Seán O'Brien-Smith"],
    ['Zoë  Ångström', {}, 'valid:Zoë  Ångström'], // inner spacing is the customer's
    ['张伟', {}, 'valid:张伟'],
    ['محمد علي', {}, 'valid:محمد علي'],
    ['J. R. R. Tolkien', {}, 'valid:J. R. R. Tolkien'],
    ['Louis XIV 2nd', {}, 'valid:Louis XIV 2nd'],
    ['123', {}, 'valid:123'], // too few digits to be a card number
    ['4242', {}, 'invalid:nameLooksLikeNumber'],
    ['4242 4242 4242 4242', {}, 'invalid:nameLooksLikeNumber'],
    ['12/26', {}, 'invalid:nameLooksLikeNumber'],
    ['٤٢٤٢ ٤٢٤٢', {}, 'invalid:nameLooksLikeNumber'],
    ['Ada 4242424242424242', {}, 'invalid:nameLooksLikeNumber'],
    ['a'.repeat(100), {}, `valid:${'a'.repeat(100)}`],
    ['a'.repeat(101), {}, 'invalid:nameTooLong'],
    ['😀'.repeat(100), {}, `valid:${'😀'.repeat(100)}`], // characters, not UTF-16 units
    ['Ada Lovelace', { maxLength: 5 }, 'invalid:nameTooLong'],
  ];
  for (const [input, options, expected] of cases) {
    it(`${JSON.stringify(input.length > 30 ? `${input.slice(0, 12)}…` : input)} ${JSON.stringify(options)} → ${expected.length > 40 ? `${expected.slice(0, 20)}…` : expected}`, () => {
      expect(summary(nameState(input, options))).to.equal(expected);
    });
  }

  it('flags a card number typed in the name box at once, however it is surrounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'Ada Lovelace'), maxLength: 20 }), luhnNumber, (name, number) => {
        const state = nameState(`${name} ${number}`);
        return state.status === 'invalid' && state.reason === 'nameLooksLikeNumber';
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws; a valid name is the trimmed input', () => {
    fc.assert(
      fc.property(withLong(anyText), fc.boolean(), (input, final) => {
        const state = nameState(input, { final });
        return state.status !== 'valid' || state.value === input.trim();
      }),
      { numRuns: RUNS },
    );
  });
});
