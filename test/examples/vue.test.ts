/**
 * The Vue 3 example (examples/vue) mounts, renders the card list against a MockHost, and its
 * handlers receive the elements' events: a new default shows in its toast line. Also checks, at
 * type level, the `GlobalComponents` declaration Volar uses to type the tags in templates.
 */
import { expect } from '@open-wc/testing';
import type { GlobalComponents } from 'vue';
import type { CardList } from '../../src/card-list/card-list.js';
import type { CardAddedEvent } from '../../src/events/index.js';
import { MockHost, mockCard } from '../../src/testing/index.js';
import { mountPaymentMethods } from '../../examples/vue/main.js';

// what `<card-list …>` accepts in a Vue template once 'saved-cards/vue' is imported
type CardListInTemplate = InstanceType<GlobalComponents['card-list']>['$props'];
const typed: CardListInTemplate = { selectable: true, maskPattern: '•••• {last4}', onCardSelect: (e) => void e.detail.card.last4 };
// @ts-expect-error @card-select hands over a CardSelectEvent, not a CardAddedEvent
const mistyped: CardListInTemplate = { onCardSelect: (_e: CardAddedEvent) => undefined };
void [typed, mistyped];

async function until(check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 8000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('examples/vue', () => {
  let target: HTMLDivElement;
  let unmount = (): void => {};

  beforeEach(() => {
    target = document.createElement('div');
    document.body.append(target);
  });

  afterEach(() => {
    unmount();
    target.remove();
  });

  it('mounts, shows the cards and reports a new default', async () => {
    const host = new MockHost({
      cards: [mockCard({ id: 'card_visa', brand: 'visa', last4: '4242' }), mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444' })],
    });
    const client = host.client();
    const app = mountPaymentMethods(target, { client, tokenizer: host.tokenizer() });
    unmount = () => app.unmount();
    const list = target.querySelector<CardList>('card-list')!;
    // Vue handed the objects over as properties, not as "[object Object]" attributes
    expect(list.client).to.equal(client);
    expect(list.hasAttribute('client')).to.be.false;
    await until(() => list.shadowRoot!.querySelectorAll('li[data-id]').length === 2, 'two rows');

    list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="card_mc"] [data-action="default"]')!.click();
    await until(() => target.querySelector('.toast')!.textContent !== '', 'the toast');
    expect(target.querySelector('.toast')!.textContent).to.equal('mastercard •••• 4444 is now your default card.');
    await expect(target).to.be.accessible();
  });

  it('emits signed-out when the session has ended', async () => {
    const host = new MockHost();
    host.fail({ path: '/cards' }, { status: 401 }, 5);
    const signedOut: string[] = [];
    const app = mountPaymentMethods(target, { client: host.client(), onSignedOut: () => signedOut.push('signed out') });
    unmount = () => app.unmount();
    await until(() => signedOut.length === 1, 'signed-out');
  });
});
