/**
 * The card fields: number (with the brand mark), name, expiry, security code. One render function,
 * so a gateway that mounts its own fields (Stripe) replaces exactly this part of the form.
 */
import { html, type TemplateResult } from 'lit';
import { brandMark } from '../brand-marks/brand-marks.js';
import type { BrandInfo } from '../core/brands.js';
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
}

/** The security code's hint: where to find it and how many digits, following the brand. */
export function codeHint(t: Translate, brand: BrandInfo | null): string {
  const length = codeLength(brand);
  return brand?.codeOnFront ? t('codeHintFront', { length }) : t('codeHintBack', { length });
}

/** Renders the four card fields. The number and code inputs carry no value binding (see `textField`). */
export function renderCardFields(view: CardFieldsView): TemplateResult {
  const { t, brand, errors } = view;
  // no maxlength on any card field: the browser would cut a paste ("4242 - 4242 - …") before the
  // formatter could clean it; the formatters cap the digits instead
  return html`
    ${textField({
      field: 'number',
      label: t('numberLabel'),
      autocomplete: 'cc-number',
      inputmode: 'numeric',
      error: errors.number,
      readonly: view.readonly,
      adornment: html`<span part="brand">${brandMark(brand?.brand ?? null)}</span>`,
    })}
    ${textField({
      field: 'name',
      label: t('nameLabel'),
      autocomplete: 'cc-name',
      error: errors.name,
      value: view.name,
      readonly: view.readonly,
    })}
    <div part="row">
      ${textField({
        field: 'expiry',
        label: t('expiryLabel'),
        autocomplete: 'cc-exp',
        inputmode: 'numeric',
        placeholder: t('expiryPlaceholder'),
        error: errors.expiry,
        value: view.expiry,
        readonly: view.readonly,
      })}
      ${textField({
        field: 'code',
        label: t('codeLabel'),
        autocomplete: 'cc-csc',
        inputmode: 'numeric',
        hint: codeHint(t, brand),
        error: errors.code,
        readonly: view.readonly,
      })}
    </div>
  `;
}
