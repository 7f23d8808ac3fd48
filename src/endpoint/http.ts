/**
 * The one fetch both the endpoint client and the token-endpoint tokenizer make: one attempt, with
 * its own timeout that covers reading the body, ended at once by the caller's signal. Nothing a
 * failed fetch threw is passed on: some fetch shims quote the request, which may hold card data.
 */

/** What one attempt produced: the answer, or why there was none. */
export type Exchange = { status: number; headers: Headers; text: string } | { failed: 'aborted' | 'timeout' | 'network' };

/** The global `fetch`, called bound: calling an unbound `window.fetch` throws "Illegal invocation" in Chromium. */
export const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Sends `init` to `url` once, allowing `timeoutMs` for the answer and its body. Never rejects. */
export async function exchange(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Exchange> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await fetchImpl(url, { ...init, signal: controller.signal });
    // the body read is inside the timeout: a server that sends headers and stalls is a timeout too
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch {
    return { failed: signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** The `error` object of an error answer (`{ "error": { … } }`), or `undefined` for any other text. */
export function errorBody(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    const error = typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
    if (typeof error === 'object' && error !== null) return error as Record<string, unknown>;
  } catch {
    // not JSON: an HTML error page from a proxy, say; the status alone decides the code
  }
  return undefined;
}
