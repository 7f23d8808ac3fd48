/**
 * saved-cards: the element classes, their events, the endpoint client and contract types, the
 * tokenizers and the messages. Importing this module registers nothing; import
 * `saved-cards/define` (or load the drop-in `saved-cards.js`) to register the tags.
 */
export { CardList } from './card-list/card-list.js';
export { AddCardForm } from './add-card-form/add-card-form.js';
export { CvvFlip } from './cvv-flip/cvv-flip.js';
export { brandMark } from './brand-marks/brand-marks.js';
export * from './events/index.js';
export * from './endpoint/index.js';
export * from './gateways/index.js';
export * from './i18n/index.js';
