import { expect } from '@open-wc/testing';
import creditCardType from 'credit-card-type';
import fc from 'fast-check';
import { brandInfo, CARD_BRANDS, detectBrand, isCardBrand } from '../../src/core/brands.js';
import type { CardBrand } from '../../src/core/brands.js';
import { anyText, RUNS } from './arbitraries.js';
import { SAMPLE_NUMBERS } from './samples.js';


describe('core/brands', () => {
  it('knows every card-validator brand', () => {
    expect([...CARD_BRANDS].sort()).to.deep.equal(
      ['american-express', 'diners-club', 'discover', 'elo', 'hiper', 'hipercard', 'jcb', 'maestro', 'mastercard',
        'mir', 'naranja', 'troy', 'unionpay', 'verve', 'visa'],
    );
    expect(Object.isFrozen(CARD_BRANDS)).to.equal(true);
  });

  describe('isCardBrand', () => {
    for (const value of CARD_BRANDS) {
      it(`accepts ${value}`, () => {
        expect(isCardBrand(value)).to.equal(true);
      });
    }
    for (const value of ['Visa', 'amex', '', 'toString', '__proto__', null, undefined, 4, {}, ['visa']]) {
      it(`rejects ${JSON.stringify(value) ?? String(value)}`, () => {
        expect(isCardBrand(value)).to.equal(false);
      });
    }
    it('never throws', () => {
      fc.assert(fc.property(fc.anything(), (v) => typeof isCardBrand(v) === 'boolean'), { numRuns: RUNS });
    });
  });

  describe('brandInfo', () => {
    it('describes American Express: 4-digit CID on the front, 4-6-5 grouping', () => {
      expect(brandInfo('american-express')).to.deep.equal({
        brand: 'american-express',
        displayName: 'American Express',
        codeName: 'CID',
        codeSize: 4,
        gaps: [4, 10],
        lengths: [15],
        maxLength: 15,
        codeOnFront: true,
      });
    });

    const facts: [CardBrand, string, string, number, number][] = [
      ['visa', 'Visa', 'CVV', 3, 19],
      ['mastercard', 'Mastercard', 'CVC', 3, 16],
      ['discover', 'Discover', 'CID', 3, 19],
      ['diners-club', 'Diners Club', 'CVV', 3, 19],
      ['jcb', 'JCB', 'CVV', 3, 19],
      ['unionpay', 'UnionPay', 'CVN', 3, 19],
      ['maestro', 'Maestro', 'CVC', 3, 19],
      ['mir', 'Mir', 'CVP2', 3, 19],
      ['elo', 'Elo', 'CVE', 3, 16],
    ];
    for (const [brand, displayName, codeName, codeSize, maxLength] of facts) {
      it(`describes ${brand}`, () => {
        const info = brandInfo(brand);
        expect({ displayName: info.displayName, codeName: info.codeName, codeSize: info.codeSize, maxLength: info.maxLength, codeOnFront: info.codeOnFront })
          .to.deep.equal({ displayName, codeName, codeSize, maxLength, codeOnFront: false });
      });
    }

    it('has sorted lengths, gaps inside the number, and maxLength = the longest length, for every brand', () => {
      for (const brand of CARD_BRANDS) {
        const info = brandInfo(brand);
        expect(info.brand).to.equal(brand);
        expect([...info.lengths]).to.deep.equal([...info.lengths].sort((a, b) => a - b));
        expect(info.maxLength).to.equal(Math.max(...info.lengths));
        expect(info.gaps.every((g) => g > 0 && g < info.maxLength)).to.equal(true);
        expect(info.codeOnFront).to.equal(brand === 'american-express');
      }
    });

    it('returns one frozen object per brand, so the library state cannot be changed through it', () => {
      const info = brandInfo('visa');
      expect(brandInfo('visa')).to.equal(info);
      expect(Object.isFrozen(info) && Object.isFrozen(info.lengths) && Object.isFrozen(info.gaps)).to.equal(true);
    });

    it('answers the brand it was asked about, as the same object every time', () => {
      fc.assert(
        fc.property(fc.constantFrom(...CARD_BRANDS), fc.constantFrom(...CARD_BRANDS), (a, b) => {
          const info = brandInfo(a);
          return info.brand === a && (brandInfo(b) === info) === (a === b);
        }),
        { numRuns: RUNS },
      );
    });

    it('throws a RangeError for an unknown brand', () => {
      expect(() => brandInfo('amex' as CardBrand)).to.throw(RangeError);
    });
  });

  describe('detectBrand', () => {
    for (const [brand, number] of SAMPLE_NUMBERS) {
      it(`detects ${brand} from ${number}`, () => {
        expect(detectBrand(number)?.brand).to.equal(brand);
      });
    }

    const prefixes: [string, CardBrand | null][] = [
      ['', null],
      ['4', null], // Visa, but also Elo, Naranja or Maestro prefixes
      ['42', 'visa'],
      ['4000', 'visa'],
      ['401178', 'elo'],
      ['2', null],
      ['22', null], // Mastercard 222x or Mir 2200–2204
      ['220', 'mir'],
      ['2221', 'mastercard'],
      ['51', 'mastercard'],
      ['34', 'american-express'],
      ['37', 'american-express'],
      ['36', 'diners-club'],
      ['6', null],
      ['601', null],
      ['6011', 'discover'],
      ['35', 'jcb'],
      ['62', null],
      ['620', 'unionpay'],
      ['8', 'unionpay'],
      ['0', null],
      ['7', null],
      ['9', 'troy'],
    ];
    for (const [digits, brand] of prefixes) {
      it(`"${digits}" → ${brand ?? 'no brand yet'}`, () => {
        expect(detectBrand(digits)?.brand ?? null).to.equal(brand);
      });
    }

    it('reads formatted and Unicode digits', () => {
      expect(detectBrand('3782 822463 10005')?.brand).to.equal('american-express');
      expect(detectBrand('５５５５')?.brand).to.equal('mastercard');
    });

    it('answers the same for a number as for its first digits, however long the number', () => {
      fc.assert(
        fc.property(fc.constantFrom(...SAMPLE_NUMBERS), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 }), ([, sample], rest) => {
          const number = sample + rest;
          const theirs = creditCardType(number);
          return (detectBrand(number)?.brand ?? null) === (theirs.length === 1 ? theirs[0].type : null);
        }),
        { numRuns: RUNS },
      );
    });

    it('never throws and always answers a known brand or null', () => {
      fc.assert(
        fc.property(fc.oneof(anyText, fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 24 })), (s) => {
          const info = detectBrand(s);
          return info === null || isCardBrand(info.brand);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('a host that customises credit-card-type', () => {
    afterEach(() => creditCardType.resetModifications());

    it('sees its changes at once, even after the core has answered the same question', () => {
      expect(brandInfo('visa').displayName).to.equal('Visa');
      expect(detectBrand('4242')?.brand).to.equal('visa');
      const mastercard = brandInfo('mastercard');
      creditCardType.updateCard('visa', { niceType: 'Visa Portal', code: { name: 'CVV2', size: 3 } });
      expect(brandInfo('visa').displayName).to.equal('Visa Portal');
      expect(brandInfo('visa').codeName).to.equal('CVV2');
      expect(detectBrand('4242')?.displayName).to.equal('Visa Portal');
      // a brand the host did not touch stays the same object
      expect(brandInfo('mastercard')).to.equal(mastercard);
      creditCardType.resetModifications();
      expect(brandInfo('visa').displayName).to.equal('Visa');
      expect(detectBrand('4242')?.displayName).to.equal('Visa');
    });

    it('follows patterns it adds, removes and reorders, including patterns longer than the built-in ones', () => {
      expect(detectBrand('6011')?.brand).to.equal('discover');
      creditCardType.removeCard('discover');
      expect(detectBrand('6011')?.brand).to.equal('maestro');
      creditCardType.resetModifications();
      expect(detectBrand('9999')).to.equal(null);
      creditCardType.addCard({
        niceType: 'Portal Card', type: 'portal-card', patterns: [9999], gaps: [4, 8, 12], lengths: [16], code: { name: 'CVV', size: 3 },
      });
      expect(detectBrand('9999')?.displayName).to.equal('Portal Card');
      creditCardType.resetModifications();
      // an eight-digit pattern: numbers now differ only after the sixth digit
      creditCardType.updateCard('visa', { patterns: [42424243] });
      expect(detectBrand('4242424300000000')?.brand).to.equal('visa');
      expect(detectBrand('4242424200000000')).to.equal(null);
    });

    it('behaves as the library would for the host’s own calls', () => {
      expect(() => creditCardType.updateCard('no-such-brand', {})).to.throw(/not a recognized type/);
      creditCardType.changeOrder('visa', 1);
      expect(creditCardType('').map((t) => t.type).slice(0, 2)).to.deep.equal(['mastercard', 'visa']);
    });
  });
});
