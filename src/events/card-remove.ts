import type { SavedCard } from '../endpoint/types.js';

/** What `card-remove` carries: the card about to be removed. */
export interface CardRemoveDetail {
  /** The card the customer confirmed removing (masked facts only). */
  card: SavedCard;
  /** `remove`: the customer pressed Remove and confirmed; `replace`: the last step of replacing it with a new card. */
  cause: 'remove' | 'replace';
}

/**
 * Fired by `<card-list>` after the customer confirms a removal and before the request is sent.
 * Cancelable: call `preventDefault()` to keep the card (the list then says it was not removed).
 *
 * @example list.addEventListener('card-remove', (e) => { if (hasOpenInvoice(e.detail.card.id)) e.preventDefault(); });
 */
export class CardRemoveEvent extends CustomEvent<CardRemoveDetail> {
  /** The event's name. */
  static readonly eventName = 'card-remove' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: CardRemoveDetail) {
    super(CardRemoveEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'card-remove': CardRemoveEvent;
  }
}
