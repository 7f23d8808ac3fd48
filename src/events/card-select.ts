import type { SavedCard } from '../endpoint/types.js';

/** What `card-select` carries: the card the customer chose to pay with. */
export interface CardSelectDetail {
  /** The chosen card (masked facts only); its `id` is what `POST /payments` takes as `cardId`. */
  card: SavedCard;
}

/**
 * Fired by `<card-list selectable>` when the customer picks a card (click, Space or an arrow key in
 * the radio group). Not fired for the default card being pre-selected: read `list.value` for that.
 */
export class CardSelectEvent extends CustomEvent<CardSelectDetail> {
  /** The event's name. */
  static readonly eventName = 'card-select' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: CardSelectDetail) {
    super(CardSelectEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'card-select': CardSelectEvent;
  }
}
