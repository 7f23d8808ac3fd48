/**
 * Data access for the demo server. Every query that reads or changes an account's things is scoped
 * by `account_id`, so another account's id simply finds nothing (and the API answers 404).
 */
import { createHash } from 'node:crypto';
import type { Address, CardBrand, CardFunding, Invoice, Money, SavedAddress } from '../../src/endpoint/types.js';
import type { Client, InValue, Row } from '../lib/sql.js';
import { int, intOrNull, text, textOrNull } from '../lib/sql.js';
import { SCHEMA, TABLES } from './schema.js';

/** A signed-in account. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  /** Set for a sub-account: the account it belongs to (it still never sees that account's cards). */
  parentAccountId: string | null;
}

/** A card on file, as stored. */
export interface CardRecord {
  id: string;
  accountId: string;
  gatewayPaymentMethodId: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
  nameOnCard: string;
  billingAddressId: string | null;
  isDefault: boolean;
  createdAt: string;
}

/** A subscription. */
export interface Subscription {
  id: string;
  plan: string;
  price: Money;
  interval: 'month' | 'year';
  status: 'active' | 'cancelled';
  /** ISO date (YYYY-MM-DD). */
  nextChargeOn: string;
}

/** A payment, as stored. */
export interface PaymentRecord {
  id: string;
  accountId: string;
  cardId: string | null;
  gatewayChargeId: string | null;
  amount: Money;
  status: 'succeeded' | 'pending';
  invoiceId: string | null;
  description: string | null;
  card: { brand: CardBrand; last4: string; expMonth: number; expYear: number };
  createdAt: string;
}

/** A verification in progress, and what the verified request will do. */
export interface VerificationRecord {
  id: string;
  accountId: string;
  gatewayVerificationId: string;
  purpose: 'add-card' | 'payment';
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  sentTo: string | null;
  expiresAt: string;
  codeLength: number | null;
  nameOnCard: string | null;
  billingAddressId: string | null;
  funding: CardFunding | null;
  setDefault: boolean;
  saveCard: boolean;
  cardId: string | null;
  invoiceId: string | null;
  amount: Money | null;
  description: string | null;
  createdAt: string;
}

/** A stored answer to an idempotent request. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

/** SHA-256, base64url: for session ids, idempotency keys and request bodies at rest. */
export function hash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function cardOf(row: Row): CardRecord {
  return {
    id: text(row, 'id'),
    accountId: text(row, 'account_id'),
    gatewayPaymentMethodId: text(row, 'gateway_payment_method_id'),
    brand: text(row, 'brand') as CardBrand,
    last4: text(row, 'last4'),
    expMonth: int(row, 'exp_month'),
    expYear: int(row, 'exp_year'),
    funding: text(row, 'funding') as CardFunding,
    nameOnCard: text(row, 'name_on_card'),
    billingAddressId: textOrNull(row, 'billing_address_id'),
    isDefault: int(row, 'is_default') === 1,
    createdAt: text(row, 'created_at'),
  };
}

function invoiceOf(row: Row): Invoice {
  return {
    id: text(row, 'id'),
    number: text(row, 'number'),
    description: text(row, 'description'),
    amount: { amount: int(row, 'amount'), currency: text(row, 'currency') },
    status: text(row, 'status') as Invoice['status'],
    dueDate: text(row, 'due_date'),
  };
}

function addressOf(row: Row): SavedAddress {
  const address: SavedAddress = {
    id: text(row, 'id'),
    kind: text(row, 'kind') as SavedAddress['kind'],
    line1: text(row, 'line1'),
    city: text(row, 'city'),
    region: text(row, 'region'),
    postalCode: text(row, 'postal_code'),
    country: text(row, 'country'),
  };
  const line2 = textOrNull(row, 'line2');
  if (line2) address.line2 = line2;
  return address;
}

function paymentOf(row: Row): PaymentRecord {
  return {
    id: text(row, 'id'),
    accountId: text(row, 'account_id'),
    cardId: textOrNull(row, 'card_id'),
    gatewayChargeId: textOrNull(row, 'gateway_charge_id'),
    amount: { amount: int(row, 'amount'), currency: text(row, 'currency') },
    status: text(row, 'status') as PaymentRecord['status'],
    invoiceId: textOrNull(row, 'invoice_id'),
    description: textOrNull(row, 'description'),
    card: {
      brand: text(row, 'brand') as CardBrand,
      last4: text(row, 'last4'),
      expMonth: int(row, 'exp_month'),
      expYear: int(row, 'exp_year'),
    },
    createdAt: text(row, 'created_at'),
  };
}

