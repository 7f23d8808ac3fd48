/**
 * The in-page side of `npm run bench`: keystroke cost and list rendering, each side by side with its
 * baseline in the same page. Bundled (with the real elements, from `src/define.ts`, and the in-page
 * mock endpoint) by bench/lib/build.ts; the Node runner calls `window.bench.*` through Playwright.
 *
 * Timing is `performance.now()` in a cross-origin-isolated page (the bench server sends COOP/COEP),
 * where Chromium's timer resolution is 5 µs instead of 100 µs.
 */
import { AddCardForm, CardList, CvvFlip } from '../../src/index.js';
import { MockHost } from '../../src/testing/mock-host.js';
import type { MockCard } from '../../src/testing/mock-host.js';
import type {
  ActionTiming,
  KeystrokeImpl,
  KeystrokeOptions,
  KeystrokeRunResult,
  KeystrokeSamples,
  ListOptions,
  ListRunResult,
  ListTimings,
} from '../lib/protocol.js';
import { deepQueryAll, deepText, findButton, nextFrame, pendingUpdates, plainMarkup, quiesce, settle, timerStepMicros, waitFor } from './dom.js';

// Registered here rather than through `import '…/define.js'`: package.json's `sideEffects` list
// names dist/npm/define.js but not src/define.ts, so a bundler drops that import as side-effect free.
for (const [tag, ctor] of [
  ['cvv-flip', CvvFlip],
  ['add-card-form', AddCardForm],
  ['card-list', CardList],
] as const) {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

// ---------------------------------------------------------------------------------------------
// Keystroke cost
// ---------------------------------------------------------------------------------------------

interface TypingTarget {
  name: KeystrokeImpl;
  /** The element whose render the keystroke may change (settled after each keystroke). */
  host: HTMLElement;
  input: HTMLInputElement;
}

/** jessepollak/card's constructor, as card-peer.js leaves it on `globalThis.Card`. */
type CardConstructor = new (options: { form: Element; container: Element; formSelectors?: Record<string, string> }) => unknown;

function section(title: string): HTMLElement {
  const el = document.createElement('section');
  el.dataset.impl = title;
  document.body.append(el);
  return el;
}

async function setUpElement(notes: string[]): Promise<TypingTarget | null> {
  const form = document.createElement('add-card-form');
  section('element').append(form);
  await settle(form);
  await nextFrame();
  const root: ParentNode = form.shadowRoot ?? form;
  const input =
    deepQueryAll(root, 'input[autocomplete="cc-number"]')[0] ?? deepQueryAll(root, 'input[name*="number" i], input[id*="number" i]')[0];
  if (!(input instanceof HTMLInputElement)) {
    notes.push('<add-card-form> renders no card-number input (autocomplete="cc-number"): its keystroke cost is not measured');
    return null;
  }
  return { name: 'element', host: form, input };
}

function setUpFormatter(): TypingTarget {
  const input = document.createElement('input');
  input.inputMode = 'numeric';
  input.autocomplete = 'cc-number';
  // the bare formatter the issue compares against, verbatim
  input.addEventListener('input', () => {
    input.value = input.value.replace(/(\d{4})(?=\d)/g, '$1 ');
  });
  const host = section('formatter');
  host.append(input);
  return { name: 'formatter', host, input };
}

function setUpCard(notes: string[]): TypingTarget | null {
  const Card = (globalThis as { Card?: CardConstructor }).Card;
  if (!Card) {
    notes.push('jessepollak/card did not load (card-peer.js): its keystroke cost is not measured');
    return null;
  }
  const host = section('card');
  const form = document.createElement('form');
  for (const name of ['number', 'name', 'expiry', 'cvc']) {
    const input = document.createElement('input');
    input.name = name;
    input.type = name === 'name' ? 'text' : 'tel';
    form.append(input);
  }
  const container = document.createElement('div');
  host.append(container, form);
  new Card({ form, container });
  return { name: 'card', host, input: form.querySelector<HTMLInputElement>('input[name="number"]')! };
}

const KEY_EVENT = { bubbles: true, cancelable: true, composed: true } as const;

/**
 * One keystroke of `ch`, the way Chromium delivers it: keydown, keypress, beforeinput, the text
 * insertion (the browser's default action), input, keyup. A handler that cancels an event stops
 * what follows, as in the browser (jessepollak/card formats on keypress and cancels it).
 *
 * Timed as two spans around the insertion, which is the browser's own work and the same for every
 * implementation: counting it would add a constant to both sides and flatter the ratios. After the
 * events, the renders they scheduled are awaited (`settle`), which ends "script"; reading
 * `offsetHeight` then forces the style recalculation and layout they made necessary, which ends
 * "script + layout". Paint and compositing are not included.
 *
 * Returns [script, script + layout] in microseconds.
 */
async function keystroke(target: TypingTarget, ch: string): Promise<[number, number]> {
  const { input, host } = target;
  const keyCode = ch.charCodeAt(0);
  const key = { ...KEY_EVENT, key: ch, code: `Digit${ch}`, keyCode, which: keyCode };
  let start = performance.now();
  let insert = input.dispatchEvent(new KeyboardEvent('keydown', key));
  if (insert) insert = input.dispatchEvent(new KeyboardEvent('keypress', { ...key, charCode: keyCode }));
  if (insert) {
    insert = input.dispatchEvent(new InputEvent('beforeinput', { ...KEY_EVENT, inputType: 'insertText', data: ch }));
  }
  let script = performance.now() - start;
  if (insert) {
    const from = input.selectionStart ?? input.value.length;
    input.setRangeText(ch, from, input.selectionEnd ?? from, 'end');
  }
  start = performance.now();
  if (insert) input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: ch }));
  input.dispatchEvent(new KeyboardEvent('keyup', key));
  await settle(target.name === 'element' ? host : null);
  const scripted = performance.now();
  script += scripted - start;
  void host.offsetHeight;
  const layout = performance.now() - scripted;
  return [script * 1000, (script + layout) * 1000];
}

