import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { brandSlotStyles, keptBrandMarks } from '../brand-marks/brand-marks.js';
import { brandInfo, detectBrand, isCardBrand, type BrandInfo, type CardBrand } from '../core/brands.js';
import { normalizeDigits } from '../core/digits.js';
import { translator, type Messages } from '../i18n/index.js';
import { hostStyles } from '../styles/shared.styles.js';
import { PLACEHOLDER, expiryText, layoutLength, maskedTexts, numberTexts } from './card-face.js';
import { cvvFlipStyles } from './cvv-flip.styles.js';
import { NumberLine } from './number-line.js';

const ASCII_DIGITS = /^[0-9]*$/;

/**
 * @tagname cvv-flip
 * @summary A drawn picture of the card being typed, which flips to its back for the security code
 * (and stays on the front for American Express, whose code is printed there).
 *
 * The drawing is decorative (`aria-hidden`): the form next to it carries the meaning. Only the
 * toggle button is exposed. The card number is drawn in the shadow DOM only; the element never
 * writes it to an attribute, and it is never given the security code, only how many digits of it
 * were typed.
 *
 * @csspart card - The drawn card (the 3D scene holding both faces); `aria-hidden`.
 * @csspart card-flipped - Also on the card while it shows its back.
 * @csspart front - The front face.
 * @csspart back - The back face.
 * @csspart brand - The brand mark on the front.
 * @csspart number - The card number as typed (or a saved card's masked number).
 * @csspart number-active - Also on the number while the customer types it.
 * @csspart name - The name on the card.
 * @csspart name-active - Also on the name while the customer types it.
 * @csspart expiry - The expiry date.
 * @csspart expiry-active - Also on the expiry while the customer types it.
 * @csspart code - The security-code box: on the back's signature strip, or on the front for Amex.
 * @csspart code-active - Also on the code box while the customer types the code or the back is shown.
 * @csspart toggle - The "Show back of card" / "Show front" button (hidden for Amex, keeping its place).
 *
 * @cssprop [--cvv-flip-background=a gradient per brand] - The card's background (any `background` value).
 * @cssprop [--cvv-flip-color=#fff] - The colour of the text drawn on the card.
 * @cssprop [--cvv-flip-radius=3.7cqi] - The card's corner radius (3.7cqi is a real card's 3.18 mm).
 * @cssprop [--cvv-flip-font=ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace] - The font drawn on the card.
 * @cssprop [--cvv-flip-highlight=#fdb022] - The outline around the area being typed in.
 * @cssprop [--cvv-flip-duration=0.6s] - How long the flip (or, with reduced motion, the cross-fade) takes.
 * @cssprop [--cvv-flip-focus-ring=#1570ef] - The toggle button's keyboard focus ring.
 */
export class CvvFlip extends LitElement {
  static override styles = [hostStyles, brandSlotStyles, cvvFlipStyles];

  /** The card brand (`visa`, `american-express`, …); when empty, detected from `number`. */
  @property() brand: CardBrand | '' = '';

  /**
   * The digits typed so far (other characters are ignored). Set it as a property; it is never reflected.
   * A digit that keeps the brand and the layout is drawn at once, without a render.
   */
  @property({ noAccessor: true })
  get number(): string {
    return this.#number;
  }
  set number(value: string) {
    const old = this.#number;
    this.#number = value;
    if (value !== old && !this.drawTyped()) this.requestUpdate('number', old);
  }
  #number = '';

  /** A saved card's last four digits, drawn as a masked number; when set, `number` is ignored. */
  @property() last4 = '';

  /** The cardholder's name as typed. */
  @property() name = '';

  /** The expiry as typed, "MM/YY". */
  @property() expiry = '';

  /** How many digits of the security code were typed: the code box shows that many dots. */
  @property({ type: Number, attribute: 'code-length' }) codeLength = 0;

  /** The side shown. Reflected for styling; Amex cards always show the front, with the code box highlighted. */
  @property({ reflect: true }) side: 'front' | 'back' = 'front';

