import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { maskLast4 } from '../../src/core/mask.js';
import { anyText, digitString, RUNS } from './arbitraries.js';

describe('core/mask', () => {
  it('masks with the default pattern', () => {
    expect(maskLast4('4242')).to.equal('•••• 4242');
  });

  it('fills a custom template', () => {
    expect(maskLast4('0005', 'XXXX{last4}')).to.equal('XXXX0005');
    expect(maskLast4('4444', 'ending in {last4} ({last4})')).to.equal('ending in 4444 (4444)');
  });

  for (const bad of ['424', '42424', '4242424242424242', '42a2', '４２４２', ' 4242', '']) {
    it(`refuses ${JSON.stringify(bad)} without repeating it`, () => {
      let error: unknown;
      try {
        maskLast4(bad);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RangeError);
      if (bad.length >= 3) expect((error as Error).message).not.to.include(bad);
    });
  }

  it('puts any four digits into any template, in place of every {last4}', () => {
    fc.assert(
      fc.property(digitString({ minLength: 4, maxLength: 4 }), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (last4, before, after) =>
        maskLast4(last4, `${before}{last4}${after}`) === `${before}${last4}${after}`.replaceAll('{last4}', last4),
      ),
      { numRuns: RUNS },
    );
  });

  it('accepts exactly four ASCII digits, and never puts anything else in the output', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        try {
          const masked = maskLast4(s);
          return /^[0-9]{4}$/.test(s) && masked === `•••• ${s}`;
        } catch (e) {
          return e instanceof RangeError && !/^[0-9]{4}$/.test(s) && (s.length < 4 || !(e as Error).message.includes(s));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
