/**
 * The sandbox gateway's storage: tokens, payment methods, verifications, charges and the demo
 * phone's messages. Like a real gateway's vault seen from outside, except that it never keeps the
 * card number at all: a token only remembers the masked facts and what the test number does.
 */
import type { CardBrand, CardFunding } from '../../src/endpoint/types.js';
import type { Client, Row } from '../lib/sql.js';
import { int, intOrNull, last4Check, maxDigits, text, textOrNull } from '../lib/sql.js';
import { SEEDED_PAYMENT_METHODS } from './seed.js';
import type { TestCardBehaviour } from './test-cards.js';

/** Masked facts about a card. */
export interface CardFacts {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
}

/** A stored token. */
export interface TokenRecord {
  id: string;
  card: CardFacts;
  behaviour: TestCardBehaviour;
  createdAt: string;
  usedAt: string | null;
}

/** A stored reusable payment method. */
export interface PaymentMethodRecord {
  id: string;
  card: CardFacts;
  behaviour: TestCardBehaviour;
  createdAt: string;
}

/** What a verification, once passed, goes on to do. */
export type VerificationPurpose = 'payment_method' | 'charge';

/** A stored one-time-code verification. */
export interface VerificationRecord {
  id: string;
  purpose: VerificationPurpose;
  tokenId: string | null;
  paymentMethodId: string | null;
  amount: number | null;
  currency: string | null;
  savePaymentMethod: boolean;
  /** SHA-256 of the code and the verification id: the code itself is only in the demo phone's message. */
  codeHash: string;
  attemptsLeft: number;
  resendsLeft: number;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired';
  sentTo: string;
  expiresAt: string;
  createdAt: string;
  resultPaymentMethodId: string | null;
  resultChargeId: string | null;
}

/** A stored charge. */
export interface ChargeRecord {
  id: string;
  amount: number;
  currency: string;
  status: 'succeeded';
  card: CardFacts;
  paymentMethodId: string | null;
  createdAt: string;
}

/** A message the demo phone shows. */
export interface MessageRecord {
  id: string;
  verificationId: string;
  sentTo: string;
  code: string;
  createdAt: string;
}

const CARD_COLUMNS = `
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL ${last4Check('last4')},
  exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year INTEGER NOT NULL CHECK (exp_year BETWEEN 2000 AND 2200),
  funding TEXT NOT NULL CHECK (funding IN ('credit', 'debit', 'prepaid', 'unknown')),
  decline_code TEXT,
  requires_otp INTEGER NOT NULL DEFAULT 0 CHECK (requires_otp IN (0, 1))`;

/**
 * SQLite stores a row's values back to back, so column order matters to anyone scanning the file
 * for card numbers (as PCI data-discovery tools do): a value ending in digits is never followed by
 * one starting with digits (dates, codes), which would read as one long digit run.
 */
