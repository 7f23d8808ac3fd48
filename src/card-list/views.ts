/**
 * The card list's non-row views: skeleton, empty and error states, the removal dialog and the
 * replace progress. Plain template functions; the element passes its own handlers (Lit calls them
 * with the element as `this`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/translate.js';

type Handler = (event: Event) => void;

/** Three placeholder rows while the first load is on its way; the text is for assistive tech. */
export function skeleton(t: Translate): TemplateResult {
  const row = html`<li class="row" aria-hidden="true"><span class="bar"></span><span class="bar"></span><span class="bar"></span></li>`;
  return html`<div part="skeleton" class="skeleton" aria-busy="true">
    <p class="vh" role="status">${t('listLoading')}</p>
    <ul part="list" class="list" aria-hidden="true">${row}${row}${row}</ul>
  </div>`;
}

/** The empty state: a short explanation and the way to add (or pay with) a card. */
export function emptyState(t: Translate, action: TemplateResult | typeof nothing): TemplateResult {
  return html`<div part="empty" class="empty">
    <p class="title">${t('listEmptyTitle')}</p>
    <p>${t('listEmptyBody')}</p>
    ${action}
  </div>`;
}

/** The first load failed: what happened, and a retry unless retrying cannot help. */
export function errorState(text: string, t: Translate, retry: Handler | null): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <p class="title">${text}</p>
    ${retry ? html`<button type="button" part="button button-retry" class="primary" @click=${retry}>${t('listRetry')}</button>` : nothing}
  </div>`;
}

/** The removal confirmation: a modal `<dialog>` (focus kept inside, Escape closes it). */
export function removeDialog(title: string, t: Translate, confirm: Handler, cancel: Handler, close: Handler): TemplateResult {
  return html`<dialog part="dialog" class="dialog" aria-labelledby="remove-title" aria-describedby="remove-body" @close=${close}>
    <h2 id="remove-title" class="dialog-title">${title}</h2>
    <p id="remove-body" class="dialog-body">${t('listRemoveBody')}</p>
    <div class="dialog-actions">
      <button type="button" part="button button-cancel" class="cancel" @click=${cancel}>${t('listRemoveCancel')}</button>
      <button type="button" part="button button-confirm" class="danger confirm" @click=${confirm}>${t('listRemoveConfirm')}</button>
    </div>
  </dialog>`;
}

/** A step of replacing a card. */
export type StepState = 'pending' | 'active' | 'done' | 'failed';

/** One line of the replace progress. */
export interface Step {
  label: string;
  state: StepState;
}

const STEP_TEXT = { pending: 'listStepPending', active: 'listStepActive', done: 'listStepDone', failed: 'listStepFailed' } as const;

/** The replace progress: each step with its state in words (not colour alone). */
export function replaceSteps(title: string, steps: readonly Step[], t: Translate): TemplateResult {
  return html`<ol part="steps" class="steps" aria-label=${title}>
    ${steps.map(
      (s) => html`<li part="step step-${s.state}" class="step step-${s.state}" aria-current=${s.state === 'active' ? 'step' : nothing}>
        ${s.label}: <span class="step-state">${t(STEP_TEXT[s.state])}</span>
      </li>`,
    )}
  </ol>`;
}
