import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { brandMark } from '../../src/brand-marks/brand-marks.js';
import { CARD_BRANDS, brandInfo } from '../../src/core/brands.js';

describe('brandMark', () => {
  it('draws a different decorative mark for every brand the core knows, and an outline for none', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const drawings = new Set<string>();
    for (const brand of [...CARD_BRANDS, null]) {
      render(brandMark(brand), host);
      const mark = host.querySelector('svg')!;
      expect(mark.dataset.brand).to.equal(brand ?? 'unknown');
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.getBoundingClientRect().width, `${brand} is drawn`).to.be.greaterThan(0);
      drawings.add(mark.innerHTML.replace(/<!--[^>]*-->/g, ''));
    }
    expect(drawings.size).to.equal(CARD_BRANDS.length + 1);
  });

  it('names the brands it has no artwork for with their own name from the core', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(brandMark('elo'), host);
    expect(host.querySelector('text')!.textContent).to.equal(brandInfo('elo').displayName.toUpperCase());
  });

  it('is hidden from assistive technology, so the text beside it names the brand', async () => {
    const host = await fixture<HTMLParagraphElement>(html`<p>${brandMark('visa')} Visa ending in 4242</p>`);
    await expect(host).to.be.accessible();
  });
});
