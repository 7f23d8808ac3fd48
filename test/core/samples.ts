import type { CardBrand } from '../../src/core/brands.js';

/**
 * A test number for every brand card-validator knows: the gateways' published test numbers (Stripe,
 * Braintree, Adyen) and card-validator / credit-card-type's own test data where they exist; for Mir,
 * Verve, Troy and Naranja a prefix from credit-card-type's patterns with a Luhn check digit.
 */
export const SAMPLE_NUMBERS: readonly [CardBrand, string][] = [
  ['visa', '4242424242424242'],
  ['visa', '4111111111111111'],
  ['visa', '4000056655665556'],
  ['mastercard', '5555555555554444'],
  ['mastercard', '2223003122003222'],
  ['mastercard', '5200828282828210'],
  ['american-express', '378282246310005'],
  ['american-express', '371449635398431'],
  ['discover', '6011111111111117'],
  ['discover', '6011000990139424'],
  ['diners-club', '3056930009020004'],
  ['diners-club', '36227206271667'],
  ['jcb', '3566002020360505'],
  ['jcb', '3530111333300000'],
  ['unionpay', '6200000000000005'],
  ['unionpay', '6205500000000000004'],
  ['maestro', '6304000000000000'],
  ['maestro', '6799990100000000019'],
  ['mir', '2200000000000004'],
  ['elo', '6362970000457013'],
  ['elo', '5066991111111118'],
  ['hipercard', '6062826786276634'],
  ['hiper', '6370950000000005'],
  ['verve', '5061001234567890125'],
  ['troy', '9792000000000003'],
  ['naranja', '5895620000000002'],
];
