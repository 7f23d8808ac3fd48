/**
 * After the tokenizer answers, <add-card-form> keeps the token, not the card: the number and code
 * are emptied at once, and the card shows as "Visa •••• 1111" with "Use another card" while its
 * token can still be sent. These are the customer-facing rules of that fix (issue 9, area 1, and
 * area 4: nothing typed is lost unless it was saved, and exactly one card after any retries).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { control, fillValid, focusedField, mount, showsError, submitButton, typeInto, type AddCardForm, type MockHost } from '../add-card-form/helpers.js';
import { CODES, NUMBERS, until } from './support.js';

const heldText = (el: AddCardForm): string =>
  el.shadowRoot!.querySelector('[part~="held-card"] .held-number')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const changeCard = (el: AddCardForm): HTMLButtonElement => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="change-card"]')!;
const cardPosts = (mock: MockHost) => mock.requests.filter((r) => r.method === 'POST' && r.path === '/cards');
const tokenizations = (mock: MockHost) => mock.requests.filter((r) => r.target === 'tokenizer');
const statusText = (el: AddCardForm): string => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
/** Waits for a submission to reach the host endpoint and end (the busy state is rendered a microtask after the click). */
const settle = async (el: AddCardForm, mock: MockHost): Promise<void> => {
  await el.updateComplete;
  await until(() => cardPosts(mock).length > 0 && submitButton(el).getAttribute('aria-busy') !== 'true', 'the submission to end');
  await el.updateComplete;
};

/** A form whose first POST /cards fails with `status` (and `body`), after the tokenizer took the card. */
async function heldAfter(status: number, body?: unknown): Promise<{ el: AddCardForm; mock: MockHost }> {
  const { el, mock } = await mount();
  await fillValid(el, NUMBERS.visa, CODES.three);
  mock.fail({ method: 'POST', path: '/cards' }, body === undefined ? { status } : { status, body }, status >= 500 ? 3 : 1);
  submitButton(el).click();
  await settle(el, mock);
  return { el, mock };
}

describe('attack: the held card after tokenization', () => {
  it('shows the card masked in place of the number, expiry and code, accessibly, and retries with the same key and token', async () => {
    const { el, mock } = await heldAfter(503);
    await until(() => heldText(el) === 'Visa •••• 1111', 'the held card');
    for (const field of ['number', 'expiry', 'code']) {
      expect(el.shadowRoot!.querySelector(`[data-field="${field}"]`) === null, `no ${field} input`).to.equal(true);
    }
    const group = el.shadowRoot!.querySelector('[part~="held-card"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(changeCard(el).textContent!.trim()).to.equal('Use another card');
    await expect(el).to.be.accessible();

    const added = oneEvent(el, 'card-added');
    submitButton(el).click();
    await added;
    expect(tokenizations(mock)).to.have.length(1);
    expect(new Set(cardPosts(mock).map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect(mock.cards).to.have.length(1);
  });

  it('keeps the token when the name is changed after a timeout: a new key, one tokenization, one card', async () => {
    const { el, mock } = await mount({ client: { timeoutMs: 150 } });
    await fillValid(el, NUMBERS.visa, CODES.three);
    mock.fail({ method: 'POST', path: '/cards' }, { kind: 'hang' }, 3);
    submitButton(el).click();
    await settle(el, mock);
    await until(() => statusText(el).includes('couldn’t reach the server'));
    await typeInto(el, 'name', ' Byron');
    expect(heldText(el)).to.equal('Visa •••• 1111');
    const added = oneEvent(el, 'card-added');
    submitButton(el).click();
    await added;
    const keys = cardPosts(mock).map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size, 'the edit made a new request').to.equal(2);
    expect(JSON.parse(cardPosts(mock).at(-1)!.body).nameOnCard).to.equal('Ada Lovelace Byron');
    expect(tokenizations(mock)).to.have.length(1);
    expect(mock.cards).to.have.length(1);
  });

  it('"Use another card" brings back the empty fields, the number focused and no error shown; the next card is tokenized', async () => {
    const { el, mock } = await heldAfter(503);
    changeCard(el).click();
    await until(() => focusedField(el) === 'number', 'focus on the number');
    expect(heldText(el)).to.equal('');
    expect(control(el, 'number').value).to.equal('');
    expect(control(el, 'code').value).to.equal('');
    expect(control(el, 'expiry').value, 'the expiry typed before is kept').to.equal('12 / 30');
    expect(showsError(el, 'number')).to.equal(false);
    await sendKeys({ type: NUMBERS.mastercard });
    await typeInto(el, 'code', CODES.three);
    const added = oneEvent(el, 'card-added');
    submitButton(el).click();
    expect((await added).detail.card.last4).to.equal('4444');
    expect(tokenizations(mock)).to.have.length(2);
    expect(mock.cards).to.have.length(1);
  });

  it('keeps the card held through a refusal of another field (422 postal code): fix it and submit, with the same token', async () => {
    const { el, mock } = await heldAfter(422, { error: { code: 'validation_failed', message: 'no', field: 'billing.address.postalCode' } });
    await until(() => focusedField(el) === 'postalCode', 'focus on the postal code');
    expect(heldText(el)).to.equal('Visa •••• 1111');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '6' });
    const added = oneEvent(el, 'card-added');
    submitButton(el).click();
    await added;
    expect(tokenizations(mock)).to.have.length(1);
    expect(mock.cards).to.have.length(1);
  });

  it('asks for the card again when the server says its token is spent (409 token_used)', async () => {
    const { el, mock } = await heldAfter(409, { error: { code: 'conflict', message: 'used', reason: 'token_used' } });
    await until(() => focusedField(el) === 'number', 'focus on the number');
    expect(heldText(el)).to.equal('');
    expect(control(el, 'number').value).to.equal('');
    expect(showsError(el, 'number')).to.equal(false);
    expect(control(el, 'name').value).to.equal('Ada Lovelace');
    expect(mock.cards).to.have.length(0);
  });

  it('forgets the held token when the form is reset or taken off the page', async () => {
    const { el } = await heldAfter(503);
    expect(heldText(el)).to.equal('Visa •••• 1111');
    el.reset();
    await el.updateComplete;
    expect(heldText(el)).to.equal('');
    expect(control(el, 'number').value).to.equal('');
  });
});
