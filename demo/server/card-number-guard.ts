/**
 * The request-side card-number guard: no route accepts a full card number, in any field, under any
 * name. Finds the first field whose value (or key) holds a Luhn-valid run of 13–19 digits,
 * separators allowed, so the route can answer 422 naming the field without echoing the value.
 */
import { containsCardNumber, redactCardNumbers } from '../../src/core/pan-scan.js';

/**
 * The path of the first field holding something shaped like a card number (`nameOnCard`,
 * `billing.address.line1`, `items[0]`), `'(body)'` for a bare value, or `undefined`.
 *
 * Integers beyond 2^53 lost digits when the JSON was parsed, so whether they were card numbers
 * cannot be told; no field of the contract holds such a number, so they are reported too.
 */
export function findCardNumberField(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return containsCardNumber(value) ? path || '(body)' : undefined;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return path || '(body)';
    return containsCardNumber(String(value)) ? path || '(body)' : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    // a key that is itself a card number is named redacted: the answer must not echo it
    const name = redactCardNumbers(key, '(card number)');
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${name}` : name;
    if (!Array.isArray(value) && name !== key) return childPath;
    const found = findCardNumberField(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The field of a request body holding a card number: JSON is walked field by field; a form body
 * (`application/x-www-form-urlencoded`) by its names; anything else is scanned whole.
 */
export function findCardNumberInBody(raw: string, contentType: string | undefined): string | undefined {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw)) {
      if (containsCardNumber(key) || containsCardNumber(value)) return redactCardNumbers(key, '(card number)');
    }
    return undefined;
  }
  try {
    return findCardNumberField(JSON.parse(raw));
  } catch {
    return containsCardNumber(raw) ? '(body)' : undefined;
  }
}
