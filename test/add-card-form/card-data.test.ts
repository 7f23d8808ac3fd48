/**
 * The rule the product stands on: the card number and security code leave the page only towards
 * the token endpoint. Every request is intercepted (the mock records them all), and after each
 * journey every attribute, every event detail and web storage is searched for the card data.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { control, fillValid, mount, submitButton, until, type AddCardForm, type MockHost } from './helpers.js';

const CODE = '987';

/** Every shape the number may take on the way out: digits, grouped, dashed. */
function numberShapes(number: string): string[] {
  return [number, number.replace(/(\d{4})(?=\d)/g, '$1 '), number.replace(/(\d{4})(?=\d)/g, '$1-')];
}

/** Every string value inside a JSON text. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every attribute value in the light DOM and in every open shadow root below `root`. */
function attributeValues(root: Document | ShadowRoot | Element): string[] {
  const values: string[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const el of node.querySelectorAll('*')) {
      for (const attr of el.attributes) values.push(`${attr.name}=${attr.value}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return values;
}

function storage(): string[] {
  const out: string[] = [];
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i)!;
      out.push(key, store.getItem(key) ?? '');
    }
  }
  return out;
}

/** Records the detail of every event that reaches window, and of every CustomEvent dispatched anywhere. */
function recordEvents(): { details: string[]; stop: () => void } {
  const details: string[] = [];
  const names = ['card-added', 'payment-succeeded', 'payment-failed', 'session-expired', 'verification-required', 'add-card-cancel'];
  const onEvent = (e: Event) => details.push(`${e.type}:${JSON.stringify((e as CustomEvent).detail ?? null)}`);
  for (const name of names) window.addEventListener(name, onEvent, { capture: true });
  const original = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    if (event instanceof CustomEvent) details.push(`${event.type}:${JSON.stringify(event.detail ?? null)}`);
    return original.call(this, event);
  };
  return {
    details,
    stop: () => {
      for (const name of names) window.removeEventListener(name, onEvent, { capture: true });
      EventTarget.prototype.dispatchEvent = original;
    },
  };
}

/** Checks every request and the page for the card numbers typed so far (the last one is `numbers.at(-1)`). */
function assertNoCardData(el: AddCardForm, mock: MockHost, numbers: string[], recorded: string[]): void {
  const tokenizer = mock.requests.filter((r) => r.target === 'tokenizer');
  expect(tokenizer.length, 'tokenizer requests').to.be.greaterThan(0);
  for (const request of tokenizer) {
    const body = JSON.parse(request.body);
    expect(numbers).to.include(body.number);
    expect(body.cvc).to.equal(CODE);
  }
  for (const number of numbers) assertNumberAbsent(el, mock, number, recorded);
}

function assertNumberAbsent(el: AddCardForm, mock: MockHost, number: string, recorded: string[]): void {
  const shapes = numberShapes(number);
  for (const request of mock.requests.filter((r) => r.target === 'host')) {
    const texts = [request.url, request.body, ...Object.values(request.headers)];
    for (const shape of shapes) expect(texts.join('\n'), `${request.method} ${request.path}`).to.not.contain(shape);
    const values = request.body ? strings(JSON.parse(request.body)) : [];
    expect(values, `${request.method} ${request.path}`).to.not.include(CODE);
    for (const value of values) expect(value.replace(/\D/g, '')).to.not.contain(number);
  }
  const attrs = attributeValues(document);
  for (const shape of [...shapes, CODE]) {
    expect(attrs.filter((a) => a.includes(shape)), `attributes holding ${shape}`).to.deep.equal([]);
  }
  for (const detail of recorded) {
    for (const shape of shapes) expect(detail).to.not.contain(shape);
    expect(detail).to.not.match(new RegExp(`\\b${CODE}\\b`));
  }
  for (const entry of storage()) {
    for (const shape of [...shapes, CODE]) expect(entry).to.not.contain(shape);
  }
  // and nothing of the card is left on the page once it is saved or refused
  const root = el.shadowRoot!;
  expect(control(el, 'number').value).to.equal('');
  expect(control(el, 'code').value).to.equal('');
  expect(root.textContent).to.not.contain(number.slice(0, 12));
  expect(el.textContent).to.not.contain(number.slice(0, 12));
}

describe('<add-card-form> card data', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    recorder = recordEvents();
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => recorder.stop());

  it('goes only to the token endpoint when a card is added', async () => {
    const { el, mock } = await mount();
    await fillValid(el, '4242424242424242', CODE);
    const added = oneEvent(el, 'card-added');
    submitButton(el).click();
    await added;
    await el.updateComplete;
    assertNoCardData(el, mock, ['4242424242424242'], recorder.details);
    expect(recorder.details.some((d) => d.startsWith('card-added:'))).to.equal(true);
  });

  it('goes only to the token endpoint when paying, declined or verified', async () => {
    const { el, mock } = await mount({ props: { mode: 'pay', amount: 1000 } });
    await fillValid(el, '4000000000000002', CODE);
    submitButton(el).click();
    await oneEvent(el, 'payment-failed');
    await el.updateComplete;
    assertNoCardData(el, mock, ['4000000000000002'], recorder.details);

    control(el, 'number').focus();
    await sendKeys({ type: '4000002500003155' });
    control(el, 'code').focus();
    await sendKeys({ type: CODE });
    await el.updateComplete;
    submitButton(el).click();
    await oneEvent(el, 'verification-required');
    await until(() => el.shadowRoot!.activeElement === control(el, 'otp'));
    await sendKeys({ type: mock.lastOtp! });
    const paid = oneEvent(el, 'payment-succeeded');
    await sendKeys({ press: 'Enter' });
    await paid;
    await el.updateComplete;
    assertNoCardData(el, mock, ['4000000000000002', '4000002500003155'], recorder.details);
  });

  it('is wiped when the form is removed from the page, and on reset()', async () => {
    const { el } = await mount();
    await fillValid(el, '4242424242424242', CODE);
    const number = control(el, 'number');
    const code = control(el, 'code');
    el.remove();
    expect(number.value).to.equal('');
    expect(code.value).to.equal('');
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('cvv-flip')!.number).to.equal('');

    await fillValid(el, '4242424242424242', CODE);
    el.reset();
    await el.updateComplete;
    for (const f of ['number', 'code', 'name', 'expiry', 'line1']) expect(control(el, f).value, f).to.equal('');
    expect(el.shadowRoot!.querySelector('cvv-flip')!.number).to.equal('');
    el.remove();
  });
});
