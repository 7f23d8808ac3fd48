/**
 * When a field shows its error: the one rule of the form's validation UX (Lion's, with Stripe
 * Elements' "don't punish while typing"). Every field is validated on every input; whether the
 * customer SEES the verdict depends only on the flags below, so the rule can be tested as a table.
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
  /**
   * The customer changed the value since the field last got focus, and focus is still there. Focus
   * alone does not set it: a screen-reader user tabbing back to a field must still hear its error.
   */
  editing: boolean;
}

/** A field nobody has touched. */
export const PRISTINE: FieldFlags = Object.freeze({ touched: false, dirty: false, prefilled: false, editing: false });

/** The inputs of {@link errorVisible}. */
export interface VisibilityInput {
  flags: FieldFlags;
  /** The customer tried to submit the form at least once since it was last reset. */
  submitted: boolean;
  /** The field's value is invalid now (judged as final). */
  invalid: boolean;
  /**
   * Typing more cannot fix the value (a number with a wrong prefix, letters in the code, a complete
   * expiry in the past); an empty or unfinished value can still be fixed.
   */
  impossible?: boolean;
}

/**
 * Whether a field shows its error.
 *
 * | value                     | shows                                                          |
 * | ------------------------- | -------------------------------------------------------------- |
 * | valid                     | never: an error clears as soon as the value becomes valid      |
 * | typing cannot fix it      | at once                                                        |
 * | after a submit attempt    | at once, while typing too                                      |
 * | edited since focus        | not until the field loses focus (empty, unfinished)            |
 * | otherwise                 | `(touched && dirty) \|\| prefilled`                            |
 *
 * So a customer fixing a field they left wrong is not told "incomplete" after every key while
 * they finish it (Stripe Elements' rule), yet the error stays while they merely visit it.
 */
export function errorVisible({ flags, submitted, invalid, impossible = false }: VisibilityInput): boolean {
  if (!invalid) return false;
  if (impossible || submitted) return true;
  return !flags.editing && (flags.prefilled || (flags.touched && flags.dirty));
}

/** The first field in form order whose verdict is an error, or `null`. */
export function firstInvalid(errors: Partial<Record<FieldName, unknown>>): FieldName | null {
  return FIELD_ORDER.find((name) => errors[name] != null) ?? null;
}
