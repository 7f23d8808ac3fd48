/**
 * Hand-written readers for the host endpoint's answers. Each takes parsed JSON and returns a fresh
 * object holding only the contract's fields (extra properties are dropped, so nothing unexpected can
 * travel on into element state or event details), or throws {@link ContractViolation} naming the
 * first field that is wrong.
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
  CardFunding,
  CardListResponse,
  Invoice,
  Money,
  Payment,
  PaymentResponse,
  RemovalBlockedReason,
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

const FUNDINGS: readonly CardFunding[] = ['credit', 'debit', 'prepaid', 'unknown'];
const REMOVAL_REASONS: readonly RemovalBlockedReason[] = ['default', 'only-card-required', 'pending-payment'];
const VERIFICATION_KINDS: readonly Verification['kind'][] = ['otp', 'three-d-secure'];
const VERIFICATION_STATUSES: readonly Verification['status'][] = ['pending', 'succeeded', 'failed', 'cancelled', 'expired'];
const PAYMENT_STATUSES: readonly Payment['status'][] = ['succeeded', 'pending'];
const INVOICE_STATUSES: readonly Invoice['status'][] = ['open', 'paid', 'void'];
const ADDRESS_KINDS: readonly SavedAddress['kind'][] = ['billing', 'shipping'];

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ContractViolation(path, 'an object');
  return value as Record<string, unknown>;
}

function list<T>(value: unknown, path: string, read: Reader<T>): T[] {
  if (!Array.isArray(value)) throw new ContractViolation(path, 'an array');
  return value.map((item, index) => read(item, at(path, index)));
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ContractViolation(path, 'a string');
  return value;
}

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ContractViolation(path, 'a non-empty string');
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path);
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ContractViolation(path, 'a boolean');
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ContractViolation(path, `an integer from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw new ContractViolation(path, `one of ${allowed.join(', ')}`);
  return value as T;
}

function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function brand(value: unknown, path: string): CardBrand {
  if (!isCardBrand(value)) throw new ContractViolation(path, 'a known card brand');
  return value;
}

function last4(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[0-9]{4}$/.test(value)) throw new ContractViolation(path, 'four ASCII digits');
  return value;
}

/** Copies the optional properties that are defined, so results carry no `key: undefined` entries. */
function withOptional<T extends object>(base: T, optional: Partial<T>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (base as Record<string, unknown>)[key] = value;
  }
  return base;
}

/** Reads a {@link SavedCard}. */
export const readSavedCard: Reader<SavedCard> = (value, path = '') => {
  const o = record(value, path);
  const removable = boolean(o.removable, at(path, 'removable'));
  return withOptional<SavedCard>(
    {
      id: id(o.id, at(path, 'id')),
      brand: brand(o.brand, at(path, 'brand')),
      last4: last4(o.last4, at(path, 'last4')),
      expMonth: integer(o.expMonth, at(path, 'expMonth'), 1, 12),
      expYear: integer(o.expYear, at(path, 'expYear'), 1000, 9999),
      nameOnCard: string(o.nameOnCard, at(path, 'nameOnCard')),
      isDefault: boolean(o.isDefault, at(path, 'isDefault')),
      expired: boolean(o.expired, at(path, 'expired')),
      removable,
    },
    {
      funding: optionalOneOf(o.funding, FUNDINGS),
      // a reason only makes sense for a card that cannot be removed
      removalBlockedReason: removable ? undefined : optionalOneOf(o.removalBlockedReason, REMOVAL_REASONS),
      createdAt: optionalString(o.createdAt, at(path, 'createdAt')),
    },
  );
};

/** Reads an {@link AccountPolicy}. */
export const readAccountPolicy: Reader<AccountPolicy> = (value, path = '') => {
  const o = record(value, path);
  return withOptional<AccountPolicy>(
    {
      cardRequired: boolean(o.cardRequired, at(path, 'cardRequired')),
      maxCards: integer(o.maxCards, at(path, 'maxCards'), 0, Number.MAX_SAFE_INTEGER),
    },
    { cardRequiredReason: optionalOneOf(o.cardRequiredReason, ['active-subscription'] as const) },
  );
};

/** Reads a {@link CardListResponse} (`GET /cards` and every card mutation). */
export const readCardListResponse: Reader<CardListResponse> = (value, path = '') => {
  const o = record(value, path);
  return {
    cards: list(o.cards, at(path, 'cards'), readSavedCard),
    policy: readAccountPolicy(o.policy, at(path, 'policy')),
  };
};

/** Reads a {@link CardAddedResponse} (201 from `POST /cards`). */
export const readCardAddedResponse: Reader<CardAddedResponse> = (value, path = '') => {
  const o = record(value, path);
  return {
    card: readSavedCard(o.card, at(path, 'card')),
    cards: list(o.cards, at(path, 'cards'), readSavedCard),
    policy: readAccountPolicy(o.policy, at(path, 'policy')),
  };
};

