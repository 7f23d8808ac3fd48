import type { Payment, SavedCard } from '../endpoint/types.js';

/** What `payment-succeeded` carries: the payment, and the card saved while paying when there was one. */
export interface PaymentSucceededDetail {
  /** The payment as the host endpoint recorded it; its card is masked (brand, last4, expiry). */
  payment: Payment;
  /** The card kept on file, when the customer asked to save it. */
  savedCard?: SavedCard;
}

/**
 * Fired by `<add-card-form mode="pay">` once the host endpoint has taken the payment.
 *
 * @example form.addEventListener('payment-succeeded', (e) => showReceipt(e.detail.payment.id));
 */
export class PaymentSucceededEvent extends CustomEvent<PaymentSucceededDetail> {
  /** The event's name. */
  static readonly eventName = 'payment-succeeded' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: PaymentSucceededDetail) {
    super(PaymentSucceededEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'payment-succeeded': PaymentSucceededEvent;
  }
}
