import { en, type MessageKey, type Messages } from './en/index.js';
import { formatMessage, type MessageParams } from './format.js';

/** Looks up a message by key and fills its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A translator over the English defaults with the host's overrides on top. Elements call it in
 * render with their `messages` property, so replacing a string is a property assignment:
 * `list.messages = { removeConfirm: 'Delete {brand} •••• {last4}?' }`, or a whole locale:
 * `form.messages = de`.
 */
export function translator(overrides?: Partial<Messages> | null): Translate {
  return (key, params) => formatMessage(overrides?.[key] ?? en[key], params);
}
