/**
 * How the sandbox gateway treats its test card numbers. Brand, length and Luhn come from
 * card-validator; this table only says what a few well-known test numbers do when a token made from
 * them is USED (attached as a payment method or charged), the way Stripe's test cards behave.
 *
 * Only the behaviour is kept with a token, never the number.
 */
import type { CardFunding } from '../../src/endpoint/types.js';

/** What using a card does. */
export interface TestCardBehaviour {
  /** Declined with this decline code (Stripe's names). */
  declineCode?: 'generic_decline' | 'insufficient_funds' | 'expired_card' | 'incorrect_cvc';
  /** The customer must type a one-time code first. */
  requiresOtp?: boolean;
}

/** Test numbers with a behaviour; every other valid number succeeds. */
export const TEST_CARD_BEHAVIOURS: Readonly<Record<string, TestCardBehaviour>> = {
  '4000000000000002': { declineCode: 'generic_decline' },
  '4000000000009995': { declineCode: 'insufficient_funds' },
  '4000000000000069': { declineCode: 'expired_card' },
  '4000000000000127': { declineCode: 'incorrect_cvc' },
  '4000002500003155': { requiresOtp: true },
};

/** Test numbers that are not credit cards (Stripe's debit and prepaid test numbers). */
const FUNDING: Readonly<Record<string, CardFunding>> = {
  '4000056655665556': 'debit',
  '5200828282828210': 'debit',
  '5105105105105100': 'prepaid',
};

/** The behaviour of a (valid) card number. */
export function behaviourOf(number: string): TestCardBehaviour {
  return TEST_CARD_BEHAVIOURS[number] ?? {};
}

/** The funding of a (valid) card number: credit unless it is a known debit or prepaid test number. */
export function fundingOf(number: string): CardFunding {
  return FUNDING[number] ?? 'credit';
}