/** Empties the field between numbers, untimed, the way select-all + Delete would. */
async function clear(target: TypingTarget): Promise<void> {
  const { input, host } = target;
  input.select();
  input.setRangeText('', 0, input.value.length, 'end');
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
  input.dispatchEvent(new KeyboardEvent('keyup', { ...KEY_EVENT, key: 'Delete', code: 'Delete', keyCode: 46, which: 46 }));
  await settle(target.name === 'element' ? host : null);
  void host.offsetHeight;
}

async function typeNumber(target: TypingTarget, digits: string, samples: KeystrokeSamples | null): Promise<string> {
  target.input.focus();
  // focusing restyles the field (focus ring, caret): let that happen here, untimed, rather than in
  // the first keystroke's layout, where it would land in every number's first sample
  await settle(target.name === 'element' ? target.host : null);
  void target.host.offsetHeight;
  for (const ch of digits) {
    const [script, scriptLayout] = await keystroke(target, ch);
    if (samples) {
      samples.script.push(script);
      samples.scriptLayout.push(scriptLayout);
    }
  }
  const typed = target.input.value;
  await clear(target);
  return typed;
}

/**
 * Types every number into the three implementations in turn, rotating which goes first so none is
 * always typed into right after another's garbage.
 */
async function keystrokeRun(options: KeystrokeOptions): Promise<KeystrokeRunResult> {
  const notes: string[] = [];
  const targets = [await setUpElement(notes), setUpFormatter(), setUpCard(notes)].filter((t): t is TypingTarget => t !== null);
  await quiesce();
  for (const digits of options.warmup) for (const t of targets) await typeNumber(t, digits, null);
  await quiesce();
  const samples: Partial<Record<KeystrokeImpl, KeystrokeSamples>> = {};
  const lastValues: Partial<Record<KeystrokeImpl, string>> = {};
  for (const t of targets) samples[t.name] = { script: [], scriptLayout: [] };
  for (let i = 0; i < options.numbers.length; i += 1) {
    for (let k = 0; k < targets.length; k += 1) {
      const t = targets[(i + k) % targets.length];
      lastValues[t.name] = await typeNumber(t, options.numbers[i], samples[t.name]!);
    }
  }
  const element = targets.find((t) => t.name === 'element');
  if (element?.host.shadowRoot && pendingUpdates(element.host.shadowRoot) > 0) {
    notes.push('<add-card-form> still had renders pending after a keystroke had settled: part of its cost may be uncounted');
  }
  return { samples, notes, lastValues, crossOriginIsolated, timerStepMicros: timerStepMicros() };
}

