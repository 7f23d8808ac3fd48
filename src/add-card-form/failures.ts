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
  return failure('server', 'unknown_error', false);
}

function failure(kind: FailureKind, code: string, retrySameAttempt: boolean, facts?: Pick<Failure, 'declineCode' | 'field' | 'retryAfterMs'>): Failure {
  return { kind, code, ...facts, retrySameAttempt };
}

/** A refused field, or a server failure when the form has no such field to point at. */
function fieldFailure(code: string, field: FieldName | undefined, serverCode: string): Failure {
  return field ? failure('field', code, false, { field }) : failure('server', serverCode, false);
}

function fromTokenizeError(error: TokenizeError): Failure {
  const { code } = error;
  const field = error.field === 'address' ? 'line1' : error.field;
  if (code === 'authentication_failed') return failure('authentication-failed', code, false);
  switch (error.kind) {
    case 'declined':
      return failure('declined', code, false, { declineCode: error.declineCode ?? code, field });
    case 'invalid':
      return fieldFailure(code, field, code);
    case 'network':
    case 'timeout':
      return failure('network', code, true);
    case 'aborted':
      return failure('aborted', code, true);
    case 'server':
      return failure(error.status === 429 ? 'rate-limited' : 'server', code, true);
    default:
      return failure('server', code, false);
  }
}

function fromEndpointError(error: EndpointError): Failure {
  const code = String(error.code);
  switch (error.kind) {
    case 'timeout':
    case 'network':
      return failure('network', code, true);
    case 'aborted':
      return failure('aborted', code, true);
    case 'invalid-request':
      // the client refused to send a body holding what looks like a card number (typed into the name, say)
      return fieldFailure('looks_like_card_number', formFieldFor(error.field), code);
    case 'invalid-response':
      // the server may have acted: the same key replays its answer rather than acting twice
      return failure('server', code, true);
    default:
      break;
  }
  const status = error.status ?? 0;
  if (status === 401 || code === 'unauthenticated') return failure('session', 'unauthenticated', true);
  if (code === 'card_declined') return failure('declined', code, false, { declineCode: error.declineCode ?? 'generic_decline' });
  if (status === 410 || (code === 'verification_failed' && error.reason === 'expired')) return failure('verification-expired', code, false);
  if (code === 'verification_failed') return failure('verification-failed', code, false);
  if (status === 429 || code === 'rate_limited') return failure('rate-limited', 'rate_limited', true, { retryAfterMs: error.retryAfterMs });
  if (status === 409 || code === 'conflict') return failure('conflict', error.reason ?? code, false);
  if (code === 'validation_failed') return fieldFailure(code, formFieldFor(error.field), code);
  return failure('server', code, status >= 500);
}
