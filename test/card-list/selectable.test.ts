import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import type { CardSelectEvent } from '../../src/events/card-select.js';
import type { PaymentSucceededEvent } from '../../src/events/payment-succeeded.js';
import { control, fillValid, submitButton } from '../add-card-form/helpers.js';
import { focused, mockCard, root, row, rows, sent, setup, until } from './helpers.js';

const year = new Date().getFullYear();

const radios = (el: CardList): HTMLInputElement[] => [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const checkedLast4 = (el: CardList): string | null => {
  const checked = radios(el).find((r) => r.checked);
  return checked ? checked.closest('li')!.querySelector('[part~="number"]')!.textContent!.slice(-4) : null;
};

function selections(el: CardList): string[] {
  const seen: string[] = [];
  el.addEventListener('card-select', (e: CardSelectEvent) => seen.push(e.detail.card.last4));
  return seen;
}

const cards = () => [
  mockCard({ id: 'a', last4: '1111' }),
  mockCard({ id: 'b', brand: 'mastercard', last4: '4444' }),
  mockCard({ id: 'old', last4: '2222', expMonth: 2, expYear: year - 1 }),
  mockCard({ id: 'c', brand: 'discover', last4: '1117' }),
];

async function selectable(): Promise<ReturnType<typeof setup>> {
  const invoice = { id: 'inv_42', number: 'INV-42', description: 'Wallet refill', amount: { amount: 2500, currency: 'EUR' }, status: 'open' as const, dueDate: '2030-01-31' };
  return setup({ cards: cards(), defaultCardId: 'b', invoices: [invoice] }, (el) => {
    el.selectable = true;
    el.amount = 2500;
    el.currency = 'EUR';
    el.invoiceId = 'inv_42';
  });
}

describe('<card-list selectable>', () => {
  it('shows radio rows with the default pre-selected and expired cards not selectable', async () => {
    const { el } = await selectable();
    expect(el.hasAttribute('selectable')).to.be.true;
    const group = root(el).querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Choose a card to pay with');
    expect(radios(el)).to.have.length(4);
    expect(checkedLast4(el)).to.equal('4444');
    expect(el.value).to.equal('b');
    const expired = row(el, '2222').querySelector<HTMLInputElement>('input')!;
    expect(expired.disabled).to.be.true;
    expect(row(el, '2222').querySelector('[part~="badge-expired"]')).to.exist;
    // choosing, not managing: no row actions here
    expect(root(el).querySelector('[data-action]')).to.be.null;
    expect(root(el).querySelector('[part~="button-add"]')!.textContent).to.equal('Use another card');
    await expect(el).to.be.accessible();
  });

  it('fires card-select and updates value when a card is chosen', async () => {
    const { el, host } = await selectable();
    const seen = selections(el);
    row(el, '1117').querySelector('label')!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal(['1117']);
    expect(el.value).to.equal('c');
    expect(el.getAttribute('part')).to.be.null;
    expect(row(el, '1117').getAttribute('part')).to.contain('row-selected');
    // choosing a card to pay with changes nothing on the server
    expect(sent(host)).to.deep.equal(['GET /cards']);
  });

  it('moves the choice with the arrow keys, skipping the expired card', async () => {
    const { el } = await selectable();
    const seen = selections(el);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(row(el, '4444').querySelector('input'));
    // rows read default first: 4444, 1111, 2222 (expired), 1117
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(checkedLast4(el)).to.equal('1111');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(checkedLast4(el)).to.equal('1117'); // 2222 has expired
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(checkedLast4(el)).to.equal('1111');
    expect(seen).to.deep.equal(['1111', '1117', '1111']);
    expect(el.value).to.equal('a');
    before.remove();
  });

  it('keeps a host-set value, and falls back to the default when it names no usable card', async () => {
    const { el } = await setup({ cards: cards(), defaultCardId: 'b' }, (list) => {
      list.selectable = true;
      list.value = 'c';
    });
    expect(checkedLast4(el)).to.equal('1117');
    el.value = 'old';
    await el.updateComplete;
    expect(el.value).to.equal('b');
    expect(checkedLast4(el)).to.equal('4444');
  });

  it('"Use another card" opens the form in pay mode with the amount, currency and invoice', async () => {
    const { el, host } = await selectable();
    const paid: PaymentSucceededEvent[] = [];
    el.addEventListener('payment-succeeded', (e) => paid.push(e));
    root(el).querySelector<HTMLButtonElement>('[part~="button-add"]')!.click();
    await until(() => !!root(el).querySelector('add-card-form'), 'the form');
    const form = root(el).querySelector<AddCardForm>('add-card-form')!;
    expect(form.mode).to.equal('pay');
    expect(form.amount).to.equal(2500);
    expect(form.currency).to.equal('EUR');
    expect(form.invoiceId).to.equal('inv_42');
    expect(root(el).querySelector('#form-title')!.textContent).to.equal('Pay with another card');
    await expect(el).to.be.accessible();
    await form.updateComplete;
    await fillValid(form, '5555555555554444');
    control(form, 'saveCard').click();
    submitButton(form).click();
    await until(() => paid.length === 1, 'payment-succeeded');
    expect(paid[0].detail.payment.card.last4).to.equal('4444');
    expect(host.requests.find((r) => r.path === '/payments')!.body).to.contain('"invoiceId":"inv_42"');
    // the card kept while paying joins the list behind the form's confirmation
    await until(() => host.hostRequests().filter((r) => r.method === 'GET' && r.path === '/cards').length === 2, 'the refetch');
    root(el).querySelector<HTMLButtonElement>('[part~="button-back"]')!.click();
    await until(() => rows(el).length === 5, 'the list with the saved card');
  });

  it('offers "Use another card" when there are no cards', async () => {
    const { el } = await setup({ cards: [] }, (list) => {
      list.selectable = true;
    });
    const empty = root(el).querySelector('[part~="empty"]')!;
    expect(empty.querySelector('button')!.textContent).to.equal('Use another card');
    expect(el.value).to.equal('');
    await expect(el).to.be.accessible();
  });
});
