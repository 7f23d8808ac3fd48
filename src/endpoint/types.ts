/**
 * The host-endpoint contract: what the elements send to the portal's own API and what they accept
 * back. `docs/endpoint.md` and `docs/endpoint.openapi.yaml` describe the same shapes for humans and
 * tools; this file is the source of truth for the code.
 *
 * Nothing here can carry a card number or a security code: cards travel as a gateway token plus
 * masked facts (brand, last four digits, expiry).
 */
import type { CardBrand } from '../core/brands.js';

export type { CardBrand };

/** How a card is funded, when the gateway knows. */
export type CardFunding = 'credit' | 'debit' | 'prepaid' | 'unknown';

/** Why the server will not remove a card. */
export type RemovalBlockedReason =
  /** It is the default card: set another default first. */
  | 'default'
  /** It is the only card and the account policy requires one (for example an active subscription). */
  | 'only-card-required'
  /** A payment with this card has not settled yet. */
  | 'pending-payment';

/** A card on file, as the host endpoint lists it. Masked facts only. */
export interface SavedCard {
  /** Opaque id, unique within the account. */
  id: string;
  brand: CardBrand;
  /** Exactly four digits. */
  last4: string;
  /** 1–12. */
  expMonth: number;
  /** Four-digit year. */
  expYear: number;
  nameOnCard: string;
  funding?: CardFunding;
  isDefault: boolean;
  /** The server's own view of expiry (end of the expiry month, in the server's clock). */
  expired: boolean;
  /** Whether `DELETE /cards/{id}` would be accepted right now. */
  removable: boolean;
  /** Set when `removable` is false. */
  removalBlockedReason?: RemovalBlockedReason;
  /** ISO 8601 timestamp. */
  createdAt?: string;
}

/** Facts about the account that decide what the customer may do with its cards. */
export interface AccountPolicy {
  /** A card on file is required, so the last card cannot be removed. */
  cardRequired: boolean;
  /** Why a card is required, when it is. */
  cardRequiredReason?: 'active-subscription';
  /** How many cards the account may keep. */
  maxCards: number;
}

/** `GET /cards`, and the answer to every card mutation: the whole list, as the server now holds it. */
export interface CardListResponse {
  cards: SavedCard[];
  policy: AccountPolicy;
}

/** A postal address. `country` is an ISO 3166-1 alpha-2 code. */
export interface Address {
  line1: string;
  line2?: string;
  city: string;
  /** State, province, county or region. */
  region: string;
  postalCode: string;
  country: string;
}

/** An address the account keeps on file. */
export interface SavedAddress extends Address {
  id: string;
  kind: 'billing' | 'shipping';
}

/** `GET /addresses`. */
export interface AddressListResponse {
  addresses: SavedAddress[];
}

/** The billing address of a new card: a new address, or one on file by id. */
export type BillingAddressInput = { address: Address } | { savedAddressId: string };

/** `POST /cards`: save a tokenized card. Sent with an `Idempotency-Key` header. */
export interface AddCardRequest {
  /** The tokenizer's opaque token. The server resolves brand, last4 and expiry from the gateway. */
  token: string;
  nameOnCard: string;
  billing: BillingAddressInput;
  setDefault: boolean;
  /** Chosen by the customer when the form offers credit / debit. */
  funding?: CardFunding;
}

/** A verification the gateway asked for before it would accept the card or the payment. */
export interface Verification {
  id: string;
  /** `otp`: a one-time code the customer types; `three-d-secure`: the gateway's own challenge. */
  kind: 'otp' | 'three-d-secure';
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  /** Where the code was sent, masked (for example "•••• 0142"). */
  sentTo?: string;
  /** ISO 8601 timestamp after which the code no longer works. */
  expiresAt?: string;
  /** Digits in the code, when the gateway says. */
  codeLength?: number;
  /** For `three-d-secure`: what the gateway's own client needs to run the challenge. */
  clientSecret?: string;
}

/** 201 from `POST /cards` or from confirming its verification. */
export interface CardAddedResponse {
  card: SavedCard;
  cards: SavedCard[];
  policy: AccountPolicy;
}

/** 202 from `POST /cards` or `POST /payments`: the customer must verify first. */
export interface VerificationRequiredResponse {
  verification: Verification;
}

/** An amount in minor units (cents) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** `POST /payments`: pay an invoice or an amount. Sent with an `Idempotency-Key` header. */
export type PaymentRequest = {
  /** Pay this invoice (the server knows its amount), or… */
  invoiceId?: string;
  /** …this amount, for a top-up or refill. */
  amount?: Money;
  /** What the payment is for, shown on the receipt. */
  description?: string;
} & (
  | { cardId: string }
  | {
      token: string;
      nameOnCard: string;
      billing: BillingAddressInput;
      /** Keep the card on file after paying. */
      saveCard: boolean;
      setDefault?: boolean;
      funding?: CardFunding;
    }
);

