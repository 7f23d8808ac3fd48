/**
 * Readers for the host endpoint's answers: for each contract type, a table of its fields with a
 * small reader for each (`shape`). Each takes parsed JSON and returns a fresh object holding only
 * the contract's fields (extra properties are dropped, so nothing unexpected can travel on into
 * element state or event details), or throws {@link ContractViolation} naming the first field that
 * is wrong, in the order the table lists them.
 *
 * Required fields are strict. Optional enumerations with a value this version does not know (a
 * newer server's `funding: 'charge'`) are dropped rather than failing the whole answer: a customer
 * should still see their cards when the host adds a category.
 */
import { isCardBrand } from '../core/brands.js';
import type { CardBrand } from '../core/brands.js';
import type {
  AccountPolicy,
  AddressListResponse,
  CardAddedResponse,
  CardListResponse,
  IntentResponse,
  Invoice,
  Money,
  Payment,
  PaymentResponse,
  SavedAddress,
  SavedCard,
  Verification,
  VerificationRequiredResponse,
  VerificationResult,
} from './types.js';

/** Thrown by the readers: `path` is where the answer broke the contract (`cards[2].last4`). */
export class ContractViolation extends Error {
  /** Where in the answer the first problem is, as a property path. */
  readonly path: string;

  /** `path` names the field; `expected` says what it should have been (no received value, which could be anything). */
  constructor(path: string, expected: string) {
    super(`${path || 'response'} is not ${expected}`);
    this.name = 'ContractViolation';
    this.path = path;
  }
}

/** A reader: turns parsed JSON into a contract type or throws {@link ContractViolation}. */
export type Reader<T> = (value: unknown, path?: string) => T;

// The field readers below are exported for the token-endpoint tokenizer, which reads its gateway's
// answer with them; src/endpoint/index.ts does not re-export them.

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** A reader that checks `value` with `ok` and returns it, or reports what was `expected`. */
const check =
  <T>(ok: (value: unknown) => boolean, expected: string): Reader<T> =>
  (value, path = '') => {
    if (!ok(value)) throw new ContractViolation(path, expected);
    return value as T;
  };

