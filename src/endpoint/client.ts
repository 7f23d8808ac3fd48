/**
 * The typed client for the host endpoint (the portal's own API, see `docs/endpoint.md`).
 *
 * Policy, in one place:
 * - every attempt has its own timeout; the caller's `AbortSignal` ends the call at once (`aborted`);
 * - only GETs and POSTs that carry an `Idempotency-Key` are retried, on a network error, a timeout,
 *   500/502/503/504 or 429, with exponential backoff and full jitter (429 waits out `Retry-After`
 *   instead, up to {@link MAX_RETRY_AFTER_MS}); the same key is sent on every attempt. A DELETE or an
 *   unkeyed POST is sent once: it might have taken effect even when the answer was lost;
 * - answers are read by hand-written readers; one that breaks the contract, is not JSON, or carries
 *   something that looks like a card number is refused (`invalid-response`) and not retried;
 * - a request body that carries something that looks like a card number is never sent.
 */
import { containsCardNumber } from '../core/pan-scan.js';
import { EndpointError, codeForStatus, safeToken } from './errors.js';
import type { EndpointClientErrorCode, EndpointErrorInit, EndpointErrorKind } from './errors.js';
import { errorBody, exchange, globalFetch } from './http.js';
import { newIdempotencyKey } from './idempotency.js';
import { MAX_RETRY_AFTER_MS, RETRYABLE_STATUSES, backoffDelay, defaultSleep, parseRetryAfter } from './retry.js';
import type { Reader } from './validate.js';
import {
  ContractViolation,
  isVerificationRequired,
  readAddressListResponse,
  readCardAddedResponse,
  readCardListResponse,
  readIntentResponse,
  readInvoiceListResponse,
  readInvoiceResponse,
  readPaymentResponse,
  readVerificationRequiredResponse,
  readVerificationResponse,
  readVerificationResult,
} from './validate.js';
import type {
  AddCardRequest,
  AddPaymentMethodRequest,
  AddressListResponse,
  CardAddedResponse,
  CardListResponse,
  ConfirmedPaymentRequest,
  ConfirmVerificationRequest,
  CreatePaymentIntentRequest,
  IntentResponse,
  Invoice,
  PaymentRequest,
  PaymentResponse,
  Verification,
  VerificationRequiredResponse,
  VerificationResult,
} from './types.js';

export { EndpointError, isVerificationRequired, newIdempotencyKey };
export type { EndpointClientErrorCode, EndpointErrorKind };

