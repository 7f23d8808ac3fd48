/**
 * The rows of `<card-list>`, rendered so that a change costs what changed, not what the list holds.
 *
 * Rows sit in runs of a few, and runs in groups (see runs.ts for why, and how they stay put). A
 * row's template is kept with its card and handed back while nothing it shows has changed; a run
 * whose rows all come back the same is not rendered at all. Setting a default on a list of 1,000
 * renders the two rows that changed and compares a few hundred references for the rest.
 *
 * The group and run containers are placed by a directive, top down, and each run's rows are
 * rendered into its container once it is in place. Nested templates would build bottom up: every
 * level would move the whole subtree below it once more (a row's nodes five times over on the
 * first render), which at a thousand rows costs more than the rows' own templates.
 */
import { noChange, render, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SavedCard } from '../endpoint/types.js';
import { Runs, sameItems, type Run } from './runs.js';

/** Rows per run, and runs per group, for a list rendered from scratch. */
const RUN_ROWS = 4;
const GROUP_RUNS = 8;

/** What the list hands over for each render. */
export interface RowsFrame<S> {
  cards: readonly SavedCard[];
  /** What every row's look depends on besides its own state: when any of it changes, every row is checked. */
  shared: readonly unknown[];
  /** Cards whose state may differ from an idle row's (a request on its way, the selection). */
  flagged: ReadonlySet<string>;
  /** A row's state: everything it shows besides its card. */
  state(card: SavedCard): S;
  /** Whether two states show the same. */
  same(a: S, b: S): boolean;
  /** A row's template. */
  row(card: SavedCard, state: S): TemplateResult;
}

interface RowMemo<S> {
  /** The shared inputs it was rendered with (bumped whenever they change). */
  generation: number;
  state: S;
  result: TemplateResult;
}

/** A run as rendered: its cards and their row templates. */
interface RunView {
  key: string;
  items: readonly SavedCard[];
  rows: readonly TemplateResult[];
}

/** A group as rendered: its runs, in order. */
interface GroupView {
  key: string;
  runs: readonly RunView[];
}

/** Renders a list's rows in runs and groups, remembering what it rendered. */
export class ListRows<S> {
  // keyed by the card object: a card that changed is a new object, and the old entry goes with it
  #rows = new WeakMap<SavedCard, RowMemo<S>>();
  #runs = new Map<string, RunView>();
  #groups = new Map<string, { model: Run<Run<SavedCard>>; view: GroupView }>();
  readonly #rowRuns = new Runs<SavedCard>((c) => c.id, RUN_ROWS);
  readonly #runGroups = new Runs<Run<SavedCard>>((r) => r.key, GROUP_RUNS);
  #split: { cards: readonly SavedCard[]; groups: Run<Run<SavedCard>>[] } | null = null;
  #shared: readonly unknown[] = [];
  #generation = 0;
  #flagged: ReadonlySet<string> = new Set();
  /** The run each rendered run container shows (filled in by the directive). */
  readonly #placed = new WeakMap<Element, RunView>();

  /** The card of the rendered row (`<li>`) that holds `el`, found from its place rather than by searching the list. */
  cardOf(el: Element | null): SavedCard | undefined {
    const row = el?.closest('li[data-id]');
    if (!row) return undefined;
    const view = row.parentElement && this.#placed.get(row.parentElement);
    let index = 0;
    for (let before = row.previousElementSibling; before; before = before.previousElementSibling) index++;
    const card = view?.items[index];
    return card && card.id === row.getAttribute('data-id') ? card : undefined;
  }