const record = check<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object');
const string = check<string>((v) => typeof v === 'string', 'a string');
export const id = check<string>((v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string');
const boolean = check<boolean>((v) => typeof v === 'boolean', 'a boolean');
export const brand = check<CardBrand>(isCardBrand, 'a known card brand');
export const last4 = check<string>((v) => typeof v === 'string' && /^[0-9]{4}$/.test(v), 'four ASCII digits');
const currency = check<string>((v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'an ISO 4217 code');
const country = check<string>((v) => typeof v === 'string' && /^[A-Za-z]{2}$/.test(v), 'an ISO 3166-1 alpha-2 code');

export const integer = (min: number, max: number): Reader<number> =>
  check((v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, `an integer from ${min} to ${max}`);
const count = integer(0, Number.MAX_SAFE_INTEGER);

const oneOf = <T extends string>(...allowed: T[]): Reader<T> => check((v) => allowed.includes(v as T), `one of ${allowed.join(', ')}`);

/** An optional enumeration: a value this version does not know is dropped, not refused. */
export const known =
  <T extends string>(...allowed: T[]): Reader<T | undefined> =>
  (value) =>
    allowed.includes(value as T) ? (value as T) : undefined;

/** An optional field: missing or `null` reads as absent. */
const optional =
  <T>(read: Reader<T>): Reader<T | undefined> =>
  (value, path) =>
    value == null ? undefined : read(value, path);

const list =
  <T>(read: Reader<T>): Reader<T[]> =>
  (value, path = '') => {
    if (!Array.isArray(value)) throw new ContractViolation(path, 'an array');
    return value.map((item, index) => read(item, at(path, index)));
  };

/**
 * A reader for an object: one reader per contract field, applied in order, into a fresh object
 * that has no other properties and no `key: undefined` entries.
 */
export const shape =
  <T extends object>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> =>
  (value, path = '') => {
    const o = record(value, path);
    const out: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(fields) as [string, Reader<unknown>][]) {
      const field = read(o[key], at(path, key));
      if (field !== undefined) out[key] = field;
    }
    return out as T;
  };

const readCard = shape<SavedCard>({
  id,
  brand,
  last4,
  expMonth: integer(1, 12),
  expYear: integer(1000, 9999),
  nameOnCard: string,
  isDefault: boolean,
  expired: boolean,
  removable: boolean,
  funding: known('credit', 'debit', 'prepaid', 'unknown'),
  removalBlockedReason: known('default', 'only-card-required', 'pending-payment'),
  createdAt: optional(string),
});

/** Reads a {@link SavedCard}. */
export const readSavedCard: Reader<SavedCard> = (value, path) => {
  const card = readCard(value, path);
  // a reason only makes sense for a card that cannot be removed
  if (card.removable) delete card.removalBlockedReason;
  return card;
};

/** Reads an {@link AccountPolicy}. */
export const readAccountPolicy: Reader<AccountPolicy> = shape<AccountPolicy>({
  cardRequired: boolean,
  maxCards: count,
  cardRequiredReason: known('active-subscription'),
});

/** Reads a {@link CardListResponse} (`GET /cards` and every card mutation). */
export const readCardListResponse: Reader<CardListResponse> = shape<CardListResponse>({
  cards: list(readSavedCard),
  policy: readAccountPolicy,
});

/** Reads a {@link CardAddedResponse} (201 from `POST /cards`). */
export const readCardAddedResponse: Reader<CardAddedResponse> = shape<CardAddedResponse>({
  card: readSavedCard,
  cards: list(readSavedCard),
  policy: readAccountPolicy,
});

/** Reads a {@link SavedAddress}. The country code is upper-cased. */
export const readSavedAddress: Reader<SavedAddress> = shape<SavedAddress>({
  id,
  kind: oneOf('billing', 'shipping'),
  line1: string,
  city: string,
  region: string,
  postalCode: string,
  country: (value, path) => country(value, path).toUpperCase(),
  line2: optional(string),
});

/** Reads an {@link AddressListResponse}. */
export const readAddressListResponse: Reader<AddressListResponse> = shape<AddressListResponse>({ addresses: list(readSavedAddress) });

/** Reads a {@link Verification}. */
export const readVerification: Reader<Verification> = shape<Verification>({
  id,
  kind: oneOf('otp', 'three-d-secure'),
  status: oneOf('pending', 'succeeded', 'failed', 'cancelled', 'expired'),
  sentTo: optional(string),
  expiresAt: optional(string),
  codeLength: optional(integer(1, 16)),
  clientSecret: optional(string),
});

/** Reads a {@link VerificationRequiredResponse} (202 from `POST /cards` or `POST /payments`). */
export const readVerificationRequiredResponse: Reader<VerificationRequiredResponse> = shape<VerificationRequiredResponse>({
  verification: readVerification,
});

/** Reads a {@link Money} amount: integer minor units and an ISO 4217 code. */
export const readMoney: Reader<Money> = shape<Money>({ amount: count, currency });

/** Reads a {@link Payment}. */
export const readPayment: Reader<Payment> = shape<Payment>({
  id,
  status: oneOf('succeeded', 'pending'),
  amount: readMoney,
  card: shape<Payment['card']>({ brand, last4, expMonth: integer(1, 12), expYear: integer(1000, 9999) }),
  createdAt: string,
  invoiceId: optional(string),
});

/** Reads a {@link PaymentResponse} (201 from `POST /payments`). */
export const readPaymentResponse: Reader<PaymentResponse> = shape<PaymentResponse>({
  payment: readPayment,
  savedCard: optional(readSavedCard),
});

/** Reads a {@link VerificationResult}: a payment when the answer has `payment`, otherwise an added card. */
export const readVerificationResult: Reader<VerificationResult> = (value, path = '') =>
  'payment' in record(value, path) ? readPaymentResponse(value, path) : readCardAddedResponse(value, path);

/** Reads an {@link Invoice}. */
export const readInvoice: Reader<Invoice> = shape<Invoice>({
  id,
  number: string,
  description: string,
  amount: readMoney,
  status: oneOf('open', 'paid', 'void'),
  dueDate: string,
});

/** Reads `{ invoice }` (`GET /invoices/{id}`). */
export const readInvoiceResponse: Reader<{ invoice: Invoice }> = shape<{ invoice: Invoice }>({ invoice: readInvoice });

/** Reads `{ invoices }` (`GET /invoices`). */
export const readInvoiceListResponse: Reader<{ invoices: Invoice[] }> = shape<{ invoices: Invoice[] }>({ invoices: list(readInvoice) });

/** Reads `{ clientSecret }` (`POST /setup-intents`, `POST /payment-intents`). */
export const readIntentResponse: Reader<IntentResponse> = shape<IntentResponse>({ clientSecret: id });

/** Reads `{ verification }` (resend and cancel). */
export const readVerificationResponse: Reader<{ verification: Verification }> = readVerificationRequiredResponse;

/** Wraps a reader as a type guard: true when `value` passes it. */
export function conforms<T>(read: Reader<T>, value: unknown): value is T {
  try {
    read(value);
    return true;
  } catch (error) {
    if (error instanceof ContractViolation) return false;
    throw error;
  }
}

/** True when `value` is a valid {@link SavedCard}. */
export const isSavedCard = (value: unknown): value is SavedCard => conforms(readSavedCard, value);

/**
 * True when `value` is a {@link VerificationRequiredResponse}: the server wants the customer to
 * verify before it adds the card or takes the payment.
 */
export function isVerificationRequired(value: unknown): value is VerificationRequiredResponse {
  return conforms(readVerificationRequiredResponse, value);
}