/** Options for {@link EndpointClient}. */
export interface EndpointClientOptions {
  /** Where the host endpoint lives: `'/api'` or `'https://portal.example/api'` (a trailing slash is ignored). */
  baseUrl: string;
  /** The `fetch` to use; defaults to the global one. Injectable for tests. */
  fetch?: typeof fetch;
  /** Time allowed per attempt, in milliseconds, including reading the body. Default 15000. */
  timeoutMs?: number;
  /** Extra attempts for retryable calls (GETs and keyed POSTs). Default 2, so at most 3 attempts. */
  retries?: number;
  /** Base of the exponential backoff, in milliseconds. Default 300; a single wait is capped at 5 s. */
  backoffMs?: number;
  /**
   * The CSRF token sent as `X-CSRF-Token` on every non-GET, or a function read before each request
   * (the token may rotate after a login). Default: the `content` of `<meta name="csrf-token">`.
   */
  csrfToken?: string | (() => string | null | undefined);
  /** `fetch` credentials mode. Default `'same-origin'` (the session cookie goes along). */
  credentials?: RequestCredentials;
  /** Extra headers for every request. The client's own headers (Accept, CSRF, idempotency) win. */
  headers?: Record<string, string>;
  /** Jitter source in [0, 1). Injectable for tests; default `Math.random`. */
  random?: () => number;
  /** Waits between attempts; must reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Per-call options: the caller's abort signal. */
export interface RequestInitOptions {
  /** Aborts the call at once (the promise rejects with kind `aborted`); no retry follows. */
  signal?: AbortSignal;
}

/** Per-call options for a creating POST: its idempotency key is required. */
export interface IdempotentRequestInit extends RequestInitOptions {
  /** Made with {@link newIdempotencyKey} when the customer submits, and reused if they retry the same thing. */
  idempotencyKey: string;
}

/** Per-call options for a POST whose idempotency key the client may make up. */
export interface OptionallyIdempotentRequestInit extends RequestInitOptions {
  /** Sent as `Idempotency-Key`; with it the call is retried like a GET. */
  idempotencyKey?: string;
}

/**
 * A call's method and route template (`POST /cards/{id}/default`). The template names the call in
 * error messages, so ids never appear there; `{id}` is filled, encoded, only in the URL.
 */
type Route = `${'GET' | 'POST' | 'DELETE'} /${string}`;

/** Creating calls: sent only with an idempotency key, so that a retry cannot save or charge twice. */
const KEY_REQUIRED: readonly Route[] = ['POST /cards', 'POST /payments', 'POST /verifications/{id}/confirm'];
/** Calls the server may answer with 202 and a verification the customer must complete first. */
const MAY_VERIFY: readonly Route[] = ['POST /cards', 'POST /payments'];

/** How one attempt ended, when it did not produce a value. */
interface Failure {
  error: EndpointError;
  retryable: boolean;
  /** A wait the server asked for (429 `Retry-After`), replacing the backoff. */
  waitMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_BACKOFF_MS = 300;

/**
 * Talks to the host endpoint. One instance per endpoint URL; it holds no per-customer state, so
 * elements may share one.
 *
 * @example
 * const client = new EndpointClient({ baseUrl: '/api' });
 * const { cards, policy } = await client.listCards();
 */
export class EndpointClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #backoffMs: number;
  readonly #csrfToken: EndpointClientOptions['csrfToken'];
  readonly #credentials: RequestCredentials;
  readonly #headers: Record<string, string>;
  readonly #random: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  /** Creates a client; nothing is sent until a method is called. */
  constructor(options: EndpointClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? globalFetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.#csrfToken = options.csrfToken;
    this.#credentials = options.credentials ?? 'same-origin';
    this.#headers = { ...options.headers };
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? defaultSleep;
  }

  /** `GET /cards`: the account's cards (default first) and its card policy. */
  listCards(init: RequestInitOptions = {}): Promise<CardListResponse> {
    return this.#call('GET /cards', init, readCardListResponse);
  }

  /**
   * `POST /cards`: saves a tokenized card (or, with an intent-based gateway, the payment method a
   * confirmed SetupIntent produced). Resolves with the added card (201) or with a verification the
   * customer must complete first (202; check with {@link isVerificationRequired}).
   */
  addCard(body: AddCardRequest | AddPaymentMethodRequest, init: IdempotentRequestInit): Promise<CardAddedResponse | VerificationRequiredResponse> {
    return this.#call('POST /cards', init, readCardAddedResponse, body);
  }

  /**
   * `POST /cards/{id}/default`: makes a card the default. Always sent with an idempotency key (made
   * up when not given) so that it can be retried safely.
   */
  setDefaultCard(cardId: string, init: OptionallyIdempotentRequestInit = {}): Promise<CardListResponse> {
    const idempotencyKey = init.idempotencyKey || newIdempotencyKey();
    return this.#call('POST /cards/{id}/default', { signal: init.signal, idempotencyKey }, readCardListResponse, {}, cardId);
  }

  /** `DELETE /cards/{id}`: removes a card. Never retried (the first attempt may have removed it). */
  removeCard(cardId: string, init: RequestInitOptions = {}): Promise<CardListResponse> {
    return this.#call('DELETE /cards/{id}', init, readCardListResponse, undefined, cardId);
  }

  /** `GET /addresses`: the addresses on file, for choosing a billing address. */
  listAddresses(init: RequestInitOptions = {}): Promise<AddressListResponse> {
    return this.#call('GET /addresses', init, readAddressListResponse);
  }

  /** `GET /invoices`: the account's invoices. */
  listInvoices(init: RequestInitOptions = {}): Promise<{ invoices: Invoice[] }> {
    return this.#call('GET /invoices', init, readInvoiceListResponse);
  }

  /** `GET /invoices/{id}`: one invoice, to show what is being paid. */
  getInvoice(invoiceId: string, init: RequestInitOptions = {}): Promise<{ invoice: Invoice }> {
    return this.#call('GET /invoices/{id}', init, readInvoiceResponse, undefined, invoiceId);
  }

