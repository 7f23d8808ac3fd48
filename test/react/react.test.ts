/**
 * The React components from `saved-cards/react`: they render the elements with properties set as
 * properties, and their `on…` callbacks receive the elements' typed events. Written with
 * `createElement` so the root tsconfig (no JSX) type-checks it; examples/react shows the JSX.
 */
import { expect } from '@open-wc/testing';
import { act, createElement, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CardList as CardListElement } from '../../src/card-list/card-list.js';
import type { CardAddedEvent, CardSelectEvent, DefaultChangedEvent, RemovalBlockedEvent } from '../../src/events/index.js';
import { de } from '../../src/i18n/index.js';
import { AddCardForm, CardList, CvvFlip, type CardListProps } from '../../src/react/index.js';
import { MockHost, mockCard } from '../../src/testing/index.js';

// React warns unless it knows the environment runs act()
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cards = () => [
  mockCard({ id: 'card_visa', brand: 'visa', last4: '4242' }),
  mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444' }),
];

async function until(check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 8000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Type-level checks: a callback typed for another event is refused.
const wrongEvent: CardListProps = {
  // @ts-expect-error onCardSelect receives a CardSelectEvent, not a CardAddedEvent
  onCardSelect: (_e: CardAddedEvent) => undefined,
};
void wrongEvent;

describe('saved-cards/react', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  it('<CardList> renders the cards from its client and reports a new default with a typed DefaultChangedEvent', async () => {
    const host = new MockHost({ cards: cards() });
    const ref = createRef<CardListElement>();
    const changes: string[] = [];
    const onDefaultChanged = (e: DefaultChangedEvent) => changes.push(`${e.detail.previous?.last4} → ${e.detail.card.last4}`);
    await act(async () => {
      root.render(createElement(CardList, { ref, client: host.client(), tokenizer: host.tokenizer(), onDefaultChanged }));
    });
    const el = ref.current!;
    expect(el.localName).to.equal('card-list');
    // an object prop reached the element as a property, not a "[object Object]" attribute
    expect(el.client).to.be.an('object');
    expect(el.hasAttribute('client')).to.be.false;
    await until(() => el.shadowRoot!.querySelectorAll('li[data-id]').length === 2, 'two rows');

    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="card_mc"] [data-action="default"]')!.click();
    await until(() => changes.length === 1, 'default-changed');
    expect(changes).to.deep.equal(['4242 → 4444']);
    await expect(el).to.be.accessible();
  });

  it('<CardList selectable> calls onCardSelect with the chosen card', async () => {
    const host = new MockHost({ cards: cards() });
    const ref = createRef<CardListElement>();
    const selected: CardSelectEvent[] = [];
    await act(async () => {
      root.render(createElement(CardList, { ref, selectable: true, client: host.client(), onCardSelect: (e) => selected.push(e) }));
    });
    const el = ref.current!;
    await until(() => el.shadowRoot!.querySelectorAll('input[type="radio"]').length === 2, 'the radios');
    el.shadowRoot!.querySelector<HTMLInputElement>('li[data-id="card_mc"] input')!.click();
    await until(() => selected.length === 1, 'card-select');
    expect(selected[0]!.detail.card.last4).to.equal('4444');
    expect(el.value).to.equal('card_mc');
  });

  it('<CardList> calls onRemovalBlocked when the default card’s Remove is pressed', async () => {
    const host = new MockHost({ cards: cards() });
    const ref = createRef<CardListElement>();
    const blocked: RemovalBlockedEvent[] = [];
    await act(async () => {
      root.render(createElement(CardList, { ref, client: host.client(), onRemovalBlocked: (e) => blocked.push(e) }));
    });
    const el = ref.current!;
    await until(() => el.shadowRoot!.querySelectorAll('li[data-id]').length === 2, 'two rows');
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="card_visa"] [data-action="remove"]')!.click();
    await until(() => blocked.length === 1, 'removal-blocked');
    expect(blocked[0]!.detail).to.include({ reason: 'default', source: 'list' });
  });

  it('<AddCardForm> takes messages and mode as properties; <CvvFlip> draws the brand it is given', async () => {
    const host = new MockHost();
    await act(async () => {
      root.render(
        createElement('div', null, [
          createElement(AddCardForm, {
            key: 'form',
            mode: 'pay',
            amount: 4990,
            currency: 'EUR',
            locale: 'de-DE',
            messages: de,
            savedAddresses: [],
            client: host.client(),
            tokenizer: host.tokenizer(),
          }),
          createElement(CvvFlip, { key: 'flip', brand: 'american-express', last4: '0005' }),
        ]),
      );
    });
    const form = container.querySelector('add-card-form')!;
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('label[for="number"]')!.textContent).to.equal('Kartennummer');
    expect(form.shadowRoot!.querySelector('[part~="submit"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('49,90 € zahlen');
    const flip = container.querySelector('cvv-flip')!;
    await flip.updateComplete;
    expect(flip.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('data-brand')).to.equal('american-express');
  });
});
