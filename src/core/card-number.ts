/**
 * The card number's verdict as the customer types: empty, still typing, valid, or invalid with a
 * reason. Brand facts come from credit-card-type; the "can this still become valid" judgement is
 * card-validator's `cardNumber`, read from the core's remembered brand answers (see `verdict`).
 */
import { brandCandidates } from './brand-lookup.js';
import type { BrandInfo, CardBrand } from './brands.js';
import { normalizeDigits } from './digits.js';
import { luhnValid, PAN_MAX_DIGITS } from './pan-scan.js';

/** Every reason a card number can be invalid; each is a message key. */
export const NUMBER_ERROR_KEYS = [
  'numberIncomplete',
  'numberChecksum',
  'numberUnknownBrand',
  'numberBrandNotAccepted',
  'numberInvalidCharacters',
  'numberRequired',
  'numberTooLong',
] as const;

/**
 * Why a card number is invalid:
 * - `numberIncomplete`: too few digits (only once the customer is done).
 * - `numberChecksum`: all digits are there but the number fails the Luhn check (a typo).
 * - `numberUnknownBrand`: no card brand starts like this.
 * - `numberBrandNotAccepted`: a real brand the host does not accept.
 * - `numberInvalidCharacters`: letters or symbols other than spaces and dashes.
 * - `numberRequired`: empty (only once the customer is done).
 * - `numberTooLong`: more digits than the brand issues.
 */
export type NumberErrorKey = (typeof NUMBER_ERROR_KEYS)[number];

/** The card number's state. `brand` is the detected brand, when one is certain. */
export type NumberState =
  | { status: 'empty' }
  /** Potentially valid, not complete. */
  | { status: 'typing'; brand: BrandInfo | null }
  | { status: 'valid'; brand: BrandInfo }
  | { status: 'invalid'; reason: NumberErrorKey; brand: BrandInfo | null };

/** Options for {@link numberState}. */
export interface NumberOptions {
  /** Brands the host accepts; omitted or empty means every brand. */
  accepted?: readonly CardBrand[];
  /** The customer is done (left the field / submitted): incomplete or empty becomes invalid. */
  final?: boolean;
}

/**
 * Judges a card number as typed (formatted or not; Unicode digits are fine).
 *
 * - Letters or symbols → invalid `numberInvalidCharacters` at once.
 * - A brand the host does not accept → invalid `numberBrandNotAccepted` at once.
 * - A number that can never become valid (card-validator's `isPotentiallyValid` is false) → invalid at
 *   once: `numberUnknownBrand` when no brand starts like this, `numberTooLong` past the brand's
 *   longest length, `numberChecksum` at the longest length when Luhn fails.
 * - Complete and Luhn-valid → valid, even when the brand also issues longer numbers (a 16-digit Visa
 *   is valid although Visa has 19-digit numbers too). UnionPay numbers are not Luhn-checked: not all
 *   of them pass it, and card-validator does the same by default.
 * - Otherwise typing; when `final`, invalid `numberRequired` (empty), `numberChecksum` (a complete
 *   length that fails Luhn) or `numberIncomplete`.
 */
export function numberState(input: string, options: NumberOptions = {}): NumberState {
  const { digits, rejected } = normalizeDigits(input);
  const candidates = digits === '' ? null : brandCandidates(digits);
  const brand = candidates?.brand ?? null;
  if (rejected) return { status: 'invalid', reason: 'numberInvalidCharacters', brand };
  if (!candidates) return options.final ? { status: 'invalid', reason: 'numberRequired', brand: null } : { status: 'empty' };

  const accepted = options.accepted;
  if (brand && accepted && accepted.length > 0 && !accepted.includes(brand.brand)) {
    return { status: 'invalid', reason: 'numberBrandNotAccepted', brand };
  }

  const verdict = cardNumberVerdict(digits, candidates.count, brand);
  if (verdict.isValid && brand) return { status: 'valid', brand };

  if (!verdict.isPotentiallyValid) {
    // with several candidate brands card-validator still answers "potentially valid", so no brand
    // here means no brand starts like this
    if (!brand) return { status: 'invalid', reason: 'numberUnknownBrand', brand: null };
    return { status: 'invalid', reason: digits.length > brand.maxLength ? 'numberTooLong' : 'numberChecksum', brand };
  }
  // only reachable if a host-customised brand list keeps a prefix ambiguous past 19 digits
  if (digits.length > PAN_MAX_DIGITS) return { status: 'invalid', reason: 'numberTooLong', brand };

  if (!options.final) return { status: 'typing', brand };
  const completeLength = brand ? brand.lengths.includes(digits.length) : false;
  return {
    status: 'invalid',
    reason: completeLength && !luhnValid(digits) ? 'numberChecksum' : 'numberIncomplete',
    brand,
  };
}

/**
 * card-validator's `cardNumber(digits)` (no options), step for step, from the brand answers the core
 * already has: card-validator would ask credit-card-type again, which deep-clones the brand on every
 * call. `digits` is non-empty ASCII digits; `count` and `brand` are credit-card-type's answer for it.
 * The tests hold it to card-validator's own answers.
 */
function cardNumberVerdict(digits: string, count: number, brand: BrandInfo | null): { isValid: boolean; isPotentiallyValid: boolean } {
  if (count === 0) return { isValid: false, isPotentiallyValid: false };
  if (count !== 1 || !brand) return { isValid: false, isPotentiallyValid: true };
  // card-validator skips the Luhn check for UnionPay unless asked (luhnValidateUnionPay)
  const isValid = brand.brand === 'unionpay' || luhnValid(digits);
  if (brand.lengths.includes(digits.length)) return { isValid, isPotentiallyValid: digits.length < brand.maxLength || isValid };
  return { isValid: false, isPotentiallyValid: digits.length < brand.maxLength };
}
