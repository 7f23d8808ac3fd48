import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CardList } from '../../src/card-list/card-list.js';
import { action, defaultLast4, dialog, focused, mockCard, notice, order, root, row, rows, setup, threeCards, until } from './helpers.js';

const year = new Date().getFullYear();

/** Shift+Tab (puppeteer presses one key at a time). */
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(el: CardList, target: () => Element | null, backwards = false, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (focused(el) && focused(el) === target()) return;
    if (backwards) await shiftTab();
    else await sendKeys({ press: 'Tab' });
  }
  throw new Error('Tab never reached the target');
}

/** A list with a focusable button before it, focused, so every test starts outside the list. */
async function keyboardSetup(options?: Parameters<typeof setup>[0]): Promise<Awaited<ReturnType<typeof setup>>> {
  const result = await setup(options);
  const before = document.createElement('button');
  before.textContent = 'Before the list';
  result.el.before(before);
  before.focus();
  return result;
}

describe('<card-list> with the keyboard only', () => {
  afterEach(() => document.querySelectorAll('body > button').forEach((b) => b.remove()));

  it('reaches every row action in order, including the unavailable Remove of the default card', async () => {
    const { el } = await keyboardSetup();
    const visited: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const f = focused(el) as HTMLElement;
      visited.push(`${f.dataset.action ?? f.getAttribute('part')}:${f.closest('li')?.querySelector('[part~="number"]')?.textContent?.slice(-4) ?? ''}`);
    }
    expect(visited).to.deep.equal(['remove:4242', 'default:4444', 'remove:4444', 'default:0005', 'remove:0005', 'button button-add:']);
  });

  it('sets a default with Enter', async () => {
    const { el, host } = await keyboardSetup();
    await tabTo(el, () => action(row(el, '0005'), 'default'));
    await sendKeys({ press: 'Enter' });
    await until(() => host.defaultCardId === 'card_amex', 'the change');
    expect(defaultLast4(el)).to.equal('0005');
    // focus stayed with that card, so the next Tab continues from there
    expect(row(el, '0005').contains(focused(el))).to.be.true;
  });

  it('removes with Space, Tab inside the dialog, and Enter; Escape cancels', async () => {
    const { el, host } = await keyboardSetup();
    await tabTo(el, () => action(row(el, '4444'), 'remove'));
    await sendKeys({ press: ' ' }) // Space (Firefox's BiDi knows it only by its character);
    await until(() => dialog(el).open, 'the dialog');
    expect(focused(el)!.textContent).to.equal('Keep card');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el).open, 'the dialog to close');
    expect(focused(el)).to.equal(action(row(el, '4444'), 'remove'));
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el).open, 'the dialog again');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.textContent).to.equal('Remove card');
    // focus stays in the modal dialog: the list behind it is inert
    await shiftTab();
    expect(dialog(el).contains(focused(el))).to.be.true;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => rows(el).length === 2, 'the removal');
    expect(host.cards.map((c) => c.id)).to.deep.equal(['card_visa', 'card_amex']);
    await until(() => row(el, '0005').contains(focused(el)), 'focus on the next row');
  });

  it('hears why a blocked Remove cannot be used when pressing it', async () => {
    const { el } = await keyboardSetup();
    const reasons: string[] = [];
    el.addEventListener('removal-blocked', (e) => reasons.push(e.detail.reason));
    await tabTo(el, () => action(row(el, '4242'), 'remove'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(reasons).to.deep.equal(['default']);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('This is your default card.');
    expect(dialog(el).open).to.be.false;
  });

  it('adds through the form and goes back with the keyboard', async () => {
    const { el } = await keyboardSetup();
    await tabTo(el, () => root(el).querySelector('[part~="button-add"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.id === 'form-title', 'the form heading');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.contain('button-back');
    await sendKeys({ press: 'Enter' });
    await until(() => rows(el).length === 3, 'the list');
    await until(() => focused(el) === root(el).querySelector('[part~="button-add"]'), 'focus back on Add new card');
  });

  it('starts a replacement with Enter and comes back to that card with Back', async () => {
    const cards = [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 })];
    const { el } = await keyboardSetup({ cards });
    await tabTo(el, () => action(row(el, '2222'), 'replace'));
    await sendKeys({ press: 'Enter' });
    await until(() => focused(el)?.textContent === 'Replace Visa ending in 2222', 'the replace heading');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' }) // Space (Firefox's BiDi knows it only by its character);
    await until(() => focused(el) === action(row(el, '2222'), 'replace'), 'focus back on Replace');
  });

  it('dismisses a message with the keyboard', async () => {
    const { el } = await keyboardSetup({ cards: threeCards() });
    await tabTo(el, () => action(row(el, '4444'), 'default'));
    await sendKeys({ press: 'Enter' });
    await until(() => notice(el) !== '', 'the confirmation');
    await tabTo(el, () => root(el).querySelector('[part~="button-dismiss"]'), true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(notice(el)).to.equal('');
    expect(order(el)[0]).to.equal('4444');
  });
});
