/**
 * Stripe as a {@link Tokenizer}. The card never passes through our code: it is typed into Stripe's
 * frames, and `tokenize` only orchestrates the intent flow:
 *
 * 1. asks the host endpoint for a SetupIntent (add) or PaymentIntent (pay) client secret;
 * 2. confirms it with Stripe.js, which runs 3-D Secure itself when the bank asks;
 * 3. resolves with the payment method (add) or the PaymentIntent (pay) for the host endpoint to
 *    save or record (`TokenizedCard.kind` says which field carries it).
 *
 * Paying is step 2, not the host's call: a confirmed PaymentIntent is kept and handed back again,
 * whatever the customer edits, until the form reports success or starts over (`forget`), so a lost
 * answer from the host endpoint can never lead to a second charge.
 */
import type { PaymentIntent, SetupIntent, Stripe, StripeCardNumberElement } from '@stripe/stripe-js';
import type { CardBrand } from '../../core/brands.js';
import type { EndpointClient } from '../../endpoint/client.js';
import { newIdempotencyKey } from '../../endpoint/idempotency.js';
import type { Money } from '../../endpoint/types.js';
import { TokenizeError, type CardDetails, type TokenizedCard, type Tokenizer, type TokenizeOptions } from '../types.js';
import { AUTHENTICATION_FAILED, confirmError } from './errors.js';

/** What the intent is for, read at each submission. */
export type StripeIntentPurpose = { mode: 'add' } | { mode: 'pay'; invoiceId?: string; amount?: Money; saveCard: boolean };

/** Options for {@link createStripeTokenizer}. */
export interface StripeTokenizerOptions {
  /** The Stripe object (from `loadStripe`). */
  stripe: Pick<Stripe, 'confirmCardSetup' | 'confirmCardPayment'>;
  /** The mounted card-number Element; Stripe reads the expiry and code from the split Elements of its group. */
  card: StripeCardNumberElement;
  /** The host endpoint's client, read at each submission. */
  client: () => EndpointClient | null;
  /** What the submission is for, read at each submission. */
  purpose: () => StripeIntentPurpose;
  /** The brand Stripe detected, for the masked facts. */
  brand: () => CardBrand | null;
}

/** A Stripe tokenizer: a {@link Tokenizer} that can also forget the payment it is holding on to. */
export interface StripeTokenizer extends Tokenizer {
  /** Drops the confirmed intent kept for a retry (the host endpoint has it, or the form starts over). */
  forget(): void;
}

/** Stripe's brand ids (Elements' `brand`, a payment method's `card.brand`) in card-validator's terms. */
const BRANDS: Readonly<Record<string, CardBrand>> = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'american-express',
  discover: 'discover',
  diners: 'diners-club',
  jcb: 'jcb',
  unionpay: 'unionpay',
};

/** Our brand for one of Stripe's brand ids, or null (`unknown`, and brands we do not draw). */
export function brandFromStripe(brand: string | null | undefined): CardBrand | null {
  return (brand && Object.hasOwn(BRANDS, brand) && BRANDS[brand]) || null;
}

/** Stripe's `billing_details` from what the customer typed beside the card. */
function billingDetails(card: CardDetails): { name?: string; address?: Record<string, string> } {
  const details: { name?: string; address?: Record<string, string> } = {};
  if (card.name) details.name = card.name;
  const a = card.address;
  if (a) {
    details.address = { line1: a.line1, city: a.city, state: a.region, postal_code: a.postalCode, country: a.country };
    if (a.line2) details.address.line2 = a.line2;
  }
  return details;
}

/** The masked facts, when Stripe expanded the payment method (it usually sends only its id to the page). */
function facts(pm: SetupIntent['payment_method'], fallback: CardBrand): Omit<TokenizedCard, 'token' | 'kind'> {
  const card = typeof pm === 'object' && pm !== null ? pm.card : undefined;
  if (!card) return { brand: fallback, last4: '', expMonth: 0, expYear: 0 };
  return { brand: brandFromStripe(card.brand) ?? fallback, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year };
}

