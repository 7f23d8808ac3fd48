/**
 * Every message key the core can return, in one union and one list, so a locale can be checked for
 * completeness (`satisfies Record<CoreMessageKey, string>`) and tests can walk them all.
 */
import { NUMBER_ERROR_KEYS } from './card-number.js';
import { CODE_ERROR_KEYS } from './security-code.js';
import { DECLINE_MESSAGE_KEYS, DECLINE_NEXT_STEP_KEYS } from './declines.js';
import { EXPIRY_ERROR_KEYS } from './expiry.js';
import { NAME_ERROR_KEYS } from './name.js';
import { POSTAL_CODE_LABEL_KEYS, POSTAL_ERROR_KEYS } from './postal-code.js';
import type { NumberErrorKey } from './card-number.js';
import type { CodeErrorKey } from './security-code.js';
import type { DeclineMessageKey, DeclineNextStepKey } from './declines.js';
import type { ExpiryErrorKey } from './expiry.js';
import type { NameErrorKey } from './name.js';
import type { PostalCodeLabelKey, PostalErrorKey } from './postal-code.js';

/** Every message key the core returns. */
export type CoreMessageKey =
  | NumberErrorKey
  | ExpiryErrorKey
  | CodeErrorKey
  | NameErrorKey
  | PostalErrorKey
  | PostalCodeLabelKey
  | DeclineMessageKey
  | DeclineNextStepKey;

/** Every message key the core returns, as a list. */
export const CORE_MESSAGE_KEYS: readonly CoreMessageKey[] = Object.freeze([
  ...NUMBER_ERROR_KEYS,
  ...EXPIRY_ERROR_KEYS,
  ...CODE_ERROR_KEYS,
  ...NAME_ERROR_KEYS,
  ...POSTAL_ERROR_KEYS,
  ...POSTAL_CODE_LABEL_KEYS,
  ...DECLINE_MESSAGE_KEYS,
  ...DECLINE_NEXT_STEP_KEYS,
]);

/**
 * Placeholders core messages may use: `{brand}` (the brand's display name), `{code}` (its security
 * code's name, e.g. CVC) and `{length}` (its security code's digit count).
 */
export const CORE_MESSAGE_PLACEHOLDERS = ['brand', 'code', 'length'] as const;
