/**
 * The Stripe tokenizer's intent flow against the Stripe.js double and a host-endpoint double:
 * intent from the host endpoint, confirmation with Stripe (which runs 3-D Secure), and the id the
 * host endpoint saves or records. A payment Stripe already took is reported again, never taken twice.
 */
import { expect } from '@open-wc/testing';
import type { StripeCardNumberElement } from '@stripe/stripe-js';
import { EndpointClient } from '../../src/endpoint/client.js';
import { EndpointError } from '../../src/endpoint/errors.js';
import type { CardBrand } from '../../src/core/brands.js';
import { createStripeTokenizer, type StripeIntentPurpose } from '../../src/gateways/stripe/tokenizer.js';
import { TokenizeError, type CardDetails } from '../../src/gateways/types.js';
import { ElementDouble, HostDouble, StripeDouble, paymentIntent, setupIntent, stripeError } from '../support/stripe-double.js';

const CARD: CardDetails = {
  number: '',
  code: '',
  expMonth: 0,
  expYear: 0,
  name: 'Ada Lovelace',
  address: { line1: '1 Main St', line2: 'Apt 2', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
};

function setup(purpose: StripeIntentPurpose = { mode: 'add' }, brand: CardBrand | null = 'visa') {
  const stripe = new StripeDouble();
  const host = new HostDouble();
  const card = new ElementDouble('cardNumber');
  const container = document.createElement('div');
  document.body.append(container);
  card.mount(container);
  const client = new EndpointClient({ baseUrl: '/api', fetch: host.fetch, csrfToken: 'csrf', retries: 0 });
  const state = { purpose, brand };
  const tokenizer = createStripeTokenizer({
    stripe: stripe as never,
    card: card as unknown as StripeCardNumberElement,
    client: () => client,
    purpose: () => state.purpose,
    brand: () => state.brand,
  });
  return { stripe, host, card, tokenizer, state, cleanup: () => container.remove() };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('Stripe tokenizer', () => {
  it('add: a SetupIntent from the host endpoint, confirmed with the card Element, gives the payment method', async () => {
    const { stripe, host, card, tokenizer, cleanup } = setup();
    const tokenized = await tokenizer.tokenize(CARD);
    expect(tokenizer.id).to.equal('stripe');
    const [intent] = host.to('POST /setup-intents');
    expect(intent.body).to.deep.equal({});
    expect(intent.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(stripe.setupCalls).to.have.length(1);
    const [call] = stripe.setupCalls;
    expect(call.clientSecret).to.match(/^seti_\d+_secret_/);
    expect(call.card).to.equal(card);
    expect(call.billingDetails).to.deep.equal({
      name: 'Ada Lovelace',
      address: { line1: '1 Main St', line2: 'Apt 2', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' },
    });
    expect(tokenized).to.deep.equal({ token: 'pm_double', kind: 'payment-method', brand: 'visa', last4: '', expMonth: 0, expYear: 0 });
    expect(stripe.paymentCalls).to.have.length(0);
    cleanup();
  });

  it('pay: a PaymentIntent for the invoice (saving the card when asked), confirmed, gives the PaymentIntent', async () => {
    const { stripe, host, tokenizer, cleanup } = setup({ mode: 'pay', invoiceId: 'inv_1', saveCard: true });
    const tokenized = await tokenizer.tokenize(CARD);
    expect(host.to('POST /payment-intents').map((r) => r.body)).to.deep.equal([{ invoiceId: 'inv_1', saveCard: true }]);
    expect(stripe.paymentCalls).to.have.length(1);
    expect(tokenized.kind).to.equal('payment-intent');
    expect(tokenized.token).to.match(/^pi_\d+$/);
    cleanup();
  });

  it('pay: an amount without an invoice', async () => {
    const { host, tokenizer, cleanup } = setup({ mode: 'pay', amount: { amount: 2500, currency: 'USD' }, saveCard: false });
    await tokenizer.tokenize(CARD);
    expect(host.to('POST /payment-intents').map((r) => r.body)).to.deep.equal([{ amount: { amount: 2500, currency: 'USD' }, saveCard: false }]);
    cleanup();
  });

  it('a confirmed payment is handed back again, never confirmed twice, until forget()', async () => {
    const { stripe, host, tokenizer, state, cleanup } = setup({ mode: 'pay', invoiceId: 'inv_1', saveCard: false });
    const first = await tokenizer.tokenize(CARD);
    // the customer ticks "save" (or edits the card) after a lost answer: the payment already happened
    state.purpose = { mode: 'pay', invoiceId: 'inv_1', saveCard: true };
    const again = await tokenizer.tokenize(CARD);
    expect(again).to.equal(first);
    expect(stripe.paymentCalls).to.have.length(1);
    expect(host.to('POST /payment-intents')).to.have.length(1);
    tokenizer.forget();
    await tokenizer.tokenize(CARD);
    expect(stripe.paymentCalls).to.have.length(2);
    cleanup();
  });

  it('the facts of an expanded payment method are kept', async () => {
    const { stripe, tokenizer, cleanup } = setup();
    stripe.setupResult = (call) => ({
      setupIntent: {
        ...setupIntent(call.clientSecret, 'succeeded'),
        payment_method: { id: 'pm_x', card: { brand: 'amex', last4: '0005', exp_month: 7, exp_year: 2031 } } as never,
      },
    });
    expect(await tokenizer.tokenize(CARD)).to.deep.include({ token: 'pm_x', brand: 'american-express', last4: '0005', expMonth: 7, expYear: 2031 });
    cleanup();
  });

  const failures: Array<{ name: string; script: (s: StripeDouble) => void; purpose?: StripeIntentPurpose; kind: string; code: string; declineCode?: string }> = [
    {
      name: '3-D Secure closed or failed (SetupIntent)',
      script: (s) => (s.setupResult = { error: stripeError({ type: 'invalid_request_error', code: 'setup_intent_authentication_failure' }) }),
      kind: 'declined',
      code: 'authentication_failed',
    },
    {
      name: 'a SetupIntent still requiring action',
      script: (s) => (s.setupResult = (call) => ({ setupIntent: setupIntent(call.clientSecret, 'requires_action') })),
      kind: 'declined',
      code: 'authentication_failed',
    },
    {
      name: 'a PaymentIntent still requiring action',
      purpose: { mode: 'pay', invoiceId: 'inv_1', saveCard: false },
      script: (s) => (s.paymentResult = (call) => ({ paymentIntent: paymentIntent(call.clientSecret, 'requires_action') })),
      kind: 'declined',
      code: 'authentication_failed',
    },
    {
      name: 'a decline',
      purpose: { mode: 'pay', invoiceId: 'inv_1', saveCard: false },
      script: (s) => (s.paymentResult = { error: stripeError({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' }) }),
      kind: 'declined',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
    },
    {
      name: 'a PaymentIntent that was cancelled',
      purpose: { mode: 'pay', invoiceId: 'inv_1', saveCard: false },
      script: (s) => (s.paymentResult = (call) => ({ paymentIntent: paymentIntent(call.clientSecret, 'canceled') })),
      kind: 'server',
      code: 'unexpected_intent_status',
    },
  ];
  for (const row of failures) {
    it(`rejects with a TokenizeError: ${row.name}`, async () => {
      const { stripe, tokenizer, cleanup } = setup(row.purpose);
      row.script(stripe);
      const error = (await rejection(tokenizer.tokenize(CARD))) as TokenizeError;
      expect(error).to.be.instanceOf(TokenizeError);
      expect(error.kind).to.equal(row.kind);
      expect(error.code).to.equal(row.code);
      expect(error.declineCode).to.equal(row.declineCode);
      // nothing was kept: the next attempt asks again
      await rejection(tokenizer.tokenize(CARD));
      expect(stripe.setupCalls.length + stripe.paymentCalls.length).to.equal(2);
      cleanup();
    });
  }

  it('the host endpoint’s refusal of the intent propagates as its EndpointError (a 401 ends the session)', async () => {
    const { stripe, host, tokenizer, cleanup } = setup();
    host.answer('POST /setup-intents', { status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in.' } } });
    const error = (await rejection(tokenizer.tokenize(CARD))) as EndpointError;
    expect(error).to.be.instanceOf(EndpointError);
    expect(error.status).to.equal(401);
    expect(stripe.setupCalls).to.have.length(0);
    cleanup();
  });

  it('without a detected brand nothing is asked of anyone', async () => {
    const { stripe, host, tokenizer, cleanup } = setup({ mode: 'add' }, null);
    const error = (await rejection(tokenizer.tokenize(CARD))) as TokenizeError;
    expect(error.code).to.equal('incomplete_number');
    expect(host.requests).to.have.length(0);
    expect(stripe.setupCalls).to.have.length(0);
    cleanup();
  });

  it('an aborted submission rejects as aborted, before anything is asked', async () => {
    const { host, tokenizer, cleanup } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = (await rejection(tokenizer.tokenize(CARD, { signal: controller.signal }))) as TokenizeError;
    expect(error.kind).to.equal('aborted');
    expect(host.requests).to.have.length(0);
    cleanup();
  });
});