const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS tokens (
    id TEXT PRIMARY KEY,
    ${CARD_COLUMNS},
    created_at TEXT NOT NULL,
    used_at TEXT
  )`,
  `CREATE TABLE IF NOT EXISTS payment_methods (
    id TEXT PRIMARY KEY,
    ${CARD_COLUMNS},
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS verifications (
    id TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('payment_method', 'charge')),
    token_id TEXT,
    payment_method_id TEXT,
    amount INTEGER,
    currency TEXT,
    save_payment_method INTEGER NOT NULL DEFAULT 0,
    code_hash TEXT NOT NULL,
    attempts_left INTEGER NOT NULL,
    resends_left INTEGER NOT NULL,
    sent_to TEXT NOT NULL ${maxDigits('sent_to', 4)},
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled', 'expired')),
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    result_payment_method_id TEXT,
    result_charge_id TEXT
  )`,
  `CREATE TABLE IF NOT EXISTS charges (
    id TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    ${CARD_COLUMNS},
    payment_method_id TEXT,
    created_at TEXT NOT NULL
  )`,
  // the code sits between columns that start and end with letters (see the note above)
  `CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    sent_to TEXT NOT NULL ${maxDigits('sent_to', 4)},
    verification_id TEXT NOT NULL,
    code TEXT NOT NULL CHECK (length(code) = 6),
    channel TEXT NOT NULL DEFAULT 'sms',
    created_at TEXT NOT NULL
  )`,
];

function cardOf(row: Row): CardFacts {
  return {
    brand: text(row, 'brand') as CardBrand,
    last4: text(row, 'last4'),
    expMonth: int(row, 'exp_month'),
    expYear: int(row, 'exp_year'),
    funding: text(row, 'funding') as CardFunding,
  };
}

function behaviourOf(row: Row): TestCardBehaviour {
  const declineCode = textOrNull(row, 'decline_code') as TestCardBehaviour['declineCode'] | null;
  const behaviour: TestCardBehaviour = {};
  if (declineCode) behaviour.declineCode = declineCode;
  if (int(row, 'requires_otp') === 1) behaviour.requiresOtp = true;
  return behaviour;
}

function cardArgs(card: CardFacts, behaviour: TestCardBehaviour): (string | number | null)[] {
  return [card.brand, card.last4, card.expMonth, card.expYear, card.funding, behaviour.declineCode ?? null, behaviour.requiresOtp ? 1 : 0];
}

function verificationOf(row: Row): VerificationRecord {
  return {
    id: text(row, 'id'),
    purpose: text(row, 'purpose') as VerificationPurpose,
    tokenId: textOrNull(row, 'token_id'),
    paymentMethodId: textOrNull(row, 'payment_method_id'),
    amount: intOrNull(row, 'amount'),
    currency: textOrNull(row, 'currency'),
    savePaymentMethod: int(row, 'save_payment_method') === 1,
    codeHash: text(row, 'code_hash'),
    attemptsLeft: int(row, 'attempts_left'),
    resendsLeft: int(row, 'resends_left'),
    status: text(row, 'status') as VerificationRecord['status'],
    sentTo: text(row, 'sent_to'),
    expiresAt: text(row, 'expires_at'),
    createdAt: text(row, 'created_at'),
    resultPaymentMethodId: textOrNull(row, 'result_payment_method_id'),
    resultChargeId: textOrNull(row, 'result_charge_id'),
  };
}

/** Data access for the sandbox gateway. */
export class GatewayStore {
  constructor(private readonly db: Client) {}

  /** Creates the tables when missing and (re)creates the seeded payment methods. */
  async migrate(now: Date): Promise<void> {
    await this.db.batch(SCHEMA, 'write');
    await this.seed(now);
  }

  /** Forgets everything except the seeded payment methods (the tables are recreated). */
  async reset(now: Date): Promise<void> {
    await this.db.batch(
      ['tokens', 'payment_methods', 'verifications', 'charges', 'messages'].map((table) => `DROP TABLE IF EXISTS ${table}`),
      'write',
    );
    await this.migrate(now);
  }

  private async seed(now: Date): Promise<void> {
    await this.db.batch(
      SEEDED_PAYMENT_METHODS.map((pm) => ({
        sql: `INSERT OR IGNORE INTO payment_methods
          (id, brand, last4, exp_month, exp_year, funding, decline_code, requires_otp, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [pm.id, ...cardArgs(pm, {}), now.toISOString()],
      })),
      'write',
    );
  }

  /** Stores a new token. */
  async insertToken(id: string, card: CardFacts, behaviour: TestCardBehaviour, now: Date): Promise<void> {
    await this.db.execute({
      sql: `INSERT INTO tokens (id, brand, last4, exp_month, exp_year, funding, decline_code, requires_otp, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, ...cardArgs(card, behaviour), now.toISOString()],
    });
  }

  /** A token by id. */
  async token(id: string): Promise<TokenRecord | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM tokens WHERE id = ?', args: [id] });
    const row = rows[0];
    if (!row) return null;
    return { id, card: cardOf(row), behaviour: behaviourOf(row), createdAt: text(row, 'created_at'), usedAt: textOrNull(row, 'used_at') };
  }

  /** Marks a token used; false when it already was (the check and the write are one statement). */
  async useToken(id: string, now: Date): Promise<boolean> {
    const result = await this.db.execute({
      sql: 'UPDATE tokens SET used_at = ? WHERE id = ? AND used_at IS NULL',
      args: [now.toISOString(), id],
    });
    return result.rowsAffected === 1;
  }

  /** Stores a new payment method. */
  async insertPaymentMethod(id: string, card: CardFacts, behaviour: TestCardBehaviour, now: Date): Promise<PaymentMethodRecord> {
    const createdAt = now.toISOString();
    await this.db.execute({
      sql: `INSERT INTO payment_methods (id, brand, last4, exp_month, exp_year, funding, decline_code, requires_otp, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, ...cardArgs(card, behaviour), createdAt],
    });
    return { id, card, behaviour, createdAt };
  }

  /** A payment method by id. */
  async paymentMethod(id: string): Promise<PaymentMethodRecord | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM payment_methods WHERE id = ?', args: [id] });
    const row = rows[0];
    if (!row) return null;
    return { id, card: cardOf(row), behaviour: behaviourOf(row), createdAt: text(row, 'created_at') };
  }

  /** Stores a charge. */
  async insertCharge(charge: ChargeRecord): Promise<void> {
    await this.db.execute({
      sql: `INSERT INTO charges (id, amount, currency, status, brand, last4, exp_month, exp_year, funding, decline_code,
          requires_otp, payment_method_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [charge.id, charge.amount, charge.currency, charge.status, ...cardArgs(charge.card, {}), charge.paymentMethodId, charge.createdAt],
    });
  }

  /** Stores a verification. */
  async insertVerification(v: VerificationRecord): Promise<void> {
    await this.db.execute({
      sql: `INSERT INTO verifications (id, purpose, token_id, payment_method_id, amount, currency, save_payment_method, code_hash,
          attempts_left, resends_left, status, sent_to, expires_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        v.id,
        v.purpose,
        v.tokenId,
        v.paymentMethodId,
        v.amount,
        v.currency,
        v.savePaymentMethod ? 1 : 0,
        v.codeHash,
        v.attemptsLeft,
        v.resendsLeft,
        v.status,
        v.sentTo,
        v.expiresAt,
        v.createdAt,
      ],
    });
  }

  /** A verification by id. */
  async verification(id: string): Promise<VerificationRecord | null> {
    const { rows } = await this.db.execute({ sql: 'SELECT * FROM verifications WHERE id = ?', args: [id] });
    return rows[0] ? verificationOf(rows[0]) : null;
  }

  /** Writes a verification's changing fields back. */
  async updateVerification(v: VerificationRecord): Promise<void> {
    await this.db.execute({
      sql: `UPDATE verifications SET code_hash = ?, attempts_left = ?, resends_left = ?, status = ?, expires_at = ?,
          result_payment_method_id = ?, result_charge_id = ? WHERE id = ?`,
      args: [v.codeHash, v.attemptsLeft, v.resendsLeft, v.status, v.expiresAt, v.resultPaymentMethodId, v.resultChargeId, v.id],
    });
  }

  /** Puts a message on the demo phone. */
  async insertMessage(message: MessageRecord): Promise<void> {
    await this.db.execute({
      sql: 'INSERT INTO messages (id, verification_id, sent_to, code, created_at) VALUES (?, ?, ?, ?, ?)',
      args: [message.id, message.verificationId, message.sentTo, message.code, message.createdAt],
    });
  }

  /** The newest messages first. */
  async messages(limit: number): Promise<MessageRecord[]> {
    const { rows } = await this.db.execute({
      sql: 'SELECT * FROM messages ORDER BY created_at DESC, rowid DESC LIMIT ?',
      args: [limit],
    });
    return rows.map((row) => ({
      id: text(row, 'id'),
      verificationId: text(row, 'verification_id'),
      sentTo: text(row, 'sent_to'),
      code: text(row, 'code'),
      createdAt: text(row, 'created_at'),
    }));
  }
}
