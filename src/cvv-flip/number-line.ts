/**
 * The drawn number's slots, kept by hand rather than by a template: a typed digit changes one slot
 * (its character, and whether it is a placeholder), and that is all this writes. A template render
 * of the card for the same digit was measured at several times the cost of the whole keystroke.
 * Only elements and text are created (no markup is parsed), so it runs under Trusted Types.
 */
import { PLACEHOLDER } from './card-face.js';

const slotClass = (char: string): string => (char === PLACEHOLDER ? 'slot empty' : 'slot');

/** Draws groups of characters into an element, one `.slot` per character and a `.gap` between groups. */
export class NumberLine {
  #host: Element | null = null;
  #texts: readonly string[] = [];
  #slots: HTMLElement[] = [];

  /** Draws `texts` into `host`, rebuilding its children when the grouping changed. */
  draw(host: Element, texts: readonly string[]): void {
    if (host === this.#host && this.patch(texts)) return;
    const doc = host.ownerDocument;
    const span = (className: string, text: string): HTMLElement => {
      const el = doc.createElement('span');
      el.className = className;
      el.textContent = text;
      return el;
    };
    const nodes: HTMLElement[] = [];
    this.#slots = [];
    texts.forEach((text, i) => {
      if (i > 0) nodes.push(span('gap', ' '));
      for (const char of text) {
        const slot = span(slotClass(char), char);
        this.#slots.push(slot);
        nodes.push(slot);
      }
    });
    host.replaceChildren(...nodes);
    this.#host = host;
    this.#texts = texts;
  }

  /**
   * Changes only the slots whose character changed; false (and nothing written) when the grouping
   * itself changed, which needs {@link draw}.
   */
  patch(texts: readonly string[]): boolean {
    const drawn = this.#texts;
    if (!this.#host || texts.length !== drawn.length) return false;
    for (let i = 0; i < texts.length; i++) if (texts[i].length !== drawn[i].length) return false;
    let offset = 0;
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      if (text !== drawn[i]) {
        for (let j = 0; j < text.length; j++) {
          if (text[j] === drawn[i][j]) continue;
          const slot = this.#slots[offset + j];
          (slot.firstChild as Text).data = text[j];
          slot.className = slotClass(text[j]);
        }
      }
      offset += text.length;
    }
    this.#texts = texts;
    return true;
  }
}
