/**
 * Readers for request bodies: each returns a normalised value or throws a 422 naming the field.
 * They run after the card-number guard, so they only see masked data.
 */
import type { Address, CardFunding, Money } from '../../src/endpoint/types.js';
import { invalid } from './problems.js';

type Json = Record<string, unknown>;

/** The billing address of a new card. */
export type BillingInput = { address: Address } | { savedAddressId: string };

/** A new card: the token and what the customer typed besides the card itself. */
export interface NewCardInput {
  token: string;
  nameOnCard: string;
  billing: BillingInput;
  setDefault: boolean;
  funding?: CardFunding;
}

/** `POST /payments`, normalised. */
export interface PaymentInput {
  invoiceId?: string;
  amount?: Money;
  description?: string;
  source: { cardId: string } | (NewCardInput & { saveCard: boolean });
}

const FUNDINGS: readonly CardFunding[] = ['credit', 'debit', 'prepaid', 'unknown'];
/** Largest payment the demo takes: $10,000.00. */
export const MAX_AMOUNT = 1_000_000;

function countDigits(value: string): number {
  return value.replace(/\D/g, '').length;
}

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, `${field} must be an object.`);
  return value as Json;
}

/**
 * A string field, trimmed. `maxDigits` matches the database's CHECK on the column, so a value the
 * database would refuse is a 422 here rather than a 500 there.
 */
function string(
  value: unknown,
  field: string,
  rules: { min?: number; max: number; maxDigits?: number; pattern?: RegExp },
): string {
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string.`);
  const trimmed = value.trim();
  if (trimmed.length < (rules.min ?? 1)) throw invalid(field, `${field} is required.`);
  if (trimmed.length > rules.max) throw invalid(field, `${field} is longer than ${rules.max} characters.`);
  if (rules.maxDigits !== undefined && countDigits(trimmed) > rules.maxDigits) {
    throw invalid(field, `${field} has more digits than it may hold.`);
  }
  if (rules.pattern && !rules.pattern.test(trimmed)) throw invalid(field, `${field} is not in the expected format.`);
  return trimmed;
}

function optionalString(value: unknown, field: string, rules: Parameters<typeof string>[2]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return string(value, field, rules);
}

function boolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(field, `${field} must be true or false.`);
  return value;
}

const ID = /^[A-Za-z0-9_-]+$/;

/** An id from the client (card, invoice, address, verification, token). */
export function readId(value: unknown, field: string): string {
  return string(value, field, { max: 100, pattern: ID });
}

/** A postal address. */
export function readAddress(value: unknown, field: string): Address {
  const json = object(value, field);
  const address: Address = {
    line1: string(json.line1, `${field}.line1`, { max: 200, maxDigits: 12 }),
    city: string(json.city, `${field}.city`, { max: 100, maxDigits: 12 }),
    region: string(json.region ?? '', `${field}.region`, { min: 0, max: 100, maxDigits: 12 }),
    postalCode: string(json.postalCode ?? '', `${field}.postalCode`, { min: 0, max: 20, maxDigits: 12 }),
    country: string(json.country, `${field}.country`, { max: 2, pattern: /^[A-Za-z]{2}$/ }).toUpperCase(),
  };
  const line2 = optionalString(json.line2, `${field}.line2`, { max: 200, maxDigits: 12 });
  if (line2) address.line2 = line2;
  return address;
}

function readBilling(value: unknown): BillingInput {
  const json = object(value, 'billing');
  if (json.savedAddressId !== undefined) return { savedAddressId: readId(json.savedAddressId, 'billing.savedAddressId') };
  return { address: readAddress(json.address, 'billing.address') };
}

function readFunding(value: unknown): CardFunding | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !FUNDINGS.includes(value as CardFunding)) throw invalid('funding', 'funding is not a known funding.');
  return value as CardFunding;
}

function readNewCard(json: Json): NewCardInput {
  const card: NewCardInput = {
    token: string(json.token, 'token', { max: 255, pattern: ID }),
    nameOnCard: string(json.nameOnCard, 'nameOnCard', { max: 100, maxDigits: 4 }),
    billing: readBilling(json.billing),
    setDefault: boolean(json.setDefault, 'setDefault', false),
  };
  const funding = readFunding(json.funding);
  if (funding) card.funding = funding;
  return card;
}

/** `POST /cards`. */
export function readAddCardRequest(json: Json): NewCardInput {
  return readNewCard(json);
}

/** `POST /payments`. */
export function readPaymentRequest(json: Json): PaymentInput {
  const input: PaymentInput = { source: { cardId: '' } };
  const invoiceId = json.invoiceId === undefined ? undefined : readId(json.invoiceId, 'invoiceId');
  if (invoiceId) input.invoiceId = invoiceId;
  if (json.amount !== undefined) {
    const money = object(json.amount, 'amount');
    const amount = money.amount;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
      throw invalid('amount.amount', `amount.amount must be a whole number of minor units from 1 to ${MAX_AMOUNT}.`);
    }
    input.amount = { amount, currency: string(money.currency, 'amount.currency', { max: 3, pattern: /^[A-Za-z]{3}$/ }).toUpperCase() };
  }
  if (!invoiceId && !input.amount) throw invalid('amount', 'Either invoiceId or amount is required.');
  const description = optionalString(json.description, 'description', { max: 200, maxDigits: 12 });
  if (description) input.description = description;

  if (json.cardId !== undefined) {
    if (json.token !== undefined) throw invalid('token', 'Send either cardId or token, not both.');
    input.source = { cardId: readId(json.cardId, 'cardId') };
  } else {
    if (json.token === undefined) throw invalid('cardId', 'Either cardId or token is required.');
    input.source = { ...readNewCard(json), saveCard: boolean(json.saveCard, 'saveCard', false) };
  }
  return input;
}

/** `POST /verifications/{id}/confirm`. */
export function readConfirmRequest(json: Json): string {
  return string(json.code, 'code', { max: 12, pattern: /^[0-9]{4,12}$/ });
}

/** `POST /session`. */
export function readSignIn(json: Json): { email: string; password: string } {
  return {
    email: string(json.email, 'email', { max: 200 }),
    password: typeof json.password === 'string' && json.password.length <= 200 ? json.password : '',
  };
}