// ---------------------------------------------------------------------------------------------
// <card-list> rendering
// ---------------------------------------------------------------------------------------------

const BRANDS = ['visa', 'mastercard', 'american-express', 'discover'] as const;

function pad(i: number): string {
  return String(i).padStart(4, '0');
}

/** `n` valid, unexpired cards with unique names and last four digits; the first is the default. */
function makeCards(n: number): MockCard[] {
  const year = new Date().getFullYear();
  return Array.from({ length: n }, (_, i) => ({
    id: `card_${pad(i)}`,
    brand: BRANDS[i % BRANDS.length],
    last4: pad(i),
    expMonth: (i % 12) + 1,
    expYear: year + 1 + (i % 5),
    nameOnCard: `Holder ${pad(i)}`,
    funding: 'credit' as const,
  }));
}

/**
 * Records when the mock endpoint was working, so that time can be taken out of the element's
 * figures: the baseline makes no request, and a real endpoint's latency is not the element's cost.
 */
class StubClock {
  private readonly spans: [number, number][] = [];
  private inFlight = 0;

  wrap(fetchFn: typeof fetch): typeof fetch {
    return async (input, init) => {
      const start = performance.now();
      this.inFlight += 1;
      try {
        return await fetchFn(input, init);
      } finally {
        this.inFlight -= 1;
        this.spans.push([start, performance.now()]);
      }
    };
  }

