/**
 * The German locale: complete (every English key, the same placeholders, nothing left in English)
 * and shown by the elements when passed as `messages`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { de, en, type MessageKey, type Messages } from '../../src/i18n/index.js';
import { MockHost, mockCard } from '../../src/testing/index.js';

// The type check is the first guarantee: `de` is declared `Messages`, so a key added to `en` and not
// translated fails `tsc`. This proves the type really demands every key.
const { numberLabel: _dropped, ...allButOne } = de;
// @ts-expect-error a locale missing one key is not `Messages`
const incomplete: Messages = allButOne;
void incomplete;

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Strings that are the same word in both languages. */
const SAME_IN_GERMAN = new Set<MessageKey>(['postalCodePostcode']);

describe('German messages (de)', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('has every English key and no other', () => {
    expect(Object.keys(de).sort()).to.deep.equal([...keys].sort());
  });

  it('keeps each message’s placeholders', () => {
    const mismatched = keys.filter((k) => placeholders(de[k]).join() !== placeholders(en[k]).join());
    expect(mismatched).to.deep.equal([]);
  });

  it('leaves nothing in English', () => {
    const untranslated = keys.filter((k) => !SAME_IN_GERMAN.has(k) && de[k] === en[k]);
    expect(untranslated).to.deep.equal([]);
  });

  it('<add-card-form>: labels, errors and the Pay button in German', async () => {
    const host = new MockHost();
    const form = await fixture<AddCardForm>(html`<add-card-form mode="pay" amount="4990" currency="EUR" locale="de-DE" .messages=${de}
      .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
    const root = form.shadowRoot!;
    const label = (id: string) => root.querySelector(`label[for="${id}"]`)!.textContent!.trim();
    expect([label('number'), label('name'), label('expiry'), label('code')]).to.deep.equal([
      'Kartennummer',
      'Name auf der Karte',
      'Ablaufdatum (MM / JJ)',
      'Kartenprüfnummer',
    ]);
    expect(root.querySelector('[part~="submit"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('49,90 € zahlen');
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await form.updateComplete;
    expect(root.querySelector('#number-error')!.textContent!.trim()).to.equal('Geben Sie Ihre Kartennummer ein.');
    expect(root.querySelector('#expiry-error')!.textContent!.trim()).to.equal('Geben Sie das Ablaufdatum Ihrer Karte ein (MM / JJ).');
    // the country list follows `locale`
    expect([...root.querySelectorAll('#country option')].map((o) => o.textContent!.trim())).to.include('Deutschland');
    await expect(form).to.be.accessible();
  });

  it('<card-list>: rows, badges and actions in German', async () => {
    const host = new MockHost({
      cards: [mockCard({ id: 'a', brand: 'visa', last4: '4242' }), mockCard({ id: 'b', brand: 'mastercard', last4: '4444' })],
    });
    const list = await fixture<CardList>(html`<card-list .messages=${de} .client=${host.client()}></card-list>`);
    const root = list.shadowRoot!;
    for (let i = 0; i < 200 && !root.querySelector('li[data-id]'); i++) await new Promise((r) => setTimeout(r, 10));
    await list.updateComplete;
    expect(root.querySelector('[part~="badge-default"]')!.textContent!.trim()).to.equal('Standard');
    expect(root.querySelector('li[data-id="b"] [data-action="default"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Als Standard festlegen Mastercard mit den Endziffern 4444',
    );
    expect(root.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal('Hinterlegte Karten');
    await expect(list).to.be.accessible();
  });
});
