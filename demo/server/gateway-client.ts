/**
 * The demo server's side of the gateway's secret-key API (server to server). It sends tokens and
 * payment-method ids, never card data, and reads masked facts back.
 */
import type { CardFacts, GatewayCharge, GatewayPaymentMethod, GatewayVerification } from '../gateway/index.js';

/** An error answer from the gateway. */
export interface GatewayErrorBody {
  code: string;
  message: string;
  field?: string;
  declineCode?: string;
  reason?: string;
  attemptsLeft?: number;
}

/** A gateway answer: what it did, or its error with the HTTP status. */
export type GatewayResult<T> = { ok: true; value: T } | { ok: false; status: number; error: GatewayErrorBody; retryAfter?: string };

/** Attaching a token or charging: done, or a one-time code is needed first. */
export type GatewayOutcome<T> = ({ status: 'succeeded' } & T) | { status: 'requires_action'; verification: GatewayVerification };

/** What a completed charge returns. */
export interface ChargeResult {
  charge: GatewayCharge;
  paymentMethod?: GatewayPaymentMethod;
}

/** What a confirmed verification returns. */
export interface ConfirmResult {
  verification: GatewayVerification;
  paymentMethod?: GatewayPaymentMethod;
  charge?: GatewayCharge;
}

/** The gateway could not be reached or answered nonsense. */
export class GatewayUnavailableError extends Error {
  constructor() {
    super('The payment gateway is unavailable.');
    this.name = 'GatewayUnavailableError';
  }
}

/** Calls the sandbox gateway's secret-key API. */
export class GatewayClient {
  private readonly baseUrl: string;

  /**
   * @param baseUrl - the gateway's origin, as this server reaches it (`http://127.0.0.1:8081`)
   * @param secretKey - sent as `Authorization: Bearer …`
   */
  constructor(
    baseUrl: string,
    private readonly secretKey: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** A token's masked facts, and whether it was used. */
  retrieveToken(token: string): Promise<GatewayResult<{ token: { id: string; used: boolean; card: CardFacts } }>> {
    return this.call('GET', `/v1/tokens/${encodeURIComponent(token)}`);
  }

  /** Turns a token into a reusable payment method (may need a one-time code). */
  createPaymentMethod(token: string): Promise<GatewayResult<GatewayOutcome<{ paymentMethod: GatewayPaymentMethod }>>> {
    return this.call('POST', '/v1/payment_methods', { token });
  }

  /** Charges a payment method, or a token once (keeping it as a payment method when asked). */
  charge(
    source: { paymentMethod: string } | { token: string; savePaymentMethod: boolean },
    amount: number,
    currency: string,
  ): Promise<GatewayResult<GatewayOutcome<ChargeResult>>> {
    return this.call('POST', '/v1/charges', { ...source, amount, currency });
  }

  /** Sends the customer's one-time code. */
  confirmVerification(id: string, code: string): Promise<GatewayResult<ConfirmResult>> {
    return this.call('POST', `/v1/verifications/${encodeURIComponent(id)}/confirm`, { code });
  }

  /** Sends a new code. */
  resendVerification(id: string): Promise<GatewayResult<{ verification: GatewayVerification }>> {
    return this.call('POST', `/v1/verifications/${encodeURIComponent(id)}/resend`, {});
  }

  /** Abandons a verification. */
  cancelVerification(id: string): Promise<GatewayResult<{ verification: GatewayVerification }>> {
    return this.call('POST', `/v1/verifications/${encodeURIComponent(id)}/cancel`, {});
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<GatewayResult<T>> {
    let response: Response;
    let json: unknown;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers: {
          Authorization: `Bearer ${this.secretKey}`,
          Accept: 'application/json',
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(10_000),
      });
      json = await response.json();
    } catch {
      throw new GatewayUnavailableError();
    }
    if (typeof json !== 'object' || json === null) throw new GatewayUnavailableError();
    if (response.ok) return { ok: true, value: json as T };
    const error = (json as { error?: GatewayErrorBody }).error;
    if (!error || typeof error.code !== 'string') throw new GatewayUnavailableError();
    const retryAfter = response.headers.get('Retry-After') ?? undefined;
    return { ok: false, status: response.status, error, ...(retryAfter ? { retryAfter } : {}) };
  }
}
