/**
 * Splits a long list into short runs of rows (and runs into groups), each rendered in its own
 * container that Chromium may skip while it is off screen (`content-visibility: auto`).
 *
 * Why runs rather than skipping each row: `content-visibility` brings style containment, and
 * Chromium keeps one containment scope per contained element. Inserting or removing a row with a
 * scope of its own walks every sibling scope (`StyleContainmentScopeTree::CreateScopeForElement`),
 * so with a thousand contained rows, moving the new default to the top cost 4–5 ms of style work.
 * A few rows per run keep that walk short, rows inside a run that is off screen are not even styled,
 * and a click on a row off screen (which unlocks its container until the next frame) unlocks a few
 * rows rather than many.
 *
 * Runs are sticky: an item stays in the run it was put in while the list changes around it, so a
 * change touches the items that changed and the runs that hold them, never a cascade of items
 * shifting from one run into the next. No DOM and no Lit here.
 */

/** A run of consecutive items, with a key that stays the same while its items stay together. */
export interface Run<T> {
  key: string;
  items: T[];
}

/** Splits lists into sticky runs, remembering the run each item was put in. */
export class Runs<T> {
  #home = new Map<string, string>();
  #last = new Map<string, Run<T>>();
  #lastSplit: { items: readonly T[]; runs: Run<T>[] } | null = null;
  #fresh = 0;
  readonly #id: (item: T) => string;
  readonly #size: number;
  readonly #whole: boolean;

  /**
   * @param id - An item's id.
   * @param size - Items per run for a list split from scratch; a run grows to twice that before it is split.
   * @param whole - Always split the whole list (tests compare the shortcut with it).
   */
  constructor(id: (item: T) => string, size: number, whole = false) {
    this.#id = id;
    this.#size = size;
    this.#whole = whole;
  }

  /** The key of the run `id` was last put in (not the `head` run's item). */
  keyOf(id: string): string | undefined {
    return this.#home.get(id);
  }

