import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { brandListAttribute, type CardBrand } from '../core/brands.js';
import { formatExpiry } from '../core/expiry.js';
import type { CvvFlip } from '../cvv-flip/cvv-flip.js';
import type { EndpointClient } from '../endpoint/client.js';
import type { SavedAddress } from '../endpoint/types.js';
import type { StripeLoader } from '../gateways/stripe-types.js';
import type { Tokenizer } from '../gateways/types.js';
import { translator, type Messages } from '../i18n/index.js';
import type { Translate } from '../i18n/translate.js';
import { brandSlotStyles } from '../brand-marks/brand-marks.js';
import { hostStyles } from '../styles/shared.styles.js';
import { addCardFormStyles } from './add-card-form.styles.js';
import { renderAddress } from './address-section.js';
import { renderCardFields, type CardFieldsView } from './card-fields.js';
import { FormController, type Phase } from './form-controller.js';
import { countryOptions, formatMinorUnits } from './locale.js';
import { renderOptions } from './options-section.js';
import { StripeMode } from './stripe-mode.js';
import { renderVerification } from './verification-step.js';

function flipField(field: string | null): CvvFlip['focusField'] {
  return field === 'number' || field === 'name' || field === 'expiry' || field === 'code' ? field : '';
}

/**
 * @tagname add-card-form
 * @summary Adds a payment card, or pays with a new one. The card number and security code go only
 * to the tokenizer; the host endpoint receives a token and masked facts.
 *
 * Fields, in order: card number (with the detected brand's mark, announced once per change), name
 * on card, expiration date, security code (its hint follows the brand), the billing address (with
 * the addresses on file to choose from), then the options the host asks for. A `<cvv-flip>` drawing
 * beside the fields follows what is typed and turns over for the code.
 *
 * Errors show once the customer has left a field changed, on submit, or at once for a value typing
 * cannot fix; while the customer edits a field again, an empty or unfinished value waits until they
 * leave it. Errors clear as soon as the field is valid. A retry after a network
 * failure reuses the attempt's idempotency key (and its token), so it never saves or charges twice.
 *
 * @slot terms - The terms the customer agrees to, shown beside the checkbox when `require-terms` is set
 *   (`<span slot="terms">I agree to the <a href="/terms">terms</a></span>`). Default: "I agree to the terms".
 * @slot stripe-card-number - Internal, `gateway="stripe"` only: the form puts Stripe's card-number frame here
 *   (Stripe will not mount inside a shadow root). Likewise `stripe-card-expiry` and `stripe-card-cvc`.
 *
 * @csspart form - The `<form>` holding the fields.
 * @csspart field - Each field: label, control, hint and error.
 * @csspart label - Each field's visible label.
 * @csspart input - Each text input and select.
 * @csspart input-invalid - Also on an input while its error shows.
 * @csspart input-complete - Also on a Stripe field's box once Stripe says its value is complete (`gateway="stripe"`).
 * @csspart error - A field's error message (a polite live region).
 * @csspart hint - A field's hint (the security code's "3 digits on the back").
 * @csspart row - A row of fields side by side (expiry and code; city and region; postal code and country).
 * @csspart brand - The detected brand's mark beside the card number.
 * @csspart held-card - Stands in for the number, expiry and code once the tokenizer holds the card ("Visa •••• 1111").
 * @csspart change-card - The held card's "Use another card" button.
 * @csspart preview - The `<cvv-flip>` drawing of the card.
 * @csspart address - The billing-address fieldset.
 * @csspart options - The save / default / credit-debit / terms options.
 * @csspart submit - The submit button ("Add card", "Pay $120.00"), and the verification step's "Verify".
 * @csspart status - The status line: the wait, a network failure, an expired session.
 * @csspart decline - The decline message ("Your card was declined…").
 * @csspart verification - The one-time-code step.
 * @csspart success - The confirmation shown after the card was added or the payment went through.
 *
 * @cssprop [--add-card-form-error-color=#d92d20] - Invalid outlines and error text.
 * @cssprop [--add-card-form-accent=#1570ef] - The submit button, links, checkboxes and radios.
 * @cssprop [--add-card-form-accent-text-color=#fff] - Text on the accent colour: the submit button's label (and "Add another card").
 * @cssprop [--add-card-form-radius=6px] - Corner radius of inputs, buttons and messages.
 * @cssprop [--add-card-form-gap=1rem] - Space between fields.
 * @cssprop [--add-card-form-font=inherit] - The form's font (any `font` shorthand value).
 * @cssprop [--add-card-form-border-color=#667085] - Input and button borders.
 * @cssprop [--add-card-form-focus-ring=#1570ef] - The keyboard focus ring.
 *
 * @fires {CardAddedEvent} card-added - The host endpoint saved the card (add mode). `detail: { card, cards, policy }`, masked facts only.
 * @fires {PaymentSucceededEvent} payment-succeeded - The payment went through (pay mode). `detail: { payment, savedCard? }`.
 * @fires {PaymentFailedEvent} payment-failed - A payment attempt failed (pay mode). `detail: { reason, code, declineCode?, field?, retryable, invoiceId? }`.
 * @fires {SessionExpiredEvent} session-expired - The host endpoint answered 401. `detail: { source: 'add-card-form' }`.
 * @fires {VerificationRequiredEvent} verification-required - The gateway asked for a verification; the form shows the step. `detail: { kind }`.
 * @fires {AddCardCancelEvent} add-card-cancel - The customer pressed "Cancel" (shown with `cancelable`). No detail.
 */
