// Invoices: the "Pay Now" panel pays with a saved card (with the one-time-code step when the gateway
// asks for it), or <add-card-form mode="pay"> pays with a new card. Either way, back to the list.
import { cardIdFrom, savedCardPayment } from './portal.js';

const panel = document.querySelector('[data-pay-panel]');

if (panel) {
  const invoiceId = panel.dataset.invoiceId;
  const payment = savedCardPayment(panel, panel.querySelector('[data-pay-status]'));
  const paid = () => location.assign(`/invoices?paid=${encodeURIComponent(invoiceId)}`);
  const list = panel.querySelector('[data-pay-cards]');
  let selectedCardId = null;
  list.addEventListener('card-select', (event) => {
    selectedCardId = cardIdFrom(event.detail);
  });

  const button = panel.querySelector('[data-pay-saved]');
  button.addEventListener('click', async () => {
    // the list preselects the default card; `value` is its choice until the customer picks
    const cardId = selectedCardId ?? list.value;
    if (!cardId) {
      payment.show('Choose a saved card first, or pay with a new card below.', 'error');
      return;
    }
    button.disabled = true;
    await payment.pay({ invoiceId, cardId }, () => setTimeout(paid, 1200));
    button.disabled = false;
  });

  panel.querySelector('[data-pay-form]').addEventListener('payment-succeeded', () => setTimeout(paid, 1200));
  panel.scrollIntoView({ block: 'start' });
}
