import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CARD_BRANDS, brandInfo, type BrandInfo } from '../../src/core/brands.js';
import { formatCardNumber } from '../../src/core/format.js';
import { PLACEHOLDER, expiryText, layoutLength, maskedTexts, numberTexts } from '../../src/cvv-flip/card-face.js';

const drawn = (groups: string[]) => groups.join(' ');
const visa = brandInfo('visa');
const amex = brandInfo('american-express');
const anyBrand = fc.option(fc.constantFrom(...CARD_BRANDS).map(brandInfo), { nil: null });
const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 22 });

describe('cvv-flip card face', () => {
  it('pads the typed digits with dots to the brand layout, split at its gaps', () => {
    const table: [string, BrandInfo | null, string][] = [
      ['', visa, '•••• •••• •••• ••••'],
      ['4242', visa, '4242 •••• •••• ••••'],
      ['4242424242424242', visa, '4242 4242 4242 4242'],
      ['42424242424242424', visa, '4242 4242 4242 4242 4•'], // 17 typed: the next Visa length is 18
      ['37', amex, '37•• •••••• •••••'],
      ['378282246310005', amex, '3782 822463 10005'],
      ['36227206271667', brandInfo('diners-club'), '3622 720627 1667••'],
      ['', null, '•••• •••• •••• ••••'],
      ['12345678901234567890', null, '1234 5678 9012 3456 789'],
    ];
    for (const [typed, info, expected] of table) {
      expect(drawn(numberTexts(typed, info)), `${typed} as ${info?.brand}`).to.equal(expected);
    }
  });

  it('draws a saved card as dots and its last four, like maskLast4 stretched to the card', () => {
    expect(drawn(maskedTexts('2222', visa))).to.equal('•••• •••• •••• 2222');
    expect(drawn(maskedTexts('0005', amex))).to.equal('•••• •••••• •0005');
    expect(drawn(maskedTexts('4444', null))).to.equal('•••• •••• •••• 4444');
  });

  it('keeps every typed digit, in order, and never drops a slot while typing up to the usual length', () => {
    fc.assert(
      fc.property(digits, anyBrand, (typed, info) => {
        const groups = numberTexts(typed, info);
        const slots = [...groups.join('')];
        const max = info?.maxLength ?? 19;
        expect(slots.filter((char) => char !== PLACEHOLDER).join('')).to.equal(typed.slice(0, max));
        expect(slots.length).to.equal(layoutLength(typed.length, info));
        expect(groups.every((g) => g.length > 0)).to.equal(true);
        // the typed part is grouped exactly as the number field shows it
        const typedPart = drawn(groups).replace(/•/g, '').trimEnd();
        expect(typedPart).to.equal(formatCardNumber(typed.slice(0, max), info));
        // typing one more digit never shrinks the layout
        expect(layoutLength(typed.length + 1, info)).to.be.at.least(layoutLength(typed.length, info));
      }),
      { numRuns: 2000 },
    );
  });

  it('fills the expiry template letter by letter', () => {
    expect(expiryText('', 'MM/YY')).to.equal('MM/YY');
    expect(expiryText('1', 'MM/YY')).to.equal('1M/YY');
    expect(expiryText('123', 'MM/YY')).to.equal('12/3Y');
    expect(expiryText('1230', 'MM/YY')).to.equal('12/30');
    expect(expiryText('122030', 'MM/YY')).to.equal('12/30');
    expect(expiryText('1230', 'MM/AA')).to.equal('12/30');
  });
});
