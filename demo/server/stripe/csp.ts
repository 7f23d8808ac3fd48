/** What the pages need from Stripe in Stripe mode, kept apart so the pages do not load the SDK. */

/** The origins the pages' CSP must allow for Stripe.js and its frames (Stripe's published list). */
export const STRIPE_CSP = {
  scriptSrc: ['https://js.stripe.com'],
  frameSrc: ['https://js.stripe.com', 'https://hooks.stripe.com'],
  connectSrc: ['https://api.stripe.com'],
} as const;

/**
 * Stripe.js, for the pages' own `<script>`: `loadStripe` then finds it instead of adding a script by
 * assigning `script.src` itself. Same release train (`endive`) as `@stripe/stripe-js` 10 and the SDK.
 */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';
