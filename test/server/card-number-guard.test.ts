import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { containsCardNumber } from '../../src/core/pan-scan.js';
import { findCardNumberField } from '../../demo/server/card-number-guard.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, key, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

/** The ways a card number may be written into a field. */
const SPELLINGS: Record<string, string | number> = {
  spaced: '4242 4242 4242 4242',
  dashed: '4000-0566-5566-5556',
  plain: CARDS.amex,
  'inside text': `please charge ${CARDS.mastercard} thanks`,
  'full-width': '４２４２４２４２４２４２４２４２',
  'as a JSON number': 4242424242424242,
};

type Body = Record<string, unknown>;

/** Every leaf of a JSON object, as [path, setter on a deep copy]. */
function leaves(body: Body, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) paths.push(...leaves(v as Body, path));
    else paths.push(path);
  }
  return paths;
}

function withValue(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Body = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Body;
  target[keys[keys.length - 1]] = value;
  return copy;
}

describe('no route accepts a card number', () => {
  let env: TestEnv;
  let owner: Session;
  let state: string;
  let verificationId: string;

  const snapshot = async (): Promise<string> =>
    JSON.stringify(await Promise.all(['/api/cards', '/api/invoices', '/api/wallet', '/api/addresses'].map(async (p) => (await owner.get(p)).body)));

  before(async () => {
    env = await startTestEnv();
    owner = await env.signIn(OWNER);
    const started = await owner.post<{ verification: { id: string } }>(
      '/api/cards',
      { token: await env.tokenize(CARDS.otp), nameOnCard: 'A', billing: { address: ADDRESS }, setDefault: false },
      { idempotencyKey: key() },
    );
    verificationId = started.body.verification.id;
    state = await snapshot();
  });
  after(async () => env.close());

  /** Each route with a valid body: every leaf of it is tried with a card number. */
  const routes = (): [string, string, Body][] => [
    ['POST', '/api/session', { email: OWNER.email, password: OWNER.password }],
    ['POST', '/api/cards', { token: 'tok_x', nameOnCard: 'Ada', billing: { address: { ...ADDRESS, line2: 'Flat 2' } }, setDefault: true, funding: 'credit' }],
    ['POST', '/api/cards', { token: 'tok_x', nameOnCard: 'Ada', billing: { savedAddressId: SEED_IDS.billingAddress }, setDefault: false }],
    ['POST', `/api/cards/${SEED_IDS.mastercard}/default`, { note: 'x' }],
    ['DELETE', `/api/cards/${SEED_IDS.amex}`, { note: 'x' }],
    ['POST', '/api/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa, description: 'x', amount: { amount: 4900, currency: 'USD' } }],
    [
      'POST',
      '/api/payments',
      { amount: { amount: 100, currency: 'USD' }, token: 'tok_x', nameOnCard: 'Ada', billing: { address: ADDRESS }, saveCard: true, setDefault: true, funding: 'debit' },
    ],
    ['POST', `/api/verifications/${verificationId}/confirm`, { code: '123456' }],
    ['POST', `/api/verifications/${verificationId}/resend`, { note: 'x' }],
    ['POST', `/api/verifications/${verificationId}/cancel`, { note: 'x' }],
    ['DELETE', '/api/session', { note: 'x' }],
  ];

  it('refuses it in every field of every route with 422, naming the field and never echoing the number', async () => {
    const spellings = Object.entries(SPELLINGS);
    let tried = 0;
    for (const [method, path, body] of routes()) {
      for (const field of leaves(body)) {
        // every field gets every spelling in turn across routes; each field meets at least one
        const [spelling, value] = spellings[tried % spellings.length];
        tried++;
        const session = path === '/api/session' && method === 'POST' ? env.anonymous() : owner;
        const res = await session.request(method, path, { body: withValue(body, field, value), idempotencyKey: key() });
        const where = `${method} ${path} ${field} (${spelling})`;
        assert.equal(res.status, 422, where);
        assert.deepEqual([res.error?.code, res.error?.field], ['validation_failed', field], where);
        assert.equal(containsCardNumber(res.text), false, `${where}: the answer does not echo it`);
      }
    }
    assert.ok(tried >= 35, `${tried} fields tried`);
    assert.equal(await snapshot(), state, 'nothing changed');
  });

  it('refuses every spelling in a name field', async () => {
    for (const [spelling, value] of Object.entries(SPELLINGS)) {
      const res = await owner.post('/api/cards', { token: 'tok_x', nameOnCard: value, billing: { address: ADDRESS }, setDefault: false }, { idempotencyKey: key() });
      assert.deepEqual([res.status, res.error?.field], [422, 'nameOnCard'], spelling);
    }
  });

  it('refuses it in a field the contract does not have, in an array, and as a key (named without the number)', async () => {
    const extra = await owner.post('/api/cards', { token: 'tok_x', notes: CARDS.visa }, { idempotencyKey: key() });
    assert.deepEqual([extra.status, extra.error?.field], [422, 'notes']);
    const array = await owner.post('/api/cards', { token: 'tok_x', tags: ['ok', CARDS.visa] }, { idempotencyKey: key() });
    assert.deepEqual([array.status, array.error?.field], [422, 'tags[1]']);
    const asKey = await owner.post('/api/cards', { meta: { [CARDS.visa]: true } }, { idempotencyKey: key() });
    assert.equal(asKey.status, 422);
    assert.equal(containsCardNumber(asKey.text), false);
    assert.equal(asKey.error?.field, 'meta.(card number)');
  });

  it('refuses it in the URL (path or query), for reads too', async () => {
    for (const [method, path] of [
      ['DELETE', `/api/cards/${CARDS.visa}`],
      ['POST', `/api/cards/4242%204242%204242%204242/default`],
      ['GET', `/api/invoices/${CARDS.visa}`],
      ['GET', `/api/cards?search=${CARDS.visa}`],
      ['POST', `/api/verifications/${CARDS.visa}/confirm`],
    ]) {
      const res = await owner.request(method, path, { body: method === 'GET' ? undefined : {} });
      assert.deepEqual([res.status, res.error?.field], [422, 'url'], `${method} ${path}`);
      assert.equal(containsCardNumber(res.text), false);
    }
    assert.equal(await snapshot(), state);
  });

  it('refuses it in the sign-in form, saying so without echoing it', async () => {
    const response = await fetch(`${env.serverUrl}/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: CARDS.visa, password: 'x' }).toString(),
    });
    assert.equal(response.status, 422);
    assert.equal(containsCardNumber(await response.text()), false);
  });

  it('refuses bodies too large to be a request of the contract (413), before reading them', async () => {
    const big = await owner.post('/api/cards', { token: 'tok_x', nameOnCard: 'x'.repeat(20_000) }, { idempotencyKey: key() });
    assert.deepEqual([big.status, big.error?.field], [413, 'body']);
    const gateway = await fetch(`${env.gatewayUrl}/v1/tokens`, { method: 'POST', body: JSON.stringify({ name: 'x'.repeat(10_000) }) });
    assert.equal(gateway.status, 413);
  });

  it('never logged one (both request logs redact the path themselves)', async () => {
    assert.equal((await env.gatewayApi('GET', `/v1/tokens/${CARDS.visa}`)).status, 404);
    assert.equal(env.gatewayLog.unredacted.some((line) => containsCardNumber(line)), false);
    assert.equal(env.serverLog.unredacted.some((line) => containsCardNumber(line)), false);
    assert.ok(env.serverLog.unredacted.some((line) => line.includes('status=422')));
  });
});

describe('findCardNumberField', () => {
  it('names nested fields and array items, and reports integers too large to check', () => {
    assert.equal(findCardNumberField({ a: { b: ['x', '4242 4242 4242 4242'] } }), 'a.b[1]');
    assert.equal(findCardNumberField(JSON.parse('{ "n": 4242424242424242424242 }')), 'n');
    assert.equal(findCardNumberField({ amount: 4900, expYear: 2030, id: 'card_abc' }), undefined);
    assert.equal(findCardNumberField('4242424242424242'), '(body)');
    // not a card number: fails Luhn, or too short
    assert.equal(findCardNumberField({ a: '4242424242424241', b: '424242424242' }), undefined);
  });
});