  /**
   * `POST /payments`: pays with a saved card or a new token. Resolves with the payment (201) or
   * with a verification the customer must complete first (202).
   */
  pay(body: PaymentRequest | ConfirmedPaymentRequest, init: IdempotentRequestInit): Promise<PaymentResponse | VerificationRequiredResponse> {
    return this.#call('POST /payments', init, readPaymentResponse, body);
  }

  /**
   * `POST /setup-intents`: asks the host endpoint for a SetupIntent's client secret, to save a card
   * with an intent-based gateway (Stripe). Retried only with an idempotency key.
   */
  createSetupIntent(init: OptionallyIdempotentRequestInit = {}): Promise<IntentResponse> {
    return this.#call('POST /setup-intents', init, readIntentResponse, {});
  }

  /**
   * `POST /payment-intents`: asks the host endpoint for a PaymentIntent's client secret, to pay with
   * a new card through an intent-based gateway (Stripe). Retried only with an idempotency key.
   */
  createPaymentIntent(body: CreatePaymentIntentRequest, init: OptionallyIdempotentRequestInit = {}): Promise<IntentResponse> {
    return this.#call('POST /payment-intents', init, readIntentResponse, body);
  }

  /**
   * `POST /verifications/{id}/confirm`: sends the customer's one-time code. Resolves with what the
   * verified request produces (an added card or a payment). A wrong code rejects with
   * `code: 'verification_failed'`, `reason: 'wrong_code'`.
   */
  confirmVerification(verificationId: string, code: string, init: IdempotentRequestInit): Promise<VerificationResult> {
    const body: ConfirmVerificationRequest = { code };
    return this.#call('POST /verifications/{id}/confirm', init, readVerificationResult, body, verificationId);
  }

  /**
   * `POST /verifications/{id}/resend`: sends a new code. Not retried unless given an idempotency
   * key, since each attempt may send the customer another message.
   */
  resendVerification(verificationId: string, init: OptionallyIdempotentRequestInit = {}): Promise<{ verification: Verification }> {
    return this.#call('POST /verifications/{id}/resend', init, readVerificationResponse, {}, verificationId);
  }

  /** `POST /verifications/{id}/cancel`: abandons a verification. Retried only with an idempotency key. */
  cancelVerification(verificationId: string, init: OptionallyIdempotentRequestInit = {}): Promise<{ verification: Verification }> {
    return this.#call('POST /verifications/{id}/cancel', init, readVerificationResponse, {}, verificationId);
  }

