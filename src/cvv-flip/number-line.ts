/**
 * The drawn number's slots, kept by hand rather than by a template: a typed digit changes the text
 * of one slot, and that is all this writes.
 *
 * Placeholders are drawn dimmer through a CSS custom highlight (`::highlight(cvv-flip-placeholder)`)
 * over the untyped slots rather than a class per slot: in Chromium a class (or any style) change
 * on a slot doubled the cost of a keystroke, while moving the start of a range costs next to
 * nothing. Where the Highlight API is missing, placeholder slots get the class `empty` instead.
 *
 * Only elements and text are created (no markup is parsed), so it runs under Trusted Types.
 */
import { PLACEHOLDER } from './card-face.js';

/** The highlight every drawing's placeholders belong to (one range per drawing). */
export const PLACEHOLDER_HIGHLIGHT = 'cvv-flip-placeholder';

let shared: Highlight | null | undefined;

function placeholderHighlight(): Highlight | null {
  if (shared === undefined) {
    const registry = typeof CSS !== 'undefined' && typeof Highlight === 'function' ? CSS.highlights : undefined;
    shared = registry ? (registry.get(PLACEHOLDER_HIGHLIGHT) ?? new Highlight()) : null;
    registry?.set(PLACEHOLDER_HIGHLIGHT, shared!);
  }
  return shared;
}

/** Draws groups of characters into an element, one `.slot` per character and a `.gap` between groups. */
export class NumberLine {
  #host: Element | null = null;
  #shape = '';
  /** Every slot's character, in order. */
  #chars = '';
  #slots: HTMLElement[] = [];
  readonly #highlight = placeholderHighlight();
  readonly #range = this.#highlight ? new Range() : null;
  /** The placeholders the range covers now, as "first,last" slot indexes. */
  #dimmed = '';

  /** How many slots are drawn. */
  get length(): number {
    return this.#slots.length;
  }

  /** The drawing is on the page: its placeholders are dimmed again. */
  connect(): void {
    if (this.#range) this.#highlight!.add(this.#range);
  }

  /** The drawing left the page: its range must not keep it alive. */
  disconnect(): void {
    if (this.#range) this.#highlight!.delete(this.#range);
  }

  /** Draws `texts` (one string per group) into `host`; while the grouping stays, only changed slots are written. */
  draw(host: Element, texts: readonly string[]): void {
    const shape = texts.map((text) => text.length).join();
    if (host === this.#host && shape === this.#shape) {
      this.write(texts.join(''));
      return;
    }
    const span = (className: string, text: string): HTMLElement => {
      const el = host.ownerDocument.createElement('span');
      el.className = className;
      el.textContent = text;
      return el;
    };
    const nodes: HTMLElement[] = [];
    this.#slots = [];
    texts.forEach((group, i) => {
      if (i > 0) nodes.push(span('gap', ' '));
      for (const char of group) {
        const slot = span(this.#range || char !== PLACEHOLDER ? 'slot' : 'slot empty', char);
        this.#slots.push(slot);
        nodes.push(slot);
      }
    });
    host.replaceChildren(...nodes);
    this.#host = host;
    this.#shape = shape;
    this.#chars = texts.join('');
    this.#dimmed = '';
    this.dim();
  }

  /**
   * Shows `digits` (ASCII) followed by placeholders in the slots already drawn; false, writing
   * nothing, when they do not fit.
   */
  type(digits: string): boolean {
    const length = this.#slots.length;
    if (!this.#host || digits.length > length) return false;
    this.write(digits + PLACEHOLDER.repeat(length - digits.length));
    return true;
  }

  private write(chars: string): void {
    const drawn = this.#chars;
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i];
      if (char === drawn[i]) continue;
      const slot = this.#slots[i];
      (slot.firstChild as Text).data = char;
      if (!this.#range && (char === PLACEHOLDER) !== (drawn[i] === PLACEHOLDER)) slot.classList.toggle('empty', char === PLACEHOLDER);
    }
    this.#chars = chars;
    this.dim();
  }

  /** Moves the highlight over the placeholders: a typed number's last slots, a saved card's first ones. */
  private dim(): void {
    const range = this.#range;
    if (!range) return;
    const chars = this.#chars;
    const first = chars.indexOf(PLACEHOLDER);
    const last = chars.lastIndexOf(PLACEHOLDER);
    const dimmed = `${first},${last}`;
    if (dimmed === this.#dimmed) return;
    this.#dimmed = dimmed;
    if (first < 0) {
      range.collapse();
      return;
    }
    range.setStart(this.#slots[first], 0);
    range.setEnd(this.#slots[last], 1);
  }
}
