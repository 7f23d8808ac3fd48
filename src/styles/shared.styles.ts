import { css } from 'lit';

/** The reset every element starts from: block display, `hidden` honoured, border-box sizing. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
