/**
 * The options under the address: save the card (pay mode), make it the default, credit or debit,
 * and the terms. Each appears only when the host asks for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translate } from '../i18n/translate.js';

/** What the options section shows. */
export interface OptionsView {
  t: Translate;
  showSave: boolean;
  saveCard: boolean;
  showDefault: boolean;
  setDefault: boolean;
  fundingChoice: boolean;
  funding: 'credit' | 'debit' | '';
  fundingError: string | null;
  requireTerms: boolean;
  terms: boolean;
  termsError: string | null;
}

function renderFunding(view: OptionsView): TemplateResult {
  const { t } = view;
  const invalid = view.fundingError !== null;
  return html`<fieldset id="funding" class="funding" aria-describedby=${ifDefined(invalid ? 'funding-error' : undefined)}>
    <legend part="label">${t('fundingLegend')}</legend>
    ${(['credit', 'debit'] as const).map(
      (kind) => html`<label class="choice">
        <input type="radio" name="funding" data-field="funding" .value=${kind} .checked=${live(view.funding === kind)}
          part=${invalid ? 'input-invalid' : ''} aria-invalid=${invalid ? 'true' : 'false'} />
        <span>${kind === 'credit' ? t('fundingCredit') : t('fundingDebit')}</span>
      </label>`,
    )}
    <div part="error" id="funding-error" aria-live="polite">${view.fundingError ?? ''}</div>
  </fieldset>`;
}

function renderTerms(view: OptionsView): TemplateResult {
  const invalid = view.termsError !== null;
  return html`<div part="field" class="terms">
    <div class="choice">
      <input id="terms" type="checkbox" data-field="terms" .checked=${live(view.terms)} aria-required="true"
        part=${invalid ? 'input-invalid' : ''} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${ifDefined(invalid ? 'terms-error' : undefined)} />
      <label for="terms"><slot name="terms">${view.t('termsDefault')}</slot></label>
    </div>
    <div part="error" id="terms-error" aria-live="polite">${view.termsError ?? ''}</div>
  </div>`;
}

/** Renders the options (part `options`), or nothing when the host offers none. */
export function renderOptions(view: OptionsView): TemplateResult | typeof nothing {
  const { t } = view;
  if (!view.showSave && !view.showDefault && !view.fundingChoice && !view.requireTerms) return nothing;
  return html`<div part="options" class="options">
    ${view.fundingChoice ? renderFunding(view) : nothing}
    ${view.showSave
      ? html`<label class="choice"><input type="checkbox" data-field="saveCard" .checked=${live(view.saveCard)} />
          <span>${t('saveCardLabel')}</span></label>`
      : nothing}
    ${view.showDefault
      ? html`<label class="choice"><input type="checkbox" data-field="setDefault" .checked=${live(view.setDefault)} />
          <span>${t('setDefaultLabel')}</span></label>`
      : nothing}
    ${view.requireTerms ? renderTerms(view) : nothing}
  </div>`;
}
