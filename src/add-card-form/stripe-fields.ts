/**
 * `<add-card-form gateway="stripe">`: the card fields are Stripe's split Elements instead of the
 * form's inputs. Loaded with `import()` only in Stripe mode (with everything under
 * `src/gateways/stripe/`), so the default bundle carries none of it.
 *
 * The rest of the form does not change: the name, the address, the options, the submit button, the
 * error-visibility rule and the outcomes are the same code. This module
 * - renders the three fields (label, a box holding a named slot, hint, error) where the inputs were;
 * - mounts Stripe's Elements into light-DOM containers projected into those slots;
 * - tells the form's controller what Stripe knows ({@link HostedCardFields}): the brand, each field's
 *   problem (keyed by Stripe's error code through our messages), and a tokenizer for the intent flow;
 * - translates the form's theme into Stripe's `style`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { brandMark } from '../brand-marks/brand-marks.js';
import { brandInfo, type BrandInfo } from '../core/brands.js';
import { mountCardElements, type CardElements } from '../gateways/stripe/card-elements.js';
import { EMPTY_FIELD, fieldProblem, type StripeField, type StripeFieldState } from '../gateways/stripe/errors.js';
import { defaultStripeLoader } from '../gateways/stripe/load.js';
import { stripeStyle } from '../gateways/stripe/theme.js';
import { brandFromStripe, createStripeTokenizer, type StripeIntentPurpose, type StripeTokenizer } from '../gateways/stripe/tokenizer.js';
import { codeHint, type CardFieldsView } from './card-fields.js';
import { describedBy, textField } from './field.js';
import type { FormController, HostedCardFields } from './form-controller.js';
import type { StripeFieldsHandle, StripeModeHost } from './stripe-mode.js';
import type { Problem } from './validation.js';

/** The form's named slots that receive Stripe's fields. */
export const STRIPE_SLOTS: Readonly<Record<StripeField, string>> = Object.freeze({
  number: 'stripe-card-number',
  expiry: 'stripe-card-expiry',
  code: 'stripe-card-cvc',
});

/** Styles for the boxes that hold Stripe's frames; adopted into the form's shadow root in Stripe mode only. */
export const stripeFieldStyles = css`
  .stripe-input {
    display: grid;
    align-content: center;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    background: Field;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: text;
  }
  /* the invalid state lives in Stripe's frame (which marks its own input aria-invalid); the box shows it */
  .stripe-input.invalid {
    border-color: var(--_error);
    box-shadow: 0 0 0 1px var(--_error);
  }
  .stripe-input.focus {
    outline: 2px solid var(--_focus-ring);
  }
  .stripe-input.disabled {
    background: color-mix(in srgb, currentColor 6%, Field);
  }
  .control:has([part~='brand']) .stripe-input,
  .control:has(.complete) .stripe-input {
    padding-inline-end: 3.5rem;
  }
  .control .complete {
    position: absolute;
    inset-inline-end: 0.75rem;
    pointer-events: none;
  }
  @media (forced-colors: active) {
    .stripe-input {
      border: 1px solid CanvasText;
    }
    .stripe-input.invalid {
      border: 3px solid Mark;
    }
    .stripe-input.focus {
      outline: 2px solid Highlight;
    }
  }
`;

type Status = 'loading' | 'ready' | 'failed';

/**
 * Starts Stripe mode on a form: sets `ctl.hosted`, loads Stripe.js with `loader` (default `loadStripe`
 * from `@stripe/stripe-js/pure`), mounts the Elements once the form has rendered its slots, and
 * returns what the form renders and how it stops.
 */
