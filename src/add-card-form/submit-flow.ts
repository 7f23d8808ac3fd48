/**
 * The submission, from "Add card" to an outcome, without any DOM: tokenize, then save the card or
 * pay, then (when the gateway asks) verify. It owns the two things that make retries safe:
 *
 * - one idempotency key per attempt, reused when the customer retries the same data, so a retry
 *   after a timeout makes the server replay its answer instead of saving or charging again;
 * - the token of that attempt, reused on such a retry when tokenization already succeeded (a token
 *   the server may already have consumed must travel with the same key, or it would be refused).
 *
 * The form tells it which data version it is submitting; any edit bumps the version and starts a
 * new attempt (a new key). Card data passes through `submit` to the tokenizer and is not kept: once
 * the tokenizer answers, the form empties the number and code (`onTokenized`) and the token is held
 * instead ({@link SubmitFlow.heldCard}), for as long as it can still be used. A new attempt after an
 * edit of the name or the address reuses it under its new key; a decline, a spent token, a
 * verification (which spends it) or {@link SubmitFlow.releaseCard} drops it, and the customer types
 * the card again.
 */
import type { EndpointClient } from '../endpoint/client.js';
import { isVerificationRequired } from '../endpoint/validate.js';
import { newIdempotencyKey } from '../endpoint/idempotency.js';
import type {
  AddCardRequest,
  AddPaymentMethodRequest,
  BillingAddressInput,
  CardAddedResponse,
  CardFunding,
  ConfirmedPaymentRequest,
  Money,
  PaymentRequest,
  PaymentResponse,
  Verification,
  VerificationResult,
} from '../endpoint/types.js';
import type { CardDetails, TokenizedCard, Tokenizer } from '../gateways/types.js';
import { classifyFailure, type Failure } from './failures.js';

/** Everything one submission needs. `card` goes to the tokenizer only. */
export interface SubmitInput {
  mode: 'add' | 'pay';
  card: CardDetails;
  nameOnCard: string;
  billing: BillingAddressInput;
  setDefault: boolean;
  /** Pay mode: keep the card on file after paying. Ignored in add mode (adding saves it). */
  saveCard: boolean;
  funding?: CardFunding;
  invoiceId?: string;
  amount?: Money;
}

/** How a step of the flow ended. */
export type FlowOutcome =
  | { kind: 'card-added'; response: CardAddedResponse; tokenized: TokenizedCard | null }
  | { kind: 'paid'; response: PaymentResponse; tokenized: TokenizedCard | null }
  | { kind: 'verification'; verification: Verification }
  | { kind: 'failed'; failure: Failure }
  /** The step was refused because another one is still running (a double click). */
  | { kind: 'ignored' };

/** What the flow talks to; the form resolves them from its properties at each submission. */
export interface FlowDeps {
  tokenizer: Tokenizer;
  client: EndpointClient;
}

interface Attempt {
  version: number;
  key: string;
  tokenized: TokenizedCard | null;
}

interface PendingVerification {
  verification: Verification;
  mode: 'add' | 'pay';
  tokenized: TokenizedCard | null;
  /** The key of the last confirmation and the code it carried, reused if that same code is sent again. */
  confirm: { code: string; key: string } | null;
}

/** The card fields the tokenizer vouches for: a host's verdict on one of them means the token is no good. */
const TOKENIZED_FIELDS: ReadonlySet<string> = new Set(['number', 'expiry', 'code']);

/**
 * Whether a token survives a failed request: it does when nothing definite happened (the same attempt
 * is retried), and when the host refused the request before using the token (another field was
 * wrong, the account is full, the invoice is paid). A decline, a spent token, or a verdict on the
 * card itself ends it.
 */
function tokenSurvives(failure: Failure): boolean {
  if (failure.retrySameAttempt) return true;
  if (failure.kind === 'field') return failure.field !== undefined && !TOKENIZED_FIELDS.has(failure.field);
  if (failure.kind === 'conflict') return failure.code !== 'token_used';
  return false;
}

/** Runs submissions for one form. */
export class SubmitFlow {
  #attempt: Attempt | null = null;
  /** A token no request has spent yet, kept so the customer need not type the card again. */
  #held: TokenizedCard | null = null;
  #pending: PendingVerification | null = null;
  #busy = false;
  #controller: AbortController | null = null;

  /** A step is running; further steps are ignored until it ends. */
  get busy(): boolean {
    return this.#busy;
  }

  /** The verification the customer must complete, if any. */
  get verification(): Verification | null {
    return this.#pending?.verification ?? null;
  }

  /** The idempotency key of the current attempt, if one exists (for tests and diagnostics). */
  get attemptKey(): string | null {
    return this.#attempt?.key ?? null;
  }

  /**
   * The tokenized card the next submission will send instead of tokenizing again (its masked facts
   * are what the form shows in place of the emptied number), or null when the card must be typed.
   */
  get heldCard(): TokenizedCard | null {
    return this.#held;
  }

  /** Drops the held token (the customer chose another card): the next submission tokenizes again. */
  releaseCard(): void {
    this.#held = null;
    this.#attempt = null;
  }

