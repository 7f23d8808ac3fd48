// Shared by every demo page: the Demo phone, the element-event log, and a small client for the
// pages' own calls to /api. No innerHTML anywhere: the CSP requires Trusted Types for scripts.

const EVENTS = [
  'card-added',
  'card-removed',
  'default-changed',
  'card-select',
  'removal-blocked',
  'session-expired',
  'payment-succeeded',
  'payment-failed',
];

const BRANDS = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  'american-express': 'American Express',
  discover: 'Discover',
  'diners-club': 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

/** The page's CSRF token. */
export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

/** `Visa •••• 4242`. */
export function describeCard(card) {
  return `${BRANDS[card.brand] ?? card.brand} •••• ${card.last4}`;
}

/** `$25.00`. */
export function formatMoney(money) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(money.amount / 100);
}

/**
 * Calls the host endpoint. Resolves with `{ status, body }` whatever the status; rejects only when
 * the network fails.
 */
export async function api(method, path, body, { idempotencyKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 401) location.assign('/signin');
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  return { status: response.status, body: json };
}

/** The id of the card a `card-select` event is about, whatever shape its detail takes. */
export function cardIdFrom(detail) {
  return detail?.card?.id ?? detail?.cardId ?? detail?.id ?? null;
}

/** Asks every card list on the page to load its cards again (another element changed them). */
export function refreshCardLists(except) {
  for (const list of document.querySelectorAll('card-list')) {
    if (list === except) continue;
    if (typeof list.refresh === 'function') list.refresh();
    else if (typeof list.reload === 'function') list.reload();
  }
}

const DECLINE_TEXT = {
  generic_decline: 'the card was declined',
  insufficient_funds: 'the card has insufficient funds',
  expired_card: 'the card has expired',
  incorrect_cvc: 'the security code is incorrect',
};

/** A sentence for an error answer of the host endpoint. */
export function describeError(status, body) {
  const error = body?.error ?? {};
  if (error.code === 'card_declined') return `Payment declined: ${DECLINE_TEXT[error.declineCode] ?? 'the card was declined'}.`;
  if (error.code === 'verification_failed' && error.reason === 'expired') return 'The code has expired. Start again.';
  if (error.code === 'verification_failed') {
    return error.attemptsLeft ? `That code is not right. ${error.attemptsLeft} attempt(s) left.` : 'That code is not right.';
  }
  if (error.code === 'conflict' && error.reason === 'invoice_paid') return 'This invoice is already paid.';
  if (error.code === 'rate_limited') return 'Too many attempts. Wait a few minutes and try again.';
  if (error.code === 'not_found') return 'That card is no longer on file. Reload the page.';
  return `Something went wrong (${status}). Try again.`;
}

/**
 * Pays with a saved card from a panel holding `[data-otp]`, `[data-otp-code]`, `[data-otp-confirm]`,
 * and a status element: handles the one-time-code step when the gateway asks for it.
 */
export function savedCardPayment(panel, status) {
  const otp = panel.querySelector('[data-otp]');
  const codeInput = panel.querySelector('[data-otp-code]');
  const confirmButton = panel.querySelector('[data-otp-confirm]');
  let pendingVerification = null;
  let onPaid = () => {};

  const show = (text, kind) => {
    status.textContent = text;
    status.className = `status ${kind ?? ''}`;
  };

  const settle = ({ status: code, body }) => {
    if (code === 201 || code === 200) {
      pendingVerification = null;
      otp.hidden = true;
      show(`Paid ${formatMoney(body.payment.amount)} with ${describeCard(body.payment.card)}.`, 'success');
      onPaid(body.payment);
    } else if (code === 202) {
      pendingVerification = body.verification;
      otp.hidden = false;
      codeInput.value = '';
      codeInput.focus();
      show(`Enter the code sent to ${body.verification.sentTo ?? 'your phone'} (see the Demo phone).`);
    } else {
      show(describeError(code, body), 'error');
    }
  };

  confirmButton.addEventListener('click', async () => {
    if (!pendingVerification) return;
    confirmButton.disabled = true;
    try {
      settle(
        await api('POST', `/verifications/${encodeURIComponent(pendingVerification.id)}/confirm`, { code: codeInput.value.trim() }, {
          idempotencyKey: crypto.randomUUID(),
        }),
      );
    } catch {
      show('The network failed. Try again.', 'error');
    } finally {
      confirmButton.disabled = false;
    }
  });

  return {
    show,
    /** Sends the payment; `then` runs once it succeeds. */
    async pay(body, then) {
      onPaid = then;
      show('Paying…');
      try {
        settle(await api('POST', '/payments', body, { idempotencyKey: crypto.randomUUID() }));
      } catch {
        show('The network failed. Try again.', 'error');
      }
    },
  };
}

// --- the element-event log ----------------------------------------------------------------------
function summarise(detail) {
  if (!detail || typeof detail !== 'object') return '';
  const parts = [];
  const card = detail.card ?? detail.savedCard ?? detail.payment?.card;
  if (card?.brand && card?.last4) parts.push(describeCard(card));
  if (detail.payment?.amount) parts.push(formatMoney(detail.payment.amount));
  for (const key of ['reason', 'declineCode', 'code']) {
    if (typeof detail[key] === 'string') parts.push(`${key}=${detail[key]}`);
  }
  return parts.join(', ');
}

const log = document.querySelector('[data-event-log]');
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    if (name === 'session-expired') location.assign('/signin');
    if (!log) return;
    const item = document.createElement('li');
    const summary = summarise(event.detail);
    item.textContent = summary ? `${name}: ${summary}` : name;
    log.prepend(item);
    while (log.children.length > 8) log.lastElementChild.remove();
  });
}

// --- the demo phone -----------------------------------------------------------------------------
const phone = document.querySelector('[data-demo-phone-messages]');
const gatewayUrl = document.querySelector('meta[name="gateway-url"]')?.getAttribute('content');
let lastMessageId = null;

async function pollPhone() {
  if (document.visibilityState !== 'visible') return;
  try {
    const response = await fetch(`${gatewayUrl}/demo/messages`, { credentials: 'omit' });
    if (!response.ok) return;
    const { messages } = await response.json();
    const latest = messages.slice(0, 3);
    if (latest[0]?.id === lastMessageId) return;
    const isNew = lastMessageId !== null;
    lastMessageId = latest[0]?.id ?? null;
    phone.replaceChildren(
      ...latest.map((message, i) => {
        const item = document.createElement('li');
        if (i === 0 && isNew) item.className = 'new';
        const code = document.createElement('span');
        code.className = 'code';
        code.textContent = message.code;
        const text = document.createElement('span');
        text.textContent = message.text;
        item.append(code, text);
        return item;
      }),
    );
    if (latest.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No messages yet.';
      phone.replaceChildren(empty);
    }
  } catch {
    // the gateway may be restarting; the next poll tries again
  }
}

if (phone && gatewayUrl) {
  void pollPhone();
  setInterval(pollPhone, 2000);
  document.addEventListener('visibilitychange', () => void pollPhone());
}
