/**
 * Shared by the browser attack tests: the elements wired to a MockHost, the journeys a customer
 * takes through them, and one assertion that searches everything a script on the page can read.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import '../../src/define.js';
import type { EndpointClientOptions } from '../../src/endpoint/client.js';
import { MockHost, mockCard, type MockHostOptions, type RecordedRequest } from '../../src/testing/index.js';
import { domTexts, findSecrets, storageTexts, windowTexts, type Probe, type ProbedText } from './probe.js';

export { MockHost, mockCard };

/** Sandbox test numbers the journeys type (none of them is 4242…: a list of •••• 4242 rows could spell it in digits). */
export const NUMBERS = {
  visa: '4111111111111111',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  declined: '4000000000000002',
  otp: '4000002500003155',
} as const;

/** Security codes the journeys type: numbers the pages never show for another reason. */
export const CODES = { three: '739', four: '7391' } as const;

/** What the probe looks for. */
export const SECRETS = { numbers: Object.values(NUMBERS), codes: Object.values(CODES) };

const year = new Date().getFullYear();

/** The account the journeys start from: one saved card, one open invoice. */
export function hostOptions(extra: MockHostOptions = {}): MockHostOptions {
  return {
    cards: [mockCard({ id: 'card_saved', brand: 'visa', last4: '4242', expMonth: 12, expYear: year + 2 })],
    invoices: [{ id: 'inv_1', number: 'INV-1', description: 'May', amount: { amount: 2500, currency: 'USD' }, status: 'open', dueDate: `${year + 1}-01-01` }],
    otpCode: '246810',
    ...extra,
  };
}

/** Waits until `check` holds (polling every 10 ms), or fails naming `what`. */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  const holds = (): boolean => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  while (!holds()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A `<card-list>` against `host`, loaded. */
export async function mountList(host: MockHost, configure: (el: CardList) => void = () => {}, client: Partial<EndpointClientOptions> = {}): Promise<CardList> {
  const el = await fixture<CardList>(html`<card-list></card-list>`);
  configure(el);
  el.tokenizer = host.tokenizer();
  el.client = host.client({ timeoutMs: 5000, ...client });
  await until(() => !el.shadowRoot!.querySelector('[part~="skeleton"]'), 'the list to load');
  await el.updateComplete;
  return el;
}

/** Opens the list's own form ("Add new card" / "Use another card") and returns it, rendered. */
export async function openForm(list: CardList): Promise<AddCardForm> {
  list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-add"]')!.click();
  await until(() => !!list.shadowRoot!.querySelector('add-card-form'), 'the form');
  const form = list.shadowRoot!.querySelector<AddCardForm>('add-card-form')!;
  await form.updateComplete;
  return form;
}

/** Back from the form to the list (after adding a card, the list comes back by itself). */
export async function backToList(list: CardList): Promise<void> {
  await until(() => !list.shadowRoot!.querySelector('add-card-form') || !!list.shadowRoot!.querySelector('[part~="button-back"]'), 'the list or its Back');
  list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button-back"]')?.click();
  await until(() => !list.shadowRoot!.querySelector('add-card-form'), 'the list');
}

/** A part inside an element's shadow root. */
export const part = (el: Element, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The request's text: URL, headers (all but the random idempotency key) and body. */
export function requestText(request: RecordedRequest): string {
  const headers = Object.entries(request.headers).filter(([name]) => name !== 'idempotency-key');
  return [request.url, ...headers.map(([n, v]) => `${n}: ${v}`), request.body].join('\n');
}

/**
 * Asserts that the card numbers and codes went to the tokenizer and nowhere else: every host
 * request is free of them, and (so the check cannot pass by seeing nothing) each number given in
 * `tokenized` did reach the tokenizer.
 */
export function assertOnlyTokenizerSaw(requests: RecordedRequest[], tokenized: string[]): void {
  const host = requests.filter((r) => r.target === 'host');
  expect(host.length, 'host requests recorded').to.be.greaterThan(0);
  const leaks = findSecrets(
    host.map((r) => ({ where: `${r.method} ${r.path}`, text: requestText(r) })),
    SECRETS,
  );
  expect(leaks, 'card data in a request to the host endpoint').to.deep.equal([]);
  const toTokenizer = requests.filter((r) => r.target === 'tokenizer').map((r) => r.body);
  for (const number of tokenized) {
    expect(toTokenizer.some((body) => body.includes(`"${number}"`)), `…${number.slice(-4)} reached the tokenizer`).to.equal(true);
  }
}

/** Everything a script on the page can read, at this moment, plus what the probe recorded. */
export async function readableTexts(probe: Probe): Promise<ProbedText[]> {
  return [
    ...domTexts(document),
    ...(await storageTexts()),
    ...windowTexts(),
    ...probe.events.map((e) => ({ where: `event ${e.type} detail`, text: e.detail })),
    ...probe.logs.map((text) => ({ where: 'console', text })),
    ...probe.errors.map((text) => ({ where: 'error', text })),
  ];
}

/** Asserts that nothing a script on the page can read holds a card number or code. */
export async function assertNothingReadable(probe: Probe, when: string, secrets: { numbers?: string[]; codes?: string[] } = SECRETS): Promise<void> {
  const leaks = findSecrets(await readableTexts(probe), secrets);
  expect(leaks, `card data readable on the page ${when}`).to.deep.equal([]);
}
