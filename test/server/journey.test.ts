/**
 * A customer's journey over HTTP, through the library's own typed client (`EndpointClient`) and
 * token-endpoint tokenizer, against the reference server and the sandbox gateway: sign in, add a
 * card, make it the default, remove another, and pay an invoice with a card that asks for a
 * one-time code, read from the demo phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EndpointClient, isVerificationRequired, newIdempotencyKey } from '../../src/endpoint/client.js';
import type { CardAddedResponse, PaymentResponse } from '../../src/endpoint/types.js';
import { createTokenEndpointTokenizer } from '../../src/gateways/token-endpoint.js';
import type { Tokenizer } from '../../src/gateways/types.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, startTestEnv } from './harness.js';
import type { TestEnv } from './harness.js';

describe('journey: owner@demo.test keeps a card on file and pays an invoice', () => {
  let env: TestEnv;
  let client: EndpointClient;
  let tokenizer: Tokenizer;
  let added: CardAddedResponse;
  const year = new Date().getUTCFullYear() + 2;

  before(async () => {
    env = await startTestEnv();
  });
  after(async () => env.close());

  it('signs in and gets a CSRF token', async () => {
    const response = await fetch(`${env.serverUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    assert.equal(response.status, 200);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    const withCookie: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), Cookie: cookie } });
    client = new EndpointClient({ baseUrl: `${env.serverUrl}/api`, fetch: withCookie, csrfToken });
    tokenizer = createTokenEndpointTokenizer({ url: `${env.gatewayUrl}/v1/tokens` });
    const { cards } = await client.listCards();
    assert.equal(cards.length, 3);
  });

  it('tokenizes 5555 5555 5555 4444 at the gateway and saves the token', async () => {
    const tokenized = await tokenizer.tokenize({ number: '5555 5555 5555 4444', expMonth: 9, expYear: year, code: '123', name: 'Alex Morgan', address: ADDRESS });
    assert.deepEqual([tokenized.brand, tokenized.last4], ['mastercard', '4444']);
    const answer = await client.addCard(
      { token: tokenized.token, nameOnCard: 'Alex Morgan', billing: { savedAddressId: SEED_IDS.billingAddress }, setDefault: false },
      { idempotencyKey: newIdempotencyKey() },
    );
    assert.ok(!isVerificationRequired(answer));
    added = answer;
    assert.deepEqual([added.card.brand, added.card.last4, added.card.expMonth, added.card.expYear], ['mastercard', '4444', 9, year]);
    assert.equal(added.cards.length, 4);
  });

  it('makes the new card the default', async () => {
    const { cards } = await client.setDefaultCard(added.card.id);
    assert.equal(cards[0].id, added.card.id);
    assert.equal(cards[0].isDefault, true);
    const oldDefault = cards.find((c) => c.id === SEED_IDS.visa);
    assert.equal(oldDefault?.removable, true, 'the old default may go now');
  });

  it('removes the old default card', async () => {
    const { cards } = await client.removeCard(SEED_IDS.visa);
    assert.deepEqual(cards.map((c) => c.id), [added.card.id, SEED_IDS.mastercard, SEED_IDS.amex]);
  });

  it('pays an invoice with a new token of 4000 0025 0000 3155, confirming the one-time code from the demo phone', async () => {
    const tokenized = await tokenizer.tokenize({ number: '4000 0025 0000 3155', expMonth: 1, expYear: year, code: '123', name: 'Alex Morgan' });
    const started = await client.pay(
      { invoiceId: SEED_IDS.invoiceOpen, token: tokenized.token, nameOnCard: 'Alex Morgan', billing: { address: ADDRESS }, saveCard: false },
      { idempotencyKey: newIdempotencyKey() },
    );
    assert.ok(isVerificationRequired(started), 'the gateway asks for a one-time code');
    assert.equal(started.verification.kind, 'otp');

    const code = await env.latestCode();
    const result = (await client.confirmVerification(started.verification.id, code, { idempotencyKey: newIdempotencyKey() })) as PaymentResponse;
    assert.equal(result.payment.status, 'succeeded');
    assert.equal(result.payment.invoiceId, SEED_IDS.invoiceOpen);
    assert.deepEqual(result.payment.card, { brand: 'visa', last4: '3155', expMonth: 1, expYear: year });
    assert.equal(result.savedCard, undefined, 'not kept: saveCard was false');

    const { invoice } = await client.getInvoice(SEED_IDS.invoiceOpen);
    assert.equal(invoice.status, 'paid');
    assert.equal((await client.listCards()).cards.length, 3);
  });

  it('hears of a decline for 4000 0000 0000 0002 when the token is used, not when it is made', async () => {
    const tokenized = await tokenizer.tokenize({ number: CARDS.declined, expMonth: 1, expYear: year, code: '123', name: 'Alex Morgan' });
    await assert.rejects(
      client.addCard(
        { token: tokenized.token, nameOnCard: 'Alex Morgan', billing: { savedAddressId: SEED_IDS.billingAddress }, setDefault: false },
        { idempotencyKey: newIdempotencyKey() },
      ),
      (error: { code?: string; declineCode?: string }) => error.code === 'card_declined' && error.declineCode === 'generic_decline',
    );
  });
});
