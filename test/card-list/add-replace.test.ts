import { expect } from '@open-wc/testing';
import type { AddCardForm } from '../../src/add-card-form/add-card-form.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { control, fillValid, submitButton } from '../add-card-form/helpers.js';
import { StripeDouble, loaderFor } from '../support/stripe-double.js';
import { action, defaultLast4, focused, mockCard, notice, order, root, row, rows, sent, setup, threeCards, until } from './helpers.js';

const DISCOVER = '6011111111111117';
const year = new Date().getFullYear();

const form = (el: CardList): AddCardForm | null => root(el).querySelector('add-card-form');
const addButton = (el: CardList): HTMLButtonElement => root(el).querySelector<HTMLButtonElement>('[part~="button-add"]')!;
const steps = (el: CardList): string[] =>
  [...root(el).querySelectorAll('[part~="steps"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

function record(el: CardList, types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types) el.addEventListener(type, () => seen.push(type));
  return seen;
}

async function submitCard(el: CardList, number = DISCOVER): Promise<void> {
  const f = form(el)!;
  await f.updateComplete;
  await fillValid(f, number);
  submitButton(f).click();
}

describe('<card-list> add and replace', () => {
  it('opens the add form in place, with the list\'s client, and goes back to the list', async () => {
    const { el } = await setup();
    addButton(el).click();
    await until(() => !!form(el), 'the form');
    const f = form(el)!;
    expect(f.mode).to.equal('add');
    expect(f.client).to.equal(el.client);
    expect(f.tokenizer).to.equal(el.tokenizer);
    expect(root(el).querySelector('[part~="list"]')).to.be.null;
    await until(() => focused(el)?.id === 'form-title', 'focus on the form heading');
    expect(focused(el)!.textContent).to.equal('Add a card');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="button-back"]')!.click();
    await until(() => rows(el).length === 3, 'the list');
    await until(() => focused(el) === addButton(el), 'focus on Add new card');
  });

  it('hands its Stripe loader to the embedded form: the card fields come from the host\'s Stripe.js', async () => {
    const stripe = new StripeDouble();
    const loader = loaderFor(stripe);
    const { el } = await setup(undefined, (list) => {
      list.gateway = 'stripe';
      list.publishableKey = 'pk_list';
      list.stripeLoader = loader;
    });
    addButton(el).click();
    await until(() => !!form(el), 'the form');
    await stripe.mounted();
    expect(loader.keys).to.deep.equal(['pk_list']);
    expect(form(el)!.stripeLoader).to.equal(loader);
  });

  it('shows the new card from the form\'s answer, without reloading the list', async () => {
    const { el, host } = await setup();
    const events = record(el, ['card-added']);
    addButton(el).click();
    await until(() => !!form(el), 'the form');
    await submitCard(el);
    await until(() => rows(el).length === 4, 'the new row');
    expect(events).to.deep.equal(['card-added']); // the form's own event, once, seen outside
    expect(notice(el)).to.equal('Discover ending in 1117 was added.');
    expect(sent(host).filter((s) => s === 'GET /cards')).to.have.length(1);
    expect(defaultLast4(el)).to.equal('4242');
    // the card number went to the tokenizer only
    expect(host.hostRequests().some((r) => r.body.includes(DISCOVER))).to.be.false;
    await until(() => row(el, '1117').contains(focused(el)), 'focus on the new row');
  });

  it('shows the new card as the default when the customer chose that', async () => {
    const { el } = await setup();
    addButton(el).click();
    await until(() => !!form(el), 'the form');
    const f = form(el)!;
    await f.updateComplete;
    await fillValid(f, DISCOVER);
    const box = control(f, 'setDefault');
    box.click();
    submitButton(f).click();
    await until(() => rows(el).length === 4, 'the new row');
    expect(order(el)[0]).to.equal('1117');
    expect(defaultLast4(el)).to.equal('1117');
  });

  it('leaves adding to the host with hide-add', async () => {
    const { el } = await setup({ cards: [] }, (list) => list.setAttribute('hide-add', ''));
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.contain('No cards on file');
    expect(root(el).querySelector('[part~="button-add"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('disables adding at the account\'s card limit, saying why', async () => {
    const { el } = await setup({ cards: threeCards(), policy: { maxCards: 3 } });
    const add = addButton(el);
    expect(add.getAttribute('aria-disabled')).to.equal('true');
    const note = root(el).getElementById(add.getAttribute('aria-describedby')!)!;
    expect(note.textContent).to.equal('You can keep up to 3 cards. Remove one to add another.');
    add.click();
    await el.updateComplete;
    expect(form(el)).to.be.null;
  });

  it('replaces an expired default card: add, make default, remove the old one, each step shown', async () => {
    const cards = [mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 }), mockCard({ id: 'b', brand: 'mastercard', last4: '4444' })];
    const { el, host } = await setup({ cards, defaultCardId: 'old' });
    const events = record(el, ['card-added', 'default-changed', 'card-remove', 'card-removed']);
    action(row(el, '2222'), 'replace')!.click();
    await until(() => !!form(el), 'the form');
    expect(root(el).querySelector('#form-title')!.textContent).to.equal('Replace Visa ending in 2222');
    expect(steps(el)).to.deep.equal([
      'Add the new card: In progress',
      'Make the new card your default: Waiting',
      'Remove Visa ending in 2222: Waiting',
    ]);
    await expect(el).to.be.accessible();
    await submitCard(el);
    await until(() => notice(el) !== '', 'the outcome');
    expect(notice(el)).to.equal('Visa ending in 2222 has been replaced by Discover ending in 1117.');
    expect(steps(el)).to.deep.equal(['Add the new card: Done', 'Make the new card your default: Done', 'Remove Visa ending in 2222: Done']);
    expect(order(el)).to.deep.equal(['1117', '4444']);
    expect(defaultLast4(el)).to.equal('1117');
    expect(events).to.deep.equal(['card-added', 'default-changed', 'card-remove', 'card-removed']);
    const mutations = sent(host).filter((s) => !s.startsWith('GET'));
    expect(mutations).to.have.length(3);
    expect(mutations[0]).to.equal('POST /cards');
    expect(mutations[1]).to.match(/^POST \/cards\/card_\w+\/default$/);
    expect(mutations[2]).to.equal('DELETE /cards/old');
    await expect(el).to.be.accessible();
  });

  it('skips the default step when the old card was not the default', async () => {
    const cards = [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 })];
    const { el, host } = await setup({ cards });
    action(row(el, '2222'), 'replace')!.click();
    await until(() => !!form(el), 'the form');
    expect(steps(el)).to.have.length(2);
    await submitCard(el);
    await until(() => notice(el) !== '', 'the outcome');
    expect(order(el)).to.deep.equal(['1111', '1117']);
    expect(sent(host).filter((s) => s.includes('/default'))).to.be.empty;
  });

  it('leaves both cards and says so when removing the old card fails', async () => {
    const cards = [mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 }), mockCard({ id: 'b', brand: 'mastercard', last4: '4444' })];
    const { el, host } = await setup({ cards, defaultCardId: 'old' });
    host.fail({ method: 'DELETE' }, { status: 500 });
    action(row(el, '2222'), 'replace')!.click();
    await until(() => !!form(el), 'the form');
    await submitCard(el);
    await until(() => notice(el) !== '' && !notice(el).startsWith('We could not'), 'the outcome');
    expect(notice(el)).to.equal('Discover ending in 1117 was added, but Visa ending in 2222 could not be removed. Both cards are on file.');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Both cards are on file');
    expect(steps(el)).to.deep.equal(['Add the new card: Done', 'Make the new card your default: Done', 'Remove Visa ending in 2222: Failed']);
    await until(() => rows(el).length === 3, 'the refetched list');
    expect(defaultLast4(el)).to.equal('1117');
    expect(host.cards.map((c) => c.last4).sort()).to.deep.equal(['1117', '2222', '4444']);
  });

  it('stops before removing when the new card cannot be made the default', async () => {
    const cards = [mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 }), mockCard({ id: 'b', brand: 'mastercard', last4: '4444' })];
    const { el, host } = await setup({ cards, defaultCardId: 'old' });
    host.fail({ path: /\/default$/ }, { status: 503 }, 3);
    action(row(el, '2222'), 'replace')!.click();
    await until(() => !!form(el), 'the form');
    await submitCard(el);
    await until(() => notice(el).includes('Both cards'), 'the outcome');
    expect(notice(el)).to.equal('Discover ending in 1117 was added, but it could not be made your default card. Both cards are on file.');
    expect(steps(el)[1]).to.equal('Make the new card your default: Failed');
    expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.be.empty;
    expect(defaultLast4(el)).to.equal('2222');
    expect(rows(el)).to.have.length(3);
  });

  it('keeps the old card when the host vetoes its removal', async () => {
    const cards = [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 })];
    const { el, host } = await setup({ cards });
    el.addEventListener('card-remove', (e) => {
      if (e.detail.cause === 'replace') e.preventDefault();
    });
    action(row(el, '2222'), 'replace')!.click();
    await until(() => !!form(el), 'the form');
    await submitCard(el);
    await until(() => notice(el) !== '', 'the outcome');
    expect(notice(el)).to.contain('Both cards are on file');
    expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.be.empty;
  });
});
