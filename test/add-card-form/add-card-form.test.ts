import { expect } from '@open-wc/testing';
import { control, errorText, mount, press, showsError, typeInto, VISA } from './helpers.js';

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
});
