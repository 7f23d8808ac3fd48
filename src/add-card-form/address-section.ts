/**
 * The billing address: a choice between the addresses on file and a new one (when the host has
 * any), then line, city, region, postal code and country. Choosing an address on file fills the
 * fields and locks them; the request then names the saved address by id.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { postalCodeLabelKey } from '../core/postal-code.js';
import type { Address, BillingAddressInput, SavedAddress } from '../endpoint/types.js';
import type { Translate } from '../i18n/translate.js';
import { describedBy, textField } from './field.js';
import { isolate } from './isolate.js';
import type { CountryOption } from './locale.js';

/** Which billing address the customer picked. */
export type AddressChoice = 'billing' | 'shipping' | 'new';

/** The address fields' values. */
export interface AddressValues {
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

/** The first billing and first shipping address on file: the choices the form offers. */
export function addressOnFile(addresses: readonly SavedAddress[], choice: AddressChoice): SavedAddress | null {
  if (choice === 'new') return null;
  return addresses.find((a) => a.kind === choice) ?? null;
}

/** The choices to offer, in order; none when there is nothing on file. */
export function addressChoices(addresses: readonly SavedAddress[]): AddressChoice[] {
  const choices = (['billing', 'shipping'] as const).filter((c) => addressOnFile(addresses, c));
  return choices.length ? [...choices, 'new'] : [];
}

/**
 * The choice to start with: the billing address on file when there is one. A shipping address is
 * never picked for the customer: it may not be the card's billing address.
 */
export function defaultAddressChoice(addresses: readonly SavedAddress[]): AddressChoice {
  return addressOnFile(addresses, 'billing') ? 'billing' : 'new';
}

/** The field values for an address on file. */
export function valuesOf(address: Address): AddressValues {
  return { line1: address.line1, city: address.city, region: address.region, postalCode: address.postalCode, country: address.country };
}

/** What the host endpoint receives as the billing address. */
export function billingInput(choice: AddressChoice | '', saved: SavedAddress | null, values: AddressValues, postalCode: string): BillingAddressInput {
  if (choice !== 'new' && choice !== '' && saved) return { savedAddressId: saved.id };
  return { address: { line1: values.line1.trim(), city: values.city.trim(), region: values.region.trim(), postalCode, country: values.country } };
}

/** What the address section shows. */
export interface AddressView {
  t: Translate;
  values: AddressValues;
  addresses: readonly SavedAddress[];
  choice: AddressChoice | '';
  countries: readonly CountryOption[];
  errors: { line1: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null };
  readonly: boolean;
}

function summary(t: Translate, address: SavedAddress, countries: readonly CountryOption[]): string {
  const country = countries.find((c) => c.code === address.country)?.name ?? address.country;
  const values: Record<string, string> = { ...valuesOf(address), country };
  // each value comes from the endpoint: a bidi override in one must not reorder the others
  return t('addressSummary', Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isolate(value)])));
}

function renderChoices(view: AddressView): TemplateResult | typeof nothing {
  const { t } = view;
  const choices = addressChoices(view.addresses);
  if (!choices.length) return nothing;
  const labels = { billing: t('addressChoiceBilling'), shipping: t('addressChoiceShipping'), new: t('addressChoiceNew') };
  return html`<fieldset class="address-choice">
    <legend class="visually-hidden">${t('addressChoiceLegend')}</legend>
    ${choices.map((choice) => {
      const saved = addressOnFile(view.addresses, choice);
      return html`<label class="choice">
        <input type="radio" name="address-choice" data-field="addressChoice" .value=${choice}
          .checked=${live(view.choice === choice)} ?disabled=${view.readonly} />
        <span>${labels[choice]}${saved ? html` <span class="detail">${summary(t, saved, view.countries)}</span>` : nothing}</span>
      </label>`;
    })}
  </fieldset>`;
}

/** Renders the billing-address section (part `address`). */
export function renderAddress(view: AddressView): TemplateResult {
  const { t, values, errors } = view;
  const locked = view.choice === 'billing' || view.choice === 'shipping';
  const readonly = locked || view.readonly;
  const countryError = errors.country;
  return html`<fieldset part="address">
    <legend>${t('addressLegend')}</legend>
    ${renderChoices(view)}
    ${textField({ field: 'line1', label: t('line1Label'), autocomplete: 'billing address-line1', value: values.line1, error: errors.line1, readonly })}
    <div part="row">
      ${textField({ field: 'city', label: t('cityLabel'), autocomplete: 'billing address-level2', value: values.city, error: errors.city, readonly })}
      ${textField({ field: 'region', label: t('regionLabel'), autocomplete: 'billing address-level1', value: values.region, error: errors.region, readonly })}
    </div>
    <div part="row">
      ${textField({
        field: 'postalCode',
        label: t(postalCodeLabelKey(values.country)),
        autocomplete: 'billing postal-code',
        value: values.postalCode,
        error: errors.postalCode,
        readonly,
      })}
      <div part="field" class="field-country">
        <label part="label" for="country">${t('countryLabel')}</label>
        <div class="control">
          <select id="country" data-field="country" part="input ${countryError ? 'input-invalid' : ''}" autocomplete="billing country"
            ?disabled=${readonly} aria-invalid=${countryError ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy('country', false, countryError !== null))}>
            <option value="" .selected=${values.country === ''}></option>
            ${view.countries.map((c) => html`<option value=${c.code} .selected=${c.code === values.country}>${c.name}</option>`)}
          </select>
        </div>
        <div part="error" id="country-error" aria-live="polite">${countryError ?? ''}</div>
      </div>
    </div>
  </fieldset>`;
}
