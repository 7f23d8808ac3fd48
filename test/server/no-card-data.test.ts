import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createClient } from '@libsql/client';
import { containsCardNumber } from '../../src/core/pan-scan.js';
import { createLogger, memoryLogger } from '../../demo/lib/logger.js';
import { ADDRESS, CARDS, OWNER, SEED_IDS, SUB_ACCOUNT, addCardBody, cardNumbersIn, dataFiles, key, startTestEnv } from './harness.js';
import type { TestEnv } from './harness.js';

describe('no card number at rest or in logs', () => {
  it('leaves none in either database file or any log after every test card went through every flow', async () => {
    const env = await startTestEnv();
    try {
      await workload(env);
    } finally {
      // close() scans both databases (with their WAL files) and every log line, and throws on a find
      await env.close();
    }
  });

  async function workload(env: TestEnv): Promise<void> {
    const owner = await env.signIn(OWNER);
    const sub = await env.signIn(SUB_ACCOUNT);
    for (const number of Object.values(CARDS)) {
      await sub.post('/api/cards', addCardBody(await env.tokenize(number)), { idempotencyKey: key() });
      await owner.post(
        '/api/payments',
        { amount: { amount: 100, currency: 'USD' }, token: await env.tokenize(number), nameOnCard: 'Ada', billing: { address: ADDRESS }, saveCard: false },
        { idempotencyKey: key() },
      );
    }
    const verification = await owner.post<{ verification: { id: string } }>('/api/cards', addCardBody(await env.tokenize(CARDS.otp)), { idempotencyKey: key() });
    await owner.post(`/api/verifications/${verification.body.verification.id}/confirm`, { code: await env.latestCode() }, { idempotencyKey: key() });
    // card numbers where they do not belong: refused, and never stored or logged
    await owner.post('/api/cards', addCardBody('tok_x', { nameOnCard: CARDS.visa }), { idempotencyKey: key() });
    await owner.del(`/api/cards/${CARDS.visa}`);
    await env.anonymous().post('/api/session', { email: OWNER.email, password: CARDS.amex });
    await fetch(`${env.gatewayUrl}/v1/tokens`, { method: 'POST', body: JSON.stringify({ number: '4242424242424241', cvc: '123' }) });
    await owner.post('/api/payments', { invoiceId: SEED_IDS.invoiceWorkshop, cardId: SEED_IDS.visa }, { idempotencyKey: key() });

    assert.ok(env.serverLog.lines.length > 20 && env.gatewayLog.lines.length > 20, 'the logs were written');
  }

  it('would notice one: the scan finds a card number planted in the data folder', async () => {
    const env = await startTestEnv();
    const planted = join(env.dataDir, 'planted.log');
    try {
      writeFileSync(planted, `a line with 4242 4242 4242 4242 in it\n`);
      assert.deepEqual(cardNumbersIn({ planted: dataFiles(env.dataDir)['planted.log'] }), ['planted: …4242']);
    } finally {
      rmSync(planted);
      await env.close();
    }
  });

  it('redacts anything shaped like a card number on its way to a log, and keeps the original for tests to check', () => {
    const lines: string[] = [];
    createLogger('t', (line) => lines.push(line)).info('oops', { note: 'card 4242 4242 4242 4242' });
    assert.equal(containsCardNumber(lines[0]), false);
    assert.match(lines[0], /\[card number removed\]/);
    const memory = memoryLogger('t');
    memory.warn('oops', { note: CARDS.visa });
    assert.equal(containsCardNumber(memory.lines[0]), false);
    assert.equal(containsCardNumber(memory.unredacted[0]), true);
  });

  it('has a schema that cannot hold more than the last four digits of a card', async () => {
    const env = await startTestEnv();
    const db = createClient({ url: `file:${join(env.dataDir, 'demo.db')}` });
    const gatewayDb = createClient({ url: `file:${join(env.dataDir, 'gateway.db')}` });
    let n = 0;
    const card = (last4: string, name: string): Promise<unknown> =>
      db.execute({
        sql: `INSERT INTO cards (id, account_id, gateway_payment_method_id, brand, last4, exp_month, exp_year, funding, name_on_card, created_at)
          VALUES (?, 'acct_demo_owner', ?, 'visa', ?, 1, 2030, 'credit', ?, '2026-01-01T00:00:00.000Z')`,
        args: [`card_check_${++n}`, `pm_check_${n}`, last4, name],
      });
    const refusals: [string, () => Promise<unknown>][] = [
      ['a five-digit last4', () => card('42424', 'Ada')],
      ['letters in last4', () => card('42a2', 'Ada')],
      ['a card number in last4', () => card(CARDS.visa, 'Ada')],
      ['five digits in a name', () => card('4242', 'Ada 12345')],
      ['a card number in a name', () => card('4242', `Ada ${CARDS.visa}`)],
      [
        'thirteen digits in an address line',
        () =>
          db.execute(`INSERT INTO addresses (id, account_id, kind, line1, city, region, postal_code, country, created_at)
            VALUES ('addr_x', 'acct_demo_owner', 'card', '4242 4242 4242 4', 'x', 'x', 'x', 'US', 'x')`),
      ],
      [
        'a long digit run in a stored answer',
        () =>
          db.execute(`INSERT INTO idempotency_keys (account_id, key_hash, request_hash, status, response_body, created_at)
            VALUES ('acct_demo_owner', 'k', 'r', 201, '{"x":"${CARDS.visa}"}', 'x')`),
      ],
      [
        'a card number as a gateway token’s last4',
        () =>
          gatewayDb.execute(`INSERT INTO tokens (id, brand, last4, exp_month, exp_year, funding, created_at)
            VALUES ('tok_x', 'visa', '${CARDS.visa}', 1, 2030, 'credit', 'x')`),
      ],
    ];
    try {
      for (const [name, insert] of refusals) {
        await assert.rejects(insert, /CHECK constraint failed/, name);
      }
      await card('4242', 'Ada Lovelace'); // the guard is not simply refusing everything
    } finally {
      db.close();
      gatewayDb.close();
      await env.close();
    }
  });
});