function verificationOf(row: Row): VerificationRecord {
  const amount = intOrNull(row, 'amount');
  const currency = textOrNull(row, 'currency');
  return {
    id: text(row, 'id'),
    accountId: text(row, 'account_id'),
    gatewayVerificationId: text(row, 'gateway_verification_id'),
    purpose: text(row, 'purpose') as VerificationRecord['purpose'],
    status: text(row, 'status') as VerificationRecord['status'],
    sentTo: textOrNull(row, 'sent_to'),
    expiresAt: text(row, 'expires_at'),
    codeLength: intOrNull(row, 'code_length'),
    nameOnCard: textOrNull(row, 'name_on_card'),
    billingAddressId: textOrNull(row, 'billing_address_id'),
    funding: textOrNull(row, 'funding') as CardFunding | null,
    setDefault: int(row, 'set_default') === 1,
    saveCard: int(row, 'save_card') === 1,
    cardId: textOrNull(row, 'card_id'),
    invoiceId: textOrNull(row, 'invoice_id'),
    amount: amount !== null && currency !== null ? { amount, currency } : null,
    description: textOrNull(row, 'description'),
    createdAt: text(row, 'created_at'),
  };
}

/** One SQL statement, as `batch` takes it. */
export interface Statement {
  sql: string;
  args: InValue[];
}

/** Data access for the demo server. */
export class HostStore {
  constructor(readonly db: Client) {}

  /** Creates the tables when missing. */
  async migrate(): Promise<void> {
    await this.db.batch([...SCHEMA], 'write');
  }

  /** Drops every table and creates them again, empty (so a reset also picks up schema changes). */
  async wipe(): Promise<void> {
    await this.db.batch(
      TABLES.map((table) => `DROP TABLE IF EXISTS ${table}`),
      'write',
    );
    await this.migrate();
  }

  /** True when no account exists yet (a fresh database). */
  async isEmpty(): Promise<boolean> {
    const { rows } = await this.db.execute('SELECT COUNT(*) AS n FROM accounts');
    return int(rows[0], 'n') === 0;
  }

  /** Runs statements in one transaction. */
  async batch(statements: Statement[]): Promise<void> {
    await this.db.batch(statements, 'write');
  }

  // --- accounts and sessions ---------------------------------------------------------------------

