/**
 * The card list's state: what the server last said, plus the change the customer is waiting on.
 * No DOM and no Lit here, so the ordering rules can be tested on their own.
 *
 * Ordering. Every request (GET or mutation) takes a number when it is sent; an answer is applied only
 * when its number is higher than the last applied one, so an older request that answers late never
 * overwrites what a newer one showed. Each mutation answers with the whole list, so applying the
 * newest answer is enough. When a successful answer is discarded as stale, the server may have done
 * that change after the newer one, so the store refetches to show what the server really holds.
 *
 * Set-as-default is optimistic: the chosen card shows as the default at once (an overlay over the
 * server's list) and the overlay drops when the server answers; on failure that is the rollback.
 * Requests for the default are sent one at a time and coalesced: clicking B then C while B is on
 * its way sends C after B answers, never both at once, so the server ends with the customer's last
 * choice rather than whichever request it happened to process last.
 */
import type { EndpointClient } from '../endpoint/client.js';
import type { AccountPolicy, CardListResponse, SavedCard } from '../endpoint/types.js';

/** What a row is waiting for. */
export type BusyKind = 'default' | 'remove';

/** How the first load went. */
export type LoadStatus = 'loading' | 'ready' | 'error';

/** How a set-default or remove request ended, for the element to tell the customer. */
export type MutationOutcome =
  | {
      kind: 'done';
      response: CardListResponse;
      /** The default the server held just before this answer (set-default only). */
      previous?: SavedCard | null;
    }
  /** A newer set-default replaced this one before it was sent or while it failed. */
  | { kind: 'superseded' }
  | { kind: 'failed'; error: unknown };

interface DefaultJob {
  id: string;
  resolve: (outcome: MutationOutcome) => void;
}

/** Where the store gets its client and how it tells its owner to re-render. */
export interface ListStoreHost {
  /** The client to use now (the element's injected or built one), or `null` when it has none. */
  client(): EndpointClient | null;
  /** Called after every state change. */
  changed(): void;
}

/** The card list's state and the requests that change it. */
export class ListStore {
  /** How the first load went; later background refreshes never turn a shown list back into `loading`. */
  status: LoadStatus = 'loading';
  /** Why the last load failed, while `status` is `error`. */
  loadError: unknown = null;
  /** The server's last accepted answer, or `null` before the first one. */
  snapshot: CardListResponse | null = null;

  #seq = 0;
  #appliedSeq = 0;
  #pendingDefault: DefaultJob | null = null;
  #inflightDefault: DefaultJob | null = null;
  readonly #removing = new Set<string>();
  #refreshing: Promise<unknown> | null = null;
  #refreshAgain = false;
  /** The default in the server's last answer (kept so row checks stay O(1) on long lists). */
  #serverDefaultId: string | null = null;
  #displayMemo: { snapshot: CardListResponse | null; overlay: string | null; cards: readonly SavedCard[] } | null = null;

  readonly #host: ListStoreHost;

  constructor(host: ListStoreHost) {
    this.#host = host;
  }

  /** The account policy from the last answer. */
  get policy(): AccountPolicy | null {
    return this.snapshot?.policy ?? null;
  }

