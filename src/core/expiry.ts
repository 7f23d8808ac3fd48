/**
 * Expiry dates: what the customer types in the `MM / YY` box, and how soon a saved card expires.
 * A card is good through the last day of its expiry month; all dates are judged in the local time of
 * the (injectable) clock.
 */
import { decimalDigitValue, isDigitSeparator } from './digits.js';

/** A card's expiry month. */
export interface Expiry {
  /** 1–12. */
  month: number;
  /** Four digits. */
  year: number;
}

/** Every reason an expiry can be invalid; each is a message key. */
export const EXPIRY_ERROR_KEYS = [
  'expiryRequired',
  'expiryIncomplete',
  'expiryMonthInvalid',
  'expiryInPast',
  'expiryTooFar',
  'expiryInvalid',
] as const;

/**
 * Why an expiry is invalid:
 * - `expiryRequired`: empty (only once the customer is done).
 * - `expiryIncomplete`: month or year missing or partly typed (only once the customer is done).
 * - `expiryMonthInvalid`: the month is not 01–12.
 * - `expiryInPast`: the card has expired.
 * - `expiryTooFar`: further ahead than any card is issued for (`maxYearsAhead`).
 * - `expiryInvalid`: not readable as a date (letters, too many digits).
 */
export type ExpiryErrorKey = (typeof EXPIRY_ERROR_KEYS)[number];

/** The expiry field's state. */
export type ExpiryState =
  | { status: 'empty' }
  | { status: 'typing' }
  | { status: 'valid'; expiry: Expiry }
  | { status: 'invalid'; reason: ExpiryErrorKey };

/** Options for {@link expiryState}. */
export interface ExpiryOptions {
  /** The clock; default `new Date()`. Months are judged in its local time. */
  now?: Date;
  /** How many years ahead an expiry may be; default 20. */
  maxYearsAhead?: number;
  /** The customer is done (left the field / submitted): incomplete or empty becomes invalid. */
  final?: boolean;
}

type Parsed =
  | { kind: 'empty' }
  | { kind: 'unreadable' }
  | { kind: 'partial'; month?: number }
  | { kind: 'complete'; month: number; year: string };

/**
 * Splits the input into digit groups; `closed` says a separator follows the last group. Any
 * character that is neither digit nor separator makes the input unreadable (null).
 */
function digitGroups(input: string): { groups: string[]; closed: boolean } | null {
  const groups: string[] = [];
  let current = '';
  let closed = false;
  for (const char of input) {
    const value = decimalDigitValue(char.codePointAt(0) ?? 0);
    if (value >= 0) {
      current += String(value);
      closed = false;
    } else if (isDigitSeparator(char)) {
      if (current) groups.push(current);
      current = '';
      closed = groups.length > 0;
    } else {
      return null;
    }
  }
  if (current) groups.push(current);
  return { groups, closed };
}

function parse(input: string): Parsed {
  const read = digitGroups(input);
  if (!read) return { kind: 'unreadable' };
  const { groups, closed } = read;
  if (groups.length === 0) return { kind: 'empty' };
  let monthText: string;
  let yearText: string;
  let monthComplete: boolean;
  if (groups.length === 1) {
    const digits = groups[0];
    if (digits.length > 6) return { kind: 'unreadable' };
    // no month starts with 2–9 followed by another digit: "426" is April 2026
    const monthLength = digits[0] >= '2' ? 1 : Math.min(2, digits.length);
    monthText = digits.slice(0, monthLength);
    yearText = digits.slice(monthLength);
    // a lone "1" may still become 10–12, unless a separator closed it ("1/")
    monthComplete = monthText.length === 2 || monthText >= '2' || closed || yearText !== '';
  } else if (groups.length === 2 && groups[0].length <= 2 && groups[1].length <= 4) {
    [monthText, yearText] = groups;
    monthComplete = true;
  } else {
    return { kind: 'unreadable' };
  }
  if (!monthComplete) return { kind: 'partial' };
  const month = Number(monthText);
  if (yearText.length === 2 || yearText.length === 4) return { kind: 'complete', month, year: yearText };
  return { kind: 'partial', month };
}

