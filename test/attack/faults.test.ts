/**
 * Faults (issue 9, area 4): every fault MockHost can inject, on every request that changes
 * something. After each one, and after any number of retries:
 * - what the element shows equals what the server holds (read back through a fresh <card-list>,
 *   which is a refetch);
 * - nothing the customer typed is lost unless it was saved (the card is held as its token, the rest
 *   stays in the fields);
 * - exactly one card or one payment exists.
 *
 * The same faults against the real reference server run in test/server/attack-e2e.test.ts (a
 * fault-injecting proxy) and test/server/client.test.ts (the client over real sockets).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import type { CardAddedEvent } from '../../src/events/card-added.js';
import type { Fault, RequestMatch } from '../../src/testing/index.js';
import { control, fillValid, submitButton } from '../add-card-form/helpers.js';
import { CODES, MockHost, NUMBERS, hostOptions, mockCard, mountList, part, until } from './support.js';

/** A card list as the customer reads it: last four, with `*` on the default, in order. */
const shown = (list: CardList): string[] =>
  [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].map(
    (row) => row.querySelector('[part~="number"]')!.textContent!.replace(/\D/g, '') + (row.querySelector('[part~="badge-default"]') ? '*' : ''),
  );
/** The same, as the server holds it. */
const held = (host: MockHost): string[] => host.listResponse().cards.map((c) => c.last4 + (c.isDefault ? '*' : ''));
/** What the customer reads in the form's status line and decline message. */
const said = (form: AddCardForm): string =>
  ['status', 'decline'].map((name) => part(form, name)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
const heldCard = (form: AddCardForm): string => form.shadowRoot!.querySelector('[part~="held-card"] .held-number')?.textContent?.trim() ?? '';
const notice = (list: CardList): string => [...list.shadowRoot!.querySelectorAll('[part~="notice"]')].map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();

/** Reads the server back the way a customer would: a fresh list, loaded from the endpoint. */
async function refetched(host: MockHost): Promise<string[]> {
  const list = await mountList(host);
  const rows = shown(list);
  list.remove();
  return rows;
}

/** Waits for a submission of `form` to end (busy is rendered a microtask after the click). */
async function submitted(form: AddCardForm, host: MockHost, path: string): Promise<void> {
  const before = host.requests.length;
  submitButton(form).click();
  await form.updateComplete;
  await until(() => host.requests.length > before && submitButton(form).getAttribute('aria-busy') !== 'true', `the submission to ${path}`, 10000);
  await form.updateComplete;
}

/** A fault, how many requests it takes, and what the customer is told. */
interface FaultCase {
  name: string;
  fault: Fault;
  /** Requests one submission makes under this fault (the client retries 5xx, 429 and network failures twice). */
  perSubmission: number;
  says: RegExp;
  /** Whether the request took effect before its answer was lost. */
  committed?: boolean;
}

const FAULTS: FaultCase[] = [
  { name: 'latency past the timeout', fault: { kind: 'delay', ms: 900 }, perSubmission: 3, says: /couldn’t reach the server/ },
  { name: 'a connection reset', fault: { kind: 'network' }, perSubmission: 3, says: /couldn’t reach the server/ },
  { name: '500', fault: { status: 500 }, perSubmission: 3, says: /went wrong on our side/ },
  { name: '502', fault: { status: 502 }, perSubmission: 3, says: /went wrong on our side/ },
  { name: '503', fault: { status: 503 }, perSubmission: 3, says: /went wrong on our side/ },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, perSubmission: 1, says: /went wrong on our side/ },
  { name: '401', fault: { status: 401 }, perSubmission: 1, says: /session has ended/ },
  { name: '429 with Retry-After', fault: { status: 429, headers: { 'Retry-After': '7' } }, perSubmission: 3, says: /Try again in 7 seconds/ },
  { name: 'a response lost after the server committed', fault: { kind: 'lost-response' }, perSubmission: 1, says: /couldn’t reach the server/, committed: true },
];

