import { expect, fixture, html } from '@open-wc/testing';
import type { CvvFlip } from '../../src/cvv-flip/cvv-flip.js';
import { AddCardForm, control, errorText, mount, MockHost, press, showsError, submitButton, typeInto, VISA } from './helpers.js';

describe('<add-card-form>', () => {
  it('is accessible when empty', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('formats the number as typed and shows no error while typing', async () => {
    const { el } = await mount();
    await typeInto(el, 'number', '424242');
    expect(control(el, 'number').value).to.equal('4242 42');
    expect(showsError(el, 'number')).to.equal(false);
    await press(el, 'Tab');
    expect(showsError(el, 'number')).to.equal(true);
    expect(errorText(el, 'number')).to.contain('full card number');
    await typeInto(el, 'number', VISA.slice(6));
    expect(showsError(el, 'number')).to.equal(false);
  });

  it('colours the submit button with --add-card-form-accent and its text with --add-card-form-accent-text-color', async () => {
    const { el } = await mount();
    const submit = submitButton(el);
    expect(getComputedStyle(submit).color).to.equal('rgb(255, 255, 255)');
    el.style.setProperty('--add-card-form-accent', 'rgb(254, 200, 75)');
    el.style.setProperty('--add-card-form-accent-text-color', 'rgb(12, 17, 29)');
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(254, 200, 75)');
    expect(getComputedStyle(submit).color).to.equal('rgb(12, 17, 29)');
    await expect(el).to.be.accessible();
  });

  it('grows its inputs with a large host font, the brand mark centred beside the number', async () => {
    const { el } = await mount();
    el.style.font = '28px/2 serif';
    await typeInto(el, 'number', VISA);
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="text"]')];
    expect(inputs.length).to.be.greaterThan(4);
    for (const input of inputs) {
      // a 56px line, 0.5rem of padding above and below, 1px borders
      expect(input.getBoundingClientRect().height, input.id).to.be.closeTo(56 + 16 + 2, 1);
      expect(input.parentElement!.getBoundingClientRect().height, 'nothing below the input').to.equal(input.getBoundingClientRect().height);
    }
    const box = control(el, 'number').getBoundingClientRect();
    const mark = el.shadowRoot!.querySelector('.control [part~="brand"] .brand-slot:not(.off)')!.getBoundingClientRect();
    expect(mark.top + mark.height / 2).to.be.closeTo(box.top + box.height / 2, 1);
    el.style.font = '';
    expect(control(el, 'number').getBoundingClientRect().height, 'the usual 2.75rem').to.be.closeTo(44, 0.5);
  });

  describe('in a right-to-left page', () => {
    async function mountRtl(): Promise<AddCardForm> {
      const mock = new MockHost();
      const page = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar">
        <add-card-form .client=${mock.client()} .tokenizer=${mock.tokenizer()} .savedAddresses=${[]}></add-card-form>
      </div>`);
      const el = page.querySelector('add-card-form')!;
      await el.updateComplete;
      return el;
    }

    it('keeps the number, expiry and code left to right, with the brand mark at the number’s end; the name follows the page', async () => {
      const el = await mountRtl();
      const direction = (field: string) => getComputedStyle(control(el, field)).direction;
      expect(['number', 'expiry', 'code'].map(direction)).to.deep.equal(['ltr', 'ltr', 'ltr']);
      expect(direction('name')).to.equal('rtl');
      await typeInto(el, 'number', '5555555555554444');
      expect(control(el, 'number').value).to.equal('5555 5555 5555 4444');
      const input = control(el, 'number').getBoundingClientRect();
      const mark = el.shadowRoot!.querySelector('.control [part~="brand"]')!.getBoundingClientRect();
      expect(mark.left, 'the mark sits on the right, after the digits').to.be.greaterThan(input.left + input.width / 2);
      await expect(el).to.be.accessible();
    });

    it('draws the card left to right: the first digit on the left, the brand on the right', async () => {
      const el = await mountRtl();
      await typeInto(el, 'number', '5555555555554444');
      const flip = el.shadowRoot!.querySelector<CvvFlip>('cvv-flip')!;
      await flip.updateComplete;
      const card = flip.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
      expect(getComputedStyle(card).direction).to.equal('ltr');
      const slots = [...flip.shadowRoot!.querySelectorAll('.slot')];
      const lefts = slots.map((slot) => slot.getBoundingClientRect().left);
      expect(lefts).to.deep.equal([...lefts].sort((a, b) => a - b));
      expect(slots.map((slot) => slot.textContent).join('')).to.equal('5555555555554444');
      const box = card.getBoundingClientRect();
      const brand = flip.shadowRoot!.querySelector('[part~="brand"]')!.getBoundingClientRect();
      expect(brand.left).to.be.greaterThan(box.left + box.width / 2);
    });
  });
});
