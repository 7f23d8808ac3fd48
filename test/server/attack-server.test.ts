/**
 * Attacks on the reference server, as an attacker would run them (issue 9, area 6). One server for
 * the whole file, so the final scan of its logs and database files sees everything the attacks left.
 *
 * - IDOR, property-based: random card, invoice and verification ids (the owner's, the sub-account's,
 *   a stranger's, and made-up ones) on every route that takes an id, by each of the three accounts.
 *   Only the account that owns an id gets an answer about it; the others get 404 and nothing changes.
 * - CSRF, property-based: what a cross-site page can make a browser send (a form post in any of its
 *   three encodings, a fetch, with the victim's cookie) is refused with 403 on every mutation.
 * - Idempotency and token replay, property-based: concurrent requests mixing keys and single-use
 *   tokens never save a card twice, and every answer is a replay, a refusal, or the one save.
 * - A burst of card additions (card testing) meets 429 with Retry-After, even when sent at once.
 * - Last: no Luhn-valid 13–19 digit run in either database file or in any log line.
 *
 * The seed of a failing property is printed by fast-check (`seed`, `path`): rerun with
 * `FC_SEED=<seed>` to replay it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import fc from 'fast-check';
import { hashPassword } from '../../demo/server/passwords.js';
import type { DemoAccount } from '../../demo/server/index.js';
import type { CardAddedResponse, CardListResponse, VerificationRequiredResponse } from '../../src/endpoint/types.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, SUB_ACCOUNT, addCardBody, cardNumbersIn, dataFiles, key, startTestEnv } from './harness.js';
import type { Res, Session, TestEnv } from './harness.js';

/** fast-check settings: a fixed seed when FC_SEED is set (to replay a failure), otherwise random. */
function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  return { numRuns, ...(seed !== undefined ? { seed } : {}), verbose: 1 };
}

const STRANGER: DemoAccount = {
  id: 'acct_attack_stranger',
  email: 'stranger@attack.test',
  password: 'stranger-password',
  displayName: 'Eve Stranger',
  description: 'An unrelated account',
};

/** Adds an account with no relation to the demo accounts, straight into the database file. */
async function createStranger(env: TestEnv): Promise<void> {
  const db = createClient({ url: `file:${join(env.dataDir, 'demo.db')}` });
  try {
    await db.execute({
      sql: 'INSERT INTO accounts (id, email, display_name, password_hash, parent_account_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
      args: [STRANGER.id, STRANGER.email, STRANGER.displayName, await hashPassword(STRANGER.password), new Date().toISOString()],
    });
    // a wallet, so a top-up reaches the card lookup instead of stopping at "no wallet"
    await db.execute({ sql: 'INSERT INTO wallets (account_id, balance, currency) VALUES (?, ?, ?)', args: [STRANGER.id, 0, 'USD'] });
  } finally {
    db.close();
  }
}

type Actor = 'owner' | 'sub' | 'stranger';

/** Ids the verifications of this run were given (their prefix is the server's business). */
const verificationKinds = new Set<string>();

/** What an id names: the seeded and added ids say so by prefix; verifications are recorded. */
function kindOf(id: string): 'card' | 'invoice' | 'verification' | 'unknown' {
  if (verificationKinds.has(id)) return 'verification';
  return id.startsWith('card_') ? 'card' : id.startsWith('inv_') ? 'invoice' : 'unknown';
}
const ACTORS: readonly Actor[] = ['owner', 'sub', 'stranger'];

