// Billing & Plans → Payment Methods: the wallet refill (the selected saved card, or a new one through
// the list's own "Use another card"), and keeping the subscription's card and the balance up to date.
import { api, cardIdFrom, describeCard, formatMoney, refreshCardLists, savedCardPayment } from './portal.js';

const form = document.querySelector('[data-refill]');
const refillCards = document.querySelector('[data-refill-cards]');
const balance = document.querySelector('[data-wallet-balance]');
const subscriptionCard = document.querySelector('[data-subscription-card]');
const payment = savedCardPayment(form, form.querySelector('[data-refill-status]'));
let selectedCardId = null;

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

// the list's "Use another card" pays the chosen amount too
form.addEventListener('change', (event) => {
  if (event.target.name === 'amount') refillCards.setAttribute('amount', String(amount().amount));
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  // the list preselects the default card; `value` is its choice until the customer picks
  const cardId = selectedCardId ?? refillCards.value;
  if (!cardId) {
    payment.show('Choose a card first, or use another card.', 'error');
    return;
  }
  const pay = form.querySelector('[data-refill-pay]');
  pay.disabled = true;
  await payment.pay({ cardId, amount: amount(), description: 'Wallet refill' }, refreshBalance);
  pay.disabled = false;
});

refillCards.addEventListener('payment-succeeded', () => {
  void refreshBalance();
  refreshCardLists(refillCards);
});

for (const name of ['card-added', 'card-removed', 'default-changed']) {
  document.addEventListener(name, (event) => {
    refreshCardLists(event.target);
    void refreshSubscriptionCard();
  });
}
