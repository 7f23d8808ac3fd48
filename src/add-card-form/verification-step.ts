/**
 * The verification step, shown in place of the form when the gateway asks the customer to prove
 * the card is theirs: a one-time code with "Verify", "Resend code" and "Cancel". A 3-D Secure
 * challenge needs the gateway's own client (the Stripe issue); until a tokenizer can run it, the
 * step says so and offers Cancel.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Verification } from '../endpoint/types.js';
import type { Translate } from '../i18n/translate.js';
import { isolate } from './isolate.js';

/** What the verification step shows. */
export interface VerificationView {
  t: Translate;
  verification: Verification;
  /** The code typed so far (a one-time code, not card data). */
  otp: string;
  error: string | null;
  /** A passing remark, such as "We sent a new code". */
  status: string;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onInput: (event: Event) => void;
  onResend: () => void;
  onCancel: () => void;
}

/** Renders the step (part `verification`). */
export function renderVerification(view: VerificationView): TemplateResult {
  const { t, verification, error, busy } = view;
  const otp = verification.kind === 'otp';
  const intro = !otp
    ? t('verifyUnsupported')
    : verification.sentTo
      ? t('verifyIntroSentTo', { sentTo: isolate(verification.sentTo) })
      : t('verifyIntro');
  const invalid = error !== null;
  const describedBy = ['verify-intro', invalid ? 'otp-error' : ''].filter(Boolean).join(' ');
  return html`<form part="verification" novalidate aria-labelledby="verify-heading" @submit=${view.onSubmit} @input=${view.onInput}>
    <p id="verify-heading" class="heading">${t('verifyHeading')}</p>
    <p id="verify-intro">${intro}</p>
    ${otp
      ? html`<div part="field">
          <label part="label" for="otp">${t('verifyCodeLabel')}</label>
          <input id="otp" data-field="otp" type="text" part="input ${invalid ? 'input-invalid' : ''}" autocomplete="one-time-code"
            inputmode="numeric" maxlength=${ifDefined(verification.codeLength)} spellcheck="false" .value=${live(view.otp)}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} />
          <div part="error" id="otp-error" aria-live="polite">${error ?? ''}</div>
        </div>`
      : nothing}
    <div class="actions">
      ${otp
        ? html`<button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t('verifyBusy')}` : t('verifySubmit')}
          </button>
          <button type="button" class="link" @click=${view.onResend} aria-disabled=${busy ? 'true' : 'false'}>${t('verifyResend')}</button>`
        : nothing}
      <button type="button" @click=${view.onCancel}>${t('verifyCancel')}</button>
    </div>
    <div role="status" class="verify-status">${view.status}</div>
  </form>`;
}
