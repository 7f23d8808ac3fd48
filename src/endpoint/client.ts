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
import { newIdempotencyKey } from './idempotency.js';
import { MAX_RETRY_AFTER_MS, RETRYABLE_STATUSES, backoffDelay, defaultSleep, parseRetryAfter } from './retry.js';
import type { Reader } from './validate.js';
import {
  ContractViolation,
  isVerificationRequired,
  readAddressListResponse,
  readCardAddedResponse,
  readCardListResponse,
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

type Method = 'GET' | 'POST' | 'DELETE';

interface Call<T> {
  method: Method;
  /** The route template for messages (`/cards/{id}`): ids never appear in error messages. */
  route: string;
  path: string;
  body?: object;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Picks the reader for a 2xx answer by its status. */
  read: (status: number) => Reader<T>;
}

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
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly csrfToken: EndpointClientOptions['csrfToken'];
  private readonly credentials: RequestCredentials;
  private readonly extraHeaders: Record<string, string>;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  /** Creates a client; nothing is sent until a method is called. */
  constructor(options: EndpointClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // bound: calling an unbound window.fetch throws "Illegal invocation" in Chromium
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.csrfToken = options.csrfToken;
    this.credentials = options.credentials ?? 'same-origin';
    this.extraHeaders = { ...options.headers };
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** `GET /cards`: the account's cards (default first) and its card policy. */
  listCards(init: RequestInitOptions = {}): Promise<CardListResponse> {
    return this.call({ method: 'GET', route: '/cards', path: '/cards', signal: init.signal, read: () => readCardListResponse });
  }

  /**
   * `POST /cards`: saves a tokenized card (or, with an intent-based gateway, the payment method a
   * confirmed SetupIntent produced). Resolves with the added card (201) or with a verification the
   * customer must complete first (202; check with {@link isVerificationRequired}).
   */
  async addCard(
    body: AddCardRequest | AddPaymentMethodRequest,
    init: IdempotentRequestInit,
  ): Promise<CardAddedResponse | VerificationRequiredResponse> {
    return this.call<CardAddedResponse | VerificationRequiredResponse>({
      method: 'POST',
      route: '/cards',
      path: '/cards',
      body,
      idempotencyKey: requireKey(init, 'POST /cards'),
      signal: init.signal,
      read: (status) => (status === 202 ? readVerificationRequiredResponse : readCardAddedResponse),
    });
  }

  /**
   * `POST /cards/{id}/default`: makes a card the default. Always sent with an idempotency key (made
   * up when not given) so that it can be retried safely.
   */
  setDefaultCard(cardId: string, init: OptionallyIdempotentRequestInit = {}): Promise<CardListResponse> {
    return this.call({
      method: 'POST',
      route: '/cards/{id}/default',
      path: `/cards/${segment(cardId)}/default`,
      body: {},
      idempotencyKey: init.idempotencyKey || newIdempotencyKey(),
      signal: init.signal,
      read: () => readCardListResponse,
    });
  }

  /** `DELETE /cards/{id}`: removes a card. Never retried (the first attempt may have removed it). */
  removeCard(cardId: string, init: RequestInitOptions = {}): Promise<CardListResponse> {
    return this.call({
      method: 'DELETE',
      route: '/cards/{id}',
      path: `/cards/${segment(cardId)}`,
      signal: init.signal,
      read: () => readCardListResponse,
    });
  }

  /** `GET /addresses`: the addresses on file, for choosing a billing address. */
  listAddresses(init: RequestInitOptions = {}): Promise<AddressListResponse> {
    return this.call({ method: 'GET', route: '/addresses', path: '/addresses', signal: init.signal, read: () => readAddressListResponse });
  }

  /** `GET /invoices`: the account's invoices. */
  listInvoices(init: RequestInitOptions = {}): Promise<{ invoices: Invoice[] }> {
    return this.call({ method: 'GET', route: '/invoices', path: '/invoices', signal: init.signal, read: () => readInvoiceListResponse });
  }

  /** `GET /invoices/{id}`: one invoice, to show what is being paid. */
  getInvoice(invoiceId: string, init: RequestInitOptions = {}): Promise<{ invoice: Invoice }> {
    return this.call({
      method: 'GET',
      route: '/invoices/{id}',
      path: `/invoices/${segment(invoiceId)}`,
      signal: init.signal,
      read: () => readInvoiceResponse,
    });
  }

  /**
   * `POST /payments`: pays with a saved card or a new token. Resolves with the payment (201) or
   * with a verification the customer must complete first (202).
   */
  async pay(body: PaymentRequest | ConfirmedPaymentRequest, init: IdempotentRequestInit): Promise<PaymentResponse | VerificationRequiredResponse> {
    return this.call<PaymentResponse | VerificationRequiredResponse>({
      method: 'POST',
      route: '/payments',
      path: '/payments',
      body,
      idempotencyKey: requireKey(init, 'POST /payments'),
      signal: init.signal,
      read: (status) => (status === 202 ? readVerificationRequiredResponse : readPaymentResponse),
    });
  }

  /**
   * `POST /setup-intents`: asks the host endpoint for a SetupIntent's client secret, to save a card
   * with an intent-based gateway (Stripe). Retried only with an idempotency key.
   */
  createSetupIntent(init: OptionallyIdempotentRequestInit = {}): Promise<IntentResponse> {
    return this.intent('/setup-intents', {}, init);
  }

  /**
   * `POST /payment-intents`: asks the host endpoint for a PaymentIntent's client secret, to pay with
   * a new card through an intent-based gateway (Stripe). Retried only with an idempotency key.
   */
  createPaymentIntent(body: CreatePaymentIntentRequest, init: OptionallyIdempotentRequestInit = {}): Promise<IntentResponse> {
    return this.intent('/payment-intents', body, init);
  }

  private intent(path: string, body: object, init: OptionallyIdempotentRequestInit): Promise<IntentResponse> {
    return this.call({ method: 'POST', route: path, path, body, idempotencyKey: init.idempotencyKey, signal: init.signal, read: () => readIntentResponse });
  }

  /**
   * `POST /verifications/{id}/confirm`: sends the customer's one-time code. Resolves with what the
   * verified request produces (an added card or a payment). A wrong code rejects with
   * `code: 'verification_failed'`, `reason: 'wrong_code'`.
   */
  async confirmVerification(verificationId: string, code: string, init: IdempotentRequestInit): Promise<VerificationResult> {
    const body: ConfirmVerificationRequest = { code };
    return this.call({
      method: 'POST',
      route: '/verifications/{id}/confirm',
      path: `/verifications/${segment(verificationId)}/confirm`,
      body,
      idempotencyKey: requireKey(init, 'POST /verifications/{id}/confirm'),
      signal: init.signal,
      read: () => readVerificationResult,
    });
  }

  /**
   * `POST /verifications/{id}/resend`: sends a new code. Not retried unless given an idempotency
   * key, since each attempt may send the customer another message.
   */
  resendVerification(verificationId: string, init: OptionallyIdempotentRequestInit = {}): Promise<{ verification: Verification }> {
    return this.call({
      method: 'POST',
      route: '/verifications/{id}/resend',
      path: `/verifications/${segment(verificationId)}/resend`,
      body: {},
      idempotencyKey: init.idempotencyKey,
      signal: init.signal,
      read: () => readVerificationResponse,
    });
  }

  /** `POST /verifications/{id}/cancel`: abandons a verification. Retried only with an idempotency key. */
  cancelVerification(verificationId: string, init: OptionallyIdempotentRequestInit = {}): Promise<{ verification: Verification }> {
    return this.call({
      method: 'POST',
      route: '/verifications/{id}/cancel',
      path: `/verifications/${segment(verificationId)}/cancel`,
      body: {},
      idempotencyKey: init.idempotencyKey,
      signal: init.signal,
      read: () => readVerificationResponse,
    });
  }

  private async call<T>(call: Call<T>): Promise<T> {
    const route = `${call.method} ${call.route}`;
    if (call.body !== undefined) {
      const field = findCardNumberField(call.body);
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
    const retryable = call.method === 'GET' || (call.method === 'POST' && Boolean(call.idempotencyKey));
    const maxAttempts = retryable ? this.retries + 1 : 1;
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);

    for (let attempt = 1; ; attempt++) {
      if (call.signal?.aborted) throw aborted(route, attempt - 1);
      const outcome = await this.attempt(call, route, payload, attempt);
      if (!('error' in outcome)) return outcome.value;
      const { error, waitMs } = outcome;
      if (!outcome.retryable || attempt >= maxAttempts) throw error;
      const delay = waitMs ?? backoffDelay(attempt - 1, this.backoffMs, this.random);
      try {
        await this.sleep(delay, call.signal);
      } catch {
        throw aborted(route, attempt);
      }
    }
  }

  /** One attempt: resolves with the value or with a failure; never rejects. */
  private async attempt<T>(call: Call<T>, route: string, payload: string | undefined, attempt: number): Promise<{ value: T } | Failure> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });

    let status: number;
    let headers: Headers;
    let text: string;
    try {
      const response = await this.fetchImpl(this.baseUrl + call.path, {
        method: call.method,
        headers: this.headersFor(call, payload !== undefined),
        body: payload,
        credentials: this.credentials,
        cache: 'no-store',
        signal: controller.signal,
      });
      status = response.status;
      headers = response.headers;
      // the body read is inside the timeout: a server that sends headers and stalls is a timeout too
      text = await response.text();
    } catch {
      // the thrown value may quote the request (some fetch shims do): it never goes into our error
      if (call.signal?.aborted) return { error: aborted(route, attempt), retryable: false };
      if (timedOut) {
        return {
          error: new EndpointError({ kind: 'timeout', code: 'timeout', route, attempts: attempt, detail: `no answer within ${this.timeoutMs} ms` }),
          retryable: true,
        };
      }
      return { error: new EndpointError({ kind: 'network', code: 'network_error', route, attempts: attempt }), retryable: true };
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }

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

    return this.httpFailure(route, status, headers, text, attempt);
  }

  private httpFailure(route: string, status: number, headers: Headers, text: string, attempt: number): Failure {
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
      if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
        return { error: new EndpointError({ ...init, retryAfterMs }), retryable: false };
      }
      return { error: new EndpointError({ ...init, retryAfterMs }), retryable: true, waitMs: retryAfterMs };
    }
    return { error: new EndpointError(init), retryable: RETRYABLE_STATUSES.has(status) };
  }

  private headersFor(call: Call<unknown>, hasBody: boolean): Headers {
    // a Headers object, so the client's own values replace the host's whatever their letter case
    const headers = new Headers(this.extraHeaders);
    headers.set('Accept', 'application/json');
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (call.method !== 'GET') {
      const token = this.currentCsrfToken();
      if (token) headers.set('X-CSRF-Token', token);
    }
    if (call.idempotencyKey) headers.set('Idempotency-Key', call.idempotencyKey);
    return headers;
  }

  private currentCsrfToken(): string | null | undefined {
    const option = this.csrfToken;
    if (typeof option === 'function') return option();
    if (option !== undefined) return option;
    if (typeof document === 'undefined') return undefined;
    return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  }
}

/** Reads `{ clientSecret }`, dropping anything else. */
function readIntentResponse(value: unknown): IntentResponse {
  const secret = typeof value === 'object' && value !== null ? (value as { clientSecret?: unknown }).clientSecret : undefined;
  if (typeof secret !== 'string' || secret === '') throw new ContractViolation('clientSecret', 'a non-empty string');
  return { clientSecret: secret };
}

function requireKey(init: IdempotentRequestInit | undefined, route: string): string {
  const key = init?.idempotencyKey;
  if (typeof key !== 'string' || key === '') throw new TypeError(`${route} needs an idempotencyKey (see newIdempotencyKey())`);
  return key;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function aborted(route: string, attempts: number): EndpointError {
  return new EndpointError({ kind: 'aborted', code: 'aborted', route, attempts });
}

/** The `error` object of an error answer, when the text is the contract's JSON error shape. */
function errorBody(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && 'error' in json) {
      const error = (json as { error: unknown }).error;
      if (typeof error === 'object' && error !== null) return error as Record<string, unknown>;
    }
  } catch {
    // not JSON: an HTML error page from a proxy, say; the status alone decides the code
  }
  return undefined;
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
