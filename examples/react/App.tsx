/**
 * A portal's "Payment methods" page in React: the cards on file, a toast line fed by the typed
 * events, and a drawing of the default card with the raw `<cvv-flip>` tag.
 *
 * In your app, import from the package: `import { CardList } from 'saved-cards/react'` and
 * `import type {} from 'saved-cards/jsx'` (for raw tags in JSX).
 */
import { useState } from 'react';
import type { SavedCard } from '../../src/endpoint/types.js';
import { CardList } from '../../src/react/index.js';
import type {} from '../../src/types/jsx.js';
import type { PaymentMethodsProps } from './backend.js';

const describe = (card: Pick<SavedCard, 'brand' | 'last4'>): string => `${card.brand} •••• ${card.last4}`;

export function PaymentMethods({ backend, onSignedOut = () => window.location.assign('/signin') }: PaymentMethodsProps) {
  const [toast, setToast] = useState('');
  const [defaultCard, setDefaultCard] = useState<SavedCard | null>(null);

  return (
    <section aria-labelledby="payment-methods-title">
      <h2 id="payment-methods-title">Payment methods</h2>
      <CardList
        {...backend}
        onCardAdded={(e) => setToast(`${describe(e.detail.card)} was added.`)}
        onDefaultChanged={(e) => {
          setDefaultCard(e.detail.card);
          setToast(`${describe(e.detail.card)} is now your default card.`);
        }}
        onCardRemoved={(e) => setToast(`${describe(e.detail.card)} was removed.`)}
        onRemovalBlocked={(e) => {
          if (e.detail.reason === 'only-card-required') setToast('Your subscription needs a card on file: add another card first.');
        }}
        onSessionExpired={onSignedOut}
      />
      <p role="status" className="toast">
        {toast}
      </p>
      {defaultCard && (
        <cvv-flip brand={defaultCard.brand} last4={defaultCard.last4} name={defaultCard.nameOnCard} expiry={`${String(defaultCard.expMonth).padStart(2, '0')}/${String(defaultCard.expYear % 100).padStart(2, '0')}`} />
      )}
    </section>
  );
}
