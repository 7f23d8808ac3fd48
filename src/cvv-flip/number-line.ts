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
  /** The gaps, by the slot each one precedes. */
  readonly #gaps = new Map<number, HTMLElement>();
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

  /**
   * Draws `texts` (one string per group) into `host`. While the host stays, the slots are kept:
   * a new grouping (a brand detected, a longer number) moves the gaps and adds or drops slots at the
   * end, and only the slots whose character changed are written, so what stays is not laid out anew.
   */
  draw(host: Element, texts: readonly string[]): void {
    const doc = host.ownerDocument;
    const chars = texts.join('');
    if (host !== this.#host) {
      host.replaceChildren();
      this.#host = host;
      this.#slots = [];
      this.#gaps.clear();
      this.#chars = '';
      this.#dimmed = '';
    }
    const slots = this.#slots;
    // slots past the new length go; new ones come at the end, drawn as placeholders for write()
    for (const slot of slots.splice(chars.length)) slot.remove();
    while (slots.length < chars.length) {
      const slot = doc.createElement('span');
      slot.className = this.#range ? 'slot' : 'slot empty';
      slot.textContent = PLACEHOLDER;
      host.append(slot);
      slots.push(slot);
    }
    this.#chars = this.#chars.slice(0, slots.length).padEnd(slots.length, PLACEHOLDER);
    // a gap goes before the first slot of every group but the first
    const starts = new Set<number>();
    for (let i = 0, at = 0; i < texts.length - 1; i++) starts.add((at += texts[i].length));
    for (const [at, gap] of this.#gaps) {
      if (starts.has(at)) continue;
      gap.remove();
      this.#gaps.delete(at);
    }
    for (const at of starts) {
      if (this.#gaps.has(at)) continue;
      const gap = doc.createElement('span');
      gap.className = 'gap';
      gap.textContent = ' ';
      slots[at].before(gap);
      this.#gaps.set(at, gap);
    }
    this.write(chars);
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
    if (chars === drawn) {
      this.dim();
      return;
    }
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
