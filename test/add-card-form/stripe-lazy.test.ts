/**
 * The Stripe chunk and Stripe.js load only on demand: a form without `gateway="stripe"` fetches
 * neither, and asks no loader. Also: `<card-list>` passes `gateway` and `publishable-key` to its
 * embedded form, whose fields then go into the list's light DOM, through the real default loader
 * (`loadStripe` from `@stripe/stripe-js/pure`, which takes an already present `window.Stripe`).
 *
 * One page for the whole file, in this order: the first test must run before anything imports the chunk.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { MockHost, mockCard } from '../../src/testing/index.js';
import { StripeDouble, loaderFor } from '../support/stripe-double.js';

/** Module and script URLs the page fetched that have to do with Stripe support. */
function stripeFetches(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /stripe-fields|gateways\/stripe\/|stripe[-_]js|js\.stripe\.com/.test(url));
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Stripe support loads on demand', () => {
  it('a default form fetches no Stripe code and loads no Stripe.js, until gateway="stripe"', async () => {
    const stripe = new StripeDouble();
    const loader = loaderFor(stripe);
    const el = await fixture<AddCardForm>(html`<add-card-form publishable-key="pk_double" .stripeLoader=${loader} .savedAddresses=${[]}></add-card-form>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(loader.keys).to.deep.equal([]);
    expect(stripeFetches()).to.deep.equal([]);
    expect(document.querySelector('script[src*="stripe"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[data-field="number"]')).not.to.equal(null);

    el.gateway = 'stripe';
    await stripe.mounted();
    expect(loader.keys).to.deep.equal(['pk_double']);
    expect(stripeFetches().some((url) => url.includes('stripe-fields'))).to.be.true;
    // the injected loader stood in for Stripe.js: no script from js.stripe.com was added
    expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
    el.remove();
  });

  it('<card-list gateway="stripe"> passes it on: the form’s fields go into the list’s light DOM, through loadStripe', async () => {
    const stripe = new StripeDouble();
    const keys: string[] = [];
    // what Stripe.js defines once its script ran; loadStripe uses it instead of adding a script
    (window as unknown as { Stripe: unknown }).Stripe = (key: string) => {
      keys.push(key);
      return stripe;
    };
    const host = new MockHost({ cards: [mockCard({ id: 'card_1', brand: 'visa', last4: '4242', nameOnCard: 'Ada', expMonth: 12, expYear: 2031 })] });
    const list = await fixture<CardList>(html`<card-list gateway="stripe" publishable-key="pk_demo" .client=${host.client()}></card-list>`);
    await until(() => !!list.shadowRoot!.querySelector('[part~="button-add"]'), 'the list');
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-add"]')!.click();
    await stripe.mounted();
    const form = list.shadowRoot!.querySelector('add-card-form')!;
    expect(form.gateway).to.equal('stripe');
    expect(keys).to.deep.equal(['pk_demo']);
    for (const element of stripe.created) {
      expect(element.container!.parentElement).to.equal(list);
      expect(element.container!.getRootNode()).to.equal(document);
    }
    const field = form.shadowRoot!.querySelector('#number')!.getBoundingClientRect();
    const frame = stripe.element('cardNumber').frame!.getBoundingClientRect();
    expect(frame.top).to.be.at.least(field.top);
    expect(frame.bottom).to.be.at.most(field.bottom);
    await expect(list).to.be.accessible();

    // back to the list: the form goes, and so do Stripe's Elements and everything put in the list's light DOM
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-back"]')!.click();
    await until(() => !list.shadowRoot!.querySelector('add-card-form'), 'the list again');
    expect(stripe.created.every((e) => e.destroyed)).to.be.true;
    expect(list.children).to.have.length(0);
  });
});
