/**
 * The card core: pure functions (no DOM) for card numbers, expiry dates, security codes, names,
 * postal codes, masking and decline reasons. Elements, the endpoint client and the reference server
 * all build on these; `saved-cards/core` exposes them on their own.
 */
export * from './brands.js';
export * from './card-number.js';
export * from './declines.js';
export * from './digits.js';
export * from './expiry.js';
export * from './format.js';
export * from './mask.js';
export * from './messages.js';
export * from './name.js';
export * from './pan-scan.js';
export * from './postal-code.js';
export * from './security-code.js';
