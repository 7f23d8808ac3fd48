/**
 * What the drawn card shows, worked out without a DOM: the number's character slots grouped the
 * way the brand prints them, the masked layout of a saved card, and the expiry over its template.
 * Every slot exists from the first keystroke (typed digits replace placeholder dots), so the
 * drawing never reflows while the customer types.
 */
import type { BrandInfo } from '../core/brands.js';
import { CARD_NUMBER_SEPARATOR, formatCardNumber } from '../core/format.js';

/** The dot drawn for a digit not typed yet, and for the hidden digits of a saved card. */
export const PLACEHOLDER = '•';

// a card of unknown brand may be any length card-validator allows; draw 16 until more are typed
const UNKNOWN_LENGTHS: readonly number[] = [16, 17, 18, 19];

/**
 * How many slots to draw. A brand that issues 16-digit cards is drawn with 16 (Visa and Maestro
 * also issue longer and shorter ones, but a layout that changed with every digit would jump);
 * otherwise its shortest length (Amex 15). Once more digits are typed the layout grows to the next
 * length the brand issues, up to its longest.
 */
export function layoutLength(typed: number, info: BrandInfo | null): number {
  const lengths = info?.lengths ?? UNKNOWN_LENGTHS;
  const usual = lengths.includes(16) ? 16 : lengths[0];
  const wanted = Math.max(usual, typed);
  return lengths.find((length) => length >= wanted) ?? lengths[lengths.length - 1];
}

// brand facts are frozen, so a brand's group sizes can be remembered by its facts object
const sizesByBrand = new WeakMap<BrandInfo, Map<number, readonly number[]>>();
const sizesUnknown = new Map<number, readonly number[]>();

/**
 * The group sizes of a `length`-digit number, exactly where the number field puts its spaces (the
 * core's `formatCardNumber`: Amex 4-6-5, 19 digits 4-4-4-4-3), so the drawing and the field always
 * agree. Remembered per brand and length: the drawing asks on every keystroke.
 */
function groupSizes(length: number, info: BrandInfo | null): readonly number[] {
  let byLength = info ? sizesByBrand.get(info) : sizesUnknown;
  if (!byLength) sizesByBrand.set(info!, (byLength = new Map()));
  let sizes = byLength.get(length);
  if (!sizes) {
    sizes = formatCardNumber('0'.repeat(length), info)
      .split(CARD_NUMBER_SEPARATOR)
      .map((group) => group.length);
    byLength.set(length, sizes);
  }
  return sizes;
}

function split(text: string, info: BrandInfo | null): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const size of groupSizes(text.length, info)) {
    groups.push(text.slice(start, start + size));
    start += size;
  }
  return groups;
}

/**
 * The number's groups as drawn, one string each: the digits typed so far (ASCII only), padded with
 * placeholder dots to the brand's layout and split at its gaps: Visa "4242" → `4242`, `••••`, `••••`,
 * `••••`; Amex "3782" → `3782`, `••••••`, `•••••`. Digits beyond the brand's longest length are not drawn.
 */
export function numberTexts(digits: string, info: BrandInfo | null): string[] {
  const length = layoutLength(digits.length, info);
  return split(digits.slice(0, length).padEnd(length, PLACEHOLDER), info);
}

/**
 * A saved card drawn from its last four digits, every other digit a dot, in the brand's usual
 * layout, so it reads like `maskLast4`'s "•••• 2222" stretched to the full card:
 * Visa `•••• •••• •••• 2222`, Amex `•••• •••••• •2222`.
 */
export function maskedTexts(last4: string, info: BrandInfo | null): string[] {
  const shown = last4.slice(-4);
  return split(shown.padStart(layoutLength(0, info), PLACEHOLDER), info);
}

/**
 * The expiry drawn over its template: each letter of `template` ("MM/YY") is replaced by the next
 * digit typed, so "1" → "1M/YY", "123" → "12/3Y", "1230" → "12/30". A four-digit year
 * ("12/2030") is drawn with its last two digits.
 */
export function expiryText(digits: string, template: string): string {
  const shown = digits.length === 6 ? digits.slice(0, 2) + digits.slice(4) : digits.slice(0, 4);
  let next = 0;
  return template.replace(/\p{L}/gu, (letter) => (next < shown.length ? shown[next++] : letter));
}
