/**
 * Keeps a card list true to the server while it is on the page: refetch when the tab becomes
 * visible again or the connection comes back, and when another tab (or another list on this page)
 * says it changed the cards. Also tracks whether the browser is online.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The BroadcastChannel every `<card-list>` of an origin shares. */
export const CHANNEL_NAME = 'saved-cards';

/** The one message lists post: it names no card, only that the cards changed. */
export interface CardsChangedMessage {
  type: 'cards-changed';
}

/** What the controller calls back. */
export interface ListSyncCallbacks {
  /** The server's list may have changed: fetch it again. */
  refetch(): void;
}

/** Listens for the reasons to refetch while its host is connected. */
export class ListSync implements ReactiveController {
  /** Whether the browser believes it is online. */
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  #channel: BroadcastChannel | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #callbacks: ListSyncCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: ListSyncCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Starts listening. */
  hostConnected(): void {
    this.online = navigator.onLine;
    document.addEventListener('visibilitychange', this.#handleVisibility);
    window.addEventListener('online', this.#handleOnline);
    window.addEventListener('offline', this.#handleOffline);
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL_NAME);
      this.#channel.addEventListener('message', this.#handleMessage);
    }
  }

  /** Stops listening; a list taken off the page keeps no channel open. */
  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#handleVisibility);
    window.removeEventListener('online', this.#handleOnline);
    window.removeEventListener('offline', this.#handleOffline);
    this.#channel?.removeEventListener('message', this.#handleMessage);
    this.#channel?.close();
    this.#channel = null;
  }

  /** Tells the other lists of this origin that the cards changed. */
  announce(): void {
    const message: CardsChangedMessage = { type: 'cards-changed' };
    this.#channel?.postMessage(message);
  }

  readonly #handleVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#callbacks.refetch();
  };

  readonly #handleOnline = (): void => {
    this.online = true;
    this.#host.requestUpdate();
    this.#callbacks.refetch();
  };

  readonly #handleOffline = (): void => {
    this.online = false;
    this.#host.requestUpdate();
  };

  readonly #handleMessage = (event: MessageEvent<unknown>): void => {
    // another page of this origin could post anything: only the one known message counts
    const data = event.data as Partial<CardsChangedMessage> | null;
    if (data && typeof data === 'object' && data.type === 'cards-changed') this.#callbacks.refetch();
  };
}
