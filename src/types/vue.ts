/**
 * Types the tags for Vue 3 templates (Volar / vue-tsc): `import type {} from 'saved-cards/vue'`
 * once. Properties bind with `:client="client"` (Vue sets a property when the element has one),
 * events with `@card-added="onAdded"`, typed by event.
 *
 * Vue must also be told the tags are custom elements:
 * `compilerOptions.isCustomElement = (tag) => ['card-list', 'add-card-form', 'cvv-flip'].includes(tag)`.
 */
import type { DefineComponent } from 'vue';
import type {
  AddCardFormEventMap,
  AddCardFormProperties,
  CamelHandlers,
  CardListEventMap,
  CardListProperties,
  CvvFlipProperties,
} from './element-props.js';

declare module 'vue' {
  interface GlobalComponents {
    'card-list': DefineComponent<CardListProperties & CamelHandlers<CardListEventMap>>;
    'add-card-form': DefineComponent<AddCardFormProperties & CamelHandlers<AddCardFormEventMap>>;
    'cvv-flip': DefineComponent<CvvFlipProperties>;
  }
}
