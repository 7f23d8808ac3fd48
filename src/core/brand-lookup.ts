/**
 * credit-card-type's answers, remembered. Internal to the core (not exported from `saved-cards/core`):
 * `brands.ts` and `card-number.ts` read brands through it.
 *
 * credit-card-type deep-clones (a JSON round trip) every brand it hands out, on every call. While a
 * customer types, the form, the flip and the number verdict would ask it five or six times per
 * keystroke, and a list of 1,000 cards twice per row. So this remembers brand facts per brand, and
 * detection per digit prefix: no pattern is longer than a few digits, so detection only ever depends
 * on the first few. Most numbers are decided sooner than that (a Visa by "42", an Amex by "34"), and
 * a decided prefix answers for every number that starts with it, so a new number typed digit by digit
 * asks credit-card-type two or three times instead of six.
 *
 * credit-card-type keeps module-level mutable state that a host may change (`addCard`, `updateCard`,
 * `removeCard`, `changeOrder`, `resetModifications`), and the core promises to follow such changes.
 * So its five mutators are wrapped: each wrapper calls the original with the same arguments, returns
 * what it returns, and counts the call; any call drops everything remembered. The library behaves
 * exactly as before for the host's other code.
 */
import creditCardType from 'credit-card-type';
import type { CreditCardType, CreditCardTypeCardBrandId } from 'credit-card-type/dist/types.js';
import type { BrandInfo, CardBrand } from './brands.js';

type Mutator = 'addCard' | 'updateCard' | 'removeCard' | 'changeOrder' | 'resetModifications';

/** Bumped by every call of a credit-card-type mutator. */
let libraryVersion = 0;
/** The version what is remembered was worked out at. */
let rememberedVersion = -1;

for (const name of ['addCard', 'updateCard', 'removeCard', 'changeOrder', 'resetModifications'] satisfies Mutator[]) {
  const original = creditCardType[name] as (this: unknown, ...args: unknown[]) => unknown;
  if (typeof original !== 'function') continue;
  (creditCardType as unknown as Record<Mutator, unknown>)[name] = function (this: unknown, ...args: unknown[]): unknown {
    try {
      return original.apply(this, args);
    } finally {
      // also when it threw: it may have changed something first
      libraryVersion++;
    }
  };
}

/** credit-card-type's answer for a digit prefix: how many brands fit, and the brand when exactly one does. */
export interface Detection {
  readonly count: number;
  readonly brand: BrandInfo | null;
}

/** Brand facts by brand id. */
const facts = new Map<string, BrandInfo>();
/** Detections by digit prefix (at most {@link prefixLength} digits). */
const detections = new Map<string, Detection>();
/** Detections that no further digit can change, by the prefix that decided them. */
const decided = new Map<string, Detection>();
/** Typed and pasted prefixes are few, but a page that stays open for days should not grow this without bound. */
const MAX_DETECTIONS = 4096;
/**
 * The longest prefix any brand's pattern looks at (6 with the built-in brands). credit-card-type
 * compares a number with each pattern over the pattern's length only, and once the number is at
 * least that long every match counts at full strength; so a longer number is detected exactly as its
 * first `prefixLength` digits are.
 */
let prefixLength = 0;

/** Forgets what was remembered when the host has changed credit-card-type since. */
function syncWithLibrary(): void {
  if (rememberedVersion === libraryVersion) return;
  rememberedVersion = libraryVersion;
  facts.clear();
  detections.clear();
  decided.clear();
  prefixLength = 1;
  // with no digits, credit-card-type answers every brand it knows, custom ones included
  for (const type of creditCardType('')) {
    for (const pattern of type.patterns) {
      prefixLength = Math.max(prefixLength, String(Array.isArray(pattern) ? pattern[0] : pattern).length);
    }
  }
}

/** Facts built from a brand, by brand id; kept across library changes so unchanged brands keep their identity. */
const built = new Map<string, BrandInfo>();

function toBrandInfo(type: CreditCardType): BrandInfo {
  const cached = built.get(type.type);
  // a brand the host changed through updateCard gets a new object; an unchanged one keeps its own
  if (
    cached &&
    cached.displayName === type.niceType &&
    cached.codeName === type.code.name &&
    cached.codeSize === type.code.size &&
    cached.gaps.join() === type.gaps.join() &&
    cached.lengths.join() === [...type.lengths].sort((a, b) => a - b).join()
  ) {
    return cached;
  }
  const lengths = Object.freeze([...type.lengths].sort((a, b) => a - b));
  const info: BrandInfo = Object.freeze({
    brand: type.type as CreditCardTypeCardBrandId,
    displayName: type.niceType,
    codeName: type.code.name,
    codeSize: type.code.size,
    gaps: Object.freeze([...type.gaps]),
    lengths,
    maxLength: lengths[lengths.length - 1],
    codeOnFront: type.type === creditCardType.types.AMERICAN_EXPRESS,
  });
  built.set(type.type, info);
  return info;
}

/** The frozen facts of `brand`, the same object on every call while the library is unchanged. */
export function lookUpBrand(brand: CardBrand): BrandInfo {
  syncWithLibrary();
  let info = facts.get(brand);
  if (!info) {
    info = toBrandInfo(creditCardType.getTypeInfo(brand));
    facts.set(brand, info);
  }
  return info;
}

/** credit-card-type's answer for non-empty ASCII `digits`: how many brands they could belong to, and the brand when it is one. */
export function brandCandidates(digits: string): Detection {
  syncWithLibrary();
  const key = digits.length > prefixLength ? digits.slice(0, prefixLength) : digits;
  for (let length = 1; length < key.length; length++) {
    const found = decided.get(key.slice(0, length));
    if (found) return found;
  }
  let found = decided.get(key) ?? detections.get(key);
  if (!found) {
    const candidates = creditCardType(key);
    found = Object.freeze({ count: candidates.length, brand: candidates.length === 1 ? toBrandInfo(candidates[0]) : null });
    // Matching only ever narrows as digits are added. Once no brand is left, or one is left whose
    // pattern is typed in full (credit-card-type then sets its matchStrength), more digits cannot
    // change the answer.
    const final = candidates.length === 0 || (candidates.length === 1 && candidates[0].matchStrength !== undefined);
    const cache = final ? decided : detections;
    if (cache.size >= MAX_DETECTIONS) cache.clear();
    cache.set(key, found);
  }
  return found;
}
