/**
 * The demo portal's pages: server-rendered HTML with external scripts and styles only (the CSP has no
 * 'unsafe-inline'), and the saved-cards elements dropped in with their documented attributes.
 */
import type { Invoice, Money, SavedCard } from '../../src/endpoint/types.js';
import type { DemoAccount } from './seed.js';
import { STRIPE_JS_URL } from './stripe/csp.js';
import type { Account, Subscription } from './store.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Tagged template that escapes every interpolated value unless it is already {@link Html}. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup that is already safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Formats minor units as money (`$49.00`). */
export function formatMoney(money: Money): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(money.amount / 100);
}

/** Formats an ISO date as `May 1, 2026`. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate));
}

const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  'american-express': 'American Express',
  discover: 'Discover',
  'diners-club': 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

/** `Visa •••• 4242`. */
export function describeCard(card: Pick<SavedCard, 'brand' | 'last4'>): string {
  return `${BRAND_NAMES[card.brand] ?? card.brand} •••• ${card.last4}`;
}

/** What every page knows. */
export interface PageContext {
  account: Account | null;
  csrfToken: string | null;
  /** Where the elements post card data: `${gatewayPublicUrl}/v1/tokens`. */
  tokenEndpoint: string;
  /** The gateway's origin, for the demo phone. */
  gatewayPublicUrl: string;
  /** Sent by the elements with each tokenization, when the gateway requires one (Stripe mode: Stripe's `pk_…`). */
  publishableKey: string | null;
  /** Stripe mode: the elements use `gateway="stripe"` and the page loads Stripe.js from Stripe. */
  gateway?: 'stripe';
  /** False when dist/saved-cards.js has not been built. */
  bundleBuilt: boolean;
}

type Section = 'account' | 'billing' | 'invoices';

