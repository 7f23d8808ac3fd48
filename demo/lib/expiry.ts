/**
 * Card expiry as the demo server and the sandbox gateway see it: a card is good through the last
 * moment of its expiry month, in UTC.
 */

/** True when a card expiring at `expMonth`/`expYear` is expired at `now`. */
export function isCardExpired(expMonth: number, expYear: number, now: Date): boolean {
  // Date.UTC months are 0-based, so `expMonth` is the month after expiry: its first instant is the end
  return now.getTime() >= Date.UTC(expYear, expMonth, 1);
}
