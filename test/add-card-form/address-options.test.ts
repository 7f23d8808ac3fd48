import { expect } from '@open-wc/testing';
import { mockAddress } from '../../src/testing/mock-host.js';
import { control, errorText, mount, press, showsError, submitButton, typeInto, until } from './helpers.js';
import type { AddCardForm } from './helpers.js';

const label = (el: AddCardForm, field: string) => el.shadowRoot!.querySelector(`label[for="${field}"]`)!.textContent!.trim();
const choose = async (el: AddCardForm, choice: string) => {
  const radio = el.shadowRoot!.querySelector<HTMLInputElement>(`input[data-field="addressChoice"][value="${choice}"]`)!;
  radio.click();
  await el.updateComplete;
};
const setCountry = async (el: AddCardForm, code: string) => {
  const select = control<HTMLSelectElement>(el, 'country');
  select.value = code;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
};

const BILLING = mockAddress({ id: 'addr_b', kind: 'billing', line1: '10 Downing Street', city: 'London', region: 'London', postalCode: 'SW1A 2AA', country: 'GB' });
const SHIPPING = mockAddress({ id: 'addr_s', kind: 'shipping' });

describe('<add-card-form> billing address', () => {
  it('asks for line, city, region, postal code and country with autocomplete tokens', async () => {
    const { el } = await mount({ props: { locale: 'en-US' } });
    const tokens = ['line1', 'city', 'region', 'postalCode', 'country'].map((f) => control(el, f).getAttribute('autocomplete'));
    expect(tokens).to.deep.equal([
      'billing address-line1',
      'billing address-level2',
      'billing address-level1',
      'billing postal-code',
      'billing country',
    ]);
    expect(el.shadowRoot!.querySelector('[part~="address"] legend')!.textContent!.trim()).to.equal('Billing address');
  });

  it('lists countries by their names in the form’s language, defaulting from it', async () => {
    const { el } = await mount({ props: { locale: 'de-DE' } });
    const select = control<HTMLSelectElement>(el, 'country');
    expect(select.value).to.equal('DE');
    expect(select.selectedOptions[0].textContent).to.equal('Deutschland');
    expect(select.options.length).to.be.greaterThan(240);
  });

  it('says "ZIP code" for the US and follows the country', async () => {
    const { el } = await mount({ props: { locale: 'en-US' } });
    expect(label(el, 'postalCode')).to.equal('ZIP code');
    await setCountry(el, 'GB');
    expect(label(el, 'postalCode')).to.equal('Postcode');
    await setCountry(el, 'CA');
    expect(label(el, 'postalCode')).to.equal('Postal code');
  });

  it('validates the postal code for the chosen country', async () => {
    const { el } = await mount({ props: { locale: 'en-US' } });
    await typeInto(el, 'postalCode', '1234');
    await press(el, 'Tab');
    expect(showsError(el, 'postalCode')).to.equal(true);
    expect(errorText(el, 'postalCode')).to.equal('Enter a valid postal code for the billing country.');
    await setCountry(el, 'DE');
    expect(showsError(el, 'postalCode')).to.equal(true);
    await typeInto(el, 'postalCode', '5');
    expect(showsError(el, 'postalCode')).to.equal(false);
    await setCountry(el, 'CA');
    // the customer is still editing the code: what more typing could fix waits until they leave it
    expect(showsError(el, 'postalCode')).to.equal(false);
    await press(el, 'Tab');
    expect(showsError(el, 'postalCode')).to.equal(true);
    expect(errorText(el, 'postalCode')).to.equal('Enter a valid postal code for the billing country.');
  });

  it('does not require a postal code where the country has none', async () => {
    const { el } = await mount();
    await setCountry(el, 'HK');
    submitButton(el).click();
    await el.updateComplete;
    expect(showsError(el, 'postalCode')).to.equal(false);
    expect(showsError(el, 'city')).to.equal(true);
  });

  it('requires every address field on submit, and none when the host makes the address optional', async () => {
    const { el } = await mount();
    submitButton(el).click();
    await el.updateComplete;
    for (const f of ['line1', 'city', 'region', 'postalCode']) expect(showsError(el, f), f).to.equal(true);
    el.addressOptional = true;
    await el.updateComplete;
    for (const f of ['line1', 'city', 'region', 'postalCode']) expect(showsError(el, f), f).to.equal(false);
  });

  it('offers the addresses on file, fills and locks the fields with the chosen one', async () => {
    const { el, mock } = await mount({ host: { addresses: [BILLING, SHIPPING] } });
    await until(() => el.shadowRoot!.querySelector('input[data-field="addressChoice"]') !== null);
    expect(mock.requests.some((r) => r.method === 'GET' && r.path === '/addresses')).to.equal(true);
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[data-field="addressChoice"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['billing', 'shipping', 'new']);
    // each value from the endpoint is direction-isolated (invisible U+2068 … U+2069 around it)
    const texts = radios.map((r) => r.closest('label')!.textContent!.replace(/\s+/g, ' ').replace(/[\u2068\u2069]/g, '').trim());
    expect(texts[0]).to.equal('Billing address on file 10 Downing Street, London, London SW1A 2AA, United Kingdom');
    expect(texts[1]).to.match(/^Shipping address on file 1 Market Street/);
    expect(texts[2]).to.equal('New address');
    // the billing address on file is the starting choice
    expect(radios[0].checked).to.equal(true);
    expect(control(el, 'line1').value).to.equal('10 Downing Street');
    expect(control(el, 'line1').readOnly).to.equal(true);
    expect(control<HTMLSelectElement>(el, 'country').disabled).to.equal(true);
    expect(label(el, 'postalCode')).to.equal('Postcode');

    await choose(el, 'shipping');
    expect(control(el, 'line1').value).to.equal('1 Market Street');
    expect(control(el, 'postalCode').value).to.equal('94105');
    expect(control(el, 'city').readOnly).to.equal(true);

    await choose(el, 'new');
    expect(control(el, 'line1').value).to.equal('');
    expect(control(el, 'line1').readOnly).to.equal(false);
    expect(control<HTMLSelectElement>(el, 'country').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('uses addresses the host passes instead of fetching them', async () => {
    const { el, mock } = await mount({ props: { savedAddresses: [SHIPPING] } });
    expect(mock.requests.filter((r) => r.path === '/addresses')).to.have.length(0);
    // a shipping address is never picked for the customer
    const checked = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-field="addressChoice"]:checked')!;
    expect(checked.value).to.equal('new');
  });
});

describe('<add-card-form> options', () => {
  it('add mode: no save box (adding saves), "Add card" button', async () => {
    const { el } = await mount();
    expect(el.shadowRoot!.querySelector('[data-field="saveCard"]') === null, 'absent').to.equal(true);
    expect(submitButton(el).textContent!.trim()).to.equal('Add card');
  });

  it('pay mode: the amount on the button, an opt-in save box', async () => {
    const { el } = await mount({ props: { mode: 'pay', amount: 12000, currency: 'USD', locale: 'en-US' } });
    expect(submitButton(el).textContent!.trim()).to.equal('Pay $120.00');
    const save = control(el, 'saveCard');
    expect(save.checked).to.equal(false);
    expect(save.closest('label')!.textContent!.trim()).to.equal('Save this card for future payments');
    el.currency = 'JPY';
    el.amount = 500;
    await el.updateComplete;
    expect(submitButton(el).textContent!.trim()).to.equal('Pay ¥500');
    el.hideSave = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-field="saveCard"]') === null, 'absent').to.equal(true);
  });

  it('offers "Set as default"; in pay mode only once the card is to be saved', async () => {
    const { el } = await mount({ props: { offerDefault: true } });
    expect(control(el, 'setDefault').closest('label')!.textContent!.trim()).to.equal('Set as default');
    el.mode = 'pay';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-field="setDefault"]') === null, 'absent').to.equal(true);
    control(el, 'saveCard').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-field="setDefault"]') !== null, 'present').to.equal(true);
  });

  it('requires the terms when asked, with the slotted text as the label', async () => {
    const { el } = await mount({
      props: { requireTerms: true },
      children: document.createRange().createContextualFragment('<span slot="terms">I agree to the <a href="#terms">terms</a></span>'),
    });
    const box = control(el, 'terms');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('label[for="terms"] slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('I agree to the terms');
    submitButton(el).click();
    await el.updateComplete;
    expect(showsError(el, 'terms')).to.equal(true);
    expect(errorText(el, 'terms')).to.equal('Agree to the terms to continue');
    box.click();
    await el.updateComplete;
    expect(showsError(el, 'terms')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('asks credit or debit when the host offers the choice, and requires an answer', async () => {
    const { el } = await mount({ props: { fundingChoice: true } });
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[data-field="funding"]')];
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal(['Credit card', 'Debit card']);
    submitButton(el).click();
    await el.updateComplete;
    expect(errorText(el, 'funding')).to.equal('Choose credit or debit');
    radios[1].click();
    await el.updateComplete;
    expect(errorText(el, 'funding')).to.equal('');
  });

  it('uses the host’s strings', async () => {
    const { el } = await mount({ props: {} });
    el.messages = { submitAdd: 'Save card', numberLabel: 'Kartennummer' };
    await el.updateComplete;
    expect(submitButton(el).textContent!.trim()).to.equal('Save card');
    expect(label(el, 'number')).to.equal('Kartennummer');
  });
});
