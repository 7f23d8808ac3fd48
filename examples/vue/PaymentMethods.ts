/**
 * A portal's "Payment methods" page in Vue 3: the cards on file and a toast line fed by the
 * elements' events. The template is the same in a single-file component's `<template>`.
 *
 * Vue must know the tags are custom elements (see main.ts). Objects such as `client` bind as
 * properties (`:client="client"`): Vue sets a property whenever the element has one.
 */
import { defineComponent, ref, type PropType } from 'vue';
import type { EndpointClient } from '../../src/endpoint/client.js';
import type { SavedCard } from '../../src/endpoint/types.js';
import type { CardAddedEvent, DefaultChangedEvent, RemovalBlockedEvent } from '../../src/events/index.js';
import type { Tokenizer } from '../../src/gateways/types.js';

const describe = (card: Pick<SavedCard, 'brand' | 'last4'>): string => `${card.brand} •••• ${card.last4}`;

export const PaymentMethods = defineComponent({
  name: 'PaymentMethods',
  props: {
    /** The host endpoint (`/api`); or pass `client`. */
    endpoint: { type: String, default: '' },
    /** The token endpoint's URL; or pass `tokenizer`. */
    tokenEndpoint: { type: String, default: '' },
    client: { type: Object as PropType<EndpointClient | null>, default: null },
    tokenizer: { type: Object as PropType<Tokenizer | null>, default: null },
  },
  emits: ['signedOut'],
  setup(_props, { emit }) {
    const toast = ref('');
    return {
      toast,
      onCardAdded: (e: CardAddedEvent) => (toast.value = `${describe(e.detail.card)} was added.`),
      onDefaultChanged: (e: DefaultChangedEvent) => (toast.value = `${describe(e.detail.card)} is now your default card.`),
      onRemovalBlocked: (e: RemovalBlockedEvent) => {
        if (e.detail.reason === 'only-card-required') toast.value = 'Your subscription needs a card on file: add another card first.';
      },
      onSessionExpired: () => emit('signedOut'),
    };
  },
  template: `
    <section aria-labelledby="payment-methods-title">
      <h2 id="payment-methods-title">Payment methods</h2>
      <card-list
        :endpoint="endpoint"
        :token-endpoint="tokenEndpoint"
        :client="client"
        :tokenizer="tokenizer"
        @card-added="onCardAdded"
        @default-changed="onDefaultChanged"
        @removal-blocked="onRemovalBlocked"
        @session-expired="onSessionExpired"
      ></card-list>
      <p role="status" class="toast">{{ toast }}</p>
    </section>
  `,
});