export function startStripeFields(host: StripeModeHost, ctl: FormController, loader: StripeModeHost['stripeLoader']): StripeFieldsHandle {
  let status: Status = 'loading';
  let stopped = false;
  let elements: CardElements | null = null;
  let tokenizer: StripeTokenizer | null = null;
  let brand: BrandInfo | null = null;
  let disabled: boolean | null = null;
  let phase = ctl.phase;
  const states: Record<StripeField, StripeFieldState> = { number: EMPTY_FIELD, expiry: EMPTY_FIELD, code: EMPTY_FIELD };
  const root = host.renderRoot instanceof ShadowRoot ? host.renderRoot : null;
  const sheet = stripeFieldStyles.styleSheet;
  if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const darkMode = matchMedia('(prefers-color-scheme: dark)');

  const element = (field: StripeField) => elements?.[field] ?? null;
  const theme = () =>
    stripeStyle({
      input: root?.querySelector('input[data-field="name"]') ?? null,
      error: root?.querySelector('[part~="error"]') ?? null,
      hint: root?.querySelector('[part~="hint"]') ?? null,
      host,
    });
  const restyle = (): void => elements?.update({ style: theme() });

  const fail = (): void => {
    if (stopped) return;
    status = 'failed';
    elements?.destroy();
    elements = null;
    tokenizer = null;
    host.requestUpdate();
  };

  const problem = (field: StripeField): Problem | undefined => {
    if (status !== 'ready') return field === 'number' ? { key: status === 'failed' ? 'stripeUnavailable' : 'stripeLoading' } : undefined;
    const accepted = host.acceptedBrands;
    if (field === 'number' && brand && accepted.length && !accepted.includes(brand.brand)) {
      return { key: 'numberBrandNotAccepted', params: { brand: brand.displayName, accepted: accepted.map((b) => brandInfo(b).displayName).join(', ') } };
    }
    const key = fieldProblem(field, states[field]);
    return key ? { key, params: { length: brand?.codeSize ?? 3 } } : undefined;
  };

  const hosted: HostedCardFields = {
    get brand() {
      return brand;
    },
    get tokenizer() {
      return tokenizer;
    },
    problems() {
      const out: Partial<Record<StripeField, Problem>> = {};
      for (const field of ['number', 'expiry', 'code'] as const) {
        const p = problem(field);
        if (p) out[field] = p;
      }
      return out;
    },
    definite(field) {
      if (status === 'failed') return field === 'number';
      // Stripe reports an error only once it is sure (on leaving the field, or a number that cannot be one)
      const notAccepted = field === 'number' && problem('number')?.key === 'numberBrandNotAccepted';
      return status === 'ready' && (states[field].error !== null || notAccepted);
    },
    focus(field) {
      element(field)?.focus();
    },
    clear(field) {
      element(field)?.clear();
      states[field] = EMPTY_FIELD;
      if (field === 'number') {
        brand = null;
        // the form cleared the card after a success, a decline or a reset: a kept payment is settled or abandoned
        tokenizer?.forget();
      }
    },
  };
  ctl.hosted = hosted;

  const purpose = (): StripeIntentPurpose => {
    if (host.mode !== 'pay') return { mode: 'add' };
    const amount = host.amount !== null && Number.isFinite(host.amount) ? { amount: host.amount, currency: host.currency.toUpperCase() } : undefined;
    return {
      mode: 'pay',
      ...(host.invoiceId ? { invoiceId: host.invoiceId } : {}),
      ...(amount ? { amount } : {}),
      saveCard: !host.hideSave && ctl.options.saveCard,
    };
  };

  const start = async (): Promise<void> => {
    const stripe = await (loader ?? defaultStripeLoader)(host.publishableKey);
    // the slots, the name input and the error texts the theme is read from must be on the page
    await host.updateComplete;
    if (stopped) return;
    if (!stripe) throw new Error('Stripe.js is not available here');
    const mounted = mountCardElements({
      stripe,
      host,
      slots: STRIPE_SLOTS,
      style: theme(),
      disabled: host.disabled,
      listener: {
        change(field, state, stripeBrand) {
          const before = states[field];
          const id = field === 'number' ? brandFromStripe(stripeBrand) : null;
          // Stripe also reports the empty value a clear() left: nothing the customer did, so no "changed" flag
          if (before.empty === state.empty && before.complete === state.complete && before.error === state.error && id === (field === 'number' ? (brand?.brand ?? null) : null)) return;
          states[field] = state;
          if (field === 'number') {
            brand = id ? brandInfo(id) : null;
            ctl.announce(brand);
          }
          ctl.markChanged(field, ctl.focused === field);
        },
        focus(field) {
          ctl.focused = field;
          ctl.update();
        },
        blur(field) {
          ctl.left(field);
        },
        loadError: fail,
      },
    });
    elements = mounted;
    tokenizer = createStripeTokenizer({
      stripe,
      card: mounted.number,
      client: () => ctl.dependencies.client(),
      purpose,
      brand: () => brand?.brand ?? null,
    });
    status = 'ready';
    darkMode.addEventListener('change', restyle);
    host.requestUpdate();
  };
  start().catch(fail);

  /* eslint-disable lit-a11y/click-events-have-key-events -- clicking the label or the box around Stripe's
     frame focuses the frame, as clicking a native input's label does; keyboard users reach the frame
     itself with Tab, so there is no key to handle here */
  const field = (name: StripeField, label: string, error: string | null, options: { hint?: string; adornment?: TemplateResult } = {}) => {
    const invalid = error !== null;
    const state = states[name];
    const complete = status === 'ready' && state.complete && !invalid;
    const focus = () => element(name)?.focus();
    return html`<div part="field" class="field-${name}">
      <label part="label" id="${name}-label" @click=${focus}>${label}</label>
      <div class="control">
        <div id=${name} role="group" aria-labelledby="${name}-label" aria-describedby=${ifDefined(describedBy(name, Boolean(options.hint), invalid))}
          @click=${focus} part="input ${invalid ? 'input-invalid' : ''} ${complete ? 'input-complete' : ''}"
          class="stripe-input ${invalid ? 'invalid' : ''} ${ctl.focused === name ? 'focus' : ''} ${disabled ? 'disabled' : ''}">
          <slot name=${STRIPE_SLOTS[name]}></slot>
        </div>
        ${options.adornment ?? (complete ? html`<span class="complete" aria-hidden="true">✓</span>` : nothing)}
      </div>
      ${options.hint ? html`<div part="hint" id="${name}-hint">${options.hint}</div>` : nothing}
      <div part="error" id="${name}-error" aria-live="polite">${error ?? ''}</div>
    </div>`;
  };
  /* eslint-enable lit-a11y/click-events-have-key-events */

  return {
    render(view: CardFieldsView): TemplateResult {
      const { t, errors } = view;
      const nowDisabled = view.readonly || host.disabled;
      if (elements && nowDisabled !== disabled) elements.update({ disabled: nowDisabled });
      disabled = nowDisabled;
      // after a success the form is hidden: the expiry (which the form's own reset keeps) goes too
      if (ctl.phase === 'success' && phase !== 'success') element('expiry')?.clear();
      phase = ctl.phase;
      const loading = status === 'loading' ? t('stripeLoading') : undefined;
      return html`
        ${field('number', t('numberLabel'), errors.number, {
          hint: loading,
          adornment: html`<span part="brand">${brandMark(brand?.brand ?? null)}</span>`,
        })}
        ${textField({ field: 'name', label: t('nameLabel'), autocomplete: 'cc-name', error: errors.name, value: view.name, readonly: view.readonly })}
        <div part="row">
          ${field('expiry', t('expiryLabel'), errors.expiry)}
          ${field('code', t('codeLabel'), errors.code, { hint: codeHint(t, view.brand) })}
        </div>
      `;
    },
    destroy(): void {
      stopped = true;
      darkMode.removeEventListener('change', restyle);
      elements?.destroy();
      elements = null;
      tokenizer = null;
      if (root && sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      if (ctl.hosted === hosted) ctl.hosted = null;
    },
  };
}
