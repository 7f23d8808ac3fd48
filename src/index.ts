export { CardList } from './card-list/card-list.js';
export { AddCardForm } from './add-card-form/add-card-form.js';
export { CvvFlip } from './cvv-flip/cvv-flip.js';
export * from './i18n/index.js';
export type * from './endpoint/types.js';
