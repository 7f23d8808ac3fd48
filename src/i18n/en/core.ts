/**
 * English messages for the card core's verdicts: field errors, postal-code labels and decline
 * reasons. Placeholders: `{brand}` (e.g. "JCB"), `{code}` (the brand's name for its security code,
 * e.g. "CVC"; "security code" when the brand is unknown) and `{length}` (its digit count).
 * No message ever carries card data.
 */
import type { CoreMessageKey } from '../../core/messages.js';

export const coreMessages = {
  // card number
  numberRequired: 'Enter your card number.',
  numberIncomplete: 'Enter the full card number, every digit as it appears on your card.',
  numberChecksum: 'This card number isn’t right. Check each digit against your card.',
  numberUnknownBrand: 'This doesn’t look like a card number. Check the first digits against your card.',
  numberBrandNotAccepted: 'We don’t accept {brand}. Use another card.',
  numberInvalidCharacters: 'Use digits only in the card number.',
  numberTooLong: 'This card number has too many digits. Check it against your card.',

  // expiry
  expiryRequired: 'Enter the expiry date from your card (MM / YY).',
  expiryIncomplete: 'Enter the full expiry date: two digits for the month, two for the year (MM / YY).',
  expiryMonthInvalid: 'Enter a month from 01 to 12.',
  expiryInPast: 'This card has expired. Check the date, or use another card.',
  expiryTooFar: 'This expiry date is too far ahead. Check the year on your card.',
  expiryInvalid: 'Enter the expiry date as numbers, month then year (MM / YY).',

  // security code
  codeRequired: 'Enter the {code} from your card.',
  codeIncomplete: 'Enter the {length}-digit {code}.',
  codeTooLong: 'The {code} has {length} digits. Check it on your card.',
  codeInvalidCharacters: 'Use digits only in the {code}.',

  // name on card
  nameRequired: 'Enter the name as it appears on your card.',
  nameTooLong: 'This name is too long. Enter it as it appears on your card.',
  nameLooksLikeNumber: 'This looks like a number. Enter the cardholder’s name here, not the card number.',

  // postal code
  postalRequired: 'Enter your billing postal code.',
  postalInvalid: 'Enter a valid postal code for the billing country.',
  postalCodeZip: 'ZIP code',
  postalCodePostcode: 'Postcode',
  postalCode: 'Postal code',

  // declines: what happened
  declineInsufficientFunds: 'Your card was declined: there isn’t enough available on it.',
  declineExpiredCard: 'Your card was declined because it has expired.',
  declineIncorrectNumber: 'Your card was declined: the card number is incorrect.',
  declineIncorrectExpiry: 'Your card was declined: the expiry date is incorrect.',
  declineIncorrectCode: 'Your card was declined: the security code is incorrect.',
  declineIncorrectPostalCode: 'Your card was declined: the postal code doesn’t match your card’s billing address.',
  declineAuthenticationRequired: 'Your bank needs you to confirm this card.',
  declineTryAgainLater: 'We couldn’t reach your bank just now.',
  declineNotSupported: 'This card can’t be used for this kind of payment.',
  declineGeneric: 'Your card was declined.',

  // declines: what to do next
  declineNextUseAnotherCardOrBank: 'Use another card, or contact your bank.',
  declineNextCheckExpiry: 'Check the expiry date, or use another card.',
  declineNextCheckNumber: 'Check the card number and try again.',
  declineNextCheckCode: 'Check the security code on your card and try again.',
  declineNextCheckPostalCode: 'Enter the postal code of your card’s billing address and try again.',
  declineNextAuthenticate: 'Try again and complete your bank’s check when it appears.',
  declineNextTryAgainLater: 'Wait a few minutes, then try again.',
  declineNextUseAnotherCard: 'Use another card.',
} as const satisfies Record<CoreMessageKey, string>;
