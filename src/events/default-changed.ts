import type { SavedCard } from '../endpoint/types.js';

/** What `default-changed` carries: the new default card and the one it replaced. */
export interface DefaultChangedDetail {
  /** The card the server now holds as the default (masked facts only). */
  card: SavedCard;
  /** The default before the change, when there was one. */
  previous: SavedCard | null;
}

/**
 * Fired by `<card-list>` when the host endpoint has confirmed a new default card. The list shows the
 * change at once (optimistically); this event waits for the server, so a refused or timed-out
 * change never fires it.
 */
export class DefaultChangedEvent extends CustomEvent<DefaultChangedDetail> {
  /** The event's name. */
  static readonly eventName = 'default-changed' as const;

  /** Creates the event; `detail` must hold masked facts only. */
  constructor(detail: DefaultChangedDetail) {
    super(DefaultChangedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'default-changed': DefaultChangedEvent;
  }
}
