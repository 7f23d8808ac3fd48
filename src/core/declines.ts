/**
 * Gateway decline codes, reduced to the few things a customer can do about a decline.
 *
 * The codes are Stripe's published decline codes (docs.stripe.com/declines/codes); other gateways'
 * codes that share a name map the same way, and anything unknown is a generic decline. Following
 * Stripe's guidance, declines that reveal a suspicion (lost, stolen, fraudulent, pick-up card,
 * merchant block list) are shown exactly like a generic decline: telling a fraudster why helps them.
 */

/** What the customer can do about a decline. */
export type DeclineReason =
  | 'insufficient-funds'
  | 'expired-card'
  | 'incorrect-details'
  | 'authentication-required'
  | 'try-again-later'
  | 'use-another-card';

/** Every decline message key (what happened). */
export const DECLINE_MESSAGE_KEYS = [
  'declineInsufficientFunds',
  'declineExpiredCard',
  'declineIncorrectNumber',
  'declineIncorrectExpiry',
  'declineIncorrectCode',
  'declineIncorrectPostalCode',
  'declineAuthenticationRequired',
  'declineTryAgainLater',
  'declineNotSupported',
  'declineGeneric',
] as const;

/** Every decline next-step key (what to do). */
export const DECLINE_NEXT_STEP_KEYS = [
  'declineNextUseAnotherCardOrBank',
  'declineNextCheckExpiry',
  'declineNextCheckNumber',
  'declineNextCheckCode',
  'declineNextCheckPostalCode',
  'declineNextAuthenticate',
  'declineNextTryAgainLater',
  'declineNextUseAnotherCard',
] as const;

/** A decline message key. */
export type DeclineMessageKey = (typeof DECLINE_MESSAGE_KEYS)[number];
/** A decline next-step key. */
export type DeclineNextStepKey = (typeof DECLINE_NEXT_STEP_KEYS)[number];

/** How to present a decline. */
export interface DeclineInfo {
  reason: DeclineReason;
  /** What happened, in the customer's terms. */
  messageKey: DeclineMessageKey;
  /** What the customer can do next. */
  nextStepKey: DeclineNextStepKey;
  /** Which field the customer should fix, if any. */
  field?: 'number' | 'expiry' | 'code' | 'postalCode';
  /** Submitting again may succeed (after fixing `field`, authenticating, or waiting a little). */
  retryable: boolean;
}

const info = (value: DeclineInfo): DeclineInfo => Object.freeze(value);

const INSUFFICIENT_FUNDS = info({ reason: 'insufficient-funds', messageKey: 'declineInsufficientFunds', nextStepKey: 'declineNextUseAnotherCardOrBank', retryable: false });
const EXPIRED = info({ reason: 'expired-card', messageKey: 'declineExpiredCard', nextStepKey: 'declineNextCheckExpiry', field: 'expiry', retryable: true });
const WRONG_NUMBER = info({ reason: 'incorrect-details', messageKey: 'declineIncorrectNumber', nextStepKey: 'declineNextCheckNumber', field: 'number', retryable: true });
const WRONG_EXPIRY = info({ reason: 'incorrect-details', messageKey: 'declineIncorrectExpiry', nextStepKey: 'declineNextCheckExpiry', field: 'expiry', retryable: true });
const WRONG_CODE = info({ reason: 'incorrect-details', messageKey: 'declineIncorrectCode', nextStepKey: 'declineNextCheckCode', field: 'code', retryable: true });
const WRONG_POSTAL = info({ reason: 'incorrect-details', messageKey: 'declineIncorrectPostalCode', nextStepKey: 'declineNextCheckPostalCode', field: 'postalCode', retryable: true });
const AUTHENTICATE = info({ reason: 'authentication-required', messageKey: 'declineAuthenticationRequired', nextStepKey: 'declineNextAuthenticate', retryable: true });
const LATER = info({ reason: 'try-again-later', messageKey: 'declineTryAgainLater', nextStepKey: 'declineNextTryAgainLater', retryable: true });
const NOT_SUPPORTED = info({ reason: 'use-another-card', messageKey: 'declineNotSupported', nextStepKey: 'declineNextUseAnotherCard', retryable: false });
const GENERIC = info({ reason: 'use-another-card', messageKey: 'declineGeneric', nextStepKey: 'declineNextUseAnotherCardOrBank', retryable: false });

