/**
 * Helpers for play functions: find the element in the story's canvas, reach into its open shadow
 * root, wait for what the customer would see, and type like a customer (`userEvent` from
 * 'storybook/test', so every step shows in the Interactions panel).
 */
import { userEvent } from 'storybook/test';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';

/** The first `tag` in the canvas; throws when the story did not render one. */
export function find<K extends keyof HTMLElementTagNameMap>(canvas: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const el = canvas.querySelector(tag);
  if (!el) throw new Error(`the story rendered no <${tag}>`);
  return el;
}

/** The element's shadow root (every element here has an open one). */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/**
 * Waits until `check` returns true, polling: elements fetch on their own after the first render,
 * so a play function waits for what the customer would see rather than for a fixed time.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  for (;;) {
    let ok = false;
    try {
      ok = check();
    } catch {
      ok = false;
    }
    if (ok) return;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** Waits for a card list to show its cards (or its empty or error state). */
export async function listLoaded(list: CardList): Promise<void> {
  await until(() => !shadow(list).querySelector('[part~="skeleton"]'), 'the list to load');
  await list.updateComplete;
}

/** A card row by the last four digits it shows. */
export function rowOf(list: CardList, last4: string): HTMLElement {
  const row = [...shadow(list).querySelectorAll<HTMLElement>('li[data-id]')].find((r) =>
    r.querySelector('[part~="number"]')?.textContent?.endsWith(last4),
  );
  if (!row) throw new Error(`no row for •••• ${last4}`);
  return row;
}

/** A form control by its field name (`number`, `name`, `expiry`, `code`, `line1`, `country`…). */
export function control<T extends HTMLElement = HTMLInputElement>(form: AddCardForm, field: string): T {
  const el = shadow(form).querySelector<T>(`[data-field="${field}"]`);
  if (!el) throw new Error(`no control for ${field}`);
  return el;
}

/** Types into a field key by key, as a customer would. */
export async function typeInto(form: AddCardForm, field: string, text: string): Promise<void> {
  await userEvent.type(control(form, field), text);
  await form.updateComplete;
}

/** Fills the card fields: number, name, expiry 12 / (three years ahead), security code. */
export async function fillCard(form: AddCardForm, number: string, code = number.length === 15 ? '1234' : '123'): Promise<void> {
  const yy = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
  await typeInto(form, 'number', number);
  await typeInto(form, 'name', 'Ada Lovelace');
  await typeInto(form, 'expiry', `12${yy}`);
  await typeInto(form, 'code', code);
}

/** Fills a US billing address (unless an address on file is chosen, which locks the fields). */
export async function fillAddress(form: AddCardForm): Promise<void> {
  const country = control<HTMLSelectElement>(form, 'country');
  if (country.disabled) return;
  await typeInto(form, 'line1', '1 Market Street');
  await typeInto(form, 'city', 'San Francisco');
  await typeInto(form, 'region', 'CA');
  if (country.value !== 'US') {
    await userEvent.selectOptions(country, 'US');
    await form.updateComplete;
  }
  await typeInto(form, 'postalCode', '94105');
}

/** Presses the form's submit button ("Add card", "Pay $120.00"). */
export async function submit(form: AddCardForm): Promise<void> {
  const button = shadow(form).querySelector<HTMLButtonElement>('form[part~="form"] [part~="submit"]');
  if (!button) throw new Error('no submit button');
  await userEvent.click(button);
  await form.updateComplete;
}

/** The visible text of the first element matching `selector` in the shadow root ('' when none). */
export function textOf(el: Element, selector: string): string {
  return shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
