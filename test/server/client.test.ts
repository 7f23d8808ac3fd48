/**
 * The endpoint client against a real HTTP server that misbehaves on cue: retries, timeouts,
 * idempotency keys, CSRF, error mapping and response validation, asserted on what the client sent
 * and what the caller gets.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EndpointClient, EndpointError, isVerificationRequired } from '../../src/endpoint/client.js';
import type { EndpointClientOptions } from '../../src/endpoint/client.js';
import { MAX_BACKOFF_MS, backoffDelay, parseRetryAfter } from '../../src/endpoint/retry.js';
import type { AddCardRequest, CardListResponse, SavedCard } from '../../src/endpoint/types.js';
import { json, startFaultServer, text } from './fault-server.js';
import type { Fault, FaultServer } from './fault-server.js';

const TIMEOUT_MS = 150;
/** Long enough that the client always times out first. */
const TOO_SLOW: Fault = { kind: 'delay', ms: 600 };
const RESET: Fault = { kind: 'reset' };
const STALL: Fault = { kind: 'stall-body', status: 200 };

const card = (overrides: Partial<Record<keyof SavedCard, unknown>> = {}): Record<string, unknown> => ({
  id: 'card_a1',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2030,
  nameOnCard: 'Ada Lovelace',
  funding: 'credit',
  isDefault: true,
  expired: false,
  removable: false,
  removalBlockedReason: 'default',
  createdAt: '2024-01-02T03:04:05Z',
  ...overrides,
});
const policy = { cardRequired: false, maxCards: 5 };
const cardList = (cards: unknown[] = [card()]): { cards: unknown[]; policy: unknown } => ({ cards, policy });
const verification = { id: 'ver_1', kind: 'otp', status: 'pending', sentTo: '•••• 0142', codeLength: 6 };
const payment = {
  id: 'pay_1',
  status: 'succeeded',
  amount: { amount: 12000, currency: 'USD' },
  invoiceId: 'inv_1',
  card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
  createdAt: '2024-01-02T03:04:05Z',
};
const addBody: AddCardRequest = {
  token: 'tok_abc',
  nameOnCard: 'Ada Lovelace',
  billing: { savedAddressId: 'addr_1' },
  setDefault: false,
};

/** A hung client (a timeout that never fires) fails its suite instead of hanging the run. */
const SUITE = { timeout: 20_000 };

let server: FaultServer;
let sleeps: number[];

function client(options: Partial<EndpointClientOptions> = {}): EndpointClient {
  return new EndpointClient({
    baseUrl: `${server.url}/api/`,
    timeoutMs: TIMEOUT_MS,
    backoffMs: 100,
    random: () => 0.5,
    csrfToken: 'csrf-1',
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
    ...options,
  });
}

