/**
 * What a framework may set on each element: its own public properties (not LitElement's, not
 * methods), all optional. Shared by the React and Vue declarations.
 */
import type { LitElement } from 'lit';
import type { AddCardForm } from '../add-card-form/add-card-form.js';
import type { CardList } from '../card-list/card-list.js';
import type { CvvFlip } from '../cvv-flip/cvv-flip.js';
import type {
  AddCardCancelEvent,
  CardAddedEvent,
  CardRemoveEvent,
  CardRemovedEvent,
  CardSelectEvent,
  DefaultChangedEvent,
  PaymentFailedEvent,
  PaymentSucceededEvent,
  RemovalBlockedEvent,
  SessionExpiredEvent,
  VerificationRequiredEvent,
} from '../events/index.js';

/** The element's own settable properties, each optional; methods and LitElement's members left out. */
export type ElementProperties<E extends LitElement> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** The properties of `<card-list>`. */
export type CardListProperties = ElementProperties<CardList>;
/** The properties of `<add-card-form>`. */
export type AddCardFormProperties = ElementProperties<AddCardForm>;
/** The properties of `<cvv-flip>`. */
export type CvvFlipProperties = ElementProperties<CvvFlip>;

/** Each element's events, by DOM event name. */
export interface CardListEventMap {
  'card-added': CardAddedEvent;
  'card-remove': CardRemoveEvent;
  'card-removed': CardRemovedEvent;
  'default-changed': DefaultChangedEvent;
  'card-select': CardSelectEvent;
  'removal-blocked': RemovalBlockedEvent;
  'session-expired': SessionExpiredEvent;
  'payment-succeeded': PaymentSucceededEvent;
}

/** `<add-card-form>`'s events, by DOM event name. */
export interface AddCardFormEventMap {
  'card-added': CardAddedEvent;
  'payment-succeeded': PaymentSucceededEvent;
  'payment-failed': PaymentFailedEvent;
  'session-expired': SessionExpiredEvent;
  'verification-required': VerificationRequiredEvent;
  'add-card-cancel': AddCardCancelEvent;
}

/** `<cvv-flip>` fires no events of its own. */
export type CvvFlipEventMap = Record<never, never>;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** `onCardAdded`-style handlers for an event map (React wrappers, Vue's `@card-added`). */
export type CamelHandlers<M> = {
  [K in keyof M & string as `on${Capitalize<Camel<K>>}`]?: (event: M[K]) => void;
};

/** `oncard-added`-style handlers: what React 19 listens to on a custom element tag used directly. */
export type LowerHandlers<M> = {
  [K in keyof M & string as `on${K}`]?: (event: M[K]) => void;
};
