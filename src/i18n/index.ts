export { en } from './en/index.js';
export { de } from './de/index.js';
export type { MessageKey, Messages } from './en/index.js';
export { formatMessage } from './format.js';
export type { MessageParams } from './format.js';
export { translator } from './translate.js';
export type { Translate } from './translate.js';