/** The rejection of `promise`, asserted to be an EndpointError. */
async function failure(promise: Promise<unknown>): Promise<EndpointError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EndpointError, `expected an EndpointError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

before(async () => {
  server = await startFaultServer();
});
after(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  sleeps = [];
});

describe('retries of a GET', SUITE, () => {
  const table: Array<{ name: string; faults: Fault[]; requests: number; error?: Partial<EndpointError> }> = [
    { name: '503 then 200', faults: [json(503, {}), json(200, cardList())], requests: 2 },
    { name: '500, 502 then 200', faults: [json(500, {}), text(502, 'Bad gateway'), json(200, cardList())], requests: 3 },
    { name: '504 every time', faults: [json(504, {}), json(504, {}), json(504, {})], requests: 3, error: { kind: 'http', status: 504, code: 'server_error' } },
    { name: 'timeout then 200', faults: [TOO_SLOW, json(200, cardList())], requests: 2 },
    { name: 'timeout every time', faults: [TOO_SLOW, TOO_SLOW, TOO_SLOW], requests: 3, error: { kind: 'timeout', code: 'timeout' } },
    { name: 'body stalls every time', faults: [STALL, STALL, STALL], requests: 3, error: { kind: 'timeout', code: 'timeout' } },
    { name: 'connection reset then 200', faults: [RESET, json(200, cardList())], requests: 2 },
    { name: 'connection reset every time', faults: [RESET, RESET, RESET], requests: 3, error: { kind: 'network', code: 'network_error' } },
    { name: '429 without Retry-After then 200', faults: [json(429, {}), json(200, cardList())], requests: 2 },
    { name: '501 is not retried', faults: [json(501, {})], requests: 1, error: { kind: 'http', status: 501, code: 'server_error' } },
    { name: '401 is not retried', faults: [json(401, { error: { code: 'unauthenticated', message: 'log in' } })], requests: 1, error: { kind: 'http', status: 401, code: 'unauthenticated' } },
    { name: '403 HTML page', faults: [text(403, '<h1>Forbidden</h1>')], requests: 1, error: { kind: 'http', status: 403, code: 'forbidden' } },
    { name: '404 HTML page', faults: [text(404, '<h1>Not found</h1>')], requests: 1, error: { kind: 'http', status: 404, code: 'not_found' } },
    { name: '409 plain text', faults: [text(409, 'conflict', 'text/plain')], requests: 1, error: { kind: 'http', status: 409, code: 'conflict' } },
    { name: '400 empty body', faults: [text(400, '')], requests: 1, error: { kind: 'http', status: 400, code: 'http_error' } },
    { name: '200 with malformed JSON', faults: [text(200, '{"cards": [', 'application/json')], requests: 1, error: { kind: 'invalid-response', code: 'invalid_response', status: 200 } },
    { name: '200 that breaks the contract', faults: [json(200, cardList([card({ last4: '424' })]))], requests: 1, error: { kind: 'invalid-response', code: 'invalid_response' } },
    { name: '200 carrying a card number', faults: [json(200, cardList([card({ nameOnCard: '4242 4242 4242 4242' })]))], requests: 1, error: { kind: 'invalid-response', code: 'invalid_response' } },
    { name: '503 carrying a card number', faults: [text(503, 'failed for 4000-0000-0000-0002')], requests: 1, error: { kind: 'invalid-response', code: 'invalid_response', status: 503 } },
  ];

  for (const row of table) {
    it(row.name, async () => {
      server.script(...row.faults);
      const call = client().listCards();
      if (row.error) {
        const error = await failure(call);
        for (const [key, value] of Object.entries(row.error)) assert.equal(error[key as keyof EndpointError], value, key);
        assert.equal(error.attempts, row.requests);
      } else {
        const result = await call;
        assert.equal(result.cards[0].last4, '4242');
      }
      assert.equal(server.requests.length, row.requests, 'requests sent');
      assert.ok(server.requests.every((r) => r.method === 'GET' && r.path === '/api/cards'));
    });
  }

  it('waits with exponential backoff and full jitter between attempts', async () => {
    server.script(json(503, {}), json(503, {}), json(503, {}));
    await failure(client({ backoffMs: 100, random: () => 0.5 }).listCards());
    assert.deepEqual(sleeps, [50, 100]);
  });

  it('draws each wait uniformly up to the ceiling and never beyond 5 s', async () => {
    server.script(...Array.from({ length: 6 }, () => json(503, {})));
    const draws = [0, 0.999, 0.999, 0.999, 0.25];
    await failure(client({ retries: 5, backoffMs: 1000, random: () => draws.shift() ?? 0 }).listCards());
    assert.deepEqual(sleeps, [0, 1998, 3996, 4995, 1250]);
    assert.ok(sleeps.every((ms) => ms <= MAX_BACKOFF_MS));
  });

  it('makes as many extra attempts as `retries` says', async () => {
    server.fallback = json(503, {});
    try {
      await failure(client({ retries: 0 }).listCards());
      assert.equal(server.requests.length, 1);
      server.reset();
      await failure(client({ retries: 4 }).listCards());
      assert.equal(server.requests.length, 5);
    } finally {
      server.fallback = json(500, {});
    }
  });
});

describe('429 and Retry-After', SUITE, () => {
  it('waits out Retry-After seconds instead of the backoff', async () => {
    server.script(json(429, {}, { 'Retry-After': '2' }), json(200, cardList()));
    await client().listCards();
    assert.deepEqual(sleeps, [2000]);
    assert.equal(server.requests.length, 2);
  });

  it('waits out a Retry-After HTTP date', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    server.script(json(429, {}, { 'Retry-After': at }), json(200, cardList()));
    await client().listCards();
    assert.equal(sleeps.length, 1);
    assert.ok(sleeps[0] > 27_000 && sleeps[0] <= 30_000, `waited ${sleeps[0]} ms`);
  });

  it('gives up at once when Retry-After is above 60 s, and says how long to wait', async () => {
    server.script(json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '120' }));
    const error = await failure(client().listCards());
    assert.equal(server.requests.length, 1);
    assert.deepEqual(sleeps, []);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterMs, 120_000);
    assert.match(error.message, /retry after 120 s/);
  });

  it('gives up at once when a Retry-After date is above 60 s away', async () => {
    server.script(json(429, {}, { 'Retry-After': new Date(Date.now() + 600_000).toUTCString() }));
    const error = await failure(client().listCards());
    assert.equal(server.requests.length, 1);
    assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 590_000);
  });

  it('reports Retry-After when every attempt is rate limited', async () => {
    server.script(...Array.from({ length: 3 }, () => json(429, {}, { 'Retry-After': '1' })));
    const error = await failure(client().listCards());
    assert.equal(server.requests.length, 3);
    assert.deepEqual(sleeps, [1000, 1000]);
    assert.equal(error.retryAfterMs, 1000);
  });

  it('reads Retry-After forms and ignores garbage', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now), 0);
    assert.equal(parseRetryAfter('-5', now), undefined);
    assert.equal(parseRetryAfter('1.5', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('caps the backoff ceiling', () => {
    assert.equal(backoffDelay(10, 300, () => 0.999999), 4999);
    assert.equal(backoffDelay(0, 300, () => 2), 300);
  });
});

describe('which calls are retried', SUITE, () => {
  it('retries a keyed POST with the same Idempotency-Key, CSRF header and body on every attempt', async () => {
    server.script(json(503, {}), RESET, json(201, { card: card(), cards: [card()], policy }));
    const result = await client().addCard(addBody, { idempotencyKey: 'key-123' });
    assert.ok(!isVerificationRequired(result));
    assert.equal(result.card.id, 'card_a1');
    assert.equal(server.requests.length, 3);
    for (const request of server.requests) {
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/api/cards');
      assert.equal(request.headers['idempotency-key'], 'key-123');
      assert.equal(request.headers['x-csrf-token'], 'csrf-1');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(request.body), addBody);
    }
  });

  it('retries a keyed POST that times out, with the same key', async () => {
    server.script(TOO_SLOW, TOO_SLOW, TOO_SLOW);
    const error = await failure(client().pay({ cardId: 'card_a1', invoiceId: 'inv_1' }, { idempotencyKey: 'pay-key' }));
    assert.equal(error.kind, 'timeout');
    assert.equal(server.requests.length, 3);
    assert.deepEqual(new Set(server.requests.map((r) => r.headers['idempotency-key'])), new Set(['pay-key']));
  });

  it('gives setDefaultCard a key of its own and reuses it on retry', async () => {
    server.script(json(502, {}), json(200, cardList()));
    await client().setDefaultCard('card_a1');
    assert.equal(server.requests.length, 2);
    const [first, second] = server.requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(first), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(second, first);
    assert.equal(server.requests[0].path, '/api/cards/card_a1/default');
    assert.deepEqual(JSON.parse(server.requests[0].body), {});
  });

  it('sends the caller’s key for setDefaultCard when given', async () => {
    server.script(json(200, cardList()));
    await client().setDefaultCard('card_a1', { idempotencyKey: 'mine' });
    assert.equal(server.requests[0].headers['idempotency-key'], 'mine');
  });

  const once: Array<{ name: string; fault: Fault; call: (c: EndpointClient) => Promise<unknown> }> = [
    { name: 'DELETE on 503', fault: json(503, {}), call: (c) => c.removeCard('card_a1') },
    { name: 'DELETE on timeout', fault: TOO_SLOW, call: (c) => c.removeCard('card_a1') },
    { name: 'DELETE on reset', fault: RESET, call: (c) => c.removeCard('card_a1') },
    { name: 'DELETE on 429 with a short Retry-After', fault: json(429, {}, { 'Retry-After': '1' }), call: (c) => c.removeCard('card_a1') },
    { name: 'unkeyed POST (resend) on 503', fault: json(503, {}), call: (c) => c.resendVerification('ver_1') },
    { name: 'unkeyed POST (cancel) on reset', fault: RESET, call: (c) => c.cancelVerification('ver_1') },
    { name: 'keyed POST on 409', fault: json(409, { error: { code: 'conflict', reason: 'token_used', message: 'x' } }), call: (c) => c.addCard(addBody, { idempotencyKey: 'k' }) },
    { name: 'keyed POST on 422', fault: json(422, { error: { code: 'validation_failed', field: 'nameOnCard', message: 'x' } }), call: (c) => c.addCard(addBody, { idempotencyKey: 'k' }) },
    { name: 'keyed POST on 402', fault: json(402, { error: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'x' } }), call: (c) => c.pay({ cardId: 'c' }, { idempotencyKey: 'k' }) },
  ];
  for (const row of once) {
    it(`sends ${row.name} exactly once`, async () => {
      server.script(row.fault, json(200, cardList()), json(200, cardList()));
      await failure(row.call(client()));
      assert.equal(server.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });
  }

  it('retries resend when the caller gives it a key', async () => {
    server.script(json(503, {}), json(200, { verification }));
    const result = await client().resendVerification('ver_1', { idempotencyKey: 'resend-1' });
    assert.equal(result.verification.id, 'ver_1');
    assert.equal(server.requests.length, 2);
  });

  it('refuses a creating POST without a key, sending nothing', async () => {
    await assert.rejects(
      client().addCard(addBody, { idempotencyKey: '' }),
      (error: unknown) => error instanceof TypeError && /idempotencyKey/.test(error.message),
    );
    assert.equal(server.requests.length, 0);
  });
});

describe('aborting', SUITE, () => {
  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(client().listCards({ signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.equal(error.attempts, 0);
    assert.equal(server.requests.length, 0);
  });

  it('ends a call in flight at once and does not retry it', async () => {
    server.script({ kind: 'delay', ms: 2000 }, json(200, cardList()));
    const controller = new AbortController();
    const started = Date.now();
    // abort once the server holds the request (a fixed timer could fire before it arrives on a busy machine)
    const arrived = setInterval(() => {
      if (server.requests.length > 0) controller.abort();
    }, 5);
    const error = await failure(client({ timeoutMs: 5000 }).listCards({ signal: controller.signal })).finally(() => clearInterval(arrived));
    assert.equal(error.kind, 'aborted');
    assert.equal(error.code, 'aborted');
    assert.ok(Date.now() - started < 1000, 'ended promptly');
    assert.equal(server.requests.length, 1);
  });

  it('ends the wait between attempts', async () => {
    server.script(json(503, {}), json(200, cardList()));
    const controller = new AbortController();
    // the real sleep: a 5 s backoff that the abort must cut short
    const c = client({ sleep: undefined, backoffMs: 100_000, random: () => 1 });
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(c.listCards({ signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.ok(Date.now() - started < 1000, 'ended promptly');
    assert.equal(server.requests.length, 1);
  });
});

describe('errors', SUITE, () => {
  it('reads the contract error shape', async () => {
    server.script(json(409, { error: { code: 'conflict', message: 'It is the default card', reason: 'default' } }));
    const error = await failure(client().removeCard('card_a1'));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 409);
    assert.equal(error.code, 'conflict');
    assert.equal(error.reason, 'default');
    assert.equal(error.name, 'EndpointError');
    assert.ok(error instanceof Error);
  });

  it('reads field and decline code', async () => {
    server.script(
      json(422, { error: { code: 'validation_failed', message: 'bad', field: 'billing.address.postalCode' } }),
      json(402, { error: { code: 'card_declined', message: 'no', declineCode: 'insufficient_funds' } }),
    );
    const invalid = await failure(client().addCard(addBody, { idempotencyKey: 'k1' }));
    assert.equal(invalid.field, 'billing.address.postalCode');
    const declined = await failure(client().addCard(addBody, { idempotencyKey: 'k2' }));
    assert.equal(declined.code, 'card_declined');
    assert.equal(declined.declineCode, 'insufficient_funds');
  });

  it('reads a wrong one-time code and an expired verification', async () => {
    server.script(
      json(422, { error: { code: 'verification_failed', reason: 'wrong_code', attemptsLeft: 2, message: 'wrong code' } }),
      text(410, 'Gone'),
    );
    const wrong = await failure(client().confirmVerification('ver_1', '000000', { idempotencyKey: 'c1' }));
    assert.equal(wrong.code, 'verification_failed');
    assert.equal(wrong.reason, 'wrong_code');
    assert.equal(wrong.attemptsLeft, 2);
    const gone = await failure(client().confirmVerification('ver_1', '000000', { idempotencyKey: 'c2' }));
    assert.equal(gone.status, 410);
    assert.equal(gone.reason, 'expired');
  });

  it('never puts request bodies or response text in the message', async () => {
    const body: AddCardRequest = { ...addBody, token: 'tok_SECRETTOKEN', nameOnCard: 'Ada Zyxwvutsr' };
    server.script(
      json(500, { error: { code: 'server_error', message: 'failed saving tok_SECRETTOKEN for Ada Zyxwvutsr', field: 'token' } }),
      text(500, '<pre>Traceback: Ada Zyxwvutsr tok_SECRETTOKEN</pre>'),
      json(500, { error: { code: 'oops <script>Zyxwvutsr</script>', message: 'Zyxwvutsr' } }),
    );
    const error = await failure(client().addCard(body, { idempotencyKey: 'k' }));
    assert.equal(server.requests.length, 3);
    for (const shown of [error.message, String(error), JSON.stringify(error), error.stack ?? '']) {
      assert.ok(!shown.includes('SECRETTOKEN'), shown);
      assert.ok(!shown.includes('Zyxwvutsr'), shown);
    }
    // a code that is not an identifier falls back to the status's code
    assert.equal(error.code, 'server_error');
    assert.match(error.message, /^POST \/cards failed \(http 500, server_error\)/);
  });

  it('names the route template, not the ids, in messages', async () => {
    server.script(text(404, 'nope'));
    const error = await failure(client().removeCard('card_secretid'));
    assert.match(error.message, /DELETE \/cards\/\{id\}/);
    assert.ok(!error.message.includes('card_secretid'));
  });

  it('does not echo a refused card number into the error', async () => {
    server.script(json(200, cardList([card({ nameOnCard: '5555 5555 5555 4444' })])));
    const error = await failure(client().listCards());
    assert.equal(error.kind, 'invalid-response');
    for (const shown of [error.message, String(error), JSON.stringify(error)]) {
      assert.ok(!/5555/.test(shown), shown);
    }
  });
});

describe('requests never carry a card number', SUITE, () => {
  const rows: Array<{ name: string; body: AddCardRequest; field: string }> = [
    { name: 'in the name', body: { ...addBody, nameOnCard: '4242 4242 4242 4242' }, field: 'nameOnCard' },
    { name: 'in the token', body: { ...addBody, token: '378282246310005' }, field: 'token' },
    {
      name: 'in an address line',
      body: { ...addBody, billing: { address: { line1: '4000-0025-0000-3155', city: 'X', region: 'Y', postalCode: '1', country: 'GB' } } },
      field: 'billing.address.line1',
    },
  ];
  for (const row of rows) {
    it(`refuses one ${row.name} without sending anything`, async () => {
      const error = await failure(client().addCard(row.body, { idempotencyKey: 'k' }));
      assert.equal(error.kind, 'invalid-request');
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.field, row.field);
      assert.equal(error.attempts, 0);
      assert.equal(server.requests.length, 0);
      assert.ok(!/\d{4}/.test(JSON.stringify(error) + error.message), 'no digits of the number in the error');
    });
  }
});

describe('headers', SUITE, () => {
  it('sends Accept on a GET and neither CSRF, key nor Content-Type', async () => {
    server.script(json(200, cardList()));
    await client().listCards();
    const { headers } = server.requests[0];
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['x-csrf-token'], undefined);
    assert.equal(headers['idempotency-key'], undefined);
    assert.equal(headers['content-type'], undefined);
  });

  it('sends the CSRF token on a DELETE, without a key or body', async () => {
    server.script(json(200, cardList()));
    await client().removeCard('card_a1');
    const [request] = server.requests;
    assert.equal(request.method, 'DELETE');
    assert.equal(request.headers['x-csrf-token'], 'csrf-1');
    assert.equal(request.headers['idempotency-key'], undefined);
    assert.equal(request.body, '');
  });

  it('reads a CSRF token function before every request', async () => {
    let token = 'first';
    server.script(json(200, { verification }), json(200, { verification }));
    const c = client({ csrfToken: () => token });
    await c.cancelVerification('ver_1');
    token = 'rotated';
    await c.cancelVerification('ver_1');
    assert.deepEqual(server.requests.map((r) => r.headers['x-csrf-token']), ['first', 'rotated']);
  });

  it('sends the host’s extra headers, but its own Accept and CSRF win', async () => {
    server.script(json(200, { verification }));
    await client({ headers: { 'X-Portal': 'p1', accept: 'text/html', 'x-csrf-token': 'forged' } }).cancelVerification('ver_1');
    const { headers } = server.requests[0];
    assert.equal(headers['x-portal'], 'p1');
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['x-csrf-token'], 'csrf-1');
  });

  it('encodes ids into one path segment', async () => {
    server.script(json(200, cardList()), json(200, { verification }));
    await client().removeCard('card/../admin?x=1');
    await client().resendVerification('ver 1');
    assert.equal(server.requests[0].path, '/api/cards/card%2F..%2Fadmin%3Fx%3D1');
    assert.equal(server.requests[1].path, '/api/verifications/ver%201/resend');
  });
});

describe('answers', SUITE, () => {
  it('reads 202 from POST /cards as a verification', async () => {
    server.script(json(202, { verification }));
    const result = await client().addCard(addBody, { idempotencyKey: 'k' });
    assert.ok(isVerificationRequired(result));
    assert.deepEqual(result.verification, verification);
  });

  it('reads a payment, and a 202 from POST /payments', async () => {
    server.script(json(201, { payment, savedCard: card() }), json(202, { verification }));
    const paid = await client().pay({ invoiceId: 'inv_1', cardId: 'card_a1' }, { idempotencyKey: 'p1' });
    assert.ok(!isVerificationRequired(paid));
    assert.equal(paid.payment.amount.amount, 12000);
    assert.equal(paid.savedCard?.last4, '4242');
    assert.ok(isVerificationRequired(await client().pay({ cardId: 'card_a1' }, { idempotencyKey: 'p2' })));
  });

  it('reads what confirming a verification produces', async () => {
    server.script(json(200, { payment }), json(201, { card: card(), cards: [card()], policy }));
    const asPayment = await client().confirmVerification('ver_1', '123456', { idempotencyKey: 'c1' });
    assert.ok('payment' in asPayment && asPayment.payment.id === 'pay_1');
    const asCard = await client().confirmVerification('ver_1', '123456', { idempotencyKey: 'c2' });
    assert.ok('card' in asCard && asCard.card.id === 'card_a1');
    assert.deepEqual(JSON.parse(server.requests[0].body), { code: '123456' });
    assert.equal(server.requests[0].path, '/api/verifications/ver_1/confirm');
  });

  it('reads addresses and invoices', async () => {
    const address = { id: 'addr_1', kind: 'billing', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'us' };
    const invoice = { id: 'inv_1', number: 'INV-0001', description: 'March', amount: { amount: 12000, currency: 'USD' }, status: 'open', dueDate: '2024-04-01' };
    server.script(json(200, { addresses: [address] }), json(200, { invoice }), json(200, { invoices: [invoice] }));
    const { addresses } = await client().listAddresses();
    assert.equal(addresses[0].country, 'US');
    assert.deepEqual((await client().getInvoice('inv_1')).invoice, invoice);
    assert.equal((await client().listInvoices()).invoices.length, 1);
    assert.deepEqual(server.requests.map((r) => r.path), ['/api/addresses', '/api/invoices/inv_1', '/api/invoices']);
  });

  it('keeps only the contract’s fields, and drops unknown optional values', async () => {
    server.script(json(200, { ...cardList([card({ funding: 'charge', extra: '<img>' } as Record<string, unknown>)]), debug: { sql: 'select' } }));
    const result: CardListResponse = await client().listCards();
    assert.deepEqual(Object.keys(result), ['cards', 'policy']);
    assert.equal(result.cards[0].funding, undefined);
    assert.ok(!('extra' in result.cards[0]));
  });

  it('keeps a removal-blocked reason only on a card that cannot be removed, and reads null optional fields as absent', async () => {
    server.script(
      json(200, cardList([card({ id: 'a', removable: true, removalBlockedReason: 'default' }), card({ id: 'b', removable: false, createdAt: null })])),
      json(202, { verification: { ...verification, codeLength: null, sentTo: null } }),
      json(201, { payment, savedCard: null }),
    );
    const { cards } = await client().listCards();
    assert.ok(!('removalBlockedReason' in cards[0]), 'a removable card carries no reason');
    assert.equal(cards[1].removalBlockedReason, 'default');
    assert.ok(!('createdAt' in cards[1]));
    const added = await client().addCard(addBody, { idempotencyKey: 'k' });
    assert.deepEqual(added, { verification: { id: 'ver_1', kind: 'otp', status: 'pending' } });
    const paid = await client().pay({ cardId: 'c' }, { idempotencyKey: 'k2' });
    assert.deepEqual(Object.keys(paid), ['payment']);
  });

  const broken: Array<[string, Record<string, unknown>]> = [
    ['last4 of three digits', card({ last4: '424' })],
    ['last4 of five digits', card({ last4: '42424' })],
    ['last4 with a letter', card({ last4: '42a2' })],
    ['last4 as a number', card({ last4: 4242 })],
    ['last4 in full-width digits', card({ last4: '４２４２' })],
    ['an unknown brand', card({ brand: 'visa-electron' })],
    ['a capitalised brand', card({ brand: 'Visa' })],
    ['expMonth 0', card({ expMonth: 0 })],
    ['expMonth 13', card({ expMonth: 13 })],
    ['expMonth as a string', card({ expMonth: '12' })],
    ['a fractional expYear', card({ expYear: 2030.5 })],
    ['expYear as a string', card({ expYear: '2030' })],
    ['isDefault as a string', card({ isDefault: 'true' })],
    ['expired missing', card({ expired: undefined })],
    ['removable null', card({ removable: null })],
    ['an empty id', card({ id: '' })],
    ['a numeric id', card({ id: 7 })],
    ['nameOnCard missing', card({ nameOnCard: undefined })],
  ];
  for (const [name, bad] of broken) {
    it(`refuses a card with ${name}`, async () => {
      server.script(json(200, cardList([card({ id: 'card_ok', isDefault: true }), bad])));
      const error = await failure(client().listCards());
      assert.equal(error.kind, 'invalid-response');
      assert.match(error.message, /cards\[1\]\./);
      assert.equal(server.requests.length, 1);
    });
  }

  const brokenOther: Array<[string, Fault, (c: EndpointClient) => Promise<unknown>]> = [
    ['a list without policy', json(200, { cards: [] }), (c) => c.listCards()],
    ['cards that are not an array', json(200, { cards: {}, policy }), (c) => c.listCards()],
    ['a negative maxCards', json(200, { cards: [], policy: { cardRequired: false, maxCards: -1 } }), (c) => c.listCards()],
    ['a 201 without the added card', json(201, { cards: [card()], policy }), (c) => c.addCard(addBody, { idempotencyKey: 'k' })],
    ['a 202 with an unknown verification kind', json(202, { verification: { ...verification, kind: 'sms' } }), (c) => c.addCard(addBody, { idempotencyKey: 'k' })],
    ['a payment whose card has no last4', json(201, { payment: { ...payment, card: { brand: 'visa', expMonth: 1, expYear: 2030 } } }), (c) => c.pay({ cardId: 'c' }, { idempotencyKey: 'k' })],
    ['a payment in a lower-case currency', json(201, { payment: { ...payment, amount: { amount: 1, currency: 'usd' } } }), (c) => c.pay({ cardId: 'c' }, { idempotencyKey: 'k' })],
    ['a fractional amount', json(201, { payment: { ...payment, amount: { amount: 1.5, currency: 'USD' } } }), (c) => c.pay({ cardId: 'c' }, { idempotencyKey: 'k' })],
    ['an address with a three-letter country', json(200, { addresses: [{ id: 'a', kind: 'billing', line1: 'x', city: 'x', region: 'x', postalCode: 'x', country: 'USA' }] }), (c) => c.listAddresses()],
    ['an invoice with an unknown status', json(200, { invoice: { id: 'i', number: 'n', description: 'd', amount: { amount: 1, currency: 'EUR' }, status: 'draft', dueDate: 'x' } }), (c) => c.getInvoice('i')],
    ['a JSON null', json(200, null), (c) => c.listCards()],
  ];
  for (const [name, fault, call] of brokenOther) {
    it(`refuses ${name}`, async () => {
      server.script(fault);
      const error = await failure(call(client()));
      assert.equal(error.kind, 'invalid-response');
      assert.equal(server.requests.length, 1);
    });
  }
});
