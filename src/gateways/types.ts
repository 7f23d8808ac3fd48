/**
 * The tokenizer interface: the only place a card number and security code go. The form hands the
 * card to a {@link Tokenizer} and sends the host endpoint only the token and masked facts it
 * returns. The token endpoint, Stripe and the sandbox gateway are implementations of it.
 */
import type { Address, CardBrand, CardFunding } from '../endpoint/types.js';

/** The card as the customer typed it. Lives only as long as one `tokenize` call. */
export interface CardDetails {
  /** The card number (digits; separators are tolerated and stripped). */
  number: string;
  /** 1–12. */
  expMonth: number;
  /** Four-digit year. */
  expYear: number;
  /** The security code (CVC/CVV/CID), digits. */
  code: string;
  /** The name on the card. */
  name: string;
  /** The billing address, when the gateway should check it. */
  address?: Address;
}

/** What a tokenizer gives back: an opaque token and the masked facts the page may keep. */
export interface TokenizedCard {
  /** Opaque, single-use token for the host endpoint (`POST /cards`, `POST /payments`). */
  token: string;
  brand: CardBrand;
  /** Exactly four digits. */
  last4: string;
  expMonth: number;
  expYear: number;
  funding?: CardFunding;
  /**
   * What `token` is, which decides the field the host endpoint receives it in:
   * - `token` (the default): a single-use token (`token`);
   * - `payment-method`: a payment method an intent-based gateway already saved to the account's
   *   customer (`paymentMethodId` on `POST /cards`);
   * - `payment-intent`: a payment the gateway already took (`paymentIntentId` on `POST /payments`).
   *
   * Intent-based gateways may not reveal the last four digits and expiry to the page: for those two
   * kinds `last4` may be `''` and the expiry `0`, and the host endpoint's answer carries the facts.
   */
  kind?: 'token' | 'payment-method' | 'payment-intent';
}

/** Options for one tokenization. */
export interface TokenizeOptions {
  /** Aborts the call (the promise rejects with kind `aborted`). */
  signal?: AbortSignal;
}

/** Turns card details into a token. Implementations never retry by themselves: the form decides. */
export interface Tokenizer {
  /** Which implementation this is (`'token-endpoint'`, `'stripe'`, …), for logs and tests. */
  readonly id: string;
  /** Sends the card to the gateway and resolves with the token, or rejects with a {@link TokenizeError}. */
  tokenize(card: CardDetails, options?: TokenizeOptions): Promise<TokenizedCard>;
}

/**
 * Why tokenization failed:
 * - `declined`: the gateway refused the card (`declineCode` says why);
 * - `invalid`: the gateway found a field wrong (`field` says which);
 * - `network` / `timeout`: no answer, or not in time;
 * - `server`: the gateway answered with an error that is not about the card (5xx, 401, 429…);
 * - `aborted`: the caller's signal fired;
 * - `invalid-response`: a success answer the tokenizer could not trust (malformed, unknown brand,
 *   or carrying what looks like a card number).
 */
export type TokenizeErrorKind = 'declined' | 'invalid' | 'network' | 'timeout' | 'server' | 'aborted' | 'invalid-response';

/** The card field a tokenization error is about, in the form's terms. */
export type TokenizeErrorField = 'number' | 'expiry' | 'code' | 'name' | 'address';

/** The fields a {@link TokenizeError} is made from. */
export interface TokenizeErrorInit {
  kind: TokenizeErrorKind;
  code: string;
  declineCode?: string;
  field?: TokenizeErrorField;
  status?: number;
}

/**
 * A failed tokenization. The message is composed from `kind`, `code`, `declineCode` and `field`
 * only; it never holds the card number, the security code or the gateway's own prose.
 */
export class TokenizeError extends Error {
  /** What went wrong; see {@link TokenizeErrorKind}. */
  readonly kind: TokenizeErrorKind;
  /** The gateway's error code (`incorrect_number`, `card_declined`, …) or the client's (`timeout`, `network_error`, …). */
  readonly code: string;
  /** The gateway's decline code (`insufficient_funds`, …), for `declined`. */
  readonly declineCode?: string;
  /** The field at fault, so the form can put the message next to it. */
  readonly field?: TokenizeErrorField;
  /** The gateway's HTTP status, when there was one. */
  readonly status?: number;

  /** Builds an error; the message is composed from `init` alone. */
  constructor(init: TokenizeErrorInit) {
    const facts = [init.code, init.declineCode && `decline ${init.declineCode}`, init.field && `field ${init.field}`]
      .filter(Boolean)
      .join(', ');
    super(`Tokenization failed (${init.kind}${init.status ? ` ${init.status}` : ''}, ${facts})`);
    this.name = 'TokenizeError';
    this.kind = init.kind;
    this.code = init.code;
    if (init.declineCode !== undefined) this.declineCode = init.declineCode;
    if (init.field !== undefined) this.field = init.field;
    if (init.status !== undefined) this.status = init.status;
  }
}
