/**
 * Injection (issue 9, area 3; PCI DSS 6.2.4): whatever the host endpoint sends is data, never markup
 * or code. Every string the elements show from an answer (names on cards, addresses on file, where a
 * one-time code was sent) is tried with markup, a `javascript:` URL, bidi overrides and 10,000
 * characters, and every string they must not show (error messages, reasons, decline codes, headers)
 * is tried too. The page is then searched: the sentinel global is unset, no element or handler was
 * made from the data, and the layout holds.
 *
 * Answers that break the contract (a `last4` that is not four digits, an unknown brand, a Luhn-valid
 * 13–19 digit run anywhere) are refused: the element shows its error state, never the data.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { fillValid, submitButton } from '../add-card-form/helpers.js';
import { domTexts } from './probe.js';
import { CODES, MockHost, NUMBERS, hostOptions, mockCard, mountList, part, until } from './support.js';

type Pwned = Window & { __pwned?: unknown };

/** Strings an attacker who controls (or poisons) the host endpoint's data would try. */
const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '"><svg onload=window.__pwned=2>',
  script: '</span><script>window.__pwned=3</script>',
  javascriptUrl: 'javascript:window.__pwned=4',
  template: '${window.__pwned=5}{{constructor.constructor("window.__pwned=6")()}}',
  bidi: '\u202Eevil\u202C and \u2067nested\u202E',
  long: 'W'.repeat(10_000),
} as const;

/** Elements no payload may become, and attributes that would run code. */
function assertInert(what: string): void {
  expect((window as Pwned).__pwned, `${what}: the sentinel`).to.equal(undefined);
  const found: string[] = [];
  const walk = (root: Document | ShadowRoot, where: string): void => {
    for (const el of root.querySelectorAll('*')) {
      if (['img', 'script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link'].includes(el.localName) && root !== document) {
        found.push(`${where} <${el.localName}>`);
      }
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${where} <${el.localName} ${attr.name}>`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${where} <${el.localName} ${attr.name}="${attr.value}">`);
      }
      if (el.shadowRoot) walk(el.shadowRoot, `${where} ${el.localName}`);
    }
  };
  walk(document, 'document');
  expect(found, `${what}: elements or handlers made from data`).to.deep.equal([]);
}

/** The element does not overflow its box sideways (a 10,000-character word must not widen the page). */
function assertFits(el: HTMLElement, what: string): void {
  expect(el.scrollWidth, `${what}: scrollWidth ${el.scrollWidth} within ${el.clientWidth}`).to.be.at.most(el.clientWidth + 1);
}

