import type { AccountPolicy, SavedCard } from '../endpoint/types.js';

/** What `card-added` carries: masked facts about the card the host endpoint saved. */
export interface CardAddedDetail {
  /** The card just saved (brand, last four digits, expiry; never the number or code). */
  card: SavedCard;
  /** Every card on file after the save, as the server now holds it (default first). */
  cards: SavedCard[];
  /** The account's card policy after the save. */
  policy: AccountPolicy;
}

/**
 * Fired by `<add-card-form>` (and re-used by `<card-list>`) once the host endpoint has saved a new
 * card. Bubbles and crosses shadow roots, so a page can listen on `document`.
 *
 * @example form.addEventListener('card-added', (e) => toast(`${e.detail.card.brand} •••• ${e.detail.card.last4} saved`));
 */
export class CardAddedEvent extends CustomEvent<CardAddedDetail> {
  /** The event's name, for `addEventListener(CardAddedEvent.eventName, …)`. */
  static readonly eventName = 'card-added' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: CardAddedDetail) {
    super(CardAddedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'card-added': CardAddedEvent;
  }
}