  /** Resolves once no request is in flight (checked every 10 ms), so the next action starts clean. */
  async idle(): Promise<void> {
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** Milliseconds of mock endpoint work inside [from, to]. */
  overlap(from: number, to: number): number {
    let total = 0;
    for (const [s, e] of this.spans) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
    return total;
  }
}

interface Markup {
  sheets: CSSStyleSheet[];
  initial: string;
  afterDefault: string | null;
  afterRemove: string | null;
}

interface ElementPass {
  timings: ListTimings;
  markup: Markup | null;
  rowsRendered: number;
}

let stage: HTMLElement;

function rows(el: Element): Element[] {
  return el.shadowRoot ? Array.from(el.shadowRoot.querySelectorAll('[part~="row"]')) : [];
}

function rowFor(el: Element, name: string): Element | undefined {
  return rows(el).find((r) => (r.textContent ?? '').includes(name)) ?? rows(el).find((r) => deepText(r).includes(name));
}

/** True when the row of `name` shows as the default (the `row-default` part, or a "Default" badge in the row). */
function shownAsDefault(el: Element, name: string, byPart: boolean): boolean {
  if (byPart) {
    const row = el.shadowRoot?.querySelector('[part~="row-default"]');
    return !!row && (row.textContent ?? '').includes(name);
  }
  const row = rowFor(el, name);
  return !!row && deepQueryAll(row.shadowRoot ?? row, '[part~="badge"]').some((b) => /default/i.test(b.textContent ?? ''));
}

/**
 * Times `action` until `predicate` holds and the element has settled, then the forced layout; mock
 * endpoint time inside that window is removed from both figures.
 */
async function timeAction(
  el: HTMLElement,
  clock: StubClock,
  action: () => void,
  predicate: () => boolean,
  timeoutMs: number,
  observeRoot: () => Node,
): Promise<ActionTiming | null> {
  const start = performance.now();
  action();
  const shown = await waitFor(observeRoot(), predicate, timeoutMs);
  if (shown === null) return null;
  await settle(el);
  const scripted = performance.now();
  void el.offsetHeight;
  const laidOut = performance.now();
  const stub = clock.overlap(start, scripted);
  return { script: scripted - start - stub, scriptLayout: laidOut - start - stub, stub };
}

/** Renders `<card-list>` with `n` cards, sets a default, removes a card: the element's side. */
async function elementPass(n: number, timeoutMs: number, capture: boolean, notes: string[]): Promise<ElementPass> {
  const cards = makeCards(n);
  const host = new MockHost({ cards, policy: { maxCards: n + 10 }, latencyMs: 0 });
  const clock = new StubClock();
  const el = document.createElement('card-list');
  // the element is fed through its real endpoint client; only the transport is the in-page mock
  (el as unknown as { client: unknown }).client = host.client({ fetch: clock.wrap(host.fetch) });
  const timings: ListTimings = { firstRender: null, setDefault: null, remove: null };
  let markup: Markup | null = null;
  try {
    timings.firstRender = await timeAction(el, clock, () => stage.append(el), () => rows(el).length === n, timeoutMs, () => el.shadowRoot ?? el);
    const rowsRendered = rows(el).length;
    if (!timings.firstRender) {
      notes.push(`<card-list> showed ${rowsRendered} rows (part="row"), not ${n}, within ${timeoutMs} ms: list figures at ${n} are not measured`);
      return { timings, markup, rowsRendered };
    }
    const root = el.shadowRoot!;
    if (capture) markup = { sheets: [...root.adoptedStyleSheets], initial: plainMarkup(root), afterDefault: null, afterRemove: null };
    await quiesce();

    // set default: the middle card, a valid non-default one
    const target = cards[Math.floor(n / 2)].nameOnCard;
    const byPart = !!root.querySelector('[part~="row-default"]');
    const row = rowFor(el, target);
    const button = row && findButton(row, /default/i);
    if (!button) {
      notes.push(`no "Set as default" button in a <card-list> row at ${n} cards: set default is not measured`);
    } else {
      timings.setDefault = await timeAction(el, clock, () => button.click(), () => shownAsDefault(el, target, byPart), timeoutMs, () => root);
      if (!timings.setDefault) notes.push(`set default did not show within ${timeoutMs} ms at ${n} cards`);
      else if (markup) markup.afterDefault = plainMarkup(root);
    }
    // let the endpoint's answer land (and the element apply it) before the next action
    await clock.idle();
    await nextFrame();
    await settle(el);
    await quiesce();

    // remove: a card that is neither the old nor the new default
    const victim = cards[Math.floor(n / 3) + 1].nameOnCard;
    const victimRow = rowFor(el, victim);
    const removeButton = victimRow && findButton(victimRow, /remove/i);
    const before = rows(el).length;
    if (!removeButton) {
      notes.push(`no "Remove" button in a <card-list> row at ${n} cards: remove is not measured`);
    } else {
      removeButton.click();
      await settle(el);
      await nextFrame();
      const dialogs = [...deepQueryAll(root, 'dialog[open], [role="dialog"], [role="alertdialog"]'), ...deepQueryAll(document, 'dialog[open]')];
      const confirm = dialogs.map((d) => findButton(d, /remove|delete|yes/i, /cancel|keep|back/i)).find((b) => b && b !== removeButton);
      const gone = (): boolean => rows(el).length === before - 1;
      if (gone()) {
        notes.push(`<card-list> removed a card at ${n} cards without asking first: remove timed from the row's button is not available`);
      } else if (!confirm) {
        notes.push(`no confirmation button found after "Remove" at ${n} cards: remove is not measured`);
      } else {
        timings.remove = await timeAction(el, clock, () => confirm.click(), gone, timeoutMs, () => root);
        if (!timings.remove) notes.push(`the removed row did not disappear within ${timeoutMs} ms at ${n} cards`);
        else if (markup) markup.afterRemove = plainMarkup(root);
      }
    }
    if (pendingUpdates(root) > 0) notes.push(`<card-list> had renders pending after settling at ${n} cards`);
    return { timings, markup, rowsRendered };
  } finally {
    el.remove();
  }
}

/**
 * The baseline: a vanilla list that parses the same `GET /cards` answer and sets the same markup
 * the element rendered (captured from it) with `innerHTML`, in a shadow root with the element's own
 * stylesheets. Set default and remove are full `innerHTML` rebuilds with the markup after each.
 */
async function innerHTMLPass(n: number, markup: Markup, responseText: string): Promise<ListTimings> {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = markup.sheets;
  stage.append(host);
  const time = async (work: () => void): Promise<ActionTiming> => {
    const start = performance.now();
    work();
    await settle(null);
    const scripted = performance.now();
    void host.offsetHeight;
    return { script: scripted - start, scriptLayout: performance.now() - start, stub: 0 };
  };
  try {
    const firstRender = await time(() => {
      const data = JSON.parse(responseText) as { cards: unknown[] };
      if (data.cards.length !== n) throw new Error('baseline answer has the wrong number of cards');
      root.innerHTML = markup.initial;
    });
    await quiesce();
    const afterDefault = markup.afterDefault;
    const setDefault = afterDefault === null ? null : await time(() => (root.innerHTML = afterDefault));
    await quiesce();
    const afterRemove = markup.afterRemove;
    const remove = afterRemove === null ? null : await time(() => (root.innerHTML = afterRemove));
    return { firstRender, setDefault, remove };
  } finally {
    host.remove();
  }
}

async function listResponseText(n: number): Promise<string> {
  const host = new MockHost({ cards: makeCards(n), policy: { maxCards: n + 10 } });
  return (await host.fetch('/api/cards')).text();
}

/**
 * One list run: at each size, an untimed pass of each side, then `repeats` back-to-back pairs of
 * timed passes, alternating which side goes first.
 */
async function listRun(options: ListOptions): Promise<ListRunResult> {
  const notes: string[] = [];
  stage = document.createElement('main');
  document.body.append(stage);
  const result: ListRunResult = { sizes: {}, notes, crossOriginIsolated };
  const empty: ListTimings = { firstRender: null, setDefault: null, remove: null };
  for (const n of options.sizes) {
    // the untimed pass warms both sides up and captures the element's markup for the baseline
    const warm = await elementPass(n, options.timeoutMs, true, notes);
    if (!warm.markup) {
      result.sizes[n] = { element: [warm.timings], innerHTML: [empty], rowsRendered: warm.rowsRendered };
      break;
    }
    const responseText = await listResponseText(n);
    await innerHTMLPass(n, warm.markup, responseText);
    await quiesce();
    const sizeResult = { element: [] as ListTimings[], innerHTML: [] as ListTimings[], rowsRendered: warm.rowsRendered };
    for (let rep = 0; rep < options.repeats; rep += 1) {
      const elementFirst = options.elementFirst === (rep % 2 === 0);
      let element: ListTimings | null = null;
      let baseline: ListTimings | null = null;
      for (const side of elementFirst ? ['element', 'baseline'] : ['baseline', 'element']) {
        if (side === 'element') element = (await elementPass(n, options.timeoutMs, false, [])).timings;
        else baseline = await innerHTMLPass(n, warm.markup, responseText);
        await quiesce();
      }
      sizeResult.element.push(element!);
      sizeResult.innerHTML.push(baseline!);
    }
    result.sizes[n] = sizeResult;
  }
  return result;
}

/**
 * Leaves `<card-list>` with `n` cards and its innerHTML twin on the page, side by side, to check by
 * eye (or screenshot) that the baseline renders what the element renders. Not used by the runner.
 */
async function preview(n: number): Promise<string> {
  document.body.style.width = 'auto';
  const cards = makeCards(n);
  const host = new MockHost({ cards, policy: { maxCards: n + 10 } });
  const el = document.createElement('card-list');
  (el as unknown as { client: unknown }).client = host.client();
  const row = document.createElement('div');
  row.style.cssText = 'display:grid;grid-template-columns:1fr 1fr;gap:16px;width:1200px';
  document.body.append(row);
  row.append(el);
  await waitFor(el.shadowRoot!, () => rows(el).length === n, 5000);
  await settle(el);
  const twin = document.createElement('div');
  const root = twin.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets];
  root.innerHTML = plainMarkup(el.shadowRoot!);
  row.append(twin);
  return root.innerHTML;
}

const bench = { keystrokeRun, listRun, preview };

declare global {
  interface Window {
    /** Set by bench/pages/harness.ts once the elements are defined. */
    bench?: typeof bench;
  }
}

window.bench = bench;
