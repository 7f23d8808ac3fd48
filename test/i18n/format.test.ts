import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatMessage } from '../../src/i18n/format.js';

/** What formatMessage did before it remembered split templates: one pass of the placeholder expression. */
function reference(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

describe('formatMessage', () => {
  it('fills placeholders, leaves unknown ones as written, and takes values literally', () => {
    expect(formatMessage('{brand} ending in {last4}', { brand: 'Visa', last4: '4242' })).to.equal('Visa ending in 4242');
    expect(formatMessage('Pay {amount} {missing}', { amount: '€49.90' })).to.equal('Pay €49.90 {missing}');
    expect(formatMessage('{a}{a}{b}', { a: '$&', b: 7 })).to.equal('$&$&7');
    expect(formatMessage('{toString} {__proto__}', {})).to.equal('{toString} {__proto__}');
    expect(formatMessage('no params {x}')).to.equal('no params {x}');
  });

  it('answers as the placeholder expression does, for any template and values, asked once or again', () => {
    const name = fc.constantFrom('a', 'b', 'brand', 'x_1', 'toString', '__proto__', 'constructor', 'é');
    const piece = fc.oneof(fc.string({ maxLength: 6 }), name.map((n) => `{${n}}`), fc.constantFrom('{', '}', '{}', '{ a}', '$&', '$1'));
    const template = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    const params = fc.dictionary(name, fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 4 });
    fc.assert(
      fc.property(template, params, (t, p) => formatMessage(t, p) === reference(t, p) && formatMessage(t, p) === reference(t, p)),
      { numRuns: 10_000 },
    );
  });
});
