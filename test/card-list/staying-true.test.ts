import { expect, fixture, html } from '@open-wc/testing';
import type { CardList } from '../../src/card-list/card-list.js';
import type { SessionExpiredEvent } from '../../src/events/session-expired.js';
import { MockHost, action, defaultLast4, focused, notice, order, root, row, sent, settled, setup, threeCards, until } from './helpers.js';

function collect<T extends Event>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push(e as T));
  return seen;
}

const gets = (host: MockHost): number => sent(host).filter((s) => s === 'GET /cards').length;

describe('<card-list> staying true to the server', () => {
  let otherTab: BroadcastChannel;
  beforeEach(() => {
    otherTab = new BroadcastChannel('saved-cards');
  });
  afterEach(() => otherTab.close());

  it('shows a change made in another tab when that tab says so', async () => {
    const { el, host } = await setup();
    // the other tab removed the Mastercard and made the Amex the default
    host.cards = host.cards.filter((c) => c.id !== 'card_mc');
    host.defaultCardId = 'card_amex';
    otherTab.postMessage({ type: 'cards-changed' });
    await until(() => order(el).join() === '0005,4242', 'the other tab\'s change');
    expect(defaultLast4(el)).to.equal('0005');
  });

  it('ignores messages it does not know', async () => {
    const { el, host } = await setup();
    otherTab.postMessage('cards-changed');
    otherTab.postMessage({ type: 'something-else' });
    otherTab.postMessage(null);
    await new Promise((r) => setTimeout(r, 100));
    expect(gets(host)).to.equal(1);
    expect(el.isConnected).to.be.true;
  });

  it('tells other tabs after its own change, naming no card', async () => {
    const { el } = await setup();
    const messages: unknown[] = [];
    otherTab.addEventListener('message', (e) => messages.push(e.data));
    action(row(el, '4444'), 'default')!.click();
    await until(() => messages.length > 0, 'the broadcast');
    expect(messages).to.deep.equal([{ type: 'cards-changed' }]);
  });

  it('refetches when the page becomes visible again and when the connection returns', async () => {
    const { el, host } = await setup();
    host.defaultCardId = 'card_mc';
    document.dispatchEvent(new Event('visibilitychange'));
    if (document.visibilityState === 'visible') {
      await until(() => defaultLast4(el) === '4444', 'the refetch on visibility');
    }
    const before = gets(host);
    window.dispatchEvent(new Event('online'));
    await until(() => gets(host) === before + 1, 'the refetch on online');
  });

  it('pauses every change while offline, with a note, and resumes online', async () => {
    const { el, host } = await setup();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    const note = root(el).querySelector('[part~="note"]')!;
    expect(note.textContent).to.equal('You are offline. Changes to your cards are paused until you reconnect.');
    const setDefault = action(row(el, '4444'), 'default')!;
    const remove = action(row(el, '4444'), 'remove')!;
    const add = root(el).querySelector<HTMLButtonElement>('[part~="button-add"]')!;
    for (const b of [setDefault, remove, add]) {
      expect(b.getAttribute('aria-disabled')).to.equal('true');
      expect(b.getAttribute('aria-describedby')).to.contain(note.id);
    }
    await expect(el).to.be.accessible();
    setDefault.click();
    remove.click();
    add.click();
    await el.updateComplete;
    expect(sent(host)).to.deep.equal(['GET /cards']);
    expect(defaultLast4(el)).to.equal('4242');
    expect(root(el).querySelector('dialog')!.open).to.be.false;
    expect(root(el).querySelector('add-card-form')).to.be.null;
    window.dispatchEvent(new Event('online'));
    await until(() => !root(el).querySelector('[part~="note"]'), 'the note to go');
    expect(action(row(el, '4444'), 'default')!.getAttribute('aria-disabled')).to.equal('false');
  });

  it('keeps focus on the same button when going offline and back redraws the rows', async () => {
    const { el } = await setup();
    action(row(el, '4444'), 'remove')!.focus();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(action(row(el, '4444'), 'remove')!.getAttribute('aria-disabled')).to.equal('true');
    expect(focused(el)).to.equal(action(row(el, '4444'), 'remove'));
    window.dispatchEvent(new Event('online'));
    await until(() => action(row(el, '4444'), 'remove')!.getAttribute('aria-disabled') === 'false', 'the row to unlock');
    expect(focused(el)).to.equal(action(row(el, '4444'), 'remove'));
  });

  const loadFailures = [
    { status: 401, text: 'Your session has ended. Sign in again to manage your cards.', retry: false, session: 1 },
    { status: 403, text: 'You do not have permission to see these cards.', retry: true, session: 0 },
    { status: 500, text: 'We could not load your cards.', retry: true, session: 0 },
  ];
  for (const { status, text, retry, session } of loadFailures) {
    it(`answers a ${status} on load with its message${retry ? ' and a retry' : ''}`, async () => {
      const host = new MockHost({ cards: threeCards() });
      host.fail({ path: '/cards', method: 'GET' }, { status }, 3);
      const el = await fixture<CardList>(html`<card-list></card-list>`);
      const expired = collect<SessionExpiredEvent>(el, 'session-expired');
      el.client = host.client();
      await settled(el);
      const error = root(el).querySelector('[part~="error"]')!;
      expect(error.textContent).to.contain(text);
      expect(!!error.querySelector('button')).to.equal(retry);
      expect(expired).to.have.length(session);
      expect(notice(el)).to.equal(''); // said once, in the error state
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the list and tells the host when a background refetch finds the session over', async () => {
    const { el, host } = await setup();
    const expired = collect(el, 'session-expired');
    host.fail({ path: '/cards', method: 'GET' }, { status: 401 }, 2);
    otherTab.postMessage({ type: 'cards-changed' });
    await until(() => expired.length === 1, 'session-expired');
    expect(order(el)).to.have.length(3);
    expect(notice(el)).to.equal('Your session has ended. Sign in again to manage your cards.');
    // a second 401 does not fire again
    otherTab.postMessage({ type: 'cards-changed' });
    await until(() => gets(host) === 3, 'the second refetch');
    await new Promise((r) => setTimeout(r, 20));
    expect(expired).to.have.length(1);
  });

  it('stops listening when taken off the page', async () => {
    const { el, host } = await setup();
    el.remove();
    otherTab.postMessage({ type: 'cards-changed' });
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 100));
    expect(gets(host)).to.equal(1);
  });
});
