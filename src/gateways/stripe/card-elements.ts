/**
 * Stripe's split card Elements (number, expiry, code), created from one Elements group, mounted into
 * light-DOM containers projected into the form (see `placement.ts`), and reported to the form as
 * plain field states. `destroy` unmounts and destroys them and removes every node it added.
 */
import type {
  Stripe,
  StripeCardCvcElement,
  StripeCardExpiryElement,
  StripeCardNumberElement,
  StripeElementChangeEvent,
  StripeElementStyle,
} from '@stripe/stripe-js';
import { ELEMENT_TYPES, type StripeField, type StripeFieldState } from './errors.js';
import { placeInLightDom, type Placement } from './placement.js';

/** What the form hears from the Elements. */
export interface CardElementsListener {
  /** A field's value changed; `brand` is Stripe's brand id (number only). */
  change(field: StripeField, state: StripeFieldState, brand?: string): void;
  focus(field: StripeField): void;
  blur(field: StripeField): void;
  /** Stripe could not load a field's frame (a wrong key, a blocked frame). */
  loadError(field: StripeField): void;
}

/** Options for {@link mountCardElements}. */
export interface CardElementsOptions {
  /** The Stripe object (from `loadStripe`). */
  stripe: Pick<Stripe, 'elements'>;
  /** The form; its named slots receive the fields. */
  host: HTMLElement;
  /** The form's slot for each field. */
  slots: Readonly<Record<StripeField, string>>;
  style: StripeElementStyle;
  disabled: boolean;
  listener: CardElementsListener;
}

/** The mounted Elements. */
export interface CardElements {
  readonly number: StripeCardNumberElement;
  readonly expiry: StripeCardExpiryElement;
  readonly code: StripeCardCvcElement;
  /** Where each field's container went (for tests and diagnostics). */
  readonly placements: Readonly<Record<StripeField, Placement>>;
  /** Applies new options (style, disabled) to all three. */
  update(options: { style?: StripeElementStyle; disabled?: boolean }): void;
  /** Unmounts and destroys the Elements and removes their containers (and any forwarding slots). */
  destroy(): void;
}

const FIELDS: readonly StripeField[] = ['number', 'expiry', 'code'];

/** Marks the containers, so a host can find (and leave alone) what the form put in its light DOM. */
export const CONTAINER_CLASS = 'saved-cards-stripe-field';

/**
 * Creates the three Elements and mounts each into a light-DOM container projected into the form's
 * slot. If a mount throws, whatever was created is removed again before the error propagates.
 */
export function mountCardElements(options: CardElementsOptions): CardElements {
  const { stripe, host, slots, style, disabled, listener } = options;
  const group = stripe.elements({ locale: 'auto' });
  const number = group.create('cardNumber', { style, disabled, showIcon: false });
  const expiry = group.create('cardExpiry', { style, disabled });
  const code = group.create('cardCvc', { style, disabled });
  const elements = { number, expiry, code };
  const placements: Partial<Record<StripeField, Placement>> = {};

  const destroy = (): void => {
    for (const field of FIELDS) {
      const element = elements[field];
      // unmount first: destroy on an element whose container is already gone throws in some versions
      try {
        element.unmount();
      } catch {
        // never mounted
      }
      element.destroy();
      placements[field]?.remove();
    }
  };

  try {
    for (const field of FIELDS) {
      const element = elements[field];
      const on = element.on.bind(element) as (event: string, handler: (event: unknown) => void) => void;
      on('change', (event) => {
        const e = event as StripeElementChangeEvent & { brand?: string };
        listener.change(field, { empty: e.empty, complete: e.complete, error: e.error?.code ?? null }, e.brand);
      });
      on('focus', () => listener.focus(field));
      on('blur', () => listener.blur(field));
      on('loaderror', () => listener.loadError(field));
      const placement = placeInLightDom(host, slots[field], CONTAINER_CLASS);
      placement.container.dataset.stripeElement = ELEMENT_TYPES[field];
      placements[field] = placement;
      element.mount(placement.container);
    }
  } catch (error) {
    destroy();
    throw error;
  }

  return {
    number,
    expiry,
    code,
    placements: placements as Record<StripeField, Placement>,
    update(next) {
      for (const field of FIELDS) elements[field].update(next);
    },
    destroy,
  };
}
