/**
 * Card brands, as card-validator / credit-card-type know them. Every brand fact (prefixes, lengths,
 * gaps, security-code name and size) comes from credit-card-type; nothing here is a hand-kept table.
 *
 * credit-card-type keeps module-level mutable state (`addCard`, `updateCard`, `removeCard`,
 * `changeOrder`, `resetModifications`). A host that customises brands there sees its customisation
 * here, and the core never changes what the host's other code sees. Its answers are remembered (see
 * `brand-lookup.ts`), so asking again is a map lookup, not a deep clone.
 */
import creditCardType from 'credit-card-type';
import type { CreditCardTypeCardBrandId } from 'credit-card-type/dist/types.js';
import { brandCandidates, lookUpBrand } from './brand-lookup.js';
import { normalizeDigits } from './digits.js';

/** A card brand id, as card-validator names it (`visa`, `american-express`, …). */
export type CardBrand = CreditCardTypeCardBrandId;

/** Every brand card-validator knows, in credit-card-type's detection order. */
export const CARD_BRANDS: readonly CardBrand[] = Object.freeze(Object.values(creditCardType.types));

/** True when `value` is one of {@link CARD_BRANDS}; use it on brands that arrive from the network. */
export function isCardBrand(value: unknown): value is CardBrand {
  return typeof value === 'string' && (CARD_BRANDS as readonly string[]).includes(value);
}

/**
 * Lit attribute converter for a brand list, `accepted-brands="visa mastercard"`: unknown ids are
 * ignored rather than refusing every card.
 */
export const brandListAttribute = {
  fromAttribute: (value: string | null): CardBrand[] => (value ?? '').split(/\s+/).filter(isCardBrand),
  toAttribute: (value: readonly CardBrand[]): string => value.join(' '),
};

/** What the UI needs to know about a brand. */
export interface BrandInfo {
  brand: CardBrand;
  /** The brand's name as customers know it: "American Express", "Mastercard". */
  displayName: string;
  /** What the brand calls its security code: CVV, CVC, CID, CVN, CVE, CVP2. */
  codeName: string;
  /** Digits in the security code (4 for Amex, 3 otherwise). */
  codeSize: number;
  /** Digit counts after which a space goes when the number is displayed: [4, 8, 12], Amex [4, 10]. */
  gaps: readonly number[];
  /** Every number length the brand issues, ascending. */
  lengths: readonly number[];
  /** The longest of `lengths`. */
  maxLength: number;
  /** The security code is printed on the front of the card (Amex only). */
  codeOnFront: boolean;
}

/**
 * Facts about a brand. The same object comes back on every call while the brand is unchanged, so
 * elements can compare BrandInfo by identity.
 *
 * @throws {RangeError} when `brand` is not a {@link CardBrand} (check untrusted input with {@link isCardBrand}).
 */
export function brandInfo(brand: CardBrand): BrandInfo {
  if (!isCardBrand(brand)) throw new RangeError('Unknown card brand');
  return lookUpBrand(brand);
}

/**
 * The brand the digits belong to, or null while no brand or several brands still fit.
 *
 * credit-card-type returns every brand whose prefixes the digits could still grow into; it narrows
 * to one itself once the digits are long enough to decide by pattern length (`matchStrength`). The
 * core takes its answer only when it is a single brand, so "6" (Discover, UnionPay, Maestro, Elo…)
 * shows no brand while "6011" shows Discover. Separators and Unicode digits are normalised first;
 * acceptance is not judged here (see `numberState`), so a JCB number is JCB even where JCB is not
 * accepted and the UI can say so.
 */
export function detectBrand(digits: string): BrandInfo | null {
  const clean = normalizeDigits(digits).digits;
  if (clean === '') return null;
  return brandCandidates(clean).brand;
}