  /** The card the customer is waiting to become the default, if any. */
  get optimisticDefault(): string | null {
    return (this.#pendingDefault ?? this.#inflightDefault)?.id ?? null;
  }

  /**
   * The cards as the customer should see them: the server's list with the pending default applied,
   * default first. Cards the overlay does not touch keep their identity, so rows that did not change
   * are not re-rendered.
   */
  get cards(): readonly SavedCard[] {
    const overlay = this.optimisticDefault;
    const memo = this.#displayMemo;
    if (memo && memo.snapshot === this.snapshot && memo.overlay === overlay) return memo.cards;
    const cards = withDefault(this.snapshot?.cards ?? [], overlay);
    this.#displayMemo = { snapshot: this.snapshot, overlay, cards };
    return cards;
  }

  /** What `id`'s row is waiting for, if anything. */
  busy(id: string): BusyKind | null {
    if (this.#removing.has(id)) return 'remove';
    return this.optimisticDefault === id ? 'default' : null;
  }

  /**
   * Whether `id`'s actions should wait: its removal is on its way, or a default change involving it
   * (the card becoming the default, or the server's default it replaces) has not been answered.
   */
  locked(id: string): boolean {
    if (this.#removing.has(id)) return true;
    const overlay = this.optimisticDefault;
    if (overlay === null) return false;
    return id === overlay || id === this.#serverDefaultId;
  }

  /** The cards whose row shows a request on its way ({@link busy}, {@link locked}); every other row is idle. */
  flagged(): string[] {
    const overlay = this.optimisticDefault;
    return overlay === null ? [...this.#removing] : [...this.#removing, overlay, this.#serverDefaultId ?? ''];
  }

  /** Forgets everything (a new endpoint or client): the next load starts from the skeleton again. */
  reset(): void {
    this.#seq += 1;
    this.#appliedSeq = this.#seq;
    this.snapshot = null;
    this.#serverDefaultId = null;
    this.status = 'loading';
    this.loadError = null;
    this.#host.changed();
  }

  /**
   * Fetches the list. Calls made while a fetch is on its way share it, plus one more fetch after it
   * (the one on its way may have left before the change that prompted the call). Never rejects:
   * resolves with the error of the last fetch, or `null` when it succeeded.
   */
  refresh(): Promise<unknown> {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      let error: unknown = null;
      try {
        do {
          this.#refreshAgain = false;
          error = await this.#fetchOnce();
        } while (this.#refreshAgain);
      } finally {
        this.#refreshing = null;
      }
      return error;
    })();
    return this.#refreshing;
  }

  /** Starts over from the skeleton and fetches (the error state's Retry). */
  retry(): Promise<unknown> {
    if (this.snapshot === null) {
      this.status = 'loading';
      this.loadError = null;
      this.#host.changed();
    }
    return this.refresh();
  }

  /** Applies a list the server sent through someone else (the add form's `card-added` answer). */
  accept(response: CardListResponse): void {
    this.#apply(++this.#seq, response);
  }

  /** Makes `id` the default: shown at once, confirmed or rolled back when the server answers. */
  setDefault(id: string): Promise<MutationOutcome> {
    return new Promise((resolve) => {
      this.#pendingDefault?.resolve({ kind: 'superseded' });
      this.#pendingDefault = { id, resolve };
      this.#host.changed();
      void this.#pumpDefault();
    });
  }

  /** Removes `id` (not optimistic: the row shows it is busy until the server answers). */
  async remove(id: string): Promise<MutationOutcome> {
    const client = this.#host.client();
    if (!client) return { kind: 'failed', error: new Error('card-list has no endpoint') };
    const seq = ++this.#seq;
    this.#removing.add(id);
    this.#host.changed();
    try {
      const response = await client.removeCard(id);
      if (!this.#apply(seq, response)) void this.refresh();
      return { kind: 'done', response };
    } catch (error) {
      return { kind: 'failed', error };
    } finally {
      this.#removing.delete(id);
      this.#host.changed();
    }
  }

  async #pumpDefault(): Promise<void> {
    if (this.#inflightDefault) return; // the running loop picks up the newest intent when it is done
    while (this.#pendingDefault) {
      const job = this.#pendingDefault;
      this.#pendingDefault = null;
      this.#inflightDefault = job;
      const client = this.#host.client();
      const seq = ++this.#seq;
      let outcome: MutationOutcome;
      try {
        if (!client) throw new Error('card-list has no endpoint');
        const response = await client.setDefaultCard(job.id);
        const previous = this.snapshot?.cards.find((c) => c.isDefault) ?? null;
        if (!this.#apply(seq, response)) void this.refresh();
        outcome = { kind: 'done', response, previous };
      } catch (error) {
        // the customer has already chosen another card: this failure is moot, their newer choice is on its way
        outcome = this.#pendingDefault ? { kind: 'superseded' } : { kind: 'failed', error };
      }
      this.#inflightDefault = null;
      job.resolve(outcome);
      this.#host.changed();
    }
  }

  async #fetchOnce(): Promise<unknown> {
    const client = this.#host.client();
    if (!client) return null;
    const seq = ++this.#seq;
    try {
      this.#apply(seq, await client.listCards());
      return null;
    } catch (error) {
      // a failed background refresh leaves the list the customer sees; only a first load shows the error
      if (this.snapshot === null && seq > this.#appliedSeq) {
        this.status = 'error';
        this.loadError = error;
        this.#host.changed();
      }
      return error;
    }
  }

  /** Applies `response` if it is newer than what is shown; returns whether it was. */
  #apply(seq: number, response: CardListResponse): boolean {
    if (seq <= this.#appliedSeq) return false;
    this.#appliedSeq = seq;
    this.snapshot = { cards: reuseUnchanged(this.snapshot?.cards ?? [], response.cards), policy: response.policy };
    this.#serverDefaultId = response.cards.find((c) => c.isDefault)?.id ?? null;
    this.status = 'ready';
    this.loadError = null;
    this.#host.changed();
    return true;
  }
}

/**
 * `next`, with each card that equals its previous version replaced by that version. Every answer
 * is a fresh copy of the whole list; keeping identities lets unchanged rows skip re-rendering.
 */
export function reuseUnchanged(previous: readonly SavedCard[], next: SavedCard[]): SavedCard[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((c) => [c.id, c]));
  return next.map((card) => {
    const old = byId.get(card.id);
    return old && sameCard(old, card) ? old : card;
  });
}

function sameCard(a: SavedCard, b: SavedCard): boolean {
  const keys = Object.keys(a) as (keyof SavedCard)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * `cards` with `defaultId` as the default and first (the rest in server order); `null` changes nothing.
 * Plain loops and one copy: this runs on every click of "Set as default", over lists of a thousand.
 */
export function withDefault(cards: readonly SavedCard[], defaultId: string | null): readonly SavedCard[] {
  let at = -1;
  if (defaultId !== null) {
    for (let i = 0; i < cards.length; i++) {
      if (cards[i].id === defaultId) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) return sortDefaultFirst(cards);
  const out = cards.slice();
  for (let i = 0; i < out.length; i++) {
    const isDefault = i === at;
    if (out[i].isDefault !== isDefault) out[i] = { ...out[i], isDefault };
  }
  return moveFirst(out, at);
}

function sortDefaultFirst(cards: readonly SavedCard[]): readonly SavedCard[] {
  for (let i = 0; i < cards.length; i++) if (cards[i].isDefault) return i === 0 ? cards : moveFirst(cards.slice(), i);
  return cards;
}

function moveFirst(cards: SavedCard[], index: number): SavedCard[] {
  const card = cards[index];
  cards.copyWithin(1, 0, index);
  cards[0] = card;
  return cards;
}
