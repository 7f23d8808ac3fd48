import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { AddCardForm, CardList, CvvFlip } from '../src/index.js';

describe('saved-cards/define', () => {
  it('registers the three tags with their classes', () => {
    expect(customElements.get('card-list')).to.equal(CardList);
    expect(customElements.get('add-card-form')).to.equal(AddCardForm);
    expect(customElements.get('cvv-flip')).to.equal(CvvFlip);
  });

  it('upgrades tags written in plain HTML', async () => {
    const el = await fixture<HTMLElement>(html`<div><card-list></card-list><add-card-form></add-card-form><cvv-flip></cvv-flip></div>`);
    expect(el.querySelector('card-list')).to.be.instanceOf(CardList);
    expect(el.querySelector('add-card-form')).to.be.instanceOf(AddCardForm);
    expect(el.querySelector('cvv-flip')).to.be.instanceOf(CvvFlip);
  });
});
