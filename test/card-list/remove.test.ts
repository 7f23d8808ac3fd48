import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CardRemoveEvent } from '../../src/events/card-remove.js';
import type { CardRemovedEvent } from '../../src/events/card-removed.js';
import type { RemovalBlockedEvent } from '../../src/events/removal-blocked.js';
import type { SessionExpiredEvent } from '../../src/events/session-expired.js';
import { action, dialog, focused, mockCard, notice, order, root, row, rows, sent, setup, threeCards, until } from './helpers.js';

function collect<T extends Event>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push(e as T));
  return seen;
}

/** The text a Remove button is described by (its aria-describedby targets). */
function description(button: HTMLElement): string {
  const ids = (button.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => (button.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '').join(' ');
}

async function openDialog(el: Parameters<typeof dialog>[0], last4: string): Promise<HTMLDialogElement> {
  action(row(el, last4), 'remove')!.click();
  await until(() => dialog(el).open, 'the dialog to open');
  return dialog(el);
}

function confirm(el: Parameters<typeof dialog>[0]): void {
  dialog(el).querySelector<HTMLButtonElement>('[part~="button-confirm"]')!.click();
}

describe('<card-list> remove', () => {
  const rules = [
    {
      rule: 'the default card',
      options: { cards: threeCards() },
      last4: '4242',
      reason: 'default',
      text: 'This is your default card. Set another card as default first.',
    },
    {
      rule: 'the only card while a subscription needs one',
      options: { cards: [mockCard({ id: 'only', last4: '1881' })], policy: { cardRequired: true, cardRequiredReason: 'active-subscription' as const } },
      last4: '1881',
      reason: 'only-card-required',
      text: 'Your subscription needs a card on file. Add another card before removing this one.',
    },
    {
      rule: 'a card with a payment that has not settled',
      options: { cards: threeCards(), pendingPaymentCardIds: ['card_mc'] },
      last4: '4444',
      reason: 'pending-payment',
      text: 'A payment with this card has not gone through yet. You can remove it once it has.',
    },
  ];
  for (const { rule, options, last4, reason, text } of rules) {
    it(`keeps Remove reachable but unavailable for ${rule}, with the reason inline`, async () => {
      const { el, host } = await setup(options);
      const remove = action(row(el, last4), 'remove')!;
      expect(remove.getAttribute('aria-disabled')).to.equal('true');
      expect(remove.disabled).to.be.false; // still in the tab order
      expect(row(el, last4).querySelector('[part~="reason"]')!.textContent).to.equal(text);
      expect(description(remove)).to.equal(text);
      await expect(el).to.be.accessible();
      const blocked = collect<RemovalBlockedEvent>(el, 'removal-blocked');
      remove.click();
      await el.updateComplete;
      expect(blocked.map((e) => [e.detail.reason, e.detail.source, e.detail.card.last4])).to.deep.equal([[reason, 'list', last4]]);
      expect(dialog(el).open).to.be.false;
      expect(notice(el)).to.equal(text);
      expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.be.empty;
    });
  }

  it('asks in a modal dialog; Escape keeps the card and returns focus to its Remove', async () => {
    const { el, host } = await setup();
    const remove = action(row(el, '4444'), 'remove')!;
    remove.focus();
    const d = await openDialog(el, '4444');
    const title = root(el).getElementById(d.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('Remove Mastercard ending in 4444?');
    expect(d.matches(':modal')).to.be.true;
    expect(focused(el)!.textContent).to.equal('Keep card');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !d.open, 'the dialog to close');
    await until(() => focused(el) === remove, 'focus back on Remove');
    expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.be.empty;
    expect(order(el)).to.deep.equal(['4242', '4444', '0005']);
  });

  it('covers the page behind the dialog in the host\'s backdrop colour', async () => {
    const { el } = await setup();
    const d = await openDialog(el, '4444');
    expect(getComputedStyle(d, '::backdrop').backgroundColor).to.equal('rgba(16, 24, 40, 0.45)');
    el.style.setProperty('--card-list-backdrop', 'rgb(1, 2, 3)');
    expect(getComputedStyle(d, '::backdrop').backgroundColor).to.equal('rgb(1, 2, 3)');
    d.querySelector<HTMLButtonElement>('[part~="button-cancel"]')!.click();
    await until(() => !d.open, 'the dialog to close');
  });

  it('fires card-remove, removes on confirm, fires card-removed and moves focus to the next row', async () => {
    const { el, host } = await setup();
    const requests = collect<CardRemoveEvent>(el, 'card-remove');
    const removed = collect<CardRemovedEvent>(el, 'card-removed');
    await openDialog(el, '4444');
    confirm(el);
    await until(() => removed.length === 1, 'card-removed');
    expect(requests).to.have.length(1);
    expect(requests[0].cancelable).to.be.true;
    expect(requests[0].detail).to.deep.include({ cause: 'remove' });
    expect(requests[0].detail.card).to.include({ id: 'card_mc', last4: '4444' });
    expect(removed[0].detail.card).to.include({ id: 'card_mc', brand: 'mastercard', last4: '4444' });
    expect(JSON.stringify(removed[0].detail)).not.to.match(/\d{13,19}/);
    expect(sent(host)).to.deep.equal(['GET /cards', 'DELETE /cards/card_mc']);
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['4242', '0005']);
    expect(notice(el)).to.equal('Mastercard ending in 4444 was removed.');
    await until(() => row(el, '0005').contains(focused(el)), 'focus on the next row');
  });

  it('asks the host and sends the removal as the customer confirms, not a frame later when the dialog has closed', async () => {
    const { el } = await setup();
    const requests = collect<CardRemoveEvent>(el, 'card-remove');
    const d = await openDialog(el, '4444');
    let closedFirst = false;
    d.addEventListener('close', () => (closedFirst = requests.length === 0), { once: true });
    confirm(el);
    expect(requests.map((e) => e.detail.card.last4)).to.deep.equal(['4444']);
    expect(d.open).to.be.false;
    await until(() => rows(el).length === 2, 'the removal');
    expect(closedFirst).to.be.false;
  });

  it('keeps up with a second removal confirmed while the first dialog is still closing', async () => {
    const { el, host } = await setup({ cards: [...threeCards(), mockCard({ id: 'card_d', last4: '1117', brand: 'discover' })] });
    await openDialog(el, '4444');
    confirm(el);
    // before the first dialog's close event: it must not be taken for "keep" on the second
    action(row(el, '0005'), 'remove')!.click();
    await until(() => dialog(el).open, 'the dialog to open again');
    confirm(el);
    await until(() => rows(el).length === 2, 'both removals');
    expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.deep.equal(['DELETE /cards/card_mc', 'DELETE /cards/card_amex']);
  });

  it('keeps focus on the row\'s Remove while the removal is on its way', async () => {
    const { el, host } = await setup();
    const remove = action(row(el, '4444'), 'remove')!;
    remove.focus();
    await openDialog(el, '4444');
    const held = host.hold({ path: '/cards/card_mc' });
    confirm(el);
    await held.arrived;
    await el.updateComplete;
    expect(row(el, '4444').getAttribute('aria-busy')).to.equal('true');
    expect(action(row(el, '4444'), 'remove')!.textContent).to.contain('Removing');
    await until(() => focused(el) === action(row(el, '4444'), 'remove'), 'focus on the busy row\'s Remove');
    held.release();
    await until(() => rows(el).length === 2, 'the removal');
    await until(() => row(el, '0005').contains(focused(el)), 'focus on the next row');
  });

  it('moves focus to the previous row when the last row goes', async () => {
    const { el } = await setup();
    await openDialog(el, '0005');
    confirm(el);
    await until(() => rows(el).length === 2, 'the removal');
    await until(() => row(el, '4444').contains(focused(el)), 'focus on the previous row');
  });

  it('lets the host veto: preventDefault keeps the card and sends nothing', async () => {
    const { el, host } = await setup();
    el.addEventListener('card-remove', (e) => e.preventDefault());
    await openDialog(el, '0005');
    confirm(el);
    await until(() => notice(el) !== '', 'the message');
    expect(notice(el)).to.equal('American Express ending in 0005 was not removed.');
    expect(sent(host).filter((s) => s.startsWith('DELETE'))).to.be.empty;
    expect(rows(el)).to.have.length(3);
    await until(() => focused(el) === action(row(el, '0005'), 'remove'), 'focus back on Remove');
  });

  it('treats 404 as already gone: refetches, says so, fires no card-removed', async () => {
    const { el, host } = await setup();
    const removed = collect(el, 'card-removed');
    host.cards = host.cards.filter((c) => c.id !== 'card_amex');
    await openDialog(el, '0005');
    confirm(el);
    await until(() => rows(el).length === 2, 'the refetched list');
    expect(notice(el)).to.equal('American Express ending in 0005 had already been removed. The list is up to date again.');
    expect(removed).to.be.empty;
    expect(sent(host)).to.deep.equal(['GET /cards', 'DELETE /cards/card_amex', 'GET /cards']);
  });

  it('shows the reason and refetches when the server refuses (409 pending-payment)', async () => {
    const { el, host } = await setup();
    const blocked = collect<RemovalBlockedEvent>(el, 'removal-blocked');
    host.pendingPaymentCardIds.add('card_amex'); // a payment started elsewhere after the list loaded
    await openDialog(el, '0005');
    confirm(el);
    await until(() => notice(el) !== '', 'the refusal');
    expect(notice(el)).to.equal('A payment with this card has not gone through yet. You can remove it once it has.');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('has not gone through');
    expect(blocked.map((e) => [e.detail.reason, e.detail.source])).to.deep.equal([['pending-payment', 'server']]);
    await until(() => action(row(el, '0005'), 'remove')!.getAttribute('aria-disabled') === 'true', 'the refetched rule');
    expect(rows(el)).to.have.length(3);
  });

  it('shows the reason when another tab made the card the default (409 default)', async () => {
    const { el, host } = await setup();
    host.defaultCardId = 'card_amex';
    await openDialog(el, '0005');
    confirm(el);
    await until(() => notice(el) !== '', 'the refusal');
    expect(notice(el)).to.equal('This is your default card. Set another card as default first.');
    await until(() => order(el)[0] === '0005', 'the refetched default');
  });

  it('fires session-expired and says so on 401; says so on 403', async () => {
    const { el, host } = await setup();
    const expired = collect<SessionExpiredEvent>(el, 'session-expired');
    host.fail({ method: 'DELETE' }, { status: 401 });
    await openDialog(el, '0005');
    confirm(el);
    await until(() => expired.length === 1, 'session-expired');
    expect(expired[0].detail.source).to.equal('card-list');
    expect(expired[0].composed && expired[0].bubbles).to.be.true;
    expect(notice(el)).to.equal('Your session has ended. Sign in again to manage your cards.');
    host.fail({ method: 'DELETE' }, { status: 403 });
    await openDialog(el, '4444');
    confirm(el);
    await until(() => notice(el).startsWith('You do not have permission'), 'the 403 message');
    expect(notice(el)).to.equal('You do not have permission to change these cards.');
    expect(rows(el)).to.have.length(3);
  });

  it('shows the row busy while the removal is on its way', async () => {
    const { el, host } = await setup();
    const held = host.hold({ method: 'DELETE' });
    const done = oneEvent(el, 'card-removed');
    await openDialog(el, '0005');
    confirm(el);
    await held.arrived;
    await el.updateComplete;
    const busy = row(el, '0005');
    expect(busy.getAttribute('aria-busy')).to.equal('true');
    expect(action(busy, 'remove')!.textContent).to.contain('Removing…');
    expect(action(busy, 'remove')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    held.release();
    await done;
  });
});
