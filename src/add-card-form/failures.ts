/**
 * What went wrong with a submission, in the form's terms. Errors from the tokenizer and from the
 * host endpoint arrive in two shapes; the form needs one: which message to show, which field to
 * point at, and whether the same attempt may be retried as it stands.
 */
import { EndpointError } from '../endpoint/errors.js';
import { TokenizeError } from '../gateways/types.js';
import type { FieldName } from './field-state.js';

/**
 * - `declined`: the bank or gateway refused the card (`declineCode` says why);
 * - `field`: the gateway or host endpoint refused one field (`field`, `code`);
 * - `network`: no answer, or not in time: nothing is known to have happened;
 * - `server`: an answer that is not about the card (5xx, a broken answer, an unexpected status);
 * - `session`: the host endpoint answered 401;
 * - `rate-limited`: 429 (`retryAfterMs` when the server said);
 * - `conflict`: the server refused the request as it stands (`code` holds its reason: `max_cards`, `invoice_paid`, `token_used`, …);
 * - `verification-failed` / `verification-expired`: a wrong or expired one-time code;
 * - `authentication-failed`: the gateway's own 3-D Secure challenge ended without success (the
 *   customer closed it or the bank refused: the gateway does not say which);
 * - `aborted`: the form itself gave up (it was removed from the page): nothing to show.
 */
export type FailureKind =
  | 'declined'
  | 'field'
  | 'network'
  | 'server'
  | 'session'
  | 'rate-limited'
  | 'conflict'
  | 'verification-failed'
  | 'verification-expired'
  | 'authentication-failed'
  | 'aborted';

/** A classified failure. Holds codes only: never card data, never server prose. */
export interface Failure {
  kind: FailureKind;
  /** The machine-readable code (`card_declined`, `incorrect_number`, `timeout`, `max_cards`, …). */
  code: string;
  declineCode?: string;
  field?: FieldName;
  retryAfterMs?: number;
  /**
   * The same attempt (idempotency key and token) may be sent again: nothing definite happened, or
   * whatever happened will be replayed by the server rather than repeated.
   */
  retrySameAttempt: boolean;
}

/** Maps the host endpoint's field names (`nameOnCard`, `billing.address.postalCode`) to the form's. */
export function formFieldFor(hostField: string | undefined): FieldName | undefined {
  if (!hostField) return undefined;
  const last = hostField.split('.').pop() ?? '';
  switch (last) {
    case 'nameOnCard':
    case 'name':
      return 'name';
    case 'number':
      return 'number';
    case 'expiry':
    case 'expMonth':
    case 'expYear':
      return 'expiry';
    case 'code':
    case 'cvc':
      return 'code';
    case 'address':
    case 'line1':
    case 'line2':
      return 'line1';
    case 'city':
    case 'region':
    case 'postalCode':
    case 'country':
    case 'funding':
      return last;
    case 'savedAddressId':
      return 'addressChoice';
    default:
      return undefined;
  }
}

/** Classifies whatever a tokenizer or the endpoint client threw. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof TokenizeError) return fromTokenizeError(error);
  if (error instanceof EndpointError) return fromEndpointError(error);
  // a third-party tokenizer that throws something else: treat like an unreadable answer
  return { kind: 'server', code: 'unknown_error', retrySameAttempt: false };
}

function fromTokenizeError(error: TokenizeError): Failure {
  if (error.code === 'authentication_failed') return { kind: 'authentication-failed', code: error.code, retrySameAttempt: false };
  switch (error.kind) {
    case 'declined':
      return { kind: 'declined', code: error.code, declineCode: error.declineCode ?? error.code, field: error.field === 'address' ? 'line1' : error.field, retrySameAttempt: false };
    case 'invalid':
      if (error.field) return { kind: 'field', code: error.code, field: error.field === 'address' ? 'line1' : error.field, retrySameAttempt: false };
      return { kind: 'server', code: error.code, retrySameAttempt: false };
    case 'network':
    case 'timeout':
      return { kind: 'network', code: error.code, retrySameAttempt: true };
    case 'aborted':
      return { kind: 'aborted', code: error.code, retrySameAttempt: true };
    case 'server':
      if (error.status === 429) return { kind: 'rate-limited', code: error.code, retrySameAttempt: true };
      return { kind: 'server', code: error.code, retrySameAttempt: true };
    default:
      return { kind: 'server', code: error.code, retrySameAttempt: false };
  }
}

function fromEndpointError(error: EndpointError): Failure {
  const code = String(error.code);
  switch (error.kind) {
    case 'timeout':
    case 'network':
      return { kind: 'network', code, retrySameAttempt: true };
    case 'aborted':
      return { kind: 'aborted', code, retrySameAttempt: true };
    case 'invalid-request': {
      // the client refused to send a body holding what looks like a card number (typed into the name, say)
      const field = formFieldFor(error.field);
      return field ? { kind: 'field', code: 'looks_like_card_number', field, retrySameAttempt: false } : { kind: 'server', code, retrySameAttempt: false };
    }
    case 'invalid-response':
      // the server may have acted: the same key replays its answer rather than acting twice
      return { kind: 'server', code, retrySameAttempt: true };
    default:
      break;
  }
  const status = error.status ?? 0;
  if (status === 401 || code === 'unauthenticated') return { kind: 'session', code: 'unauthenticated', retrySameAttempt: true };
  if (code === 'card_declined') {
    return { kind: 'declined', code, declineCode: error.declineCode ?? 'generic_decline', retrySameAttempt: false };
  }
  if (code === 'verification_failed') {
    return status === 410 || error.reason === 'expired'
      ? { kind: 'verification-expired', code, retrySameAttempt: false }
      : { kind: 'verification-failed', code, retrySameAttempt: false };
  }
  if (status === 410) return { kind: 'verification-expired', code, retrySameAttempt: false };
  if (status === 429 || code === 'rate_limited') {
    return { kind: 'rate-limited', code: 'rate_limited', retryAfterMs: error.retryAfterMs, retrySameAttempt: true };
  }
  if (status === 409 || code === 'conflict') return { kind: 'conflict', code: error.reason ?? code, retrySameAttempt: false };
  if (code === 'validation_failed') {
    const field = formFieldFor(error.field);
    if (field) return { kind: 'field', code, field, retrySameAttempt: false };
    return { kind: 'server', code, retrySameAttempt: false };
  }
  if (status >= 500) return { kind: 'server', code, retrySameAttempt: true };
  return { kind: 'server', code, retrySameAttempt: false };
}
