/**
 * The host-endpoint contract (types) and its client. See `docs/endpoint.md`.
 */
export * from './types.js';
export { EndpointClient } from './client.js';
export type {
  EndpointClientOptions,
  IdempotentRequestInit,
  OptionallyIdempotentRequestInit,
  RequestInitOptions,
} from './client.js';
export { EndpointError, codeForStatus } from './errors.js';
export type { EndpointClientErrorCode, EndpointErrorInit, EndpointErrorKind } from './errors.js';
export { newIdempotencyKey } from './idempotency.js';
export { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter } from './retry.js';
export {
  ContractViolation,
  conforms,
  isSavedCard,
  isVerificationRequired,
  readAccountPolicy,
  readAddressListResponse,
  readCardAddedResponse,
  readCardListResponse,
  readInvoice,
  readInvoiceListResponse,
  readInvoiceResponse,
  readMoney,
  readPayment,
  readPaymentResponse,
  readSavedAddress,
  readSavedCard,
  readVerification,
  readVerificationRequiredResponse,
  readVerificationResponse,
  readVerificationResult,
} from './validate.js';
export type { Reader } from './validate.js';
