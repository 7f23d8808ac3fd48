import type { SavedCard } from '../endpoint/types.js';

/** What `card-removed` carries: masked facts about the card the host endpoint removed. */
export interface CardRemovedDetail {
  /** The card as it was listed before removal (brand, last four digits, expiry; never a number or code). */
  card: SavedCard;
}

/**
 * Fired by `<card-list>` once the host endpoint has removed a card. Not fired when the server says
 * the card was already gone (404): the list just refetches then.
 *
 * @example list.addEventListener('card-removed', (e) => toast(`Card ending ${e.detail.card.last4} removed`));
 */
export class CardRemovedEvent extends CustomEvent<CardRemovedDetail> {
  /** The event's name. */
  static readonly eventName = 'card-removed' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: CardRemovedDetail) {
    super(CardRemovedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'card-removed': CardRemovedEvent;
  }
}
