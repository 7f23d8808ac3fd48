/**
 * Finds card numbers (PANs) hidden in free text, so that code which handles text the customer or a
 * server wrote (names, error messages, log lines, event details) can refuse or redact it.
 *
 * A candidate is 13–19 digits whose groups are separated by at most one separator each (a space or
 * any other Unicode space, a dash, a dot) and which passes the Luhn check. Digits in any script count
 * (full-width `４２４２…` is as much a card number as `4242…`).
 *
 * Digits are read in groups: `4242 4242 4242 4242 12 26` holds a card number followed by an expiry,
 * so every run of whole consecutive groups with 13–19 digits is a candidate, not only the whole
 * chain. A single unbroken run of digits is only a candidate as a whole: 20 or more digits in a row
 * are taken for an identifier, never searched inside (otherwise nearly every long id would match).
 * For the same reason a UUID in its canonical 8-4-4-4-12 form is never searched inside: its
 * digit-only segments joined across dashes pass Luhn for about one random UUID in 370, and UUIDs
 * are what idempotency keys and many hosts' ids are made of.
 */
import luhn10 from 'card-validator/dist/luhn-10.js';
import { decimalDigitValue } from './digits.js';

/** Shortest card number the scanner reports (ISO/IEC 7812 allows 8, but no issued brand is below 12; 13 is old Visa). */
export const PAN_MIN_DIGITS = 13;
/** Longest card number (ISO/IEC 7812). */
export const PAN_MAX_DIGITS = 19;

/** One card number found in a text. */
export interface CardNumberMatch {
  /** The card number as ASCII digits, separators removed. */
  digits: string;
  /** UTF-16 index of its first digit in the text. */
  start: number;
  /** UTF-16 index just after its last digit. */
  end: number;
}

// One separator between digit groups; deliberately narrower than normalizeDigits' list, since in
// free text a slash or underscore between numbers usually means something else (dates, ids).
const GROUP_SEPARATOR = /^[\s\p{Pd}\p{Cf}.\u2212]$/u;

/** True when `digits` is a non-empty string of ASCII digits that passes the Luhn (mod 10) check. */
export function luhnValid(digits: string): boolean {
  // luhn-10 itself answers true for '' and is undefined for non-digits
  return /^[0-9]+$/.test(digits) && luhn10(digits);
}

// Canonical UUIDs (any version). Hex letters are ASCII, so masking keeps every index in place.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function maskUuids(text: string): string {
  return text.replace(UUID, (uuid) => 'u'.repeat(uuid.length));
}

interface Group {
  digits: string;
  start: number;
  end: number;
}

/** Splits `text` into chains of digit groups; groups in a chain are one separator apart. */
function digitChains(text: string): Group[][] {
  const chains: Group[][] = [];
  let chain: Group[] = [];
  let group: Group | null = null;
  let index = 0;
  for (const char of text) {
    const value = decimalDigitValue(char.codePointAt(0) ?? 0);
    if (value >= 0) {
      group ??= { digits: '', start: index, end: index };
      group.digits += String(value);
      group.end = index + char.length;
    } else if (group) {
      chain.push(group);
      group = null;
      // one separator may join this group to the next; anything else ends the chain
      if (!GROUP_SEPARATOR.test(char)) {
        chains.push(chain);
        chain = [];
      }
    } else if (chain.length > 0) {
      // a second character since the last digit: the chain is over
      chains.push(chain);
      chain = [];
    }
    index += char.length;
  }
  if (group) chain.push(group);
  if (chain.length > 0) chains.push(chain);
  return chains;
}

/**
 * Every card number in `text`, in order of position, with where it is. Candidates may overlap
 * (`1 4242 4242 4242 4242` yields the 16-digit number and, if it passes Luhn, the 17-digit one too):
 * this is a guard, so it errs towards reporting.
 */
export function scanCardNumbers(text: string): CardNumberMatch[] {
  const matches: CardNumberMatch[] = [];
  for (const chain of digitChains(maskUuids(text))) {
    for (let first = 0; first < chain.length; first++) {
      let digits = '';
      for (let last = first; last < chain.length; last++) {
        digits += chain[last].digits;
        if (digits.length > PAN_MAX_DIGITS) break;
        if (digits.length >= PAN_MIN_DIGITS && luhnValid(digits)) {
          matches.push({ digits, start: chain[first].start, end: chain[last].end });
        }
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every run of 13–19 digits (digits optionally separated by single spaces, dashes or dots) in `text`
 * that passes the Luhn check, as ASCII digits without separators.
 *
 * @example findCardNumbers('card 4242-4242-4242-4242, exp 12/26') // ['4242424242424242']
 */
export function findCardNumbers(text: string): string[] {
  return scanCardNumbers(text).map((match) => match.digits);
}

const NON_ASCII = /[^\0-\x7f]/;
const ASCII_CHAIN = /[0-9](?:[\t-\r .-]?[0-9]){12}/;
/** A digit or {@link GROUP_SEPARATOR} outside ASCII: without one, every chain is an ASCII chain. */
const NON_ASCII_CHAIN_CHAR = /(?![\0-\x7f])[\p{Nd}\s\p{Pd}\p{Cf}\u2212]/u;
/** {@link PAN_MIN_DIGITS} digits in any script, one {@link GROUP_SEPARATOR} allowed between each two. */
const ANY_CHAIN = /\p{Nd}(?:[\s\p{Pd}\p{Cf}.\u2212]?\p{Nd}){12}/u;

/**
 * True when some chain of digit groups in `text` (as {@link scanCardNumbers} reads them) holds at
 * least {@link PAN_MIN_DIGITS} digits: a necessary condition for a card number, answered by regular
 * expressions without allocating. The ASCII ones are the fast ones, and enough unless the text has
 * a digit or separator from elsewhere in Unicode (accented names do not send it down the slow path).
 * UUID masking can only shorten chains, so it is left to the full scan.
 */
function hasLongDigitChain(text: string): boolean {
  if (ASCII_CHAIN.test(text)) return true;
  return NON_ASCII.test(text) && NON_ASCII_CHAIN_CHAR.test(text) && ANY_CHAIN.test(text);
}

/** True when `text` holds anything that looks like a full card number (Luhn-valid 13–19 digits, separators allowed). */
export function containsCardNumber(text: string): boolean {
  // the endpoint client runs this over every answer (180 kB for a thousand cards): most text has no
  // run of digits long enough, and the prefilter's regular expressions answer that ten times faster
  // than the full scan
  return hasLongDigitChain(text) && scanCardNumbers(text).length > 0;
}

/**
 * `text` with every card number replaced by `replacement` (overlapping candidates are merged into
 * one replacement), for error messages and log lines that must not carry card data.
 */
export function redactCardNumbers(text: string, replacement = '[card number removed]'): string {
  let result = '';
  let cursor = 0;
  let spanStart = -1;
  let spanEnd = -1;
  const flush = (): void => {
    if (spanStart < 0) return;
    result += text.slice(cursor, spanStart) + replacement;
    cursor = spanEnd;
  };
  for (const match of scanCardNumbers(text)) {
    if (spanStart >= 0 && match.start <= spanEnd) {
      spanEnd = Math.max(spanEnd, match.end);
      continue;
    }
    flush();
    spanStart = match.start;
    spanEnd = match.end;
  }
  flush();
  return result + text.slice(cursor);
}
