import { coreMessages } from './core.js';
import { flipMessages } from './flip.js';
import { formMessages } from './form.js';
import { listMessages } from './list.js';
import { stripeMessages } from './stripe.js';

/**
 * The default English messages. Every string the elements show comes from here; a host replaces
 * any of them per key through an element's `messages` property, or passes a whole locale.
 */
export const en = {
  ...coreMessages,
  ...flipMessages,
  ...formMessages,
  ...listMessages,
  ...stripeMessages,
} as const;

/** Every message key. */
export type MessageKey = keyof typeof en;

/** A complete set of messages: one string per key. Placeholders are written `{name}`. */
export type Messages = Record<MessageKey, string>;
