/**
 * The default Stripe loader. `@stripe/stripe-js/pure` injects nothing on import; `loadStripe` adds
 * Stripe's script (from js.stripe.com: Stripe.js must never be bundled) on its first call, which
 * happens only when a form in Stripe mode starts.
 */
import { loadStripe } from '@stripe/stripe-js/pure';
import type { StripeLoader } from '../stripe-types.js';

/** `loadStripe` from `@stripe/stripe-js/pure`. */
export const defaultStripeLoader: StripeLoader = (publishableKey, options) => loadStripe(publishableKey, options);
