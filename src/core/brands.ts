/**
 * Card brands, as card-validator / credit-card-type know them. Every brand fact (prefixes, lengths,
 * gaps, security-code name and size) comes from credit-card-type; nothing here is a hand-kept table.
 *
 * credit-card-type keeps module-level mutable state (`addCard`, `updateCard`, `changeOrder`,
 * `resetModifications`). The core only reads it: a host that customises brands there sees its
 * customisation here, and the core never changes what the host's other code sees.
 */
import creditCardType from 'credit-card-type';
import type { CreditCardType, CreditCardTypeCardBrandId } from 'credit-card-type/dist/types.js';
import { normalizeDigits } from './digits.js';

/** A card brand id, as card-validator names it (`visa`, `american-express`, …). */
export type CardBrand = CreditCardTypeCardBrandId;

/** Every brand card-validator knows, in credit-card-type's detection order. */
export const CARD_BRANDS: readonly CardBrand[] = Object.freeze(Object.values(creditCardType.types));

/** True when `value` is one of {@link CARD_BRANDS}; use it on brands that arrive from the network. */
export function isCardBrand(value: unknown): value is CardBrand {
  return typeof value === 'string' && (CARD_BRANDS as readonly string[]).includes(value);
}

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

const infoCache = new Map<string, BrandInfo>();

function toBrandInfo(type: CreditCardType): BrandInfo {
  const cached = infoCache.get(type.type);
  // credit-card-type hands out clones, so a cached entry can only be stale if the host changed the
  // brand through updateCard; compare the facts we copy and rebuild when they differ
  if (
    cached &&
    cached.displayName === type.niceType &&
    cached.codeSize === type.code.size &&
    cached.gaps.join() === type.gaps.join() &&
    cached.lengths.join() === [...type.lengths].sort((a, b) => a - b).join()
  ) {
    return cached;
  }
  const lengths = Object.freeze([...type.lengths].sort((a, b) => a - b));
  const info: BrandInfo = Object.freeze({
    brand: type.type as CardBrand,
    displayName: type.niceType,
    codeName: type.code.name,
    codeSize: type.code.size,
    gaps: Object.freeze([...type.gaps]),
    lengths,
    maxLength: lengths[lengths.length - 1],
    codeOnFront: type.type === creditCardType.types.AMERICAN_EXPRESS,
  });
  infoCache.set(type.type, info);
  return info;
}

/**
 * Facts about a brand. The same object comes back on every call while the brand is unchanged, so
 * elements can compare BrandInfo by identity.
 *
 * @throws {RangeError} when `brand` is not a {@link CardBrand} (check untrusted input with {@link isCardBrand}).
 */
export function brandInfo(brand: CardBrand): BrandInfo {
  if (!isCardBrand(brand)) throw new RangeError('Unknown card brand');
  return toBrandInfo(creditCardType.getTypeInfo(brand));
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
  const candidates = creditCardType(clean);
  return candidates.length === 1 ? toBrandInfo(candidates[0]) : null;
}
