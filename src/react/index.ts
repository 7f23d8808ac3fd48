/**
 * React components for the three elements, made with `@lit/react`'s `createComponent`:
 *
 * ```tsx
 * import { CardList } from 'saved-cards/react';
 * <CardList endpoint="/api" tokenEndpoint={tokenUrl} onDefaultChanged={(e) => toast(e.detail.card.last4)} />
 * ```
 *
 * Properties are set as properties (objects such as `client`, `messages` and `savedAddresses`
 * included), and each event has a typed `on…` callback. Importing this module registers the tags.
 */
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import '../define.js';
import { AddCardForm as AddCardFormElement } from '../add-card-form/add-card-form.js';
import { CardList as CardListElement } from '../card-list/card-list.js';
import { CvvFlip as CvvFlipElement } from '../cvv-flip/cvv-flip.js';
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

const cardListEvents = {
  onCardAdded: 'card-added' as EventName<CardAddedEvent>,
  onCardRemove: 'card-remove' as EventName<CardRemoveEvent>,
  onCardRemoved: 'card-removed' as EventName<CardRemovedEvent>,
  onDefaultChanged: 'default-changed' as EventName<DefaultChangedEvent>,
  onCardSelect: 'card-select' as EventName<CardSelectEvent>,
  onRemovalBlocked: 'removal-blocked' as EventName<RemovalBlockedEvent>,
  onSessionExpired: 'session-expired' as EventName<SessionExpiredEvent>,
  onPaymentSucceeded: 'payment-succeeded' as EventName<PaymentSucceededEvent>,
};

const addCardFormEvents = {
  onCardAdded: 'card-added' as EventName<CardAddedEvent>,
  onPaymentSucceeded: 'payment-succeeded' as EventName<PaymentSucceededEvent>,
  onPaymentFailed: 'payment-failed' as EventName<PaymentFailedEvent>,
  onSessionExpired: 'session-expired' as EventName<SessionExpiredEvent>,
  onVerificationRequired: 'verification-required' as EventName<VerificationRequiredEvent>,
  onAddCardCancel: 'add-card-cancel' as EventName<AddCardCancelEvent>,
};

/**
 * `<card-list>`: the cards on file. Callbacks: `onCardAdded`, `onCardRemove` (cancelable: call
 * `e.preventDefault()` to keep the card), `onCardRemoved`, `onDefaultChanged`, `onCardSelect`,
 * `onRemovalBlocked`, `onSessionExpired`, `onPaymentSucceeded`.
 */
export const CardList: ReactWebComponent<CardListElement, typeof cardListEvents> = createComponent({
  react: React,
  tagName: 'card-list',
  elementClass: CardListElement,
  events: cardListEvents,
  displayName: 'CardList',
});

/**
 * `<add-card-form>`: add a card or pay with a new one. Callbacks: `onCardAdded`,
 * `onPaymentSucceeded`, `onPaymentFailed`, `onSessionExpired`, `onVerificationRequired`, `onAddCardCancel`.
 */
export const AddCardForm: ReactWebComponent<AddCardFormElement, typeof addCardFormEvents> = createComponent({
  react: React,
  tagName: 'add-card-form',
  elementClass: AddCardFormElement,
  events: addCardFormEvents,
  displayName: 'AddCardForm',
});

/** `<cvv-flip>`: the drawn card. No events. */
export const CvvFlip: ReactWebComponent<CvvFlipElement> = createComponent({
  react: React,
  tagName: 'cvv-flip',
  elementClass: CvvFlipElement,
  displayName: 'CvvFlip',
});

/** The props each component takes (element properties, React's HTML attributes, `ref`, callbacks). */
export type CardListProps = React.ComponentProps<typeof CardList>;
/** The props of {@link AddCardForm}. */
export type AddCardFormProps = React.ComponentProps<typeof AddCardForm>;
/** The props of {@link CvvFlip}. */
export type CvvFlipProps = React.ComponentProps<typeof CvvFlip>;
