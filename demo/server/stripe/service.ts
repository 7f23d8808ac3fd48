/**
 * The reference server's card rules in Stripe mode. The rules are the sandbox mode's (CardService):
 * at most `maxCards` cards, attempts with new cards rate-limited per account and per IP, the default
 * card and the only card under a subscription kept, an expired card never the default, brand / last
 * four / expiry taken from the gateway only. What changes is who holds the cards: Stripe, one
 * customer per account. The local table keeps masked facts, the name and the billing address, and
 * is brought in line with the customer's payment methods when the list is read.
 *
 * The flows:
 * - add: `POST /setup-intents` → the page confirms the SetupIntent with Stripe.js (3-D Secure
 *   included), which attaches the card to the customer → `POST /cards { paymentMethodId }`;
 * - pay with a new card: `POST /payment-intents` → the page confirms it → `POST /payments
 *   { paymentIntentId }` records the payment once (and keeps the card when asked);
 * - pay with a saved card: `POST /payments { cardId }` charges it off-session.
 */
import type { Client } from '@libsql/client';
import type { CardAddedResponse, Invoice, Money, Payment, PaymentResponse } from '../../../src/endpoint/types.js';
import { isCardExpired } from '../../lib/expiry.js';
import { randomId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { ApiProblem, conflict, invalid, notFound, rateLimited } from '../problems.js';
import type { ApiResult } from '../problems.js';
import { CardIntake } from '../card-intake.js';
import type { NewCardInput } from '../requests.js';
import type { CardService, HostLimits } from '../service.js';
import type { Account, CardRecord, HostStore, PaymentRecord, Statement } from '../store.js';
import { isStripeFailure, type StripeCard, type StripeGateway, type StripePayment } from './gateway.js';

/** `POST /payment-intents`, normalised. */
export interface PaymentIntentInput {
  invoiceId?: string;
  amount?: Money;
  saveCard: boolean;
}

/** `POST /payments` with a PaymentIntent the page confirmed, normalised. */
export interface ConfirmedPaymentInput extends NewCardInput {
  invoiceId?: string;
  amount?: Money;
  saveCard: boolean;
}

const SCHEMA = [
  // which Stripe customer holds an account's cards (no foreign key: a demo reset drops accounts and seeds the same ids)
  `CREATE TABLE IF NOT EXISTS stripe_customers (
    account_id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL UNIQUE
  )`,
];

/** A Stripe error, as the contract's error answer. Only Stripe's codes travel on, never its messages. */
export function stripeProblem(error: unknown): ApiProblem {
  if (!isStripeFailure(error)) throw error;
  if (error.type === 'StripeCardError') {
    return new ApiProblem(402, { code: 'card_declined', declineCode: error.decline_code ?? error.code ?? 'generic_decline', message: 'The card was declined.' });
  }
  if (error.type === 'StripeRateLimitError') return rateLimited(2, 'The payment gateway is busy; try again in a moment.');
  return new ApiProblem(502, { code: 'server_error', message: 'The payment gateway refused the request.' });
}

/** Runs a Stripe call, turning what the SDK throws into the contract's errors. */
async function stripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw stripeProblem(error);
  }
}

/** Card rules and flows on Stripe. The HTTP layer (routes) handles sessions, CSRF, idempotency and locking. */
export class StripeCardService {
  private readonly intake: CardIntake;

  constructor(
    private readonly db: Client,
    private readonly store: HostStore,
    private readonly cards: CardService,
    private readonly gateway: StripeGateway,
    limits: HostLimits,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.intake = new CardIntake(store, limits, now);
  }

  #migrated: Promise<void> | null = null;

  /** Creates the Stripe mode's table (once; every use of it waits for this). */
  migrate(): Promise<void> {
    this.#migrated ??= this.db.batch([...SCHEMA], 'write').then(() => undefined);
    return this.#migrated;
  }

  /** The account's customer id, if it has one yet. */
  async customerOf(accountId: string): Promise<string | null> {
    await this.migrate();
    const { rows } = await this.db.execute({ sql: 'SELECT customer_id FROM stripe_customers WHERE account_id = ?', args: [accountId] });
    return rows[0] ? String(rows[0].customer_id) : null;
  }

