/**
 * Fuzzing the fields in the browser (issue 9, area 5). For each of the card number, name, expiry,
 * security code and postal code, 10,000 random runs, each one to three edits at a random selection:
 * typing (one `beforeinput` + `input` of type `insertText` per character, as a keyboard makes),
 * pasting (`insertFromPaste`) or deleting. The text mixes ASCII and Unicode digits, separators,
 * letters, emoji and very long strings.
 *
 * After every edit: nothing threw; the field shows exactly what the core's formatter makes of the
 * edit (so the caret stays inside the value); formatting again changes nothing (idempotent). After
 * every run: `aria-invalid` agrees with the core's verdict on the value (the form was submitted once
 * beforehand, so by the visibility rule every invalid field shows its error). A second, smaller pass
 * blurs the field instead of submitting. A last one types with real key presses (`sendKeys`).
 *
 * A failure prints fast-check's seed and path; put them in REPLAY below to run that case again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import { detectBrand, type BrandInfo } from '../../src/core/brands.js';
import { numberState } from '../../src/core/card-number.js';
import { normalizeDigits } from '../../src/core/digits.js';
import { expiryState } from '../../src/core/expiry.js';
import { formatExpiryInput, reformatCardNumber } from '../../src/core/format.js';
import { nameState } from '../../src/core/name.js';
import { postalCodeState } from '../../src/core/postal-code.js';
import { codeState } from '../../src/core/security-code.js';
import { MockHost, hostOptions } from './support.js';

/** Runs per field (each one to three edits, so more inputs than runs). */
const RUNS = 10_000;
/** Set to `{ seed, path }` from a failure's message to replay exactly that case. */
const REPLAY: { seed: number; path?: string } | null = null;

const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(REPLAY ?? {}), endOnFailure: true, includeErrorInReport: true });

type Field = 'number' | 'name' | 'expiry' | 'code' | 'postalCode';

// --- what customers (and their keyboards, autofill and clipboards) produce ----------------------------

const UNICODE_DIGITS = ['０', '１', '９', '٠', '٣', '٩', '۴', '०', '७', '০', '๕', '᠑', '𝟘', '𝟙', '𝟡'];
const SEPARATORS = [' ', '-', '.', '/', '\u00a0', '\u2007', '\u202f', '\u2013', '\u200b', '\t', '\n', '_', ','];
const OTHER = ['a', 'Z', 'é', 'ß', 'Ω', 'ж', 'あ', '漢', '💳', '👍🏽', '👩‍💻', '\u202e', '\u0301', '<', '"', "'", '\\', '\u0000'];

const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...'0123456789'), weight: 10 },
  { arbitrary: fc.constantFrom(...UNICODE_DIGITS), weight: 2 },
  { arbitrary: fc.constantFrom(...SEPARATORS), weight: 3 },
  { arbitrary: fc.constantFrom(...OTHER), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 1 },
);
const text = fc.oneof(
  { arbitrary: fc.string({ unit, maxLength: 24 }), weight: 30 },
  { arbitrary: fc.string({ unit, minLength: 200, maxLength: 1500 }), weight: 1 },
);

interface Edit {
  kind: 'type' | 'paste' | 'delete';
  text: string;
  /** Where the selection starts and how long it is, as fractions of the current value. */
  start: number;
  length: number;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('type', 'paste', 'paste', 'delete'),
  text,
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
});

// --- the form ----------------------------------------------------------------------------------------

const input = (form: AddCardForm, field: Field): HTMLInputElement => form.shadowRoot!.querySelector<HTMLInputElement>(`input[data-field="${field}"]`)!;

/** Errors thrown inside event handlers never reach dispatchEvent's caller: catch them on window. */
function catchErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return { errors, stop: () => (window.removeEventListener('error', onError), window.removeEventListener('unhandledrejection', onRejection)) };
}

/** What the element must show after `raw` was produced with the caret at `caret`: the core's formatting. */
function expected(field: Field, raw: string, caret: number, inputType: string | undefined, previous: string): { value: string; caret: number | null } {
  switch (field) {
    case 'number': {
      const r = reformatCardNumber(raw, caret, { inputType, previous });
      return { value: r.formatted, caret: r.caret };
    }
    case 'expiry':
      return formatExpiryInput(raw, caret, { inputType, previous });
    case 'code': {
      // the number is empty while the code is fuzzed: no brand, so up to four digits
      const digits = normalizeDigits(raw).digits.slice(0, 4);
      return { value: digits, caret: Math.min(normalizeDigits(raw.slice(0, caret)).digits.length, digits.length) };
    }
    default:
      // free text is the customer's: kept as typed, caret where the browser put it
      return { value: raw, caret: null };
  }
}