  /**
   * `items`, in order, as runs. With `alone`, a first item it accepts (the default card) gets a run of
   * its own, keyed `head`: when another card becomes the default, this one goes back among the others
   * without moving anyone else.
   */
  split(items: readonly T[], alone?: (item: T) => boolean): Run<T>[] {
    const patched = this.#whole ? null : this.#patch(items, alone);
    if (patched) return patched;
    const runs: Run<T>[] = [];
    const home = this.#home;
    const used = new Set<string>();
    const limit = 2 * this.#size;
    let current: Run<T> | null = null;
    // items with no run to go back to, before the first one that has: they join that one
    let waiting: T[] = [];
    const open = (key: string, first: T[]): Run<T> => {
      const run = { key, items: first };
      runs.push(run);
      used.add(key);
      for (const item of first) home.set(this.#id(item), key);
      return run;
    };
    let start = 0;
    if (items.length > 0 && alone?.(items[0])) {
      runs.push({ key: 'head', items: [items[0]] });
      // once it leaves the head it joins the run after it, wherever it came from
      home.delete(this.#id(items[0]));
      start = 1;
    }
    for (let i = start; i < items.length; i++) {
      const item = items[i];
      const id = this.#id(item);
      const key = home.get(id);
      if (current !== null && key === current.key && current.items.length < limit) {
        current.items.push(item);
      } else if (key !== undefined && !used.has(key)) {
        waiting.push(item);
        current = open(key, waiting);
        waiting = [];
      } else if (current !== null && current.items.length < this.#size) {
        // a new item, or one whose run is already placed (the list was reordered): join this run
        current.items.push(item);
        home.set(id, current.key);
      } else if (current === null) {
        waiting.push(item);
        if (waiting.length >= this.#size) {
          current = open(this.#nextKey(), waiting);
          waiting = [];
        }
      } else {
        current = open(this.#nextKey(), [item]);
      }
    }
    if (waiting.length > 0) open(this.#nextKey(), waiting);
    // a run holding the same items as last time is handed back as the same object, so callers can
    // skip it with one comparison
    const last = this.#last;
    this.#last = new Map();
    for (let i = 0; i < runs.length; i++) {
      const before = last.get(runs[i].key);
      if (before && sameItems(before.items, runs[i].items)) runs[i] = before;
      this.#last.set(runs[i].key, runs[i]);
    }
    // forget items long gone (kept while few, so a card that comes back finds its place)
    if (home.size > 2 * items.length + 64) {
      this.#home = new Map();
      for (const run of runs) if (run.key !== 'head') for (const item of run.items) this.#home.set(this.#id(item), run.key);
    }
    this.#lastSplit = { items, runs };
    return runs;
  }

  /**
   * The runs of the last split, patched, when `items` is the last list with a few items replaced by
   * copies (same id) and, at most, one item moved to the front as the new `head`: what setting a
   * default does, and what the server's answer to it does. Touches the runs that changed instead of
   * walking the whole list through the map of homes; `null` for anything else. Gives what
   * {@link split} would (the tests compare them).
   */
  #patch(items: readonly T[], alone?: (item: T) => boolean): Run<T>[] | null {
    const last = this.#lastSplit;
    const n = items.length;
    if (!last || last.items.length !== n || n === 0) return null;
    const old = last.items;
    const id = this.#id;
    // old index -> its new item, where it is not the same object (plain loops: this is the hot path)
    const copies = new Map<number, T>();
    let moved = -1;
    let i = 0;
    if (items[0] !== old[0] && id(items[0]) !== id(old[0])) {
      // the new head came from further down; everything before it moved down one place
      for (i = 1; i < n; i++) {
        const item = items[i];
        const was = old[i - 1];
        if (item === was) continue;
        if (id(item) !== id(was)) break;
        copies.set(i - 1, item);
      }
      moved = i - 1;
      if (moved === 0 || id(items[0]) !== id(old[moved])) return null;
    }
    for (; i < n; i++) {
      const item = items[i];
      if (item === old[i]) continue;
      if (id(item) !== id(old[i])) return null;
      copies.set(i, item);
    }
    const runs = last.runs;
    const head = runs[0]?.key === 'head';
    if (head !== !!alone?.(items[0]) || (moved > 0 && (!head || this.#size < 2 || runs.length < 2 || runs[1].items.length >= 2 * this.#size))) return null;
    const out = runs.slice();
    // one walk over the runs to find the changed old indices: copies replace items in place, the
    // moved item leaves its run
    let start = 0;
    for (let r = 0; r < runs.length; r++) {
      const len = runs[r].items.length;
      let items2: T[] | null = null;
      for (const [index, item] of copies) {
        if (index < start || index >= start + len) continue;
        items2 ??= runs[r].items.slice();
        items2[index - start] = item;
      }
      if (moved >= start && moved < start + len) {
        items2 ??= runs[r].items.slice();
        items2.splice(moved - start, 1);
      }
      if (items2) out[r] = { key: runs[r].key, items: items2 };
      start += len;
    }
    if (moved > 0) {
      // the old head (maybe a copy) leads the next run; the moved item is the new head
      if (out[1].items.length === 0) return null;
      const first = out[0].items[0];
      out[1] = { key: out[1].key, items: [first, ...out[1].items] };
      out[0] = { key: 'head', items: [items[0]] };
      this.#home.set(id(first), out[1].key);
      this.#home.delete(id(items[0]));
      for (let r = out.length - 1; r > 1; r--) if (out[r].items.length === 0) out.splice(r, 1);
    }
    for (let r = 0; r < out.length; r++) if (out[r] !== runs[r]) this.#last.set(out[r].key, out[r]);
    this.#lastSplit = { items, runs: out };
    return out;
  }

  #nextKey(): string {
    this.#fresh += 1;
    return `r${this.#fresh}`;
  }
}

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
