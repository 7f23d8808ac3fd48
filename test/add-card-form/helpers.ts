/**
 * Helpers for driving <add-card-form> the way a customer does: focus a field, type with real key
 * presses (`sendKeys`), paste, let autofill fill several fields at once.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import { CvvFlip } from '../../src/cvv-flip/cvv-flip.js';
import type { EndpointClientOptions } from '../../src/endpoint/client.js';
import { MockHost, type MockHostOptions } from '../../src/testing/mock-host.js';

// register just the two tags these tests need, under the names define.ts uses
if (!customElements.get('cvv-flip')) customElements.define('cvv-flip', CvvFlip);
if (!customElements.get('add-card-form')) customElements.define('add-card-form', AddCardForm);

export { AddCardForm, MockHost };

/** A valid card for the sandbox: Visa 4242…, expiry 12 / 30, code 123. */
export const VISA = '4242424242424242';
export const AMEX = '378282246310005';

/** Options for {@link mount}. */
export interface MountOptions {
  host?: MockHostOptions;
  /** Properties to set on the element before it first renders. */
  props?: Partial<Pick<AddCardForm, 'mode' | 'invoiceId' | 'amount' | 'currency' | 'acceptedBrands' | 'requireTerms' | 'hideSave' | 'offerDefault' | 'fundingChoice' | 'addressOptional' | 'savedAddresses' | 'cancelable' | 'locale' | 'now' | 'disabled'>>;
  /** Light DOM children (the terms slot). */
  children?: unknown;
  /** Options for the endpoint client (a short `timeoutMs` for timeout tests). */
  client?: Partial<EndpointClientOptions>;
}

/** Mounts a form wired to a fresh mock host (no addresses on file unless given). */
export async function mount(options: MountOptions = {}): Promise<{ el: AddCardForm; mock: MockHost }> {
  const mock = new MockHost(options.host);
  const el = await fixture<AddCardForm>(html`<add-card-form .client=${mock.client(options.client)} .tokenizer=${mock.tokenizer()}
    .savedAddresses=${options.props?.savedAddresses ?? null}>${options.children ?? ''}</add-card-form>`);
  Object.assign(el, options.props ?? {});
  await el.updateComplete;
  // let the GET /addresses the form makes on its own settle
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
  return { el, mock };
}

/** A control inside the form, by its field name (`number`, `postalCode`, `terms`…). */
export function control<T extends HTMLElement = HTMLInputElement>(el: AddCardForm, field: string): T {
  const found = el.shadowRoot!.querySelector<T>(`[data-field="${field}"]`);
  if (!found) throw new Error(`no control for ${field}`);
  return found;
}

/** The error text a field shows ('' when none). */
export function errorText(el: AddCardForm, field: string): string {
  return el.shadowRoot!.querySelector(`#${field}-error`)?.textContent?.trim() ?? '';
}

/** Whether the field shows its error the way the rule says: text, aria-invalid, aria-describedby and the part. */
export function showsError(el: AddCardForm, field: string): boolean {
  const input = control(el, field);
  const invalid = input.getAttribute('aria-invalid') === 'true';
  const described = (input.getAttribute('aria-describedby') ?? '').split(' ').includes(`${field}-error`);
  const part = (input.getAttribute('part') ?? '').split(' ').includes('input-invalid');
  const text = errorText(el, field) !== '';
  if (new Set([invalid, described, part, text]).size !== 1) {
    throw new Error(`${field}: inconsistent error state (aria-invalid ${invalid}, describedby ${described}, part ${part}, text ${text})`);
  }
  return invalid;
}

/** Focuses a field (clicking would do the same) and types into it with real key presses. */
export async function typeInto(el: AddCardForm, field: string, text: string): Promise<void> {
  control(el, field).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Presses a key (Tab, Backspace…) and waits for the form to render. */
export async function press(el: AddCardForm, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/**
 * Pastes `text` into the focused input at its selection, the way the browser does: a `beforeinput`
 * and the edit, then an `input` with `insertFromPaste` (sendKeys cannot reach the clipboard).
 */
export async function paste(el: AddCardForm, field: string, text: string): Promise<void> {
  const input = control(el, field);
  input.focus();
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', data: text, bubbles: true, composed: true, cancelable: true }));
  input.value = input.value.slice(0, start) + text + input.value.slice(end);
  input.setSelectionRange(start + text.length, start + text.length);
  input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: text, bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Fills several fields at once as browser autofill does: value set, then `input` and `change` on each. */
export async function autofill(el: AddCardForm, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    const input = control<HTMLInputElement | HTMLSelectElement>(el, field);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await el.updateComplete;
}

/** Fills the whole form with a valid card and address (typed, as a customer would). */
export async function fillValid(el: AddCardForm, number = VISA, code = number.length === 15 ? '1234' : '123'): Promise<void> {
  await typeInto(el, 'number', number);
  await typeInto(el, 'name', 'Ada Lovelace');
  await typeInto(el, 'expiry', '1230');
  await typeInto(el, 'code', code);
  await fillAddress(el);
}

/** Fills a US billing address. */
export async function fillAddress(el: AddCardForm): Promise<void> {
  await typeInto(el, 'line1', '1 Market Street');
  await typeInto(el, 'city', 'San Francisco');
  await typeInto(el, 'region', 'CA');
  const country = control<HTMLSelectElement>(el, 'country');
  if (country.value !== 'US') {
    country.value = 'US';
    country.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await typeInto(el, 'postalCode', '94105');
}

/** The submit button of the form. */
export function submitButton(el: AddCardForm): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('form[part~="form"] [part~="submit"]')!;
}

/** The element focused inside the form's shadow root, by field name or part. */
export function focusedField(el: AddCardForm): string | null {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  return active?.dataset.field ?? active?.getAttribute('part') ?? null;
}

/** Waits until `check` passes (or fails after `timeout` ms); a check that throws has not passed yet. */
export async function until(check: () => boolean, timeout = 3000): Promise<void> {
  const start = Date.now();
  const passes = () => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  while (!passes()) {
    if (Date.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
