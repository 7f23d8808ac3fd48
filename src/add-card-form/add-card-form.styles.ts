import { css } from 'lit';

/**
 * Styles for <add-card-form>. Public custom properties are read once, on :host, into private ones
 * (`--_error`…), so every rule below has one name to use and a host's override lands everywhere.
 * Invalid styling keys off `[aria-invalid='true']` only: what assistive technology is told and what
 * the customer sees cannot drift apart.
 *
 * Why some rules are as they are (here rather than in the stylesheet, which ships as written):
 * - `:host` wraps anywhere: text from the endpoint (an address on file, where a code was sent) may
 *   be one endless word.
 * - `.layout`, `form`, `fieldset` and fields are flex columns, not grids: a keystroke relays out
 *   the column around its field, and grids there made every keystroke's layout (and, measured, its
 *   script) markedly slower. Wide enough (`@container (min-width: 40rem)`), the drawing sits beside
 *   the fields instead of above them.
 * - `.control.text` is a block and its input a contained block (layout and size), as tall as its
 *   own line plus padding and border (`min-height` keeps 2.75rem): in Chromium that makes the
 *   input a relayout boundary, so a keystroke lays out the input, not the form and the page.
 *   Not a flex item, which could not be one.
 * - `.control .marks`: the marks shown so far are stacked and only the current one shows
 *   (keptBrandMarks); the others are hidden by opacity, which is not inherited, so their own
 *   elements are not restyled.
 * - `.control.adorned input`: a class, not `:has([part~='brand'])`, which Chromium re-matched on
 *   every restyle of the field.
 * - `.control.held`: a tokenized card, shown masked in place of the number, expiry and code.
 * - `.hints`: the code's two hints (back, front) share one grid cell and the other is hidden by
 *   visibility, so a brand that moves the code changes no text and lays out nothing; the cell is as
 *   tall as the longer hint, so a long or wrapped one (German) is never clipped.
 * - `[part~='status']:not(.shown)`: the live region stays in the tree (so later messages are
 *   announced) but takes no room while silent.
 * - `.visually-hidden[aria-live]` (the brand announcement) is placed at the end of `.main`, where it
 *   sits anyway, and contained: left at its static position, its new text relaid out the page on
 *   every brand change.
 * - `forced-colors: active` drops backgrounds and box shadows: every border stays, and invalid
 *   fields get a thicker one.
 */
export const addCardFormStyles = css`
  :host {
    --_error: var(--add-card-form-error-color, #d92d20);
    --_accent: var(--add-card-form-accent, #1570ef);
    --_accent-text: var(--add-card-form-accent-text-color, #fff);
    --_radius: var(--add-card-form-radius, 6px);
    --_gap: var(--add-card-form-gap, 1rem);
    --_font: var(--add-card-form-font, inherit);
    --_border: var(--add-card-form-border-color, #667085);
    --_focus-ring: var(--add-card-form-focus-ring, #1570ef);
    font: var(--_font);
    container-type: inline-size;
    overflow-wrap: anywhere;
  }

  .layout {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .main {
    position: relative;
  }
  @container (min-width: 40rem) {
    .layout {
      flex-direction: row-reverse;
      align-items: flex-start;
    }
    .main {
      flex: 1 1 0;
      min-width: 0;
    }
    [part~='preview'] {
      flex: 0 1 20rem;
      min-width: 16rem;
      position: sticky;
      top: 1rem;
    }
  }

  form,
  fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0;
    min-width: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
  }
  legend {
    padding: 0;
    margin-bottom: calc(var(--_gap) / 2);
    font-weight: 600;
  }

  [part~='row'] {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
  }

  [part~='field'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  [part~='label'] {
    font-weight: 500;
  }
  [part~='hint'] {
    font-size: 0.875em;
    color: color-mix(in srgb, currentColor 70%, transparent);
  }
  .hints {
    display: grid;
  }
  .hints > * {
    grid-area: 1 / 1;
  }
  .hints > .off {
    visibility: hidden;
  }
  [part~='error'] {
    font-size: 0.875em;
    color: var(--_error);
  }
  [part~='error']:empty {
    display: none;
  }

  .control {
    position: relative;
    display: flex;
    align-items: center;
  }
  .control.text {
    display: block;
  }
  .text input {
    display: block;
    height: calc(1lh + 1rem + 2px);
    contain: size layout;
  }
  input:not([type='checkbox'], [type='radio']),
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: Field;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[readonly],
  select:disabled {
    background: color-mix(in srgb, currentColor 6%, Field);
  }
  .control [part~='brand'] {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0.5rem;
    margin-block: auto;
    display: flex;
    pointer-events: none;
  }
  .control [part~='brand'] svg {
    width: 2.5rem;
    height: auto;
  }
  .control .marks {
    width: 2.5rem;
    height: 1.5625rem;
  }
  .control.adorned input {
    padding-inline-end: 3.5rem;
  }
  .control.held {
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    min-height: 2.75rem;
  }
  .control.held [part~='brand'] {
    position: static;
  }
  .held-number {
    unicode-bidi: isolate;
    font-variant-numeric: tabular-nums;
  }

  [aria-invalid='true'] {
    border-color: var(--_error) !important;
    box-shadow: 0 0 0 1px var(--_error);
  }

  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  input:focus-visible,
  select:focus-visible {
    outline-offset: 0;
  }

  .options,
  fieldset.funding,
  fieldset.address-choice {
    display: grid;
    gap: 0.5rem;
  }

  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .choice input {
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
  }
  .choice .detail {
    display: block;
    font-size: 0.875em;
    color: color-mix(in srgb, currentColor 70%, transparent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  [part~='submit'],
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .link {
    border: 0;
    padding-inline: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  [hidden] {
    display: none !important;
  }
  [part~='status']:not(.shown) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    padding: 0;
    border: 0;
  }
  [part~='status'].shown,
  [part~='decline'] {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
  }
  [part~='decline'],
  [part~='status'].problem {
    border-color: var(--_error);
    color: var(--_error);
  }

  [part~='verification'],
  [part~='success'] {
    display: grid;
    gap: var(--_gap);
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
    font-weight: 600;
  }
  [part~='success'] {
    padding: 1rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
  }
  [part~='success']:focus {
    outline: none;
  }
  [part~='success']:focus-visible {
    outline: 2px solid var(--_focus-ring);
  }
  p {
    margin: 0;
  }

  .visually-hidden[aria-live] {
    bottom: 0;
    left: 0;
    contain: strict;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }

  @media (forced-colors: active) {
    input:not([type='checkbox'], [type='radio']),
    select,
    button,
    [part~='status'],
    [part~='decline'] {
      border: 1px solid CanvasText;
    }
    [aria-invalid='true'] {
      border: 3px solid Mark !important;
    }
    [part~='submit'] {
      border-color: ButtonText;
    }
  }
`;
