import { LitElement, html } from 'lit';
import { hostStyles } from '../styles/shared.styles.js';

/**
 * @tagname add-card-form
 * @summary A form that adds a payment card, or pays with a new one, sending the card number and
 * code only to the tokenizer. (Placeholder: the form lands with its own issue.)
 */
export class AddCardForm extends LitElement {
  static override styles = [hostStyles];

  override render() {
    return html`<div part="form"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'add-card-form': AddCardForm;
  }
}
