/**
 * <add-card-form gateway="stripe">: Stripe's split Elements in light-DOM containers projected into the
 * form, the same experience as the native fields (brand, our messages for Stripe's codes, complete
 * states, the theme), the intent flow with 3-D Secure outcomes, and the cleanup. Against the
 * Stripe.js double and a host-endpoint double: nothing here reaches Stripe.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { EndpointClient } from '../../src/endpoint/client.js';
import { en } from '../../src/i18n/index.js';
import { CONTAINER_CLASS } from '../../src/gateways/stripe/card-elements.js';
import { HostDouble, StripeDouble, loaderFor, paymentIntent, stripeError, type ElementDouble } from '../support/stripe-double.js';
import { AddCardForm, fillAddress, submitButton, typeInto, until } from './helpers.js';

interface Mounted {
  el: AddCardForm;
  stripe: StripeDouble;
  host: HostDouble;
  loader: ReturnType<typeof loaderFor>;
}

async function mountStripe(props: Partial<AddCardForm> = {}, template?: (parts: { client: EndpointClient; loader: ReturnType<typeof loaderFor> }) => ReturnType<typeof html>): Promise<Mounted> {
  const stripe = new StripeDouble();
  const host = new HostDouble();
  const loader = loaderFor(stripe);
  const client = new EndpointClient({ baseUrl: '/api', fetch: host.fetch, csrfToken: 'csrf', retries: 0 });
  const wrapper = await fixture<HTMLElement>(
    template
      ? template({ client, loader })
      : html`<div><add-card-form gateway="stripe" publishable-key="pk_double" .client=${client} .stripeLoader=${loader}
          .savedAddresses=${[]}></add-card-form></div>`,
  );
  const el = findForm(wrapper);
  Object.assign(el, props);
  await stripe.mounted();
  await el.updateComplete;
  return { el, stripe, host, loader };
}

function findForm(root: Element): AddCardForm {
  if (root instanceof AddCardForm) return root;
  const direct = root.querySelector('add-card-form') ?? root.shadowRoot?.querySelector('add-card-form');
  if (direct instanceof AddCardForm) return direct;
  for (const child of [...root.children, ...(root.shadowRoot?.children ?? [])]) {
    try {
      return findForm(child);
    } catch {
      // keep looking
    }
  }
  throw new Error('no add-card-form');
}

const number = (s: StripeDouble): ElementDouble => s.element('cardNumber');
const expiry = (s: StripeDouble): ElementDouble => s.element('cardExpiry');
const cvc = (s: StripeDouble): ElementDouble => s.element('cardCvc');

function box(el: AddCardForm, field: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`#${field}`)!;
}
function errorText(el: AddCardForm, field: string): string {
  return el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim() ?? '';
}
function parts(el: AddCardForm, field: string): string[] {
  return (box(el, field).getAttribute('part') ?? '').split(/\s+/).filter(Boolean);
}
async function settle(el: AddCardForm): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** The name and a US address typed in, and Stripe reporting a complete card. */
async function fillStripe(m: Mounted, brand = 'visa'): Promise<void> {
  await typeInto(m.el, 'name', 'Ada Lovelace');
  await fillAddress(m.el);
  m.stripe.completeCard(brand);
  await settle(m.el);
}

async function submit(el: AddCardForm): Promise<void> {
  submitButton(el).click();
  await settle(el);
}

