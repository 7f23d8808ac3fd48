/**
 * The demo data, the same on every fresh start: fixed ids, fixed cards and amounts; only dates
 * (due dates, the next charge) are placed relative to the day of seeding so the demo never looks
 * stale.
 *
 * - owner@demo.test / demo: three cards (default Visa •••• 4242; Mastercard •••• 4444, which has a
 *   wallet refill still settling, so it shows the "pending payment" removal rule; an American Express
 *   •••• 0005 that expired in March 2024), an active subscription (so a card is required), a billing
 *   and a shipping address, two open invoices and a paid one, a wallet with $20.00.
 * - sub@demo.test / demo: a sub-account of the owner with its own (empty) wallet and one open invoice,
 *   and no cards. It never sees or touches the owner's cards.
 *
 * The cards point at payment methods the sandbox gateway seeds with the same ids.
 */
import { DEMO_AMEX, DEMO_MASTERCARD, DEMO_VISA } from '../gateway/seed.js';
import type { SeededPaymentMethod } from '../gateway/seed.js';
import { hashPassword } from './passwords.js';
import type { CardRecord, HostStore, PaymentRecord, Statement } from './store.js';

/** A demo sign-in. */
export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  displayName: string;
  description: string;
}

/** The account owner. */
export const OWNER: DemoAccount = {
  id: 'acct_demo_owner',
  email: 'owner@demo.test',
  password: 'demo',
  displayName: 'Alex Morgan',
  description: 'Account owner: three cards, a subscription, open invoices',
};

/** A sub-account under the owner. */
export const SUB_ACCOUNT: DemoAccount = {
  id: 'acct_demo_sub',
  email: 'sub@demo.test',
  password: 'demo',
  displayName: 'Sam Lee',
  description: "Sub-account: cannot see or touch the owner's cards",
};

/** Both demo sign-ins. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [OWNER, SUB_ACCOUNT];

/** Ids of the seeded things tests and pages refer to. */
export const SEED_IDS = {
  visa: 'card_demo_visa',
  mastercard: 'card_demo_mastercard',
  amex: 'card_demo_amex',
  billingAddress: 'addr_demo_billing',
  shippingAddress: 'addr_demo_shipping',
  subBillingAddress: 'addr_demo_sub_billing',
  subscription: 'sub_demo_pro',
  /** Open: "Pay Now" on the Invoices page. */
  invoiceOpen: 'inv_demo_1001',
  /** Open. */
  invoiceWorkshop: 'inv_demo_1002',
  /** Already paid. */
  invoicePaid: 'inv_demo_0999',
  /** The sub-account's open invoice. */
  subInvoice: 'inv_demo_2001',
  pendingPayment: 'pay_demo_pending',
  paidPayment: 'pay_demo_0999',
} as const;

const DAY = 86_400_000;

const seedHashes = new Map<string, Promise<string>>();

