/** Shared fast-check arbitraries and reference helpers for the core tests. */
import fc from 'fast-check';

/** Property runs per public function, as the team requires. */
export const RUNS = 10_000;

/** An independent Luhn implementation, so the tests do not check the code against itself. */
export function referenceLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** `body` plus the check digit that makes it pass Luhn. */
export function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (referenceLuhn(body + d)) return body + d;
  throw new Error('unreachable: one of ten check digits always works');
}

/** ASCII digit strings. */
export const digitString = (constraints: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), ...constraints });

/** Luhn-valid numbers of 13–19 digits (any prefix, brand or not). */
export const luhnNumber = fc
  .integer({ min: 12, max: 18 })
  .chain((n) => digitString({ minLength: n, maxLength: n }))
  .map(withCheckDigit);

/** Arbitrary text: any code points (lone surrogates included), graphemes, or ASCII. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...'0123456789 -./\u00a0x'), maxLength: 60 }),
);

/** Long text (hundreds to thousands of code points), for "never throws / never hangs" properties. */
export const longText = fc.string({ unit: 'binary', minLength: 500, maxLength: 2000 });

/** `base`, with one run in fifty replaced by long text: long inputs are covered without making every run slow. */
export const withLong = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: base, weight: 49 }, { arbitrary: longText, weight: 1 });
