/// <reference types="vite/client" />
/**
 * The React example (examples/react/App.tsx) renders the card list against a MockHost and its
 * typed callbacks drive the page: a new default shows in the toast line and in the raw <cvv-flip>.
 *
 * The example is JSX, which the root tsconfig does not compile, so it is loaded through Vite's glob
 * import (Vite compiles it; tsc does not follow it) and typed from its plain-TS props file.
 * `tsc -p examples/tsconfig.json` type-checks the example itself.
 */
import { expect } from '@open-wc/testing';
import { createElement, type FunctionComponent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CardList } from '../../src/card-list/card-list.js';
import { MockHost, mockCard } from '../../src/testing/index.js';
import type { PaymentMethodsProps } from '../../examples/react/backend.js';

// the elements update React state from their own fetches, outside act(): the test polls the DOM
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

interface ExampleModule {
  PaymentMethods: FunctionComponent<PaymentMethodsProps>;
}

const example = import.meta.glob<ExampleModule>('../../examples/react/App.tsx');

async function loadExample(): Promise<ExampleModule> {
  const load = example['../../examples/react/App.tsx'];
  if (!load) throw new Error('examples/react/App.tsx is missing');
  return load();
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 8000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('examples/react', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('shows the cards, and a new default in its toast and card drawing', async () => {
    const { PaymentMethods } = await loadExample();
    const host = new MockHost({
      cards: [mockCard({ id: 'card_visa', brand: 'visa', last4: '4242' }), mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444', expMonth: 6 })],
    });
    const signedOut: string[] = [];
    root.render(
      createElement(PaymentMethods, {
        backend: { client: host.client(), tokenizer: host.tokenizer() },
        onSignedOut: () => signedOut.push('signed out'),
      }),
    );
    await until(() => container.querySelector('card-list') !== null, 'the list');
    const list = container.querySelector<CardList>('card-list')!;
    await until(() => list.shadowRoot!.querySelectorAll('li[data-id]').length === 2, 'two rows');
    expect(container.querySelector('cvv-flip')).to.be.null;

    list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="card_mc"] [data-action="default"]')!.click();
    await until(() => container.querySelector('.toast')!.textContent !== '', 'the toast');
    expect(container.querySelector('.toast')!.textContent).to.equal('mastercard •••• 4444 is now your default card.');

    await until(() => container.querySelector('cvv-flip') !== null, 'the card drawing');
    const flip = container.querySelector('cvv-flip')!;
    await flip.updateComplete;
    expect(flip.last4).to.equal('4444');
    expect(flip.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('data-brand')).to.equal('mastercard');
    expect(signedOut).to.deep.equal([]);
    await expect(container).to.be.accessible();
  });

  it('sends the customer to sign in when the session has ended', async () => {
    const { PaymentMethods } = await loadExample();
    const host = new MockHost({ cards: [] });
    host.fail({ path: '/cards' }, { status: 401 }, 5);
    const signedOut: string[] = [];
    root.render(createElement(PaymentMethods, { backend: { client: host.client() }, onSignedOut: () => signedOut.push('signed out') }));
    await until(() => signedOut.length === 1, 'session-expired');
  });
});