/** The demo account's password hash, made once per process (scrypt is slow on purpose; resets are frequent in tests). */
function passwordHashOf(account: DemoAccount): Promise<string> {
  let hashed = seedHashes.get(account.id);
  if (!hashed) {
    hashed = hashPassword(account.password);
    seedHashes.set(account.id, hashed);
  }
  return hashed;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Seeds the demo data into an empty database. */
export async function seedDemoData(store: HostStore, now: Date): Promise<void> {
  const at = (days: number): string => new Date(now.getTime() + days * DAY).toISOString();
  const firstOfNextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const [ownerHash, subHash] = await Promise.all([passwordHashOf(OWNER), passwordHashOf(SUB_ACCOUNT)]);

  const statements: Statement[] = [];
  const account = (a: DemoAccount, passwordHash: string, parent: string | null): void => {
    statements.push({
      sql: 'INSERT INTO accounts (id, email, display_name, password_hash, parent_account_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [a.id, a.email, a.displayName, passwordHash, parent, at(-400)],
    });
  };
  account(OWNER, ownerHash, null);
  account(SUB_ACCOUNT, subHash, OWNER.id);

  statements.push(
    store.insertAddressStatement(SEED_IDS.billingAddress, OWNER.id, 'billing', {
      line1: '1 Market Street',
      line2: 'Suite 300',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
      country: 'US',
    }, new Date(at(-400))),
    store.insertAddressStatement(SEED_IDS.shippingAddress, OWNER.id, 'shipping', {
      line1: '500 Howard Street',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
      country: 'US',
    }, new Date(at(-400))),
    store.insertAddressStatement(SEED_IDS.subBillingAddress, SUB_ACCOUNT.id, 'billing', {
      line1: '12 Pine Street',
      city: 'Portland',
      region: 'OR',
      postalCode: '97204',
      country: 'US',
    }, new Date(at(-200))),
  );

  const card = (id: string, pm: SeededPaymentMethod, isDefault: boolean, createdDaysAgo: number): CardRecord => ({
    id,
    accountId: OWNER.id,
    gatewayPaymentMethodId: pm.id,
    brand: pm.brand,
    last4: pm.last4,
    expMonth: pm.expMonth,
    expYear: pm.expYear,
    funding: pm.funding,
    nameOnCard: OWNER.displayName,
    billingAddressId: SEED_IDS.billingAddress,
    isDefault,
    createdAt: at(-createdDaysAgo),
  });
  const visa = card(SEED_IDS.visa, DEMO_VISA, true, 90);
  const mastercard = card(SEED_IDS.mastercard, DEMO_MASTERCARD, false, 60);
  const amex = card(SEED_IDS.amex, DEMO_AMEX, false, 30);
  for (const c of [visa, mastercard, amex]) statements.push(...store.insertCardStatements(c));

  statements.push({
    sql: `INSERT INTO subscriptions (id, account_id, plan, amount, currency, interval, status, next_charge_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [SEED_IDS.subscription, OWNER.id, 'Pro', 4900, 'USD', 'month', 'active', isoDate(firstOfNextMonth)],
  });

  const invoice = (id: string, accountId: string, number: string, description: string, amount: number, status: 'open' | 'paid', dueInDays: number): Statement => ({
    sql: `INSERT INTO invoices (id, account_id, number, description, amount, currency, status, due_date, paid_at, payment_id)
      VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?)`,
    args: [
      id,
      accountId,
      number,
      description,
      amount,
      status,
      isoDate(new Date(now.getTime() + dueInDays * DAY)),
      status === 'paid' ? at(dueInDays) : null,
      status === 'paid' ? SEED_IDS.paidPayment : null,
    ],
  });
  statements.push(
    invoice(SEED_IDS.invoicePaid, OWNER.id, 'INV-0999', 'Pro plan, last month', 4900, 'paid', -25),
    invoice(SEED_IDS.invoiceOpen, OWNER.id, 'INV-1001', 'Pro plan, this month', 4900, 'open', 7),
    invoice(SEED_IDS.invoiceWorkshop, OWNER.id, 'INV-1002', 'Onboarding workshop', 12000, 'open', 14),
    invoice(SEED_IDS.subInvoice, SUB_ACCOUNT.id, 'INV-2001', 'Extra seat', 1500, 'open', 10),
  );

  const payment = (id: string, of: CardRecord, amount: number, status: PaymentRecord['status'], invoiceId: string | null, description: string, daysAgo: number): Statement => ({
    sql: `INSERT INTO payments (id, account_id, card_id, gateway_charge_id, amount, currency, status, invoice_id, description,
        brand, last4, exp_month, exp_year, created_at) VALUES (?, ?, ?, NULL, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [id, OWNER.id, of.id, amount, status, invoiceId, description, of.brand, of.last4, of.expMonth, of.expYear, at(-daysAgo)],
  });
  statements.push(
    payment(SEED_IDS.paidPayment, visa, 4900, 'succeeded', SEED_IDS.invoicePaid, 'Pro plan, last month', 25),
    // still settling at the bank: the Mastercard cannot be removed until it does
    payment(SEED_IDS.pendingPayment, mastercard, 2500, 'pending', null, 'Wallet refill (settling)', 1),
  );

  statements.push(
    { sql: 'INSERT INTO wallets (account_id, balance, currency) VALUES (?, ?, ?)', args: [OWNER.id, 2000, 'USD'] },
    { sql: 'INSERT INTO wallets (account_id, balance, currency) VALUES (?, ?, ?)', args: [SUB_ACCOUNT.id, 0, 'USD'] },
  );

  await store.batch(statements);
}
