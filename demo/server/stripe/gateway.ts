/**
 * The reference server's side of Stripe, through the official `stripe` Node SDK: one Stripe customer
 * per account, SetupIntents and PaymentIntents for the page to confirm, payment methods listed,
 * detached and made the default (`invoice_settings.default_payment_method`), and off-session charges
 * of saved cards. It sends ids and amounts only; card data never reaches this server.
 */
import Stripe from 'stripe';
import type { CardBrand, CardFunding, Money } from '../../../src/endpoint/types.js';

/** Where the SDK sends its requests: Stripe by default; tests point it at a local double. */
export interface StripeApiTarget {
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/** A Stripe card payment method in the portal's terms: masked facts only. */
export interface StripeCard {
  id: string;
  customer: string | null;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
}

/** A PaymentIntent, as the server needs it. */
export interface StripePayment {
  id: string;
  status: Stripe.PaymentIntent.Status;
  amount: Money;
  customer: string | null;
  metadata: Record<string, string>;
  /** Set when the intent was created to keep the card. */
  setupFutureUsage: string | null;
  card: StripeCard | null;
  /** Why it failed, for a declined intent. */
  declineCode: string | null;
}

/** Stripe's brand ids in card-validator's terms. */
const BRANDS: Readonly<Record<string, CardBrand>> = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'american-express',
  discover: 'discover',
  diners: 'diners-club',
  jcb: 'jcb',
  unionpay: 'unionpay',
};

const FUNDINGS: readonly CardFunding[] = ['credit', 'debit', 'prepaid'];

/** Masked facts of a payment method, or null when it is not a card (or a brand the portal does not draw). */
export function cardOf(pm: Stripe.PaymentMethod | string | null | undefined): StripeCard | null {
  if (!pm || typeof pm === 'string' || pm.type !== 'card' || !pm.card) return null;
  const brand = Object.hasOwn(BRANDS, pm.card.brand) ? BRANDS[pm.card.brand] : null;
  if (!brand) return null;
  const funding = FUNDINGS.includes(pm.card.funding as CardFunding) ? (pm.card.funding as CardFunding) : 'unknown';
  const customer = typeof pm.customer === 'string' ? pm.customer : (pm.customer?.id ?? null);
  return { id: pm.id, customer, brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year, funding };
}

/** An error the SDK threw (Stripe answered with an error, or could not be reached). */
export interface StripeFailure {
  type: string;
  code?: string;
  decline_code?: string;
  statusCode?: number;
}

