import { expect } from '@open-wc/testing';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { mockAddress } from '../../src/testing/index.js';
import { AMEX, control, errorText, showsError, submitButton, typeInto } from '../add-card-form/helpers.js';
import { root, sent, setup, until } from './helpers.js';

const form = (el: CardList): AddCardForm | null => root(el).querySelector('add-card-form');
const has = (f: AddCardForm, field: string): boolean => f.shadowRoot!.querySelector(`[data-field="${field}"]`) !== null;

/** Presses the list's "Add new card" (or "Use another card") and waits for the embedded form. */
async function openForm(el: CardList): Promise<AddCardForm> {
  root(el).querySelector<HTMLButtonElement>('[part~="button-add"]')!.click();
  await until(() => !!form(el), 'the form');
  const f = form(el)!;
  await f.updateComplete;
  return f;
}

describe('<card-list> passes the form settings on to "Add new card"', () => {
  it('keeps the form\'s own defaults when none is set', async () => {
    const { el } = await setup();
    const f = await openForm(el);
    await typeInto(f, 'number', AMEX.slice(0, 4));
    expect(showsError(f, 'number')).to.equal(false);
    expect(has(f, 'terms'), 'terms').to.equal(false);
    expect(has(f, 'funding'), 'credit or debit').to.equal(false);
    submitButton(f).click();
    await f.updateComplete;
    expect(showsError(f, 'line1'), 'address required').to.equal(true);
  });

  it('accepted-brands: the form refuses a brand the list does not take', async () => {
    const { el } = await setup(undefined, (list) => list.setAttribute('accepted-brands', 'visa'));
    expect(el.acceptedBrands).to.deep.equal(['visa']);
    const f = await openForm(el);
    await typeInto(f, 'number', AMEX.slice(0, 4));
    expect(showsError(f, 'number')).to.equal(true);
    expect(errorText(f, 'number')).to.equal('We don’t accept American Express. Use another card.');
  });

  it('require-terms: the form asks for the terms, in the host\'s words when slotted', async () => {
    const { el } = await setup(undefined, (list) => {
      list.setAttribute('require-terms', '');
      list.innerHTML = '<span slot="terms">I accept the <a href="#terms">card terms</a></span>';
    });
    const f = await openForm(el);
    const box = control(f, 'terms');
    expect(box.labels![0].querySelector('slot')!.assignedNodes({ flatten: true }).map((n) => n.textContent).join('')).to.equal(
      'I accept the card terms',
    );
    submitButton(f).click();
    await f.updateComplete;
    expect(showsError(f, 'terms')).to.equal(true);
    expect(errorText(f, 'terms')).to.equal('Agree to the terms to continue');
    await expect(el).to.be.accessible();
  });

  it('require-terms without slotted text: the form\'s default wording', async () => {
    const { el } = await setup(undefined, (list) => list.setAttribute('require-terms', ''));
    const f = await openForm(el);
    const text = control(f, 'terms').labels![0].querySelector('slot')!.assignedNodes({ flatten: true }).map((n) => n.textContent).join('');
    expect(text).to.equal('I agree to the terms');
  });

  it('funding-choice, address-optional and locale reach the form', async () => {
    const { el } = await setup(undefined, (list) => {
      list.setAttribute('funding-choice', '');
      list.setAttribute('address-optional', '');
      list.setAttribute('locale', 'de');
    });
    const f = await openForm(el);
    expect(has(f, 'funding'), 'credit or debit').to.equal(true);
    submitButton(f).click();
    await f.updateComplete;
    expect(errorText(f, 'funding')).to.equal('Choose credit or debit');
    expect(showsError(f, 'line1'), 'address optional').to.equal(false);
    const germany = [...control<HTMLSelectElement>(f, 'country').options].find((o) => o.value === 'DE')!;
    expect(germany.textContent).to.equal('Deutschland');
  });

  it('saved-addresses: the form offers them instead of fetching', async () => {
    const billing = mockAddress({ id: 'addr_1', kind: 'billing', line1: '1 Market Street' });
    const { el, host } = await setup(undefined, (list) => {
      list.savedAddresses = [billing];
    });
    const f = await openForm(el);
    await until(() => has(f, 'addressChoice'), 'the address choices');
    expect(control(f, 'line1').value).to.equal('1 Market Street');
    expect(sent(host)).not.to.include('GET /addresses');
  });

  it('hide-save: "Use another card" pays without offering to keep the card', async () => {
    const { el } = await setup(undefined, (list) => {
      list.selectable = true;
      list.amount = 1200;
    });
    let f = await openForm(el);
    expect(has(f, 'saveCard'), 'save offered by default').to.equal(true);
    root(el).querySelector<HTMLButtonElement>('[part~="button-back"]')!.click();
    await until(() => !form(el), 'the list');
    el.setAttribute('hide-save', '');
    f = await openForm(el);
    expect(f.mode).to.equal('pay');
    expect(has(f, 'saveCard'), 'save hidden').to.equal(false);
  });
});
