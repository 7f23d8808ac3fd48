import { LitElement, html } from 'lit';
import { hostStyles } from '../styles/shared.styles.js';

/**
 * @tagname cvv-flip
 * @summary A picture of the card being typed, which flips to its back for the security code.
 * (Placeholder: the drawn card lands with its own issue.)
 */
export class CvvFlip extends LitElement {
  static override styles = [hostStyles];

  override render() {
    return html`<div part="card" aria-hidden="true"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cvv-flip': CvvFlip;
  }
}
