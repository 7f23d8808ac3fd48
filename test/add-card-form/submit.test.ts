import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CardAddedEvent } from '../../src/events/card-added.js';
import type { PaymentFailedEvent } from '../../src/events/payment-failed.js';
import type { PaymentSucceededEvent } from '../../src/events/payment-succeeded.js';
import type { VerificationRequiredEvent } from '../../src/events/verification-required.js';
import {
  control,
  errorText,
  fillValid,
  focusedField,
  mount,
  showsError,
  submitButton,
  typeInto,
  until,
  VISA,
  type AddCardForm,
  type MockHost,
} from './helpers.js';

const part = (el: AddCardForm, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const statusText = (el: AddCardForm) => part(el, 'status')!.textContent!.replace(/\s+/g, ' ').trim();
const posts = (mock: MockHost, path: string) => mock.requests.filter((r) => r.method === 'POST' && r.path === path);
const tokenizations = (mock: MockHost) => mock.requests.filter((r) => r.target === 'tokenizer');
/** The masked card shown in place of the number, expiry and code while its token is held ('' when none). */
const heldCard = (el: AddCardForm) => el.shadowRoot!.querySelector('[part~="held-card"] .held-number')?.textContent?.trim() ?? '';
/** The number and code are gone from the page: no input for them, no digits of them in the shadow DOM. */
const cardDataGone = (el: AddCardForm, number: string) => {
  expect(el.shadowRoot!.querySelector('[data-field="number"]') === null, 'no number input').to.equal(true);
  expect(el.shadowRoot!.querySelector('[data-field="code"]') === null, 'no code input').to.equal(true);
  expect(el.shadowRoot!.textContent!.replace(/\D/g, '')).to.not.contain(number.slice(0, 12));
  expect(el.shadowRoot!.querySelector('cvv-flip')!.shadowRoot!.textContent!.replace(/\D/g, '')).to.not.contain(number.slice(0, 12));
};
const submit = async (el: AddCardForm) => {
  submitButton(el).click();
  await el.updateComplete;
};
const settle = async (el: AddCardForm) => {
  await until(() => submitButton(el).getAttribute('aria-busy') !== 'true' && !el.shadowRoot!.querySelector('[aria-busy="true"]'));
  await el.updateComplete;
};

describe('<add-card-form> submitting', () => {
  it('refuses an incomplete form: errors shown, first invalid field focused, nothing sent or fired', async () => {
    const { el, mock } = await mount();
    const fired: string[] = [];
    for (const type of ['card-added', 'payment-failed', 'session-expired']) el.addEventListener(type, () => fired.push(type));
    await typeInto(el, 'name', 'Ada Lovelace');
    await submit(el);
    expect(focusedField(el)).to.equal('number');
    for (const f of ['number', 'expiry', 'code', 'line1', 'city', 'region', 'postalCode']) expect(showsError(el, f), f).to.equal(true);
    expect(showsError(el, 'name')).to.equal(false);
    expect(mock.requests.filter((r) => r.method === 'POST' || r.target === 'tokenizer')).to.have.length(0);
    expect(fired).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('adds a card: busy while waiting, then card-added with masked facts, fields cleared, confirmation focused', async () => {
    const { el, mock } = await mount();
    await fillValid(el);
    const hold = mock.hold({ method: 'POST', path: '/cards' });
    const added = oneEvent(el, 'card-added') as Promise<CardAddedEvent>;
    await submit(el);
    await hold.arrived;
    await el.updateComplete;
    const button = submitButton(el);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Adding card…');
    expect(button.querySelector('.spinner') !== null, 'present').to.equal(true);
    expect(statusText(el)).to.equal('Adding card…');
    await expect(el).to.be.accessible();
    hold.release();

    const { detail } = await added;
    expect(detail.card.last4).to.equal('4242');
    expect(detail.card.brand).to.equal('visa');
    expect(detail.cards).to.have.length(1);
    expect(mock.cards).to.have.length(1);
    await el.updateComplete;
    for (const f of ['number', 'code', 'name', 'expiry']) expect(control(el, f).value, f).to.equal('');
    const success = part(el, 'success')!;
    expect(success.textContent).to.contain('Visa ending in 4242 was added.');
    // compare identities: chai would try to print two DOM nodes on a failure
    await until(() => el.shadowRoot!.activeElement === success);
    expect(el.phase).to.equal('success');
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="success"] button')!.click();
    await until(() => focusedField(el) === 'number');
    expect(part(el, 'success') === null, 'absent').to.equal(true);
  });

  it('sends the host endpoint the token, name, billing address and default choice', async () => {
    const { el, mock } = await mount({ props: { offerDefault: true, fundingChoice: true } });
    await fillValid(el);
    control(el, 'setDefault').click();
    el.shadowRoot!.querySelector<HTMLInputElement>('input[data-field="funding"][value="debit"]')!.click();
    await el.updateComplete;
    await submit(el);
    await settle(el);
    const body = JSON.parse(posts(mock, '/cards')[0].body);
    expect(body).to.deep.equal({
      token: body.token,
      nameOnCard: 'Ada Lovelace',
      billing: { address: { line1: '1 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' } },
      setDefault: true,
      funding: 'debit',
    });
    expect(body.token).to.match(/^tok_/);
  });

  it('sends an address on file by id', async () => {
    const { el, mock } = await mount({
      host: { addresses: [{ id: 'addr_1', kind: 'billing', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }] },
    });
    await until(() => control(el, 'line1').value === '1 Main St');
    await typeInto(el, 'number', VISA);
    await typeInto(el, 'name', 'Ada Lovelace');
    await typeInto(el, 'expiry', '1230');
    await typeInto(el, 'code', '123');
    await submit(el);
    await settle(el);
    expect(JSON.parse(posts(mock, '/cards')[0].body).billing).to.deep.equal({ savedAddressId: 'addr_1' });
    expect(JSON.parse(tokenizations(mock)[0].body).address.postalCode).to.equal('62701');
  });

  it('pays an invoice and fires payment-succeeded', async () => {
    const { el, mock } = await mount({
      props: { mode: 'pay', invoiceId: 'inv_1', amount: 12000, locale: 'en-US' },
      host: { invoices: [{ id: 'inv_1', number: 'INV-1', description: 'May', amount: { amount: 12000, currency: 'USD' }, status: 'open', dueDate: '2026-12-01' }] },
    });
    await fillValid(el);
    control(el, 'saveCard').click();
    const paid = oneEvent(el, 'payment-succeeded') as Promise<PaymentSucceededEvent>;
    await submit(el);
    expect(submitButton(el).textContent!.trim()).to.equal('Processing payment…');
    const { detail } = await paid;
    expect(detail.payment.invoiceId).to.equal('inv_1');
    expect(detail.payment.card.last4).to.equal('4242');
    expect(detail.savedCard?.last4).to.equal('4242');
    const body = JSON.parse(posts(mock, '/payments')[0].body);
    expect(body.invoiceId).to.equal('inv_1');
    expect(body.saveCard).to.equal(true);
    await el.updateComplete;
    expect(part(el, 'success')!.textContent).to.contain('Payment of $120.00 received, paid with Visa ending in 4242.');
    expect(part(el, 'success')!.textContent).to.contain('saved for future payments');
    expect(part(el, 'success')!.querySelector('button') === null, 'absent').to.equal(true);
  });

  describe('a decline', () => {
    it('says why, clears number and code, keeps name and address, focuses the number', async () => {
      const { el } = await mount();
      await fillValid(el, '4000000000009995');
      await submit(el);
      await settle(el);
      await until(() => part(el, 'decline') !== null);
      expect(part(el, 'decline')!.textContent!.trim()).to.equal(
        'Your card was declined: there isn’t enough available on it. Use another card, or contact your bank.',
      );
      expect(part(el, 'decline')!.getAttribute('role')).to.equal('alert');
      expect(control(el, 'number').value).to.equal('');
      expect(control(el, 'code').value).to.equal('');
      expect(control(el, 'name').value).to.equal('Ada Lovelace');
      expect(control(el, 'expiry').value).to.equal('12 / 30');
      expect(control(el, 'line1').value).to.equal('1 Market Street');
      expect(control(el, 'postalCode').value).to.equal('94105');
      await until(() => focusedField(el) === 'number');
      // the emptied fields wait for the customer instead of shouting "required"
      expect(showsError(el, 'number')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('about the code: says so; the declined token is spent, so number and code are typed again, number first', async () => {
      const { el } = await mount();
      await fillValid(el, '4000000000000127');
      await submit(el);
      await settle(el);
      await until(() => focusedField(el) === 'number');
      expect(part(el, 'decline')!.textContent).to.contain('security code is incorrect');
      expect(control(el, 'number').value).to.equal('');
      expect(control(el, 'code').value).to.equal('');
      expect(control(el, 'expiry').value).to.equal('12 / 30');
      expect(heldCard(el)).to.equal('');
    });

    it('in pay mode fires payment-failed with reason codes only', async () => {
      const { el } = await mount({ props: { mode: 'pay', amount: 500 } });
      await fillValid(el, '4000000000000002');
      const failed = oneEvent(el, 'payment-failed') as Promise<PaymentFailedEvent>;
      await submit(el);
      const { detail } = await failed;
      expect(detail).to.deep.equal({ reason: 'declined', code: 'card_declined', declineCode: 'generic_decline', retryable: false });
    });
  });

  describe('the one-time code step', () => {
    it('shows in place, refuses a wrong code, and resumes with the right one', async () => {
      const { el, mock } = await mount();
      await fillValid(el, '4000002500003155');
      const required = oneEvent(el, 'verification-required') as Promise<VerificationRequiredEvent>;
      await submit(el);
      expect((await required).detail).to.deep.equal({ kind: 'otp' });
      await until(() => focusedField(el) === 'otp');
      const step = part(el, 'verification')!;
      expect(step.textContent).to.contain('Your bank sent a code to \u2068•••• 0142\u2069');
      expect(control(el, 'otp').getAttribute('autocomplete')).to.equal('one-time-code');
      expect(part(el, 'form')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();

      await sendKeys({ type: '000000' });
      await sendKeys({ press: 'Enter' });
      await until(() => errorText(el, 'otp') !== '');
      expect(errorText(el, 'otp')).to.equal('That code didn’t work. Check it and try again.');
      expect(showsError(el, 'otp')).to.equal(true);
      await expect(el).to.be.accessible();

      const added = oneEvent(el, 'card-added') as Promise<CardAddedEvent>;
      control(el, 'otp').select();
      await sendKeys({ type: mock.lastOtp! });
      await sendKeys({ press: 'Enter' });
      expect((await added).detail.card.last4).to.equal('3155');
      expect(mock.cards).to.have.length(1);
    });

    it('offers a new code', async () => {
      const { el, mock } = await mount();
      await fillValid(el, '4000002500003155');
      await submit(el);
      await until(() => part(el, 'verification') !== null);
      const first = mock.lastOtp;
      [...part(el, 'verification')!.querySelectorAll('button')].find((b) => b.textContent!.includes('Resend'))!.click();
      await until(() => part(el, 'verification')!.textContent!.includes('We sent a new code.'));
      expect(mock.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/resend'))).to.have.length(1);
      expect(mock.lastOtp).to.be.a('string');
      // the new code works (the mock draws a fresh one per send)
      control(el, 'otp').focus();
      await sendKeys({ type: mock.lastOtp! });
      const added = oneEvent(el, 'card-added');
      await sendKeys({ press: 'Enter' });
      await added;
      expect(first).to.be.a('string');
    });

    it('cancelled: reported as a cancel, back to the form with all but the card kept (its token is spent), a fresh attempt next time', async () => {
      const { el, mock } = await mount();
      await fillValid(el, '4000002500003155');
      await submit(el);
      await until(() => part(el, 'verification') !== null);
      [...part(el, 'verification')!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
      await until(() => part(el, 'verification') === null);
      await el.updateComplete;
      expect(statusText(el)).to.equal('Verification was cancelled. The card was not added.');
      expect(part(el, 'decline') === null, 'absent').to.equal(true);
      expect(control(el, 'number').value).to.equal('');
      expect(control(el, 'code').value).to.equal('');
      expect(control(el, 'name').value).to.equal('Ada Lovelace');
      expect(control(el, 'line1').value).to.equal('1 Market Street');
      await until(() => focusedField(el) === 'number');
      expect(showsError(el, 'number')).to.equal(false);
      expect(posts(mock, '/cards')).to.have.length(1);
      expect(mock.requests.some((r) => /\/cancel$/.test(r.path))).to.equal(true);

      await sendKeys({ type: '4000002500003155' });
      await typeInto(el, 'code', '123');
      await submit(el);
      await until(() => part(el, 'verification') !== null);
      const keys = posts(mock, '/cards').map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.not.equal(keys[1]);
      expect(tokenizations(mock)).to.have.length(2);
    });

    it('in pay mode reports the cancel as such', async () => {
      const { el } = await mount({ props: { mode: 'pay', amount: 500 } });
      await fillValid(el, '4000002500003155');
      await submit(el);
      await until(() => part(el, 'verification') !== null);
      const failed = oneEvent(el, 'payment-failed') as Promise<PaymentFailedEvent>;
      [...part(el, 'verification')!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
      expect((await failed).detail.reason).to.equal('verification-cancelled');
      await el.updateComplete;
      expect(statusText(el)).to.equal('Verification was cancelled. You were not charged.');
    });

    it('expired: back to the form, saying nothing happened', async () => {
      const { el, mock } = await mount();
      await fillValid(el, '4000002500003155');
      await submit(el);
      await until(() => part(el, 'verification') !== null);
      mock.fail({ method: 'POST', path: /\/confirm$/ }, { status: 410, body: { error: { code: 'verification_failed', message: 'gone' } } });
      control(el, 'otp').focus();
      await sendKeys({ type: '123456' });
      await sendKeys({ press: 'Enter' });
      await until(() => part(el, 'verification') === null);
      await el.updateComplete;
      expect(statusText(el)).to.equal('The verification timed out, so nothing was saved or charged. Try again to get a new code.');
      // the verification spent the token: the card is typed again
      expect(control(el, 'number').value).to.equal('');
      await until(() => focusedField(el) === 'number');
    });

    it('a 3-D Secure challenge this gateway cannot show: says so and offers Cancel', async () => {
      const { el, mock } = await mount();
      const client = mock.client();
      client.addCard = async () => ({ verification: { id: 'ver_3ds', kind: 'three-d-secure', status: 'pending' } });
      el.client = client;
      await fillValid(el);
      const required = oneEvent(el, 'verification-required') as Promise<VerificationRequiredEvent>;
      await submit(el);
      expect((await required).detail.kind).to.equal('three-d-secure');
      await el.updateComplete;
      const step = part(el, 'verification')!;
      expect(step.textContent).to.contain('Your bank asked for a verification this form cannot show.');
      expect([...step.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Cancel']);
      await expect(el).to.be.accessible();
      step.querySelector('button')!.click();
      await until(() => part(el, 'verification') === null);
    });
  });

  it('a timeout, then a retry: exactly one card, one key, one token', async () => {
    const { el, mock } = await mount({ client: { timeoutMs: 150 } });
    await fillValid(el);
    // the first attempt saves the card but its answer is lost; the client's own retries time out
    mock.fail({ method: 'POST', path: '/cards' }, { kind: 'lost-response' });
    mock.fail({ method: 'POST', path: '/cards' }, { kind: 'hang' }, 2);
    await submit(el);
    await settle(el);
    await until(() => statusText(el) !== '');
    expect(statusText(el)).to.equal('We couldn’t reach the server. Try again: the card won’t be added twice.');
    // the tokenizer has the card: the page keeps its token, and shows it masked instead of the number
    cardDataGone(el, VISA);
    expect(heldCard(el)).to.equal('Visa •••• 4242');
    expect(mock.cards).to.have.length(1);

    const added = oneEvent(el, 'card-added');
    await submit(el);
    await added;
    const keys = new Set(posts(mock, '/cards').map((r) => r.headers['idempotency-key']));
    expect(posts(mock, '/cards')).to.have.length(4);
    expect(keys.size).to.equal(1);
    expect(tokenizations(mock)).to.have.length(1);
    expect(mock.cards).to.have.length(1);
  });

  it('a double click sends one request', async () => {
    const { el, mock } = await mount();
    await fillValid(el);
    const hold = mock.hold({ target: 'tokenizer' });
    const button = submitButton(el);
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await hold.arrived;
    button.click();
    hold.release();
    await oneEvent(el, 'card-added');
    expect(tokenizations(mock)).to.have.length(1);
    expect(posts(mock, '/cards')).to.have.length(1);
    expect(mock.cards).to.have.length(1);
  });

  describe('host endpoint answers', () => {
    it('401: fires session-expired and says so, keeping what was typed', async () => {
      const { el, mock } = await mount();
      await fillValid(el);
      mock.fail({ method: 'POST', path: '/cards' }, { status: 401 });
      const expired = oneEvent(el, 'session-expired');
      await submit(el);
      expect((await expired).detail).to.deep.equal({ source: 'add-card-form' });
      await settle(el);
      expect(statusText(el)).to.equal('Your session has ended. Sign in again, then try once more.');
      // what was typed is kept: the card as its (unspent) token, the rest as typed
      expect(heldCard(el)).to.contain('Visa •••• 4242');
      expect(control(el, 'name').value).to.equal('Ada Lovelace');
      cardDataGone(el, VISA);
    });

    it('429: says when to try again', async () => {
      const { el, mock } = await mount();
      await fillValid(el);
      mock.fail({ method: 'POST', path: '/cards' }, { status: 429, headers: { 'Retry-After': '90' } });
      await submit(el);
      await settle(el);
      await until(() => statusText(el) !== '');
      expect(statusText(el)).to.equal('Too many attempts. Try again in 90 seconds.');
    });

    it('422 with a field: shows it on the field until the customer changes it', async () => {
      const { el, mock } = await mount();
      await fillValid(el);
      mock.fail(
        { method: 'POST', path: '/cards' },
        { status: 422, body: { error: { code: 'validation_failed', message: 'no', field: 'billing.address.postalCode' } } },
      );
      await submit(el);
      await settle(el);
      await until(() => focusedField(el) === 'postalCode');
      expect(showsError(el, 'postalCode')).to.equal(true);
      expect(errorText(el, 'postalCode')).to.equal('Check this and try again.');
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(errorText(el, 'postalCode')).to.not.equal('Check this and try again.');
    });

    it('5xx: keeps everything and offers a retry', async () => {
      const { el, mock } = await mount();
      await fillValid(el);
      mock.fail({ method: 'POST', path: '/cards' }, { status: 503 }, 3);
      await submit(el);
      await settle(el);
      await until(() => statusText(el) !== '');
      expect(statusText(el)).to.contain('Something went wrong on our side. Try again');
      expect(heldCard(el)).to.contain('Visa •••• 4242');
      cardDataGone(el, VISA);
      const added = oneEvent(el, 'card-added');
      await submit(el);
      await added;
      expect(new Set(posts(mock, '/cards').map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    });

    it('409 max_cards: says the account is full', async () => {
      const { el } = await mount({ host: { policy: { maxCards: 0 } } });
      await fillValid(el);
      await submit(el);
      await settle(el);
      await until(() => statusText(el) !== '');
      expect(statusText(el)).to.equal('You have as many saved cards as your account allows. Remove one first.');
    });
  });

  it('does nothing while disabled', async () => {
    const { el, mock } = await mount();
    await fillValid(el);
    el.disabled = true;
    await el.updateComplete;
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(mock.requests.filter((r) => r.target === 'tokenizer')).to.have.length(0);
    expect(control(el, 'number').matches(':disabled')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fires add-card-cancel from the Cancel button when cancelable, wiping the card', async () => {
    const { el } = await mount({ props: { cancelable: true } });
    await typeInto(el, 'number', VISA);
    const cancelled = oneEvent(el, 'add-card-cancel');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.cancel')!.click();
    await cancelled;
    expect(control(el, 'number').value).to.equal('');
  });

  it('pay mode: shows the invoice’s amount when the host gave none, and refuses to pay nothing', async () => {
    const { el, mock } = await mount({
      props: { mode: 'pay', locale: 'en-US' },
      host: { invoices: [{ id: 'inv_9', number: 'INV-9', description: 'June', amount: { amount: 4550, currency: 'EUR' }, status: 'open', dueDate: '2026-12-01' }] },
    });
    await fillValid(el);
    await submit(el);
    expect(statusText(el)).to.equal('This form has nothing to pay: it needs an invoice or an amount.');
    expect(tokenizations(mock)).to.have.length(0);
    el.invoiceId = 'inv_9';
    await until(() => submitButton(el).textContent!.trim() === 'Pay €45.50');
  });

  it('focus() puts the customer in the card number', async () => {
    const { el } = await mount();
    el.focus();
    expect(focusedField(el)).to.equal('number');
  });

  it('says so when it has no endpoint or tokenizer', async () => {
    const { el } = await mount();
    el.client = null;
    el.tokenizer = null;
    await fillValid(el);
    await submit(el);
    expect(statusText(el)).to.equal('This form cannot take cards yet: it has no endpoint or tokenizer.');
  });
});
