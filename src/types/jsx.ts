/**
 * Types the tags for React 19's JSX, for hosts that write `<card-list>` directly instead of using
 * the `saved-cards/react` components: `import type {} from 'saved-cards/jsx'` once (or list it in
 * tsconfig `types`). React 19 sets known properties as properties and listens to `on<event-name>`
 * props, so events are written `oncard-added={(e) => e.detail.card.last4}`.
 */
import type { WebComponentProps } from '@lit/react';
import type { AddCardForm } from '../add-card-form/add-card-form.js';
import type { CardList } from '../card-list/card-list.js';
import type { CvvFlip } from '../cvv-flip/cvv-flip.js';
import type { AddCardFormEventMap, CardListEventMap, CvvFlipEventMap, LowerHandlers } from './element-props.js';

/** JSX props of `<card-list>`. */
export type CardListJsxProps = WebComponentProps<CardList> & LowerHandlers<CardListEventMap> & Attributes;
/** JSX props of `<add-card-form>`. */
export type AddCardFormJsxProps = WebComponentProps<AddCardForm> & LowerHandlers<AddCardFormEventMap> & Attributes;
/** JSX props of `<cvv-flip>`. */
export type CvvFlipJsxProps = WebComponentProps<CvvFlip> & LowerHandlers<CvvFlipEventMap> & Attributes;

/** The kebab-case attributes, for markup copied from HTML (`token-endpoint="…"`). */
interface Attributes {
  'token-endpoint'?: string;
  'publishable-key'?: string;
  'expiring-days'?: number | string;
  'mask-pattern'?: string;
  'hide-add'?: boolean;
  'invoice-id'?: string;
  'accepted-brands'?: string;
  'require-terms'?: boolean;
  'hide-save'?: boolean;
  'offer-default'?: boolean;
  'funding-choice'?: boolean;
  'address-optional'?: boolean;
  'code-length'?: number | string;
  'focus-field'?: string;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'card-list': CardListJsxProps;
      'add-card-form': AddCardFormJsxProps;
      'cvv-flip': CvvFlipJsxProps;
    }
  }
}
