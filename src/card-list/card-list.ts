import { LitElement, html } from 'lit';
import { hostStyles } from '../styles/shared.styles.js';

/**
 * @tagname card-list
 * @summary The signed-in account's cards on file. (Placeholder: the list lands with its own issue.)
 */
export class CardList extends LitElement {
  static override styles = [hostStyles];

  override render() {
    return html`<div part="list"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'card-list': CardList;
  }
}
