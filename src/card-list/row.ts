/**
 * One card's row. Kept cheap because a list may hold a thousand: plain text bindings, no per-row
 * event listeners (the list delegates clicks by `data-action`), and every string worked out by the
 * caller once per change of the row's inputs.
 *
 * Everything from the endpoint (name on card) is bound as text inside `<bdi>`, so markup stays
 * characters and right-to-left or override controls cannot reorder the row around it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { brandMark } from '../brand-marks/brand-marks.js';
import type { ExpiryStatus } from '../core/expiry.js';
import type { SavedCard } from '../endpoint/types.js';
import type { RemovalBlockedCode } from '../events/removal-blocked.js';
import type { Translate } from '../i18n/translate.js';
import type { BusyKind } from './list-store.js';
import { BLOCKED_MESSAGE } from './rules.js';

/** What a row shows besides the card itself; worked out by the list. */
export interface RowState {
  /** An id prefix safe for `id` / `aria-describedby` (card ids come from the server and may hold spaces). */
  domId: string;
  /** "Visa ending in 2222". */
  label: string;
  brandName: string;
  /** The masked number, per the list's `mask-pattern`. */
  number: string;
  /** "12/30". */
  expiry: string;
  status: ExpiryStatus;
  /** Why Remove is unavailable, or `null`. */
  blocked: RemovalBlockedCode | null;
  canDefault: boolean;
  canReplace: boolean;
  busy: BusyKind | null;
  /** Actions unavailable for now (offline, or a request for this row on its way). */
  locked: boolean;
  /** The id of the note that says why actions are locked (the offline note), or `''`. */
  lockedBy: string;
}

/** The row's parts, with state as extra part names (`row-default`, `row-expired`, …). */
function rowParts(card: SavedCard, row: RowState, selected: boolean): string {
  let parts = 'row';
  if (card.isDefault) parts += ' row-default';
  if (row.status === 'expired') parts += ' row-expired';
  if (row.status === 'expiring') parts += ' row-expiring';
  if (row.busy) parts += ' row-busy';
  if (selected) parts += ' row-selected';
  return parts;
}

/** The card's facts: brand, number, name, expiry, badges. Shared by both modes. */
function cardFacts(card: SavedCard, row: RowState, t: Translate): TemplateResult {
  const expired = row.status === 'expired';
  // the visible brand and mask read badly aloud ("bullet bullet…"): assistive tech gets the label instead
  return html`<span class="vh">${row.label}</span><span part="brand" class="brand" aria-hidden="true">${brandMark(card.brand)}<span
        class="brand-name">${row.brandName}</span></span>
    <span part="number" class="number" aria-hidden="true">${row.number}</span>
    <bdi part="name" class="name">${card.nameOnCard}</bdi>
    <span part="expiry" class="expiry">${t(expired ? 'listExpiredOn' : 'listExpires', { expiry: row.expiry })}</span>
    <span class="badges">${card.isDefault ? html`<span part="badge badge-default" class="badge">${t('listDefault')}</span>` : nothing}${
      expired
        ? html`<span part="badge badge-expired" class="badge badge-expired">${t('listExpired')}</span>`
        : row.status === 'expiring'
          ? html`<span part="badge badge-expiring" class="badge badge-expiring">${t('listExpiringSoon')}</span>`
          : nothing
    }${row.busy === 'default' ? html`<span part="status" class="busy">${t('listBusyDefault')}</span>` : nothing}</span>`;
}

/** An action button; aria-disabled (not disabled) so keyboard users still reach it and hear why not. */
function action(name: 'default' | 'replace' | 'remove', text: string, row: RowState, disabled: boolean, describedBy: string): TemplateResult {
  return html`<button type="button" part="button button-${name}" class="action" data-action=${name}
    aria-disabled=${disabled ? 'true' : 'false'} aria-describedby=${describedBy || nothing}>${text}<span class="vh"> ${row.label}</span></button>`;
}

/** A row of the managing list: facts, then Set as default / Replace / Remove. */
export function manageRow(card: SavedCard, row: RowState, t: Translate): TemplateResult {
  const reasonId = row.blocked ? `${row.domId}-reason` : '';
  const removeText = row.busy === 'remove' ? t('listBusyRemove') : t('listRemove');
  return html`<li part=${rowParts(card, row, false)} class="row" data-id=${card.id} aria-busy=${row.busy ? 'true' : 'false'}>
    <div class="card">${cardFacts(card, row, t)}</div>
    <div part="actions" class="actions">${row.canDefault ? action('default', t('listSetDefault'), row, row.locked, row.lockedBy) : nothing}${
      row.canReplace ? action('replace', t('listReplace'), row, row.locked, row.lockedBy) : nothing
    }${action('remove', removeText, row, row.locked || row.blocked !== null, [reasonId, row.lockedBy].filter(Boolean).join(' '))}</div>
    ${row.blocked ? html`<p part="reason" class="reason" id=${reasonId}>${t(BLOCKED_MESSAGE[row.blocked])}</p>` : nothing}
  </li>`;
}

/** A row of the selectable list: a radio whose label is the card. Expired cards cannot be chosen. */
export function selectRow(card: SavedCard, row: RowState, t: Translate, selected: boolean): TemplateResult {
  const id = `${row.domId}-radio`;
  return html`<li part=${rowParts(card, row, selected)} class="row" data-id=${card.id}>
    <input type="radio" class="radio" name="card" id=${id} .value=${card.id} .checked=${live(selected)}
      ?disabled=${row.status === 'expired'} />
    <label for=${id} class="card">${cardFacts(card, row, t)}</label>
  </li>`;
}