/**
 * `POST /cards` from an intent-based gateway (Stripe): instead of a token, the id of the payment
 * method that a SetupIntent (from `POST /setup-intents`) attached to the account's customer when the
 * customer confirmed it. Sent with an `Idempotency-Key` header.
 */
export interface AddPaymentMethodRequest {
  /** The gateway's payment-method id (`pm_…`). The server checks it belongs to the account's customer. */
  paymentMethodId: string;
  nameOnCard: string;
  billing: BillingAddressInput;
  setDefault: boolean;
  funding?: CardFunding;
}

/**
 * `POST /payments` from an intent-based gateway (Stripe): the PaymentIntent (from
 * `POST /payment-intents`) the customer already confirmed with the gateway. The server checks its
 * status, amount and account, records the payment once, and keeps the card when `saveCard` is true.
 * Sent with an `Idempotency-Key` header.
 */
export interface ConfirmedPaymentRequest {
  /** The invoice the intent was created for, or… */
  invoiceId?: string;
  /** …the amount it was created for. */
  amount?: Money;
  /** The gateway's PaymentIntent id (`pi_…`). */
  paymentIntentId: string;
  nameOnCard: string;
  billing: BillingAddressInput;
  /** Keep the card on file (the intent was created with `saveCard: true`). */
  saveCard: boolean;
  setDefault?: boolean;
  funding?: CardFunding;
}

/** `POST /setup-intents`: start saving a card with an intent-based gateway. The body is `{}`. */
export type CreateSetupIntentRequest = Record<string, never>;

/** `POST /payment-intents`: start paying with a new card through an intent-based gateway. */
export interface CreatePaymentIntentRequest {
  /** Pay this invoice, or… */
  invoiceId?: string;
  /** …this amount (a top-up). */
  amount?: Money;
  /** Keep the card after paying: the server asks the gateway to set the card up for later use. */
  saveCard: boolean;
}

/**
 * 201 from `POST /setup-intents` and `POST /payment-intents`: what the gateway's own page-side
 * library needs to confirm the intent (and run 3-D Secure). Never logged, never stored by the page.
 */
export interface IntentResponse {
  /** The intent's client secret (`seti_…_secret_…` / `pi_…_secret_…`). */
  clientSecret: string;
}

/** A payment that went through. */
export interface Payment {
  id: string;
  status: 'succeeded' | 'pending';
  amount: Money;
  invoiceId?: string;
  /** The card charged, masked. */
  card: { brand: CardBrand; last4: string; expMonth: number; expYear: number };
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/** 201 from `POST /payments` or from confirming its verification. */
export interface PaymentResponse {
  payment: Payment;
  /** The card saved while paying, when `saveCard` was true. */
  savedCard?: SavedCard;
}

/** An invoice the account can pay. */
export interface Invoice {
  id: string;
  number: string;
  description: string;
  amount: Money;
  status: 'open' | 'paid' | 'void';
  dueDate: string;
}

/** `POST /verifications/{id}/confirm`. */
export interface ConfirmVerificationRequest {
  code: string;
}

/** The answer to confirming a verification: whatever the verified request produces. */
export type VerificationResult = CardAddedResponse | PaymentResponse;

/** Error codes the contract defines. Hosts may add their own; elements treat unknown codes as `server_error`. */
export type EndpointErrorCode =
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409, with `reason`
  | 'idempotency_key_reused' // 409 (same key, different body) / 422
  | 'validation_failed' // 422, with `field`
  | 'card_declined' // 402, with `declineCode`
  | 'verification_failed' // 402 / 422: wrong or expired one-time code
  | 'rate_limited' // 429, with Retry-After
  | 'server_error'; // 5xx

/** The one error shape every route answers with on failure: `{ "error": EndpointErrorBody }`. */
export interface EndpointErrorBody {
  code: EndpointErrorCode | (string & {});
  /** A message for the developer's logs. Elements show their own translated text, not this. */
  message: string;
  /** The request field at fault, for `validation_failed`. */
  field?: string;
  /** The gateway's decline code, for `card_declined` (Stripe's names: `insufficient_funds`, …). */
  declineCode?: string;
  /** Why, for `conflict`: a `RemovalBlockedReason`, `token_used`, `max_cards`, … */
  reason?: string;
  /** For `verification_failed` with reason `wrong_code`: how many more codes the customer may try. */
  attemptsLeft?: number;
}
