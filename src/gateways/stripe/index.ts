/**
 * Stripe support, loaded with `import()` only when a form asks for `gateway="stripe"`. Nothing here
 * is part of the default bundle; `saved-cards` exports only the types (`StripeLoader`).
 */
export { mountCardElements, CONTAINER_CLASS } from './card-elements.js';
export type { CardElements, CardElementsListener, CardElementsOptions } from './card-elements.js';
export { AUTHENTICATION_FAILED, EMPTY_FIELD, confirmError, fieldMessage, fieldProblem } from './errors.js';
export type { StripeField, StripeFieldState } from './errors.js';
export { defaultStripeLoader } from './load.js';
export { inShadowRoot, placeInLightDom } from './placement.js';
export type { Placement } from './placement.js';
export { stripeStyle, toRgb } from './theme.js';
export type { ThemeSources } from './theme.js';
export { brandFromStripe, createStripeTokenizer } from './tokenizer.js';
export type { StripeIntentPurpose, StripeTokenizer, StripeTokenizerOptions } from './tokenizer.js';