/** Decline code → how to present it. A Map, so codes like `constructor` cannot hit Object.prototype. */
const DECLINES: ReadonlyMap<string, DeclineInfo> = new Map<string, DeclineInfo>([
  // the customer's balance or limits
  ['insufficient_funds', INSUFFICIENT_FUNDS],
  ['card_velocity_exceeded', INSUFFICIENT_FUNDS], // balance, credit limit or amount limit exceeded
  ['withdrawal_count_limit_exceeded', INSUFFICIENT_FUNDS],
  // details the customer can correct
  ['expired_card', EXPIRED],
  ['incorrect_number', WRONG_NUMBER],
  ['invalid_number', WRONG_NUMBER],
  ['invalid_expiry_month', WRONG_EXPIRY],
  ['invalid_expiry_year', WRONG_EXPIRY],
  ['incorrect_cvc', WRONG_CODE],
  ['invalid_cvc', WRONG_CODE],
  ['incorrect_zip', WRONG_POSTAL],
  // the bank wants the customer to confirm it is them
  ['authentication_required', AUTHENTICATE],
  // passing problems at the gateway or the bank
  ['processing_error', LATER],
  ['try_again_later', LATER],
  ['issuer_not_available', LATER],
  ['reenter_transaction', LATER],
  ['approve_with_id', LATER], // Stripe: attempt the payment again
  ['duplicate_transaction', LATER],
  // the card cannot be used for this
  ['card_not_supported', NOT_SUPPORTED],
  ['currency_not_supported', NOT_SUPPORTED],
  ['transaction_not_allowed', NOT_SUPPORTED],
  ['service_not_allowed', NOT_SUPPORTED],
  ['not_permitted', NOT_SUPPORTED],
  ['testmode_decline', NOT_SUPPORTED], // a test card on a live account
]);

/**
 * Codes that are generic declines by name; and, per Stripe's guidance, the suspicious ones, presented
 * as generic. Any code not in {@link DECLINES} reads as generic, so only {@link KNOWN_DECLINE_CODES}
 * needs this list (and a bundle that does not use it leaves it out).
 */
const GENERIC_CODES = [
  'card_declined',
  'generic_decline',
  'do_not_honor',
  'do_not_try_again',
  'call_issuer',
  'restricted_card',
  'security_violation',
  'invalid_account',
  'invalid_amount',
  'new_account_information_available',
  'no_action_taken',
  'revocation_of_all_authorizations',
  'revocation_of_authorization',
  'stop_payment_order',
  'incorrect_pin', // PIN codes only concern card readers
  'invalid_pin',
  'offline_pin_required',
  'online_or_offline_pin_required',
  'pin_try_exceeded',
  'lost_card',
  'stolen_card',
  'pickup_card',
  'fraudulent',
  'merchant_blacklist',
];

/** Every decline code the core knows by name: those with a specific mapping, then the generic ones. */
export const KNOWN_DECLINE_CODES: readonly string[] = /* @__PURE__ */ (() => Object.freeze([...DECLINES.keys(), ...GENERIC_CODES]))();

/**
 * How to present a decline to the customer. `code` is the gateway's decline code (Stripe's
 * `decline_code`, or the error `code` when there is none); case, surrounding spaces and dashes for
 * underscores are forgiven. Unknown, missing or malformed codes are a generic `use-another-card`.
 */
export function declineInfo(code: string | null | undefined): DeclineInfo {
  if (typeof code !== 'string') return GENERIC;
  const key = code.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return DECLINES.get(key) ?? GENERIC;
}
