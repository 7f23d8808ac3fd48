import { expect } from '@open-wc/testing';
import { EndpointError } from '../../src/endpoint/errors.js';
import { isVerificationRequired } from '../../src/endpoint/validate.js';
import { MockHost, mockCard } from '../../src/testing/index.js';

const card = { expMonth: 12, expYear: new Date().getFullYear() + 2, code: '123', name: 'Ada Lovelace' };

async function rejection(p: Promise<unknown>): Promise<EndpointError> {
  try {
    await p;
  } catch (e) {
    return e as EndpointError;
  }
  throw new Error('expected a rejection');
}

describe('MockHost (the in-browser host endpoint for tests and stories)', () => {
  it('saves a tokenized card, and only the tokenizer saw the number', async () => {
    const host = new MockHost({ cards: [mockCard({ id: 'c1' })] });
    const token = await host.tokenizer().tokenize({ ...card, number: '5555 5555 5555 4444' });
    const res = await host.client().addCard(
      { token: token.token, nameOnCard: 'Ada Lovelace', billing: { savedAddressId: 'a1' }, setDefault: true },
      { idempotencyKey: 'k1' },
    );
    expect(isVerificationRequired(res)).to.be.false;
    expect(host.listResponse().cards[0]).to.include({ brand: 'mastercard', last4: '4444', isDefault: true });
    const seen = host.requests.filter((r) => r.body.includes('5555555555554444')).map((r) => r.target);
    expect(seen).to.deep.equal(['tokenizer']);
  });

  it('replays a keyed POST instead of saving twice, and refuses the key with another body', async () => {
    const host = new MockHost();
    const { token } = await host.tokenizer().tokenize({ ...card, number: '4242424242424242' });
    const body = { token, nameOnCard: 'A', billing: { savedAddressId: 'a1' }, setDefault: false };
    await host.client().addCard(body, { idempotencyKey: 'same' });
    await host.client().addCard(body, { idempotencyKey: 'same' });
    expect(host.cards).to.have.length(1);
    const err = await rejection(host.client().addCard({ ...body, nameOnCard: 'B' }, { idempotencyKey: 'same' }));
    expect(err.code).to.equal('idempotency_key_reused');
  });

  it('refuses a card when the account is full before spending the token, as the reference server does', async () => {
    const host = new MockHost({ cards: [mockCard({ id: 'c1' }), mockCard({ id: 'c2', last4: '4444' })], policy: { maxCards: 2 } });
    const { token } = await host.tokenizer().tokenize({ ...card, number: '4242424242424242' });
    const body = { token, nameOnCard: 'Ada Lovelace', billing: { savedAddressId: 'a1' }, setDefault: false };
    const full = await rejection(host.client().addCard(body, { idempotencyKey: 'k1' }));
    expect(full.status).to.equal(409);
    expect(full.reason).to.equal('max_cards');
    const paying = await rejection(host.client().pay({ ...body, saveCard: true, amount: { amount: 500, currency: 'EUR' } }, { idempotencyKey: 'k2' }));
    expect(paying.reason).to.equal('max_cards');
    // the customer removes a card and retries with the same token: it was never spent
    await host.client().removeCard('c2');
    await host.client().addCard(body, { idempotencyKey: 'k3' });
    expect(host.cards.map((c) => c.last4)).to.include('4242');
  });

  it('keeps the removal rules: default, only card while required, pending payment', async () => {
    const host = new MockHost({
      cards: [mockCard({ id: 'a' }), mockCard({ id: 'b', last4: '1111' })],
      pendingPaymentCardIds: ['b'],
    });
    expect((await rejection(host.client().removeCard('a'))).reason).to.equal('default');
    expect((await rejection(host.client().removeCard('b'))).reason).to.equal('pending-payment');
    const only = new MockHost({ cards: [mockCard({ id: 'a' })], defaultCardId: null, policy: { cardRequired: true } });
    expect((await rejection(only.client().removeCard('a'))).reason).to.equal('only-card-required');
  });

  it('declines the sandbox decline numbers when the token is used', async () => {
    const host = new MockHost();
    const { token } = await host.tokenizer().tokenize({ ...card, number: '4000000000009995' });
    const err = await rejection(host.client().addCard({ token, nameOnCard: 'A', billing: { savedAddressId: 'x' }, setDefault: false }, { idempotencyKey: 'k' }));
    expect(err.status).to.equal(402);
    expect(err.declineCode).to.equal('insufficient_funds');
  });

  it('asks for a one-time code and completes the payment with it', async () => {
    const host = new MockHost({ otpCode: '424242' });
    const { token } = await host.tokenizer().tokenize({ ...card, number: '4000002500003155' });
    const res = await host.client().pay(
      { amount: { amount: 5000, currency: 'USD' }, token, nameOnCard: 'A', billing: { savedAddressId: 'x' }, saveCard: false },
      { idempotencyKey: 'p1' },
    );
    if (!isVerificationRequired(res)) throw new Error('expected a verification');
    expect(host.lastOtp).to.equal('424242');
    const wrong = await rejection(host.client().confirmVerification(res.verification.id, '000000', { idempotencyKey: 'v1' }));
    expect(wrong.code).to.equal('verification_failed');
    await host.client().confirmVerification(res.verification.id, '424242', { idempotencyKey: 'v2' });
    expect(host.payments).to.have.length(1);
  });

  it('injects faults and holds requests for out-of-order answers', async () => {
    const host = new MockHost({ cards: [mockCard({ id: 'a' }), mockCard({ id: 'b', last4: '1111' })] });
    host.fail({ path: '/cards', method: 'GET' }, { status: 503 }, 1);
    await host.client().listCards(); // retried past the 503
    expect(host.hostRequests().filter((r) => r.method === 'GET')).to.have.length(2);

    const held = host.hold({ path: /\/default$/ });
    const pending = host.client().setDefaultCard('b');
    await held.arrived;
    expect(host.defaultCardId).to.equal('a'); // no effect until released
    held.release();
    await pending;
    expect(host.defaultCardId).to.equal('b');
  });
});
