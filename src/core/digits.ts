/**
 * Input normalisation for digit-only fields (card number, security code, expiry): what customers
 * paste is rarely plain ASCII. Banking apps copy numbers with NBSP or thin spaces, Japanese and
 * Chinese IMEs produce full-width digits, Arabic and Persian keyboards produce their own digits.
 */

/** The result of {@link normalizeDigits}. */
export interface NormalizedDigits {
  /** The ASCII digits `0-9` found in the input, in order. */
  digits: string;
  /** Letters or other characters that are neither digits nor separators were present. */
  rejected: boolean;
}

/**
 * Characters a customer may use (or a paste may carry) between digits: every Unicode space and
 * line break (`\s`, `\p{Z}`: NBSP, NNBSP, thin and ideographic spaces), every dash (`\p{Pd}`) and the
 * minus sign, invisible format characters (`\p{Cf}`: zero-width spaces, bidi marks, soft hyphen),
 * dots, slashes, underscores and their full-width forms, the middle dot and the katakana middle dot.
 */
const SEPARATOR = /^[\s\p{Z}\p{Pd}\p{Cf}\u2212._/\\\u00B7\u2024\u2027\u30FB\uFF0E\uFF0F\uFF3C\uFF3F]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

const digitValues = new Map<number, number>();

/**
 * The value (0–9) of a Unicode decimal digit code point, or -1 when it is not one.
 *
 * Unicode guarantees (stability policy for Numeric_Type=Decimal) that decimal digits only occur in
 * contiguous runs of ten, ascending from 0 to 9, so a digit's value is its offset from the start of
 * its run of decimal digits, modulo ten (some scripts place several runs back to back).
 */
export function decimalDigitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (codePoint < 0x660) return -1; // no other decimal digits below Arabic-Indic
  const cached = digitValues.get(codePoint);
  if (cached !== undefined) return cached;
  if (!DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))) return -1;
  let offset = 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - offset - 1))) offset++;
  // only digits are cached: there are a few hundred of them, but a million other code points
  digitValues.set(codePoint, offset % 10);
  return offset % 10;
}

/** Whether a single character (one code point) counts as a separator between digits. */
export function isDigitSeparator(char: string): boolean {
  return SEPARATOR.test(char);
}

/**
 * Strips spaces, dashes, NBSP/NNBSP/thin spaces, dots, slashes, underscores and other separators;
 * maps full-width (U+FF10–FF19), Arabic-Indic (U+0660–0669), Extended Arabic-Indic (U+06F0–06F9) and
 * every other Unicode decimal digit (`\p{Nd}`) to ASCII. Letters, emoji and other symbols are dropped
 * and set `rejected`.
 *
 * @example normalizeDigits('４２４２ 4242') // { digits: '42424242', rejected: false }
 * @example normalizeDigits('4242x')          // { digits: '4242', rejected: true }
 */
export function normalizeDigits(input: string): NormalizedDigits {
  // what a keyboard types into the number field (digits and the formatter's spaces) is read in one
  // pass without a regular expression: this runs several times per keystroke
  let ascii = '';
  let i = 0;
  for (; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) ascii += input[i];
    else if (code !== 0x20) break;
  }
  if (i === input.length) return { digits: ascii, rejected: false };
  let digits = '';
  let rejected = false;
  for (const char of input) {
    const value = decimalDigitValue(char.codePointAt(0) ?? 0);
    if (value >= 0) digits += String(value);
    else if (!isDigitSeparator(char)) rejected = true;
  }
  return { digits, rejected };
}
