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
  private home = new Map<string, string>();
  private last = new Map<string, Run<T>>();
  private fresh = 0;

  constructor(
    private readonly id: (item: T) => string,
    /** Items per run for a list split from scratch; a run grows to twice that before it is split. */
    private readonly size: number,
  ) {}

  /** The key of the run `id` was last put in (not the `head` run's item). */
  keyOf(id: string): string | undefined {
    return this.home.get(id);
  }

  /**
   * `items`, in order, as runs. With `alone`, a first item it accepts (the default card) gets a run of
   * its own, keyed `head`: when another card becomes the default, this one goes back among the others
   * without moving anyone else.
   */
  split(items: readonly T[], alone?: (item: T) => boolean): Run<T>[] {
    const runs: Run<T>[] = [];
    const home = this.home;
    const used = new Set<string>();
    const limit = 2 * this.size;
    let current: Run<T> | null = null;
    // items with no run to go back to, before the first one that has: they join that one
    let waiting: T[] = [];
    const open = (key: string, first: T[]): Run<T> => {
      const run = { key, items: first };
      runs.push(run);
      used.add(key);
      for (const item of first) home.set(this.id(item), key);
      return run;
    };
    let start = 0;
    if (items.length > 0 && alone?.(items[0])) {
      runs.push({ key: 'head', items: [items[0]] });
      start = 1;
    }
    for (let i = start; i < items.length; i++) {
      const item = items[i];
      const id = this.id(item);
      const key = home.get(id);
      if (current !== null && key === current.key && current.items.length < limit) {
        current.items.push(item);
      } else if (key !== undefined && !used.has(key)) {
        waiting.push(item);
        current = open(key, waiting);
        waiting = [];
      } else if (current !== null && current.items.length < this.size) {
        // a new item, or one whose run is already placed (the list was reordered): join this run
        current.items.push(item);
        home.set(id, current.key);
      } else if (current === null) {
        waiting.push(item);
        if (waiting.length >= this.size) {
          current = open(this.nextKey(), waiting);
          waiting = [];
        }
      } else {
        current = open(this.nextKey(), [item]);
      }
    }
    if (waiting.length > 0) open(this.nextKey(), waiting);
    // a run holding the same items as last time is handed back as the same object, so callers can
    // skip it with one comparison
    const last = this.last;
    this.last = new Map();
    for (let i = 0; i < runs.length; i++) {
      const before = last.get(runs[i].key);
      if (before && sameItems(before.items, runs[i].items)) runs[i] = before;
      this.last.set(runs[i].key, runs[i]);
    }
    // forget items long gone (kept while few, so a card that comes back finds its place)
    if (home.size > 2 * items.length + 64) {
      this.home = new Map();
      for (const run of runs) if (run.key !== 'head') for (const item of run.items) this.home.set(this.id(item), run.key);
    }
    return runs;
  }

  private nextKey(): string {
    this.fresh += 1;
    return `r${this.fresh}`;
  }
}

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
