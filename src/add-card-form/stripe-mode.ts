/**
 * The only Stripe code in the default bundle: it imports the Stripe chunk (`stripe-fields.ts` and
 * `src/gateways/stripe/`) with `import()` when a form asks for `gateway="stripe"`, and stops it when
 * the form leaves the page or stops asking.
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { StripeLoader } from '../gateways/stripe-types.js';
import type { CardFieldsView } from './card-fields.js';
import type { FormController, FormHost } from './form-controller.js';

/** The form, as Stripe mode reads it. */
export interface StripeModeHost extends FormHost {
  stripeLoader: StripeLoader | null;
}

/** What the Stripe chunk gives back once it runs. */
export interface StripeFieldsHandle {
  render(view: CardFieldsView): TemplateResult;
  /** Unmounts and destroys Stripe's Elements and removes their containers. */
  destroy(): void;
}

/** Starts, restarts and stops the Stripe chunk to match `gateway`, `publishable-key` and `stripeLoader`. */
export class StripeMode implements ReactiveController {
  #handle: StripeFieldsHandle | null = null;
  #for: { key: string; loader: StripeLoader | null } | null = null;
  #failed = false;

  constructor(
    private readonly host: StripeModeHost,
    private readonly ctl: FormController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private sync(): void {
    const h = this.host;
    const wanted = h.gateway === 'stripe' && h.isConnected;
    const current = this.#for;
    if (wanted && current?.key === h.publishableKey && current.loader === h.stripeLoader) return;
    if (!wanted && !current) return;
    this.stop();
    if (!wanted) return;
    const request = { key: h.publishableKey, loader: h.stripeLoader };
    this.#for = request;
    import('./stripe-fields.js').then(
      ({ startStripeFields }) => {
        if (this.#for !== request) return;
        this.#handle = startStripeFields(h, this.ctl, request.loader);
        h.requestUpdate();
      },
      () => {
        // the chunk itself did not arrive (offline, a blocked file): nothing can take a card
        if (this.#for !== request) return;
        this.#failed = true;
        h.requestUpdate();
      },
    );
  }

  private stop(): void {
    this.#handle?.destroy();
    this.#handle = null;
    this.#for = null;
    this.#failed = false;
  }

  /** The card fields: Stripe's once its chunk runs, a status line until then. */
  render(view: CardFieldsView): TemplateResult {
    if (this.#handle) return this.#handle.render(view);
    const failed = this.#failed;
    return html`<p part="hint" role=${failed ? 'alert' : 'status'}>${view.t(failed ? 'stripeUnavailable' : 'stripeLoading')}</p>`;
  }
}