  /** The field being typed in, highlighted on the card; `code` turns the card to its back (not for Amex). */
  @property({ attribute: 'focus-field' }) focusField: 'number' | 'name' | 'expiry' | 'code' | '' = '';

  /** Replacement strings, by message key (`flipShowBack`, `flipNamePlaceholder`, …). */
  @property({ attribute: false }) messages: Partial<Messages> = {};

  private info: BrandInfo | null = null;
  /** `brand` names a brand (so the digits do not decide it); kept from the last render. */
  private brandGiven = false;
  /** The brands whose marks were drawn so far (see `keptBrandMarks`). */
  private readonly marks: (CardBrand | null)[] = [];
  /** The brands whose looks were painted so far (see {@link renderLooks}). */
  private readonly looks: (CardBrand | null)[] = [];
  readonly #line = new NumberLine();

  /**
   * The back is shown because the code field has focus, not because anyone asked for it: leaving
   * the field turns the card back. After the toggle (or the host) chose the back, it stays.
   */
  private turnedForCode = false;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('brand') || changed.has('number') || changed.has('last4')) {
      this.brandGiven = isCardBrand(this.brand);
      this.info = this.resolveBrand();
    }
    if (changed.has('focusField')) {
      const previous = changed.get('focusField');
      if (this.focusField === 'code' && previous !== 'code') {
        if (this.side === 'front' && !this.info?.codeOnFront) {
          this.side = 'back';
          this.turnedForCode = true;
        }
      } else if (previous === 'code' && this.focusField !== 'code') {
        if (this.turnedForCode && this.side === 'back') this.side = 'front';
        this.turnedForCode = false;
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#line.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#line.disconnect();
  }

  override updated(): void {
    const line = this.renderRoot.querySelector('[part~="number"]');
    if (line) this.#line.draw(line, this.numberTexts());
  }

  /**
   * What typing does, digit by digit: when the digits keep the brand (so the layout) of what is
   * drawn, only the slots that changed are redrawn, and the card does not render. False when a
   * render is needed.
   */
  private drawTyped(): boolean {
    if (!this.hasUpdated || this.isUpdatePending || this.last4) return false;
    const value = this.#number;
    const digits = ASCII_DIGITS.test(value) ? value : normalizeDigits(value).digits;
    // a brand the host gave holds whatever is typed; a detected one must not change
    if (!this.brandGiven && detectBrand(digits) !== this.info) return false;
    return layoutLength(digits.length, this.info) === this.#line.length && this.#line.type(digits);
  }

  private numberTexts(): string[] {
    return this.last4 ? maskedTexts(normalizeDigits(this.last4).digits, this.info) : numberTexts(this.digits(), this.info);
  }

  private handleToggleClick() {
    this.side = this.side === 'back' ? 'front' : 'back';
    // the customer chose this side: leaving the code field must not undo it
    this.turnedForCode = false;
  }

  private resolveBrand(): BrandInfo | null {
    if (isCardBrand(this.brand)) return brandInfo(this.brand);
    if (this.last4) return null;
    return detectBrand(this.digits());
  }

  private digits(): string {
    return normalizeDigits(this.number ?? '').digits;
  }

  /** The number line; its slots are drawn by {@link NumberLine} after each render, and as digits are typed. */
  private renderNumber(active: boolean): TemplateResult {
    const long = layoutLength(this.last4 ? 0 : this.digits().length, this.info) > 16;
    return html`<div part="number ${active ? 'number-active' : ''}" class="number ${long ? 'long' : ''} ${active ? 'active' : ''}"></div>`;
  }

  /**
   * One of the two places the code box can be (front for Amex, back for the others). Both are always
   * drawn and the other one hidden, so a brand that moves the code switches two classes instead of
   * building one box and dropping the other. Only the shown one carries the `code` part.
   */
  private renderCode(place: 'front' | 'back', shown: boolean, active: boolean, label: string): TemplateResult {
    const size = this.info?.codeSize ?? 4;
    const typed = Math.min(Math.max(Math.trunc(Number(this.codeLength) || 0), 0), size);
    return html`<div class="${place}-code ${shown ? '' : 'away'}">
      <span class="caption">${label}</span>
      <div part=${shown ? `code ${active ? 'code-active' : ''}` : ''} class="code ${active ? 'active' : ''}">${PLACEHOLDER.repeat(typed)}</div>
    </div>`;
  }

  /** A face's background: a layer per brand painted so far, only the current one opaque (see the styles' `.look`). */
  private renderLooks(brand: CardBrand | null): TemplateResult[] {
    return this.looks.map((look) => html`<div class="look ${look ?? 'unknown'} ${look === brand ? '' : 'off'}"></div>`);
  }

  override render() {
    const t = translator(this.messages);
    const info = this.info;
    const codeOnFront = info?.codeOnFront ?? false;
    const flipped = this.side === 'back' && !codeOnFront;
    const focus = this.focusField;
    const codeActive = focus === 'code' || this.side === 'back';
    const codeLabel = info?.codeName ?? t('flipCodeLabel');
    const expiryDigits = normalizeDigits(this.expiry ?? '').digits;
    const name = (this.name ?? '').trim();
    const brand = info?.brand ?? null;
    if (!this.looks.includes(brand)) this.looks.push(brand);

    return html`
      <div part="card ${flipped ? 'card-flipped' : ''}" class="card ${flipped ? 'flipped' : ''}" data-brand=${info?.brand ?? 'unknown'}
        aria-hidden="true">
        <div class="flipper">
          <div part="front" class="face front">
            ${guard([info], () => this.renderLooks(brand))}
            <div part="brand">${guard([info], () => keptBrandMarks(this.marks, info?.brand ?? null))}</div>
            <div class="chip"></div>
            ${this.renderCode('front', codeOnFront, codeActive, codeLabel)}
            ${this.renderNumber(focus === 'number')}
            <div part="name ${focus === 'name' ? 'name-active' : ''}" class="${focus === 'name' ? 'active' : ''} ${name ? '' : 'placeholder'}">${name || t('flipNamePlaceholder')}</div>
            <div part="expiry ${focus === 'expiry' ? 'expiry-active' : ''}" class=${focus === 'expiry' ? 'active' : ''}>
              <span class="caption">${t('flipExpiryLabel')}</span>
              <span class=${expiryDigits ? '' : 'placeholder'}>${expiryText(expiryDigits, t('flipExpiryPlaceholder'))}</span>
            </div>
          </div>
          <div part="back" class="face back">
            ${guard([info], () => this.renderLooks(brand))}
            <div class="stripe"></div>
            <div class="signature">
              <div class="signature-strip"></div>
              ${this.renderCode('back', !codeOnFront, codeActive, codeLabel)}
            </div>
          </div>
        </div>
      </div>
      ${
        // The label says what pressing does and changes with the side, so no aria-pressed: the
        // APG button pattern forbids changing the label of a toggle button ("Show front, pressed"
        // reads as a contradiction). https://www.w3.org/WAI/ARIA/apg/patterns/button/
        // For Amex there is nothing to flip to: the button is hidden (not seen, focused or
        // announced) but keeps its place, so detecting the brand does not move the page below.
        html`<button part="toggle" class="toggle ${codeOnFront ? 'away' : ''}" type="button" @click=${this.handleToggleClick}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2"
            stroke-linecap="round" stroke-linejoin="round"><path d="M3 12a9 9 0 0 1 15.5-6.2L21 8M21 3v5h-5M21 12a9 9 0 0 1-15.5 6.2L3 16M3 21v-5h5"/></svg>
          ${this.side === 'back' ? t('flipShowFront') : t('flipShowBack')}
        </button>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cvv-flip': CvvFlip;
  }
}
