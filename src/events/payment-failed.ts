/**
 * Why a payment with a new card did not go through:
 * - `declined`: the bank or gateway refused the card (`declineCode` says why);
 * - `verification-failed`: the one-time code or the bank's challenge failed;
 * - `verification-cancelled`: the customer cancelled the verification;
 * - `invalid`: the gateway or host endpoint refused a field (`field` says which);
 * - `conflict`: the server refused the request as it stands (`code` holds its reason, e.g. `invoice_paid`);
 * - `rate-limited`, `network`, `server`: the payment could not be attempted; the customer may retry.
 */
export type PaymentFailureReason =
  | 'declined'
  | 'verification-failed'
  | 'verification-cancelled'
  | 'invalid'
  | 'conflict'
  | 'rate-limited'
  | 'network'
  | 'server';

/** What `payment-failed` carries: reason codes only, never card data. */
export interface PaymentFailedDetail {
  /** What kind of failure it was. */
  reason: PaymentFailureReason;
  /** The machine-readable code behind it (`card_declined`, `timeout`, `invoice_paid`, …). */
  code: string;
  /** The gateway's decline code (`insufficient_funds`, `expired_card`, …), for `declined`. */
  declineCode?: string;
  /** The form field at fault, when the failure is about one (`number`, `code`, `expiry`, …). */
  field?: string;
  /** Whether trying again as things stand might work (a network failure) or the customer must change something (a decline). */
  retryable: boolean;
  /** The invoice being paid, when there was one. */
  invoiceId?: string;
}

/**
 * Fired by `<add-card-form mode="pay">` when a payment attempt fails. The form has already told the
 * customer why; hosts use it for analytics or to offer another way to pay.
 */
export class PaymentFailedEvent extends CustomEvent<PaymentFailedDetail> {
  /** The event's name. */
  static readonly eventName = 'payment-failed' as const;

  /** Creates the event. */
  constructor(detail: PaymentFailedDetail) {
    super(PaymentFailedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'payment-failed': PaymentFailedEvent;
  }
}