  /**
   * Sends one call, with its retries. `init` may be undefined when a JavaScript caller left out a
   * required argument; the rejection then says what was missing.
   */
  async #call<T>(route: Route, init: OptionallyIdempotentRequestInit | undefined, read: Reader<T>, body?: object, id?: string): Promise<T> {
    const [method, template] = route.split(' ') as [Call['method'], string];
    // only a POST carries a key: a GET needs none to be retried, and a DELETE is never retried
    const idempotencyKey = method === 'POST' ? init?.idempotencyKey : undefined;
    if (KEY_REQUIRED.includes(route) && (typeof idempotencyKey !== 'string' || idempotencyKey === '')) {
      throw new TypeError(`${route} needs an idempotencyKey (see newIdempotencyKey())`);
    }
    const signal = init?.signal;
    if (body !== undefined) {
      const field = findCardNumberField(body);
      if (field !== undefined) {
        throw new EndpointError({
          kind: 'invalid-request',
          code: 'validation_failed',
          route,
          field,
          detail: 'the request carries what looks like a card number and was not sent',
        });
      }
    }
    const call: Call = {
      method,
      url: this.#baseUrl + (id === undefined ? template : template.replace('{id}', encodeURIComponent(id))),
      route,
      payload: body === undefined ? undefined : JSON.stringify(body),
      idempotencyKey,
      signal,
      read: (status) => (status === 202 && MAY_VERIFY.includes(route) ? readVerificationRequiredResponse : read),
    };
    const maxAttempts = method === 'GET' || idempotencyKey ? this.#retries + 1 : 1;

    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted(route, attempt - 1);
      const outcome = await this.#attempt(call, attempt);
      if (!('error' in outcome)) return outcome.value as T;
      const { error, waitMs } = outcome;
      if (!outcome.retryable || attempt >= maxAttempts) throw error;
      try {
        await this.#sleep(waitMs ?? backoffDelay(attempt - 1, this.#backoffMs, this.#random), signal);
      } catch {
        throw aborted(route, attempt);
      }
    }
  }

  /** One attempt: resolves with the value or with a failure; never rejects. */
  async #attempt(call: Call, attempt: number): Promise<{ value: unknown } | Failure> {
    const { route } = call;
    const answer = await exchange(
      this.#fetch,
      call.url,
      { method: call.method, headers: this.#headersFor(call), body: call.payload, credentials: this.#credentials, cache: 'no-store' },
      this.#timeoutMs,
      call.signal,
    );
    if ('failed' in answer) {
      if (answer.failed === 'aborted') return { error: aborted(route, attempt), retryable: false };
      const error =
        answer.failed === 'timeout'
          ? new EndpointError({ kind: 'timeout', code: 'timeout', route, attempts: attempt, detail: `no answer within ${this.#timeoutMs} ms` })
          : new EndpointError({ kind: 'network', code: 'network_error', route, attempts: attempt });
      return { error, retryable: true };
    }
    const { status, headers, text } = answer;

    const invalid = (detail: string): Failure => ({
      error: new EndpointError({ kind: 'invalid-response', code: 'invalid_response', route, status, attempts: attempt, detail }),
      retryable: false,
    });

    if (containsCardNumber(text)) return invalid('the answer carries what looks like a card number and was refused');

    if (status >= 200 && status < 300) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return invalid('the answer is not JSON');
      }
      try {
        return { value: call.read(status)(json) };
      } catch (error) {
        if (error instanceof ContractViolation) return invalid(`the answer does not match the contract at ${error.path || 'its root'}`);
        throw error;
      }
    }

    return httpFailure(route, status, headers, text, attempt);
  }

  #headersFor(call: Call): Headers {
    // a Headers object, so the client's own values replace the host's whatever their letter case
    const headers = new Headers(this.#headers);
    headers.set('Accept', 'application/json');
    if (call.payload !== undefined) headers.set('Content-Type', 'application/json');
    if (call.method !== 'GET') {
      const token = this.#currentCsrfToken();
      if (token) headers.set('X-CSRF-Token', token);
    }
    if (call.idempotencyKey) headers.set('Idempotency-Key', call.idempotencyKey);
    return headers;
  }

  #currentCsrfToken(): string | null | undefined {
    const option = this.#csrfToken;
    if (typeof option === 'function') return option();
    if (option !== undefined) return option;
    if (typeof document === 'undefined') return undefined;
    return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  }
}

/** One call, ready to send as many times as it may be attempted. */
interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  route: Route;
  /** The JSON body, serialised once. */
  payload: string | undefined;
  idempotencyKey: string | undefined;
  signal: AbortSignal | undefined;
  /** Picks the reader for a 2xx answer by its status. */
  read: (status: number) => Reader<unknown>;
}

/** How an error status ends an attempt: the error to report, and whether another attempt may follow. */
function httpFailure(route: Route, status: number, headers: Headers, text: string, attempt: number): Failure {
  const body = errorBody(text);
  const init: EndpointErrorInit = {
    kind: 'http',
    route,
    status,
    attempts: attempt,
    code: safeToken(body?.code) ?? codeForStatus(status),
    field: safeToken(body?.field),
    declineCode: safeToken(body?.declineCode),
    reason: safeToken(body?.reason) ?? (status === 410 ? 'expired' : undefined),
    attemptsLeft: Number.isSafeInteger(body?.attemptsLeft) && Number(body?.attemptsLeft) >= 0 ? Number(body?.attemptsLeft) : undefined,
  };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('Retry-After'));
    // above the cap the client gives up at once and reports the wait instead
    const waits = retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS;
    return { error: new EndpointError({ ...init, retryAfterMs }), retryable: waits, waitMs: waits ? retryAfterMs : undefined };
  }
  return { error: new EndpointError(init), retryable: RETRYABLE_STATUSES.has(status) };
}

function aborted(route: string, attempts: number): EndpointError {
  return new EndpointError({ kind: 'aborted', code: 'aborted', route, attempts });
}

/**
 * The path of the first string or number in `value` that holds something shaped like a card
 * number (`nameOnCard`, `billing.address.line1`), or `undefined`.
 */
function findCardNumberField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    return containsCardNumber(String(value)) ? path || '(body)' : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = findCardNumberField(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