  /** The account's customer, created on first use. */
  private async ensureCustomer(account: Account): Promise<string> {
    const existing = await this.customerOf(account.id);
    if (existing) return existing;
    const id = await stripe(() => this.gateway.createCustomer(account.id, account.email));
    await this.db.execute({ sql: 'INSERT OR IGNORE INTO stripe_customers (account_id, customer_id) VALUES (?, ?)', args: [account.id, id] });
    return (await this.customerOf(account.id)) ?? id;
  }

  /**
   * `GET /cards` in Stripe mode: the local cards brought in line with the customer's payment methods
   * (listed from Stripe: one removed in Stripe's Dashboard goes here too; Stripe's default wins),
   * then the same list, rules and flags as the sandbox mode.
   */
  async cardList(accountId: string): Promise<ApiResult> {
    await this.sync(accountId);
    return { status: 200, body: await this.cards.cardList(accountId) };
  }

  /**
   * Brings the local cards in line with the customer's payment methods at Stripe. Every rule (max
   * cards, the first card is the default, removal) is then judged on what Stripe holds.
   */
  async sync(accountId: string): Promise<void> {
    const customer = await this.customerOf(accountId);
    const local = await this.store.cards(accountId);
    // without a customer, Stripe holds no card for this account: anything local is not on file
    const [attached, preferred] = customer
      ? await stripe(() => Promise.all([this.gateway.listCards(customer), this.gateway.defaultPaymentMethod(customer)]))
      : [new Set<string>(), null];
    for (const card of local) {
      if (!attached.has(card.gatewayPaymentMethodId)) {
        await this.store.deleteCard(accountId, card.id);
        this.logger.info('card no longer on file at Stripe', { account: accountId, card: card.id });
      }
    }
    const chosen = local.find((card) => attached.has(card.gatewayPaymentMethodId) && card.gatewayPaymentMethodId === preferred);
    if (chosen && !chosen.isDefault) await this.store.setDefaultCard(accountId, chosen.id);
  }

  /** `POST /setup-intents`: room for a card, not too many attempts, then a SetupIntent for the customer. */
  async createSetupIntent(account: Account, ip: string, idempotencyKey?: string): Promise<ApiResult> {
    await this.sync(account.id);
    await this.intake.checkRoom(account.id);
    this.intake.countAttempt(account.id, ip);
    const customer = await this.ensureCustomer(account);
    const clientSecret = await stripe(() => this.gateway.createSetupIntent(customer, account.id, stripeKey(account, idempotencyKey)));
    return { status: 201, body: { clientSecret } };
  }

  /** `POST /payment-intents`: what is paid (an open invoice, or a wallet top-up) and a PaymentIntent for it. */
  async createPaymentIntent(account: Account, input: PaymentIntentInput, ip: string, idempotencyKey?: string): Promise<ApiResult> {
    const { amount, invoice } = await this.target(account.id, input);
    await this.sync(account.id);
    if (input.saveCard) await this.intake.checkRoom(account.id);
    this.intake.countAttempt(account.id, ip);
    const customer = await this.ensureCustomer(account);
    const metadata = { account_id: account.id, invoice_id: invoice?.id ?? '', save_card: String(input.saveCard) };
    const clientSecret = await stripe(() => this.gateway.createPaymentIntent(customer, amount, metadata, input.saveCard, stripeKey(account, idempotencyKey)));
    return { status: 201, body: { clientSecret } };
  }

  /** `POST /cards { paymentMethodId }`: a card the customer set up with Stripe, saved as the account's. */
  async addCard(account: Account, input: NewCardInput): Promise<ApiResult> {
    await this.sync(account.id);
    await this.intake.checkRoom(account.id);
    const customer = await this.customerOf(account.id);
    const pm = await stripe(() => this.gateway.retrieveCard(input.token));
    // another customer's payment method looks exactly like an unknown one: ids do not leak
    if (!pm || !customer || pm.customer !== customer) throw invalid('paymentMethodId', 'The payment method is unknown to the gateway.');
    if ((await this.store.cards(account.id)).some((card) => card.gatewayPaymentMethodId === pm.id)) {
      throw conflict('token_used', 'This payment method is already on file.');
    }
    const billing = await this.intake.billing(account.id, input.billing);
    const card = await this.intake.cardRecord(account.id, pm, { nameOnCard: input.nameOnCard, billingAddressId: billing.id, setDefault: input.setDefault, funding: input.funding ?? null });
    if (card.isDefault) await stripe(() => this.gateway.setDefault(customer, pm.id));
    await this.store.batch([...billing.statements, ...this.store.insertCardStatements(card)]);
    return { status: 201, body: await this.cardAdded(account.id, card.id) };
  }