describe('attack: faults', () => {
  describe('<add-card-form> adding a card', () => {
    for (const c of FAULTS) {
      it(`${c.name}, twice: the card is kept as its token, said plainly, and one card exists after the retry`, async () => {
        const host = new MockHost(hostOptions());
        const form = await fixture<AddCardForm>(html`<add-card-form .savedAddresses=${[]}></add-card-form>`);
        form.client = host.client({ timeoutMs: 300 });
        form.tokenizer = host.tokenizer();
        await fillValid(form, NUMBERS.visa, CODES.three);
        const match: RequestMatch = { method: 'POST', path: '/cards' };
        if (c.committed) {
          // the first attempt saves the card and loses the answer; everything after it is lost too
          host.fail(match, c.fault, 1);
          host.fail(match, { kind: 'network' }, 2 + 3);
        } else {
          host.fail(match, c.fault, c.perSubmission * 2);
        }
        for (let attempt = 1; attempt <= 2; attempt++) {
          await submitted(form, host, '/cards');
          await until(() => c.says.test(said(form)), `"${c.says.source}" after attempt ${attempt}`);
          // nothing typed is lost: the card as its token, the rest in the fields
          expect(heldCard(form), 'the card, held').to.equal('Visa •••• 1111');
          expect(control(form, 'name').value).to.equal('Ada Lovelace');
          expect(control(form, 'line1').value).to.equal('1 Market Street');
          expect(host.cards.length, 'cards on the server so far').to.equal(c.committed ? 2 : 1);
        }
        const added = oneEvent(form, 'card-added') as Promise<CardAddedEvent>;
        submitButton(form).click();
        const { detail } = await added;
        expect(host.requests.filter((r) => r.target === 'tokenizer'), 'one tokenization').to.have.length(1);
        expect(new Set(host.requests.filter((r) => r.path === '/cards' && r.method === 'POST').map((r) => r.headers['idempotency-key'])).size).to.equal(1);
        expect(host.cards, 'exactly one new card').to.have.length(2);
        await form.updateComplete;
        expect(part(form, 'success')!.textContent).to.contain('Visa ending in 1111 was added.');
        // what the form reported is what the server holds, read back
        expect(detail.cards.map((card) => card.last4 + (card.isDefault ? '*' : ''))).to.deep.equal(held(host));
        expect(await refetched(host)).to.deep.equal(held(host));
      });
    }

    it('409 (the account is full): said plainly, the card kept; once there is room, one card', async () => {
      const host = new MockHost(hostOptions({ policy: { maxCards: 1 } }));
      const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
      await fillValid(form, NUMBERS.visa, CODES.three);
      await submitted(form, host, '/cards');
      await until(() => /as many saved cards as your account allows/.test(said(form)), 'the conflict');
      expect(heldCard(form)).to.equal('Visa •••• 1111');
      expect(host.cards).to.have.length(1);
      host.policy.maxCards = 2; // the customer removed a card in another tab, say
      // the full account was refused before the token was spent (as on the reference server), so
      // the retry saves the held card without asking for the number again
      const added = oneEvent(form, 'card-added');
      submitButton(form).click();
      await added;
      expect(host.cards).to.have.length(2);
      expect(host.requests.filter((r) => r.target === 'tokenizer')).to.have.length(1);
      expect(await refetched(host)).to.deep.equal(held(host));
    });

    const tokenizerFaults: [string, Fault][] = [
      ['a connection reset', { kind: 'network' }],
      ['500', { status: 500, body: { error: { code: 'api_error', message: 'x' } } }],
      ['503', { status: 503, body: { error: { code: 'api_error', message: 'x' } } }],
      ['malformed JSON', { kind: 'malformed' }],
      ['429 with Retry-After', { status: 429, headers: { 'Retry-After': '5' }, body: { error: { code: 'rate_limited', message: 'x' } } }],
    ];
    for (const [name, fault] of tokenizerFaults) {
      it(`${name} from the tokenizer: the number stays where it was typed (nothing was tokenized), one card after the retry`, async () => {
        const host = new MockHost(hostOptions());
        const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
        await fillValid(form, NUMBERS.visa, CODES.three);
        host.fail({ target: 'tokenizer' }, fault);
        submitButton(form).click();
        await form.updateComplete;
        await until(() => said(form) !== '' && submitButton(form).getAttribute('aria-busy') !== 'true', 'the failure');
        expect(control(form, 'number').value).to.equal('4111 1111 1111 1111');
        expect(control(form, 'code').value).to.equal(CODES.three);
        expect(host.requests.filter((r) => r.target === 'host' && r.method === 'POST')).to.have.length(0);
        const added = oneEvent(form, 'card-added');
        submitButton(form).click();
        await added;
        expect(host.cards).to.have.length(2);
      });
    }

    it('going offline and back: the submission fails plainly while offline, and one card exists after the retry online', async () => {
      const host = new MockHost(hostOptions());
      const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
      await fillValid(form, NUMBERS.visa, CODES.three);
      window.dispatchEvent(new Event('offline'));
      // offline: the tokenizer is unreachable first, then (once it answered) the host endpoint
      host.fail({ target: 'tokenizer' }, { kind: 'network' });
      await submitted(form, host, 'the tokenizer');
      expect(said(form)).to.match(/couldn’t reach the server/);
      expect(control(form, 'number').value).to.equal('4111 1111 1111 1111');
      host.fail({ method: 'POST', path: '/cards' }, { kind: 'network' }, 3);
      await submitted(form, host, '/cards');
      expect(heldCard(form)).to.equal('Visa •••• 1111');
      window.dispatchEvent(new Event('online'));
      const added = oneEvent(form, 'card-added');
      submitButton(form).click();
      await added;
      expect(host.cards).to.have.length(2);
      expect(await refetched(host)).to.deep.equal(held(host));
    });
  });

  describe('<add-card-form> paying', () => {
    for (const c of FAULTS.filter((f) => ['latency past the timeout', '503', 'malformed JSON', '429 with Retry-After', 'a response lost after the server committed'].includes(f.name))) {
      it(`${c.name}, twice: exactly one payment after the retry, and the invoice paid`, async () => {
        const host = new MockHost(hostOptions());
        const form = await fixture<AddCardForm>(html`<add-card-form mode="pay" invoice-id="inv_1" .savedAddresses=${[]}></add-card-form>`);
        form.client = host.client({ timeoutMs: 300 });
        form.tokenizer = host.tokenizer();
        await fillValid(form, NUMBERS.mastercard, CODES.three);
        const match: RequestMatch = { method: 'POST', path: '/payments' };
        if (c.committed) {
          host.fail(match, c.fault, 1);
          host.fail(match, { kind: 'network' }, 2 + 3);
        } else {
          host.fail(match, c.fault, c.perSubmission * 2);
        }
        const failures: string[] = [];
        form.addEventListener('payment-failed', (e) => failures.push(e.detail.reason));
        for (let attempt = 1; attempt <= 2; attempt++) {
          await submitted(form, host, '/payments');
          await until(() => said(form) !== '', 'the failure');
          expect(heldCard(form)).to.equal('Mastercard •••• 4444');
          expect(host.payments.length, 'payments so far').to.equal(c.committed ? 1 : 0);
        }
        expect(failures.every((reason) => reason !== 'declined')).to.equal(true);
        const paid = oneEvent(form, 'payment-succeeded');
        submitButton(form).click();
        await paid;
        expect(host.payments, 'exactly one payment').to.have.length(1);
        expect(host.invoices[0].status).to.equal('paid');
        expect(host.requests.filter((r) => r.target === 'tokenizer')).to.have.length(1);
      });
    }

    it('two tabs paying the same invoice with new cards: one payment; the other tab is told the invoice is paid', async () => {
      const host = new MockHost(hostOptions());
      const forms = await Promise.all(
        [0, 1].map(() => fixture<AddCardForm>(html`<add-card-form mode="pay" invoice-id="inv_1" .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`)),
      );
      await fillValid(forms[0], NUMBERS.visa, CODES.three);
      await fillValid(forms[1], NUMBERS.mastercard, CODES.three);
      const holdBoth = host.hold({ method: 'POST', path: '/payments' });
      forms.forEach((f) => submitButton(f).click());
      await until(() => host.requests.filter((r) => r.path === '/payments').length === 2, 'both payments on their way');
      holdBoth.release();
      await until(() => forms.every((f) => f.phase === 'success' || said(f) === 'This invoice is already paid.'), 'both answers');
      expect(host.payments).to.have.length(1);
      const loser = forms.find((f) => f.phase !== 'success')!;
      expect(said(loser)).to.equal('This invoice is already paid.');
    });
  });

  describe('<card-list>', () => {
    const listFaults: FaultCase[] = [...FAULTS, { name: '409 (refused by a rule)', fault: { status: 409, body: { error: { code: 'conflict', message: 'no', reason: 'expired' } } }, perSubmission: 1, says: /./ }];

    for (const c of listFaults) {
      it(`set as default, ${c.name}: after the list settles it shows what the server holds`, async () => {
        const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' })] }));
        const list = await mountList(host, () => {}, { timeoutMs: 300 });
        host.fail({ method: 'POST', path: '/cards/b/default' }, c.fault, c.perSubmission);
        const button = [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].find((r) => r.dataset.id === 'b')!.querySelector<HTMLButtonElement>('button[data-action="default"]')!;
        button.click();
        await until(() => notice(list) !== '', 'the outcome', 10000);
        // the list refetches after a failure; once it has, it shows the server's truth
        await until(() => JSON.stringify(shown(list)) === JSON.stringify(held(host)), `the list to match the server (${shown(list)} vs ${held(host)})`, 10000);
        expect(await refetched(host)).to.deep.equal(held(host));
        expect(host.defaultCardId).to.equal(c.committed ? 'b' : 'a');
      });

      it(`remove, ${c.name}: after the list settles it shows what the server holds`, async () => {
        const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' })] }));
        const list = await mountList(host, () => {}, { timeoutMs: 300 });
        host.fail({ method: 'DELETE', path: '/cards/b' }, c.fault, 1);
        const row = [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].find((r) => r.dataset.id === 'b')!;
        row.querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
        await until(() => !!list.shadowRoot!.querySelector('dialog[open]'), 'the dialog');
        list.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="button-confirm"]')!.click();
        await until(() => notice(list) !== '', 'the outcome', 10000);
        await until(() => JSON.stringify(shown(list)) === JSON.stringify(held(host)), `the list to match the server (${shown(list)} vs ${held(host)})`, 10000);
        expect(host.cards.length).to.equal(c.committed ? 1 : 2);
        expect(await refetched(host)).to.deep.equal(held(host));
      });
    }

    it('a double click on Set as default and on the removal’s confirm sends each request once', async () => {
      const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' }), mockCard({ id: 'c', last4: '3333' })] }));
      const list = await mountList(host);
      const rowOf = (id: string) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].find((r) => r.dataset.id === id)!;
      const setDefault = rowOf('b').querySelector<HTMLButtonElement>('button[data-action="default"]')!;
      setDefault.click();
      setDefault.click();
      setDefault.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await until(() => host.defaultCardId === 'b' && shown(list)[0] === '2222*', 'the new default');
      expect(host.requests.filter((r) => r.path === '/cards/b/default')).to.have.length(1);
      rowOf('c').querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
      await until(() => !!list.shadowRoot!.querySelector('dialog[open]'), 'the dialog');
      const confirm = list.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="button-confirm"]')!;
      confirm.click();
      confirm.click();
      await until(() => shown(list).length === 2, 'the removal');
      expect(host.requests.filter((r) => r.method === 'DELETE')).to.have.length(1);
      expect(shown(list)).to.deep.equal(held(host));
    });

    it('two tabs on the same card: one removes it while the other makes it the default; both end up showing the server', async () => {
      const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' })] }));
      const [tabA, tabB] = [await mountList(host), await mountList(host)];
      const rowOf = (list: CardList, id: string) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].find((r) => r.dataset.id === id)!;
      rowOf(tabA, 'b').querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
      await until(() => !!tabA.shadowRoot!.querySelector('dialog[open]'), 'the dialog');
      tabA.shadowRoot!.querySelector<HTMLButtonElement>('dialog [part~="button-confirm"]')!.click();
      await until(() => host.cards.length === 1, 'the removal');
      // tab B has not heard yet (or has, and refetched): either way its click must end in the truth
      rowOf(tabB, 'b')?.querySelector<HTMLButtonElement>('button[data-action="default"]')?.click();
      await until(() => JSON.stringify(shown(tabB)) === JSON.stringify(held(host)), 'tab B to match the server');
      await until(() => JSON.stringify(shown(tabA)) === JSON.stringify(held(host)), 'tab A to match the server');
      expect(held(host)).to.deep.equal(['1111*']);
    });

    it('offline and back: changes wait, and the list shows what another device changed meanwhile', async () => {
      const host = new MockHost(hostOptions({ cards: [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'b', last4: '2222' })] }));
      const list = await mountList(host);
      window.dispatchEvent(new Event('offline'));
      await list.updateComplete;
      [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')][1].querySelector<HTMLButtonElement>('button[data-action="default"]')!.click();
      await list.updateComplete;
      expect(host.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
      // meanwhile, on another device
      host.cards.push(mockCard({ id: 'c', last4: '3333' }));
      host.defaultCardId = 'c';
      window.dispatchEvent(new Event('online'));
      await until(() => JSON.stringify(shown(list)) === JSON.stringify(held(host)), 'the list to catch up');
      expect(shown(list)[0]).to.equal('3333*');
    });
  });

  it('types nothing twice: a customer who presses Enter repeatedly in the code field adds one card', async () => {
    const host = new MockHost(hostOptions());
    const form = await fixture<AddCardForm>(html`<add-card-form .client=${host.client()} .tokenizer=${host.tokenizer()} .savedAddresses=${[]}></add-card-form>`);
    await fillValid(form, NUMBERS.visa, CODES.three);
    const slow = host.hold({ method: 'POST', path: '/cards' });
    control(form, 'code').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await slow.arrived;
    await sendKeys({ press: 'Enter' });
    slow.release();
    await oneEvent(form, 'card-added');
    expect(host.requests.filter((r) => r.method === 'POST' && r.path === '/cards')).to.have.length(1);
    expect(host.cards).to.have.length(2);
  });
});
