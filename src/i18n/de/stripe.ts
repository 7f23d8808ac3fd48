/** German messages for `gateway="stripe"`. */
import type { stripeMessages } from '../en/stripe.js';

export const stripeMessagesDe = {
  stripeLoading: 'Die sicheren Kartenfelder werden geladen …',
  stripeUnavailable: 'Die sicheren Kartenfelder konnten nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.',
  verifyCancelledOrFailedAdd: 'Die Bestätigung wurde abgebrochen oder ist fehlgeschlagen. Die Karte wurde nicht hinzugefügt.',
  verifyCancelledOrFailedPay: 'Die Bestätigung wurde abgebrochen oder ist fehlgeschlagen. Ihnen wurde nichts berechnet.',
} as const satisfies Record<keyof typeof stripeMessages, string>;
