/**
 * The few Stripe types the eagerly loaded code may name. Type-only: nothing here pulls Stripe.js, or
 * `@stripe/stripe-js`, into the default bundle (the Stripe code is its own chunk, imported only for
 * `gateway="stripe"`).
 */
import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';

/**
 * Loads Stripe.js for a publishable key and resolves with the Stripe object (or null where there is
 * no `window`). The default is `loadStripe` from `@stripe/stripe-js/pure`, which injects
 * `https://js.stripe.com/…/stripe.js` only when first called. Tests inject a double.
 */
export type StripeLoader = (publishableKey: string, options?: StripeConstructorOptions) => Promise<Stripe | null>;
