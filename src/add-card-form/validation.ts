/**
 * The form's verdict, field by field: which fields are invalid and why (a message key), the detected
 * brand and the parsed expiry. Each field is judged again only when its own value (or a rule it
 * depends on) changed, so a keystroke in the card number judges the card number and nothing else.
 * Pure apart from remembering each field's last answer; the element decides what to show with
 * `errorVisible`.
 */
import { brandInfo, type BrandInfo, type CardBrand } from '../core/brands.js';
import { numberState, type NumberState } from '../core/card-number.js';
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
  /** The fields whose error typing more cannot fix (see `errorVisible`): those errors show at once. */
  impossible: Partial<Record<FieldName, boolean>>;
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

type AddressField = 'line1' | 'city' | 'region' | 'postalCode' | 'country';
type AddressProblems = Partial<Record<AddressField, Problem>>;
/** The address's problems, and whether typing more could still fix the postal code's (a missing line always can). */
interface AddressVerdict {
  errors: AddressProblems;
  postalImpossible: boolean;
}
const REQUIRED_KEYS = { line1: 'line1Required', city: 'cityRequired', region: 'regionRequired', country: 'countryRequired' } as const;

/** A field's problem as if the customer were done, and whether typing more could still fix it. */
export interface Verdict {
  problem: Problem | undefined;
  /** Typing more cannot fix it: the problem shows at once. */
  impossible: boolean;
}

/** The card number's verdict, with the brand. */
export interface NumberVerdict extends Verdict {
  brand: BrandInfo | null;
}

const FINE: Verdict = Object.freeze({ problem: undefined, impossible: false });

function judgeNumber(typing: NumberState, digits: string, accepted: readonly CardBrand[]): NumberVerdict {
  // "final" differs from "typing" only for an empty or unfinished number
  const done = typing.status === 'typing' || typing.status === 'empty' ? numberState(digits, { accepted, final: true }) : typing;
  const brand = done.status === 'empty' ? null : done.brand;
  return {
    problem: done.status === 'invalid' ? { key: done.reason, params: brandParams(done.brand, accepted) } : undefined,
    // a complete length that fails Luhn is a typo, said at once (as Stripe does) even where the brand
    // also issues longer numbers: a 19-digit Visa is rare, a mistyped 16-digit one is not
    impossible: typing.status === 'invalid' || (done.status === 'invalid' && done.reason === 'numberChecksum'),
    brand,
  };
}

function judgeAddress(line1: string, city: string, region: string, postalCode: string, country: string, required: boolean): AddressVerdict {
  const errors: AddressProblems = {};
  const values = { line1, city, region, country };
  for (const field of ['line1', 'city', 'region', 'country'] as const) {
    if (required && values[field].trim() === '') errors[field] = { key: REQUIRED_KEYS[field] };
  }
  const postal = postalCodeState(postalCode, country, { final: true });
  // an optional address (or a country without postal codes) may leave it empty, but a typed one must still be right
  const postalRequired = required && usesPostalCode(country);
  if (postal.status === 'invalid' && (postalRequired || postalCode.trim() !== '')) errors.postalCode = { key: postal.reason };
  const postalImpossible = errors.postalCode !== undefined && postalCodeState(postalCode, country).status === 'invalid';
  return { errors, postalImpossible };
}

/** `judge`, answering again from memory while its arguments are the same (`===`) as last time. */
function remembered<A extends unknown[], R>(judge: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let answer!: R;
  return (...args: A): R => {
    if (last === null || args.some((arg, i) => arg !== last![i])) {
      answer = judge(...args);
      last = args;
    }
    return answer;
  };
}

/** Judges one form's fields, each as if the customer were done with it, remembering each field's last answer. */
export class FormValidator {
  private readonly typing = remembered((digits: string, accepted: readonly CardBrand[]) => numberState(digits, { accepted }));
  private readonly number = remembered(judgeNumber);
  private readonly name = remembered((name: string): Verdict => {
    const state = nameState(name, { final: true });
    // only emptiness waits for the customer to be done
    return state.status === 'invalid' ? { problem: { key: state.reason }, impossible: state.reason !== 'nameRequired' } : FINE;
  });
  // judged by the month of `now` only, so a clock that moves between keystrokes does not re-judge it
  private readonly expiry = remembered((expiry: string, year: number, month: number): Verdict & { expiry: Expiry | null } => {
    const now = new Date(2000, month, 1);
    now.setFullYear(year);
    const state = expiryState(expiry, { now, final: true });
    if (state.status === 'invalid') {
      return { problem: { key: state.reason }, impossible: expiryState(expiry, { now }).status === 'invalid', expiry: null };
    }
    return { ...FINE, expiry: state.status === 'valid' ? state.expiry : null };
  });
  private readonly code = remembered((code: string, brand: BrandInfo | null): Verdict => {
    const state = codeState(code, brand, { final: true });
    if (state.status !== 'invalid') return FINE;
    return { problem: { key: state.reason, params: { length: brand?.codeSize ?? 3 } }, impossible: codeState(code, brand).status === 'invalid' };
  });
  private readonly address = remembered(judgeAddress);

  /** The number's verdict alone: its brand, its problem, and whether it can no longer become valid. */
  numberVerdict(number: string, accepted: readonly CardBrand[]): NumberVerdict {
    return this.number(this.typing(number, accepted), number, accepted);
  }

  /** Validates every field as if the customer were done with it. */
  validate(values: FormValues, rules: FormRules): Validation {
    const number = this.numberVerdict(values.number, rules.accepted);
    const expiry = this.expiry(values.expiry, rules.now.getFullYear(), rules.now.getMonth());
    const name = this.name(values.name);
    const code = this.code(values.code, number.brand);
    const address = rules.addressLocked
      ? null
      : this.address(values.line1, values.city, values.region, values.postalCode, values.country, rules.addressRequired);
    const errors: Partial<Record<FieldName, Problem>> = {
      number: number.problem,
      name: name.problem,
      expiry: expiry.problem,
      code: code.problem,
      ...address?.errors,
    };
    if (rules.fundingChoice && values.funding === '') errors.funding = { key: 'fundingRequired' };
    if (rules.requireTerms && !values.terms) errors.terms = { key: 'termsRequired' };
    const impossible = {
      number: number.impossible,
      name: name.impossible,
      expiry: expiry.impossible,
      code: code.impossible,
      postalCode: address?.postalImpossible ?? false,
    };
    return { errors, impossible, brand: number.brand, expiry: expiry.expiry };
  }
}

/** Parameters for number messages: the brand's name and the accepted brands' names. */
function brandParams(brand: BrandInfo | null, accepted: readonly CardBrand[]): MessageParams {
  return { brand: brand?.displayName ?? '', accepted: accepted.map((b) => brandInfo(b).displayName).join(', ') };
}
