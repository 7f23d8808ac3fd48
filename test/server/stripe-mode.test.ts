/**
 * The reference server in Stripe mode, with the official `stripe` SDK pointed (host, port, protocol)
 * at a local double of Stripe's API: the requests the SDK sends, and the contract's answers and
 * rules (the same as the sandbox mode's). What Stripe.js does in the page is simulated on the double.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { findCardNumbers } from '../../src/core/pan-scan.js';
import { memoryLogger } from '../../demo/lib/logger.js';
import { createHostServer, OWNER, SEED_IDS, SUB_ACCOUNT } from '../../demo/server/index.js';
import type { DemoAccount, HostServer } from '../../demo/server/index.js';
import { StripeApiDouble } from './stripe-api-double.js';

const BILLING = { address: { line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' } };

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A signed-in caller of the host's API (cookie and CSRF token), straight through `app.request`. */
class Caller {
  cookie = '';
  csrf = '';
  constructor(private readonly host: HostServer) {}

  async signIn(account: DemoAccount): Promise<this> {
    const res = await this.host.app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    assert.equal(res.status, 200);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  async call(method: string, path: string, body?: unknown, key: string | null = crypto.randomUUID()): Promise<Answer> {
    const headers: Record<string, string> = { Cookie: this.cookie, 'Sec-Fetch-Site': 'same-origin' };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (key && method === 'POST') headers['Idempotency-Key'] = key;
    const res = await this.host.app.request(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
  }
}

describe('reference server, Stripe mode (SDK against a local Stripe double)', () => {
  const stripe = new StripeApiDouble();
  let host: HostServer;
  let owner: Caller;
  const log = memoryLogger('server');

  before(async () => {
    await stripe.start();
  });
  after(async () => {
    await stripe.stop();
  });

  beforeEach(async () => {
    await host?.close();
    stripe.reset();
    host = createHostServer({
      dbUrl: ':memory:',
      gatewayUrl: 'http://127.0.0.1:9',
      gatewayPublicUrl: 'http://localhost:8081',
      gatewaySecretKey: 'sk_sandbox_unused',
      publicOrigin: 'http://localhost:8080',
      logger: log,
      stripe: { secretKey: 'sk_test_double', publishableKey: 'pk_test_double', api: stripe.target },
      limits: { cardAttemptsPerAccount: { max: 1000, windowMs: 60_000 }, cardAttemptsPerIp: { max: 1000, windowMs: 60_000 } },
    });
    await host.ready;
    owner = await new Caller(host).signIn(OWNER);
  });

  /** Adds a card the Stripe way: SetupIntent, the page's confirmation, then POST /cards. */
  async function addCard(caller: Caller, card: Parameters<StripeApiDouble['addPaymentMethod']>[0] = {}, setDefault = false): Promise<Answer> {
    const intent = await caller.call('POST', '/setup-intents', {});
    assert.equal(intent.status, 201, JSON.stringify(intent.body));
    const pm = stripe.addPaymentMethod(card);
    stripe.confirmSetup(String(intent.body.clientSecret), pm);
    return caller.call('POST', '/cards', { paymentMethodId: pm.id, nameOnCard: 'Ada Lovelace', billing: BILLING, setDefault });
  }

  it('POST /setup-intents: one customer per account, a card SetupIntent for it, the client secret back', async () => {
    const first = await owner.call('POST', '/setup-intents', {});
    assert.equal(first.status, 201);
    assert.match(String(first.body.clientSecret), /^seti_\w+_secret_/);
    assert.deepEqual(Object.keys(first.body), ['clientSecret']);
    const [customer] = stripe.to('POST /v1/customers');
    assert.equal(customer.body.email, OWNER.email);
    assert.deepEqual(customer.body.metadata, { account_id: OWNER.id });
    assert.equal(customer.idempotencyKey, `saved-cards-customer-${OWNER.id}`);
    assert.equal(customer.authorization, 'Bearer sk_test_double');
    assert.ok(customer.stripeVersion, 'the SDK pins an API version');
    const [setup] = stripe.to('POST /v1/setup_intents');
    assert.deepEqual(setup.body, {
      customer: [...stripe.customers.keys()][0],
      usage: 'off_session',
      allowed_payment_method_types: ['card'],
      metadata: { account_id: OWNER.id },
    });
    assert.match(String(setup.idempotencyKey), new RegExp(`^saved-cards-${OWNER.id}-`));
    // the second intent reuses the customer
    await owner.call('POST', '/setup-intents', {});
    assert.equal(stripe.to('POST /v1/customers').length, 1);
    assert.equal(stripe.to('POST /v1/setup_intents').length, 2);
  });

  it('POST /cards { paymentMethodId }: masked facts from Stripe, the first card the default at Stripe too', async () => {
    const added = await addCard(owner, { brand: 'amex', last4: '0005', expMonth: 7, expYear: 2031, funding: 'credit' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const card = added.body.card as Record<string, unknown>;
    assert.deepEqual(
      { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, isDefault: card.isDefault, nameOnCard: card.nameOnCard },
      { brand: 'american-express', last4: '0005', expMonth: 7, expYear: 2031, isDefault: true, nameOnCard: 'Ada Lovelace' },
    );
    const pmId = [...stripe.paymentMethods.keys()][0];
    assert.deepEqual(stripe.to(`GET /v1/payment_methods/${pmId}`).length, 1);
    const update = stripe.requests.find((r) => r.method === 'POST' && /^\/v1\/customers\/cus_/.test(r.path));
    assert.deepEqual(update?.body, { invoice_settings: { default_payment_method: pmId } });
    // the seeded sandbox cards are not at Stripe: in Stripe mode the list is what the customer holds
    const list = await owner.call('GET', '/cards');
    assert.deepEqual((list.body.cards as Array<{ last4: string }>).map((c) => c.last4), ['0005']);
    assert.equal(stripe.to(`GET /v1/customers/${[...stripe.customers.keys()][0]}/payment_methods`).at(-1)?.query.type, 'card');
  });

  it('refuses a payment method of another customer, an unknown one, one already on file, and a token', async () => {
    const sub = await new Caller(host).signIn(SUB_ACCOUNT);
    await sub.call('POST', '/setup-intents', {});
    const subCustomer = [...stripe.customers.keys()][0];
    const foreign = stripe.addPaymentMethod({ customer: subCustomer });
    await owner.call('POST', '/setup-intents', {});
    const refused = await owner.call('POST', '/cards', { paymentMethodId: foreign.id, nameOnCard: 'Ada', billing: BILLING, setDefault: false });
    assert.equal(refused.status, 422);
    assert.equal((refused.body.error as { field: string }).field, 'paymentMethodId');
    const unknown = await owner.call('POST', '/cards', { paymentMethodId: 'pm_nope', nameOnCard: 'Ada', billing: BILLING, setDefault: false });
    assert.equal(unknown.status, 422);
    const ok = await addCard(owner);
    assert.equal(ok.status, 201);
    const pmId = [...stripe.paymentMethods.values()].find((pm) => pm.customer !== subCustomer && pm.customer)!.id;
    const again = await owner.call('POST', '/cards', { paymentMethodId: pmId, nameOnCard: 'Ada', billing: BILLING, setDefault: false });
    assert.equal(again.status, 409);
    assert.equal((again.body.error as { reason: string }).reason, 'token_used');
    const token = await owner.call('POST', '/cards', { token: 'tok_x', nameOnCard: 'Ada', billing: BILLING, setDefault: false });
    assert.equal(token.status, 422);
    assert.equal((token.body.error as { field: string }).field, 'token');
    const noKey = await owner.call('POST', '/cards', { paymentMethodId: pmId, nameOnCard: 'Ada', billing: BILLING, setDefault: false }, null);
    assert.equal(noKey.status, 422);
    assert.equal((noKey.body.error as { field: string }).field, 'Idempotency-Key');
  });

  it('the same Idempotency-Key replays the answer without calling Stripe again', async () => {
    const key = crypto.randomUUID();
    const first = await owner.call('POST', '/setup-intents', {}, key);
    const calls = stripe.requests.length;
    const replay = await owner.call('POST', '/setup-intents', {}, key);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    assert.equal(stripe.requests.length, calls);
  });

  it('max cards: refused before a SetupIntent is made', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await addCard(owner, { last4: `000${i}` })).status, 201);
    const refused = await owner.call('POST', '/setup-intents', {});
    assert.equal(refused.status, 409);
    assert.equal((refused.body.error as { reason: string }).reason, 'max_cards');
    assert.equal(stripe.to('POST /v1/setup_intents').length, 5);
  });

  it('default and removal: invoice_settings at Stripe, detach at Stripe, the sandbox rules', async () => {
    const a = (await addCard(owner, { last4: '1111' })).body.card as { id: string };
    const b = (await addCard(owner, { last4: '2222' })).body.card as { id: string };
    const pmB = [...stripe.paymentMethods.values()].find((pm) => pm.last4 === '2222')!;
    const made = await owner.call('POST', `/cards/${b.id}/default`, {});
    assert.equal(made.status, 200);
    assert.equal([...stripe.customers.values()][0].defaultPaymentMethod, pmB.id);
    // the default card cannot go while another exists (409 default), and nothing is detached
    const refused = await owner.call('DELETE', `/cards/${b.id}`);
    assert.equal(refused.status, 409);
    assert.equal((refused.body.error as { reason: string }).reason, 'default');
    assert.equal(stripe.requests.filter((r) => r.path.endsWith('/detach')).length, 0);
    const removed = await owner.call('DELETE', `/cards/${a.id}`);
    assert.equal(removed.status, 200);
    const pmA = [...stripe.paymentMethods.values()].find((pm) => pm.last4 === '1111')!;
    assert.equal(stripe.to(`POST /v1/payment_methods/${pmA.id}/detach`).length, 1);
    assert.equal(pmA.customer, null);
    // the owner has a subscription: the only card stays
    const only = await owner.call('DELETE', `/cards/${b.id}`);
    assert.equal(only.status, 409);
    assert.equal((only.body.error as { reason: string }).reason, 'only-card-required');
  });

  it('an expired card never becomes the default, at Stripe or here', async () => {
    await addCard(owner, { last4: '1111' });
    const old = (await addCard(owner, { last4: '3333', expMonth: 1, expYear: 2020 })).body.card as { id: string; isDefault: boolean };
    assert.equal(old.isDefault, false);
    const updates = stripe.requests.filter((r) => r.method === 'POST' && /^\/v1\/customers\/cus_/.test(r.path)).length;
    const refused = await owner.call('POST', `/cards/${old.id}/default`, {});
    assert.equal(refused.status, 409);
    assert.equal((refused.body.error as { reason: string }).reason, 'expired');
    assert.equal(stripe.requests.filter((r) => r.method === 'POST' && /^\/v1\/customers\/cus_/.test(r.path)).length, updates);
  });

  it('GET /cards follows Stripe: a card detached elsewhere goes, Stripe’s default wins', async () => {
    await addCard(owner, { last4: '1111' });
    const second = (await addCard(owner, { last4: '2222' })).body.card as { id: string };
    const [pm1, pm2] = [...stripe.paymentMethods.values()];
    [...stripe.customers.values()][0].defaultPaymentMethod = pm2.id;
    let list = await owner.call('GET', '/cards');
    assert.equal((list.body.cards as Array<{ id: string; isDefault: boolean }>).find((c) => c.isDefault)?.id, second.id);
    pm1.customer = null;
    list = await owner.call('GET', '/cards');
    assert.deepEqual((list.body.cards as Array<{ last4: string }>).map((c) => c.last4), ['2222']);
  });

  it('POST /payment-intents: the invoice’s amount, saving the card when asked; paid and void invoices refused', async () => {
    const intent = await owner.call('POST', '/payment-intents', { invoiceId: SEED_IDS.invoiceOpen, saveCard: true });
    assert.equal(intent.status, 201, JSON.stringify(intent.body));
    assert.match(String(intent.body.clientSecret), /^pi_\w+_secret_/);
    const [created] = stripe.to('POST /v1/payment_intents');
    assert.equal(created.body.setup_future_usage, 'off_session');
    assert.deepEqual(created.body.allowed_payment_method_types, ['card']);
    assert.deepEqual(created.body.metadata, { account_id: OWNER.id, invoice_id: SEED_IDS.invoiceOpen, save_card: 'true' });
    assert.ok(Number(created.body.amount) > 0);
    const paid = await owner.call('POST', '/payment-intents', { invoiceId: SEED_IDS.invoicePaid, saveCard: false });
    assert.equal(paid.status, 409);
    assert.equal((paid.body.error as { reason: string }).reason, 'invoice_paid');
    const bad = await owner.call('POST', '/payment-intents', { saveCard: false });
    assert.equal(bad.status, 422);
  });

  it('POST /payments { paymentIntentId }: records the confirmed payment once, pays the invoice, keeps the card', async () => {
    const intent = await owner.call('POST', '/payment-intents', { invoiceId: SEED_IDS.invoiceOpen, saveCard: true });
    const pm = stripe.addPaymentMethod({ last4: '4444', brand: 'mastercard' });
    stripe.confirmPayment(String(intent.body.clientSecret), pm);
    const piId = String(intent.body.clientSecret).split('_secret_')[0];
    const body = { invoiceId: SEED_IDS.invoiceOpen, paymentIntentId: piId, nameOnCard: 'Ada Lovelace', billing: BILLING, saveCard: true, setDefault: false };
    const recorded = await owner.call('POST', '/payments', body);
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const payment = recorded.body.payment as { status: string; invoiceId: string; card: { last4: string; brand: string } };
    assert.deepEqual([payment.status, payment.invoiceId, payment.card.last4, payment.card.brand], ['succeeded', SEED_IDS.invoiceOpen, '4444', 'mastercard']);
    assert.equal((recorded.body.savedCard as { last4: string }).last4, '4444');
    assert.deepEqual(stripe.to(`GET /v1/payment_intents/${piId}`)[0].query.expand, ['payment_method']);
    const invoice = await owner.call('GET', `/invoices/${SEED_IDS.invoiceOpen}`);
    assert.equal((invoice.body.invoice as { status: string }).status, 'paid');
    // reporting it again under another key: already recorded
    const again = await owner.call('POST', '/payments', body);
    assert.equal(again.status, 409);
    assert.equal((again.body.error as { reason: string }).reason, 'token_used');
  });

  it('POST /payments refuses an intent that is not this account’s or not for this invoice, and says why an unpaid one failed', async () => {
    const intent = await owner.call('POST', '/payment-intents', { invoiceId: SEED_IDS.invoiceOpen, saveCard: false });
    const secret = String(intent.body.clientSecret);
    const piId = secret.split('_secret_')[0];
    const pm = stripe.addPaymentMethod();
    const body = { invoiceId: SEED_IDS.invoiceWorkshop, paymentIntentId: piId, nameOnCard: 'Ada', billing: BILLING, saveCard: false };
    stripe.confirmPayment(secret, pm);
    const other = await owner.call('POST', '/payments', body);
    assert.equal(other.status, 422);
    assert.equal((other.body.error as { field: string }).field, 'paymentIntentId');
    const sub = await new Caller(host).signIn(SUB_ACCOUNT);
    const foreign = await sub.call('POST', '/payments', { ...body, invoiceId: SEED_IDS.invoiceOpen });
    assert.ok([404, 422].includes(foreign.status));
    stripe.confirmPayment(secret, pm, 'requires_payment_method', 'insufficient_funds');
    const declined = await owner.call('POST', '/payments', { ...body, invoiceId: SEED_IDS.invoiceOpen });
    assert.equal(declined.status, 402);
    assert.deepEqual(declined.body.error, { code: 'card_declined', declineCode: 'insufficient_funds', message: 'The card was declined.' });
  });

  it('POST /payments { cardId }: an off-session charge of the saved card; a decline keeps Stripe’s decline code', async () => {
    const card = (await addCard(owner, { last4: '4242' })).body.card as { id: string };
    const paid = await owner.call('POST', '/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: card.id });
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    const charge = stripe.to('POST /v1/payment_intents').at(-1)!;
    assert.equal(charge.body.off_session, 'true');
    assert.equal(charge.body.confirm, 'true');
    assert.equal(charge.body.payment_method, [...stripe.paymentMethods.keys()][0]);
    assert.ok(charge.idempotencyKey);
    stripe.declineNextCharge = 'authentication_required';
    const declined = await owner.call('POST', '/payments', { invoiceId: SEED_IDS.invoiceWorkshop, cardId: card.id });
    assert.equal(declined.status, 402);
    assert.equal((declined.body.error as { declineCode: string }).declineCode, 'authentication_required');
  });

  it('sends Stripe ids and amounts only, and logs neither a card number nor the secret key', async () => {
    await addCard(owner);
    const sent = JSON.stringify(stripe.requests.map((r) => ({ path: r.path, query: r.query, body: r.body })));
    assert.deepEqual(findCardNumbers(sent), []);
    const logged = log.unredacted.join('\n');
    assert.deepEqual(findCardNumbers(logged), []);
    assert.doesNotMatch(logged, /sk_test_double/);
  });

  it('without the keys the server stays on the sandbox gateway', async () => {
    const sandbox = createHostServer({
      dbUrl: ':memory:',
      gatewayUrl: 'http://127.0.0.1:9',
      gatewayPublicUrl: 'http://localhost:8081',
      gatewaySecretKey: 'sk_sandbox_unused',
      publicOrigin: 'http://localhost:8080',
      logger: memoryLogger('sandbox'),
    });
    await sandbox.ready;
    const caller = await new Caller(sandbox).signIn(OWNER);
    const intent = await caller.call('POST', '/setup-intents', {});
    assert.equal(intent.status, 404);
    const list = await caller.call('GET', '/cards');
    assert.equal((list.body.cards as unknown[]).length, 3);
    const page = await sandbox.app.request('/cards', { headers: { Cookie: caller.cookie } });
    const html = await page.text();
    assert.doesNotMatch(html, /gateway="stripe"|js\.stripe\.com/);
    assert.doesNotMatch(page.headers.get('content-security-policy') ?? '', /stripe/);
    await sandbox.close();
  });

  it('Stripe mode’s pages: gateway="stripe" with the publishable key, Stripe.js from Stripe, and Stripe’s CSP', async () => {
    const page = await host.app.request('/cards', { headers: { Cookie: owner.cookie } });
    const html = await page.text();
    assert.match(html, /<card-list [^>]*gateway="stripe" publishable-key="pk_test_double"/);
    assert.match(html, /<script src="https:\/\/js\.stripe\.com\/endive\/stripe\.js"><\/script>/);
    assert.doesNotMatch(html, /sk_test_double/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' https:\/\/js\.stripe\.com/);
    assert.match(csp, /frame-src https:\/\/js\.stripe\.com https:\/\/hooks\.stripe\.com/);
    assert.match(csp, /connect-src [^;]*https:\/\/api\.stripe\.com/);
  });
});
