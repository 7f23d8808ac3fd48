// Billing & Plans → Payment Methods: the wallet refill (a saved card, or another card through
// <add-card-form mode="pay">) and keeping the subscription's card and the balance up to date.
import { api, cardIdFrom, defaultCardId, describeCard, formatMoney, refreshCardLists, savedCardPayment } from './portal.js';

const form = document.querySelector('[data-refill]');
const refillCards = document.querySelector('[data-refill-cards]');
const refillForm = document.querySelector('[data-refill-form]');
const newCardPanel = document.getElementById('refill-new-card');
const useAnother = document.querySelector('[data-use-another-card]');
const balance = document.querySelector('[data-wallet-balance]');
const subscriptionCard = document.querySelector('[data-subscription-card]');
const payment = savedCardPayment(form, form.querySelector('[data-refill-status]'));

let selectedCardId = await defaultCardId();

function amount() {
  const choice = form.querySelector('input[name="amount"]:checked');
  return { amount: Number(choice.value), currency: form.elements.currency.value };
}

async function refreshBalance() {
  const { status, body } = await api('GET', '/wallet');
  if (status === 200 && body.wallet) balance.textContent = formatMoney(body.wallet.balance);
}

async function refreshSubscriptionCard() {
  if (!subscriptionCard) return;
  const { status, body } = await api('GET', '/subscription');
  if (status === 200) subscriptionCard.textContent = body.card ? describeCard(body.card) : 'No card on file';
}

refillCards.addEventListener('card-select', (event) => {
  selectedCardId = cardIdFrom(event.detail);
});

form.addEventListener('change', (event) => {
  if (event.target.name === 'amount') refillForm.setAttribute('amount', String(amount().amount));
});

useAnother.addEventListener('click', () => {
  newCardPanel.hidden = !newCardPanel.hidden;
  useAnother.setAttribute('aria-expanded', String(!newCardPanel.hidden));
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!selectedCardId) {
    payment.show('Choose a card first, or use another card.', 'error');
    return;
  }
  const pay = form.querySelector('[data-refill-pay]');
  pay.disabled = true;
  await payment.pay({ cardId: selectedCardId, amount: amount(), description: 'Wallet refill' }, refreshBalance);
  pay.disabled = false;
});

refillForm.addEventListener('payment-succeeded', () => {
  void refreshBalance();
  refreshCardLists();
});

for (const name of ['card-added', 'card-removed', 'default-changed']) {
  document.addEventListener(name, (event) => {
    refreshCardLists(event.target);
    void refreshSubscriptionCard();
  });
}
