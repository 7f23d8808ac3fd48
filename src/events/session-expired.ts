/** What `session-expired` carries. */
export interface SessionExpiredDetail {
  /** The tag of the element whose request the host endpoint refused with 401. */
  source: string;
}

/**
 * Fired when the host endpoint answers 401: the customer's session has ended. The host typically
 * sends the customer to sign in again. Elements keep what the customer typed (except card data they
 * wipe anyway) so they can retry after signing in.
 */
export class SessionExpiredEvent extends CustomEvent<SessionExpiredDetail> {
  /** The event's name. */
  static readonly eventName = 'session-expired' as const;

  /** Creates the event. */
  constructor(detail: SessionExpiredDetail) {
    super(SessionExpiredEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'session-expired': SessionExpiredEvent;
  }
}
