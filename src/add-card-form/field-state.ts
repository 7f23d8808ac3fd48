/**
 * When a field shows its error: the one rule of the form's validation UX (Lion's, without Lion's
 * machinery). Every field is validated on every input; whether the customer SEES the verdict
 * depends only on the flags below, so the rule can be tested as a table.
 */

/** The form's fields, in the order they appear (and the order focus looks for the first invalid one). */
export const FIELD_ORDER = [
  'number',
  'name',
  'expiry',
  'code',
  'addressChoice',
  'line1',
  'city',
  'region',
  'postalCode',
  'country',
  'funding',
  'terms',
] as const;

/** One of the form's fields. */
export type FieldName = (typeof FIELD_ORDER)[number];

/** The fields the customer types into (the others are choices). */
export type TextFieldName = Exclude<FieldName, 'addressChoice' | 'funding' | 'terms'>;

/** What the form knows about how the customer has handled one field. */
export interface FieldFlags {
  /** The customer has left the field (blur) at least once. */
  touched: boolean;
  /** The customer (or autofill) has changed the value. */
  dirty: boolean;
  /**
   * The value arrived without the customer typing it while the field had focus: autofill that filled
   * several fields at once, or a saved address. An invalid prefilled value is shown at once, since
   * nobody is about to finish typing it.
   */
  prefilled: boolean;
}

/** A field nobody has touched. */
export const PRISTINE: FieldFlags = Object.freeze({ touched: false, dirty: false, prefilled: false });

/** The inputs of {@link errorVisible}. */
export interface VisibilityInput {
  flags: FieldFlags;
  /** The customer tried to submit the form at least once since it was last reset. */
  submitted: boolean;
  /** The field's value is invalid now (judged as final). */
  invalid: boolean;
  /** The value can no longer become valid however the customer goes on typing (a number with a wrong prefix). */
  impossible?: boolean;
}

/**
 * Whether a field shows its error: `(touched && dirty) || prefilled || submitted`, and at once for a
 * value that can no longer become valid. A valid field never shows one, so errors clear as soon as
 * the value becomes valid.
 */
export function errorVisible({ flags, submitted, invalid, impossible = false }: VisibilityInput): boolean {
  if (!invalid) return false;
  return impossible || submitted || flags.prefilled || (flags.touched && flags.dirty);
}

/** The first field in form order whose verdict is an error, or `null`. */
export function firstInvalid(errors: Partial<Record<FieldName, unknown>>): FieldName | null {
  return FIELD_ORDER.find((name) => errors[name] != null) ?? null;
}
