/**
 * English messages for `gateway="stripe"`. Stripe's field errors are shown with the core's own
 * messages (keyed by Stripe's error code), never with Stripe's English.
 */
export const stripeMessages = {
  /** Shown while Stripe.js and the card fields load. */
  stripeLoading: 'Loading the secure card fields…',
  /** Stripe.js or its fields could not load (offline, blocked, a wrong publishable key). */
  stripeUnavailable: 'The secure card fields couldn’t load. Check your connection, then reload the page.',
  /** Stripe's 3-D Secure challenge ended without success: Stripe does not say whether it was closed or failed. */
  verifyCancelledOrFailedAdd: 'Verification was cancelled or failed. The card was not added.',
  verifyCancelledOrFailedPay: 'Verification was cancelled or failed. You were not charged.',
} as const;
