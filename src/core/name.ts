/** The name on the card. Names are free text: only emptiness, length and misplaced card numbers are judged. */
import { normalizeDigits } from './digits.js';
import { containsCardNumber } from './pan-scan.js';

/** Every reason a name can be invalid; each is a message key. */
export const NAME_ERROR_KEYS = ['nameRequired', 'nameTooLong', 'nameLooksLikeNumber'] as const;

/**
 * Why a name is invalid:
 * - `nameRequired`: empty or only spaces (only once the customer is done).
 * - `nameTooLong`: longer than `maxLength` characters.
 * - `nameLooksLikeNumber`: digits where a name should be: a card number typed in the wrong box.
 */
export type NameErrorKey = (typeof NAME_ERROR_KEYS)[number];

/** The name field's state; `value` is the trimmed name. */
export type NameState =
  | { status: 'empty' }
  | { status: 'valid'; value: string }
  | { status: 'invalid'; reason: NameErrorKey };

/** Options for {@link nameState}. */
export interface NameOptions {
  /** The customer is done (left the field / submitted): empty becomes invalid. */
  final?: boolean;
  /** Longest name accepted, in characters (code points); default 100. */
  maxLength?: number;
}

/**
 * Judges a cardholder name. Leading and trailing whitespace is trimmed; nothing else is changed
 * (names have apostrophes, hyphens, accents and non-Latin scripts). A name made only of digits and
 * separators (4 or more digits, in any script) or holding a whole card number is
 * `nameLooksLikeNumber` at once, not only when `final`: the host receives the name, and it must never
 * receive a card number.
 */
export function nameState(input: string, options: NameOptions = {}): NameState {
  const value = input.trim();
  if (value === '') return options.final ? { status: 'invalid', reason: 'nameRequired' } : { status: 'empty' };
  const { digits, rejected } = normalizeDigits(value);
  if ((!rejected && digits.length >= 4) || containsCardNumber(value)) {
    return { status: 'invalid', reason: 'nameLooksLikeNumber' };
  }
  if ([...value].length > (options.maxLength ?? 100)) return { status: 'invalid', reason: 'nameTooLong' };
  return { status: 'valid', value };
}
