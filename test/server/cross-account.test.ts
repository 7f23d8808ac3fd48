import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CardListResponse, Invoice, VerificationRequiredResponse } from '../../src/endpoint/types.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, SUB_ACCOUNT, addCardBody, key, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

/**
 * A sub-account under the owner uses the owner's ids on every route that takes one: each answer is
 * 404 (never 403, so ids do not leak), and refetching as the owner shows nothing changed.
 */
describe('another account’s ids', () => {
  let env: TestEnv;
  let owner: Session;
  let sub: Session;
  let ownerVerification: string;
  let ownerState: string;

  /** Everything the owner can see, as one comparable string. */
  const snapshot = async (): Promise<string> => {
    const [cards, invoices, wallet, addresses] = await Promise.all([
      owner.get('/api/cards'),
      owner.get('/api/invoices'),
      owner.get('/api/wallet'),
      owner.get('/api/addresses'),
    ]);
    return JSON.stringify([cards.body, invoices.body, wallet.body, addresses.body]);
  };

  before(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
    sub = await env.signIn(SUB_ACCOUNT);
    const started = await owner.post<VerificationRequiredResponse>('/api/cards', addCardBody(await env.tokenize(CARDS.otp)), {
      idempotencyKey: key(),
    });
    assert.equal(started.status, 202);
    ownerVerification = started.body.verification.id;
    ownerState = await snapshot();
  });
  after(async () => env.close());

  const attempts: [string, (s: Session) => Promise<{ status: number; error?: { code: string } }>][] = [
    ['DELETE /cards/{id}', (s) => s.del(`/api/cards/${SEED_IDS.amex}`)],
    ['POST /cards/{id}/default', (s) => s.post(`/api/cards/${SEED_IDS.mastercard}/default`, {}, { idempotencyKey: key() })],
    ['GET /invoices/{id}', (s) => s.get(`/api/invoices/${SEED_IDS.invoiceOpen}`)],
    ['POST /payments with their invoice', (s) => s.post('/api/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa }, { idempotencyKey: key() })],
    [
      'POST /payments with their card',
      (s) => s.post('/api/payments', { amount: { amount: 100, currency: 'USD' }, cardId: SEED_IDS.visa }, { idempotencyKey: key() }),
    ],
    [
      'POST /payments with their billing address',
      async (s) =>
        s.post(
          '/api/payments',
          {
            amount: { amount: 100, currency: 'USD' },
            token: await env.tokenize(CARDS.visa),
            nameOnCard: 'Sam',
            billing: { savedAddressId: SEED_IDS.billingAddress },
            saveCard: true,
          },
          { idempotencyKey: key() },
        ),
    ],
    [
      'POST /cards with their billing address',
      async (s) => s.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa), { billing: { savedAddressId: SEED_IDS.billingAddress } }), { idempotencyKey: key() }),
    ],
    ['POST /verifications/{id}/confirm', async (s) => s.post(`/api/verifications/${ownerVerification}/confirm`, { code: await env.latestCode() }, { idempotencyKey: key() })],
    ['POST /verifications/{id}/resend', (s) => s.post(`/api/verifications/${ownerVerification}/resend`, {})],
    ['POST /verifications/{id}/cancel', (s) => s.post(`/api/verifications/${ownerVerification}/cancel`, {})],
  ];

  for (const [route, attempt] of attempts) {
    it(`${route}: 404, and the owner’s data is unchanged`, async () => {
      const res = await attempt(sub);
      assert.equal(res.status, 404);
      assert.equal(res.error?.code, 'not_found');
      assert.equal(await snapshot(), ownerState);
    });
  }

  it('lists none of the owner’s cards, invoices or addresses to the sub-account', async () => {
    const [cards, invoices, addresses] = await Promise.all([sub.get<CardListResponse>('/api/cards'), sub.get<{ invoices: Invoice[] }>('/api/invoices'), sub.get('/api/addresses')]);
    assert.deepEqual(cards.body.cards, []);
    assert.deepEqual(invoices.body.invoices.map((i) => i.id), [SEED_IDS.subInvoice]);
    assert.deepEqual(JSON.stringify(addresses.body).includes(SEED_IDS.billingAddress), false);
  });

  it('works the other way round: the owner cannot touch the sub-account’s invoice or address', async () => {
    assert.equal((await owner.get(`/api/invoices/${SEED_IDS.subInvoice}`)).status, 404);
    const pay = await owner.post('/api/payments', { invoiceId: SEED_IDS.subInvoice, cardId: SEED_IDS.visa }, { idempotencyKey: key() });
    assert.equal(pay.status, 404);
    const add = await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa), { billing: { savedAddressId: SEED_IDS.subBillingAddress } }), {
      idempotencyKey: key(),
    });
    assert.equal(add.status, 404);
    const subInvoice = await sub.get<{ invoice: Invoice }>(`/api/invoices/${SEED_IDS.subInvoice}`);
    assert.equal(subInvoice.body.invoice.status, 'open');
  });

  it('does not share idempotency keys: the owner’s key replays nothing for the sub-account', async () => {
    const idempotencyKey = key();
    const body = { amount: { amount: 300, currency: 'USD' }, cardId: SEED_IDS.visa };
    assert.equal((await owner.post('/api/payments', body, { idempotencyKey })).status, 201);
    const theirs = await sub.post('/api/payments', body, { idempotencyKey });
    assert.equal(theirs.status, 404, 'the sub-account is refused the card, not handed the owner’s stored answer');
    ownerState = await snapshot();
  });

  it('leaves the owner’s verification usable after all those attempts', async () => {
    const res = await owner.post(`/api/verifications/${ownerVerification}/confirm`, { code: await env.latestCode() }, { idempotencyKey: key() });
    assert.equal(res.status, 200);
    assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 4);
  });

  it('keeps an address the sub-account typed in to the sub-account', async () => {
    const added = await sub.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa), { billing: { address: ADDRESS } }), { idempotencyKey: key() });
    assert.equal(added.status, 201);
    assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 4);
  });
});