  /** The list's content: a directive that places the groups and runs and renders changed runs. */
  render(frame: RowsFrame<S>): unknown {
    const { cards } = frame;
    if (this.#split?.cards !== cards) {
      const runs = this.#rowRuns.split(cards, (c) => c.isDefault);
      this.#split = { cards, groups: this.#runGroups.split(runs, (r) => r.key === 'head') };
    }
    // while nothing shared changed, a row whose card is the same object and that is not flagged now
    // or last time shows what it showed: its state need not even be worked out
    const quick = frame.shared.length === this.#shared.length && frame.shared.every((v, i) => v === this.#shared[i]);
    const recheck = quick ? new Set([...frame.flagged, ...this.#flagged]) : null;
    if (!quick) this.#generation += 1;
    // the runs holding those rows, and their groups (the head run is always looked at: its card has
    // no run to go back to)
    const dirty = new Set<string>(['head']);
    if (recheck) for (const id of recheck) dirty.add(this.#rowRuns.keyOf(id) ?? 'head');
    const dirtyGroups = new Set<string>(['head']);
    for (const key of dirty) dirtyGroups.add(this.#runGroups.keyOf(key) ?? 'head');
    this.#shared = frame.shared;
    this.#flagged = frame.flagged;
    const groups = new Map<string, { model: Run<Run<SavedCard>>; view: GroupView }>();
    const views = this.#split.groups.map((group) => {
      const last = this.#groups.get(group.key);
      // the same runs, none with a row that may have changed: the group shows what it showed
      if (last && recheck && last.model === group && !dirtyGroups.has(group.key)) {
        groups.set(group.key, last);
        return last.view;
      }
      const runViews = group.items.map((run) => {
        const view = this.#runView(run, this.#runs.get(run.key), frame, recheck, dirty.has(run.key));
        this.#runs.set(run.key, view);
        return view;
      });
      // an unchanged group is handed back as the same object: the directive skips it
      const view = last && sameItems(last.view.runs, runViews) ? last.view : { key: group.key, runs: runViews };
      groups.set(group.key, { model: group, view });
      return view;
    });
    // forget runs that are gone
    if (this.#runs.size > 2 * this.#split.groups.length * GROUP_RUNS) {
      const present = new Map<string, RunView>();
      for (const { view } of groups.values()) for (const run of view.runs) present.set(run.key, run);
      this.#runs = present;
    }
    this.#groups = groups;
    return placeRuns(views, this.#placed);
  }

  #runView(run: Run<SavedCard>, last: RunView | undefined, frame: RowsFrame<S>, recheck: Set<string> | null, dirty: boolean): RunView {
    if (last && recheck && !dirty && last.items === run.items) return last;
    const rows = run.items.map((card) => this.#rowResult(card, frame, recheck));
    // the same rows are the same cards: nothing in the run changed
    if (last && sameItems(last.rows, rows)) return last;
    return { key: run.key, items: run.items, rows };
  }

  #rowResult(card: SavedCard, frame: RowsFrame<S>, recheck: Set<string> | null): TemplateResult {
    const last = this.#rows.get(card);
    if (last && recheck && !recheck.has(card.id)) return last.result;
    const state = frame.state(card);
    if (last && last.generation === this.#generation && frame.same(last.state, state)) return last.result;
    const result = frame.row(card, state);
    this.#rows.set(card, { generation: this.#generation, state, result });
    return result;
  }
}

/**
 * Keeps one `<div class="group">` per group and one `<ul class="run">` per run, in order, and renders
 * a run's rows into its `<ul>` when the run is new or changed. Containers are keyed: a run that moves
 * to another group is moved with its rows, not rendered again.
 */
class PlaceRuns extends Directive {
  #groups = new Map<string, { el: HTMLElement; view: GroupView }>();
  #runs = new Map<string, { el: HTMLElement; view: RunView }>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('placeRuns() goes in a child position');
  }

  render(_groups: readonly GroupView[], _placed: WeakMap<Element, RunView>): typeof noChange {
    return noChange;
  }

  override update(part: ChildPart, [groups, placedRuns]: [readonly GroupView[], WeakMap<Element, RunView>]): typeof noChange {
    const parent = part.parentNode as Element;
    const doc = parent.ownerDocument;
    const placed = new Map<string, { el: HTMLElement; view: GroupView }>();
    // runs of the groups that changed: the only ones that can have appeared, moved or gone
    const seen = new Set<string>();
    const left: string[] = [];
    let after: Node = part.startNode!;
    for (const group of groups) {
      const known = this.#groups.get(group.key);
      const groupEl = known?.el ?? container(doc, 'div', 'group');
      placed.set(group.key, { el: groupEl, view: group });
      if (after.nextSibling !== groupEl) parent.insertBefore(groupEl, after.nextSibling);
      after = groupEl;
      if (known?.view === group) continue;
      if (known) for (const run of known.view.runs) left.push(run.key);
      let previous: Node | null = null;
      for (const run of group.runs) {
        seen.add(run.key);
        const last = this.#runs.get(run.key);
        const runEl = last?.el ?? container(doc, 'ul', 'run');
        const next: Node | null = previous ? previous.nextSibling : groupEl.firstChild;
        if (next !== runEl) groupEl.insertBefore(runEl, next);
        previous = runEl;
        // the container is in place before its rows go in: each row's nodes are inserted once
        if (last?.view !== run) {
          render(repeat(run.items, (c) => c.id, (_c, i) => run.rows[i]), runEl);
          this.#runs.set(run.key, { el: runEl, view: run });
          placedRuns.set(runEl, run);
        }
      }
    }
    for (const [key, { el, view }] of this.#groups) {
      if (placed.has(key)) continue;
      el.remove();
      for (const run of view.runs) left.push(run.key);
    }
    for (const key of left) {
      if (seen.has(key)) continue;
      this.#runs.get(key)?.el.remove();
      this.#runs.delete(key);
    }
    this.#groups = placed;
    return noChange;
  }
}

function container(doc: Document, tag: 'div' | 'ul', className: string): HTMLElement {
  const el = doc.createElement(tag);
  el.className = className;
  // the rows are the list's items; their containers only group them for rendering
  el.setAttribute('role', 'none');
  return el;
}

const placeRuns = directive(PlaceRuns);
