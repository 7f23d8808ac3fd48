import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { containsCardNumber } from '../../src/core/pan-scan.js';
import { createSandboxGateway } from '../../demo/gateway/index.js';
import { memoryLogger } from '../../demo/lib/logger.js';
import { CARDS, startTestEnv } from './harness.js';
import type { TestEnv } from './harness.js';

describe('sandbox gateway', () => {
  let env: TestEnv;
  before(async () => {
    env = await startTestEnv();
  });
  after(async () => {
    await env.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(env.gatewayUrl + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: env.serverUrl, ...headers },
      body: JSON.stringify(body),
    });
  const nextYear = (): number => env.clock.now().getUTCFullYear() + 1;

  describe('POST /v1/tokens', () => {
    it('answers an opaque token and masked facts, never the number', async () => {
      const response = await post('/v1/tokens', { number: CARDS.visa, expMonth: 12, expYear: nextYear(), cvc: '123', name: 'Ada' });
      assert.equal(response.status, 200);
      const text = await response.text();
      const body = JSON.parse(text) as { token: string; card: Record<string, unknown> };
      assert.match(body.token, /^tok_[a-z2-9]{24}$/);
      assert.deepEqual(body.card, { brand: 'visa', last4: '4242', expMonth: 12, expYear: nextYear(), funding: 'credit' });
      assert.equal(containsCardNumber(text), false);
    });

    it('uses card-validator for the brand and asks for the brand’s code length', async () => {
      const amex = await post('/v1/tokens', { number: CARDS.amex, expMonth: 1, expYear: nextYear(), cvc: '1234' });
      assert.equal(amex.status, 200);
      assert.equal(((await amex.json()) as { card: { brand: string } }).card.brand, 'american-express');
      const debit = await post('/v1/tokens', { number: CARDS.visaDebit, expMonth: 1, expYear: nextYear(), cvc: '123' });
      assert.equal(((await debit.json()) as { card: { funding: string } }).card.funding, 'debit');
    });

    const invalid: [string, Record<string, unknown>, string, string][] = [
      ['a number failing Luhn', { number: '4242424242424241' }, 'incorrect_number', 'number'],
      ['a number with spaces', { number: '4242 4242 4242 4242' }, 'incorrect_number', 'number'],
      ['a number of no known brand', { number: '9999999999999995' }, 'incorrect_number', 'number'],
      ['a month of 13', { expMonth: 13 }, 'invalid_expiry_month', 'expiry'],
      ['a past year', { expYear: 2020 }, 'invalid_expiry_year', 'expiry'],
      ['a two-digit year', { expYear: 30 }, 'invalid_expiry_year', 'expiry'],
      ['a year too far ahead', { expYear: 2100 }, 'invalid_expiry_year', 'expiry'],
      ['a 4-digit code for Visa', { cvc: '1234' }, 'invalid_cvc', 'code'],
      ['a 3-digit code for Amex', { number: CARDS.amex, cvc: '123' }, 'invalid_cvc', 'code'],
      ['a code with a letter', { cvc: '12a' }, 'invalid_cvc', 'code'],
    ];
    for (const [name, change, code, field] of invalid) {
      it(`refuses ${name} with 400 ${code} (field ${field})`, async () => {
        const response = await post('/v1/tokens', { number: CARDS.visa, expMonth: 12, expYear: nextYear(), cvc: '123', ...change });
        assert.equal(response.status, 400);
        const text = await response.text();
        const { error } = JSON.parse(text) as { error: { code: string; field: string } };
        assert.equal(error.code, code);
        assert.equal(error.field, field);
        assert.equal(containsCardNumber(text), false, 'the error does not echo the number');
      });
    }

    it('refuses a past month of the current year (the card expired at the end of last month)', async () => {
      const now = env.clock.now();
      if (now.getUTCMonth() === 0) return; // January: no past month this year
      const response = await post('/v1/tokens', { number: CARDS.visa, expMonth: now.getUTCMonth(), expYear: now.getUTCFullYear(), cvc: '123' });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_expiry_month');
    });
  });

  describe('CORS', () => {
    const preflight = (path: string, origin: string, method: string): Promise<Response> =>
      fetch(env.gatewayUrl + path, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
      });

    it('allows the demo origin to tokenize, preflight included', async () => {
      const response = await preflight('/v1/tokens', env.serverUrl, 'POST');
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), env.serverUrl);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
      const token = await post('/v1/tokens', { number: CARDS.visa, expMonth: 12, expYear: nextYear(), cvc: '123' });
      assert.equal(token.headers.get('access-control-allow-origin'), env.serverUrl);
    });

    it('refuses another origin, preflight and request alike, with no CORS headers', async () => {
      const evil = 'https://evil.example';
      const response = await preflight('/v1/tokens', evil, 'POST');
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      const token = await post('/v1/tokens', { number: CARDS.visa, expMonth: 12, expYear: nextYear(), cvc: '123' }, { Origin: evil });
      assert.equal(token.status, 403);
      assert.equal(token.headers.get('access-control-allow-origin'), null);
    });

    it('lets the demo origin read the demo phone, and no other origin', async () => {
      const ok = await fetch(`${env.gatewayUrl}/demo/messages`, { headers: { Origin: env.serverUrl } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), env.serverUrl);
      const refused = await fetch(`${env.gatewayUrl}/demo/messages`, { headers: { Origin: 'http://localhost:9999' } });
      assert.equal(refused.status, 403);
    });

    it('offers no CORS on the secret-key API', async () => {
      const response = await preflight('/v1/charges', env.serverUrl, 'POST');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('secret-key API', () => {
    it('requires the secret key, and refuses it from a browser page', async () => {
      const token = await env.tokenize(CARDS.visa);
      const none = await fetch(`${env.gatewayUrl}/v1/tokens/${token}`);
      assert.equal(none.status, 401);
      const wrong = await fetch(`${env.gatewayUrl}/v1/tokens/${token}`, { headers: { Authorization: 'Bearer sk_wrong' } });
      assert.equal(wrong.status, 401);
      const fromPage = await fetch(`${env.gatewayUrl}/v1/tokens/${token}`, {
        headers: { Authorization: `Bearer ${env.secretKey}`, Origin: env.serverUrl },
      });
      assert.equal(fromPage.status, 403);
      const ok = await env.gatewayApi<{ token: { used: boolean; card: { last4: string } } }>('GET', `/v1/tokens/${token}`);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.token.used, false);
      assert.equal(ok.body.token.card.last4, '4242');
    });

    it('uses a token once', async () => {
      const token = await env.tokenize(CARDS.visa);
      const first = await env.gatewayApi('POST', '/v1/payment_methods', { token });
      assert.equal(first.status, 200);
      const second = await env.gatewayApi('POST', '/v1/payment_methods', { token });
      assert.equal(second.status, 409);
      assert.equal(second.error?.code, 'token_used');
      const charge = await env.gatewayApi('POST', '/v1/charges', { token, amount: 100, currency: 'USD' });
      assert.equal(charge.status, 409);
    });

    const declines: [string, string][] = [
      [CARDS.declined, 'generic_decline'],
      [CARDS.insufficientFunds, 'insufficient_funds'],
      [CARDS.expiredCard, 'expired_card'],
      [CARDS.incorrectCvc, 'incorrect_cvc'],
    ];
    for (const [number, declineCode] of declines) {
      it(`declines …${number.slice(-4)} with ${declineCode} when saved and when charged`, async () => {
        const saved = await env.gatewayApi('POST', '/v1/payment_methods', { token: await env.tokenize(number) });
        assert.equal(saved.status, 402);
        assert.deepEqual([saved.error?.code, saved.error?.declineCode], ['card_declined', declineCode]);
        const charged = await env.gatewayApi('POST', '/v1/charges', { token: await env.tokenize(number), amount: 500, currency: 'USD' });
        assert.equal(charged.status, 402);
        assert.deepEqual([charged.error?.code, charged.error?.declineCode], ['card_declined', declineCode]);
      });
    }

    for (const number of [CARDS.visa, CARDS.mastercard, CARDS.amex, CARDS.discover]) {
      it(`accepts …${number.slice(-4)}`, async () => {
        const saved = await env.gatewayApi<{ status: string; paymentMethod: { id: string; last4: string } }>('POST', '/v1/payment_methods', {
          token: await env.tokenize(number),
        });
        assert.equal(saved.status, 200);
        assert.equal(saved.body.status, 'succeeded');
        assert.equal(saved.body.paymentMethod.last4, number.slice(-4));
        const charged = await env.gatewayApi<{ status: string }>('POST', '/v1/charges', {
          paymentMethod: saved.body.paymentMethod.id,
          amount: 1234,
          currency: 'usd',
        });
        assert.equal(charged.status, 200);
        assert.equal(charged.body.status, 'succeeded');
      });
    }

    it('declines a charge on an expired payment method (the seeded Amex)', async () => {
      const charged = await env.gatewayApi('POST', '/v1/charges', { paymentMethod: 'pm_demo_amex_0005', amount: 100, currency: 'USD' });
      assert.equal(charged.status, 402);
      assert.equal(charged.error?.declineCode, 'expired_card');
    });

    it('asks for a one-time code for …3155, sent to the demo phone; a wrong code counts down', async () => {
      const started = await env.gatewayApi<{ status: string; verification: { id: string; codeLength: number; sentTo: string } }>(
        'POST',
        '/v1/payment_methods',
        { token: await env.tokenize(CARDS.otp) },
      );
      assert.equal(started.status, 200);
      assert.equal(started.body.status, 'requires_action');
      assert.equal(started.body.verification.codeLength, 6);
      assert.equal(started.body.verification.sentTo, '•••• 0142');
      const code = await env.latestCode();
      assert.match(code, /^[0-9]{6}$/);
      const wrongCode = code === '000000' ? '111111' : '000000';

      const wrong = await env.gatewayApi('POST', `/v1/verifications/${started.body.verification.id}/confirm`, { code: wrongCode });
      assert.equal(wrong.status, 422);
      assert.deepEqual([wrong.error?.reason, wrong.error?.attemptsLeft], ['wrong_code', 2]);

      const right = await env.gatewayApi<{ status: string; paymentMethod: { last4: string } }>(
        'POST',
        `/v1/verifications/${started.body.verification.id}/confirm`,
        { code },
      );
      assert.equal(right.status, 200);
      assert.equal(right.body.paymentMethod.last4, '3155');
      const again = await env.gatewayApi('POST', `/v1/verifications/${started.body.verification.id}/confirm`, { code });
      assert.equal(again.status, 409, 'a verification completes once');
    });

    it('fails the verification after three wrong codes', async () => {
      const started = await env.gatewayApi<{ verification: { id: string } }>('POST', '/v1/charges', {
        token: await env.tokenize(CARDS.otp),
        amount: 100,
        currency: 'USD',
      });
      const path = `/v1/verifications/${started.body.verification.id}/confirm`;
      const code = await env.latestCode();
      const wrongCode = code === '000000' ? '111111' : '000000';
      await env.gatewayApi('POST', path, { code: wrongCode });
      await env.gatewayApi('POST', path, { code: wrongCode });
      const third = await env.gatewayApi('POST', path, { code: wrongCode });
      assert.deepEqual([third.status, third.error?.reason, third.error?.attemptsLeft], [422, 'attempts_exhausted', 0]);
      const late = await env.gatewayApi('POST', path, { code });
      assert.equal(late.status, 409);
    });

    it('resends a new code (the old one stops working), cancels, and expires codes after ten minutes', async () => {
      const started = await env.gatewayApi<{ verification: { id: string } }>('POST', '/v1/charges', {
        token: await env.tokenize(CARDS.otp),
        amount: 100,
        currency: 'USD',
      });
      const id = started.body.verification.id;
      const first = await env.latestCode();
      const resent = await env.gatewayApi<{ verification: { status: string } }>('POST', `/v1/verifications/${id}/resend`, {});
      assert.equal(resent.status, 200);
      const second = await env.latestCode();
      if (first !== second) {
        const old = await env.gatewayApi('POST', `/v1/verifications/${id}/confirm`, { code: first });
        assert.equal(old.status, 422);
      }
      const cancelled = await env.gatewayApi<{ verification: { status: string } }>('POST', `/v1/verifications/${id}/cancel`, {});
      assert.equal(cancelled.body.verification.status, 'cancelled');
      assert.equal((await env.gatewayApi('POST', `/v1/verifications/${id}/confirm`, { code: second })).status, 409);

      const other = await env.gatewayApi<{ verification: { id: string } }>('POST', '/v1/payment_methods', { token: await env.tokenize(CARDS.otp) });
      const code = await env.latestCode();
      env.clock.advance(11 * 60_000);
      const expired = await env.gatewayApi('POST', `/v1/verifications/${other.body.verification.id}/confirm`, { code });
      assert.equal(expired.status, 410);
      assert.equal(expired.error?.reason, 'expired');
    });
  });

  it('logs requests with the body redacted', () => {
    const tokenLines = env.gatewayLog.unredacted.filter((line) => line.includes('path=/v1/tokens') && line.includes('method=POST'));
    assert.ok(tokenLines.length > 0);
    for (const line of tokenLines) {
      assert.match(line, /body=\[redacted\]/);
      assert.equal(containsCardNumber(line), false);
    }
  });
});

describe('sandbox gateway with a publishable key', () => {
  it('requires the key on POST /v1/tokens', async () => {
    const gateway = createSandboxGateway({
      allowedOrigins: ['http://portal.test'],
      secretKey: 'sk_x',
      publishableKey: 'pk_test_demo',
      logger: memoryLogger('gateway'),
    });
    const body = JSON.stringify({ number: CARDS.visa, expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' });
    const headers = { 'Content-Type': 'application/json', Origin: 'http://portal.test' };
    const without = await gateway.app.request('/v1/tokens', { method: 'POST', headers, body });
    assert.equal(without.status, 401);
    const wrong = await gateway.app.request('/v1/tokens', { method: 'POST', headers: { ...headers, Authorization: 'Bearer pk_other' }, body });
    assert.equal(wrong.status, 401);
    const right = await gateway.app.request('/v1/tokens', { method: 'POST', headers: { ...headers, Authorization: 'Bearer pk_test_demo' }, body });
    assert.equal(right.status, 200);
    await gateway.close();
  });
});
