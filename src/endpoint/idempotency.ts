/**
 * Idempotency keys: one per logical attempt at a creating POST, reused on every retry of it, so the
 * server replays its stored answer instead of saving a card or charging twice.
 */

/**
 * A fresh idempotency key (a random UUID v4). Make one when the customer submits, keep it for every
 * retry of that submission, and make a new one only when the request itself changes.
 */
export function newIdempotencyKey(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not (an http:// intranet portal)
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
