import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CardListResponse, Invoice, PaymentResponse, VerificationRequiredResponse } from '../../src/endpoint/types.js';
import { readInvoiceListResponse, readPaymentResponse } from '../../src/endpoint/validate.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, SUB_ACCOUNT, key, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

type Wallet = { wallet: { balance: { amount: number; currency: string } } };

describe('POST /payments', () => {
  let env: TestEnv;
  let owner: Session;
  before(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
  });
  after(async () => env.close());

  const balance = async (session = owner): Promise<number> => (await session.get<Wallet>('/api/wallet')).body.wallet.balance.amount;
  const invoice = async (id: string, session = owner): Promise<Invoice> => (await session.get<{ invoice: Invoice }>(`/api/invoices/${id}`)).body.invoice;
  const newCard = (token: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    token,
    nameOnCard: 'Ada Lovelace',
    billing: { address: ADDRESS },
    saveCard: false,
    ...extra,
  });

  it('lists invoices in the contract’s shape', async () => {
    const res = await owner.get('/api/invoices');
    assert.equal(res.status, 200);
    assert.deepEqual(readInvoiceListResponse(res.body), res.body);
    const { invoices } = res.body as { invoices: Invoice[] };
    assert.deepEqual(
      invoices.map((i) => [i.id, i.status, i.amount.amount]),
      [
        [SEED_IDS.invoicePaid, 'paid', 4900],
        [SEED_IDS.invoiceOpen, 'open', 4900],
        [SEED_IDS.invoiceWorkshop, 'open', 12000],
      ],
    );
  });

  it('pays an invoice with a saved card, marks it paid, and refuses to pay it twice (409 invoice_paid)', async () => {
    const res = await owner.post<PaymentResponse>('/api/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa }, { idempotencyKey: key() });
    assert.equal(res.status, 201);
    assert.deepEqual(readPaymentResponse(res.body), res.body, 'exactly the contract’s fields');
    const { payment } = res.body;
    assert.deepEqual([payment.status, payment.invoiceId, payment.amount], ['succeeded', SEED_IDS.invoiceOpen, { amount: 4900, currency: 'USD' }]);
    assert.deepEqual(payment.card, { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 });
    assert.equal((await invoice(SEED_IDS.invoiceOpen)).status, 'paid');

    const again = await owner.post('/api/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.mastercard }, { idempotencyKey: key() });
    assert.equal(again.status, 409);
    assert.equal(again.error?.reason, 'invoice_paid');
  });

  it('refills the wallet with an amount', async () => {
    const before = await balance();
    const res = await owner.post<PaymentResponse>(
      '/api/payments',
      { amount: { amount: 2500, currency: 'USD' }, cardId: SEED_IDS.mastercard, description: 'Wallet refill' },
      { idempotencyKey: key() },
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.payment.invoiceId, undefined);
    assert.equal(await balance(), before + 2500);
  });

  it('charges an idempotent double submit once', async () => {
    const before = await balance();
    const body = { amount: { amount: 1000, currency: 'USD' }, cardId: SEED_IDS.visa };
    const idempotencyKey = key();
    const answers = await Promise.all([owner.post('/api/payments', body, { idempotencyKey }), owner.post('/api/payments', body, { idempotencyKey })]);
    assert.deepEqual(answers.map((a) => a.status), [201, 201]);
    assert.equal(answers[0].text, answers[1].text);
    assert.equal(await balance(), before + 1000);
    const reused = await owner.post('/api/payments', { ...body, amount: { amount: 2000, currency: 'USD' } }, { idempotencyKey });
    assert.equal(reused.status, 422);
    assert.equal(reused.error?.code, 'idempotency_key_reused');
  });

  it('declines with 402 and the decline code, leaving the invoice open', async () => {
    const res = await owner.post('/api/payments', { invoiceId: SEED_IDS.invoiceWorkshop, ...newCard(await env.tokenize(CARDS.insufficientFunds)) }, { idempotencyKey: key() });
    assert.equal(res.status, 402);
    assert.deepEqual([res.error?.code, res.error?.declineCode], ['card_declined', 'insufficient_funds']);
    assert.equal((await invoice(SEED_IDS.invoiceWorkshop)).status, 'open');
  });

  it('declines a saved card that has expired (the seeded Amex)', async () => {
    const res = await owner.post('/api/payments', { amount: { amount: 500, currency: 'USD' }, cardId: SEED_IDS.amex }, { idempotencyKey: key() });
    assert.equal(res.status, 402);
    assert.equal(res.error?.declineCode, 'expired_card');
  });

  it('pays with a new card and keeps it, as the default when asked', async () => {
    const before = await balance();
    const res = await owner.post<PaymentResponse>(
      '/api/payments',
      { amount: { amount: 5000, currency: 'USD' }, ...newCard(await env.tokenize(CARDS.mastercard), { saveCard: true, setDefault: true }) },
      { idempotencyKey: key() },
    );
    assert.equal(res.status, 201);
    assert.deepEqual(readPaymentResponse(res.body), res.body);
    assert.equal(res.body.savedCard?.last4, '4444');
    assert.equal(res.body.savedCard?.isDefault, true);
    const list = (await owner.get<CardListResponse>('/api/cards')).body;
    assert.equal(list.cards[0].id, res.body.savedCard?.id);
    assert.equal(await balance(), before + 5000);
  });

  it('pays with a new card without keeping it', async () => {
    const cardsBefore = (await owner.get<CardListResponse>('/api/cards')).body.cards.length;
    const res = await owner.post<PaymentResponse>('/api/payments', { amount: { amount: 700, currency: 'USD' }, ...newCard(await env.tokenize(CARDS.discover)) }, { idempotencyKey: key() });
    assert.equal(res.status, 201);
    assert.equal(res.body.savedCard, undefined);
    assert.equal(res.body.payment.card.brand, 'discover');
    assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, cardsBefore);
  });

  it('pays an invoice after a one-time code (…3155): the confirmation answers the payment', async () => {
    const sub = await env.signIn(SUB_ACCOUNT);
    const started = await sub.post<VerificationRequiredResponse>(
      '/api/payments',
      { invoiceId: SEED_IDS.subInvoice, ...newCard(await env.tokenize(CARDS.otp), { saveCard: true }) },
      { idempotencyKey: key() },
    );
    assert.equal(started.status, 202);
    assert.equal(started.body.verification.kind, 'otp');
    assert.equal((await invoice(SEED_IDS.subInvoice, sub)).status, 'open', 'nothing charged yet');

    const confirmed = await sub.post<PaymentResponse>(
      `/api/verifications/${started.body.verification.id}/confirm`,
      { code: await env.latestCode() },
      { idempotencyKey: key() },
    );
    assert.equal(confirmed.status, 200);
    assert.deepEqual(readPaymentResponse(confirmed.body), confirmed.body);
    assert.deepEqual([confirmed.body.payment.invoiceId, confirmed.body.payment.amount.amount], [SEED_IDS.subInvoice, 1500]);
    assert.equal(confirmed.body.savedCard?.last4, '3155');
    assert.equal(confirmed.body.savedCard?.isDefault, true, 'the first card of the account');
    assert.equal((await invoice(SEED_IDS.subInvoice, sub)).status, 'paid');
  });

  it('refuses a token used before (409 token_used)', async () => {
    const token = await env.tokenize(CARDS.visa);
    assert.equal((await owner.post('/api/payments', { amount: { amount: 100, currency: 'USD' }, ...newCard(token) }, { idempotencyKey: key() })).status, 201);
    const again = await owner.post('/api/payments', { amount: { amount: 100, currency: 'USD' }, ...newCard(token) }, { idempotencyKey: key() });
    assert.equal(again.status, 409);
    assert.equal(again.error?.reason, 'token_used');
  });

  it('refuses malformed payments (422 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ cardId: SEED_IDS.visa }, 'amount'],
      [{ amount: { amount: 0, currency: 'USD' }, cardId: SEED_IDS.visa }, 'amount.amount'],
      [{ amount: { amount: 12.5, currency: 'USD' }, cardId: SEED_IDS.visa }, 'amount.amount'],
      [{ amount: { amount: 100, currency: 'EUR' }, cardId: SEED_IDS.visa }, 'amount.currency'],
      [{ invoiceId: SEED_IDS.invoiceWorkshop, amount: { amount: 1, currency: 'USD' }, cardId: SEED_IDS.visa }, 'amount'],
      [{ amount: { amount: 100, currency: 'USD' } }, 'cardId'],
      [{ amount: { amount: 100, currency: 'USD' }, cardId: SEED_IDS.visa, token: 'tok_x' }, 'token'],
    ];
    for (const [body, field] of cases) {
      const res = await owner.post('/api/payments', body, { idempotencyKey: key() });
      assert.deepEqual([res.status, res.error?.field], [422, field], JSON.stringify(body));
    }
    assert.equal((await owner.post('/api/payments', { cardId: SEED_IDS.visa, amount: { amount: 100, currency: 'USD' } })).error?.field, 'Idempotency-Key');
  });
});
