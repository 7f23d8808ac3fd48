/**
 * Payment methods the sandbox gateway always knows (created at start-up and after a reset), so that
 * the demo server's seeded cards point at something real. Ids are fixed: the demo server stores them.
 */
import type { CardBrand, CardFunding } from '../../src/endpoint/types.js';

/** A seeded payment method: masked facts only, like everything the gateway keeps. */
export interface SeededPaymentMethod {
  id: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
}

/** The demo owner's Visa •••• 4242 (the default card). */
export const DEMO_VISA: SeededPaymentMethod = {
  id: 'pm_demo_visa_4242',
  brand: 'visa',
  last4: '4242',
  expMonth: 12,
  expYear: 2034,
  funding: 'credit',
};

/** The demo owner's Mastercard •••• 4444 (it has a payment still settling). */
export const DEMO_MASTERCARD: SeededPaymentMethod = {
  id: 'pm_demo_mastercard_4444',
  brand: 'mastercard',
  last4: '4444',
  expMonth: 8,
  expYear: 2031,
  funding: 'credit',
};

/** The demo owner's American Express •••• 0005, expired since March 2024. */
export const DEMO_AMEX: SeededPaymentMethod = {
  id: 'pm_demo_amex_0005',
  brand: 'american-express',
  last4: '0005',
  expMonth: 3,
  expYear: 2024,
  funding: 'credit',
};

/** Every seeded payment method. */
export const SEEDED_PAYMENT_METHODS: readonly SeededPaymentMethod[] = [DEMO_VISA, DEMO_MASTERCARD, DEMO_AMEX];