function toFullYear(year: string, now: Date): number {
  if (year.length === 4) return Number(year);
  // two digits: the century that puts the year nearest to now, leaning towards the future
  const current = now.getFullYear();
  let full = Math.floor(current / 100) * 100 + Number(year);
  if (full < current - 50) full += 100;
  else if (full >= current + 50) full -= 100;
  return full;
}

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);

/**
 * Judges an expiry as typed. Accepts `1/26`, `01/26`, `01 / 2026`, `0126`, `012026`, `1 / 26`, with
 * any separator and Unicode digits. A month outside 01–12 is invalid at once; so is a complete date
 * in the past or more than `maxYearsAhead` ahead. The current month is valid until its last day.
 */
export function expiryState(input: string, options: ExpiryOptions = {}): ExpiryState {
  const now = options.now ?? new Date();
  const maxYearsAhead = options.maxYearsAhead ?? 20;
  const final = options.final ?? false;
  const parsed = parse(input);
  switch (parsed.kind) {
    case 'empty':
      return final ? { status: 'invalid', reason: 'expiryRequired' } : { status: 'empty' };
    case 'unreadable':
      return { status: 'invalid', reason: 'expiryInvalid' };
    case 'partial':
      if (parsed.month !== undefined && (parsed.month < 1 || parsed.month > 12)) {
        return { status: 'invalid', reason: 'expiryMonthInvalid' };
      }
      return final ? { status: 'invalid', reason: 'expiryIncomplete' } : { status: 'typing' };
    case 'complete': {
      const { month } = parsed;
      if (month < 1 || month > 12) return { status: 'invalid', reason: 'expiryMonthInvalid' };
      const year = toFullYear(parsed.year, now);
      const current = monthIndex(now.getFullYear(), now.getMonth() + 1);
      const expiry = monthIndex(year, month);
      if (expiry < current) {
        // "12 / 20" may be the start of "12 / 2031": wait for the customer to finish typing
        const mayGrow = parsed.year.length === 2 && !final && String(now.getFullYear()).startsWith(parsed.year);
        return mayGrow ? { status: 'typing' } : { status: 'invalid', reason: 'expiryInPast' };
      }
      if (expiry - current > maxYearsAhead * 12) return { status: 'invalid', reason: 'expiryTooFar' };
      return { status: 'valid', expiry: { month, year } };
    }
  }
}

/** `MM/YY`, e.g. `01/26`. */
export function formatExpiry(e: Expiry): string {
  const month = String(e.month).padStart(2, '0');
  const year = String(((e.year % 100) + 100) % 100).padStart(2, '0');
  return `${month}/${year}`;
}

/** How a saved card stands: expired, expiring soon, or fine. */
export type ExpiryStatus = 'expired' | 'expiring' | 'ok';

/**
 * For a SAVED card: `expired` after the last day of its month, `expiring` when that last day is
 * within `soonDays` (default 60) days from now, `ok` otherwise. Local time of the clock.
 */
export function expiryStatus(e: Expiry, options: { now?: Date; soonDays?: number } = {}): ExpiryStatus {
  const now = options.now ?? new Date();
  const soonDays = options.soonDays ?? 60;
  // midnight starting the first day after the expiry month, local time
  const end = new Date(now.getTime());
  // setFullYear, unlike the Date constructor, does not map years 0–99 to 1900–1999; month index
  // e.month is the month after the expiry month (12 rolls over into January)
  end.setFullYear(e.year, e.month, 1);
  end.setHours(0, 0, 0, 0);
  if (now.getTime() >= end.getTime()) return 'expired';
  const soon = new Date(now.getTime());
  soon.setDate(soon.getDate() + soonDays);
  return soon.getTime() >= end.getTime() ? 'expiring' : 'ok';
}
