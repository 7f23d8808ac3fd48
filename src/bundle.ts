// Entry of the drop-in `dist/saved-cards.js`: registers the three tags and exposes what `saved-cards`
// exports, except the German messages. Those are `saved-cards-de.js` beside it (a second entry of
// the bundle build), so a page downloads a language only when it shows it. The list is checked
// against src/index.ts by test/server/drop-in-entries.test.ts.
import './define.js';
export { CardList } from './card-list/card-list.js';
export { AddCardForm } from './add-card-form/add-card-form.js';
export { CvvFlip } from './cvv-flip/cvv-flip.js';
export { brandMark } from './brand-marks/brand-marks.js';
export * from './events/index.js';
export * from './endpoint/index.js';
export * from './gateways/index.js';
export { en, formatMessage, translator } from './i18n/index.js';
