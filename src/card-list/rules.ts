/**
 * The card list's pure rules: what a customer may do with each card, and which message tells them
 * why not or what went wrong. No DOM; the element and its tests read these tables.
 */
import { expiryStatus, type ExpiryStatus } from '../core/expiry.js';
import { EndpointError } from '../endpoint/errors.js';
import type { AccountPolicy, SavedCard } from '../endpoint/types.js';
import type { MessageKey } from '../i18n/en/index.js';
import type { RemovalBlockedCode } from '../events/removal-blocked.js';

/**
 * Why `card` cannot be removed now, or `null` when it can. Worked out from the list as shown (so an
 * optimistic new default is protected at once, and the old default freed) plus the server's own
 * verdict for what only it knows (a payment that has not settled).
 */
export function removalBlock(card: SavedCard, cards: readonly SavedCard[], policy: AccountPolicy | null): RemovalBlockedCode | null {
  // the only card of an account that must keep one: "set another default" would not help, so say why
  if (policy?.cardRequired && cards.length <= 1) return 'only-card-required';
  if (card.isDefault) return 'default';
  if (!card.removable && card.removalBlockedReason !== 'default') {
    // 'only-card-required' from the server is re-derived above from the list as shown
    if (card.removalBlockedReason === 'only-card-required') return cards.length <= 1 ? 'only-card-required' : null;
    return card.removalBlockedReason ?? 'unspecified';
  }
  return null;
}

/** The inline reason shown under a Remove the customer cannot use. */
export const BLOCKED_MESSAGE: Record<RemovalBlockedCode, MessageKey> = {
  default: 'listBlockedDefault',
  'only-card-required': 'listBlockedOnlyCard',
  'pending-payment': 'listBlockedPending',
  unspecified: 'listBlockedUnspecified',
};

/** True when `reason` (a 409's) is one of the removal rules. */
export function isRemovalReason(reason: string | undefined): reason is RemovalBlockedCode {
  return reason !== undefined && reason in BLOCKED_MESSAGE;
}

/** A card's expiry as the list shows it: the server's `expired` wins, the clock adds "expires soon". */
export function cardExpiry(card: SavedCard, local: ExpiryStatus): ExpiryStatus {
  return card.expired ? 'expired' : local;
}

/** Whether "Set as default" is offered on a card: not on the default, never on an expired card. */
export function canBecomeDefault(card: SavedCard, status: ExpiryStatus): boolean {
  return !card.isDefault && status !== 'expired';
}

/** Whether "Replace" is offered: on cards that have expired or are about to. */
export function offersReplace(status: ExpiryStatus): boolean {
  return status !== 'ok';
}

/**
 * Expiry statuses, worked out once per expiry month per day rather than for every row on every
 * render: a list of 1,000 cards has a few dozen distinct expiry months.
 */
export class ExpiryMemo {
  #day = '';
  #soonDays = -1;
  #lastNow: Date | null = null;
  #lastNowTime = Number.NaN;
  readonly #byMonth = new Map<number, ExpiryStatus>();
  #generation = 0;

  /** A number that changes whenever the statuses may have (a new day, another `soonDays`). */
  epoch(now: Date, soonDays: number): number {
    if (now !== this.#lastNow || now.getTime() !== this.#lastNowTime || soonDays !== this.#soonDays) this.#checkDay(now, soonDays);
    return this.#generation;
  }

  /** The local status of `card`'s expiry month on the day of `now`, `soonDays` ahead. */
  status(card: Pick<SavedCard, 'expMonth' | 'expYear'>, now: Date, soonDays: number): ExpiryStatus {
    // a render passes one Date for all its rows: its day is worked out once, not once per row
    this.epoch(now, soonDays);
    const key = card.expYear * 12 + card.expMonth;
    let status = this.#byMonth.get(key);
    if (status === undefined) {
      // judged from the day's start so every row agrees, whatever the time of its first render
      const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
      status = expiryStatus({ month: card.expMonth, year: card.expYear }, { now: midnight, soonDays });
      this.#byMonth.set(key, status);
    }
    return status;
  }

  #checkDay(now: Date, soonDays: number): void {
    this.#lastNow = now;
    this.#lastNowTime = now.getTime();
    const day = `${now.getFullYear()}-${now.getMonth()}-${now.getDate()}`;
    if (day !== this.#day || soonDays !== this.#soonDays) {
      this.#day = day;
      this.#soonDays = soonDays;
      this.#byMonth.clear();
      this.#generation += 1;
    }
  }
}

/** What the element does about a failed call, beyond showing the message. */
export interface FailurePlan {
  /** The message to show. */
  message: MessageKey;
  /** The session has ended: fire `session-expired`. */
  sessionExpired: boolean;
  /** The server's state may differ from the list shown: refetch it. */
  refetch: boolean;
}

/** What a set-default or remove call was, for choosing its messages. */
export type ListAction = 'default' | 'remove' | 'load';

/**
 * How the list answers a failed call, by status and code. 404 and 409 are the action's own (already
 * gone, a rule the list did not know), so callers handle those first; this covers the rest.
 */
export function failurePlan(error: unknown, action: ListAction): FailurePlan {
  const load = action === 'load';
  const plan = (message: MessageKey, refetch = !load, sessionExpired = false): FailurePlan => ({ message, sessionExpired, refetch });
  const fallback = plan(load ? 'listLoadFailed' : action === 'default' ? 'listDefaultFailed' : 'listRemoveFailed');
  if (!(error instanceof EndpointError)) return fallback;
  if (error.status === 401) return plan('listSessionExpired', false, true);
  if (error.status === 403) return plan(load ? 'listForbiddenLoad' : 'listForbidden', false);
  if (error.status === 429) return plan('listRateLimited', false);
  // the server answered something the client refused; what it now holds is unknown, so ask again
  if (error.kind === 'invalid-response') return load ? plan('listLoadInvalid') : fallback;
  if (error.status === 404 && !load) return plan('listCardGone');
  // timeouts, dropped connections and 5xx: the change may or may not have happened
  return fallback;
}
