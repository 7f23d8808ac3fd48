/**
 * Retry timing for the endpoint client: exponential backoff with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter": spreading retries uniformly over the whole window is what
 * stops a fleet of portals from hammering a recovering server in lockstep), and `Retry-After`.
 */

/** Longest backoff between two attempts, whatever the attempt number. */
export const MAX_BACKOFF_MS = 5_000;

/**
 * Longest `Retry-After` the client waits out by itself. Above it the client gives up at once and
 * reports `retryAfterMs`, since a page that silently waits minutes looks broken.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses worth another attempt (for calls that may be retried at all). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * The wait before retry number `retry` (0 for the first retry): a uniformly random time between 0
 * and `min(cap, base · 2^retry)`.
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number, capMs = MAX_BACKOFF_MS): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retry);
  // clamp: an injected random() might return exactly 1 or stray outside [0, 1)
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * A `Retry-After` header value in milliseconds: delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`). A date in the past means "now" (0). `undefined` when the header
 * is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse accepts many non-HTTP forms; require something date-like (a weekday or month name)
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** An `AbortSignal`-aware `setTimeout` promise; rejects with the signal's reason when it fires. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
