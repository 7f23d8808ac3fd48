import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CvvFlip } from '../../src/cvv-flip/cvv-flip.js';
import { de } from '../../src/i18n/index.js';
import { AMEX, autofill, control, errorText, mount, paste, press, showsError, typeInto, until, VISA } from './helpers.js';
import type { AddCardForm } from './helpers.js';

const flip = (el: AddCardForm) => el.shadowRoot!.querySelector<CvvFlip>('cvv-flip')!;
const hint = (el: AddCardForm) => el.shadowRoot!.querySelector('#code-hint')!.textContent!.trim();
const label = (el: AddCardForm, field: string) => el.shadowRoot!.querySelector(`label[for="${field}"]`)!.textContent!.trim();
const announcement = (el: AddCardForm) => el.shadowRoot!.querySelector('[data-role="brand-announcement"]')!.textContent!.trim();

describe('<add-card-form> card fields', () => {
  it('labels the card fields in order, with autocomplete tokens and numeric keyboards', async () => {
    const { el } = await mount();
    const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('form[part~="form"] input[type="text"]')].slice(0, 4);
    expect(inputs.map((i) => i.dataset.field)).to.deep.equal(['number', 'name', 'expiry', 'code']);
    // the attribute: Firefox's .autocomplete hides tokens it does not autofill itself (cc-csc)
    expect(inputs.map((i) => i.getAttribute('autocomplete'))).to.deep.equal(['cc-number', 'cc-name', 'cc-exp', 'cc-csc']);
    expect(inputs.map((i) => i.inputMode)).to.deep.equal(['numeric', '', 'numeric', 'numeric']);
    expect(['number', 'name', 'expiry', 'code'].map((f) => label(el, f))).to.deep.equal([
      'Card number',
      'Name on card',
      'Expiration date (MM / YY)',
      'Security code',
    ]);
    expect(el.shadowRoot!.querySelector('form')!.noValidate).to.equal(true);
  });

  describe('when errors show', () => {
    it('not while typing, but once the customer leaves the field changed', async () => {
      const { el } = await mount();
      await typeInto(el, 'expiry', '12');
      expect(showsError(el, 'expiry')).to.equal(false);
      await press(el, 'Tab');
      expect(showsError(el, 'expiry')).to.equal(true);
      expect(errorText(el, 'expiry')).to.contain('full expiry date');
    });

    it('not for a field merely visited and left empty', async () => {
      const { el } = await mount();
      control(el, 'name').focus();
      await press(el, 'Tab');
      expect(showsError(el, 'name')).to.equal(false);
    });

    it('at once for a number that can no longer become valid', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '7');
      expect(showsError(el, 'number')).to.equal(true);
      expect(errorText(el, 'number')).to.contain('doesn’t look like a card number');
      await press(el, 'Backspace');
      expect(showsError(el, 'number')).to.equal(false);
    });

    it('clears as soon as the field becomes valid, while the customer is still in it', async () => {
      const { el } = await mount();
      await typeInto(el, 'name', '4');
      await press(el, 'Backspace');
      await press(el, 'Tab');
      expect(showsError(el, 'name')).to.equal(true);
      await typeInto(el, 'name', 'A');
      expect(showsError(el, 'name')).to.equal(false);
    });

    it('in a field left wrong, waits while the customer types into it again, and shows on leaving', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '4242');
      await press(el, 'Tab');
      expect(errorText(el, 'number')).to.contain('full card number');
      control(el, 'number').select();
      await typeInto(el, 'number', '42424');
      expect(showsError(el, 'number')).to.equal(false);
      await press(el, 'Tab');
      expect(showsError(el, 'number')).to.equal(true);
      expect(errorText(el, 'number')).to.contain('full card number');
    });

    it('in a field left empty and emptied again, waits until it is left', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '4');
      await press(el, 'Backspace');
      await press(el, 'Tab');
      expect(errorText(el, 'number')).to.contain('Enter your card number');
      await typeInto(el, 'number', '4242');
      await press(el, 'Backspace');
      await press(el, 'Backspace');
      await press(el, 'Backspace');
      await press(el, 'Backspace');
      expect(showsError(el, 'number')).to.equal(false);
      await press(el, 'Tab');
      expect(showsError(el, 'number')).to.equal(true);
    });

    it('at once, even in a field being edited, for a number that can no longer become valid', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '4242');
      await press(el, 'Tab');
      control(el, 'number').select();
      await typeInto(el, 'number', '7');
      expect(showsError(el, 'number')).to.equal(true);
      expect(errorText(el, 'number')).to.contain('doesn’t look like a card number');
      // a complete length that fails the checksum is a typo, said at once too
      control(el, 'number').select();
      await typeInto(el, 'number', '4242424242424241');
      expect(showsError(el, 'number')).to.equal(true);
      expect(errorText(el, 'number')).to.contain('isn’t right');
    });

    it('keeps the error (and aria-invalid) when the customer merely comes back to the field', async () => {
      const { el } = await mount();
      await typeInto(el, 'expiry', '12');
      await press(el, 'Tab');
      expect(showsError(el, 'expiry')).to.equal(true);
      control(el, 'expiry').focus();
      await el.updateComplete;
      expect(showsError(el, 'expiry')).to.equal(true);
      expect(control(el, 'expiry').getAttribute('aria-invalid')).to.equal('true');
      // Shift+Tab back from the next field, as a keyboard user would
      await press(el, 'Tab');
      await sendKeys({ down: 'Shift' });
      await press(el, 'Tab');
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'expiry'));
      expect(showsError(el, 'expiry')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('waits while editing in every text field, not just the number', async () => {
      const { el } = await mount({ props: { now: new Date(2026, 5, 15) } });
      // [field, typed again, then deleted]: every retyped value is one more typing could still fix
      for (const [field, again, deleted] of [
        ['name', 'A', 1],
        ['expiry', '1', 0],
        ['code', '12', 0],
        ['line1', 'x', 1],
        ['city', 'x', 1],
        ['region', 'x', 1],
        ['postalCode', '9', 1],
      ] as const) {
        await typeInto(el, field, again);
        control(el, field).select();
        await press(el, 'Backspace');
        await press(el, 'Tab');
        expect(showsError(el, field), `${field} left empty`).to.equal(true);
        await typeInto(el, field, again);
        for (let i = 0; i < deleted; i += 1) await press(el, 'Backspace');
        expect(showsError(el, field), `${field} edited again`).to.equal(false);
        control(el, field).blur();
        await el.updateComplete;
        expect(showsError(el, field), `${field} left again`).to.equal(true);
      }
    });

    it('while editing after a submit attempt, as soon as the value is wrong', async () => {
      const { el } = await mount();
      el.shadowRoot!.querySelector<HTMLButtonElement>('form[part~="form"] [part~="submit"]')!.click();
      await el.updateComplete;
      await typeInto(el, 'number', '4242');
      expect(showsError(el, 'number')).to.equal(true);
      expect(errorText(el, 'number')).to.contain('full card number');
    });

    it('refuses a name that is a card number', async () => {
      const { el } = await mount();
      await typeInto(el, 'name', '4242 4242');
      await press(el, 'Tab');
      expect(errorText(el, 'name')).to.contain('not the card number');
    });

    it('judges the expiry: past, bad month, too far', async () => {
      const { el } = await mount({ props: { now: new Date(2026, 5, 15) } });
      for (const [typed, message] of [
        ['0526', 'expired'],
        ['13', 'month from 01 to 12'],
        ['0650', 'too far'],
      ]) {
        control(el, 'expiry').select();
        await typeInto(el, 'expiry', typed);
        await press(el, 'Tab');
        expect(errorText(el, 'expiry'), typed).to.contain(message);
      }
      control(el, 'expiry').select();
      await typeInto(el, 'expiry', '0626');
      expect(showsError(el, 'expiry')).to.equal(false);
    });
  });

  it('announces the detected brand once per change, not on every key', async () => {
    const { el } = await mount();
    const region = el.shadowRoot!.querySelector('[data-role="brand-announcement"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const changes: string[] = [];
    const observer = new MutationObserver(() => changes.push(region.textContent!.trim()));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    await typeInto(el, 'number', VISA);
    await el.updateComplete;
    expect(announcement(el)).to.equal('Visa card');
    expect(changes.filter((c) => c !== '')).to.deep.equal(['Visa card']);
    observer.disconnect();
    // a different brand is a change, announced again
    control(el, 'number').select();
    await typeInto(el, 'number', '37');
    expect(announcement(el)).to.equal('American Express card');
  });

  it('shows the brand mark beside the number', async () => {
    const { el } = await mount();
    await typeInto(el, 'number', '4242');
    // the mark the customer sees: marks shown before stay beside the number, transparent
    const visible = () =>
      [...el.shadowRoot!.querySelectorAll<SVGElement>('[part~="brand"] svg')].filter((svg) => getComputedStyle(svg.parentElement!).opacity !== '0');
    expect(visible().map((svg) => svg.dataset.brand)).to.deep.equal(['visa']);
    control(el, 'number').select();
    await typeInto(el, 'number', '37');
    expect(visible().map((svg) => svg.dataset.brand)).to.deep.equal(['american-express']);
    control(el, 'number').select();
    await typeInto(el, 'number', '42');
    expect(visible().map((svg) => svg.dataset.brand)).to.deep.equal(['visa']);
  });

  describe('security code', () => {
    it('Visa: 3 digits on the back, the drawing turns over while the code has focus', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', VISA);
      expect(hint(el)).to.equal('3 digits on the back');
      await typeInto(el, 'code', '1234');
      expect(control(el, 'code').value).to.equal('123');
      await el.updateComplete;
      expect(flip(el).focusField).to.equal('code');
      expect(flip(el).side).to.equal('back');
      expect(flip(el).codeLength).to.equal(3);
      await press(el, 'Tab');
      await flip(el).updateComplete;
      expect(flip(el).side).to.equal('front');
    });

    it('shows one code hint at a time, whole (German, narrow), as the code field’s description', async () => {
      const { el } = await mount();
      el.messages = de;
      el.style.width = '18rem';
      await el.updateComplete;
      const box = el.shadowRoot!.querySelector<HTMLElement>('.field-code [part~="hint"]')!;
      const seen = () => [...box.children].filter((c) => (c as HTMLElement).checkVisibility({ visibilityProperty: true }));
      for (const [number, text] of [
        [AMEX, '4 Ziffern auf der Vorderseite'],
        [VISA, '3 Ziffern auf der Rückseite'],
      ]) {
        control(el, 'number').select();
        await typeInto(el, 'number', number);
        expect(seen().map((c) => c.textContent!.trim()), number).to.deep.equal([text]);
        expect(hint(el)).to.equal(text);
        expect(control(el, 'code').getAttribute('aria-describedby')).to.equal('code-hint');
        // not clipped: the box holds the whole visible hint, however many lines it wraps to
        const shown = seen()[0].getBoundingClientRect();
        const outer = box.getBoundingClientRect();
        expect(shown.bottom).to.be.at.most(outer.bottom + 0.5);
        expect(getComputedStyle(box).overflow).to.equal('visible');
      }
      await expect(el).to.be.accessible();
    });

    it('shows one code hint when a host words both places alike, with one id for the description', async () => {
      const { el } = await mount();
      el.messages = { codeHintBack: 'Printed on your card', codeHintFront: 'Printed on your card' };
      await el.updateComplete;
      const box = el.shadowRoot!.querySelector<HTMLElement>('.field-code [part~="hint"]')!;
      const seen = () => [...box.children].filter((c) => (c as HTMLElement).checkVisibility({ visibilityProperty: true }));
      control(el, 'number').select();
      await typeInto(el, 'number', '4');
      expect(seen()).to.have.length(1);
      expect(el.shadowRoot!.querySelectorAll('#code-hint')).to.have.length(1);
      expect(hint(el)).to.equal('Printed on your card');
      await expect(el).to.be.accessible();
    });

    it('Amex: 4 digits on the front, the drawing stays on its front', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', AMEX);
      expect(hint(el)).to.equal('4 digits on the front');
      await typeInto(el, 'code', '1234');
      expect(control(el, 'code').value).to.equal('1234');
      expect(flip(el).side).to.equal('front');
      expect(flip(el).focusField).to.equal('code');
      expect(showsError(el, 'code')).to.equal(false);
    });

    it('re-validates a typed code when the brand changes', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', AMEX);
      await typeInto(el, 'code', '1234');
      await press(el, 'Tab');
      expect(showsError(el, 'code')).to.equal(false);
      control(el, 'number').select();
      await typeInto(el, 'number', VISA);
      expect(hint(el)).to.equal('3 digits on the back');
      expect(showsError(el, 'code')).to.equal(true);
      expect(errorText(el, 'code')).to.equal('The CVV has 3 digits. Check it on your card.');
    });
  });

  it('refuses a brand the host does not accept, naming it', async () => {
    const { el } = await mount({ props: { acceptedBrands: ['visa', 'mastercard'] } });
    await typeInto(el, 'number', AMEX.slice(0, 4));
    expect(showsError(el, 'number')).to.equal(true);
    expect(errorText(el, 'number')).to.equal('We don’t accept American Express. Use another card.');
  });

  it('reads accepted brands from the attribute', async () => {
    const { el } = await mount();
    el.setAttribute('accepted-brands', 'visa  american-express bogus');
    expect(el.acceptedBrands).to.deep.equal(['visa', 'american-express']);
  });

  describe('caret', () => {
    it('stays after the digit typed in the middle of the number', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '42424242');
      const input = control(el, 'number');
      input.setSelectionRange(2, 2); // 42|42 4242
      await sendKeys({ type: '9' });
      await el.updateComplete;
      expect(input.value).to.equal('4294 2424 2');
      expect(input.selectionStart).to.equal(3);
      await sendKeys({ type: '99' });
      await el.updateComplete;
      expect(input.value).to.equal('4299 9424 242');
      expect(input.selectionStart).to.equal(6); // after the space, before the next digit
    });

    it('stays in place on a backspace in the middle, even over a separator', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '42424242');
      const input = control(el, 'number');
      input.setSelectionRange(5, 5); // "4242 |4242"
      await press(el, 'Backspace');
      expect(input.value).to.equal('4244 242');
      expect(input.selectionStart).to.equal(3);
    });
  });

  describe('paste', () => {
    for (const [what, text] of [
      ['spaces', '4242 4242 4242 4242'],
      ['dashes', '4242-4242-4242-4242'],
      ['full-width digits', '４２４２４２４２４２４２４２４２'],
      ['NBSP and padding', ' 4242\u00a04242\u00a04242\u00a04242 '],
    ]) {
      it(`cleans ${what}`, async () => {
        const { el } = await mount();
        await paste(el, 'number', text);
        expect(control(el, 'number').value).to.equal('4242 4242 4242 4242');
        expect(showsError(el, 'number')).to.equal(false);
        expect(flip(el).number).to.equal(VISA);
      });
    }

    it('pastes into the middle with the caret after the pasted digits', async () => {
      const { el } = await mount();
      await typeInto(el, 'number', '42424242');
      const input = control(el, 'number');
      input.setSelectionRange(4, 4);
      await paste(el, 'number', '-4242-');
      expect(input.value).to.equal('4242 4242 4242');
      expect(input.selectionStart).to.equal(10);
    });

    it('cleans a pasted code and expiry', async () => {
      const { el } = await mount();
      await paste(el, 'expiry', '１２/３０');
      expect(control(el, 'expiry').value).to.equal('12 / 30');
      await paste(el, 'code', ' 1 2 3 ');
      expect(control(el, 'code').value).to.equal('123');
    });
  });

  it('does not reformat during IME composition, then does once it ends', async () => {
    const { el } = await mount();
    const input = control(el, 'number');
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    input.value = '４２４２４';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', isComposing: true, bubbles: true, composed: true }));
    await el.updateComplete;
    expect(input.value).to.equal('４２４２４');
    input.dispatchEvent(new CompositionEvent('compositionend', { data: '４２４２４', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(input.value).to.equal('4242 4');
  });

  it('picks up autofill of several fields at once and redraws the card', async () => {
    const { el } = await mount();
    await autofill(el, { number: '4242424242424242', name: 'Ada Lovelace', expiry: '12/2030', code: '123' });
    expect(control(el, 'number').value).to.equal('4242 4242 4242 4242');
    expect(control(el, 'expiry').value).to.equal('12 / 2030');
    const card = flip(el);
    await card.updateComplete;
    expect(card.number).to.equal(VISA);
    expect(card.name).to.equal('Ada Lovelace');
    // the drawing shows MM/YY even when autofill wrote a four-digit year
    expect(card.expiry).to.equal('12/30');
    expect(card.codeLength).to.equal(3);
    expect(card.shadowRoot!.textContent).to.contain('Ada Lovelace');
    for (const f of ['number', 'name', 'expiry', 'code']) expect(showsError(el, f), f).to.equal(false);
  });

  it('shows an autofilled invalid value at once: nobody is about to finish typing it', async () => {
    const { el } = await mount({ props: { now: new Date(2026, 5, 1) } });
    await autofill(el, { number: '4242424242424242', expiry: '01/2020' });
    expect(showsError(el, 'expiry')).to.equal(true);
    expect(errorText(el, 'expiry')).to.contain('expired');
  });

  it('picks up a value delivered by change alone', async () => {
    const { el } = await mount();
    const input = control(el, 'name');
    input.value = 'Grace Hopper';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await until(() => flip(el).name === 'Grace Hopper');
  });
});
