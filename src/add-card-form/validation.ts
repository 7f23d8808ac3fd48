/**
 * The whole form's verdict, recomputed on every input from the values alone: which fields are
 * invalid and why (a message key), the detected brand, and the parsed expiry. Pure: the element
 * decides what to show with `errorVisible`.
 */
import { brandInfo, type BrandInfo, type CardBrand } from '../core/brands.js';
import { numberState } from '../core/card-number.js';
import { expiryState, type Expiry } from '../core/expiry.js';
import { nameState } from '../core/name.js';
import { postalCodeState } from '../core/postal-code.js';
import { codeState } from '../core/security-code.js';
import type { MessageKey } from '../i18n/index.js';
import type { MessageParams } from '../i18n/format.js';
import type { FieldName } from './field-state.js';

/** What the customer has entered. The number and code are digits only. */
export interface FormValues {
  number: string;
  name: string;
  expiry: string;
  code: string;
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  /** `billing`/`shipping`: an address on file; `new`: the fields; `''`: no choice offered. */
  addressChoice: 'billing' | 'shipping' | 'new' | '';
  funding: 'credit' | 'debit' | '';
  terms: boolean;
}

/** What the host asked for. */
export interface FormRules {
  /** Brands accepted; empty means all. */
  accepted: readonly CardBrand[];
  now: Date;
  /** Address fields must be filled in (the host did not make them optional). */
  addressRequired: boolean;
  /** The address fields hold an address on file (locked): the server has it, nothing to judge here. */
  addressLocked: boolean;
  fundingChoice: boolean;
  requireTerms: boolean;
}

/** One problem: a message key and its parameters. */
export interface Problem {
  key: MessageKey;
  params?: MessageParams;
}

/** The verdict on the whole form. */
export interface Validation {
  errors: Partial<Record<FieldName, Problem>>;
  /** The number can no longer become valid, so its error shows at once. */
  numberImpossible: boolean;
  brand: BrandInfo | null;
  expiry: Expiry | null;
}

/**
 * Countries and territories whose addresses carry no postal code (after Google's libaddressinput
 * data): a required postal code would lock their customers out. Pure data that belongs in the core's
 * postal-code module; kept here until it moves there.
 */
const NO_POSTAL_CODE: ReadonlySet<string> = new Set(
  ('AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM KN KP LY ML MO MR MW ' +
    'NR NU QA RW SB SC SL SR SS ST SY TD TF TG TK TL TO TV UG VU YE ZW').split(' '),
);

/** Whether `country` uses postal codes at all. */
export function usesPostalCode(country: string): boolean {
  return !NO_POSTAL_CODE.has(country.toUpperCase());
}

const REQUIRED_KEYS = { line1: 'line1Required', city: 'cityRequired', region: 'regionRequired', country: 'countryRequired' } as const;

/** Validates every field as if the customer were done with it. */
export function validateForm(values: FormValues, rules: FormRules): Validation {
  const errors: Partial<Record<FieldName, Problem>> = {};

  const number = numberState(values.number, { accepted: rules.accepted, final: true });
  const typing = numberState(values.number, { accepted: rules.accepted, final: false });
  const brand = number.status === 'empty' ? null : number.brand;
  if (number.status === 'invalid') {
    errors.number = { key: number.reason, params: brandParams(number.brand, rules.accepted) };
  }

  const name = nameState(values.name, { final: true });
  if (name.status === 'invalid') errors.name = { key: name.reason };

  const expiry = expiryState(values.expiry, { now: rules.now, final: true });
  if (expiry.status === 'invalid') errors.expiry = { key: expiry.reason };

  const code = codeState(values.code, brand, { final: true });
  if (code.status === 'invalid') errors.code = { key: code.reason, params: { length: brand?.codeSize ?? 3 } };

  if (!rules.addressLocked) {
    for (const field of ['line1', 'city', 'region', 'country'] as const) {
      if (rules.addressRequired && values[field].trim() === '') errors[field] = { key: REQUIRED_KEYS[field] };
    }
    const postal = postalCodeState(values.postalCode, values.country, { final: true });
    // an optional address (or a country without postal codes) may leave it empty, but a typed one must still be right
    const postalRequired = rules.addressRequired && usesPostalCode(values.country);
    if (postal.status === 'invalid' && (postalRequired || values.postalCode.trim() !== '')) {
      errors.postalCode = { key: postal.reason };
    }
  }

  if (rules.fundingChoice && values.funding === '') errors.funding = { key: 'fundingRequired' };
  if (rules.requireTerms && !values.terms) errors.terms = { key: 'termsRequired' };

  return {
    errors,
    numberImpossible: typing.status === 'invalid',
    brand,
    expiry: expiry.status === 'valid' ? expiry.expiry : null,
  };
}

/** Parameters for number messages: the brand's name and the accepted brands' names. */
function brandParams(brand: BrandInfo | null, accepted: readonly CardBrand[]): MessageParams {
  return { brand: brand?.displayName ?? '', accepted: accepted.map((b) => brandInfo(b).displayName).join(', ') };
}
