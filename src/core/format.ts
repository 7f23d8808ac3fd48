/**
 * Formatting as the customer types: card numbers grouped the way the brand prints them, the expiry
 * as `MM / YY`, and the caret kept next to the digit it was next to, wherever the edit happened.
 */
import { detectBrand } from './brands.js';
import type { BrandInfo } from './brands.js';
import { decimalDigitValue, isDigitSeparator, normalizeDigits } from './digits.js';
import { PAN_MAX_DIGITS } from './pan-scan.js';

/** What goes between digit groups in a formatted card number. */
export const CARD_NUMBER_SEPARATOR = ' ';
/** What goes between month and year in a formatted expiry input. */
export const EXPIRY_SEPARATOR = ' / ';

/** Groups for a number whose brand is not known yet: 4-4-4-4-3. */
const DEFAULT_GAPS: readonly number[] = [4, 8, 12, 16];

/**
 * The edit that produced a raw value, taken from the `input` event. Optional: without it the
 * formatters still work, but backspace over a separator has nothing to delete.
 */
export interface EditContext {
  /** `InputEvent.inputType`: `insertText`, `insertFromPaste`, `deleteContentBackward`, … */
  inputType?: string;
  /** The field's value before the edit (the previous formatted value). */
  previous?: string;
}

/** The result of {@link reformatCardNumber}. */
export interface FormatResult {
  /** The number's ASCII digits, capped at the brand's longest length. */
  digits: string;
  /** What the field should now show. */
  formatted: string;
  /** Where the caret should now be, in `formatted`. */
  caret: number;
  /** The brand, when one is certain. */
  brand: BrandInfo | null;
  /** The raw value held letters or symbols, which were dropped. */
  rejected: boolean;
}

function gapsFor(length: number, brand: BrandInfo | null): readonly number[] {
  if (!brand) return DEFAULT_GAPS;
  const last = brand.gaps[brand.gaps.length - 1] ?? 0;
  // credit-card-type gives three gaps (4-4-4-4); a 17–19 digit number gets a fifth group
  return length > 16 && last < 16 ? [...brand.gaps, 16] : brand.gaps;
}

/**
 * Groups digits by the brand's gaps (Amex 4-6-5, Diners 4-6-4, 19-digit numbers 4-4-4-4-3) and caps
 * them at the brand's longest length (unknown brand: 19), with `' '` between groups and never a
 * trailing separator. `brand` undefined means "detect it"; `null` means "format as unknown".
 * Separators and Unicode digits in `digits` are normalised first; anything else is dropped.
 */
export function formatCardNumber(digits: string, brand?: BrandInfo | null): string {
  const clean = normalizeDigits(digits).digits;
  const info = brand === undefined ? detectBrand(clean) : brand;
  const capped = clean.slice(0, info?.maxLength ?? PAN_MAX_DIGITS);
  const gaps = gapsFor(capped.length, info);
  let formatted = '';
  for (let i = 0; i < capped.length; i++) {
    if (i > 0 && gaps.includes(i)) formatted += CARD_NUMBER_SEPARATOR;
    formatted += capped[i];
  }
  return formatted;
}

function isDigitChar(char: string): boolean {
  return decimalDigitValue(char.codePointAt(0) ?? 0) >= 0;
}

/**
 * Caret position in `formatted` just after the `digitCount`-th digit (0 → 0). Separators that
 * follow the digit are skipped, so the caret sits before the next digit (`4242 |4242`) and after a
 * trailing `MM / `; past the last digit it goes to the end.
 */
export function caretAfterDigits(formatted: string, digitCount: number): number {
  if (!(digitCount > 0)) return 0;
  let seen = 0;
  let index = 0;
  for (const char of formatted) {
    if (seen === digitCount && isDigitChar(char)) return index;
    if (isDigitChar(char)) seen++;
    index += char.length;
  }
  return formatted.length;
}

function clampCaret(caret: number, length: number): number {
  if (Number.isNaN(caret)) return length;
  return Math.min(Math.max(Math.trunc(caret), 0), length);
}

function digitCount(text: string): number {
  return normalizeDigits(text).digits.length;
}

/** True when the edit was a deletion that removed separators only (digits unchanged). */
function deletedOnlySeparators(raw: string, edit: EditContext | undefined): boolean {
  return (
    !!edit?.inputType?.startsWith('delete') &&
    edit.previous !== undefined &&
    raw.length < edit.previous.length &&
    normalizeDigits(edit.previous).digits === normalizeDigits(raw).digits
  );
}

/**
 * Reformats a raw card-number input value (after an insert, delete or paste anywhere) and maps the
 * caret: `caret` is the raw `selectionStart`; the result's caret sits right after the same number of
 * digits that preceded it in the raw value (clamped to the digits kept). Pasted separators and
 * Unicode digits are cleaned through `normalizeDigits`; letters are dropped and flagged `rejected`.
 *
 * With `edit` from the input event, a backspace (or delete) that removed only a separator deletes
 * the digit before (or after) it instead, as the customer meant; otherwise reformatting would put the
 * separator straight back and the key would appear to do nothing.
 */
