/**
 * Stripe's errors in our terms. Field errors become our message keys (the core's wording, in the
 * host's language), never Stripe's English; confirmation errors become {@link TokenizeError}s that the
 * form already knows how to present (declines through the core's `declineInfo`).
 */
import type { StripeError } from '@stripe/stripe-js';
import type { MessageKey } from '../../i18n/index.js';
import { TokenizeError, type TokenizeErrorField } from '../types.js';

/** One of the split card fields, in the form's terms. */
export type StripeField = 'number' | 'expiry' | 'code';

/** Stripe's `elementType` for each of our fields. */
export const ELEMENT_TYPES = { number: 'cardNumber', expiry: 'cardExpiry', code: 'cardCvc' } as const;

/**
 * Element validation codes (the `change` event's `error.code`) and the message each shows. Codes
 * Stripe adds later fall back to the field's "check this" message.
 */
const FIELD_MESSAGES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['incomplete_number', 'numberIncomplete'],
  ['invalid_number', 'numberChecksum'],
  ['incorrect_number', 'numberChecksum'],
  ['incomplete_expiry', 'expiryIncomplete'],
  ['invalid_expiry_month', 'expiryMonthInvalid'],
  ['invalid_expiry_month_past', 'expiryInPast'],
  ['invalid_expiry_year_past', 'expiryInPast'],
  ['invalid_expiry_year', 'expiryTooFar'],
  ['expired_card', 'expiryInPast'],
  ['incomplete_cvc', 'codeIncomplete'],
  ['invalid_cvc', 'codeIncomplete'],
  ['incorrect_cvc', 'codeIncomplete'],
]);

const REQUIRED: Record<StripeField, MessageKey> = { number: 'numberRequired', expiry: 'expiryRequired', code: 'codeRequired' };
const INCOMPLETE: Record<StripeField, MessageKey> = { number: 'numberIncomplete', expiry: 'expiryIncomplete', code: 'codeIncomplete' };

/** The message for a Stripe element validation code on `field`. */
export function fieldMessage(field: StripeField, code: string): MessageKey {
  return FIELD_MESSAGES.get(code) ?? (field === 'number' ? 'numberChecksum' : 'fieldRejected');
}

/** What the form knows about one Stripe field, from its `change` events. */
export interface StripeFieldState {
  empty: boolean;
  complete: boolean;
  /** Stripe's validation code while it reports one (`invalid_number`, `incomplete_cvc`, …). */
  error: string | null;
}

/** A field nobody has typed in. */
export const EMPTY_FIELD: StripeFieldState = Object.freeze({ empty: true, complete: false, error: null });

/**
 * The message a field shows as if the customer were done: Stripe's own verdict when it gave one,
 * else "required" or "incomplete". `null` once the field is complete.
 */
export function fieldProblem(field: StripeField, state: StripeFieldState): MessageKey | null {
  if (state.error) return fieldMessage(field, state.error);
  if (state.complete) return null;
  return state.empty ? REQUIRED[field] : INCOMPLETE[field];
}

/** Codes and decline codes are kept only when they are plain identifiers (the same rule as the token endpoint's). */
const SAFE_CODE = /^[A-Za-z][A-Za-z_.-]{0,63}$/;

function safe(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_CODE.test(value) ? value : undefined;
}

function fieldFor(code: string, param: string | undefined): TokenizeErrorField | undefined {
  const hint = `${param ?? ''} ${code}`;
  if (/number/.test(hint)) return 'number';
  if (/exp/.test(hint)) return 'expiry';
  if (/cvc|cvv/.test(hint)) return 'code';
  if (/zip|postal|address/.test(hint)) return 'address';
  return undefined;
}

/** The 3-D Secure challenge ended without success: closed by the customer or failed, Stripe does not say which. */
const AUTHENTICATION_FAILURES = new Set(['payment_intent_authentication_failure', 'setup_intent_authentication_failure']);

/** The code {@link TokenizeError} carries for {@link AUTHENTICATION_FAILURES}; the form says "cancelled or failed". */
export const AUTHENTICATION_FAILED = 'authentication_failed';

/**
 * Turns the `error` of a `confirmCardSetup` / `confirmCardPayment` result into a TokenizeError.
 * Only Stripe's codes travel on; its `message` (English, and possibly echoing input) never does.
 */
export function confirmError(error: StripeError): TokenizeError {
  const code = safe(error.code);
  if (code && AUTHENTICATION_FAILURES.has(code)) return new TokenizeError({ kind: 'declined', code: AUTHENTICATION_FAILED });
  switch (error.type) {
    case 'card_error': {
      const declineCode = safe(error.decline_code) ?? code ?? 'card_declined';
      return new TokenizeError({ kind: 'declined', code: code ?? 'card_declined', declineCode, field: fieldFor(declineCode, safe(error.param)) });
    }
    case 'validation_error':
      return new TokenizeError({ kind: 'invalid', code: code ?? 'invalid_request', field: fieldFor(code ?? '', safe(error.param)) });
    case 'api_connection_error':
      return new TokenizeError({ kind: 'network', code: 'network_error' });
    case 'rate_limit_error':
      return new TokenizeError({ kind: 'server', code: 'rate_limited', status: 429 });
    default:
      // invalid_request_error (an intent in an unexpected state, a wrong key), api_error, authentication_error
      return new TokenizeError({ kind: 'server', code: code ?? safe(error.type) ?? 'stripe_error' });
  }
}
