/**
 * The demo server's tables, created at start-up (`CREATE TABLE IF NOT EXISTS`).
 *
 * The server stores gateway payment-method ids and masked facts, never a card number, and the
 * schema makes that a property of the database rather than a promise of the code: `last4` columns
 * hold exactly four ASCII digits, and every free-text column is capped in how many digits it may
 * hold (names: 4, so at most "the last four"; address lines and descriptions: 12, fewer than the
 * 13 of the shortest card number). Requests carrying a card number are refused before they get here.
 *
 * SQLite stores a row's values back to back, so the column order matters too, for anyone scanning
 * the file for card numbers (as PCI data-discovery tools do): a column whose value may end in
 * digits is never followed by one whose value starts with digits (dates), which would read as one
 * long digit run. Ids end with a letter for the same reason.
 */
import { last4Check, maxDigits } from '../lib/sql.js';

/** Brands, fundings and statuses, as CHECK lists. */
const FUNDING = `'credit', 'debit', 'prepaid', 'unknown'`;

/** A CHECK that a column never holds a run of 13 or more consecutive ASCII digits. */
function noLongDigitRun(column: string): string {
  return `CHECK (${column} NOT GLOB '*${'[0-9]'.repeat(13)}*')`;
}

/** The schema, in creation order. */
export const SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE ${maxDigits('email', 12)},
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL ${maxDigits('display_name', 4)},
    parent_account_id TEXT REFERENCES accounts (id),
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY,
    csrf_token TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS addresses (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('billing', 'shipping', 'card')),
    line1 TEXT NOT NULL ${maxDigits('line1', 12)},
    line2 TEXT ${maxDigits('line2', 12)},
    city TEXT NOT NULL ${maxDigits('city', 12)},
    region TEXT NOT NULL ${maxDigits('region', 12)},
    postal_code TEXT NOT NULL ${maxDigits('postal_code', 12)},
    country TEXT NOT NULL CHECK (length(country) = 2 AND country GLOB '[A-Z][A-Z]'),
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS cards (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    gateway_payment_method_id TEXT NOT NULL UNIQUE ${noLongDigitRun('gateway_payment_method_id')},
    brand TEXT NOT NULL ${maxDigits('brand', 0)},
    last4 TEXT NOT NULL ${last4Check('last4')},
    exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year INTEGER NOT NULL CHECK (exp_year BETWEEN 2000 AND 2200),
    funding TEXT NOT NULL CHECK (funding IN (${FUNDING})),
    created_at TEXT NOT NULL,
    name_on_card TEXT NOT NULL ${maxDigits('name_on_card', 4)},
    billing_address_id TEXT REFERENCES addresses (id),
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
  )`,
  // at most one default card per account, whatever the code does
  `CREATE UNIQUE INDEX IF NOT EXISTS cards_one_default ON cards (account_id) WHERE is_default = 1`,
  `CREATE TABLE IF NOT EXISTS subscriptions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    plan TEXT NOT NULL ${maxDigits('plan', 4)},
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    interval TEXT NOT NULL CHECK (interval IN ('month', 'year')),
    status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    next_charge_on TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS invoices (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    number TEXT NOT NULL ${maxDigits('number', 8)},
    description TEXT NOT NULL ${maxDigits('description', 12)},
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'void')),
    paid_at TEXT,
    due_date TEXT NOT NULL,
    payment_id TEXT
  )`,
  `CREATE TABLE IF NOT EXISTS payments (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    card_id TEXT,
    gateway_charge_id TEXT ${noLongDigitRun('gateway_charge_id')},
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('succeeded', 'pending')),
    invoice_id TEXT,
    description TEXT ${maxDigits('description', 12)},
    brand TEXT NOT NULL ${maxDigits('brand', 0)},
    last4 TEXT NOT NULL ${last4Check('last4')},
    exp_month INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
    exp_year INTEGER NOT NULL CHECK (exp_year BETWEEN 2000 AND 2200),
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS wallets (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    balance INTEGER NOT NULL,
    currency TEXT NOT NULL
  )`,
  // A verification remembers what the verified request will do, in guarded columns (not as JSON).
  `CREATE TABLE IF NOT EXISTS verifications (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    gateway_verification_id TEXT NOT NULL ${noLongDigitRun('gateway_verification_id')},
    sent_to TEXT ${maxDigits('sent_to', 4)},
    purpose TEXT NOT NULL CHECK (purpose IN ('add-card', 'payment')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled', 'expired')),
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    code_length INTEGER,
    name_on_card TEXT ${maxDigits('name_on_card', 4)},
    billing_address_id TEXT,
    funding TEXT CHECK (funding IS NULL OR funding IN (${FUNDING})),
    set_default INTEGER NOT NULL DEFAULT 0,
    save_card INTEGER NOT NULL DEFAULT 0,
    card_id TEXT,
    invoice_id TEXT,
    amount INTEGER,
    currency TEXT,
    description TEXT ${maxDigits('description', 12)}
  )`,
  // Stored answers for Idempotency-Key replays. The key and the request are kept as hashes; the
  // answer is JSON built from the guarded columns above, and may never hold a long digit run.
  `CREATE TABLE IF NOT EXISTS idempotency_keys (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    key_hash TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response_body TEXT NOT NULL ${noLongDigitRun('response_body')},
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key_hash)
  )`,
];

/** Every table, for a reset. Children before parents. */
export const TABLES: readonly string[] = [
  'idempotency_keys',
  'verifications',
  'wallets',
  'payments',
  'invoices',
  'subscriptions',
  'cards',
  'addresses',
  'sessions',
  'accounts',
];