  /**
   * Tokenizes (unless this data version already has a token) and saves or pays.
   *
   * @param version the form's data version; a different one from the last attempt's starts a new
   *   attempt (a new key; the held token, if any, goes with it).
   * @param onTokenized called as soon as the tokenizer answers, before the host endpoint is asked:
   *   the card data is no longer needed on the page from then on.
   */
  async submit(input: SubmitInput, version: number, deps: FlowDeps, onTokenized?: (card: TokenizedCard) => void): Promise<FlowOutcome> {
    if (this.#busy) return { kind: 'ignored' };
    if (!this.#attempt || this.#attempt.version !== version) {
      this.#attempt = { version, key: newIdempotencyKey(), tokenized: this.#held };
    }
    const attempt = this.#attempt;
    return this.#run(async (signal) => {
      try {
        if (!attempt.tokenized) {
          attempt.tokenized = await deps.tokenizer.tokenize(input.card, { signal });
          this.#held = attempt.tokenized;
          onTokenized?.(attempt.tokenized);
        }
      } catch (error) {
        return this.#failed(error, attempt);
      }
      const tokenized = attempt.tokenized;
      try {
        const response =
          input.mode === 'add'
            ? await deps.client.addCard(addCardBody(input, tokenized), { idempotencyKey: attempt.key, signal })
            : await deps.client.pay(paymentBody(input, tokenized), { idempotencyKey: attempt.key, signal });
        // the token is spent whatever comes next; a later submission starts over
        this.#attempt = null;
        this.#held = null;
        if (isVerificationRequired(response)) {
          this.#pending = { verification: response.verification, mode: input.mode, tokenized, confirm: null };
          return { kind: 'verification', verification: response.verification };
        }
        return resultOutcome(response, tokenized);
      } catch (error) {
        return this.#failed(error, attempt);
      }
    });
  }

  /** Sends the one-time code. A wrong code leaves the verification pending. */
  async confirm(code: string, deps: FlowDeps): Promise<FlowOutcome> {
    const pending = this.#pending;
    if (this.#busy || !pending) return { kind: 'ignored' };
    if (!pending.confirm || pending.confirm.code !== code) pending.confirm = { code, key: newIdempotencyKey() };
    const { key } = pending.confirm;
    return this.#run(async (signal) => {
      try {
        const result = await deps.client.confirmVerification(pending.verification.id, code, { idempotencyKey: key, signal });
        this.#pending = null;
        return resultOutcome(result, pending.tokenized);
      } catch (error) {
        const failure = classifyFailure(error);
        // an expired or finished verification cannot take another code: the customer starts over
        if (failure.kind === 'verification-expired' || failure.kind === 'conflict') this.#pending = null;
        return { kind: 'failed', failure };
      }
    });
  }

  /** Asks for a new one-time code. Resolves with whether it was sent. */
  async resend(deps: FlowDeps): Promise<boolean> {
    const pending = this.#pending;
    if (this.#busy || !pending) return false;
    const outcome = await this.#run(async (signal) => {
      await deps.client.resendVerification(pending.verification.id, { signal });
      return { kind: 'ignored' } as const;
    }).catch(() => null);
    if (outcome) pending.confirm = null;
    return outcome !== null;
  }

  /**
   * Abandons the verification. The server is told when it can be reached; either way the step is
   * over for the customer, and the next submission starts a new attempt (the token was spent).
   */
  async cancelVerification(deps: FlowDeps | null): Promise<void> {
    const pending = this.#pending;
    this.#pending = null;
    this.#attempt = null;
    this.#held = null;
    if (!pending || !deps) return;
    this.#controller?.abort();
    try {
      await deps.client.cancelVerification(pending.verification.id);
    } catch {
      // an unreachable server lets the verification expire on its own: nothing was saved or charged
    }
  }

  /** Forgets every attempt and aborts whatever is running (the form was reset or removed). */
  reset(): void {
    this.#controller?.abort();
    this.#attempt = null;
    this.#pending = null;
    this.#held = null;
  }

  async #run(step: (signal: AbortSignal) => Promise<FlowOutcome>): Promise<FlowOutcome> {
    this.#busy = true;
    const controller = new AbortController();
    this.#controller = controller;
    try {
      return await step(controller.signal);
    } finally {
      this.#busy = false;
      if (this.#controller === controller) this.#controller = null;
    }
  }

  #failed(error: unknown, attempt: Attempt): FlowOutcome {
    const failure = classifyFailure(error);
    // a definite refusal ends the attempt: the customer must change something, and the next try
    // gets a fresh key; anything uncertain keeps both key and token so the retry is replayed, not repeated
    if (!failure.retrySameAttempt && this.#attempt === attempt) this.#attempt = null;
    if (this.#held === attempt.tokenized && !tokenSurvives(failure)) this.#held = null;
    return { kind: 'failed', failure };
  }
}

function addCardBody(input: SubmitInput, tokenized: TokenizedCard): AddCardRequest | AddPaymentMethodRequest {
  const rest = { nameOnCard: input.nameOnCard, billing: input.billing, setDefault: input.setDefault, ...(input.funding ? { funding: input.funding } : {}) };
  // an intent-based gateway hands back a payment method it already saved, not a token (TokenizedCard.kind)
  return tokenized.kind === 'payment-method' ? { paymentMethodId: tokenized.token, ...rest } : { token: tokenized.token, ...rest };
}

function paymentBody(input: SubmitInput, tokenized: TokenizedCard): PaymentRequest | ConfirmedPaymentRequest {
  const target: { invoiceId?: string; amount?: Money } = input.invoiceId ? { invoiceId: input.invoiceId } : { amount: input.amount };
  const rest = {
    nameOnCard: input.nameOnCard,
    billing: input.billing,
    saveCard: input.saveCard,
    setDefault: input.saveCard && input.setDefault,
    ...(input.funding ? { funding: input.funding } : {}),
  };
  // with an intent-based gateway the payment already happened: the host endpoint records it once
  return tokenized.kind === 'payment-intent'
    ? { ...target, paymentIntentId: tokenized.token, ...rest }
    : { ...target, token: tokenized.token, ...rest };
}

function resultOutcome(result: VerificationResult, tokenized: TokenizedCard | null): FlowOutcome {
  return 'payment' in result ? { kind: 'paid', response: result, tokenized } : { kind: 'card-added', response: result, tokenized };
}
