import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { CardAddedResponse, CardListResponse, VerificationRequiredResponse } from '../../src/endpoint/types.js';
import { readCardAddedResponse, readCardListResponse, readVerificationRequiredResponse } from '../../src/endpoint/validate.js';
import { CARDS, OWNER, SEED_IDS, SUB_ACCOUNT, addCardBody, key, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

/** Asserts an answer carries exactly the contract's fields (the readers drop anything else). */
function conformsExactly<T>(read: (value: unknown) => T, body: unknown): T {
  assert.deepEqual(read(body), body, 'the answer holds the contract’s fields and nothing else');
  return body as T;
}

describe('cards', () => {
  let env: TestEnv;
  let owner: Session;

  // every test starts from the seeded data
  beforeEach(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
  });
  // close() also checks that the test left no card number in the databases or the logs
  afterEach(async () => env.close());

  describe('GET /cards', () => {
    it('lists the seeded cards, default first, with the server’s facts', async () => {
      const res = await owner.get<CardListResponse>('/api/cards');
      assert.equal(res.status, 200);
      const list = conformsExactly(readCardListResponse, res.body);
      assert.deepEqual(
        list.cards.map((c) => [c.id, c.brand, c.last4, c.isDefault, c.expired, c.removable, c.removalBlockedReason]),
        [
          [SEED_IDS.visa, 'visa', '4242', true, false, false, 'default'],
          [SEED_IDS.mastercard, 'mastercard', '4444', false, false, false, 'pending-payment'],
          [SEED_IDS.amex, 'american-express', '0005', false, true, true, undefined],
        ],
      );
      assert.deepEqual(list.policy, { cardRequired: true, cardRequiredReason: 'active-subscription', maxCards: 5 });
    });

    it('shows a sub-account only its own cards, and no card requirement', async () => {
      const sub = await env.signIn(SUB_ACCOUNT);
      const res = await sub.get<CardListResponse>('/api/cards');
      assert.deepEqual(res.body, { cards: [], policy: { cardRequired: false, maxCards: 5 } });
    });
  });

  describe('removal rules', () => {
    it('refuses to remove the default card (409 default)', async () => {
      const res = await owner.del(`/api/cards/${SEED_IDS.visa}`);
      assert.equal(res.status, 409);
      assert.deepEqual([res.error?.code, res.error?.reason], ['conflict', 'default']);
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 3);
    });

    it('refuses to remove a card with a payment still settling (409 pending-payment)', async () => {
      const res = await owner.del(`/api/cards/${SEED_IDS.mastercard}`);
      assert.equal(res.status, 409);
      assert.equal(res.error?.reason, 'pending-payment');
    });

    it('removes a removable card and answers the new list', async () => {
      const res = await owner.del<CardListResponse>(`/api/cards/${SEED_IDS.amex}`);
      assert.equal(res.status, 200);
      conformsExactly(readCardListResponse, res.body);
      assert.deepEqual(res.body.cards.map((c) => c.id), [SEED_IDS.visa, SEED_IDS.mastercard]);
      assert.equal((await owner.del(`/api/cards/${SEED_IDS.amex}`)).status, 404, 'gone');
    });

    it('refuses to remove the only card while a subscription is active (409 only-card-required)', async () => {
      assert.equal((await owner.del(`/api/cards/${SEED_IDS.amex}`)).status, 200);
      assert.equal((await owner.post(`/api/cards/${SEED_IDS.mastercard}/default`, {})).status, 200);
      assert.equal((await owner.del(`/api/cards/${SEED_IDS.visa}`)).status, 200);
      const list = await owner.get<CardListResponse>('/api/cards');
      assert.equal(list.body.cards.length, 1);
      assert.equal(list.body.cards[0].removalBlockedReason, 'only-card-required');
      const res = await owner.del(`/api/cards/${SEED_IDS.mastercard}`);
      assert.equal(res.status, 409);
      assert.equal(res.error?.reason, 'only-card-required');
    });

    it('lets an account without a subscription remove its only card', async () => {
      const sub = await env.signIn(SUB_ACCOUNT);
      const added = await sub.post<CardAddedResponse>('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey: key() });
      assert.equal(added.status, 201);
      assert.equal(added.body.card.isDefault, true, 'the first card becomes the default');
      assert.equal(added.body.card.removable, true);
      const res = await sub.del<CardListResponse>(`/api/cards/${added.body.card.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.cards, []);
    });
  });

  describe('POST /cards/{id}/default', () => {
    it('makes another card the default; the list comes back default first', async () => {
      const res = await owner.post<CardListResponse>(`/api/cards/${SEED_IDS.mastercard}/default`, {}, { idempotencyKey: key() });
      assert.equal(res.status, 200);
      conformsExactly(readCardListResponse, res.body);
      assert.deepEqual(res.body.cards.map((c) => [c.id, c.isDefault]), [
        [SEED_IDS.mastercard, true],
        [SEED_IDS.visa, false],
        [SEED_IDS.amex, false],
      ]);
      assert.equal(res.body.cards[1].removable, true, 'the old default may now go');
    });

    it('refuses to make an expired card the default (409 expired)', async () => {
      const res = await owner.post(`/api/cards/${SEED_IDS.amex}/default`, {});
      assert.equal(res.status, 409);
      assert.equal(res.error?.reason, 'expired');
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards[0].id, SEED_IDS.visa);
    });

    it('answers 404 for an unknown card', async () => {
      assert.equal((await owner.post('/api/cards/card_nope/default', {})).status, 404);
    });
  });

  describe('POST /cards', () => {
    it('resolves brand, last four and expiry from the gateway, never from the client', async () => {
      const token = await env.tokenize(CARDS.amex, { expMonth: 7, expYear: 2031 });
      const body = addCardBody(token, { brand: 'visa', last4: '1111', expMonth: 1, expYear: 2040, setDefault: true });
      const res = await owner.post<CardAddedResponse>('/api/cards', body, { idempotencyKey: key() });
      assert.equal(res.status, 201);
      conformsExactly(readCardAddedResponse, res.body);
      const { card } = res.body;
      assert.deepEqual([card.brand, card.last4, card.expMonth, card.expYear], ['american-express', '0005', 7, 2031]);
      assert.deepEqual([card.nameOnCard, card.isDefault, card.funding], ['Ada Lovelace', true, 'credit']);
      assert.equal(res.body.cards[0].id, card.id, 'the new default comes first');
      assert.equal(res.body.cards.filter((c) => c.isDefault).length, 1);
    });

    it('saves with a billing address on file, and 404s for an address that is not the account’s', async () => {
      const mine = await owner.post<CardAddedResponse>(
        '/api/cards',
        addCardBody(await env.tokenize(CARDS.visa), { billing: { savedAddressId: SEED_IDS.billingAddress } }),
        { idempotencyKey: key() },
      );
      assert.equal(mine.status, 201);
      const token = await env.tokenize(CARDS.visa);
      const theirs = await owner.post('/api/cards', addCardBody(token, { billing: { savedAddressId: SEED_IDS.subBillingAddress } }), {
        idempotencyKey: key(),
      });
      assert.equal(theirs.status, 404);
      const tokenState = await env.gatewayApi<{ token: { used: boolean } }>('GET', `/v1/tokens/${token}`);
      assert.equal(tokenState.body.token.used, false, 'the token was not spent');
    });

    const declines: [string, string][] = [
      [CARDS.declined, 'generic_decline'],
      [CARDS.insufficientFunds, 'insufficient_funds'],
      [CARDS.expiredCard, 'expired_card'],
      [CARDS.incorrectCvc, 'incorrect_cvc'],
    ];
    it('answers 402 card_declined with the decline code, and saves nothing', async () => {
      for (const [number, declineCode] of declines) {
        const res = await owner.post('/api/cards', addCardBody(await env.tokenize(number)), { idempotencyKey: key() });
        assert.equal(res.status, 402, declineCode);
        assert.deepEqual([res.error?.code, res.error?.declineCode], ['card_declined', declineCode]);
      }
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 3);
    });

    it('refuses a token that was already used (409 token_used)', async () => {
      const token = await env.tokenize(CARDS.visa);
      assert.equal((await owner.post('/api/cards', addCardBody(token), { idempotencyKey: key() })).status, 201);
      const again = await owner.post('/api/cards', addCardBody(token), { idempotencyKey: key() });
      assert.equal(again.status, 409);
      assert.equal(again.error?.reason, 'token_used');
    });

    it('refuses an unknown token (422, field token)', async () => {
      const res = await owner.post('/api/cards', addCardBody('tok_doesnotexist'), { idempotencyKey: key() });
      assert.equal(res.status, 422);
      assert.equal(res.error?.field, 'token');
    });

    it('caps the cards an account keeps (409 max_cards)', async () => {
      for (let i = 0; i < 2; i++) {
        assert.equal((await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.mastercard)), { idempotencyKey: key() })).status, 201);
      }
      const token = await env.tokenize(CARDS.visa);
      const res = await owner.post('/api/cards', addCardBody(token), { idempotencyKey: key() });
      assert.equal(res.status, 409);
      assert.equal(res.error?.reason, 'max_cards');
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 5);
    });

    it('needs an Idempotency-Key and a well-formed body (422 naming the field)', async () => {
      const token = await env.tokenize(CARDS.visa);
      const cases: [Record<string, unknown>, string | undefined, string][] = [
        [addCardBody(token), undefined, 'Idempotency-Key'],
        [addCardBody(token, { nameOnCard: '' }), key(), 'nameOnCard'],
        [addCardBody(token, { nameOnCard: 'Agent 00700' }), key(), 'nameOnCard'],
        [addCardBody(token, { billing: { address: { line1: 'x', city: 'y', country: 'Germany' } } }), key(), 'billing.address.country'],
        [addCardBody(token, { setDefault: 'yes' }), key(), 'setDefault'],
        [addCardBody(token, { funding: 'charge' }), key(), 'funding'],
        [{ nameOnCard: 'A', billing: { savedAddressId: SEED_IDS.billingAddress } }, key(), 'token'],
      ];
      for (const [body, idempotencyKey, field] of cases) {
        const res = await owner.post('/api/cards', body, { idempotencyKey });
        assert.equal(res.status, 422, field);
        assert.deepEqual([res.error?.code, res.error?.field], ['validation_failed', field]);
      }
      const broken = await owner.request('POST', '/api/cards', { body: '{"token":', idempotencyKey: key() });
      assert.deepEqual([broken.status, broken.error?.field], [422, 'body']);
    });
  });

  describe('verification (4000 0025 0000 3155)', () => {
    const start = async (): Promise<VerificationRequiredResponse> => {
      const res = await owner.post<VerificationRequiredResponse>('/api/cards', addCardBody(await env.tokenize(CARDS.otp), { setDefault: true }), {
        idempotencyKey: key(),
      });
      assert.equal(res.status, 202);
      conformsExactly(readVerificationRequiredResponse, res.body);
      return res.body;
    };

    it('answers 202 with an OTP verification; the right code saves the card as the original request asked', async () => {
      const { verification } = await start();
      assert.deepEqual([verification.kind, verification.status, verification.codeLength, verification.sentTo], ['otp', 'pending', 6, '•••• 0142']);
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 3, 'nothing saved yet');
      const code = await env.latestCode();
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await owner.post(`/api/verifications/${verification.id}/confirm`, { code: wrongCode }, { idempotencyKey: key() });
      assert.equal(wrong.status, 422);
      assert.deepEqual([wrong.error?.code, wrong.error?.reason, wrong.error?.attemptsLeft], ['verification_failed', 'wrong_code', 2]);

      const right = await owner.post<CardAddedResponse>(`/api/verifications/${verification.id}/confirm`, { code }, { idempotencyKey: key() });
      assert.equal(right.status, 200);
      conformsExactly(readCardAddedResponse, right.body);
      assert.deepEqual([right.body.card.last4, right.body.card.isDefault, right.body.card.nameOnCard], ['3155', true, 'Ada Lovelace']);
      assert.equal(right.body.cards.length, 4);
      assert.equal((await owner.post(`/api/verifications/${verification.id}/confirm`, { code }, { idempotencyKey: key() })).status, 409);
    });

    it('resends a code and cancels', async () => {
      const { verification } = await start();
      const resent = await owner.post<VerificationRequiredResponse>(`/api/verifications/${verification.id}/resend`, {});
      assert.equal(resent.status, 200);
      assert.equal(resent.body.verification.status, 'pending');
      const cancelled = await owner.post<VerificationRequiredResponse>(`/api/verifications/${verification.id}/cancel`, {});
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.verification.status, 'cancelled');
      const late = await owner.post(`/api/verifications/${verification.id}/confirm`, { code: await env.latestCode() }, { idempotencyKey: key() });
      assert.equal(late.status, 409);
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 3);
    });

    it('answers 410 once the code has expired', async () => {
      const { verification } = await start();
      const code = await env.latestCode();
      env.clock.advance(11 * 60_000);
      const res = await owner.post(`/api/verifications/${verification.id}/confirm`, { code }, { idempotencyKey: key() });
      assert.equal(res.status, 410);
      assert.deepEqual([res.error?.code, res.error?.reason], ['verification_failed', 'expired']);
    });
  });

  describe('idempotency', () => {
    it('replays the stored answer for the same key and body, adding one card', async () => {
      const body = addCardBody(await env.tokenize(CARDS.visa));
      const idempotencyKey = key();
      const first = await owner.post<CardAddedResponse>('/api/cards', body, { idempotencyKey });
      const second = await owner.post<CardAddedResponse>('/api/cards', body, { idempotencyKey });
      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.equal(second.text, first.text);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.equal(first.headers.get('idempotent-replayed'), null);
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 4);
    });

    it('adds one card for a double submit sent at the same time', async () => {
      const body = addCardBody(await env.tokenize(CARDS.visa));
      const idempotencyKey = key();
      const answers = await Promise.all([0, 1, 2].map(() => owner.post('/api/cards', body, { idempotencyKey })));
      assert.deepEqual(answers.map((a) => a.status), [201, 201, 201]);
      assert.equal(new Set(answers.map((a) => a.text)).size, 1);
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 4);
    });

    it('refuses the same key with another body (422 idempotency_key_reused)', async () => {
      const idempotencyKey = key();
      assert.equal((await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey })).status, 201);
      const res = await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey });
      assert.equal(res.status, 422);
      assert.equal(res.error?.code, 'idempotency_key_reused');
      assert.equal((await owner.get<CardListResponse>('/api/cards')).body.cards.length, 4);
    });

    it('scopes keys per account', async () => {
      const sub = await env.signIn(SUB_ACCOUNT);
      const idempotencyKey = key();
      assert.equal((await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey })).status, 201);
      const theirs = await sub.post<CardAddedResponse>('/api/cards', addCardBody(await env.tokenize(CARDS.mastercard)), { idempotencyKey });
      assert.equal(theirs.status, 201);
      assert.equal(theirs.headers.get('idempotent-replayed'), null);
      assert.equal(theirs.body.card.last4, '4444');
    });

    it('replays a decline too, without asking the gateway again', async () => {
      const body = addCardBody(await env.tokenize(CARDS.declined));
      const idempotencyKey = key();
      const first = await owner.post('/api/cards', body, { idempotencyKey });
      const second = await owner.post('/api/cards', body, { idempotencyKey });
      assert.deepEqual([first.status, second.status], [402, 402]);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
    });
  });
});

describe('card-testing limits', () => {
  let env: TestEnv;
  afterEach(async () => env.close());

  it('limits attempts with new cards per account (429 with Retry-After), then lets them through after the window', async () => {
    env = await startTestEnv({ limits: { cardAttemptsPerAccount: { max: 3, windowMs: 60_000 } } });
    const owner = await env.signIn(OWNER);
    for (let i = 0; i < 3; i++) {
      assert.equal((await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.declined)), { idempotencyKey: key() })).status, 402);
    }
    const token = await env.tokenize(CARDS.visa);
    const limited = await owner.post('/api/cards', addCardBody(token), { idempotencyKey: key() });
    assert.equal(limited.status, 429);
    assert.equal(limited.error?.code, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const paying = await owner.post('/api/payments', { amount: { amount: 500, currency: 'USD' }, token, nameOnCard: 'A', billing: { address: { line1: 'x', city: 'y', country: 'US' } }, saveCard: false }, { idempotencyKey: key() });
    assert.equal(paying.status, 429, 'paying with a new card counts too');

    const sub = await env.signIn(SUB_ACCOUNT);
    assert.equal((await sub.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey: key() })).status, 201, 'another account is not limited');

    env.clock.advance(61_000);
    assert.equal((await owner.post('/api/cards', addCardBody(token), { idempotencyKey: key() })).status, 201);
  });

  it('limits attempts per IP across accounts', async () => {
    env = await startTestEnv({ limits: { cardAttemptsPerIp: { max: 2, windowMs: 60_000 } } });
    const owner = await env.signIn(OWNER);
    const sub = await env.signIn(SUB_ACCOUNT);
    assert.equal((await owner.post('/api/cards', addCardBody(await env.tokenize(CARDS.declined)), { idempotencyKey: key() })).status, 402);
    assert.equal((await sub.post('/api/cards', addCardBody(await env.tokenize(CARDS.declined)), { idempotencyKey: key() })).status, 402);
    const limited = await sub.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey: key() });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });
});
