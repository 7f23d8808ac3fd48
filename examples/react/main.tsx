/** Mounts the example on a portal page: `<div id="payment-methods" data-token-endpoint="…"></div>`. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PaymentMethods } from './App.js';

const mount = document.getElementById('payment-methods');
if (mount) {
  createRoot(mount).render(
    <StrictMode>
      <PaymentMethods backend={{ endpoint: '/api', tokenEndpoint: mount.dataset.tokenEndpoint ?? '' }} />
    </StrictMode>,
  );
}
