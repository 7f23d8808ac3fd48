/**
 * Random identifiers for the demo server and the sandbox gateway.
 *
 * The alphabet has 32 symbols but only seven digits, and never a separator, so that an id can
 * practically never contain a 13–19 digit run that passes Luhn: the card-number guards (request
 * checks, the client's response check, the scan of the database files) would take such a run for a
 * card number. An id also ends with a letter, because SQLite stores a row's columns back to back: an
 * id ending in digits right before a date (`…7392` + `2026-05-01`) would read as one long run.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyz2345679';
const LETTERS = 'abcdefghijkmnopqrstuvwxyz';

/** A random id such as `tok_k3pq…x`: `prefix`, an underscore and `length` symbols, the last a letter. */
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = `${prefix}_`;
  for (let i = 0; i < length - 1; i++) id += ALPHABET[bytes[i] & 31];
  return id + LETTERS[bytes[length - 1] % LETTERS.length];
}

/** A random secret (session id, CSRF token): 32 bytes, base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
