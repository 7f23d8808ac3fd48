/**
 * Data the stories share: saved cards, addresses, dates relative to today (so "expires soon" stays
 * true whenever the Storybook is opened), and a MockHost factory with generous timeouts so a story
 * that holds a request stays in its state instead of timing out under the reader's eyes.
 */
import type { TemplateResult } from 'lit';
import type { EndpointClient } from '../../src/endpoint/client.js';
import type { Tokenizer } from '../../src/gateways/types.js';
import { MockHost, mockAddress, mockCard, type MockCard, type MockHostOptions } from '../../src/testing/index.js';

export { MockHost, mockAddress, mockCard };
export type { MockCard };

const today = new Date();
/** This year, four digits. */
export const thisYear = today.getFullYear();

/** The month after this one (expires within the 60-day "soon" window). */
export function nextMonth(): { expMonth: number; expYear: number } {
  const month = today.getMonth() + 2; // getMonth() is 0-based
  return month > 12 ? { expMonth: month - 12, expYear: thisYear + 1 } : { expMonth: month, expYear: thisYear };
}

/** A month that is over (last year's March). */
export function lastYear(): { expMonth: number; expYear: number } {
  return { expMonth: 3, expYear: thisYear - 1 };
}

/** Three everyday cards: Visa 4242 (the default), Mastercard 4444, Amex 0005. */
export function everydayCards(): MockCard[] {
  return [
    mockCard({ id: 'card_visa', brand: 'visa', last4: '4242', nameOnCard: 'Ada Lovelace', expMonth: 12, expYear: thisYear + 3 }),
    mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444', nameOnCard: 'Ada Lovelace', expMonth: 6, expYear: thisYear + 2 }),
    mockCard({ id: 'card_amex', brand: 'american-express', last4: '0005', nameOnCard: 'A. Lovelace', expMonth: 3, expYear: thisYear + 4 }),
  ];
}

/** A billing and a shipping address on file. */
export function addressesOnFile() {
  return [
    mockAddress({ id: 'addr_billing', kind: 'billing' }),
    mockAddress({ id: 'addr_shipping', kind: 'shipping', line1: '500 Howard Street', postalCode: '94105' }),
  ];
}

/** The one-time code the stories' MockHost expects (the "phone" of the verification story). */
export const STORY_OTP = '123456';

/** Sandbox test numbers: what the MockHost (and the reference sandbox gateway) does with each. */
export const TEST_NUMBERS = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  discover: '6011111111111117',
  unionpay: '6200000000000005',
  declineGeneric: '4000000000000002',
  declineInsufficientFunds: '4000000000009995',
  declineExpired: '4000000000000069',
  declineIncorrectCvc: '4000000000000127',
  oneTimeCode: '4000002500003155',
} as const;

/** What a story hands its element: the mock and the two injected dependencies. */
export interface StoryHost {
  host: MockHost;
  client: EndpointClient;
  tokenizer: Tokenizer;
}

/**
 * A MockHost for one story render. The client waits up to a minute per attempt: a story that holds
 * a request (loading, busy) must keep showing that state, not turn into a timeout.
 */
export function storyHost(options: MockHostOptions = {}): StoryHost {
  const host = new MockHost({ otpCode: STORY_OTP, ...options });
  return { host, client: host.client({ timeoutMs: 60_000 }), tokenizer: host.tokenizer() };
}

/**
 * A story render function that makes a fresh MockHost on every render (so replaying a story starts
 * over), lets `prepare` script faults or holds before the element's first request, then renders
 * `template` with it.
 */
export function hosted(
  options: MockHostOptions,
  template: (h: StoryHost) => TemplateResult,
  prepare?: (h: StoryHost) => void,
): () => TemplateResult {
  return () => {
    const h = storyHost(options);
    prepare?.(h);
    return template(h);
  };
}