describe('<add-card-form gateway="stripe">', () => {
  it('is accessible, and loads Stripe.js once, for its publishable key', async () => {
    const { el, loader } = await mountStripe();
    await expect(el).to.be.accessible();
    expect(loader.keys).to.deep.equal(['pk_double']);
    // the form's own card inputs are gone: the number and code can only be typed into Stripe's frames
    expect(el.shadowRoot!.querySelector('input[data-field="number"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[data-field="code"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input[data-field="name"]')).not.to.equal(null);
  });

  it('mounts the three Elements into light-DOM containers projected into its named slots', async () => {
    const { el, stripe } = await mountStripe();
    const slots = { cardNumber: 'stripe-card-number', cardExpiry: 'stripe-card-expiry', cardCvc: 'stripe-card-cvc' } as const;
    for (const [type, slotName] of Object.entries(slots)) {
      const element = stripe.element(type as keyof typeof slots);
      const container = element.container!;
      expect(container.parentElement, type).to.equal(el);
      expect(container.classList.contains(CONTAINER_CLASS)).to.be.true;
      expect(container.slot).to.equal(slotName);
      expect(container.getRootNode()).to.equal(document);
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${slotName}"]`)!;
      expect(slot.assignedElements({ flatten: true })).to.deep.equal([container]);
    }
    // the frames sit in the form's layout: each inside its own field box, the number above the
    // expiry, the expiry beside the code
    for (const [field, element] of [['number', number(stripe)], ['expiry', expiry(stripe)], ['code', cvc(stripe)]] as const) {
      const frame = element.frame!.getBoundingClientRect();
      const outer = box(el, field).getBoundingClientRect();
      expect(frame.width, field).to.be.greaterThan(50);
      expect(frame.left, field).to.be.at.least(outer.left);
      expect(frame.right, field).to.be.at.most(outer.right);
      expect(frame.top, field).to.be.at.least(outer.top);
      expect(frame.bottom, field).to.be.at.most(outer.bottom);
    }
    const n = number(stripe).frame!.getBoundingClientRect();
    const e = expiry(stripe).frame!.getBoundingClientRect();
    const c = cvc(stripe).frame!.getBoundingClientRect();
    expect(e.top).to.be.greaterThan(n.bottom);
    expect(c.left).to.be.greaterThan(e.right);
  });

  it('inside another component’s shadow root, mounts next to that component and re-projects into the form', async () => {
    class PortalPanel extends HTMLElement {
      client!: EndpointClient;
      loader!: ReturnType<typeof loaderFor>;
      connectedCallback(): void {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: 'open' });
        const form = document.createElement('add-card-form') as AddCardForm;
        form.gateway = 'stripe';
        form.publishableKey = 'pk_double';
        form.client = this.client;
        form.stripeLoader = this.loader;
        form.savedAddresses = [];
        root.append(form);
      }
    }
    if (!customElements.get('portal-panel')) customElements.define('portal-panel', PortalPanel);
    const { el, stripe } = await mountStripe({}, ({ client, loader }) => html`<portal-panel .client=${client} .loader=${loader}></portal-panel>`);
    const panel = (el.getRootNode() as ShadowRoot).host;
    expect(panel.localName).to.equal('portal-panel');
    for (const element of [number(stripe), expiry(stripe), cvc(stripe)]) {
      // in the document, as Stripe requires (the double's mount would have thrown otherwise)…
      expect(element.container!.parentElement).to.equal(panel);
      expect(element.container!.getRootNode()).to.equal(document);
    }
    // …and shown inside the form's field box
    const frame = number(stripe).frame!.getBoundingClientRect();
    const field = box(el, 'number').getBoundingClientRect();
    expect(frame.top).to.be.at.least(field.top);
    expect(frame.bottom).to.be.at.most(field.bottom);
    expect(frame.left).to.be.at.least(field.left);
    await expect(el).to.be.accessible();

    // removing the form cleans up the panel's light DOM too
    el.remove();
    await settle(el);
    expect(panel.children).to.have.length(0);
    expect(stripe.created.every((e) => e.destroyed && e.unmounts === 1)).to.be.true;
  });

  it('shows the brand from Stripe: the mark, the drawing, the code hint (Amex: 4 on the front), announced once', async () => {
    const { el, stripe } = await mountStripe();
    number(stripe).emitChange({ brand: 'amex' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="brand"] svg')!.getAttribute('data-brand')).to.equal('american-express');
    expect(el.shadowRoot!.querySelector('cvv-flip')!.brand).to.equal('american-express');
    expect(el.shadowRoot!.querySelector('#code-hint')!.textContent).to.equal('4 digits on the front');
    expect(el.shadowRoot!.querySelector('[data-role="brand-announcement"]')!.textContent).to.equal('American Express card');
    number(stripe).emitChange({ brand: 'visa' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('#code-hint')!.textContent).to.equal('3 digits on the back');
  });

  it('the drawing turns over while the code field has focus', async () => {
    const { el, stripe } = await mountStripe();
    cvc(stripe).emit('focus', { elementType: 'cardCvc' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('cvv-flip')!.focusField).to.equal('code');
    expect(box(el, 'code').classList.contains('focus')).to.be.true;
    cvc(stripe).emit('blur', { elementType: 'cardCvc' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('cvv-flip')!.focusField).to.equal('');
  });

  it('shows OUR message for Stripe’s error code, with the red outline, never Stripe’s English', async () => {
    const { el, stripe } = await mountStripe();
    number(stripe).emitChange({ error: { code: 'invalid_number', message: 'Your card number is invalid.' }, brand: 'unknown' });
    await settle(el);
    expect(errorText(el, 'number')).to.equal(en.numberChecksum);
    expect(parts(el, 'number')).to.include('input-invalid');
    expect(box(el, 'number').classList.contains('invalid')).to.be.true;
    expect(box(el, 'number').getAttribute('aria-describedby')).to.contain('number-error');
    expect(el.shadowRoot!.textContent).not.to.contain('Your card number is invalid');
    await expect(el).to.be.accessible();

    // the host's own wording for our key wins, as for the native fields
    el.messages = { expiryInPast: 'Diese Karte ist abgelaufen.' };
    expiry(stripe).emit('focus', { elementType: 'cardExpiry' });
    expiry(stripe).emitChange({ error: { code: 'invalid_expiry_year_past', message: "Your card's expiration year is in the past." } });
    expiry(stripe).emit('blur', { elementType: 'cardExpiry' });
    await settle(el);
    expect(errorText(el, 'expiry')).to.equal('Diese Karte ist abgelaufen.');

    // fixing it clears the error
    number(stripe).emitChange({ complete: true, brand: 'visa' });
    await settle(el);
    expect(errorText(el, 'number')).to.equal('');
    expect(parts(el, 'number')).to.include('input-complete');
  });

  it('an incomplete field shows nothing while typed, then "incomplete" on leaving it, "required" on submit', async () => {
    const { el, stripe } = await mountStripe();
    cvc(stripe).emit('focus', { elementType: 'cardCvc' });
    cvc(stripe).emitChange({ empty: false, complete: false });
    await settle(el);
    expect(errorText(el, 'code')).to.equal('');
    cvc(stripe).emit('blur', { elementType: 'cardCvc' });
    await settle(el);
    expect(errorText(el, 'code')).to.equal('Enter the 3-digit security code.');
    await submit(el);
    expect(errorText(el, 'number')).to.equal(en.numberRequired);
    expect(errorText(el, 'expiry')).to.equal(en.expiryRequired);
    // the first invalid field gets focus: Stripe's number frame
    expect(number(stripe).focusCalls).to.equal(1);
    expect(stripe.setupCalls).to.have.length(0);
  });

  it('refuses a brand the host does not accept, at once', async () => {
    const { el, stripe } = await mountStripe({ acceptedBrands: ['visa', 'mastercard'] });
    number(stripe).emitChange({ complete: true, brand: 'amex' });
    await settle(el);
    expect(errorText(el, 'number')).to.equal('We don’t accept American Express. Use another card.');
  });

  it('complete fields show their complete state', async () => {
    const { el, stripe } = await mountStripe();
    expiry(stripe).emitChange({ complete: true });
    await settle(el);
    expect(parts(el, 'expiry')).to.include('input-complete');
    expect(el.shadowRoot!.querySelector('.field-expiry .complete')).not.to.equal(null);
    expect(parts(el, 'code')).not.to.include('input-complete');
  });

  it('translates the theme into Stripe’s style: font, text colour, error colour', async () => {
    const stripe = new StripeDouble();
    const host = new HostDouble();
    const client = new EndpointClient({ baseUrl: '/api', fetch: host.fetch, csrfToken: 'csrf', retries: 0 });
    const wrapper = await fixture<HTMLElement>(html`<div class="themed">
      <style>
        .themed add-card-form {
          --add-card-form-error-color: rgb(170, 0, 51);
          --add-card-form-font: 600 18px Georgia, serif;
          color: rgb(10, 20, 30);
        }
      </style>
      <add-card-form gateway="stripe" publishable-key="pk_double" .client=${client} .stripeLoader=${loaderFor(stripe)} .savedAddresses=${[]}></add-card-form>
    </div>`);
    await stripe.mounted();
    const el = findForm(wrapper);
    for (const element of [number(stripe), expiry(stripe), cvc(stripe)]) {
      const style = element.options.style!;
      expect(style.base?.fontFamily).to.match(/Georgia/);
      expect(style.base?.fontSize).to.equal('18px');
      expect(String(style.base?.fontWeight)).to.equal('600');
      expect(style.base?.color).to.equal('rgb(10, 20, 30)');
      expect(style.invalid?.color).to.equal('rgb(170, 0, 51)');
      expect(style.base?.['::placeholder']?.color).to.match(/^rgba?\(/);
    }
    expect(el.shadowRoot).not.to.equal(null);
  });

  it('adds a card: SetupIntent from the host, confirmed by Stripe, saved by the host as a payment method', async () => {
    const m = await mountStripe({ offerDefault: true });
    const { el, stripe, host } = m;
    await fillStripe(m);
    const added = oneEvent(el, 'card-added');
    await submit(el);
    const event = await added;
    expect(event.detail.card.last4).to.equal('4242');
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['POST /setup-intents', 'POST /cards']);
    expect(stripe.setupCalls).to.have.length(1);
    expect(stripe.setupCalls[0].card).to.equal(number(stripe));
    expect(stripe.setupCalls[0].billingDetails).to.deep.equal({
      name: 'Ada Lovelace',
      address: { line1: '1 Market Street', city: 'San Francisco', state: 'CA', postal_code: '94105', country: 'US' },
    });
    const [save] = host.to('POST /cards');
    expect(save.body).to.deep.equal({
      paymentMethodId: 'pm_double',
      nameOnCard: 'Ada Lovelace',
      billing: { address: { line1: '1 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' } },
      setDefault: false,
    });
    expect(save.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(save.idempotencyKey).not.to.equal(host.to('POST /setup-intents')[0].idempotencyKey);
    await until(() => el.phase === 'success');
    // the card fields are emptied once the card is saved
    expect(number(stripe).clearCalls).to.equal(1);
    expect(cvc(stripe).clearCalls).to.equal(1);
    await until(() => expiry(stripe).clearCalls === 1);
  });

  it('pays an invoice: PaymentIntent, Stripe confirms (3-D Secure is Stripe’s), the host records it once', async () => {
    const m = await mountStripe({ mode: 'pay', invoiceId: 'inv_7', amount: 12000 });
    const { el, stripe, host } = m;
    await fillStripe(m);
    const paid = oneEvent(el, 'payment-succeeded');
    await submit(el);
    await paid;
    expect(host.to('POST /payment-intents').map((r) => r.body)).to.deep.equal([{ invoiceId: 'inv_7', saveCard: false }]);
    expect(stripe.paymentCalls).to.have.length(1);
    const [record] = host.to('POST /payments');
    expect(record.body).to.deep.include({ invoiceId: 'inv_7', paymentIntentId: stripe.paymentCalls[0].clientSecret.split('_secret_')[0], saveCard: false });
    expect(record.body).not.to.have.property('token');
  });

  it('a lost answer after Stripe took the payment: the retry reports the same payment, never pays again', async () => {
    const m = await mountStripe({ mode: 'pay', invoiceId: 'inv_7', amount: 12000 });
    const { el, stripe, host } = m;
    await fillStripe(m);
    host.answer('POST /payments', 'network-error');
    await submit(el);
    await until(() => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.includes('won’t be charged twice'));
    // the customer even edits the card before trying again
    number(stripe).emitChange({ complete: true, brand: 'mastercard' });
    await settle(el);
    const paid = oneEvent(el, 'payment-succeeded');
    await submit(el);
    await paid;
    expect(stripe.paymentCalls).to.have.length(1);
    const records = host.to('POST /payments');
    expect(records).to.have.length(2);
    expect(records[1].body!.paymentIntentId).to.equal(records[0].body!.paymentIntentId);
  });

  it('3-D Secure closed or failed: "Verification was cancelled or failed", nothing saved, the card kept for a retry', async () => {
    const m = await mountStripe();
    const { el, stripe, host } = m;
    await fillStripe(m);
    stripe.setupResult = { error: stripeError({ type: 'invalid_request_error', code: 'setup_intent_authentication_failure' }) };
    await submit(el);
    await until(() => !el.shadowRoot!.querySelector('[part~="submit"]')!.getAttribute('aria-busy')!.includes('true'));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.equal(en.verifyCancelledOrFailedAdd);
    expect(host.to('POST /cards')).to.have.length(0);
    expect(number(stripe).clearCalls).to.equal(0);
  });

  it('pay mode: a PaymentIntent still requiring action is reported to the host as a failed verification', async () => {
    const m = await mountStripe({ mode: 'pay', amount: 2500 });
    const { el, stripe, host } = m;
    await fillStripe(m);
    stripe.paymentResult = (call) => ({ paymentIntent: paymentIntent(call.clientSecret, 'requires_action') });
    const failed = oneEvent(el, 'payment-failed');
    await submit(el);
    const event = await failed;
    expect(event.detail.reason).to.equal('verification-failed');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.equal(en.verifyCancelledOrFailedPay);
    expect(host.to('POST /payments')).to.have.length(0);
  });

  it('a decline is said through the core’s decline reasons; the card fields are cleared and the number focused', async () => {
    const m = await mountStripe({ mode: 'pay', amount: 2500 });
    const { el, stripe } = m;
    await fillStripe(m);
    stripe.paymentResult = { error: stripeError({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' }) };
    const failed = oneEvent(el, 'payment-failed');
    await submit(el);
    expect((await failed).detail).to.deep.include({ reason: 'declined', declineCode: 'insufficient_funds' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part~="decline"]')!.textContent).to.equal(`${en.declineInsufficientFunds} ${en.declineNextUseAnotherCardOrBank}`);
    expect(number(stripe).clearCalls).to.equal(1);
    expect(cvc(stripe).clearCalls).to.equal(1);
    await until(() => number(stripe).focusCalls === 1);
    // the empty fields do not shout "required" before the customer types again
    await settle(el);
    expect(errorText(el, 'number')).to.equal('');
  });

  it('disables Stripe’s fields while a submission runs and when the form is disabled', async () => {
    const m = await mountStripe();
    const { el, stripe } = m;
    await fillStripe(m);
    let release!: () => void;
    stripe.setupResult = (call) => new Promise((resolve) => (release = () => resolve({ setupIntent: { ...paymentIntent(call.clientSecret, 'succeeded'), object: 'setup_intent', payment_method: 'pm_double' } as never })));
    submitButton(el).click();
    await until(() => stripe.setupCalls.length === 1);
    await settle(el);
    expect(number(stripe).options.disabled).to.equal(true);
    release();
    await until(() => el.phase === 'success');
    el.reset();
    await settle(el);
    expect(number(stripe).options.disabled).to.equal(false);
    el.disabled = true;
    await settle(el);
    expect(cvc(stripe).options.disabled).to.equal(true);
  });

  it('removal unmounts and destroys the Elements and removes the containers', async () => {
    const { el, stripe } = await mountStripe();
    const containers = stripe.created.map((e) => e.container!);
    el.remove();
    await settle(el);
    expect(stripe.created).to.have.length(3);
    for (const element of stripe.created) {
      expect(element.unmounts, element.type).to.equal(1);
      expect(element.destroyed, element.type).to.be.true;
      expect(element.listens('change')).to.be.false;
    }
    expect(containers.every((c) => !c.isConnected)).to.be.true;
  });

  it('moving the form mounts fresh Elements; switching back to the token endpoint removes Stripe’s', async () => {
    const { el, stripe } = await mountStripe();
    const parent = el.parentElement!;
    parent.append(el);
    await stripe.mounted();
    await settle(el);
    expect(stripe.created.filter((e) => e.destroyed)).to.have.length(3);
    expect(stripe.created.filter((e) => !e.destroyed)).to.have.length(3);
    el.gateway = 'token-endpoint';
    await settle(el);
    expect(stripe.created.every((e) => e.destroyed)).to.be.true;
    expect(el.querySelectorAll(`.${CONTAINER_CLASS}`)).to.have.length(0);
    expect(el.shadowRoot!.querySelector('input[data-field="number"]')).not.to.equal(null);
  });

  it('when Stripe.js cannot load, says so at once and takes no card', async () => {
    const host = new HostDouble();
    const client = new EndpointClient({ baseUrl: '/api', fetch: host.fetch, csrfToken: 'csrf', retries: 0 });
    const el = await fixture<AddCardForm>(html`<add-card-form gateway="stripe" publishable-key="pk_double" .client=${client}
      .stripeLoader=${loaderFor(null, { fail: true })} .savedAddresses=${[]}></add-card-form>`);
    await until(() => errorText(el, 'number') === en.stripeUnavailable);
    await expect(el).to.be.accessible();
    await typeInto(el, 'name', 'Ada Lovelace');
    await fillAddress(el);
    await submit(el);
    expect(host.requests.filter((r) => r.method === 'POST')).to.have.length(0);
  });

  it('while Stripe.js loads, the number field says so', async () => {
    let resolve!: (value: null) => void;
    const loader = Object.assign(() => new Promise<null>((r) => (resolve = r)), { keys: [] });
    const el = await fixture<AddCardForm>(html`<add-card-form gateway="stripe" publishable-key="pk_double" .stripeLoader=${loader} .savedAddresses=${[]}></add-card-form>`);
    await until(() => el.shadowRoot!.querySelector('#number-hint')?.textContent === en.stripeLoading);
    resolve(null);
    await until(() => errorText(el, 'number') === en.stripeUnavailable);
  });
});
