/**
 * Random identifiers for the demo server and the sandbox gateway.
 *
 * The alphabet has 32 symbols but only seven digits, and never a separator, so that an id can
 * practically never contain a 13–19 digit run that passes Luhn: the card-number guards (request
 * checks, the client's response check, the test that scans the database file) would take such a
 * run for a card number.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyz2345679';

/** A random id such as `tok_k3pq…`: `prefix`, an underscore and `length` symbols (5 bits each). */
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = `${prefix}_`;
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}

/** A random secret (session id, CSRF token): 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