  /** An account and its password hash, by e-mail (case-insensitive). */
  async accountByEmail(email: string): Promise<{ account: Account; passwordHash: string } | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM accounts WHERE email = ? COLLATE NOCASE', args: [email] });
    const row = rows[0];
    if (!row) return null;
    return { account: accountOf(row), passwordHash: text(row, 'password_hash') };
  }

  /** Starts a session; only the hash of its id is stored. */
  async insertSession(sessionId: string, accountId: string, csrfToken: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db.execute({
      sql: 'INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      args: [hash(sessionId), accountId, csrfToken, now.toISOString(), expiresAt.toISOString()],
    });
  }

  /** The account and CSRF token of a live session. */
  async session(sessionId: string, now: Date): Promise<{ account: Account; csrfToken: string } | null> {
    const { rows } = await this.db.execute({
      sql: `SELECT accounts.*, sessions.csrf_token FROM sessions JOIN accounts ON accounts.id = sessions.account_id
        WHERE sessions.id_hash = ? AND sessions.expires_at > ?`,
      args: [hash(sessionId), now.toISOString()],
    });
    const row = rows[0];
    return row ? { account: accountOf(row), csrfToken: text(row, 'csrf_token') } : null;
  }

  /** Ends a session. */
  async deleteSession(sessionId: string): Promise<void> {
    await this.db.execute({ sql: 'DELETE FROM sessions WHERE id_hash = ?', args: [hash(sessionId)] });
  }

  // --- cards -------------------------------------------------------------------------------------

  /** The account's cards, default first, then oldest first. */
  async cards(accountId: string): Promise<CardRecord[]> {
    const { rows } = await this.db.execute({
      sql: 'SELECT * FROM cards WHERE account_id = ? ORDER BY is_default DESC, created_at ASC, id ASC',
      args: [accountId],
    });
    return rows.map(cardOf);
  }

  /** One of the account's cards. */
  async card(accountId: string, cardId: string): Promise<CardRecord | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM cards WHERE account_id = ? AND id = ?', args: [accountId, cardId] });
    return rows[0] ? cardOf(rows[0]) : null;
  }

  /** How many cards the account keeps. */
  async cardCount(accountId: string): Promise<number> {
    const { rows } = await this.db.execute({ sql: 'SELECT COUNT(*) AS n FROM cards WHERE account_id = ?', args: [accountId] });
    return int(rows[0], 'n');
  }

  /** Statements that store a card (and, when it is the default, take the flag from the others). */
  insertCardStatements(card: CardRecord): Statement[] {
    const statements: Statement[] = [];
    if (card.isDefault) statements.push({ sql: 'UPDATE cards SET is_default = 0 WHERE account_id = ?', args: [card.accountId] });
    statements.push({
      sql: `INSERT INTO cards (id, account_id, gateway_payment_method_id, brand, last4, exp_month, exp_year, funding,
          name_on_card, billing_address_id, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        card.id,
        card.accountId,
        card.gatewayPaymentMethodId,
        card.brand,
        card.last4,
        card.expMonth,
        card.expYear,
        card.funding,
        card.nameOnCard,
        card.billingAddressId,
        card.isDefault ? 1 : 0,
        card.createdAt,
      ],
    });
    return statements;
  }

  /** Makes one of the account's cards its default. */
  async setDefaultCard(accountId: string, cardId: string): Promise<void> {
    await this.batch([
      { sql: 'UPDATE cards SET is_default = 0 WHERE account_id = ?', args: [accountId] },
      { sql: 'UPDATE cards SET is_default = 1 WHERE account_id = ? AND id = ?', args: [accountId, cardId] },
    ]);
  }

  /** Removes one of the account's cards. */
  async deleteCard(accountId: string, cardId: string): Promise<void> {
    await this.db.execute({ sql: 'DELETE FROM cards WHERE account_id = ? AND id = ?', args: [accountId, cardId] });
  }

  /** Ids of the account's cards that have a payment still settling. */
  async cardsWithPendingPayments(accountId: string): Promise<Set<string>> {
    const { rows } = await this.db.execute({
      sql: "SELECT DISTINCT card_id FROM payments WHERE account_id = ? AND status = 'pending' AND card_id IS NOT NULL",
      args: [accountId],
    });
    return new Set(rows.map((row) => text(row, 'card_id')));
  }

  // --- subscription, wallet ----------------------------------------------------------------------

  /** The account's active subscription, if any. */
  async activeSubscription(accountId: string): Promise<Subscription | null> {
    const { rows } = await this.db.execute({
      sql: "SELECT * FROM subscriptions WHERE account_id = ? AND status = 'active' ORDER BY id LIMIT 1",
      args: [accountId],
    });
    const row = rows[0];
    if (!row) return null;
    return {
      id: text(row, 'id'),
      plan: text(row, 'plan'),
      price: { amount: int(row, 'amount'), currency: text(row, 'currency') },
      interval: text(row, 'interval') as Subscription['interval'],
      status: 'active',
      nextChargeOn: text(row, 'next_charge_on'),
    };
  }

  /** The account's wallet balance. */
  async wallet(accountId: string): Promise<Money | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM wallets WHERE account_id = ?', args: [accountId] });
    const row = rows[0];
    return row ? { amount: int(row, 'balance'), currency: text(row, 'currency') } : null;
  }

  // --- addresses ---------------------------------------------------------------------------------

  /** The account's billing and shipping addresses (not the ones only kept for a card). */
  async addresses(accountId: string): Promise<SavedAddress[]> {
    const { rows } = await this.db.execute({
      sql: "SELECT * FROM addresses WHERE account_id = ? AND kind IN ('billing', 'shipping') ORDER BY kind, created_at, id",
      args: [accountId],
    });
    return rows.map(addressOf);
  }

  /** One of the account's billing or shipping addresses. */
  async address(accountId: string, addressId: string): Promise<SavedAddress | null> {
    const { rows } = await this.db.execute({
      sql: "SELECT * FROM addresses WHERE account_id = ? AND id = ? AND kind IN ('billing', 'shipping')",
      args: [accountId, addressId],
    });
    return rows[0] ? addressOf(rows[0]) : null;
  }

  /** Statement storing an address. */
  insertAddressStatement(id: string, accountId: string, kind: 'billing' | 'shipping' | 'card', address: Address, now: Date): Statement {
    return {
      sql: `INSERT INTO addresses (id, account_id, kind, line1, line2, city, region, postal_code, country, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, accountId, kind, address.line1, address.line2 ?? null, address.city, address.region, address.postalCode, address.country, now.toISOString()],
    };
  }

  // --- invoices and payments ---------------------------------------------------------------------

  /** The account's invoices, by due date. */
  async invoices(accountId: string): Promise<Invoice[]> {
    const { rows } = await this.db.execute({
      sql: 'SELECT * FROM invoices WHERE account_id = ? ORDER BY due_date, number',
      args: [accountId],
    });
    return rows.map(invoiceOf);
  }

  /** One of the account's invoices. */
  async invoice(accountId: string, invoiceId: string): Promise<Invoice | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM invoices WHERE account_id = ? AND id = ?', args: [accountId, invoiceId] });
    return rows[0] ? invoiceOf(rows[0]) : null;
  }

  /** Statements recording a payment, and what it paid for (the invoice, or the wallet). */
  insertPaymentStatements(payment: PaymentRecord): Statement[] {
    const statements: Statement[] = [
      {
        sql: `INSERT INTO payments (id, account_id, card_id, gateway_charge_id, amount, currency, status, invoice_id, description,
            brand, last4, exp_month, exp_year, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          payment.id,
          payment.accountId,
          payment.cardId,
          payment.gatewayChargeId,
          payment.amount.amount,
          payment.amount.currency,
          payment.status,
          payment.invoiceId,
          payment.description,
          payment.card.brand,
          payment.card.last4,
          payment.card.expMonth,
          payment.card.expYear,
          payment.createdAt,
        ],
      },
    ];
    if (payment.status !== 'succeeded') return statements;
    if (payment.invoiceId) {
      statements.push({
        sql: "UPDATE invoices SET status = 'paid', paid_at = ?, payment_id = ? WHERE account_id = ? AND id = ?",
        args: [payment.createdAt, payment.id, payment.accountId, payment.invoiceId],
      });
    } else {
      statements.push({
        sql: 'UPDATE wallets SET balance = balance + ? WHERE account_id = ? AND currency = ?',
        args: [payment.amount.amount, payment.accountId, payment.amount.currency],
      });
    }
    return statements;
  }

  /** The account's payments, newest first. */
  async payments(accountId: string): Promise<PaymentRecord[]> {
    const { rows } = await this.db.execute({
      sql: 'SELECT * FROM payments WHERE account_id = ? ORDER BY created_at DESC, id',
      args: [accountId],
    });
    return rows.map(paymentOf);
  }

  // --- verifications -----------------------------------------------------------------------------

  /** Stores a verification. */
  async insertVerification(v: VerificationRecord): Promise<void> {
    await this.db.execute({
      sql: `INSERT INTO verifications (id, account_id, gateway_verification_id, purpose, status, sent_to, expires_at, code_length,
          name_on_card, billing_address_id, funding, set_default, save_card, card_id, invoice_id, amount, currency, description,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        v.id,
        v.accountId,
        v.gatewayVerificationId,
        v.purpose,
        v.status,
        v.sentTo,
        v.expiresAt,
        v.codeLength,
        v.nameOnCard,
        v.billingAddressId,
        v.funding,
        v.setDefault ? 1 : 0,
        v.saveCard ? 1 : 0,
        v.cardId,
        v.invoiceId,
        v.amount?.amount ?? null,
        v.amount?.currency ?? null,
        v.description,
        v.createdAt,
      ],
    });
  }

  /** One of the account's verifications. */
  async verification(accountId: string, id: string): Promise<VerificationRecord | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM verifications WHERE account_id = ? AND id = ?', args: [accountId, id] });
    return rows[0] ? verificationOf(rows[0]) : null;
  }

  /** Statement updating a verification's status and expiry. */
  updateVerificationStatement(v: Pick<VerificationRecord, 'id' | 'accountId' | 'status' | 'expiresAt'>): Statement {
    return {
      sql: 'UPDATE verifications SET status = ?, expires_at = ? WHERE account_id = ? AND id = ?',
      args: [v.status, v.expiresAt, v.accountId, v.id],
    };
  }

  // --- idempotency -------------------------------------------------------------------------------

  /** The stored answer for an account's idempotency key. */
  async storedResponse(accountId: string, key: string): Promise<StoredResponse | null> {
    const { rows } = await this.db.execute({
      sql: 'SELECT request_hash, status, response_body FROM idempotency_keys WHERE account_id = ? AND key_hash = ?',
      args: [accountId, hash(key)],
    });
    const row = rows[0];
    return row ? { requestHash: text(row, 'request_hash'), status: int(row, 'status'), body: text(row, 'response_body') } : null;
  }

  /** Stores the answer for an account's idempotency key. */
  async storeResponse(accountId: string, key: string, response: StoredResponse, now: Date): Promise<void> {
    await this.db.execute({
      sql: `INSERT INTO idempotency_keys (account_id, key_hash, request_hash, status, response_body, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`,
      args: [accountId, hash(key), response.requestHash, response.status, response.body, now.toISOString()],
    });
  }
}

function accountOf(row: Row): Account {
  return {
    id: text(row, 'id'),
    email: text(row, 'email'),
    displayName: text(row, 'display_name'),
    parentAccountId: textOrNull(row, 'parent_account_id'),
  };
}
