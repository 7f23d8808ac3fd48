/** The security code (CVV, CVC, CID…): how long it is for the brand, and the field's state. */
import type { BrandInfo } from './brands.js';
import { normalizeDigits } from './digits.js';

/** Every reason a security code can be invalid; each is a message key. */
export const CODE_ERROR_KEYS = ['codeRequired', 'codeIncomplete', 'codeTooLong', 'codeInvalidCharacters'] as const;

/**
 * Why a security code is invalid:
 * - `codeRequired`: empty (only once the customer is done).
 * - `codeIncomplete`: fewer digits than the brand's code has (only once the customer is done).
 * - `codeTooLong`: more digits than the brand's code has.
 * - `codeInvalidCharacters`: anything but digits (and separators, which are ignored).
 */
export type CodeErrorKey = (typeof CODE_ERROR_KEYS)[number];

/** The security-code field's state. */
export type CodeState =
  | { status: 'empty' }
  | { status: 'typing' }
  | { status: 'valid' }
  | { status: 'invalid'; reason: CodeErrorKey };

/** Digits in the brand's security code; 3 when the brand is unknown. */
export function codeLength(brand: BrandInfo | null): number {
  return brand?.codeSize ?? 3;
}

/**
 * Judges a security code as typed. With a known brand it must have exactly the brand's code size
 * (4 for Amex, 3 otherwise); with an unknown brand 3 or 4 digits are accepted. Too long and letters
 * are invalid at once; empty and too short only once `final`.
 */
export function codeState(input: string, brand: BrandInfo | null, options: { final?: boolean } = {}): CodeState {
  const { digits, rejected } = normalizeDigits(input);
  if (rejected) return { status: 'invalid', reason: 'codeInvalidCharacters' };
  const min = brand ? brand.codeSize : 3;
  const max = brand ? brand.codeSize : 4;
  if (digits.length > max) return { status: 'invalid', reason: 'codeTooLong' };
  if (digits.length >= min) return { status: 'valid' };
  if (!options.final) return digits === '' ? { status: 'empty' } : { status: 'typing' };
  return { status: 'invalid', reason: digits === '' ? 'codeRequired' : 'codeIncomplete' };
}
