/** Masked display of a saved card: the last four digits only, never more. */

/**
 * Fills `pattern`'s `{last4}` placeholders with the card's last four digits: `maskLast4('4242')` →
 * `'•••• 4242'`, `maskLast4('4242', 'XXXX{last4}')` → `'XXXX4242'`.
 *
 * It takes only the last four digits, so a whole card number can never be masked "by mistake" into
 * the page.
 *
 * @throws {RangeError} when `last4` is not exactly four ASCII digits. The message does not repeat the
 * input, which might be a card number.
 */
export function maskLast4(last4: string, pattern = '•••• {last4}'): string {
  if (typeof last4 !== 'string' || !/^[0-9]{4}$/.test(last4)) {
    throw new RangeError('maskLast4 expects exactly four ASCII digits');
  }
  return pattern.replaceAll('{last4}', last4);
}
