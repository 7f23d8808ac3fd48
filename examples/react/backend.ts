/**
 * Where the React example's components get their data from: on a portal, the host endpoint's URL
 * and the token endpoint's (`{ endpoint: '/api', tokenEndpoint: 'https://gateway…/v1/tokens' }`);
 * in tests and Storybook, a client and tokenizer from `MockHost`.
 */
import type { CardListProps } from '../../src/react/index.js';

/** Spread onto `<CardList>` or `<AddCardForm>`. */
export type Backend = Pick<CardListProps, 'endpoint' | 'tokenEndpoint' | 'publishableKey' | 'client' | 'tokenizer'>;

/** The example page's props. */
export interface PaymentMethodsProps {
  backend: Backend;
  /** Where to send the customer when the session has ended. */
  onSignedOut?: () => void;
}
