import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { containsCardNumber } from '../../src/core/pan-scan.js';
import { OWNER, SEED_IDS, SUB_ACCOUNT, startTestEnv } from './harness.js';
import type { Session, TestEnv } from './harness.js';

/** What the CSP forbids in a page: inline scripts, inline styles, inline handlers, javascript: URLs. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bsrc=/.test(match[1]) || match[2].trim() !== '') found.push('inline <script>');
  }
  if (/<style\b/i.test(html)) found.push('<style>');
  if (/\sstyle=/i.test(html)) found.push('style= attribute');
  if (/\son[a-z]+=/i.test(html)) found.push('inline event handler');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

describe('demo pages', () => {
  let env: TestEnv;
  let owner: Session;
  let distDir: string;
  before(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'saved-cards-dist-'));
    env = await startTestEnv({ distDir });
    owner = await env.signIn(OWNER);
  });
  after(async () => {
    await env.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  const page = async (path: string, session: Session = owner): Promise<string> => {
    const res = await session.request('GET', path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.deepEqual(inlineCode(res.text), [], `${path} holds no inline code`);
    assert.equal(containsCardNumber(res.text), false, `${path} shows no card number`);
    return res.text;
  };

  it('has a sign-in form with real labels and the demo accounts', async () => {
    const html = await page('/signin', env.anonymous());
    assert.match(html, /<label for="email">Email<\/label>\s*<input id="email" name="email" type="email"/);
    assert.match(html, /<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/);
    assert.match(html, /<form method="post" action="\/signin"/);
    for (const account of [OWNER, SUB_ACCOUNT]) assert.ok(html.includes(account.email));
    assert.doesNotMatch(html, /saved-cards\.js/, 'no elements before sign-in');
  });

  it('Account → Cards: the account header with tabs and <card-list> pointed at /api and the gateway', async () => {
    const html = await page('/cards');
    assert.match(html, /<a class="tab" href="\/profile" >Profile<\/a>/);
    assert.match(html, /<a class="tab" href="\/cards" aria-current="page">Cards<\/a>/);
    assert.ok(html.includes(`<card-list endpoint="/api" token-endpoint="${env.gatewayUrl}/v1/tokens">`));
    assert.match(html, /<script type="module" src="\/saved-cards\.js"><\/script>/);
    for (const [href, label] of [['/cards', 'Account'], ['/billing/payment-methods', 'Billing &amp; Plans'], ['/invoices', 'Invoices']]) {
      assert.ok(html.includes(`href="${href}"`) && html.includes(label), label);
    }
    assert.match(html, /<button type="submit" class="link-button">Sign out<\/button>/);
    assert.match(html, /data-demo-phone/);
  });

  it('Billing & Plans → Payment Methods: subscription, wallet refill with a selectable list, the card list', async () => {
    const html = await page('/billing/payment-methods');
    assert.match(html, /<dt>Plan<\/dt><dd>Pro<\/dd>/);
    assert.match(html, /\$49\.00 \/ month/);
    assert.match(html, /<dd data-subscription-card>Visa •••• 4242<\/dd>/);
    assert.match(html, /data-wallet-balance>\$20\.00</);
    // the selectable list's own "Use another card" pays the chosen amount with a new card
    assert.ok(html.includes(`<card-list endpoint="/api" token-endpoint="${env.gatewayUrl}/v1/tokens" selectable amount="2500" currency="USD"`));
    assert.match(html, /<input type="radio" name="amount" value="2500" checked>/);
    assert.match(html, /Pay with the selected card/);
    assert.equal((html.match(/<card-list /g) ?? []).length, 2, 'the refill list and the management list');
  });

  it('Invoices: the open invoices, and "Pay Now" opens the pay panel for that invoice', async () => {
    const list = await page('/invoices');
    assert.ok(list.includes(`href="/invoices?pay=${SEED_IDS.invoiceOpen}#pay-panel">Pay Now</a>`));
    assert.doesNotMatch(list, /<add-card-form/);
    const html = await page(`/invoices?pay=${SEED_IDS.invoiceOpen}`);
    assert.ok(html.includes(`data-invoice-id="${SEED_IDS.invoiceOpen}"`));
    assert.match(html, /<card-list endpoint="\/api" token-endpoint="[^"]+" selectable hide-add/);
    assert.match(
      html,
      new RegExp(`<add-card-form endpoint="/api" token-endpoint="[^"]+" mode="pay" invoice-id="${SEED_IDS.invoiceOpen}" amount="4900"\\s+currency="USD" require-terms`),
    );
    assert.match(html, /<span slot="terms">I authorise Demo Portal to charge this card \$49\.00/);
    assert.match(html, /Demo phone/);
    const paid = await page(`/invoices?pay=${SEED_IDS.invoicePaid}`);
    assert.doesNotMatch(paid, /data-pay-panel/, 'a paid invoice cannot be paid');
  });

  it('Profile: who is signed in, and whose sub-account it is', async () => {
    assert.match(await page('/profile'), /Account owner/);
    assert.match(await page('/profile', await env.signIn(SUB_ACCOUNT)), /Sub-account of owner@demo\.test/);
  });

  it('serves the page scripts and styles with their types, and nothing outside demo/public', async () => {
    for (const [path, type] of [
      ['/assets/portal.css', 'text/css'],
      ['/assets/portal.js', 'text/javascript'],
      ['/assets/billing.js', 'text/javascript'],
      ['/assets/invoices.js', 'text/javascript'],
    ]) {
      const res = await owner.request('GET', path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', new RegExp(type));
      const sink = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(|document\.write\(/.exec(res.text);
      assert.equal(sink, null, `${path}: Trusted Types would refuse ${sink?.[0]}`);
    }
    for (const path of ['/assets/..%2Fstart.ts', '/assets/nope.js', '/assets/portal.ts']) {
      assert.equal((await owner.request('GET', path)).status, 404, path);
    }
  });

  it('answers 503 with instructions while the bundle is not built, and serves it once it is', async () => {
    const missing = await owner.request('GET', '/saved-cards.js');
    assert.equal(missing.status, 503);
    assert.match(missing.text, /vite build --mode bundle/);
    assert.match(await page('/cards'), /bundle is not built yet/);

    writeFileSync(join(distDir, 'saved-cards.js'), 'export {};\n');
    writeFileSync(join(distDir, 'saved-cards.js.map'), '{}');
    const built = await owner.request('GET', '/saved-cards.js');
    assert.equal(built.status, 200);
    assert.match(built.headers.get('content-type') ?? '', /text\/javascript/);
    assert.equal((await owner.request('GET', '/saved-cards.js.map')).status, 200);
    assert.doesNotMatch(await page('/cards'), /bundle is not built yet/);
  });

  it('shows the terms page and a 404 page', async () => {
    assert.match(await page('/terms'), /Payment terms/);
    const missing = await owner.request('GET', '/nope');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Page not found/);
  });
});

describe('demo pages with a publishable key', () => {
  it('hand the key to the elements, which the gateway then requires', async (t) => {
    const env = await startTestEnv({ publishableKey: 'pk_test_demo' });
    t.after(() => env.close());
    const owner = await env.signIn(OWNER);
    const html = (await owner.request('GET', '/cards')).text;
    assert.ok(html.includes(`token-endpoint="${env.gatewayUrl}/v1/tokens" publishable-key="pk_test_demo"`));
    const without = await fetch(`${env.gatewayUrl}/v1/tokens`, { method: 'POST', body: '{}', headers: { Origin: env.serverUrl } });
    assert.equal(without.status, 401);
    assert.match(await env.tokenize('4242424242424242'), /^tok_/);
  });
});