function layout(ctx: PageContext, options: { title: string; section?: Section; script?: string; body: Html }): string {
  const nav = (section: Section, href: string, label: string): Html =>
    html`<li><a href="${href}" ${options.section === section ? new Html('aria-current="page"') : ''}>${label}</a></li>`;
  const signedIn = ctx.account
    ? html`<div class="topbar-account">
        <span class="topbar-email">${ctx.account.email}</span>
        <form method="post" action="/signout" class="signout">
          <input type="hidden" name="csrf_token" value="${ctx.csrfToken ?? ''}">
          <button type="submit" class="link-button">Sign out</button>
        </form>
      </div>`
    : '';
  const bundleNotice = ctx.bundleBuilt
    ? ''
    : html`<p class="notice" role="alert">The saved-cards bundle is not built yet, so the card elements below are placeholders.
        Run <code>npx --no-install vite build --mode bundle</code> (or <code>npm start</code>) and reload.</p>`;
  return `<!doctype html>
${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${ctx.csrfToken ? html`<meta name="csrf-token" content="${ctx.csrfToken}">` : ''}
<meta name="gateway-url" content="${ctx.gatewayPublicUrl}">
<title>${options.title} · Demo Portal</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/portal.css">
${ctx.account && ctx.gateway === 'stripe' ? html`<script src="${STRIPE_JS_URL}"></script>` : ''}
${ctx.account ? html`<script type="module" src="/saved-cards.js"></script>` : ''}
<script type="module" src="/assets/portal.js"></script>
${options.script ? html`<script type="module" src="/assets/${options.script}"></script>` : ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar">
  <a class="topbar-brand" href="/">Demo Portal</a>
  ${
    ctx.account
      ? html`<nav class="topnav" aria-label="Main">
          <ul>
            ${nav('account', '/cards', 'Account')}
            ${nav('billing', '/billing/payment-methods', 'Billing & Plans')}
            ${nav('invoices', '/invoices', 'Invoices')}
          </ul>
        </nav>`
      : ''
  }
  ${signedIn}
</header>
<div class="page">
  <main id="main" tabindex="-1">
    ${bundleNotice}
    ${options.body}
  </main>
  ${ctx.account ? demoPhone() : ''}
</div>
</body>
</html>`}`;
}

/** The "Demo phone": shows the one-time codes the sandbox gateway sends (portal.js polls them). */
function demoPhone(): Html {
  return html`<aside class="demo-phone" aria-labelledby="demo-phone-heading" data-demo-phone>
    <h2 id="demo-phone-heading">Demo phone</h2>
    <p class="hint">One-time codes the sandbox gateway “texts” to •••• 0142 appear here.</p>
    <ol class="demo-phone-messages" aria-live="polite" data-demo-phone-messages>
      <li class="empty">No messages yet.</li>
    </ol>
    <h2 id="event-log-heading">Element events</h2>
    <p class="hint">What the elements told this page (masked facts only).</p>
    <ol class="event-log" aria-labelledby="event-log-heading" data-event-log></ol>
  </aside>`;
}

function tokenEndpointAttrs(ctx: PageContext): Html {
  const key = ctx.publishableKey ? html` publishable-key="${ctx.publishableKey}"` : '';
  const gateway = ctx.gateway ? html` gateway="${ctx.gateway}"` : '';
  return html`endpoint="/api" token-endpoint="${ctx.tokenEndpoint}"${gateway}${key}`;
}

/** `/signin`. */
export function signInPage(ctx: PageContext, accounts: readonly DemoAccount[], state: { error?: string; email?: string } = {}): string {
  return layout(ctx, {
    title: 'Sign in',
    body: html`<section class="signin card-panel" aria-labelledby="signin-heading">
      <h1 id="signin-heading">Sign in</h1>
      ${state.error ? html`<p class="form-error" role="alert" id="signin-error">${state.error}</p>` : ''}
      <form method="post" action="/signin" class="stack" ${state.error ? new Html('aria-describedby="signin-error"') : ''}>
        <div class="field">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value="${state.email ?? ''}">
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
        </div>
        <button type="submit" class="button primary">Sign in</button>
      </form>
      <h2>Demo accounts</h2>
      <ul class="demo-accounts">
        ${accounts.map(
          (a) => html`<li><strong>${a.email}</strong> / <code>${a.password}</code><br><span class="hint">${a.description}</span></li>`,
        )}
      </ul>
    </section>`,
  });
}

function accountHeader(ctx: PageContext, tab: 'profile' | 'cards'): Html {
  const link = (name: 'profile' | 'cards', href: string, label: string): Html =>
    html`<a class="tab" href="${href}" ${tab === name ? new Html('aria-current="page"') : ''}>${label}</a>`;
  return html`<header class="page-header">
    <p class="breadcrumb">Account</p>
    <h1>${ctx.account?.displayName ?? 'Account'}</h1>
    <nav class="tabs" aria-label="Account sections">
      ${link('profile', '/profile', 'Profile')} ${link('cards', '/cards', 'Cards')}
    </nav>
  </header>`;
}

/** `/profile`. */
export function profilePage(ctx: PageContext, parentEmail: string | null): string {
  const account = ctx.account as Account;
  return layout(ctx, {
    title: 'Profile',
    section: 'account',
    body: html`${accountHeader(ctx, 'profile')}
      <section class="card-panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl class="facts">
          <dt>Name</dt><dd>${account.displayName}</dd>
          <dt>Email</dt><dd>${account.email}</dd>
          <dt>Account type</dt><dd>${parentEmail ? `Sub-account of ${parentEmail}` : 'Account owner'}</dd>
        </dl>
      </section>`,
  });
}

/** `/cards`: Account → Cards. */
export function cardsPage(ctx: PageContext): string {
  return layout(ctx, {
    title: 'Cards',
    section: 'account',
    body: html`${accountHeader(ctx, 'cards')}
      <section class="card-panel" aria-labelledby="cards-heading">
        <h2 id="cards-heading">Cards</h2>
        <p class="hint">Cards on file for subscriptions and invoices. Card numbers go straight to the payment gateway; this portal only keeps the brand, the last four digits and the expiry.</p>
        <card-list ${tokenEndpointAttrs(ctx)}>
          <p class="placeholder">Loading your cards…</p>
        </card-list>
      </section>`,
  });
}

/** What the Billing page shows. */
export interface BillingView {
  subscription: Subscription | null;
  defaultCard: SavedCard | null;
  wallet: Money | null;
}

/** Wallet refill amounts offered, in minor units. */
export const REFILL_AMOUNTS: readonly number[] = [2500, 5000, 10000];

/** `/billing/payment-methods`: Billing & Plans → Payment Methods. */
export function billingPage(ctx: PageContext, view: BillingView): string {
  const { subscription, defaultCard, wallet } = view;
  const currency = wallet?.currency ?? 'USD';
  return layout(ctx, {
    title: 'Payment Methods',
    section: 'billing',
    script: 'billing.js',
    body: html`<header class="page-header">
        <p class="breadcrumb">Billing &amp; Plans</p>
        <h1>Payment Methods</h1>
      </header>
      <section class="card-panel" aria-labelledby="subscription-heading">
        <h2 id="subscription-heading">Subscription</h2>
        ${
          subscription
            ? html`<dl class="facts">
                <dt>Plan</dt><dd>${subscription.plan}</dd>
                <dt>Price</dt><dd>${formatMoney(subscription.price)} / ${subscription.interval}</dd>
                <dt>Next charge</dt><dd>${formatDate(subscription.nextChargeOn)}</dd>
                <dt>Charged to</dt><dd data-subscription-card>${defaultCard ? describeCard(defaultCard) : 'No card on file'}</dd>
              </dl>`
            : html`<p>No active subscription.</p>`
        }
      </section>
      <section class="card-panel" aria-labelledby="wallet-heading">
        <h2 id="wallet-heading">Wallet</h2>
        <p>Balance: <strong data-wallet-balance>${wallet ? formatMoney(wallet) : '—'}</strong></p>
        <form class="refill stack" data-refill novalidate>
          <fieldset>
            <legend>Refill amount</legend>
            <div class="amounts">
              ${REFILL_AMOUNTS.map(
                (amount, i) => html`<label class="amount-choice">
                  <input type="radio" name="amount" value="${amount}" ${i === 0 ? new Html('checked') : ''}>
                  ${formatMoney({ amount, currency })}
                </label>`,
              )}
            </div>
          </fieldset>
          <input type="hidden" name="currency" value="${currency}">
          <h3 id="refill-card-heading">Pay with</h3>
          <p class="hint">Your default card is chosen; “Use another card” pays with a new one.</p>
          <card-list ${tokenEndpointAttrs(ctx)} selectable amount="${REFILL_AMOUNTS[0]}" currency="${currency}"
              aria-labelledby="refill-card-heading" data-refill-cards>
            <p class="placeholder">Loading your cards…</p>
          </card-list>
          <div class="actions">
            <button type="submit" class="button primary" data-refill-pay>Pay with the selected card</button>
          </div>
          <div class="otp" data-otp hidden>
            <label for="refill-otp-code">One-time code</label>
            <input id="refill-otp-code" inputmode="numeric" autocomplete="one-time-code" data-otp-code>
            <button type="button" class="button" data-otp-confirm>Confirm</button>
          </div>
          <p class="status" role="status" data-refill-status></p>
        </form>
      </section>
      <section class="card-panel" aria-labelledby="methods-heading">
        <h2 id="methods-heading">Cards on file</h2>
        <card-list ${tokenEndpointAttrs(ctx)} data-manage-cards>
          <p class="placeholder">Loading your cards…</p>
        </card-list>
      </section>`,
  });
}

/** `/invoices`; with `paying`, the "Pay Now" panel for that invoice is open; with `paid`, a thank-you. */
export function invoicesPage(ctx: PageContext, invoices: Invoice[], paying: Invoice | null, paid: Invoice | null = null): string {
  const open = invoices.filter((invoice) => invoice.status === 'open');
  const closed = invoices.filter((invoice) => invoice.status !== 'open');
  const row = (invoice: Invoice): Html => html`<tr data-invoice-row="${invoice.id}">
      <th scope="row">${invoice.number}</th>
      <td>${invoice.description}</td>
      <td>${formatDate(invoice.dueDate)}</td>
      <td class="amount">${formatMoney(invoice.amount)}</td>
      <td>${
        invoice.status === 'open'
          ? html`<a class="button primary" href="/invoices?pay=${encodeURIComponent(invoice.id)}#pay-panel">Pay Now</a>`
          : html`<span class="badge">${invoice.status === 'paid' ? 'Paid' : 'Void'}</span>`
      }</td>
    </tr>`;
  const table = (rows: Invoice[], caption: string): Html => html`<table class="invoices">
      <caption>${caption}</caption>
      <thead><tr><th scope="col">Invoice</th><th scope="col">Description</th><th scope="col">Due</th><th scope="col">Amount</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
      <tbody>${rows.map(row)}</tbody>
    </table>`;
  return layout(ctx, {
    title: 'Invoices',
    section: 'invoices',
    script: 'invoices.js',
    body: html`<header class="page-header">
        <p class="breadcrumb">Billing &amp; Plans</p>
        <h1>Invoices</h1>
      </header>
      ${paid ? html`<p class="notice success" role="status">Invoice ${paid.number} is paid. Thank you!</p>` : ''}
      <section class="card-panel" aria-labelledby="open-heading">
        <h2 id="open-heading">Open invoices</h2>
        ${open.length ? table(open, 'Open invoices') : html`<p>Nothing to pay. Thank you!</p>`}
      </section>
      ${paying ? payPanel(ctx, paying) : ''}
      ${closed.length ? html`<section class="card-panel" aria-labelledby="closed-heading"><h2 id="closed-heading">Paid invoices</h2>${table(closed, 'Paid invoices')}</section>` : ''}`,
  });
}

function payPanel(ctx: PageContext, invoice: Invoice): Html {
  return html`<section class="card-panel pay-panel" id="pay-panel" aria-labelledby="pay-heading" data-pay-panel
      data-invoice-id="${invoice.id}" data-amount="${invoice.amount.amount}" data-currency="${invoice.amount.currency}">
    <h2 id="pay-heading">Pay ${invoice.number}: ${formatMoney(invoice.amount)}</h2>
    <p>${invoice.description}, due ${formatDate(invoice.dueDate)}.</p>
    <h3 id="saved-card-heading">With a saved card</h3>
    <card-list ${tokenEndpointAttrs(ctx)} selectable hide-add aria-labelledby="saved-card-heading" data-pay-cards>
      <p class="placeholder">Loading your cards…</p>
    </card-list>
    <div class="actions">
      <button type="button" class="button primary" data-pay-saved>Pay ${formatMoney(invoice.amount)} with the selected card</button>
      <a class="button" href="/invoices">Cancel</a>
    </div>
    <div class="otp" data-otp hidden>
      <label for="pay-otp-code">One-time code</label>
      <input id="pay-otp-code" inputmode="numeric" autocomplete="one-time-code" data-otp-code>
      <button type="button" class="button" data-otp-confirm>Confirm</button>
    </div>
    <p class="status" role="status" data-pay-status></p>
    <h3>Or with a new card</h3>
    <add-card-form ${tokenEndpointAttrs(ctx)} mode="pay" invoice-id="${invoice.id}" amount="${invoice.amount.amount}"
        currency="${invoice.amount.currency}" require-terms data-pay-form>
      <span slot="terms">I authorise Demo Portal to charge this card ${formatMoney(invoice.amount)} for invoice ${invoice.number}, and agree to the <a href="/terms" target="_blank" rel="noopener">payment terms</a>.</span>
      <p class="placeholder">Loading the card form…</p>
    </add-card-form>
  </section>`;
}

/** `/terms`: the payment terms linked from the pay form. */
export function termsPage(ctx: PageContext): string {
  return layout(ctx, {
    title: 'Payment terms',
    body: html`<section class="card-panel" aria-labelledby="terms-heading">
      <h1 id="terms-heading">Payment terms</h1>
      <p>This is a demo. No real card is charged: the sandbox gateway only accepts test card numbers.</p>
      <p>When you pay an invoice, the amount shown is charged once to the card you choose. When you keep a card on file, it may be charged for your subscription on each billing date until you remove it.</p>
    </section>`,
  });
}

/** A plain error page (404). */
export function notFoundPage(ctx: PageContext): string {
  return layout(ctx, {
    title: 'Not found',
    body: html`<section class="card-panel"><h1>Page not found</h1><p><a href="/">Back to the portal</a></p></section>`,
  });
}
