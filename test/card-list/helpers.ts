import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { CardList } from '../../src/card-list/card-list.js';
import type { EndpointClientOptions } from '../../src/endpoint/client.js';
import { MockHost, mockCard, type MockCard, type MockHostOptions } from '../../src/testing/index.js';

export { MockHost, mockCard };

const year = new Date().getFullYear();

/** Three cards: Visa 4242 (default), Mastercard 4444, Amex 0005. */
export function threeCards(): MockCard[] {
  return [
    mockCard({ id: 'card_visa', brand: 'visa', last4: '4242', nameOnCard: 'Ada Lovelace', expMonth: 12, expYear: year + 3 }),
    mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444', nameOnCard: 'Ada Lovelace', expMonth: 6, expYear: year + 2 }),
    mockCard({ id: 'card_amex', brand: 'american-express', last4: '0005', nameOnCard: 'A. Lovelace', expMonth: 3, expYear: year + 4 }),
  ];
}

export interface Setup {
  host: MockHost;
  el: CardList;
}

/** A list against a fresh MockHost, rendered and loaded. */
export async function setup(
  options: MockHostOptions | MockHost = { cards: threeCards() },
  configure: (el: CardList) => void = () => {},
  client: Partial<EndpointClientOptions> = {},
): Promise<Setup> {
  const host = options instanceof MockHost ? options : new MockHost(options);
  const el = await fixture<CardList>(html`<card-list></card-list>`);
  configure(el);
  el.tokenizer = host.tokenizer();
  // generous: axe runs while requests are held, and two browsers share two cores
  el.client = host.client({ timeoutMs: 5000, ...client });
  await settled(el);
  return { host, el };
}

/** Waits until `check` holds (polling), or fails with `what`. */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits for the list to leave its loading state and re-render. */
export async function settled(el: CardList): Promise<void> {
  await until(() => !el.shadowRoot!.querySelector('[part~="skeleton"]'), 'the list to load');
  await el.updateComplete;
}

export const root = (el: CardList): ShadowRoot => el.shadowRoot!;

/** The card rows, in order. */
export const rows = (el: CardList): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('li[data-id]')];

/** Each row's last four digits as the customer reads them, in order. */
export const order = (el: CardList): string[] => rows(el).map((r) => r.querySelector('[part~="number"]')!.textContent!.replace(/\D/g, ''));

/** The row showing `last4`. */
export function row(el: CardList, last4: string): HTMLElement {
  const found = rows(el).find((r) => r.querySelector('[part~="number"]')!.textContent!.endsWith(last4));
  if (!found) throw new Error(`no row for ${last4}`);
  return found;
}

/** A row's action button (`default`, `remove`, `replace`), or null. */
export const action = (rowEl: HTMLElement, name: string): HTMLButtonElement | null =>
  rowEl.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`);

/** The last four digits of the row marked default, or null. */
export function defaultLast4(el: CardList): string | null {
  const r = rows(el).find((x) => x.querySelector('[part~="badge-default"]'));
  return r ? r.querySelector('[part~="number"]')!.textContent!.replace(/\D/g, '') : null;
}

/** The visible notice text ('' when none). */
export const notice = (el: CardList): string =>
  [...root(el).querySelectorAll('[part~="notice"]')].map((n) => n.querySelector('p')?.textContent ?? '').join('').trim();

/** The removal dialog. */
export const dialog = (el: CardList): HTMLDialogElement => root(el).querySelector('dialog')!;

/** The element focused inside the list's shadow root. */
export const focused = (el: CardList): Element | null => root(el).activeElement;

/** Host requests as `METHOD /path`, in order. */
export const sent = (host: MockHost): string[] => host.hostRequests().map((r) => `${r.method} ${r.path}`);