/** Reads a {@link SavedAddress}. The country code is upper-cased. */
export const readSavedAddress: Reader<SavedAddress> = (value, path = '') => {
  const o = record(value, path);
  const country = string(o.country, at(path, 'country'));
  if (!/^[A-Za-z]{2}$/.test(country)) throw new ContractViolation(at(path, 'country'), 'an ISO 3166-1 alpha-2 code');
  return withOptional<SavedAddress>(
    {
      id: id(o.id, at(path, 'id')),
      kind: oneOf(o.kind, ADDRESS_KINDS, at(path, 'kind')),
      line1: string(o.line1, at(path, 'line1')),
      city: string(o.city, at(path, 'city')),
      region: string(o.region, at(path, 'region')),
      postalCode: string(o.postalCode, at(path, 'postalCode')),
      country: country.toUpperCase(),
    },
    { line2: optionalString(o.line2, at(path, 'line2')) },
  );
};

/** Reads an {@link AddressListResponse}. */
export const readAddressListResponse: Reader<AddressListResponse> = (value, path = '') => ({
  addresses: list(record(value, path).addresses, at(path, 'addresses'), readSavedAddress),
});

/** Reads a {@link Verification}. */
export const readVerification: Reader<Verification> = (value, path = '') => {
  const o = record(value, path);
  return withOptional<Verification>(
    {
      id: id(o.id, at(path, 'id')),
      kind: oneOf(o.kind, VERIFICATION_KINDS, at(path, 'kind')),
      status: oneOf(o.status, VERIFICATION_STATUSES, at(path, 'status')),
    },
    {
      sentTo: optionalString(o.sentTo, at(path, 'sentTo')),
      expiresAt: optionalString(o.expiresAt, at(path, 'expiresAt')),
      codeLength: o.codeLength == null ? undefined : integer(o.codeLength, at(path, 'codeLength'), 1, 16),
      clientSecret: optionalString(o.clientSecret, at(path, 'clientSecret')),
    },
  );
};

/** Reads a {@link VerificationRequiredResponse} (202 from `POST /cards` or `POST /payments`). */
export const readVerificationRequiredResponse: Reader<VerificationRequiredResponse> = (value, path = '') => ({
  verification: readVerification(record(value, path).verification, at(path, 'verification')),
});

/** Reads a {@link Money} amount: integer minor units and an ISO 4217 code. */
export const readMoney: Reader<Money> = (value, path = '') => {
  const o = record(value, path);
  const currency = string(o.currency, at(path, 'currency'));
  if (!/^[A-Z]{3}$/.test(currency)) throw new ContractViolation(at(path, 'currency'), 'an ISO 4217 code');
  return { amount: integer(o.amount, at(path, 'amount'), 0, Number.MAX_SAFE_INTEGER), currency };
};

/** Reads a {@link Payment}. */
export const readPayment: Reader<Payment> = (value, path = '') => {
  const o = record(value, path);
  const cardPath = at(path, 'card');
  const card = record(o.card, cardPath);
  return withOptional<Payment>(
    {
      id: id(o.id, at(path, 'id')),
      status: oneOf(o.status, PAYMENT_STATUSES, at(path, 'status')),
      amount: readMoney(o.amount, at(path, 'amount')),
      card: {
        brand: brand(card.brand, at(cardPath, 'brand')),
        last4: last4(card.last4, at(cardPath, 'last4')),
        expMonth: integer(card.expMonth, at(cardPath, 'expMonth'), 1, 12),
        expYear: integer(card.expYear, at(cardPath, 'expYear'), 1000, 9999),
      },
      createdAt: string(o.createdAt, at(path, 'createdAt')),
    },
    { invoiceId: optionalString(o.invoiceId, at(path, 'invoiceId')) },
  );
};

/** Reads a {@link PaymentResponse} (201 from `POST /payments`). */
export const readPaymentResponse: Reader<PaymentResponse> = (value, path = '') => {
  const o = record(value, path);
  return withOptional<PaymentResponse>(
    { payment: readPayment(o.payment, at(path, 'payment')) },
    { savedCard: o.savedCard == null ? undefined : readSavedCard(o.savedCard, at(path, 'savedCard')) },
  );
};

/** Reads a {@link VerificationResult}: a payment when the answer has `payment`, otherwise an added card. */
export const readVerificationResult: Reader<VerificationResult> = (value, path = '') =>
  'payment' in record(value, path) ? readPaymentResponse(value, path) : readCardAddedResponse(value, path);

/** Reads an {@link Invoice}. */
export const readInvoice: Reader<Invoice> = (value, path = '') => {
  const o = record(value, path);
  return {
    id: id(o.id, at(path, 'id')),
    number: string(o.number, at(path, 'number')),
    description: string(o.description, at(path, 'description')),
    amount: readMoney(o.amount, at(path, 'amount')),
    status: oneOf(o.status, INVOICE_STATUSES, at(path, 'status')),
    dueDate: string(o.dueDate, at(path, 'dueDate')),
  };
};

/** Reads `{ invoice }` (`GET /invoices/{id}`). */
export const readInvoiceResponse: Reader<{ invoice: Invoice }> = (value, path = '') => ({
  invoice: readInvoice(record(value, path).invoice, at(path, 'invoice')),
});

/** Reads `{ invoices }` (`GET /invoices`). */
export const readInvoiceListResponse: Reader<{ invoices: Invoice[] }> = (value, path = '') => ({
  invoices: list(record(value, path).invoices, at(path, 'invoices'), readInvoice),
});

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