/** The core's verdict on a field's value, as if the customer were done with it. */
/** `brand`: the brand the form's number field shows, which decides how many digits the code needs (none: 3 or 4). */
function invalid(field: Field, value: string, country: string, brand: BrandInfo | null = null): boolean {
  switch (field) {
    case 'number':
      return numberState(normalizeDigits(value).digits, { final: true }).status === 'invalid';
    case 'name':
      return nameState(value, { final: true }).status === 'invalid';
    case 'expiry':
      return expiryState(value, { now: new Date(), final: true }).status === 'invalid';
    case 'code':
      return codeState(value, brand, { final: true }).status === 'invalid';
    case 'postalCode':
      return postalCodeState(value, country, { final: true }).status === 'invalid';
  }
}

/** What a value means: digits for the number, code and expiry (its separator is formatting), the text for the rest. */
function model(field: Field, value: string): string {
  return field === 'number' || field === 'code' || field === 'expiry' ? normalizeDigits(value).digits : value;
}

/** What the form stores of a value, whose change makes the field dirty: the number's and code's digits, the text of the rest. */
function stored(field: Field, value: string): string {
  return field === 'number' || field === 'code' ? normalizeDigits(value).digits : value;
}

/** An \`input\` event without an edit (what autofill and \`change\` look like to the form): the value is read again. */
function reread(el: HTMLInputElement): void {
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** One input event, as the browser fires it after changing the value. */
function fire(el: HTMLInputElement, inputType: string, data: string | null): boolean {
  const before = new InputEvent('beforeinput', { inputType, data, bubbles: true, composed: true, cancelable: true });
  if (!el.dispatchEvent(before)) return false;
  el.dispatchEvent(new InputEvent('input', { inputType, data, bubbles: true, composed: true }));
  return true;
}

/**
 * Applies one edit the way the browser would (value and selection first, then the events), and
 * checks the element's answer to every input event against the core.
 */
function apply(form: AddCardForm, field: Field, e: Edit, check: (raw: string, caret: number, inputType: string, previous: string) => void): number {
  const el = input(form, field);
  const step = (inputType: string, data: string | null, make: (v: string, s: number, end: number) => [string, number]): void => {
    const previous = el.value;
    const s = el.selectionStart ?? previous.length;
    const end = el.selectionEnd ?? s;
    const [raw, caret] = make(previous, s, end);
    el.value = raw;
    el.setSelectionRange(caret, caret);
    if (fire(el, inputType, data)) check(raw, caret, inputType, previous);
  };
  // a single-line input strips line breaks from whatever is put in it (the HTML value sanitization)
  e = { ...e, text: e.text.replace(/[\r\n]/g, '') };
  const v = el.value;
  const s = Math.min(v.length, Math.floor(e.start * (v.length + 1)));
  const end = Math.min(v.length, s + Math.floor(e.length * (v.length - s + 1)));
  el.setSelectionRange(s, end);
  if (e.kind === 'paste') {
    step('insertFromPaste', e.text, (value, a, b) => [value.slice(0, a) + e.text + value.slice(b), a + e.text.length]);
    return 1;
  }
  if (e.kind === 'delete') {
    step('deleteContentBackward', null, (value, a, b) => (a === b ? [value.slice(0, Math.max(0, a - 1)) + value.slice(b), Math.max(0, a - 1)] : [value.slice(0, a) + value.slice(b), a]));
    return 1;
  }
  // typing: one key at a time (a grapheme may be several code units), at most a dozen keys
  const keys = [...new Intl.Segmenter().segment(e.text)].map((g) => g.segment).slice(0, 12);
  for (const key of keys) step('insertText', key, (value, a, b) => [value.slice(0, a) + key + value.slice(b), a + key.length]);
  return keys.length;
}

async function mountForm(): Promise<AddCardForm> {
  const host = new MockHost(hostOptions());
  const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
  await form.updateComplete;
  return form;
}

const FIELDS: Field[] = ['number', 'name', 'expiry', 'code', 'postalCode'];

describe('attack: fuzzing the fields', function () {
  // 10,000 runs a field in two engines on two cores: generous, and still a few seconds a field
  this.timeout(180_000);

  for (const field of FIELDS) {
    it(`${field}: ${RUNS} random runs typed, pasted and deleted at random carets: no exception, the core's formatting, idempotent, aria-invalid as the core judges`, async () => {
      const form = await mountForm();
      const caught = catchErrors();
      try {
        // submit once: from now on every invalid field shows its error, so aria-invalid must equal the verdict
        form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
        await form.updateComplete;
        const el = input(form, field);
        const country = form.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="country"]')!.value;
        let inputs = 0;
        await fc.assert(
          fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
            el.focus();
            // start from an empty field, as the customer's own previous attempt would be
            el.value = '';
            fire(el, 'deleteContentBackward', null);
            for (const e of edits) {
              inputs += apply(form, field, e, (raw, caret, inputType, previous) => {
                const want = expected(field, raw, caret, inputType, previous);
                expect(el.value, `shown after ${inputType}`).to.equal(want.value);
                if (want.caret !== null) expect(el.selectionStart, 'caret').to.equal(want.caret);
                expect(el.selectionStart! <= el.value.length).to.equal(true);
                expect(caught.errors, 'errors').to.deep.equal([]);
              });
            }
            await form.updateComplete;
            // what the form keeps is what it shows (the drawing gets the number's digits straight from the model)
            if (field === 'number') expect(form.shadowRoot!.querySelector('cvv-flip')!.number, 'the model').to.equal(normalizeDigits(el.value).digits);
            const verdict = invalid(field, el.value, country);
            expect(el.getAttribute('aria-invalid'), `aria-invalid for ${JSON.stringify(el.value.slice(0, 40))}`).to.equal(String(verdict));
            // formatting is idempotent: read without the edit's context (as a \`change\` on blur reads
            // it), the value may settle once (a deleted "12 / " separator comes back), then never
            // moves again, and its meaning never changes
            const shown = el.value;
            reread(el);
            const settled = el.value;
            expect(model(field, settled), 'the value’s meaning after a re-read').to.equal(model(field, shown));
            reread(el);
            expect(el.value, 'formatting again').to.equal(settled);
            expect(caught.errors, 'errors').to.deep.equal([]);
          }),
          params(RUNS),
        );
        expect(inputs, 'input events').to.be.at.least(RUNS);
      } finally {
        caught.stop();
      }
    });
  }

  it('after a blur instead of a submit: aria-invalid shows once the field was left changed, and agrees with the core', async () => {
    const form = await mountForm();
    const country = form.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="country"]')!.value;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), fc.array(edit, { minLength: 1, maxLength: 2 }), async (field, edits) => {
        form.reset();
        await form.updateComplete;
        const el = input(form, field);
        el.focus();
        let changed = false;
        for (const e of edits) {
          apply(form, field, e, (_raw, _caret, _type, previous) => {
            changed ||= stored(field, el.value) !== stored(field, previous);
          });
        }
        el.blur();
        await form.updateComplete;
        // left changed (even if emptied again): the error shows exactly when the core says the value is wrong; untouched: no error
        const verdict = changed && invalid(field, el.value, country);
        expect(el.getAttribute('aria-invalid'), `${field} ${JSON.stringify(el.value.slice(0, 40))}`).to.equal(String(verdict));
      }),
      params(500),
    );
  });

  it('with real key presses (sendKeys), a sample per field: the same formatting and verdicts', async () => {
    const form = await mountForm();
    const country = form.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="country"]')!.value;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await form.updateComplete;
    // what a keyboard can type: ASCII digits, separators and letters
    const keys = fc.string({ unit: fc.constantFrom(...'0123456789 -./abcXYZ'), minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), keys, async (field, typed) => {
        const el = input(form, field);
        el.focus();
        el.select();
        await sendKeys({ press: 'Backspace' });
        await sendKeys({ type: typed });
        await form.updateComplete;
        const shown = el.value;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        expect(el.value, 'formatting again').to.equal(shown);
        // every digit typed is kept (up to the longest card number), none invented
        if (field === 'number') expect(normalizeDigits(typed).digits.startsWith(normalizeDigits(shown).digits)).to.equal(true);
        // the fields share one form: a code is judged by the brand the number typed earlier shows (Amex: 4 digits)
        const brand = detectBrand(input(form, 'number').value);
        expect(el.getAttribute('aria-invalid')).to.equal(String(invalid(field, shown, country, brand)));
      }),
      params(60),
    );
  });
});
