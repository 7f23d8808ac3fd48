/**
 * DOM helpers the in-page harness shares: waiting for Lit renders, reaching into open shadow roots,
 * and serialising a rendered tree into plain markup for the innerHTML baseline.
 */

interface Updatable {
  updateComplete?: Promise<unknown>;
  isUpdatePending?: boolean;
}

/**
 * Microtask turns to let renders scheduled by a render finish: a Lit child created or changed by its
 * parent's render updates a microtask or two after the parent's `updateComplete` resolves. Eight
 * covers four levels of nesting; each turn costs well under a microsecond.
 */
const MICROTASK_TURNS = 8;

/**
 * Resolves once `el` (when it is a Lit element) and the renders it scheduled are done. Every
 * implementation is settled the same way, baselines included, so the few microtask turns cancel out.
 */
export async function settle(el: Element | null): Promise<void> {
  await (el as Updatable | null)?.updateComplete;
  for (let i = 0; i < MICROTASK_TURNS; i += 1) await Promise.resolve();
}

/** Every element under `root`, descending into open shadow roots (depth first, document order). */
export function* walk(root: ParentNode): Generator<Element> {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    yield el;
    if (el.shadowRoot) yield* walk(el.shadowRoot);
  }
}

/** `el` itself, its shadow tree and its light descendants. */
export function* walkFrom(el: Element): Generator<Element> {
  yield el;
  if (el.shadowRoot) yield* walk(el.shadowRoot);
  yield* walk(el);
}

/** Elements matching `selector` under `root`, open shadow roots included. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  for (const el of walk(root)) if (el.matches(selector)) out.push(el);
  return out;
}

/** Text of `el` including what its nested shadow roots render. */
export function deepText(el: Element): string {
  let text = el.textContent ?? '';
  for (const inner of walkFrom(el)) if (inner.shadowRoot) text += ` ${inner.shadowRoot.textContent ?? ''}`;
  return text;
}

/** How many Lit elements under `root` still have a render pending (0 once settled). */
export function pendingUpdates(root: ParentNode): number {
  let count = 0;
  for (const el of walk(root)) if ((el as Updatable).isUpdatePending) count += 1;
  return count;
}

/** A button (or button-like control) under `el` whose text or accessible label matches `name`. */
export function findButton(el: Element | ParentNode, name: RegExp, exclude?: RegExp): HTMLElement | null {
  const candidates = el instanceof Element ? Array.from(walkFrom(el)) : Array.from(walk(el));
  for (const c of candidates) {
    if (!c.matches('button, [role="button"], [role="menuitem"]')) continue;
    const label = `${c.getAttribute('aria-label') ?? ''} ${c.textContent ?? ''}`;
    if (name.test(label) && !(exclude && exclude.test(label))) return c as HTMLElement;
  }
  return null;
}

/**
 * Resolves with the time at which `predicate` first held after a DOM change under `root`, or `null`
 * after `timeoutMs`. A MutationObserver sees the change in the microtask after the render that made
 * it; changes inside nested shadow roots are invisible to it, so a slow poll backs it up.
 */
export function waitFor(root: Node, predicate: () => boolean, timeoutMs: number): Promise<number | null> {
  if (predicate()) return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    let done = false;
    let poll: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: number | null): void => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(poll);
      clearTimeout(limit);
      resolve(value);
    };
    const check = (): void => {
      if (predicate()) finish(performance.now());
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = (): void => {
      check();
      if (!done) poll = setTimeout(tick, 50);
    };
    poll = setTimeout(tick, 50);
    const limit = setTimeout(() => finish(null), timeoutMs);
  });
}

/**
 * The step of `performance.now()` in this page, in microseconds: 5 when cross-origin isolated, 100
 * otherwise (Chromium clamps it against timing attacks). Keystroke figures are estimated on it.
 */
export function timerStepMicros(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    let next = start;
    while (next === start) next = performance.now();
    smallest = Math.min(smallest, next - start);
  }
  // readings can be jittered by a fraction of the step; the step is the grid they snap to
  return smallest * 1000 > 50 ? 100 : 5;
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Runs a full garbage collection when Chromium exposes `gc` (`--js-flags=--expose-gc`), so timed code does not pay for garbage left by the previous pass. */
export async function quiesce(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await nextFrame();
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function serializeChildren(parent: ParentNode): string {
  let out = '';
  for (const node of Array.from(parent.childNodes)) out += serializeNode(node);
  return out;
}

function serializeNode(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return ''; // Lit's marker comments: a plain list has none
  const el = node as Element;
  // a nested custom element would upgrade and render itself again in the baseline; inline what it
  // rendered into a plain span instead, so the baseline builds the same nodes with no component code
  const custom = el.localName.includes('-');
  const tag = custom ? 'span' : el.localName;
  let attrs = '';
  for (const a of Array.from(el.attributes)) attrs += ` ${a.name}="${escapeAttr(a.value)}"`;
  if (VOID.has(tag)) return `<${tag}${attrs}>`;
  const shadow = el.shadowRoot ? serializeChildren(el.shadowRoot) : '';
  const inner = el.localName === 'template' ? '' : serializeChildren(el);
  return `<${tag}${attrs}>${shadow}${inner}</${tag}>`;
}

/**
 * What a rendered shadow root looks like as plain markup: the same elements, attributes and text,
 * without Lit's comment markers, nested components inlined. Setting it with `innerHTML` rebuilds the
 * same nodes the element rendered, which makes it the like-for-like innerHTML baseline.
 */
export function plainMarkup(root: ShadowRoot): string {
  return serializeChildren(root);
}
