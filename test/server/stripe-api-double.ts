/**
 * A local double of the few Stripe API routes the reference server's Stripe mode uses, for the
 * official `stripe` SDK pointed at it with `host`, `port` and `protocol`. It records every request
 * as the SDK sent it (method, path, form body decoded into an object, query, headers) and keeps just
 * enough state to answer like Stripe: customers, SetupIntents, PaymentIntents, card payment methods.
 *
 * What the page does with Stripe.js (confirming an intent, 3-D Secure) is simulated with
 * `confirmSetup` / `confirmPayment`, which change the state the way a successful confirmation does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the SDK sent. */
export interface StripeRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  stripeVersion: string | undefined;
}

/** A card payment method in the double. */
export interface DoublePaymentMethod {
  id: string;
  customer: string | null;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: string;
}

interface DoubleIntent {
  id: string;
  kind: 'setup' | 'payment';
  customer: string;
  status: string;
  amount?: number;
  currency?: string;
  metadata: Record<string, string>;
  setupFutureUsage: string | null;
  paymentMethod: string | null;
  declineCode?: string;
}

/**
 * Decodes `a[b][0]=x&a[c]=y` (the SDK's form encoding) into `{ a: { b: ['x'], c: 'y' } }`.
 */
export function decodeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const keys = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const container = node as Record<string, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(keys[i + 1]);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown>;
    });
  }
  return root;
}

/** The Stripe API double. */
export class StripeApiDouble {
  readonly requests: StripeRequest[] = [];
  readonly customers = new Map<string, { id: string; email: string; metadata: Record<string, string>; defaultPaymentMethod: string | null }>();
  readonly paymentMethods = new Map<string, DoublePaymentMethod>();
  readonly intents = new Map<string, DoubleIntent>();
  /** Decline the next off-session charge with this code (a StripeCardError, HTTP 402). */
  declineNextCharge: string | null = null;
  #server: Server | null = null;
  #seq = 0;
  port = 0;

  /** Forgets every request and object (between tests). */
  reset(): void {
    this.requests.length = 0;
    this.customers.clear();
    this.paymentMethods.clear();
    this.intents.clear();
    this.declineNextCharge = null;
  }

  /** Starts listening on a free local port. */
  async start(): Promise<void> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  /** What the SDK must be given to talk to the double. */
  get target(): { host: string; port: number; protocol: 'http' } {
    return { host: '127.0.0.1', port: this.port, protocol: 'http' };
  }

