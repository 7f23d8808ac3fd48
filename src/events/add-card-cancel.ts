/**
 * Fired when the customer presses the form's "Cancel" button (shown when the host sets
 * `cancelable`, e.g. `<card-list>` for "Back to card list"). The form wipes any card data first.
 * No detail.
 */
export class AddCardCancelEvent extends Event {
  /** The event's name. */
  static readonly eventName = 'add-card-cancel' as const;

  /** Creates the event. */
  constructor() {
    super(AddCardCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'add-card-cancel': AddCardCancelEvent;
  }
}