describe('attacks on the reference server', () => {
  let env: TestEnv;
  const sessions = {} as Record<Actor, Session>;
  /** Which account owns each id (cards, invoices, verifications). */
  const owners = new Map<string, Actor>();
  const cardIds: string[] = [];
  const invoiceIds: string[] = [];
  const verificationIds: string[] = [];

  /** Everything an account can see, as one comparable string. */
  const snapshot = async (actor: Actor): Promise<string> => {
    const s = sessions[actor];
    const [cards, invoices, addresses] = await Promise.all([s.get('/api/cards'), s.get('/api/invoices'), s.get('/api/addresses')]);
    assert.equal(cards.status, 200);
    return JSON.stringify([cards.body, invoices.body, addresses.body]);
  };

  const addCard = async (s: Session, number: string): Promise<Res<CardAddedResponse>> =>
    s.post<CardAddedResponse>('/api/cards', addCardBody(await env.tokenize(number), { billing: { address: ADDRESS } }), { idempotencyKey: key() });

  before(async () => {
    env = await startTestEnv();
    await createStranger(env);
    sessions.owner = await env.signIn(OWNER);
    sessions.sub = await env.signIn(SUB_ACCOUNT);
    sessions.stranger = await env.signIn(STRANGER);

    for (const id of [SEED_IDS.visa, SEED_IDS.mastercard, SEED_IDS.amex]) owners.set(id, 'owner');
    for (const id of [SEED_IDS.invoiceOpen, SEED_IDS.invoiceWorkshop, SEED_IDS.invoicePaid]) owners.set(id, 'owner');
    owners.set(SEED_IDS.subInvoice, 'sub');
    for (const actor of ['sub', 'stranger'] as const) {
      const added = await addCard(sessions[actor], CARDS.mastercard);
      assert.equal(added.status, 201, `${actor} adds a card`);
      owners.set(added.body.card.id, actor);
    }
    // a verification in progress for each account (the 3155 test card asks for a one-time code)
    for (const actor of ACTORS) {
      const started = await sessions[actor].post<VerificationRequiredResponse>('/api/cards', addCardBody(await env.tokenize(CARDS.otp)), {
        idempotencyKey: key(),
      });
      assert.equal(started.status, 202, `${actor} starts a verification`);
      owners.set(started.body.verification.id, actor);
      verificationKinds.add(started.body.verification.id);
    }
    for (const id of owners.keys()) {
      const kind = kindOf(id);
      (kind === 'card' ? cardIds : kind === 'invoice' ? invoiceIds : verificationIds).push(id);
    }
  });

  after(async () => env.close());

  describe('IDOR', () => {
    /** What an actor tries with an id. Every route of the API that takes an id is here. */
    type Attempt = 'set-default' | 'remove' | 'pay-with-card' | 'read-invoice' | 'pay-invoice' | 'confirm' | 'resend' | 'cancel';
    const ATTEMPTS: Record<Attempt, 'card' | 'invoice' | 'verification'> = {
      'set-default': 'card',
      remove: 'card',
      'pay-with-card': 'card',
      'read-invoice': 'invoice',
      'pay-invoice': 'invoice',
      confirm: 'verification',
      resend: 'verification',
      cancel: 'verification',
    };
    // Attempts that would change the owner's own data for good are only sent against foreign ids;
    // the point is who may act, not the owner's own rules (cards.test.ts covers those).
    const SAFE_ON_OWN: ReadonlySet<Attempt> = new Set(['set-default', 'read-invoice']);

    const send = (s: Session, attempt: Attempt, id: string): Promise<Res<unknown>> => {
      const path = encodeURIComponent(id);
      switch (attempt) {
        case 'set-default':
          return s.post(`/api/cards/${path}/default`, {});
        case 'remove':
          return s.del(`/api/cards/${path}`);
        case 'pay-with-card':
          return s.post('/api/payments', { amount: { amount: 100, currency: 'USD' }, cardId: id }, { idempotencyKey: key() });
        case 'read-invoice':
          return s.get(`/api/invoices/${path}`);
        case 'pay-invoice':
          return s.post('/api/payments', { invoiceId: id, cardId: SEED_IDS.visa }, { idempotencyKey: key() });
        case 'confirm':
          return s.post(`/api/verifications/${path}/confirm`, { code: '000000' }, { idempotencyKey: key() });
        case 'resend':
          return s.post(`/api/verifications/${path}/resend`, {});
        case 'cancel':
          return s.post(`/api/verifications/${path}/cancel`, {});
      }
    };

    it('answers 404 to every account but the owner, for random ids on every route, and nothing changes', async () => {
      const madeUp = fc.oneof(
        fc.stringMatching(/^(card|inv|vrf|pay|addr)_[A-Za-z0-9]{1,24}$/),
        // ids that only differ from a real one by a letter or a suffix
        fc.constantFrom(...owners.keys()).chain((real) => fc.constantFrom(`${real}x`, real.toUpperCase(), `${real.slice(0, -1)}`)),
      );
      const target = fc.oneof(
        { arbitrary: fc.constantFrom(...cardIds, ...invoiceIds, ...verificationIds), weight: 3 },
        { arbitrary: madeUp, weight: 1 },
      );
      const attempt = fc.constantFrom(...(Object.keys(ATTEMPTS) as Attempt[]));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ACTORS), attempt, target, async (actor, what, id) => {
          const owner = owners.get(id);
          const own = owner === actor && ATTEMPTS[what] === kindOf(id);
          if (own && !SAFE_ON_OWN.has(what)) return; // see SAFE_ON_OWN
          const before = await Promise.all(ACTORS.map(snapshot));
          const res = await send(sessions[actor], what, id);
          const afterwards = await Promise.all(ACTORS.map(snapshot));
          if (own) {
            assert.ok([200, 409].includes(res.status), `${actor} ${what} own ${id}: ${res.status}`);
            ACTORS.forEach((other, i) => other !== actor && assert.equal(afterwards[i], before[i], `${other}'s data after ${actor} ${what}`));
            return;
          }
          // Someone else's id is answered exactly like an id that does not exist (never 403, and no
          // other check that runs only for real ids), so answers cannot be used to find ids.
          const absent = await send(sessions[actor], what, `${id.split('_')[0]}_doesnotexist`);
          assert.equal(res.status, absent.status, `${actor} ${what} ${owner ?? 'made-up'} ${id}: ${res.status} ${res.text}, absent id: ${absent.status}`);
          assert.equal(res.error?.code, absent.error?.code);
          assert.ok([404, 422].includes(res.status), `${actor} ${what} ${id}: ${res.status} ${res.text}`);
          if (owner !== undefined && ATTEMPTS[what] === kindOf(id)) {
            // a real id of the right kind reaches the lookup: the answer is 404 not_found
            assert.equal(res.status, 404, `${actor} ${what} ${owner}'s ${id}: ${res.text}`);
            assert.equal(res.error?.code, 'not_found');
          }
          assert.deepEqual(afterwards, before, `nobody's data changed after ${actor} ${what} ${id}`);
        }),
        runs(120),
      );
    });

    it('lists each account only its own cards, invoices and addresses', async () => {
      for (const actor of ACTORS) {
        const cards = (await sessions[actor].get<CardListResponse>('/api/cards')).body.cards.map((c) => c.id);
        for (const id of cards) assert.equal(owners.get(id), actor, `${actor} lists ${id}`);
        const invoices = (await sessions[actor].get<{ invoices: { id: string }[] }>('/api/invoices')).body.invoices.map((i) => i.id);
        for (const id of invoices) assert.equal(owners.get(id), actor, `${actor} lists ${id}`);
      }
    });

  });

  describe('CSRF', () => {
    /** Every mutation of the API, as `[method, path, JSON body]`. */
    const mutations = (): [string, string, unknown][] => [
      ['POST', '/api/cards', addCardBody('tok_attacker')],
      ['POST', `/api/cards/${SEED_IDS.mastercard}/default`, {}],
      ['DELETE', `/api/cards/${SEED_IDS.amex}`, undefined],
      ['POST', '/api/payments', { invoiceId: SEED_IDS.invoiceOpen, cardId: SEED_IDS.visa }],
      ['POST', `/api/verifications/${verificationIds[0]}/cancel`, {}],
      ['DELETE', '/api/session', undefined],
    ];

    /**
     * What a page on another site can make the victim's browser send. The cookie goes along in
     * this test (SameSite=Strict would keep it home in a real browser: the server must not rely on it).
     * `fetch` with `mode: 'no-cors'` is limited to the form encodings, as is a `<form>`; a CORS fetch
     * may send JSON but is preflighted and carries `Origin`.
     */
    const crossSite = fc.record({
      encoding: fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/json'),
      secFetchSite: fc.constantFrom('cross-site', undefined),
      origin: fc.constantFrom('https://evil.example', 'null', `${'http://127.0.0.1'}:1`, undefined),
      mode: fc.constantFrom('navigate', 'no-cors', 'cors'),
      // an attacker cannot read the token; a guessed or an old one is the best it can do
      token: fc.constantFrom(undefined, 'x'.repeat(43), ''),
    });

    it('refuses whatever a cross-site page can make a browser send, on every mutation, and nothing changes', async () => {
      const owner = sessions.owner;
      const before = await snapshot('owner');
      await fc.assert(
        fc.asyncProperty(crossSite, fc.constantFrom(...mutations()), async (how, [method, path, body]) => {
          const headers: Record<string, string> = { 'Content-Type': how.encoding, 'Sec-Fetch-Mode': how.mode };
          if (how.secFetchSite) headers['Sec-Fetch-Site'] = how.secFetchSite;
          if (how.origin) headers.Origin = how.origin;
          if (how.token !== undefined) headers['X-CSRF-Token'] = how.token;
          const text = body === undefined ? undefined : how.encoding.startsWith('application/x-www') ? new URLSearchParams({ json: JSON.stringify(body) }).toString() : JSON.stringify(body);
          const res = await owner.request(method, path, { body: text, headers, csrf: false, idempotencyKey: key() });
          assert.equal(res.status, 403, `${method} ${path} ${JSON.stringify(how)}: ${res.status} ${res.text}`);
          assert.equal(res.error?.code, 'forbidden');
        }),
        runs(150),
      );
      assert.equal(await snapshot('owner'), before, 'nothing changed');
      assert.equal((await owner.get('/api/cards')).status, 200, 'still signed in');
    });

    it('refuses Sec-Fetch-Site: cross-site on every mutation even with the right token and a same-origin Origin', async () => {
      const owner = sessions.owner;
      const before = await snapshot('owner');
      for (const [method, path, body] of mutations()) {
        const res = await owner.request(method, path, {
          body,
          headers: { 'Sec-Fetch-Site': 'cross-site', Origin: env.serverUrl },
          idempotencyKey: key(),
        });
        assert.equal(res.status, 403, `${method} ${path}`);
      }
      // the pages' own forms too
      for (const path of ['/signin', '/signout']) {
        const res = await owner.request('POST', path, {
          body: `csrf_token=${owner.csrfToken}&email=${OWNER.email}&password=${OWNER.password}`,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
        });
        assert.equal(res.status, 403, path);
      }
      assert.equal(await snapshot('owner'), before);
      assert.equal((await owner.get('/api/cards')).status, 200, 'still signed in');
    });

    it('lets a cross-site page read nothing: no CORS header on any API answer', async () => {
      for (const path of ['/api/cards', '/api/invoices', '/api/addresses', '/api/session']) {
        const res = await sessions.owner.request('GET', path, { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
        assert.equal(res.headers.get('access-control-allow-origin'), null, path);
        assert.equal(res.headers.get('access-control-allow-credentials'), null, path);
      }
      const preflight = await fetch(`${env.serverUrl}/api/cards`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-csrf-token' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('idempotency and token replay', () => {
    const numbers = [CARDS.visa, CARDS.mastercard, CARDS.discover] as const;

    /** Removes every card of the stranger (non-defaults first: the default goes last). */
    const clearStranger = async (): Promise<void> => {
      const s = sessions.stranger;
      const { cards } = (await s.get<CardListResponse>('/api/cards')).body;
      for (const card of [...cards].sort((a, b) => Number(a.isDefault) - Number(b.isDefault))) {
        assert.equal((await s.del(`/api/cards/${card.id}`)).status, 200, `remove ${card.id}`);
      }
    };

    it('saves each single-use token at most once, whatever mix of keys and tokens arrives at once', async () => {
      const s = sessions.stranger;
      const request = fc.record({ token: fc.integer({ min: 0, max: 2 }), key: fc.integer({ min: 0, max: 2 }) });
      await fc.assert(
        fc.asyncProperty(fc.array(request, { minLength: 2, maxLength: 8 }), async (requests) => {
          await clearStranger();
          const tokens = await Promise.all(numbers.map((n) => env.tokenize(n)));
          const keys = [key(), key(), key()];
          const answers = await Promise.all(
            requests.map((r) => s.post<CardAddedResponse>('/api/cards', addCardBody(tokens[r.token]), { idempotencyKey: keys[r.key] })),
          );
          const fresh = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') !== 'true');
          for (const [i, a] of answers.entries()) {
            const what = `request ${i} (token ${requests[i].token}, key ${requests[i].key}): ${a.status} ${a.error?.code ?? ''} ${a.error?.reason ?? ''}`;
            if (a.status === 201) continue;
            if (a.status === 409) assert.equal(a.error?.reason, 'token_used', what);
            else if (a.status === 422) assert.equal(a.error?.code, 'idempotency_key_reused', what);
            else assert.fail(what);
          }
          // the same key with the same body is one request: every copy gets the same answer (a replay)
          for (const [i, a] of answers.entries()) {
            const first = answers.findIndex((_, j) => requests[j].key === requests[i].key && requests[j].token === requests[i].token);
            assert.equal(`${a.status} ${a.text}`, `${answers[first].status} ${answers[first].text}`, `request ${i} replays request ${first}`);
          }
          // one key always gets one answer: every 201 under a key is the same card
          for (const k of [0, 1, 2]) {
            const saved = new Set(answers.filter((a, i) => requests[i].key === k && a.status === 201).map((a) => a.body.card.id));
            assert.ok(saved.size <= 1, `key ${k} saved ${saved.size} cards`);
          }
          const { cards } = (await s.get<CardListResponse>('/api/cards')).body;
          assert.equal(cards.length, fresh.length, 'one card per fresh save, none for a replay or a refusal');
          const last4s = cards.map((c) => c.last4);
          assert.equal(new Set(last4s).size, last4s.length, `no token saved twice: ${last4s.join(', ')}`);
        }),
        runs(12),
      );
      await clearStranger();
    });

    it('replays a stored answer byte for byte, and refuses the key with another token', async () => {
      const s = sessions.stranger;
      const k = key();
      const body = addCardBody(await env.tokenize(CARDS.visa));
      const first = await s.post('/api/cards', body, { idempotencyKey: k });
      assert.equal(first.status, 201);
      const again = await s.post('/api/cards', body, { idempotencyKey: k });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.text, first.text);
      const other = await s.post('/api/cards', addCardBody(await env.tokenize(CARDS.visa)), { idempotencyKey: k });
      assert.equal(other.status, 422);
      assert.equal(other.error?.code, 'idempotency_key_reused');
      // a token another account already spent is spent for everyone
      const stolen = await sessions.sub.post('/api/cards', body, { idempotencyKey: key() });
      assert.equal(stolen.status, 409);
      assert.equal(stolen.error?.reason, 'token_used');
      await clearStranger();
    });

    it('charges an invoice once when two tabs pay it at the same time with different keys', async () => {
      const owner = sessions.owner;
      const pay = () => owner.post('/api/payments', { invoiceId: SEED_IDS.invoiceWorkshop, cardId: SEED_IDS.visa }, { idempotencyKey: key() });
      const answers = await Promise.all([pay(), pay(), pay()]);
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [201, 409, 409], JSON.stringify(answers.map((a) => a.error)));
      for (const a of answers.filter((x) => x.status === 409)) assert.equal(a.error?.reason, 'invoice_paid');
    });
  });

  describe('after every attack above', () => {
    it('finds no Luhn-valid 13–19 digit run in either database file or in any log line', () => {
      const sources = {
        ...dataFiles(env.dataDir),
        'server log': env.serverLog.lines.join('\n'),
        'server log before redaction': env.serverLog.unredacted.join('\n'),
        'gateway log': env.gatewayLog.lines.join('\n'),
        'gateway log before redaction': env.gatewayLog.unredacted.join('\n'),
      };
      assert.ok(Object.keys(sources).some((name) => name.endsWith('.db')), 'the database files were read');
      assert.ok(env.serverLog.lines.length > 100, 'the attacks were logged');
      assert.deepEqual(cardNumbersIn(sources), []);
    });

    it('would find one: the scan is not blind to the test numbers the attacks used', () => {
      for (const number of [CARDS.otp, '4000 0025 0000 3155', '4000-0025-0000-3155']) {
        assert.equal(cardNumbersIn({ planted: `x ${number} y` }).length, 1, number);
      }
    });
  });
});

describe('card-testing burst', () => {
  let env: TestEnv;
  before(async () => {
    env = await startTestEnv({ limits: { cardAttemptsPerAccount: { max: 4, windowMs: 60_000 }, cardAttemptsPerIp: { max: 1000, windowMs: 60_000 } } });
  });
  after(async () => env.close());

  it('meets 429 with Retry-After when a burst of additions arrives at once, and a limited token still works later', async () => {
    const sub = await env.signIn(SUB_ACCOUNT);
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => env.tokenize(i % 2 ? CARDS.declined : CARDS.insufficientFunds)));
    const answers = await Promise.all(tokens.map((token) => sub.post('/api/cards', addCardBody(token), { idempotencyKey: key() })));
    const limited = answers.filter((a) => a.status === 429);
    assert.equal(answers.length - limited.length, 4, `only the limit's worth got through: ${answers.map((a) => a.status).join(' ')}`);
    for (const a of limited) {
      assert.equal(a.error?.code, 'rate_limited');
      const retryAfter = Number(a.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${a.headers.get('retry-after')}`);
    }
    // paying with a new card is the same door
    const pay = await sub.post(
      '/api/payments',
      { invoiceId: SEED_IDS.subInvoice, token: await env.tokenize(CARDS.visa), nameOnCard: 'Sam Lee', billing: { address: ADDRESS }, saveCard: false },
      { idempotencyKey: key() },
    );
    assert.equal(pay.status, 429);
    // a refused (429) attempt did not spend its token: the customer can use it once the window passes
    const kept = await env.tokenize(CARDS.visa);
    assert.equal((await sub.post('/api/cards', addCardBody(kept), { idempotencyKey: key() })).status, 429);
    env.clock.advance(61_000);
    assert.equal((await sub.post('/api/cards', addCardBody(kept), { idempotencyKey: key() })).status, 201);
  });
});