function idOf(pm: SetupIntent['payment_method']): string | null {
  return typeof pm === 'string' ? pm : (pm?.id ?? null);
}

/**
 * Makes the Stripe tokenizer. The `card` argument of `tokenize` contributes only the name and the
 * billing address (Stripe's `billing_details`); its number and code are empty in Stripe mode.
 */
export function createStripeTokenizer(options: StripeTokenizerOptions): StripeTokenizer {
  let kept: { key: string; tokenized: TokenizedCard } | null = null;

  async function tokenize(card: CardDetails, { signal }: TokenizeOptions = {}): Promise<TokenizedCard> {
    if (signal?.aborted) throw new TokenizeError({ kind: 'aborted', code: 'aborted' });
    const purpose = options.purpose();
    // the same payment is reported again rather than taken again (saveCard may change in between)
    const key = purpose.mode === 'add' ? 'add' : JSON.stringify([purpose.invoiceId ?? null, purpose.amount ?? null]);
    if (kept?.key === key) return kept.tokenized;
    const brand = options.brand();
    if (!brand) throw new TokenizeError({ kind: 'invalid', code: 'incomplete_number', field: 'number' });
    const client = options.client();
    if (!client) throw new TokenizeError({ kind: 'server', code: 'not_configured' });

    // a fresh key per intent: the host may retry its own call, and an unconfirmed intent costs nothing
    const init = { idempotencyKey: newIdempotencyKey(), signal };
    const payment_method = { card: options.card, billing_details: billingDetails(card) };
    let tokenized: TokenizedCard;
    if (purpose.mode === 'add') {
      const { clientSecret } = await client.createSetupIntent(init);
      const result = await options.stripe.confirmCardSetup(clientSecret, { payment_method });
      if (result.error) throw confirmError(result.error);
      tokenized = setupResult(result.setupIntent, brand);
    } else {
      const { clientSecret } = await client.createPaymentIntent(
        { ...(purpose.invoiceId ? { invoiceId: purpose.invoiceId } : { amount: purpose.amount }), saveCard: purpose.saveCard },
        init,
      );
      const result = await options.stripe.confirmCardPayment(clientSecret, { payment_method });
      if (result.error) throw confirmError(result.error);
      tokenized = paymentResult(result.paymentIntent, brand);
    }
    kept = { key, tokenized };
    // the form went away while Stripe confirmed: the result is kept for a retry, but nobody is listening now
    if (signal?.aborted) throw new TokenizeError({ kind: 'aborted', code: 'aborted' });
    return tokenized;
  }

  return {
    id: 'stripe',
    tokenize,
    forget() {
      kept = null;
    },
  };
}

function setupResult(intent: SetupIntent, brand: CardBrand): TokenizedCard {
  const id = idOf(intent.payment_method);
  if (intent.status === 'requires_action') throw new TokenizeError({ kind: 'declined', code: AUTHENTICATION_FAILED });
  if (intent.status !== 'succeeded' || !id) throw new TokenizeError({ kind: 'server', code: 'unexpected_intent_status' });
  return { token: id, kind: 'payment-method', ...facts(intent.payment_method, brand) };
}

function paymentResult(intent: PaymentIntent, brand: CardBrand): TokenizedCard {
  // `processing` settles later and `requires_capture` is an authorisation the host captures: both are the host's to record
  if (intent.status === 'requires_action') throw new TokenizeError({ kind: 'declined', code: AUTHENTICATION_FAILED });
  if (intent.status !== 'succeeded' && intent.status !== 'processing' && intent.status !== 'requires_capture') {
    throw new TokenizeError({ kind: 'server', code: 'unexpected_intent_status' });
  }
  return { token: intent.id, kind: 'payment-intent', ...facts(intent.payment_method, brand) };
}
