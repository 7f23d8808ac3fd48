/**
 * What the customer sees after a failed submission, decided from the classified failure alone:
 * the notice, a field error, which card fields to clear, where focus goes, and what the host is
 * told. Pure, so every status-code rule can be tested as a table.
 */
import { declineInfo } from '../core/declines.js';
import type { PaymentFailedDetail, PaymentFailureReason } from '../events/payment-failed.js';
import type { Failure } from './failures.js';
import type { FieldName } from './field-state.js';
import type { Problem } from './validation.js';

/** A message above the submit button: a decline (part `decline`) or any other problem (part `status`). */
export interface Notice {
  kind: 'decline' | 'problem' | 'info';
  problems: Problem[];
}

/** How the form responds to a failure. */
export interface FailureResponse {
  notice: Notice | null;
  /** An error to show on one field until the customer changes it. */
  fieldError: { field: FieldName; problem: Problem } | null;
  /** Card fields to wipe: after a decline the customer should type another card (or fix one field). */
  clear: { number: boolean; code: boolean };
  /** Where focus goes; null keeps it where it is (on the submit button). */
  focus: FieldName | null;
  sessionExpired: boolean;
  /** For `payment-failed` in pay mode; null when nothing failed from the host's point of view. */
  payment: Omit<PaymentFailedDetail, 'invoiceId'> | null;
}

const NETWORK: Record<'add' | 'pay', Problem> = { add: { key: 'networkErrorAdd' }, pay: { key: 'networkErrorPay' } };
const SERVER: Record<'add' | 'pay', Problem> = { add: { key: 'serverErrorAdd' }, pay: { key: 'serverErrorPay' } };
const AUTHENTICATION_FAILED: Record<'add' | 'pay', Problem> = { add: { key: 'verifyCancelledOrFailedAdd' }, pay: { key: 'verifyCancelledOrFailedPay' } };

function conflictProblem(code: string): Problem {
  if (code === 'max_cards') return { key: 'conflictMaxCards' };
  if (code === 'invoice_paid') return { key: 'conflictInvoicePaid' };
  return { key: 'conflictGeneric' };
}

/** The `payment-failed` reason of each failure the host hears about (`session` and `aborted` are not). */
const PAYMENT_REASONS: Partial<Record<Failure['kind'], PaymentFailureReason>> = {
  declined: 'declined',
  field: 'invalid',
  conflict: 'conflict',
  'rate-limited': 'rate-limited',
  network: 'network',
  server: 'server',
  'verification-failed': 'verification-failed',
  'verification-expired': 'verification-failed',
  'authentication-failed': 'verification-failed',
};

/** Decides the form's response to a failed submission in `mode`. */
export function respondToFailure(failure: Failure, mode: 'add' | 'pay'): FailureResponse {
  const response: FailureResponse = {
    notice: null,
    fieldError: null,
    clear: { number: false, code: false },
    focus: null,
    sessionExpired: false,
    payment: null,
  };
  switch (failure.kind) {
    case 'declined': {
      const info = declineInfo(failure.declineCode ?? failure.code);
      response.notice = { kind: 'decline', problems: [{ key: info.messageKey }, { key: info.nextStepKey }] };
      // the code is never kept after a decline; the number only when the bank faulted another field
      const field: FieldName = info.field ?? 'number';
      response.clear = { number: field === 'number', code: true };
      response.focus = field;
      break;
    }
    case 'field': {
      const info = declineInfo(failure.code);
      const field = failure.field ?? 'number';
      const key = failure.code === 'looks_like_card_number' ? 'looksLikeCardNumber' : info.field === field ? info.nextStepKey : 'fieldRejected';
      response.fieldError = { field, problem: { key } };
      response.focus = field;
      break;
    }
    case 'aborted':
      return response;
    default:
      response.notice = { kind: 'problem', problems: [otherProblem(failure, mode)] };
      if (failure.kind === 'session') response.sessionExpired = true;
  }
  const reason = PAYMENT_REASONS[failure.kind];
  if (mode === 'pay' && reason) {
    response.payment = {
      reason,
      code: failure.code,
      retryable: failure.kind === 'declined' ? declineInfo(failure.declineCode ?? failure.code).retryable : failure.retrySameAttempt,
      ...(failure.declineCode ? { declineCode: failure.declineCode } : {}),
      ...(failure.field ? { field: failure.field } : {}),
    };
  }
  return response;
}

/** The one problem a failure other than a decline or a field error shows above the submit button. */
function otherProblem(failure: Failure, mode: 'add' | 'pay'): Problem {
  switch (failure.kind) {
    case 'network':
      return NETWORK[mode];
    case 'session':
      return { key: 'sessionExpired' };
    case 'rate-limited':
      return failure.retryAfterMs !== undefined && failure.retryAfterMs > 0
        ? { key: 'rateLimited', params: { seconds: Math.ceil(failure.retryAfterMs / 1000) } }
        : { key: 'rateLimitedNoWait' };
    case 'conflict':
      return conflictProblem(failure.code);
    case 'verification-failed':
      return { key: 'verifyWrongCode' };
    case 'verification-expired':
      return { key: 'verifyExpired' };
    case 'authentication-failed':
      return AUTHENTICATION_FAILED[mode];
    default:
      return SERVER[mode];
  }
}
