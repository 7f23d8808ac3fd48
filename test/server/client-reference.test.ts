/**
 * The endpoint client and the token-endpoint tokenizer against the reference host server and the
 * sandbox gateway: the two sides of the contract agree, answer for answer, including failures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EndpointClient, EndpointError, isVerificationRequired, newIdempotencyKey } from '../../src/endpoint/client.js';
import { createTokenEndpointTokenizer } from '../../src/gateways/token-endpoint.js';
import { TokenizeError } from '../../src/gateways/types.js';
import type { CardDetails, Tokenizer } from '../../src/gateways/types.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

async function endpointFailure(promise: Promise<unknown>): Promise<EndpointError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EndpointError, `expected an EndpointError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

async function tokenizeFailure(promise: Promise<unknown>): Promise<TokenizeError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenizeError, `expected a TokenizeError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected tokenize to fail');
}

describe('client and tokenizer against the reference server and sandbox gateway', { timeout: 60_000 }, () => {
  let env: TestEnv;
  let owner: Session;
  let client: EndpointClient;
  let tokenizer: Tokenizer;
  let year: number;
  const details = (number: string, extra: Partial<CardDetails> = {}): CardDetails => ({
    number,
    expMonth: 12,
    expYear: year + 3,
    code: number.startsWith('37') ? '1234' : '123',
    name: 'Ada Lovelace',
    address: ADDRESS,
    ...extra,
  });
  const addBody = (token: string) => ({ token, nameOnCard: 'Ada Lovelace', billing: { address: ADDRESS }, setDefault: false });

  before(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
    year = env.clock.now().getUTCFullYear();
    client = new EndpointClient({ baseUrl: `${env.serverUrl}/api`, fetch: owner.fetch, csrfToken: owner.csrfToken, timeoutMs: 5000 });
    tokenizer = createTokenEndpointTokenizer({ url: `${env.gatewayUrl}/v1/tokens`, timeoutMs: 5000 });
  });
  after(async () => {
    // also asserts no card number reached either database or any log line
    await env.close();
  });

  it('reads the seeded cards, addresses and invoices', async () => {
    const { cards, policy } = await client.listCards();
    assert.deepEqual(cards.map((c) => c.id), [SEED_IDS.visa, SEED_IDS.mastercard, SEED_IDS.amex]);
    assert.equal(policy.cardRequired, true);
    const { addresses } = await client.listAddresses();
    assert.ok(addresses.some((a) => a.id === SEED_IDS.billingAddress));
    const { invoice } = await client.getInvoice(SEED_IDS.invoiceOpen);
    assert.equal(invoice.status, 'open');
    assert.ok((await client.listInvoices()).invoices.length >= 2);
  });

  it('tokenizes a card and saves the token; a replay with the same key saves nothing new', async () => {
    const tokenized = await tokenizer.tokenize(details(CARDS.mastercard.replace(/(\d{4})/g, '$1 ').trim()));
    assert.deepEqual([tokenized.brand, tokenized.last4], ['mastercard', '4444']);
    const idempotencyKey = newIdempotencyKey();
    const added = await client.addCard(addBody(tokenized.token), { idempotencyKey });
    assert.ok(!isVerificationRequired(added));
    const replayed = await client.addCard(addBody(tokenized.token), { idempotencyKey });
    assert.ok(!isVerificationRequired(replayed));
    assert.equal(replayed.card.id, added.card.id);
    assert.equal((await client.listCards()).cards.length, 4);

    const reused = await endpointFailure(client.addCard(addBody(tokenized.token), { idempotencyKey: newIdempotencyKey() }));
    assert.deepEqual([reused.status, reused.code, reused.reason], [409, 'conflict', 'token_used']);
  });

  it('sets a default and is refused removing it', async () => {
    const { cards } = await client.setDefaultCard(SEED_IDS.mastercard);
    assert.equal(cards[0].id, SEED_IDS.mastercard);
    assert.ok(cards[0].isDefault);
    const refused = await endpointFailure(client.removeCard(SEED_IDS.mastercard));
    assert.deepEqual([refused.status, refused.code, refused.reason], [409, 'conflict', 'default']);
    const expired = await endpointFailure(client.setDefaultCard(SEED_IDS.amex));
    assert.equal(expired.reason, 'expired');
    const unknown = await endpointFailure(client.removeCard('card_nobody'));
    assert.deepEqual([unknown.status, unknown.code], [404, 'not_found']);
  });

  it('reports a decline when the token is used', async () => {
    const { token } = await tokenizer.tokenize(details(CARDS.insufficientFunds));
    const declined = await endpointFailure(client.addCard(addBody(token), { idempotencyKey: newIdempotencyKey() }));
    assert.deepEqual([declined.status, declined.code, declined.declineCode], [402, 'card_declined', 'insufficient_funds']);
  });

  it('walks a one-time-code verification: wrong code, then the right one', async () => {
    const { token } = await tokenizer.tokenize(details(CARDS.otp));
    const started = await client.addCard(addBody(token), { idempotencyKey: newIdempotencyKey() });
    assert.ok(isVerificationRequired(started));
    const { verification } = started;
    assert.equal(verification.kind, 'otp');

    const wrong = await endpointFailure(client.confirmVerification(verification.id, '000000', { idempotencyKey: newIdempotencyKey() }));
    assert.deepEqual([wrong.code, wrong.reason], ['verification_failed', 'wrong_code']);
    assert.equal(typeof wrong.attemptsLeft, 'number');

    const result = await client.confirmVerification(verification.id, await env.latestCode(), { idempotencyKey: newIdempotencyKey() });
    assert.ok('card' in result);
    assert.equal(result.card.last4, '3155');

    // three seeded cards, the Mastercard and this one: the account is full
    const full = await tokenizer.tokenize(details(CARDS.discover));
    const refused = await endpointFailure(client.addCard(addBody(full.token), { idempotencyKey: newIdempotencyKey() }));
    assert.deepEqual([refused.status, refused.reason], [409, 'max_cards']);
  });

  it('pays an open invoice with a saved card, and is refused paying it twice', async () => {
    const paid = await client.pay({ invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa }, { idempotencyKey: newIdempotencyKey() });
    assert.ok(!isVerificationRequired(paid));
    assert.equal(paid.payment.invoiceId, SEED_IDS.invoiceOpen);
    assert.equal(paid.payment.card.last4, '4242');
    const again = await endpointFailure(client.pay({ invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa }, { idempotencyKey: newIdempotencyKey() }));
    assert.deepEqual([again.status, again.reason], [409, 'invoice_paid']);
  });

  it('maps the gateway’s refusals to the form’s fields', async () => {
    const badNumber = await tokenizeFailure(tokenizer.tokenize(details('4242424242424241')));
    assert.deepEqual([badNumber.kind, badNumber.code, badNumber.field], ['invalid', 'incorrect_number', 'number']);
    const expired = await tokenizeFailure(tokenizer.tokenize(details(CARDS.visa, { expMonth: 1, expYear: year - 1 })));
    assert.deepEqual([expired.kind, expired.field], ['invalid', 'expiry']);
    const badCode = await tokenizeFailure(tokenizer.tokenize(details(CARDS.amex, { code: '123' })));
    assert.deepEqual([badCode.kind, badCode.code, badCode.field], ['invalid', 'invalid_cvc', 'code']);
  });

  it('is refused without the CSRF token, and without a session', async () => {
    const noCsrf = new EndpointClient({ baseUrl: `${env.serverUrl}/api`, fetch: owner.fetch, csrfToken: () => null });
    const forbidden = await endpointFailure(noCsrf.removeCard(SEED_IDS.amex));
    assert.deepEqual([forbidden.status, forbidden.code], [403, 'forbidden']);
    const anonymous = new EndpointClient({ baseUrl: `${env.serverUrl}/api`, fetch: env.anonymous().fetch, csrfToken: 'x' });
    const unauthenticated = await endpointFailure(anonymous.listCards());
    assert.deepEqual([unauthenticated.status, unauthenticated.code], [401, 'unauthenticated']);
  });
});
