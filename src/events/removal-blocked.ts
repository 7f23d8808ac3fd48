import type { RemovalBlockedReason, SavedCard } from '../endpoint/types.js';

/**
 * Why a card could not be removed: the contract's reasons, or `unspecified` when the server marked
 * the card not removable without saying why.
 */
export type RemovalBlockedCode = RemovalBlockedReason | 'unspecified';

/** What `removal-blocked` carries. */
export interface RemovalBlockedDetail {
  /** The card the customer tried to remove (masked facts only). */
  card: SavedCard;
  /** Why it cannot go. */
  reason: RemovalBlockedCode;
  /**
   * `list`: the customer pressed a Remove the list already showed as unavailable;
   * `server`: the host endpoint refused the removal (409) although the list allowed it.
   */
  source: 'list' | 'server';
}

/**
 * Fired by `<card-list>` when a removal is refused by a rule (the default card, the only card while
 * the account requires one, a payment that has not settled). The list has already shown the reason;
 * hosts may use the event to offer help, such as a link to the subscription page.
 */
export class RemovalBlockedEvent extends CustomEvent<RemovalBlockedDetail> {
  /** The event's name. */
  static readonly eventName = 'removal-blocked' as const;

  /** Creates the event. */
  constructor(detail: RemovalBlockedDetail) {
    super(RemovalBlockedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'removal-blocked': RemovalBlockedEvent;
  }
}