  /** Requests to one route (`POST /v1/setup_intents`). */
  to(route: string): StripeRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }

  /** A card payment method as Stripe.js would have created it from the customer's card. */
  addPaymentMethod(partial: Partial<DoublePaymentMethod> = {}): DoublePaymentMethod {
    const pm: DoublePaymentMethod = { id: `pm_${++this.#seq}double`, customer: null, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, funding: 'credit', ...partial };
    this.paymentMethods.set(pm.id, pm);
    return pm;
  }

  /** The page confirmed a SetupIntent: Stripe attaches the new payment method to the intent's customer. */
  confirmSetup(clientSecret: string, pm: DoublePaymentMethod): void {
    const intent = this.#intentFor(clientSecret);
    intent.status = 'succeeded';
    intent.paymentMethod = pm.id;
    pm.customer = intent.customer;
  }

  /** The page confirmed a PaymentIntent: paid (or as `status` says); a card meant to be kept is attached. */
  confirmPayment(clientSecret: string, pm: DoublePaymentMethod, status = 'succeeded', declineCode?: string): void {
    const intent = this.#intentFor(clientSecret);
    intent.status = status;
    intent.paymentMethod = pm.id;
    if (declineCode) intent.declineCode = declineCode;
    if (status === 'succeeded' && intent.setupFutureUsage) pm.customer = intent.customer;
  }

  #intentFor(clientSecret: string): DoubleIntent {
    const intent = this.intents.get(clientSecret.split('_secret_')[0]);
    if (!intent) throw new Error('unknown client secret');
    return intent;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://double');
    const request: StripeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: decodeForm(url.search.slice(1)),
      body: decodeForm(Buffer.concat(chunks).toString('utf8')),
      idempotencyKey: header(req, 'idempotency-key'),
      authorization: header(req, 'authorization'),
      stripeVersion: header(req, 'stripe-version'),
    };
    this.requests.push(request);
    const [status, body] = this.#route(request);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${this.#seq}` });
    res.end(JSON.stringify(body));
  }

  #route(r: StripeRequest): [number, unknown] {
    const route = `${r.method} ${r.path}`;
    let m: RegExpMatchArray | null;
    if (route === 'POST /v1/customers') {
      const id = `cus_${++this.#seq}double`;
      this.customers.set(id, { id, email: String(r.body.email ?? ''), metadata: (r.body.metadata as Record<string, string>) ?? {}, defaultPaymentMethod: null });
      return [200, this.#customer(id)];
    }
    if ((m = route.match(/^GET \/v1\/customers\/([^/]+)$/))) {
      return this.customers.has(m[1]) ? [200, this.#customer(m[1])] : missing('customer');
    }
    if ((m = route.match(/^POST \/v1\/customers\/([^/]+)$/))) {
      const customer = this.customers.get(m[1]);
      if (!customer) return missing('customer');
      const settings = r.body.invoice_settings as { default_payment_method?: string } | undefined;
      if (settings?.default_payment_method !== undefined) customer.defaultPaymentMethod = settings.default_payment_method || null;
      return [200, this.#customer(m[1])];
    }
    if ((m = route.match(/^GET \/v1\/customers\/([^/]+)\/payment_methods$/))) {
      const data = [...this.paymentMethods.values()].filter((pm) => pm.customer === m![1]).map((pm) => this.#pm(pm));
      return [200, { object: 'list', data, has_more: false, url: r.path }];
    }
    if (route === 'POST /v1/setup_intents' || route === 'POST /v1/payment_intents') {
      const kind = route.includes('setup') ? 'setup' : 'payment';
      const id = `${kind === 'setup' ? 'seti' : 'pi'}_${++this.#seq}double`;
      const intent: DoubleIntent = {
        id,
        kind,
        customer: String(r.body.customer),
        status: 'requires_payment_method',
        metadata: (r.body.metadata as Record<string, string>) ?? {},
        setupFutureUsage: (r.body.setup_future_usage as string) ?? null,
        paymentMethod: (r.body.payment_method as string) ?? null,
        ...(kind === 'payment' ? { amount: Number(r.body.amount), currency: String(r.body.currency) } : {}),
      };
      this.intents.set(id, intent);
      if (r.body.confirm === 'true') {
        if (this.declineNextCharge) {
          const code = this.declineNextCharge;
          this.declineNextCharge = null;
          intent.status = 'requires_payment_method';
          return [402, { error: { type: 'card_error', code: code === 'authentication_required' ? code : 'card_declined', decline_code: code, message: 'Your card was declined.', payment_intent: this.#intent(intent, false) } }];
        }
        intent.status = 'succeeded';
      }
      return [200, this.#intent(intent, Array.isArray(r.body.expand) && r.body.expand.includes('payment_method'))];
    }
    if ((m = route.match(/^GET \/v1\/payment_intents\/([^/]+)$/))) {
      const intent = this.intents.get(m[1]);
      if (!intent) return missing('payment_intent');
      const expand = r.query.expand as string[] | undefined;
      return [200, this.#intent(intent, Array.isArray(expand) && expand.includes('payment_method'))];
    }
    if ((m = route.match(/^GET \/v1\/payment_methods\/([^/]+)$/))) {
      const pm = this.paymentMethods.get(m[1]);
      return pm ? [200, this.#pm(pm)] : missing('payment_method');
    }
    if ((m = route.match(/^POST \/v1\/payment_methods\/([^/]+)\/detach$/))) {
      const pm = this.paymentMethods.get(m[1]);
      if (!pm) return missing('payment_method');
      pm.customer = null;
      return [200, this.#pm(pm)];
    }
    return [404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${r.method}: ${r.path}).` } }];
  }

  #customer(id: string): unknown {
    const c = this.customers.get(id)!;
    return { id, object: 'customer', email: c.email, metadata: c.metadata, invoice_settings: { default_payment_method: c.defaultPaymentMethod } };
  }

  #pm(pm: DoublePaymentMethod): unknown {
    return {
      id: pm.id,
      object: 'payment_method',
      type: 'card',
      customer: pm.customer,
      card: { brand: pm.brand, last4: pm.last4, exp_month: pm.expMonth, exp_year: pm.expYear, funding: pm.funding },
      metadata: {},
    };
  }

  #intent(intent: DoubleIntent, expand: boolean): unknown {
    const pm = intent.paymentMethod ? this.paymentMethods.get(intent.paymentMethod) : undefined;
    const base = {
      id: intent.id,
      object: intent.kind === 'setup' ? 'setup_intent' : 'payment_intent',
      client_secret: `${intent.id}_secret_double`,
      customer: intent.customer,
      status: intent.status,
      metadata: intent.metadata,
      payment_method: pm ? (expand ? this.#pm(pm) : pm.id) : intent.paymentMethod,
    };
    if (intent.kind === 'setup') return { ...base, usage: 'off_session' };
    return {
      ...base,
      amount: intent.amount,
      currency: intent.currency,
      setup_future_usage: intent.setupFutureUsage,
      last_payment_error: intent.declineCode ? { type: 'card_error', code: 'card_declined', decline_code: intent.declineCode } : null,
    };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function missing(what: string): [number, unknown] {
  return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${what}.` } }];
}