  /** `POST /payments { paymentIntentId }`: records a payment the customer confirmed with Stripe, once. */
  async recordPayment(account: Account, input: ConfirmedPaymentInput): Promise<ApiResult> {
    const { amount, invoice } = await this.target(account.id, input, { allowPaid: true });
    await this.sync(account.id);
    const customer = await this.customerOf(account.id);
    const intent = await stripe(() => this.gateway.retrievePayment(input.token));
    if (!customer || intent.customer !== customer || intent.metadata.account_id !== account.id) {
      throw invalid('paymentIntentId', 'The payment is unknown to the gateway.');
    }
    if ((intent.metadata.invoice_id ?? '') !== (invoice?.id ?? '') || intent.amount.amount !== amount.amount || intent.amount.currency !== amount.currency) {
      throw invalid('paymentIntentId', 'The payment was made for something else.');
    }
    if ((await this.store.payments(account.id)).some((p) => p.gatewayChargeId === intent.id)) throw conflict('token_used', 'This payment is already recorded.');
    if (invoice?.status === 'paid') throw conflict('invoice_paid', 'This invoice is already paid.');
    const status = paymentStatus(intent);
    const statements: Statement[] = [];
    let saved: CardRecord | null = null;
    const card = intent.card;
    if (!card) throw new ApiProblem(502, { code: 'server_error', message: 'The gateway returned no card.' });
    // the card is on file only when the intent was made to keep it and Stripe attached it to the customer
    if (input.saveCard && intent.setupFutureUsage && card.customer === customer) {
      await this.intake.checkRoom(account.id);
      const billing = await this.intake.billing(account.id, input.billing);
      saved = await this.intake.cardRecord(account.id, card, { nameOnCard: input.nameOnCard, billingAddressId: billing.id, setDefault: input.setDefault, funding: input.funding ?? null });
      if (saved.isDefault) await stripe(() => this.gateway.setDefault(customer, card.id));
      statements.push(...billing.statements, ...this.store.insertCardStatements(saved));
    }
    const payment = this.paymentRecord(account.id, intent, card, status, invoice, saved?.id ?? null);
    await this.store.batch([...statements, ...this.store.insertPaymentStatements(payment)]);
    const response: PaymentResponse = { payment: paymentOf(payment) };
    if (saved) response.savedCard = (await this.cardAdded(account.id, saved.id)).card;
    return { status: 201, body: response };
  }

  /** `POST /payments { cardId }`: charges a saved card off-session. A bank that wants the customer present declines with `authentication_required`. */
  async payWithSavedCard(account: Account, input: { cardId: string; invoiceId?: string; amount?: Money }, idempotencyKey?: string): Promise<ApiResult> {
    const { amount, invoice } = await this.target(account.id, input);
    const card = await this.store.card(account.id, input.cardId);
    const customer = await this.customerOf(account.id);
    if (!card || !customer) throw notFound('card');
    const metadata = { account_id: account.id, invoice_id: invoice?.id ?? '', save_card: 'false' };
    const intent = await stripe(() => this.gateway.chargeSavedCard(customer, card.gatewayPaymentMethodId, amount, metadata, stripeKey(account, idempotencyKey)));
    const status = paymentStatus(intent);
    const facts: StripeCard = intent.card ?? { id: card.gatewayPaymentMethodId, customer, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, funding: card.funding };
    const payment = this.paymentRecord(account.id, intent, facts, status, invoice, card.id);
    await this.store.batch(this.store.insertPaymentStatements(payment));
    return { status: 201, body: { payment: paymentOf(payment) } };
  }

  /** `POST /cards/{id}/default`: the sandbox mode's rules, then Stripe's `invoice_settings.default_payment_method`. */
  async setDefault(accountId: string, cardId: string): Promise<ApiResult> {
    await this.sync(accountId);
    const card = await this.store.card(accountId, cardId);
    const customer = await this.customerOf(accountId);
    if (!card || !customer) throw notFound('card');
    if (isCardExpired(card.expMonth, card.expYear, this.now())) throw conflict('expired', 'An expired card cannot be the default.');
    await stripe(() => this.gateway.setDefault(customer, card.gatewayPaymentMethodId));
    return this.cards.setDefault(accountId, cardId);
  }

