import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHostServer } from '../../demo/server/index.js';
import { memoryLogger } from '../../demo/lib/logger.js';
import { CARDS, OWNER, SEED_IDS, addCardBody, key, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

function expectSecurityHeaders(headers: Headers, gatewayOrigin: string, where: string): void {
  assert.equal(
    headers.get('content-security-policy'),
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${gatewayOrigin}; ` +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    where,
  );
  assert.equal(headers.get('x-content-type-options'), 'nosniff', where);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', where);
  assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin', where);
  assert.match(headers.get('permissions-policy') ?? '', /camera=\(\).*payment=\(\)/, where);
  assert.equal(headers.get('x-frame-options'), 'DENY', where);
  assert.equal(headers.get('x-powered-by'), null, where);
}

describe('security', () => {
  let env: TestEnv;
  let owner: Session;
  before(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
  });
  after(async () => env.close());

  it('sends the security headers on every response: pages, API answers, errors, assets, redirects', async () => {
    const anonymous = env.anonymous();
    const responses: [string, Promise<{ headers: Headers; status: number }>][] = [
      ['sign-in page', anonymous.request('GET', '/signin')],
      ['redirect to sign-in', anonymous.request('GET', '/cards')],
      ['cards page', owner.request('GET', '/cards')],
      ['billing page', owner.request('GET', '/billing/payment-methods')],
      ['invoices page', owner.request('GET', `/invoices?pay=${SEED_IDS.invoiceOpen}`)],
      ['404 page', owner.request('GET', '/nope')],
      ['stylesheet', owner.request('GET', '/assets/portal.css')],
      ['page script', owner.request('GET', '/assets/portal.js')],
      ['bundle (missing: 503)', owner.request('GET', '/saved-cards.js')],
      ['GET /api/cards', owner.get('/api/cards')],
      ['401', anonymous.get('/api/cards')],
      ['403', owner.post('/api/cards', {}, { csrf: false })],
      ['404', owner.get('/api/invoices/inv_nope')],
      ['409', owner.del(`/api/cards/${SEED_IDS.visa}`)],
      ['422', owner.post('/api/cards', { token: CARDS.visa }, { idempotencyKey: key() })],
      ['API 404 route', owner.get('/api/nope')],
    ];
    for (const [where, pending] of responses) {
      const { headers } = await pending;
      expectSecurityHeaders(headers, env.gatewayUrl, where);
      assert.equal(headers.get('strict-transport-security'), null, `${where}: no HSTS over http`);
    }
    const api = await owner.get('/api/cards');
    assert.equal(api.headers.get('cache-control'), 'no-store');
  });

  it('adds HSTS and a Secure __Host- cookie when the public origin is https', async (t) => {
    const host = createHostServer({
      dbUrl: ':memory:',
      gatewayUrl: 'http://127.0.0.1:1',
      gatewayPublicUrl: 'https://pay.example',
      gatewaySecretKey: 'sk',
      publicOrigin: 'https://portal.example',
      logger: memoryLogger('server'),
    });
    t.after(() => host.close());
    const page = await host.app.request('https://portal.example/signin');
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.match(page.headers.get('content-security-policy') ?? '', /connect-src 'self' https:\/\/pay\.example;/);
    const signIn = await host.app.request('https://portal.example/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
    });
    assert.equal(signIn.status, 200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-session=/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
  });

  describe('session', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie on Path=/ (not Secure over http) and answers the CSRF token', async () => {
      const response = await fetch(`${env.serverUrl}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
      });
      const cookie = response.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Strict/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /Secure/);
      const body = (await response.json()) as { account: { email: string }; csrfToken: string };
      assert.equal(body.account.email, OWNER.email);
      assert.match(body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
    });

    it('refuses a wrong password or an unknown e-mail with the same 401', async () => {
      for (const credentials of [{ email: OWNER.email, password: 'wrong' }, { email: 'nobody@demo.test', password: 'demo' }]) {
        const res = await env.anonymous().post('/api/session', credentials);
        assert.equal(res.status, 401);
        assert.equal(res.error?.code, 'unauthenticated');
      }
    });

    it('answers 401 without a session, and sends pages to the sign-in page', async () => {
      const anonymous = env.anonymous();
      for (const path of ['/api/cards', '/api/addresses', '/api/invoices', '/api/session']) {
        assert.equal((await anonymous.get(path)).status, 401, path);
      }
      for (const path of ['/cards', '/billing/payment-methods', '/invoices', '/profile']) {
        const res = await anonymous.request('GET', path);
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), '/signin');
      }
    });

    it('ends the session on sign-out', async () => {
      const session = await env.signIn(OWNER);
      assert.equal((await session.del('/api/session')).status, 200);
      assert.equal((await session.get('/api/cards')).status, 401);
    });

    it('limits failed sign-ins per IP', async () => {
      const limited = await startTestEnv({ limits: { failedSignInsPerIp: { max: 2, windowMs: 60_000 } } });
      try {
        const anonymous = limited.anonymous();
        for (let i = 0; i < 2; i++) assert.equal((await anonymous.post('/api/session', { email: OWNER.email, password: 'x' })).status, 401);
        const res = await anonymous.post('/api/session', { email: OWNER.email, password: OWNER.password });
        assert.equal(res.status, 429);
        assert.ok(Number(res.headers.get('retry-after')) > 0);
      } finally {
        await limited.close();
      }
    });
  });

  describe('CSRF', () => {
    const mutations = (): [string, string, unknown][] => [
      ['POST', '/api/cards', addCardBody('tok_x')],
      ['POST', `/api/cards/${SEED_IDS.mastercard}/default`, {}],
      ['DELETE', `/api/cards/${SEED_IDS.amex}`, undefined],
      ['POST', '/api/payments', { amount: { amount: 100, currency: 'USD' }, cardId: SEED_IDS.visa }],
      ['POST', '/api/verifications/vrf_x/confirm', { code: '123456' }],
      ['POST', '/api/verifications/vrf_x/resend', {}],
      ['POST', '/api/verifications/vrf_x/cancel', {}],
      ['DELETE', '/api/session', undefined],
    ];

    it('refuses every mutation without the token, with a wrong one, or from a cross-site page (403)', async () => {
      const before = JSON.stringify((await owner.get('/api/cards')).body);
      for (const [method, path, body] of mutations()) {
        const cases: [string, Record<string, string>, boolean][] = [
          ['missing token', {}, false],
          ['wrong token', { 'X-CSRF-Token': 'x'.repeat(43) }, false],
          ['cross-site', { 'Sec-Fetch-Site': 'cross-site' }, true],
          ['foreign Origin', { Origin: 'https://evil.example' }, true],
        ];
        for (const [name, headers, csrf] of cases) {
          const res = await owner.request(method, path, { body, headers, csrf, idempotencyKey: key() });
          assert.equal(res.status, 403, `${method} ${path}: ${name}`);
          assert.equal(res.error?.code, 'forbidden');
        }
      }
      assert.equal(JSON.stringify((await owner.get('/api/cards')).body), before, 'nothing changed');
      assert.equal((await owner.get('/api/cards')).status, 200, 'still signed in');
    });

    it('accepts same-origin requests with the right token', async () => {
      const res = await owner.request('POST', `/api/cards/${SEED_IDS.mastercard}/default`, {
        body: {},
        headers: { 'Sec-Fetch-Site': 'same-origin', Origin: env.serverUrl },
      });
      assert.equal(res.status, 200);
    });

    it('refuses a cross-site sign-in and sign-out form post', async () => {
      const signIn = await fetch(`${env.serverUrl}/signin`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
        body: new URLSearchParams({ email: OWNER.email, password: OWNER.password }).toString(),
      });
      assert.equal(signIn.status, 403);
      assert.equal(signIn.headers.get('set-cookie'), null);
      const session = await env.signIn(OWNER);
      const signOut = await session.request('POST', '/signout', {
        body: 'csrf_token=wrong',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(signOut.status, 403);
      assert.equal((await session.get('/api/cards')).status, 200, 'still signed in');
    });

    it('takes `Origin: null` (what no-referrer pages send for their own forms) only with Sec-Fetch-Site: same-origin', async () => {
      const post = (headers: Record<string, string>): Promise<Response> =>
        fetch(`${env.serverUrl}/signin`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null', ...headers },
          body: new URLSearchParams({ email: OWNER.email, password: OWNER.password }).toString(),
        });
      assert.equal((await post({ 'Sec-Fetch-Site': 'same-origin' })).status, 303);
      assert.equal((await post({})).status, 403);
      assert.equal((await post({ 'Sec-Fetch-Site': 'same-site' })).status, 403);
    });

    it('puts the session’s CSRF token in the page’s <meta name="csrf-token"> and the sign-out form', async () => {
      const page = await owner.request('GET', '/cards');
      assert.ok(page.text.includes(`<meta name="csrf-token" content="${owner.csrfToken}">`));
      assert.ok(page.text.includes(`name="csrf_token" value="${owner.csrfToken}"`));
    });
  });

  it('signs in and out through the pages’ forms', async () => {
    const signIn = await fetch(`${env.serverUrl}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: env.serverUrl },
      body: new URLSearchParams({ email: OWNER.email, password: OWNER.password }).toString(),
    });
    assert.equal(signIn.status, 303);
    assert.equal(signIn.headers.get('location'), '/cards');
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(`${env.serverUrl}/cards`, { headers: { Cookie: cookie } });
    const csrf = /name="csrf-token" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const signOut = await fetch(`${env.serverUrl}/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf_token: csrf }).toString(),
    });
    assert.equal(signOut.status, 303);
    assert.equal(signOut.headers.get('location'), '/signin');
    assert.equal((await fetch(`${env.serverUrl}/api/cards`, { headers: { Cookie: cookie } })).status, 401);

    const wrong = await fetch(`${env.serverUrl}/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: OWNER.email, password: 'nope' }).toString(),
    });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /The email or password is not correct/);
  });
});
