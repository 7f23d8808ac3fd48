/** English messages for <cvv-flip>. */
export const flipMessages = {
  /** The toggle while the front is shown: press to see where the security code is. */
  flipShowBack: 'Show back of card',
  /** The toggle while the back is shown. */
  flipShowFront: 'Show front',
  /** Drawn on the card where the name goes, until one is typed. */
  flipNamePlaceholder: 'NAME ON CARD',
  /**
   * Drawn where the expiry goes; typed digits replace its letters one by one ("12/3Y"), so keep
   * two letters, a separator and two letters.
   */
  flipExpiryPlaceholder: 'MM/YY',
  /** The small caption over the expiry, as printed on cards. */
  flipExpiryLabel: 'VALID THRU',
  /** The caption over the security-code box when the brand is not known yet (else the brand's own: CVC, CID…). */
  flipCodeLabel: 'CVV',
} as const;