export class AddCardForm extends LitElement {
  static override styles = [hostStyles, brandSlotStyles, addCardFormStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The host endpoint's base URL (`/api`). Ignored when `client` is set. */
  @property() endpoint = '';

  /** The token endpoint's URL, where the card number and code go. Ignored when `tokenizer` is set. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /**
   * The gateway's publishable key: sent to the token endpoint as `Authorization: Bearer …`, or, with
   * `gateway="stripe"`, the Stripe publishable key (`pk_…`).
   */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /**
   * Which gateway takes the card: `token-endpoint` (default: the form's own fields post to
   * `token-endpoint`), or `stripe`: Stripe's card fields (Stripe.js is loaded, from Stripe, only
   * then), SetupIntents and PaymentIntents through the host endpoint, and 3-D Secure run by Stripe.
   * `tokenizer` is not used in Stripe mode.
   */
  @property() gateway = 'token-endpoint';

  /**
   * Stripe mode: loads Stripe.js for the publishable key. Default: `loadStripe` from
   * `@stripe/stripe-js/pure`. Set it before the form connects (tests inject a Stripe.js double).
   */
  @property({ attribute: false }) stripeLoader: StripeLoader | null = null;

  /** An endpoint client to use instead of one made from `endpoint` (tests, custom headers). */
  @property({ attribute: false }) client: EndpointClient | null = null;

  /** A tokenizer to use instead of one made from `token-endpoint` (tests, other gateways). */
  @property({ attribute: false }) tokenizer: Tokenizer | null = null;

  /** `add` saves the card; `pay` pays `invoice-id` or `amount` with it (and saves it when asked). */
  @property({ reflect: true }) mode: 'add' | 'pay' = 'add';

  /** Pay mode: the invoice to pay. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  /**
   * Pay mode: the amount in minor units (`12000` is $120.00), shown on the button and charged when
   * there is no invoice. With an invoice and no amount, the invoice's amount is fetched for the button.
   */
  @property({ type: Number }) amount: number | null = null;

  /** Pay mode: the ISO 4217 currency of `amount`. */
  @property() currency = 'USD';

  /** Brands accepted (card-validator ids, space-separated in the attribute); empty accepts every brand. */
  @property({ attribute: 'accepted-brands', converter: brandListAttribute }) acceptedBrands: CardBrand[] = [];

  /** Show a terms checkbox (text in the `terms` slot) that must be ticked. */
  @property({ type: Boolean, attribute: 'require-terms' }) requireTerms = false;

  /** Pay mode: hide "Save this card for future payments" (the card is then not kept). Add mode has no box: adding saves. */
  @property({ type: Boolean, attribute: 'hide-save' }) hideSave = false;

  /** Offer "Set as default" (in pay mode, only once "Save this card" is ticked). */
  @property({ type: Boolean, attribute: 'offer-default' }) offerDefault = false;

  /** Ask whether the card is a credit or a debit card (a required choice when shown). */
  @property({ type: Boolean, attribute: 'funding-choice' }) fundingChoice = false;

  /** The billing address may be left empty (by default every address field is required). */
  @property({ type: Boolean, attribute: 'address-optional' }) addressOptional = false;

  /** Addresses on file to offer; when null they are fetched from the endpoint (`GET /addresses`). */
  @property({ attribute: false }) savedAddresses: SavedAddress[] | null = null;

  /** Show a "Cancel" button that fires `add-card-cancel` (used by `<card-list>` to go back to the list). */
  @property({ type: Boolean }) cancelable = false;

  /** Replacement strings, by message key (`{ submitAdd: 'Save card' }`), or a whole locale. */
  @property({ attribute: false }) messages: Partial<Messages> = {};

  /** The language for country names and amounts (BCP 47); default: the nearest `lang` attribute, then the browser's. */
  @property() locale = '';

  /** The date expiry is judged against; default: the current time at each check. */
  @property({ attribute: false }) now: Date | null = null;

  /** Disables every field and the submit button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  private readonly ctl = new FormController(this);
  /** The brands whose marks were shown beside the number (see `keptBrandMarks`). */
  private readonly marks: (CardBrand | null)[] = [];
  #translate: { messages: Partial<Messages>; t: Translate } | null = null;
  private readonly stripe = new StripeMode(this, this.ctl);

  /** The form's phase: filling in, verifying, or done. */
  get phase(): Phase {
    return this.ctl.phase;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // whatever was typed must not outlive the element on the page
    this.ctl.wipe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.ctl.localeChanged();
    if (changed.has('savedAddresses')) this.ctl.addressesChanged();
  }

  protected override updated(): void {
    this.ctl.loadAddresses();
    this.ctl.loadInvoice();
  }

  /** Empties every field, forgets any attempt in progress, and shows the form again. */
  reset(): void {
    this.ctl.reset();
  }

  /** Focuses the card number (or, during verification, the code; after success, the confirmation). */
  override focus(options?: FocusOptions): void {
    const target = this.ctl.phase === 'verify' ? 'otp' : this.ctl.phase === 'success' ? null : 'number';
    if (target === 'number' && this.ctl.hosted) {
      this.ctl.focusField('number');
      return;
    }
    const el = target ? this.renderRoot.querySelector<HTMLElement>(`#${target}`) : this.renderRoot.querySelector<HTMLElement>('[part~="success"]');
    if (el) el.focus(options);
    else super.focus(options);
  }

  /** The locale for Intl: `locale`, else the nearest `lang`, else the browser's language. */
  get resolvedLocale(): string {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || navigator.language || 'en';
  }

  /**
   * The card fields. A gateway that mounts its own fields (Stripe Elements) replaces this section,
   * and only this section; the rest of the form and the submission stay as they are.
   */
  protected renderCardFields(view: CardFieldsView): TemplateResult {
    return this.gateway === 'stripe' ? this.stripe.render(view) : renderCardFields(view);
  }

  private renderSubmit(): TemplateResult {
    const t = this.t;
    const { busy } = this.ctl;
    const invoice = this.ctl.invoiceAmount;
    const amount =
      this.amount !== null
        ? formatMinorUnits(this.amount, this.currency, this.resolvedLocale)
        : invoice && formatMinorUnits(invoice.amount, invoice.currency, this.resolvedLocale);
    const label = this.mode === 'pay' ? (amount ? t('submitPay', { amount }) : t('submitPayNoAmount')) : t('submitAdd');
    const busyText = this.mode === 'pay' ? t('busyPay') : t('busyAdd');
    const notice = this.ctl.notice;
    const problem = notice && notice.kind !== 'decline' ? notice : null;
    return html`
      ${notice?.kind === 'decline'
        ? html`<div part="decline" role="alert">${notice.problems.map((p) => t(p.key, p.params)).join(' ')}</div>`
        : nothing}
      <div class="actions">
        <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>${busyText}` : label}
        </button>
        ${this.cancelable ? html`<button type="button" class="cancel" @click=${this.ctl.handleCancel}>${t('cancel')}</button>` : nothing}
      </div>
      <div part="status" role="status" class=${problem ? `shown ${problem.kind}` : ''}>
        ${busy && this.ctl.phase === 'form' ? html`<span class="visually-hidden">${busyText}</span>` : nothing}
        ${problem ? problem.problems.map((p) => t(p.key, p.params)).join(' ') : nothing}
      </div>
    `;
  }

  private renderSuccess(): TemplateResult {
    const t = this.t;
    return html`<div part="success" tabindex="-1">
      ${this.ctl.success.map((p, i) => html`<p class=${i === 0 ? 'heading' : ''}>${t(p.key, p.params)}</p>`)}
      ${this.mode === 'add' ? html`<div class="actions"><button type="button" class="primary" @click=${this.ctl.handleAddAnother}>${t('addAnother')}</button></div>` : nothing}
    </div>`;
  }

  /** The translator for the current messages: the same function while they stay, so sections can be guarded on it. */
  private get t(): Translate {
    if (this.#translate?.messages !== this.messages) this.#translate = { messages: this.messages, t: translator(this.messages) };
    return this.#translate.t;
  }

  override render() {
    const t = this.t;
    const ctl = this.ctl;
    const view = ctl.view(t);
    const { errors } = view;
    const phase = ctl.phase;
    const locale = this.resolvedLocale;
    const { values, options, busy } = ctl;
    // once tokenized, the drawing shows the card masked, like a saved one: the number is gone from the page
    const shown = ctl.shownCard;
    const held = ctl.heldCard;
    const stripe = this.gateway === 'stripe';
    const showDefault = this.offerDefault && (this.mode === 'add' || (!this.hideSave && options.saveCard));
    // Each section renders again only when what it shows changed: a keystroke in one field must not
    // rebuild the others (the country list alone has some 250 options). Stripe's fields follow state
    // of their own, so they render every time.
    return html`<div class="layout">
      <cvv-flip part="preview" ?hidden=${phase === 'success'} .brand=${shown?.brand ?? view.brand?.brand ?? ''} .number=${live(shown ? '' : ctl.numberDigits)}
        .last4=${shown?.last4 ?? ''} .name=${values.name} .expiry=${view.expiry ? formatExpiry(view.expiry) : values.expiry}
        .codeLength=${ctl.codeDigits.length} .focusField=${flipField(ctl.focused)} .messages=${this.messages}></cvv-flip>
      <div class="main">
        <form part="form" novalidate aria-label=${this.mode === 'pay' ? t('formLabelPay') : t('formLabelAdd')} ?hidden=${phase !== 'form'}
          @submit=${ctl.handleSubmit} @input=${ctl.handleInput} @change=${ctl.handleInput} @focusin=${ctl.handleFocusIn}
          @focusout=${ctl.handleFocusOut} @compositionstart=${ctl.handleCompositionStart} @compositionend=${ctl.handleCompositionEnd}>
          <fieldset class="all" ?disabled=${this.disabled}>
            ${guard(
              stripe
                ? [{}]
                : [this.messages, view.brand, errors.number, errors.name, errors.expiry, errors.code, values.name, values.expiry, busy, held],
              () =>
                this.renderCardFields({
                  t,
                  brand: view.brand,
                  name: values.name,
                  expiry: values.expiry,
                  errors,
                  readonly: busy,
                  held: held && { brand: held.brand, brandName: ctl.brandName(held.brand), last4: held.last4 },
                  onUseAnotherCard: ctl.handleUseAnotherCard,
                  marks: this.marks,
                }),
            )}
            ${guard(
              [this.messages, values.line1, values.city, values.region, values.postalCode, values.country, ctl.addresses, options.addressChoice,
                locale, errors.line1, errors.city, errors.region, errors.postalCode, errors.country, busy],
              () =>
                renderAddress({
                  t,
                  values,
                  addresses: ctl.addresses,
                  choice: options.addressChoice,
                  countries: countryOptions(locale),
                  errors,
                  readonly: busy,
                }),
            )}
            ${guard(
              [this.messages, this.mode, this.hideSave, showDefault, this.fundingChoice, this.requireTerms, options.saveCard, options.setDefault,
                options.funding, options.terms, errors.funding, errors.terms],
              () =>
                renderOptions({
                  t,
                  showSave: this.mode === 'pay' && !this.hideSave,
                  saveCard: options.saveCard,
                  showDefault,
                  setDefault: options.setDefault,
                  fundingChoice: this.fundingChoice,
                  funding: options.funding,
                  fundingError: errors.funding,
                  requireTerms: this.requireTerms,
                  terms: options.terms,
                  termsError: errors.terms,
                }),
            )}
            ${guard(
              [this.messages, this.mode, this.amount, this.currency, locale, ctl.invoiceAmount, busy, ctl.notice, phase, this.cancelable],
              () => this.renderSubmit(),
            )}
          </fieldset>
        </form>
        ${phase === 'verify' && ctl.verification
          ? renderVerification({
              t,
              verification: ctl.verification,
              otp: ctl.otp,
              error: view.otpError,
              status: view.otpStatus,
              busy,
              onSubmit: ctl.handleVerifySubmit,
              onInput: ctl.handleOtpInput,
              onResend: ctl.handleResend,
              onCancel: ctl.handleCancelVerification,
            })
          : nothing}
        ${phase === 'success' ? this.renderSuccess() : nothing}
        <div class="visually-hidden" aria-live="polite" data-role="brand-announcement">${view.announcement}</div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'add-card-form': AddCardForm;
  }
}
