/**
 * Billing postal codes: checked strictly for a few countries whose formats are fixed and well known,
 * leniently everywhere else (a wrong rejection blocks a real customer; a gateway's address check
 * catches what a lenient rule lets through).
 */
import { decimalDigitValue } from './digits.js';

/** Every reason a postal code can be invalid; each is a message key. */
export const POSTAL_ERROR_KEYS = ['postalRequired', 'postalInvalid'] as const;

/**
 * Why a postal code is invalid:
 * - `postalRequired`: empty (only once the customer is done).
 * - `postalInvalid`: not a postal code of the country.
 */
export type PostalErrorKey = (typeof POSTAL_ERROR_KEYS)[number];

/** The label's message key: "ZIP code" (US), "Postcode" (GB), "Postal code" elsewhere. */
export type PostalCodeLabelKey = 'postalCodeZip' | 'postalCodePostcode' | 'postalCode';

/** Every postal-code label key. */
export const POSTAL_CODE_LABEL_KEYS: readonly PostalCodeLabelKey[] = ['postalCodeZip', 'postalCodePostcode', 'postalCode'];

/** The postal-code field's state; `value` is the normalised code (see {@link normalizePostalCode}). */
export type PostalCodeState =
  | { status: 'empty' }
  | { status: 'typing' }
  | { status: 'valid'; value: string }
  | { status: 'invalid'; reason: PostalErrorKey };

interface CountryRule {
  /** The whole code, tested on the normalised value. */
  pattern: RegExp;
  /** Characters that can appear at all: anything else is wrong at once. */
  allowed: RegExp;
  /** Longest normalised value. */
  maxLength: number;
}

// Canada: no D, F, I, O, Q, U anywhere, no W or Z first (Canada Post addressing guidelines).
// UK: the Royal Mail formats A9, A99, AA9, AA99, A9A, AA9A + 9AA (the inward code never has C, I,
// K, M, O, V), plus GIR 0AA (Girobank).
const RULES: Readonly<Record<string, CountryRule>> = {
  US: { pattern: /^[0-9]{5}(?:-[0-9]{4})?$/, allowed: /^[0-9 -]*$/, maxLength: 10 },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/, allowed: /^[A-Z0-9 ]*$/, maxLength: 7 },
  GB: {
    pattern: /^(?:GIR 0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$/,
    allowed: /^[A-Z0-9 ]*$/,
    maxLength: 8,
  },
  DE: { pattern: /^[0-9]{5}$/, allowed: /^[0-9]*$/, maxLength: 5 },
  FR: { pattern: /^[0-9]{5}$/, allowed: /^[0-9 ]*$/, maxLength: 5 },
};

const LENIENT: CountryRule = { pattern: /^[A-Z0-9](?:[A-Z0-9 -]{0,10}[A-Z0-9])?$/, allowed: /^[A-Z0-9 -]*$/, maxLength: 12 };

function ruleFor(country: string): CountryRule {
  const code = String(country ?? '').trim().toUpperCase();
  return Object.hasOwn(RULES, code) ? RULES[code] : LENIENT;
}

/**
 * The postal code as the country writes it: Unicode digits to ASCII, letters uppercased, runs of
 * whitespace collapsed to one space and trimmed; Canadian codes as `A1A 1A1`, UK postcodes with one
 * space before the last three characters, nine-digit US ZIP+4 as `12345-6789`, French codes without
 * the space some people type (`75 008`).
 */
export function normalizePostalCode(input: string, country: string): string {
  let value = '';
  for (const char of String(input)) {
    const digit = decimalDigitValue(char.codePointAt(0) ?? 0);
    value += digit >= 0 ? String(digit) : char;
  }
  value = value.toUpperCase().replace(/\s+/gu, ' ').trim();
  const code = String(country ?? '').trim().toUpperCase();
  const compact = value.replace(/ /g, '');
  if (code === 'CA' && compact.length === 6) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  if (code === 'GB' && compact.length >= 5 && compact.length <= 7) return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  if (code === 'US' && /^[0-9]{9}$/.test(compact)) return `${compact.slice(0, 5)}-${compact.slice(5)}`;
  if ((code === 'FR' || code === 'DE') && /^[0-9 ]+$/.test(value)) return compact;
  return value;
}

/**
 * Judges a billing postal code for `country` (ISO 3166-1 alpha-2, any case). US: `12345` or
 * `12345-6789`; CA: `A1A 1A1` (space optional, any case); GB: real UK postcode formats including
 * `GIR 0AA`; DE and FR: five digits; elsewhere 1–12 letters, digits, spaces or dashes. Characters the
 * country never uses, or too many of them, are invalid at once; an otherwise wrong code only when
 * `final` (until then it may still be being typed).
 */
export function postalCodeState(input: string, country: string, options: { final?: boolean } = {}): PostalCodeState {
  const value = normalizePostalCode(input, country);
  if (value === '') return options.final ? { status: 'invalid', reason: 'postalRequired' } : { status: 'empty' };
  const rule = ruleFor(country);
  if (rule.pattern.test(value)) return { status: 'valid', value };
  if (!rule.allowed.test(value) || value.length > rule.maxLength) return { status: 'invalid', reason: 'postalInvalid' };
  return options.final ? { status: 'invalid', reason: 'postalInvalid' } : { status: 'typing' };
}

/** Which label the postal-code field should carry for `country`: ZIP code (US), Postcode (GB), Postal code. */
export function postalCodeLabelKey(country: string): PostalCodeLabelKey {
  const code = String(country ?? '').trim().toUpperCase();
  if (code === 'US') return 'postalCodeZip';
  if (code === 'GB') return 'postalCodePostcode';
  return 'postalCode';
}
