/**
 * The markup every text field shares: a visible label, the control, an optional hint, and an error
 * container that is always present (so the polite live region exists before it has anything to
 * say). The error's id joins `aria-describedby` only while the error shows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { TextFieldName } from './field-state.js';

/** Describes one text field. */
export interface TextFieldSpec {
  field: TextFieldName;
  label: string;
  autocomplete: string;
  /** The error to show, or null while there is none or it must not show yet. */
  error: string | null;
  hint?: string;
  /**
   * Every hint the field may switch between (`hint` is one of them): all are drawn in one place,
   * stacked, and only `hint` is visible, so switching shows another and lays out nothing.
   */
  hints?: readonly string[];
  inputmode?: 'numeric' | 'text';
  /**
   * The value to show. Leave undefined for the card number and security code: those live in the
   * input only, so they are never held by a template binding that outlives a wipe.
   */
  value?: string;
  readonly?: boolean;
  placeholder?: string;
  /** Something drawn inside the control (the brand mark beside the number). */
  adornment?: TemplateResult | typeof nothing;
  /**
   * `ltr` for digits that must read left to right in a right-to-left page (number, expiry, code):
   * set on the input and on its control, so the brand mark sits at the number's end too.
   */
  dir?: 'ltr';
}

/** The ids in `aria-describedby` for a field: its hint, and its error while shown. */
export function describedBy(field: string, hasHint: boolean, errorShown: boolean): string | undefined {
  const ids = [hasHint ? `${field}-hint` : '', errorShown ? `${field}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Renders a labelled text input with hint and error. */
export function textField(spec: TextFieldSpec): TemplateResult {
  const { field, error } = spec;
  const invalid = error !== null;
  const shownHint = spec.hint === undefined ? -1 : (spec.hints?.indexOf(spec.hint) ?? -1);
  const input =
    spec.value === undefined
      ? html`<input id=${field} data-field=${field} type="text" part="input ${invalid ? 'input-invalid' : ''}" dir=${ifDefined(spec.dir)}
          autocomplete=${spec.autocomplete} inputmode=${ifDefined(spec.inputmode)}
          placeholder=${ifDefined(spec.placeholder)} spellcheck="false" autocorrect="off" autocapitalize="off"
          ?readonly=${spec.readonly} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(field, Boolean(spec.hint), invalid))} />`
      : html`<input id=${field} data-field=${field} type="text" part="input ${invalid ? 'input-invalid' : ''}" dir=${ifDefined(spec.dir)}
          autocomplete=${spec.autocomplete} inputmode=${ifDefined(spec.inputmode)}
          placeholder=${ifDefined(spec.placeholder)} spellcheck="false"
          .value=${live(spec.value)} ?readonly=${spec.readonly} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(field, Boolean(spec.hint), invalid))} />`;
  return html`<div part="field" class="field-${field}">
    <label part="label" for=${field}>${spec.label}</label>
    <div class=${spec.adornment ? 'control text adorned' : 'control text'} dir=${ifDefined(spec.dir)}>${input}${spec.adornment ?? nothing}</div>
    ${spec.hints
      ? html`<div part="hint" class="hints">${spec.hints.map(
          // by place, not by text: two hints a host translated alike must not both carry the id
          (text, i) => html`<span id=${ifDefined(i === shownHint ? `${field}-hint` : undefined)} class=${i === shownHint ? '' : 'off'}>${text}</span>`,
        )}</div>`
      : spec.hint
        ? html`<div part="hint" id="${field}-hint">${spec.hint}</div>`
        : nothing}
    <div part="error" id="${field}-error" aria-live="polite">${error ?? ''}</div>
  </div>`;
}
