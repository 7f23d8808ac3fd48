/**
 * The card fields: number (with the brand mark), name, expiry, security code. The number, expiry
 * and code read left to right in a right-to-left page too (`dir="ltr"`), as printed on the card;
 * the name follows the page. One render function,
 * so a gateway that mounts its own fields (Stripe) replaces exactly this part of the form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { brandMark, keptBrandMarks } from '../brand-marks/brand-marks.js';
import type { BrandInfo, CardBrand } from '../core/brands.js';
import { maskLast4 } from '../core/mask.js';
import { codeLength } from '../core/security-code.js';
import type { Translate } from '../i18n/translate.js';
import { textField } from './field.js';

/** What the card fields show. */
export interface CardFieldsView {
  t: Translate;
  brand: BrandInfo | null;
  name: string;
  expiry: string;
  errors: { number: string | null; name: string | null; expiry: string | null; code: string | null };
  /** The form is busy: nothing may change under a request in flight. */
  readonly: boolean;
  /**
   * The card the tokenizer already took, shown masked in place of the number, expiry and code (which
   * were emptied) while its token can still be sent; null or absent when the card must be typed.
   */
  held?: HeldCardView | null;
  /** "Use another card" was pressed beside the held card. */
  onUseAnotherCard?: () => void;
  /** The brands whose marks were shown beside the number so far (see `keptBrandMarks`); kept by the caller. */
  marks?: (CardBrand | null)[];
}

/** A tokenized card, as the form shows it: masked facts only. */
export interface HeldCardView {
  brand: CardBrand;
  /** "Visa". */
  brandName: string;
  /** Exactly four digits, or '' when the gateway did not say. */
  last4: string;
}

/**
 * The held card: "Visa •••• 4242" and "Use another card", a group labelled like the number field it
 * replaces (part `held-card`; the button is part `change-card`).
 */
function renderHeldCard(view: CardFieldsView, held: HeldCardView): TemplateResult {
  const { t } = view;
  const masked = /^[0-9]{4}$/.test(held.last4) ? maskLast4(held.last4) : '';
  // Reuses the list's "Use another card" wording: the form has no message of its own for it yet.
  return html`<div part="field held-card" class="field-number" role="group" aria-labelledby="held-label held-number">
    <span part="label" id="held-label">${t('numberLabel')}</span>
    <div class="control held">
      <span part="brand">${brandMark(held.brand)}</span>
      <span id="held-number" class="held-number">${held.brandName}${masked ? ` ${masked}` : nothing}</span>
      <button type="button" class="link" part="change-card" aria-disabled=${view.readonly ? 'true' : 'false'} @click=${view.onUseAnotherCard}>
        ${t('formUseAnotherCard')}
      </button>
    </div>
  </div>`;
}

/** The security code's hint: where to find it and how many digits, following the brand. */
export function codeHint(t: Translate, brand: BrandInfo | null): string {
  const length = codeLength(brand);
  return brand?.codeOnFront ? t('codeHintFront', { length }) : t('codeHintBack', { length });
}

/**
 * Both places the code hint can name, for `brand`: the back (every brand but Amex) and the front
 * (Amex, 4 digits). The brand's own is the text `codeHint` gives.
 */
function codeHints(t: Translate, brand: BrandInfo | null): [back: string, front: string] {
  const length = codeLength(brand);
  return [t('codeHintBack', { length: brand?.codeOnFront ? 3 : length }), t('codeHintFront', { length: brand?.codeOnFront ? length : 4 })];
}

/**
 * Renders the four card fields. The number and code inputs carry no value binding (see `textField`).
 * Each field renders again only when what it shows changed (`t` is the same function while the
 * messages are), so a keystroke that changes the number's error or brand leaves the others alone.
 */
export function renderCardFields(view: CardFieldsView): TemplateResult {
  const { t, brand, errors, readonly } = view;
  const name = guard([t, errors.name, view.name, readonly], () =>
    textField({ field: 'name', label: t('nameLabel'), autocomplete: 'cc-name', error: errors.name, value: view.name, readonly }),
  );
  if (view.held) return html`${renderHeldCard(view, view.held)} ${name}`;
  const id = brand?.brand ?? null;
  // no maxlength on any card field: the browser would cut a paste ("4242 - 4242 - …") before the
  // formatter could clean it; the formatters cap the digits instead
  return html`
    ${guard([t, id, errors.number, readonly], () =>
      textField({
        field: 'number',
        label: t('numberLabel'),
        autocomplete: 'cc-number',
        inputmode: 'numeric',
        dir: 'ltr',
        error: errors.number,
        readonly,
        adornment: view.marks
          ? html`<span part="brand" class="marks">${keptBrandMarks(view.marks, id)}</span>`
          : html`<span part="brand">${brandMark(id)}</span>`,
      }),
    )}
    ${name}
    <div part="row">
      ${guard([t, errors.expiry, view.expiry, readonly], () =>
        textField({
          field: 'expiry',
          label: t('expiryLabel'),
          autocomplete: 'cc-exp',
          inputmode: 'numeric',
          dir: 'ltr',
          placeholder: t('expiryPlaceholder'),
          error: errors.expiry,
          value: view.expiry,
          readonly,
        }),
      )}
      ${guard([t, brand?.codeSize, brand?.codeOnFront, errors.code, readonly], () => {
        const hints = codeHints(t, brand);
        return textField({
          field: 'code',
          label: t('codeLabel'),
          autocomplete: 'cc-csc',
          inputmode: 'numeric',
          dir: 'ltr',
          hint: hints[brand?.codeOnFront ? 1 : 0],
          hints,
          error: errors.code,
          readonly,
        });
      })}
    </div>
  `;
}
