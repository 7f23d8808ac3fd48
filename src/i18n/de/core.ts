/**
 * German messages for the card core's verdicts. `{code}` is the brand's name for its security
 * code ("CVC", "CID"…) or `codeNameFallback` ("Kartenprüfnummer"), so the sentences use the
 * feminine article that fits both ("die CVC", "die Kartenprüfnummer").
 */
import type { coreMessages } from '../en/core.js';

export const coreMessagesDe = {
  // card number
  numberRequired: 'Geben Sie Ihre Kartennummer ein.',
  numberIncomplete: 'Geben Sie die vollständige Kartennummer ein, jede Ziffer so, wie sie auf Ihrer Karte steht.',
  numberChecksum: 'Diese Kartennummer stimmt nicht. Prüfen Sie jede Ziffer anhand Ihrer Karte.',
  numberUnknownBrand: 'Das sieht nicht nach einer Kartennummer aus. Prüfen Sie die ersten Ziffern anhand Ihrer Karte.',
  numberBrandNotAccepted: '{brand} wird nicht akzeptiert. Verwenden Sie eine andere Karte.',
  numberInvalidCharacters: 'Verwenden Sie in der Kartennummer nur Ziffern.',
  numberTooLong: 'Diese Kartennummer hat zu viele Ziffern. Prüfen Sie sie anhand Ihrer Karte.',

  // expiry
  expiryRequired: 'Geben Sie das Ablaufdatum Ihrer Karte ein (MM / JJ).',
  expiryIncomplete: 'Geben Sie das vollständige Ablaufdatum ein: zwei Ziffern für den Monat, zwei für das Jahr (MM / JJ).',
  expiryMonthInvalid: 'Geben Sie einen Monat von 01 bis 12 ein.',
  expiryInPast: 'Diese Karte ist abgelaufen. Prüfen Sie das Datum oder verwenden Sie eine andere Karte.',
  expiryTooFar: 'Dieses Ablaufdatum liegt zu weit in der Zukunft. Prüfen Sie das Jahr auf Ihrer Karte.',
  expiryInvalid: 'Geben Sie das Ablaufdatum in Ziffern ein, erst den Monat, dann das Jahr (MM / JJ).',

  // security code
  codeRequired: 'Geben Sie die {code} von Ihrer Karte ein.',
  codeIncomplete: 'Geben Sie die {length}-stellige {code} ein.',
  codeTooLong: 'Die {code} hat {length} Ziffern. Prüfen Sie sie auf Ihrer Karte.',
  codeInvalidCharacters: 'Verwenden Sie in der {code} nur Ziffern.',

  // name on card
  nameRequired: 'Geben Sie den Namen so ein, wie er auf Ihrer Karte steht.',
  nameTooLong: 'Dieser Name ist zu lang. Geben Sie ihn so ein, wie er auf Ihrer Karte steht.',
  nameLooksLikeNumber: 'Das sieht nach einer Nummer aus. Geben Sie hier den Namen des Karteninhabers ein, nicht die Kartennummer.',

  // postal code
  postalRequired: 'Geben Sie die Postleitzahl Ihrer Rechnungsadresse ein.',
  postalInvalid: 'Geben Sie eine gültige Postleitzahl für das Land der Rechnungsadresse ein.',
  postalCodeZip: 'ZIP-Code',
  postalCodePostcode: 'Postcode',
  postalCode: 'Postleitzahl',

  // declines: what happened
  declineInsufficientFunds: 'Ihre Karte wurde abgelehnt: Das verfügbare Guthaben reicht nicht aus.',
  declineExpiredCard: 'Ihre Karte wurde abgelehnt, weil sie abgelaufen ist.',
  declineIncorrectNumber: 'Ihre Karte wurde abgelehnt: Die Kartennummer ist falsch.',
  declineIncorrectExpiry: 'Ihre Karte wurde abgelehnt: Das Ablaufdatum ist falsch.',
  declineIncorrectCode: 'Ihre Karte wurde abgelehnt: Die Kartenprüfnummer ist falsch.',
  declineIncorrectPostalCode: 'Ihre Karte wurde abgelehnt: Die Postleitzahl passt nicht zur Rechnungsadresse Ihrer Karte.',
  declineAuthenticationRequired: 'Ihre Bank möchte, dass Sie diese Karte bestätigen.',
  declineTryAgainLater: 'Ihre Bank war gerade nicht erreichbar.',
  declineNotSupported: 'Diese Karte kann für diese Art von Zahlung nicht verwendet werden.',
  declineGeneric: 'Ihre Karte wurde abgelehnt.',

  // declines: what to do next
  declineNextUseAnotherCardOrBank: 'Verwenden Sie eine andere Karte oder wenden Sie sich an Ihre Bank.',
  declineNextCheckExpiry: 'Prüfen Sie das Ablaufdatum oder verwenden Sie eine andere Karte.',
  declineNextCheckNumber: 'Prüfen Sie die Kartennummer und versuchen Sie es erneut.',
  declineNextCheckCode: 'Prüfen Sie die Kartenprüfnummer auf Ihrer Karte und versuchen Sie es erneut.',
  declineNextCheckPostalCode: 'Geben Sie die Postleitzahl der Rechnungsadresse Ihrer Karte ein und versuchen Sie es erneut.',
  declineNextAuthenticate: 'Versuchen Sie es erneut und schließen Sie die Prüfung Ihrer Bank ab, sobald sie erscheint.',
  declineNextTryAgainLater: 'Warten Sie einige Minuten und versuchen Sie es dann erneut.',
  declineNextUseAnotherCard: 'Verwenden Sie eine andere Karte.',
} as const satisfies Record<keyof typeof coreMessages, string>;
