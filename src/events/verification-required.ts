import type { Verification } from '../endpoint/types.js';

/** What `verification-required` carries. */
export interface VerificationRequiredDetail {
  /** The kind of verification the gateway asked for: a one-time code, or the bank's 3-D Secure challenge. */
  kind: Verification['kind'];
}

/**
 * Fired, for information, when the gateway asks the customer to verify before it accepts the card
 * or the payment. The form shows the step itself; hosts may use the event for analytics or layout.
 */
export class VerificationRequiredEvent extends CustomEvent<VerificationRequiredDetail> {
  /** The event's name. */
  static readonly eventName = 'verification-required' as const;

  /** Creates the event. */
  constructor(detail: VerificationRequiredDetail) {
    super(VerificationRequiredEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'verification-required': VerificationRequiredEvent;
  }
}
