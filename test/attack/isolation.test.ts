/**
 * Card data isolation (issue 9, area 1; PCI DSS 3.3, 3.4, 4.2): the customer's whole journey through
 * <card-list> and its embedded <add-card-form> against MockHost: add a card, add one that asks for a
 * one-time code, pay with a card that is declined, pay again through a timeout and a retry.
 *
 * Every request is recorded: the numbers (in every shape) and codes reach the tokenizer and only the
 * tokenizer. After each submission, nothing a script on the page can read holds them: the DOM with
 * its open shadow roots (text, attributes, control values, element properties), storage, IndexedDB,
 * cookies, window's own properties, event details, the console, errors.
 *
 * The same checks run against the reference server and the sandbox gateway in both browsers, under
 * the production CSP, in test/server/attack-e2e.test.ts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import { control, fillValid, submitButton } from '../add-card-form/helpers.js';
import { installProbe, type Probe } from './probe.js';
import {
  CODES,
  MockHost,
  NUMBERS,
  assertNothingReadable,
  assertOnlyTokenizerSaw,
  backToList,
  hostOptions,
  mountList,
  openForm,
  part,
  until,
} from './support.js';

describe('attack: card data isolation', () => {
  let probe: Probe;
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    probe = installProbe();
  });
  afterEach(() => probe.stop());

  it('the full journey: numbers and codes reach only the tokenizer, and nothing on the page holds them after each submission', async () => {
    const host = new MockHost(hostOptions());

    // 1. add a Visa, then an Amex (4-6-5 grouping, four-digit code), from the list
    const list = await mountList(host, () => {}, { timeoutMs: 600 });
    for (const [number, code] of [
      [NUMBERS.visa, CODES.three],
      [NUMBERS.amex, CODES.four],
    ] as const) {
      const form = await openForm(list);
      await fillValid(form, number, code);
      const added = oneEvent(form, 'card-added');
      submitButton(form).click();
      await added;
      await form.updateComplete;
      await assertNothingReadable(probe, `after adding …${number.slice(-4)}`);
      await backToList(list);
    }

    // 2. a card that asks for a one-time code: the step shows the card masked, never its number
    const otpForm = await openForm(list);
    await fillValid(otpForm, NUMBERS.otp, CODES.three);
    const required = oneEvent(otpForm, 'verification-required');
    submitButton(otpForm).click();
    await required;
    await until(() => otpForm.shadowRoot!.activeElement === control(otpForm, 'otp'), 'the code field');
    await assertNothingReadable(probe, 'during the one-time-code step');
    expect(otpForm.shadowRoot!.querySelector('cvv-flip')!.last4, 'the drawing shows the card masked').to.equal('3155');
    await sendKeys({ type: host.lastOtp! });
    const verified = oneEvent(otpForm, 'card-added');
    await sendKeys({ press: 'Enter' });
    await verified;
    await assertNothingReadable(probe, 'after the one-time code');
    await backToList(list);

    // 3. pay with a new card: declined, then another card through a timeout and a retry
    const payList = await mountList(
      host,
      (el) => {
        el.selectable = true;
        el.amount = 2500;
        el.currency = 'USD';
      },
      { timeoutMs: 300 },
    );
    const payForm = await openForm(payList);
    expect(payForm.mode).to.equal('pay');
    await fillValid(payForm, NUMBERS.declined, CODES.three);
    const failed = oneEvent(payForm, 'payment-failed');
    submitButton(payForm).click();
    await failed;
    await payForm.updateComplete;
    await assertNothingReadable(probe, 'after a decline');

    // the payment goes through on the server but its answer is lost; the client's retries time out
    host.fail({ method: 'POST', path: '/payments' }, { kind: 'lost-response' });
    host.fail({ method: 'POST', path: '/payments' }, { kind: 'hang' }, 2);
    control(payForm, 'number').focus();
    await sendKeys({ type: NUMBERS.mastercard });
    control(payForm, 'code').focus();
    await sendKeys({ type: CODES.three });
    submitButton(payForm).click();
    await until(() => part(payForm, 'status')!.textContent!.includes('couldn’t reach the server'), 'the timeout', 10000);
    expect(host.payments, 'the lost answer was for a payment that went through').to.have.length(1);
    await assertNothingReadable(probe, 'after a timeout, with the token held for the retry');
    const paid = oneEvent(payForm, 'payment-succeeded');
    submitButton(payForm).click();
    await paid;
    await payForm.updateComplete;
    expect(host.payments, 'the retry was replayed, not charged again').to.have.length(1);

    // the whole journey, once more, now that everything is submitted
    await assertNothingReadable(probe, 'after the whole journey');
    assertOnlyTokenizerSaw(host.requests, Object.values(NUMBERS));
    const fired = new Set(probe.events.map((e) => e.type));
    // (`change` and `submit` are not composed: they never leave the shadow root, so window cannot see them)
    for (const type of ['card-added', 'verification-required', 'payment-failed', 'payment-succeeded', 'input', 'beforeinput', 'keydown', 'focusin']) {
      expect(fired.has(type), `${type} was seen (the event check saw real events)`).to.equal(true);
    }
    expect(probe.errors).to.deep.equal([]);
  });

  it('a plain <form> around the element submits none of it: the fields are in its shadow root and it is not form-associated', async () => {
    const host = new MockHost(hostOptions());
    const outer = await fixture<HTMLFormElement>(html`<form action="/never" method="post">
      <input name="plan" value="pro" />
      <add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>
    </form>`);
    const form = outer.querySelector('add-card-form')!;
    await form.updateComplete;
    await fillValid(form, NUMBERS.visa, CODES.three);
    expect((form.constructor as typeof HTMLElement & { formAssociated?: boolean }).formAssociated, 'formAssociated').to.not.equal(true);

    const submitted: string[][] = [];
    outer.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted.push([...new FormData(outer).entries()].map(([k, v]) => `${k}=${String(v)}`));
    });
    outer.requestSubmit();
    expect(submitted).to.deep.equal([['plan=pro']]);
    // Enter in the number field submits the element's own form only: the outer form hears nothing
    control(form, 'number').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => host.requests.some((r) => r.target === 'tokenizer'), 'the element’s own submission');
    expect(submitted).to.have.length(1);
    expect([...new FormData(outer).keys()]).to.deep.equal(['plan']);
  });
});

describe('attack: the one-time-code step (the leak this suite found)', () => {
  it('empties the number and code once the tokenizer has them, and the drawing shows the card masked', async () => {
    const host = new MockHost(hostOptions());
    const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
    const probe = installProbe();
    try {
      await fillValid(form, NUMBERS.otp, CODES.three);
      const tokenizing = host.hold({ method: 'POST', path: '/cards' });
      submitButton(form).click();
      // the host endpoint has not answered yet, but the tokenizer has: the card is already off the page
      await tokenizing.arrived;
      await form.updateComplete;
      await assertNothingReadable(probe, 'while the host endpoint is asked');
      tokenizing.release();
      await oneEvent(form, 'verification-required');
      await form.updateComplete;
      const flip = form.shadowRoot!.querySelector('cvv-flip')!;
      expect(flip.number).to.equal('');
      expect(flip.last4).to.equal('3155');
      expect(flip.shadowRoot!.querySelector('[part~="number"]')!.textContent!.replace(/\s+/g, '')).to.equal('••••••••••••3155');
      await assertNothingReadable(probe, 'during the one-time-code step');
    } finally {
      probe.stop();
    }
  });
});