export function reformatCardNumber(raw: string, caret: number, edit?: EditContext): FormatResult {
  const at = clampCaret(caret, raw.length);
  // what typing produces (ASCII digits and this formatter's spaces) is read in one pass: this runs
  // on every keystroke
  if (!edit?.inputType?.startsWith('delete')) {
    let digits = '';
    let before = 0;
    let i = 0;
    for (; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) {
        digits += raw[i];
        if (i < at) before++;
      } else if (code !== 0x20) break;
    }
    if (i === raw.length) return grouped(digits, before, false);
  }
  const { digits: all, rejected } = normalizeDigits(raw);
  let before = digitCount(raw.slice(0, at));
  let digits = all;
  if (deletedOnlySeparators(raw, edit)) {
    if (edit?.inputType?.endsWith('Forward')) {
      digits = all.slice(0, before) + all.slice(before + 1);
    } else if (before > 0) {
      digits = all.slice(0, before - 1) + all.slice(before);
      before -= 1;
    }
  }
  return grouped(digits, before, rejected);
}

/** Formats ASCII `digits` for the brand they start, with the caret after the `before`-th digit. */
function grouped(digits: string, before: number, rejected: boolean): FormatResult {
  const brand = detectBrand(digits);
  const capped = digits.slice(0, brand?.maxLength ?? PAN_MAX_DIGITS);
  const gaps = gapsFor(capped.length, brand);
  const kept = Math.min(before, capped.length);
  let formatted = '';
  // the caret goes before the next digit, after any separator (past the last digit: the end)
  let caret = 0;
  for (let i = 0; i < capped.length; i++) {
    if (i > 0 && gaps.includes(i)) formatted += CARD_NUMBER_SEPARATOR;
    if (i === kept && kept > 0) caret = formatted.length;
    formatted += capped[i];
  }
  if (kept > 0 && kept === capped.length) caret = formatted.length;
  return { digits: capped, formatted, caret, brand, rejected };
}

interface ExpiryTyping {
  month: string;
  monthDone: boolean;
  /** The month got its leading zero from a separator typed after one digit ("1/" → "01"). */
  paddedBySeparator: boolean;
  year: string;
}

function readExpiryTyping(raw: string): ExpiryTyping {
  const parts: ExpiryTyping = { month: '', monthDone: false, paddedBySeparator: false, year: '' };
  for (const char of raw) {
    const value = decimalDigitValue(char.codePointAt(0) ?? 0);
    if (value >= 0) {
      if (parts.monthDone) {
        if (parts.year.length < 4) parts.year += String(value);
      } else if (parts.month === '' && value >= 2) {
        // no month starts with 2–9 followed by another digit: "4" is April
        parts.month = `0${value}`;
        parts.monthDone = true;
      } else {
        parts.month += String(value);
        parts.monthDone = parts.month.length === 2;
      }
    } else if (!parts.monthDone && parts.month.length === 1 && parts.month !== '0' && isDigitSeparator(char)) {
      // "1/" means January
      parts.month = `0${parts.month}`;
      parts.monthDone = true;
      parts.paddedBySeparator = true;
    }
  }
  return parts;
}

function expiryValue(parts: ExpiryTyping, trailingSeparator: boolean): string {
  if (!parts.monthDone) return parts.month;
  if (parts.year) return parts.month + EXPIRY_SEPARATOR + parts.year;
  return trailingSeparator ? parts.month + EXPIRY_SEPARATOR : parts.month;
}

/**
 * Formats the `MM / YY` expiry box as the customer types, and maps the caret.
 *
 * "1" stays "1" (it may become 10–12), "2" → "02 / ", "12" → "12 / ", "1226" → "12 / 26",
 * "1/26" → "01 / 26"; a four-digit year is kept ("12 / 2026"). Letters are dropped.
 * Deleting works: backspace on "12 / " gives "12" (the separator is not put back on a deletion), and
 * with `edit` a backspace (delete) that only removed part of the separator moves the caret before
 * (after) it.
 */
export function formatExpiryInput(raw: string, caret: number, edit?: EditContext): { value: string; caret: number } {
  const at = clampCaret(caret, raw.length);
  const parts = readExpiryTyping(raw);
  const deleting = edit?.inputType
    ? edit.inputType.startsWith('delete')
    : // without the input type, "12 /" or "12 " can only come from deleting the end of "12 / "
      /^\p{Nd}{2}(?: \/| )$/u.test(raw);
  const value = expiryValue(parts, !deleting);

  if (deletedOnlySeparators(raw, edit) && parts.monthDone && parts.year !== '' && at <= 2 + EXPIRY_SEPARATOR.length) {
    // hop over the separator, so the next key press deletes a digit instead of nothing
    return { value, caret: edit?.inputType?.endsWith('Forward') ? 2 + EXPIRY_SEPARATOR.length : 2 };
  }
  const prefix = readExpiryTyping(raw.slice(0, at));
  let count: number;
  if (prefix.monthDone) count = 2 + prefix.year.length;
  else if (prefix.month.length === 1 && parts.paddedBySeparator) count = 2;
  else count = prefix.month.length;
  return { value, caret: caretAfterDigits(value, count) };
}
