/** German messages for <cvv-flip>. */
import type { flipMessages } from '../en/flip.js';

export const flipMessagesDe = {
  flipShowBack: 'Rückseite der Karte zeigen',
  flipShowFront: 'Vorderseite zeigen',
  flipNamePlaceholder: 'NAME AUF DER KARTE',
  // typed digits replace the letters one by one ("12/3J"): two letters, a separator, two letters
  flipExpiryPlaceholder: 'MM/JJ',
  flipExpiryLabel: 'GÜLTIG BIS',
  flipCodeLabel: 'CVC',
} as const satisfies Record<keyof typeof flipMessages, string>;
