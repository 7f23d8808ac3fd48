/**
 * One card's row. Kept cheap because a list may hold a thousand: plain text bindings, no per-row
 * event listeners (the list delegates clicks by `data-action`), and every string worked out by the
 * caller once per change of the row's inputs.
 *
 * Everything from the endpoint (name on card) is bound as text inside `<bdi>`, so markup stays
 * characters and right-to-left or override controls cannot reorder the row around it.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { brandMark } from '../brand-marks/brand-marks.js';
import { brandInfo } from '../core/brands.js';
import type { ExpiryStatus } from '../core/expiry.js';
import type { SavedCard } from '../endpoint/types.js';
import type { RemovalBlockedCode } from '../events/removal-blocked.js';
import type { Translate } from '../i18n/translate.js';
import type { BusyKind } from './list-store.js';
import { BLOCKED_MESSAGE } from './rules.js';

/** What a row shows besides the card itself; worked out by the list. */
export interface RowState {
  /** The row's brand mark and name ({@link markFor}), kept with the card so a row drawn again keeps its node. */
  mark: Element;
  /** An id prefix safe for `id` / `aria-describedby` (card ids come from the server and may hold spaces); set on rows that need ids. */
  domId: string;
  /** "Visa ending in 2222". */
  label: string;
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

/** What a row shows besides its card, as the list works it out before drawing it. */
export interface RowInputs {
  status: ExpiryStatus;
  blocked: RemovalBlockedCode | null;
  busy: BusyKind | null;
  locked: boolean;
  offline: boolean;
  selected: boolean;
}

/** Whether two row states draw the same row. */
export function sameInputs(a: RowInputs, b: RowInputs): boolean {
  return a.status === b.status && a.blocked === b.blocked && a.busy === b.busy && a.locked === b.locked && a.offline === b.offline && a.selected === b.selected;
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

/**
 * The brand mark and name (`<span part="brand">`), drawn once per brand and cloned for each row. They
 * never change with the row, and the shared `brandMark` template is four nested templates deep:
 * cloning the finished element (one native call, one binding in the row) instead of instantiating
 * those templates for each of a thousand rows is a large part of what keeps a long list's first
 * render close to plain `innerHTML`.
 */
const marks = new Map<string, HTMLElement>();

export function markFor(brand: SavedCard['brand']): Element {
  let mark = marks.get(brand);
  if (!mark) {
    mark = document.createElement('span') as HTMLElement;
    mark.setAttribute('part', 'brand');
    mark.className = 'brand';
    mark.setAttribute('aria-hidden', 'true');
    render(brandMark(brand), mark);
    // Lit's part markers are only needed where Lit updates the tree; this copy is never updated
    const walker = document.createTreeWalker(mark, NodeFilter.SHOW_COMMENT);
    const comments: Node[] = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (const comment of comments) comment.parentNode?.removeChild(comment);
    const name = document.createElement('span');
    name.className = 'brand-name';
    name.textContent = brandInfo(brand).displayName;
    mark.append(name);
    marks.set(brand, mark);
  }
  return mark.cloneNode(true) as Element;
}

/** The badges after the facts; nothing at all on most rows. */
function badges(card: SavedCard, row: RowState, t: Translate): TemplateResult | typeof nothing {
  const expired = row.status === 'expired';
  if (!card.isDefault && !expired && row.status !== 'expiring' && row.busy !== 'default') return nothing;
  return html`${card.isDefault ? html`<span part="badge badge-default" class="badge">${t('listDefault')}</span>` : nothing}${
    expired
      ? html`<span part="badge badge-expired" class="badge badge-expired">${t('listExpired')}</span>`
      : row.status === 'expiring'
        ? html`<span part="badge badge-expiring" class="badge badge-expiring">${t('listExpiringSoon')}</span>`
        : nothing
  }${row.busy === 'default' ? html`<span part="status" class="busy">${t('listBusyDefault')}</span>` : nothing}`;
}

/** The expiry line: "Expires 12/30", or "Expired 01/24". */
function expiryLine(row: RowState, t: Translate): string {
  return t(row.status === 'expired' ? 'listExpiredOn' : 'listExpires', { expiry: row.expiry });
}

/** One button's bindings: aria-disabled (not disabled) so keyboard users still reach it and hear why not. */
interface Action {
  disabled: string;
  describedBy: string | typeof nothing;
  text: string;
}

function action(text: string, disabled: boolean, describedBy: string): Action {
  return { disabled: disabled ? 'true' : 'false', describedBy: describedBy || nothing, text };
}

/** One button of a row that is not the usual case; the usual row writes its buttons out. */
function button(name: 'default' | 'replace' | 'remove', a: Action, spoken: string): TemplateResult {
  return html`<button type="button" part="button button-${name}" class="action" data-action=${name} aria-disabled=${a.disabled}
    aria-describedby=${a.describedBy}><span .textContent=${a.text}></span><span class="vh" .textContent=${spoken}></span></button>`;
}

/** The buttons of a row that is not the usual case (see {@link manageRow}): few rows, so one template per button. */
function actions(row: RowState, t: Translate): TemplateResult {
  // after the visible text: "Remove" + " Visa ending in 4242" is the button's name
  const spoken = ` ${row.label}`;
  const remove = action(
    row.busy === 'remove' ? t('listBusyRemove') : t('listRemove'),
    row.locked || row.blocked !== null,
    [row.blocked ? `${row.domId}-reason` : '', row.lockedBy].filter(Boolean).join(' '),
  );
  return html`${row.canDefault ? button('default', action(t('listSetDefault'), row.locked, row.lockedBy), spoken) : nothing}${
    row.canReplace ? button('replace', action(t('listReplace'), row.locked, row.lockedBy), spoken) : nothing
  }${button('remove', remove, spoken)}`;
}

// How the row templates are written, and why: a list may hold a thousand rows, and what costs is
// per row.
// - The card's facts (brand, number, name, expiry, badges) are written out in each row template
//   rather than nested: a nested template is one more clone, walk and insertion per row. The usual
//   row (Set as default and Remove, nothing blocked) has its buttons written out too, so it is a
//   single template instance; the rarer rows nest their buttons (`actions`). The three copies of the
//   facts must stay alike: the tests compare them.
// - Text that fills a whole element is set through `.textContent`: one call, and no marker node in
//   the template, where a text binding costs a marker, a new text node and an insertion. A button's
//   visible text has a span of its own for that reason.
// - Lines break inside tags, never between them, so rows carry no whitespace-only text nodes (every
//   container in a row is a flexbox, where they would not show anyway).
// The visible brand and mask read badly aloud ("bullet bullet…"): assistive tech gets the label.

/** A row of the managing list: facts, then Set as default / Replace / Remove. */
export function manageRow(card: SavedCard, row: RowState, t: Translate): TemplateResult {
  if (row.canDefault && !row.canReplace && !row.blocked && !row.busy && !row.locked) return usualRow(card, row, t);
  // not redundant: the run <ul> that holds the row is role="none" (list-rows.ts)
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<li part=${rowParts(card, row, false)} class="row" role="listitem" data-id=${card.id} aria-busy=${row.busy ? 'true' : 'false'}><div
      class="card"><span class="vh" .textContent=${row.label}></span>${row.mark}<span
      part="number" class="number" aria-hidden="true" .textContent=${row.number}></span><bdi
      part="name" class="name" .textContent=${card.nameOnCard}></bdi><span
      part="expiry" class="expiry" .textContent=${expiryLine(row, t)}></span><span
      class="badges">${badges(card, row, t)}</span></div><div
    part="actions" class="actions">${actions(row, t)}</div>${
    row.blocked ? html`<p part="reason" class="reason" id=${`${row.domId}-reason`} .textContent=${t(BLOCKED_MESSAGE[row.blocked])}></p>` : nothing
  }</li>`;
}

/**
 * Most rows of a long list: a card that can become the default and be removed, needs no replacing,
 * and is neither waiting on a request nor locked (offline). Such a card has no badge: it is not the
 * default (nor becoming it) and expires later; its part, aria-busy and aria-disabled are written out.
 */
function usualRow(card: SavedCard, row: RowState, t: Translate): TemplateResult {
  const spoken = ` ${row.label}`;
  // not redundant: the run <ul> that holds the row is role="none" (list-rows.ts)
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<li part="row" class="row" role="listitem" data-id=${card.id} aria-busy="false"><div
      class="card"><span class="vh" .textContent=${row.label}></span>${row.mark}<span
      part="number" class="number" aria-hidden="true" .textContent=${row.number}></span><bdi
      part="name" class="name" .textContent=${card.nameOnCard}></bdi><span
      part="expiry" class="expiry" .textContent=${expiryLine(row, t)}></span><span
      class="badges"></span></div><div
    part="actions" class="actions"><button type="button" part="button button-default" class="action" data-action="default"
      aria-disabled="false"><span .textContent=${t('listSetDefault')}></span><span class="vh" .textContent=${spoken}></span></button><button
      type="button" part="button button-remove" class="action" data-action="remove" aria-disabled="false"><span .textContent=${t('listRemove')}></span><span
      class="vh" .textContent=${spoken}></span></button></div></li>`;
}

/** A row of the selectable list: a radio whose label is the card. Expired cards cannot be chosen. */
export function selectRow(card: SavedCard, row: RowState, t: Translate, selected: boolean): TemplateResult {
  const id = `${row.domId}-radio`;
  // not redundant: the run <ul> that holds the row is role="none" (list-rows.ts)
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<li part=${rowParts(card, row, selected)} class="row" role="listitem" data-id=${card.id}><input
      type="radio" class="radio" name="card" id=${id} .value=${card.id} .checked=${live(selected)} ?disabled=${row.status === 'expired'} /><label
      for=${id} class="card"><span class="vh" .textContent=${row.label}></span>${row.mark}<span
      part="number" class="number" aria-hidden="true" .textContent=${row.number}></span><bdi
      part="name" class="name" .textContent=${card.nameOnCard}></bdi><span
      part="expiry" class="expiry" .textContent=${expiryLine(row, t)}></span><span
      class="badges">${badges(card, row, t)}</span></label></li>`;
}