/** Whether `error` is one the SDK threw. */
export function isStripeFailure(error: unknown): error is StripeFailure {
  const type: unknown = error instanceof Error ? (error as Error & { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith('Stripe');
}

/** Calls Stripe for the reference server. */
export class StripeGateway {
  readonly sdk: Stripe;

  /**
   * @param secretKey - `sk_test_…` / `sk_live_…` (STRIPE_SECRET_KEY)
   * @param target - another host for the API (tests); Stripe's own by default
   */
  constructor(secretKey: string, target: StripeApiTarget = {}) {
    this.sdk = new Stripe(secretKey, {
      ...target,
      // one retry for a lost connection; the SDK adds an idempotency key to retried POSTs itself
      maxNetworkRetries: 1,
      timeout: 20_000,
      telemetry: false,
      appInfo: { name: 'saved-cards reference server' },
    });
  }

  /** Creates the customer of an account (once: the caller stores its id). */
  async createCustomer(accountId: string, email: string): Promise<string> {
    const customer = await this.sdk.customers.create({ email, metadata: { account_id: accountId } }, { idempotencyKey: `saved-cards-customer-${accountId}` });
    return customer.id;
  }

  /** A SetupIntent for saving a card to `customer`, confirmed by the page. Resolves with its client secret. */
  async createSetupIntent(customer: string, accountId: string, idempotencyKey?: string): Promise<string> {
    const intent = await this.sdk.setupIntents.create(
      { customer, usage: 'off_session', allowed_payment_method_types: ['card'], metadata: { account_id: accountId } },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    if (!intent.client_secret) throw new Error('Stripe returned a SetupIntent without a client secret');
    return intent.client_secret;
  }

  /** A PaymentIntent for the page to confirm; with `saveCard`, Stripe attaches the card to `customer` for later. */
  async createPaymentIntent(
    customer: string,
    amount: Money,
    metadata: Record<string, string>,
    saveCard: boolean,
    idempotencyKey?: string,
  ): Promise<string> {
    const intent = await this.sdk.paymentIntents.create(
      {
        customer,
        amount: amount.amount,
        currency: amount.currency.toLowerCase(),
        allowed_payment_method_types: ['card'],
        ...(saveCard ? { setup_future_usage: 'off_session' as const } : {}),
        metadata,
      },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    if (!intent.client_secret) throw new Error('Stripe returned a PaymentIntent without a client secret');
    return intent.client_secret;
  }

  /** A PaymentIntent with its payment method's masked facts. */
  async retrievePayment(id: string): Promise<StripePayment> {
    return paymentOf(await this.sdk.paymentIntents.retrieve(id, { expand: ['payment_method'] }));
  }

  /** Charges a saved card without the customer present (their card on file). */
  async chargeSavedCard(customer: string, paymentMethod: string, amount: Money, metadata: Record<string, string>, idempotencyKey?: string): Promise<StripePayment> {
    const intent = await this.sdk.paymentIntents.create(
      {
        customer,
        payment_method: paymentMethod,
        amount: amount.amount,
        currency: amount.currency.toLowerCase(),
        allowed_payment_method_types: ['card'],
        off_session: true,
        confirm: true,
        metadata,
        expand: ['payment_method'],
      },
      idempotencyKey ? { idempotencyKey } : undefined,
    );
    return paymentOf(intent);
  }

  /** A payment method's masked facts, or null when Stripe does not know it or it is not a card. */
  async retrieveCard(id: string): Promise<StripeCard | null> {
    try {
      return cardOf(await this.sdk.paymentMethods.retrieve(id));
    } catch (error) {
      if (isStripeFailure(error) && error.code === 'resource_missing') return null;
      throw error;
    }
  }

  /** The ids of the card payment methods attached to `customer`. */
  async listCards(customer: string): Promise<Set<string>> {
    const ids = new Set<string>();
    for await (const pm of this.sdk.customers.listPaymentMethods(customer, { type: 'card', limit: 100 })) ids.add(pm.id);
    return ids;
  }

  /** The customer's default payment method (`invoice_settings.default_payment_method`). */
  async defaultPaymentMethod(customer: string): Promise<string | null> {
    const found = await this.sdk.customers.retrieve(customer);
    if (found.deleted) return null;
    const pm = found.invoice_settings?.default_payment_method;
    return typeof pm === 'string' ? pm : (pm?.id ?? null);
  }

  /** Makes a payment method the customer's default for invoices and subscriptions. */
  async setDefault(customer: string, paymentMethod: string): Promise<void> {
    await this.sdk.customers.update(customer, { invoice_settings: { default_payment_method: paymentMethod } });
  }

  /** Detaches a payment method from its customer (already detached or gone: nothing to do). */
  async detach(paymentMethod: string): Promise<void> {
    try {
      await this.sdk.paymentMethods.detach(paymentMethod);
    } catch (error) {
      if (isStripeFailure(error) && (error.code === 'resource_missing' || error.code === 'payment_method_not_attached')) return;
      throw error;
    }
  }
}

function paymentOf(intent: Stripe.PaymentIntent): StripePayment {
  const pm = intent.payment_method;
  return {
    id: intent.id,
    status: intent.status,
    amount: { amount: intent.amount, currency: intent.currency.toUpperCase() },
    customer: typeof intent.customer === 'string' ? intent.customer : (intent.customer?.id ?? null),
    metadata: { ...intent.metadata },
    setupFutureUsage: intent.setup_future_usage ?? null,
    card: typeof pm === 'object' ? cardOf(pm) : null,
    declineCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null,
  };
}