  /** `DELETE /cards/{id}`: the sandbox mode's removal rules first, then the card is detached from the customer. */
  async removeCard(accountId: string, cardId: string): Promise<ApiResult> {
    await this.sync(accountId);
    const list = await this.cards.cardList(accountId);
    const card = list.cards.find((c) => c.id === cardId);
    // a refused removal is answered by the sandbox rules themselves (404, 409 with the reason)
    if (!card || card.removalBlockedReason) return this.cards.removeCard(accountId, cardId);
    const record = await this.store.card(accountId, cardId);
    if (record) await stripe(() => this.gateway.detach(record.gatewayPaymentMethodId));
    return this.cards.removeCard(accountId, cardId);
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** What a payment pays: an open invoice (its amount), or an amount in the wallet's currency. */
  private async target(accountId: string, input: { invoiceId?: string; amount?: Money }, options: { allowPaid?: boolean } = {}): Promise<{ amount: Money; invoice: Invoice | null }> {
    if (input.invoiceId) {
      const invoice = await this.store.invoice(accountId, input.invoiceId);
      if (!invoice) throw notFound('invoice');
      if (invoice.status === 'paid' && !options.allowPaid) throw conflict('invoice_paid', 'This invoice is already paid.');
      if (invoice.status === 'void') throw conflict('invoice_void', 'This invoice is void.');
      if (input.amount && (input.amount.amount !== invoice.amount.amount || input.amount.currency !== invoice.amount.currency)) {
        throw invalid('amount', 'The amount does not match the invoice.');
      }
      return { amount: invoice.amount, invoice };
    }
    const amount = input.amount;
    if (!amount) throw invalid('amount', 'Either invoiceId or amount is required.');
    const wallet = await this.store.wallet(accountId);
    if (!wallet || wallet.currency !== amount.currency) throw invalid('amount.currency', 'The wallet is kept in another currency.');
    return { amount, invoice: null };
  }


  private paymentRecord(accountId: string, intent: StripePayment, card: StripeCard, status: PaymentRecord['status'], invoice: Invoice | null, cardId: string | null): PaymentRecord {
    return {
      id: randomId('pay'),
      accountId,
      cardId,
      gatewayChargeId: intent.id,
      amount: intent.amount,
      status,
      invoiceId: invoice?.id ?? null,
      description: invoice?.description ?? 'Wallet refill',
      card: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear },
      createdAt: this.now().toISOString(),
    };
  }

  private async cardAdded(accountId: string, cardId: string): Promise<CardAddedResponse> {
    const list = await this.cards.cardList(accountId);
    const card = list.cards.find((c) => c.id === cardId);
    if (!card) throw new ApiProblem(500, { code: 'server_error', message: 'The card was not saved.' });
    return { card, cards: list.cards, policy: list.policy };
  }
}

/** The payment's status for the contract, or the decline it ended in. */
function paymentStatus(intent: StripePayment): PaymentRecord['status'] {
  if (intent.status === 'succeeded') return 'succeeded';
  // settling (or authorised, for a host that captures later): recorded, and the card cannot be removed meanwhile
  if (intent.status === 'processing' || intent.status === 'requires_capture') return 'pending';
  if (intent.status === 'requires_action') {
    throw new ApiProblem(402, { code: 'card_declined', declineCode: 'authentication_required', message: 'The bank asked for authentication.' });
  }
  throw new ApiProblem(402, { code: 'card_declined', declineCode: intent.declineCode ?? 'generic_decline', message: 'The card was declined.' });
}

function paymentOf(p: PaymentRecord): Payment {
  const payment: Payment = { id: p.id, status: p.status, amount: p.amount, card: p.card, createdAt: p.createdAt };
  if (p.invoiceId) payment.invoiceId = p.invoiceId;
  return payment;
}

/**
 * Stripe's own idempotency key for a create call: the request's key, scoped to the account (two
 * accounts may send the same UUID), so a retry the host replays is a retry at Stripe too.
 */
function stripeKey(account: Account, idempotencyKey: string | undefined): string | undefined {
  return idempotencyKey ? `saved-cards-${account.id}-${idempotencyKey}` : undefined;
}
