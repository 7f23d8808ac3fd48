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
  /** Each slot, and the character it shows. */
  readonly #slots: HTMLElement[] = [];
  readonly #chars: string[] = [];
  readonly #highlight = placeholderHighlight();
  readonly #range = this.#highlight ? new Range() : null;
  /** The first and last placeholder slot the range covers now (-1: none, or not drawn yet). */
  #first = -1;
  #last = -1;

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
    const slots = this.#slots;
    if (host !== this.#host) {
      host.replaceChildren();
      this.#host = host;
      slots.length = this.#chars.length = 0;
      this.#gaps.clear();
      this.#first = this.#last = -1;
    }
    const chars = texts.join('');
    // slots past the new length go; new ones come at the end, as placeholders until written below
    for (const slot of slots.splice(chars.length)) slot.remove();
    this.#chars.length = slots.length;
    while (slots.length < chars.length) {
      const slot = doc.createElement('span');
      slot.className = this.#range ? 'slot' : 'slot empty';
      slot.textContent = PLACEHOLDER;
      host.append(slot);
      slots.push(slot);
      this.#chars.push(PLACEHOLDER);
    }
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
    for (let i = 0; i < chars.length; i++) this.write(i, chars[i]);
    this.dim(chars.indexOf(PLACEHOLDER), chars.lastIndexOf(PLACEHOLDER));
  }

  /**
   * Shows `digits` (ASCII) followed by placeholders in the slots already drawn; false, writing
   * nothing, when they do not fit. What a keystroke does: it writes the one slot that changed.
   */
  type(digits: string): boolean {
    const length = this.#slots.length;
    if (!this.#host || digits.length > length) return false;
    // past the longer of the old and new digits, every slot was and stays a placeholder
    const old = this.#first < 0 ? length : this.#first;
    const end = Math.max(old, digits.length);
    for (let i = 0; i < end; i++) this.write(i, i < digits.length ? digits[i] : PLACEHOLDER);
    this.dim(digits.length < length ? digits.length : -1, length - 1);
    return true;
  }

  private write(i: number, char: string): void {
    const drawn = this.#chars[i];
    if (char === drawn) return;
    const slot = this.#slots[i];
    (slot.firstChild as Text).data = char;
    this.#chars[i] = char;
    if (!this.#range && (char === PLACEHOLDER) !== (drawn === PLACEHOLDER)) slot.classList.toggle('empty', char === PLACEHOLDER);
  }

  /** Moves the highlight over the placeholders from `first` to `last` (a typed number's last slots, a saved card's first ones). */
  private dim(first: number, last: number): void {
    const range = this.#range;
    if (!range || (first === this.#first && last === this.#last)) return;
    if (first < 0) range.collapse();
    else {
      // typing moves the start only; start before end, so the range never turns inside out
      if (first !== this.#first || this.#last < 0) range.setStart(this.#slots[first], 0);
      if (last !== this.#last) range.setEnd(this.#slots[last], 1);
    }
    this.#first = first;
    this.#last = first < 0 ? -1 : last;
  }
}