/** The first Unicode isolate (FSI…PDI, or an element that isolates) around `text` holds it whole. */
function isolated(container: Element, text: string): boolean {
  const content = container.textContent ?? '';
  if (content.includes(`\u2068${text}\u2069`)) return true;
  const style = getComputedStyle(container);
  return content === text && ['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi);
}

describe('attack: injection through endpoint data', () => {
  afterEach(() => {
    delete (window as Pwned).__pwned;
  });

  describe('<card-list>', () => {
    it('renders every payload as text in names, and ids full of markup stay attribute values', async () => {
      const cards = Object.values(PAYLOADS).map((name, i) => mockCard({ id: `${PAYLOADS.img}${i}`, last4: `100${i}`, nameOnCard: name }));
      const host = new MockHost({ cards });
      const list = await mountList(host, (el) => (el.style.width = '420px'));
      const names = [...list.shadowRoot!.querySelectorAll('[part~="name"]')];
      expect(names.map((n) => n.textContent)).to.deep.equal(Object.values(PAYLOADS));
      for (const name of names) expect(isolated(name, name.textContent!), 'name isolated').to.equal(true);
      assertInert('names');
      assertFits(list, 'the list');
      await expect(list).to.be.accessible();
    });

    it('shows its own words for an error, whatever message, reason or Retry-After the endpoint sends', async () => {
      const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' })] }));
      const list = await mountList(host);
      const hostile = `${PAYLOADS.img} ${PAYLOADS.bidi}`;
      host.fail(
        { method: 'DELETE' },
        // (a header can only carry Latin-1: the markup goes there, the bidi controls in the body)
        { status: 409, body: { error: { code: 'conflict', message: hostile, reason: hostile } }, headers: { 'Retry-After': PAYLOADS.img } },
      );
      const row = [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].find((r) => r.dataset.id === 'b')!;
      row.querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
      await until(() => !!list.shadowRoot!.querySelector('dialog[open]'), 'the dialog');
      list.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="button-confirm"]')!.click();
      const notices = (): string => [...list.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent).join('').trim();
      await until(() => notices() !== '', 'the notice');
      expect(notices()).to.contain('cannot be removed right now');
      const texts = domTexts(list.shadowRoot!).map((t) => t.text).join('\n');
      expect(texts).to.not.contain('<img');
      expect(texts).to.not.contain('evil');
      assertInert('a hostile error');
    });

    const broken: [string, (card: Record<string, unknown>) => Record<string, unknown>][] = [
      ['a last4 of two digits', (c) => ({ ...c, last4: '42' })],
      ['a last4 of five digits', (c) => ({ ...c, last4: '42424' })],
      ['a last4 in full-width digits', (c) => ({ ...c, last4: '４２４２' })],
      ['a last4 holding markup', (c) => ({ ...c, last4: '<b>1</b>' })],
      ['an unknown brand', (c) => ({ ...c, brand: 'visa-gold' })],
      ['a brand holding markup', (c) => ({ ...c, brand: PAYLOADS.img })],
      ['a month of 13', (c) => ({ ...c, expMonth: 13 })],
      ['a card number in the name', (c) => ({ ...c, nameOnCard: `Ada ${NUMBERS.visa.replace(/(\d{4})/g, '$1 ').trim()}` })],
      ['a card number in the id', (c) => ({ ...c, id: `card_${NUMBERS.mastercard}` })],
      ['a card number in createdAt', (c) => ({ ...c, createdAt: NUMBERS.amex })],
      ['a card number in an unknown field', (c) => ({ ...c, note: `pan=${NUMBERS.declined}` })],
    ];
    for (const [name, breakIt] of broken) {
      it(`refuses a list with ${name}: the error state, and nothing of the answer shown`, async () => {
        const host = new MockHost();
        const good = { ...mockCard({ id: 'card_ok', last4: '4444', nameOnCard: 'Shown Never' }), isDefault: true, expired: false, removable: false };
        host.fail({ method: 'GET', path: '/cards' }, { status: 200, body: { cards: [breakIt(good)], policy: { cardRequired: false, maxCards: 5 } } }, 3);
        const list = await fixture<CardList>(html`<card-list></card-list>`);
        list.client = host.client();
        await until(() => !!part(list, 'error'), 'the error state');
        const shown = domTexts(list.shadowRoot!).map((t) => t.text).join('\n');
        expect(shown).to.not.contain('Shown Never');
        expect(shown.replace(/\D/g, '')).to.not.match(/(4111111111111111|5555555555554444|378282246310005|4000000000000002)/);
        expect(shown).to.not.contain('<b>');
        assertInert(name);
      });
    }
  });

  describe('<add-card-form>', () => {
    const mountForm = async (host: MockHost, width = '420px'): Promise<AddCardForm> => {
      const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()}></add-card-form>`);
      form.style.width = width;
      await until(() => form.shadowRoot!.querySelectorAll('input[data-field="addressChoice"]').length > 0, 'the addresses on file');
      await form.updateComplete;
      return form;
    };

    it('shows addresses on file as text, each value isolated, inside the form', async () => {
      const addresses = [
        { id: 'addr_b', kind: 'billing' as const, line1: PAYLOADS.img, city: PAYLOADS.bidi, region: PAYLOADS.javascriptUrl, postalCode: PAYLOADS.template, country: 'US' },
        { id: 'addr_s', kind: 'shipping' as const, line1: PAYLOADS.long, city: PAYLOADS.svg, region: PAYLOADS.script, postalCode: '1', country: 'GB' },
      ];
      const host = new MockHost(hostOptions({ addresses }));
      const form = await mountForm(host);
      const details = [...form.shadowRoot!.querySelectorAll('.address-choice .detail')];
      expect(details).to.have.length(2);
      for (const value of [PAYLOADS.img, PAYLOADS.bidi, PAYLOADS.javascriptUrl, PAYLOADS.template, PAYLOADS.long, PAYLOADS.svg, PAYLOADS.script]) {
        const detail = details.find((d) => d.textContent!.includes(value));
        expect(detail, `shown as text: ${value.slice(0, 30)}`).to.not.equal(undefined);
        expect(isolated(detail!, value), `isolated: ${value.slice(0, 30)}`).to.equal(true);
      }
      assertInert('addresses on file');
      assertFits(form, 'the form');
      await expect(form).to.be.accessible();
    });

    it('shows where a code was sent as text, isolated, and never shows the server’s messages or decline codes', async () => {
      const host = new MockHost(hostOptions());
      const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
      form.style.width = '420px';
      const sentTo = `${PAYLOADS.img}${PAYLOADS.bidi}${PAYLOADS.long}`;
      host.fail({ method: 'POST', path: '/cards' }, { status: 202, body: { verification: { id: 'ver_x', kind: 'otp', status: 'pending', sentTo } } });
      await fillValid(form, NUMBERS.visa, CODES.three);
      const required = oneEvent(form, 'verification-required');
      submitButton(form).click();
      await required;
      await form.updateComplete;
      const intro = form.shadowRoot!.querySelector('#verify-intro')!;
      // (a boolean: a 10,000-character string in a failure message helps nobody)
      expect(intro.textContent!.includes(`\u2068${sentTo}\u2069`), 'sentTo shown whole, as text, isolated').to.equal(true);
      assertInert('sentTo');
      assertFits(form, 'the verification step');

      // a wrong code, answered with markup everywhere the error shape allows
      const hostile = '<img src=y onerror="window.__pwned=7"> server prose \u202Eevil';
      host.fail(
        { method: 'POST', path: /\/confirm$/ },
        { status: 422, body: { error: { code: 'verification_failed', message: hostile, reason: hostile, field: hostile, declineCode: hostile } } },
      );
      const otp = form.shadowRoot!.querySelector<HTMLInputElement>('#otp')!;
      otp.value = '123456';
      otp.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      form.shadowRoot!.querySelector<HTMLFormElement>('form[part~="verification"]')!.requestSubmit();
      await until(() => (form.shadowRoot!.querySelector('#otp-error')?.textContent ?? '') !== '', 'the code error');
      expect(form.shadowRoot!.querySelector('#otp-error')!.textContent).to.equal('That code didn’t work. Check it and try again.');
      const texts = domTexts(form.shadowRoot!).map((t) => t.text).join('\n');
      expect(texts).to.not.contain('server prose');
      expect(texts).to.not.contain('src=y');
      assertInert('a hostile verification error');
    });

    const answers: [string, unknown, number][] = [
      ['a decline with a markup decline code', { error: { code: 'card_declined', message: PAYLOADS.img, declineCode: PAYLOADS.img } }, 402],
      ['a conflict with a markup reason', { error: { code: 'conflict', message: PAYLOADS.svg, reason: PAYLOADS.bidi } }, 409],
      ['a 422 naming a markup field', { error: { code: 'validation_failed', message: PAYLOADS.script, field: PAYLOADS.img } }, 422],
      ['a 500 whose message is markup', { error: { code: 'server_error', message: PAYLOADS.img } }, 500],
      ['an error body that is markup', PAYLOADS.img, 400],
    ];
    for (const [name, body, status] of answers) {
      it(`answers ${name} with its own words`, async () => {
        const host = new MockHost(hostOptions());
        const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client({ retries: 0 })} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
        await fillValid(form, NUMBERS.visa, CODES.three);
        host.fail({ method: 'POST', path: '/cards' }, { status, body, headers: { 'Retry-After': PAYLOADS.img } });
        submitButton(form).click();
        await until(() => host.requests.some((r) => r.path === '/cards') && submitButton(form).getAttribute('aria-busy') !== 'true', 'the answer');
        await form.updateComplete;
        const texts = domTexts(form.shadowRoot!).map((t) => t.text).join('\n');
        for (const payload of [PAYLOADS.img, PAYLOADS.svg, PAYLOADS.script, 'evil']) expect(texts).to.not.contain(payload);
        assertInert(name);
      });
    }

    const brokenAdded: [string, (card: Record<string, unknown>) => Record<string, unknown>][] = [
      ['a last4 of three digits', (c) => ({ ...c, last4: '123' })],
      ['an unknown brand', (c) => ({ ...c, brand: 'visa-gold' })],
      ['a card number in the name', (c) => ({ ...c, nameOnCard: NUMBERS.mastercard })],
    ];
    for (const [name, breakIt] of brokenAdded) {
      it(`refuses a saved card with ${name}: a retry is offered, nothing of the answer shown, no card-added`, async () => {
        const host = new MockHost(hostOptions());
        const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client({ retries: 0 })} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
        await fillValid(form, NUMBERS.visa, CODES.three);
        const card = { ...mockCard({ id: 'card_x', last4: '1111', nameOnCard: 'Shown Never' }), isDefault: true, expired: false, removable: false };
        const bad = breakIt(card);
        host.fail({ method: 'POST', path: '/cards' }, { status: 201, body: { card: bad, cards: [bad], policy: { cardRequired: false, maxCards: 5 } } });
        const fired: string[] = [];
        form.addEventListener('card-added', () => fired.push('card-added'));
        submitButton(form).click();
        await until(() => (part(form, 'status')?.textContent ?? '').includes('Something went wrong'), 'the error');
        const texts = domTexts(form.shadowRoot!).map((t) => t.text).join('\n');
        expect(texts).to.not.contain('Shown Never');
        expect(texts.replace(/\D/g, '')).to.not.contain(NUMBERS.mastercard);
        expect(fired).to.deep.equal([]);
        expect(form.phase).to.equal('form');
        assertInert(name);
      });
    }
  });
});
