import { css } from 'lit';

/**
 * `<card-list>`'s styles: one stylesheet shared by every instance and every row. Public custom
 * properties are read once here on `:host` into private `--_…` ones. (Notes live here, not in the
 * CSS, whose text ships as it is written.)
 *
 * - `:host` `min-width`/`overflow-wrap`: nothing from the endpoint may widen the element past its box.
 * - `.list`, `.group`, `.run` are flex columns, not grids: the same look, and moving one of 1,000 rows
 *   (a new default goes first) lays the list out again in about half the time.
 * - `.group`, `.run`: long lists skip style, layout and paint of the runs of rows off screen until
 *   scrolled to (still in the a11y tree and found by find-in-page); runs rather than each row, so
 *   moving a row stays cheap (runs.ts). Their sizes are estimates until shown once.
 * - `.name`: long or hostile names stay on one line and end in an ellipsis; bdi already isolates direction.
 * - `dialog::backdrop` reads `--card-list-backdrop` itself rather than a private property from
 *   `:host`: browsers that do not let `::backdrop` inherit still get the default.
 * - `.row-selected`, not `.row:has(.radio:checked)`: the selected row always carries row-selected, and
 *   a `:has()` rule makes every change inside any of 1,000 rows restyle the list.
 */
export const cardListStyles = css`
  :host {
    --_bg: var(--card-list-background, #fff);
    --_border: var(--card-list-border-color, #d0d5dd);
    --_muted: var(--card-list-muted-color, #475467);
    --_accent: var(--card-list-accent-color, #175cd3);
    --_accent-text: var(--card-list-accent-text-color, #fff);
    --_danger: var(--card-list-danger-color, #b42318);
    --_danger-bg: var(--card-list-danger-background, #fef3f2);
    --_danger-text: var(--card-list-danger-text-color, #fff);
    --_warning: var(--card-list-warning-color, #93370d);
    --_warning-bg: var(--card-list-warning-background, #fef0c7);
    --_badge: var(--card-list-badge-color, #175cd3);
    --_badge-bg: var(--card-list-badge-background, #eff8ff);
    --_skeleton: var(--card-list-skeleton-color, #eaecf0);
    --_radius: var(--card-list-radius, 8px);
    --_space: var(--card-list-spacing, 12px);
    --_gap: calc(var(--_space) * 0.75);
    --_focus: var(--card-list-focus-ring, 2px solid #175cd3);
    color: var(--card-list-color, inherit);
    font: inherit;
    min-width: 0;
    max-width: 100%;
    overflow-wrap: anywhere;
  }

  .vh {
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

  .list,
  .group,
  .run {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .group,
  .run {
    content-visibility: auto;
  }
  .group {
    contain-intrinsic-block-size: auto calc(32 * (4.5em + var(--_gap)));
  }
  .run {
    contain-intrinsic-block-size: auto calc(4 * (4.5em + var(--_gap)));
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding: var(--_space);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .row[aria-busy='true'] {
    border-style: dashed;
  }
  .card {
    flex: 1 1 18em;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
  }
  label.card {
    cursor: pointer;
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }
  .brand-mark {
    flex: none;
  }
  .number {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .name {
    flex: 1 1 8em;
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  .expiry {
    color: var(--_muted);
    white-space: nowrap;
  }
  .badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border: 1px solid transparent;
    border-radius: 999px;
    font-size: 0.8125em;
    line-height: 1.6;
    font-weight: 600;
    color: var(--_badge);
    background: var(--_badge-bg);
  }
  .badge-expired {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
  .badge-expiring {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  .busy {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .reason {
    flex: 1 1 100%;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  button {
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 4px 12px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button[aria-disabled='true'] {
    color: var(--_muted);
    border-style: dashed;
    cursor: not-allowed;
  }
  button.primary {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  button.danger {
    color: var(--_danger-text);
    background: var(--_danger);
    border-color: var(--_danger);
  }
  button:focus-visible,
  input:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .radio {
    flex: none;
    margin: 0;
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_accent);
  }
  .row-selected {
    border-color: var(--_accent);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-top: var(--_space);
  }
  .note,
  .notice {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .notice:empty {
    display: none;
  }
  .notice-error,
  .error {
    border-color: var(--_danger);
  }
  .notice p {
    margin: 0;
    display: inline;
  }
  .notice button {
    margin-inline-start: var(--_space);
  }
  .empty,
  .error {
    padding: calc(var(--_space) * 1.5);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
  }
  .empty .title,
  .error .title {
    font-weight: 600;
    margin: 0 0 4px;
  }
  .empty p,
  .error p {
    margin: 0 0 var(--_space);
  }

  .skeleton .row {
    min-height: 3.25em;
  }
  .bar {
    display: block;
    height: 0.9em;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .bar:nth-child(1) {
    width: 3em;
  }
  .bar:nth-child(2) {
    width: 8em;
  }
  .bar:nth-child(3) {
    flex: 1;
    max-width: 12em;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  .steps {
    margin: 0 0 var(--_space);
    padding: var(--_space) var(--_space) var(--_space) calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .step-failed {
    color: var(--_danger);
  }
  .step-state {
    color: var(--_muted);
  }
  .form-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .form-title {
    margin: 0;
    font-size: 1.125em;
  }

  dialog {
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    max-width: min(32rem, calc(100vw - 2em));
  }
  dialog::backdrop {
    background: var(--card-list-backdrop, rgb(16 24 40 / 0.45));
  }
  .dialog-title {
    margin: 0 0 8px;
    font-size: 1.125em;
  }
  .dialog-body {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }

  @media (prefers-reduced-motion: reduce) {
    .bar {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .badge,
    button[aria-disabled='true'] {
      border-color: CanvasText;
    }
    .bar {
      background: GrayText;
    }
  }
`;
