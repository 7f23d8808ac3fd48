import { expect } from '@open-wc/testing';
import type { DefaultChangedEvent } from '../../src/events/default-changed.js';
import { MockHost, action, defaultLast4, focused, mockCard, notice, order, row, sent, setup, threeCards, until } from './helpers.js';

const year = new Date().getFullYear();

function collect<T extends Event>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (e) => seen.push(e as T));
  return seen;
}

describe('<card-list> set as default', () => {
  it('shows the change at once, confirms it with the server and fires default-changed once', async () => {
    const { el, host } = await setup();
    const events = collect<DefaultChangedEvent>(el, 'default-changed');
    const held = host.hold({ path: /\/default$/ });
    action(row(el, '4444'), 'default')!.click();
    await held.arrived;
    await el.updateComplete;
    // optimistic: moved first with the badge before the server answered
    expect(order(el)).to.deep.equal(['4444', '4242', '0005']);
    expect(defaultLast4(el)).to.equal('4444');
    expect(row(el, '4444').getAttribute('aria-busy')).to.equal('true');
    expect(row(el, '4444').textContent).to.contain('Saving…');
    await expect(el).to.be.accessible();
    expect(events).to.have.length(0);
    held.release();
    await until(() => events.length === 1, 'default-changed');
    expect(events[0].detail.card).to.include({ id: 'card_mc', last4: '4444', isDefault: true });
    expect(events[0].detail.previous).to.include({ id: 'card_visa', last4: '4242' });
    expect(events[0].bubbles && events[0].composed).to.be.true;
    expect(host.defaultCardId).to.equal('card_mc');
    await el.updateComplete;
    expect(row(el, '4444').getAttribute('aria-busy')).to.equal('false');
    expect(notice(el)).to.equal('Mastercard ending in 4444 is now your default card.');
    const post = host.hostRequests().find((r) => r.method === 'POST')!;
    expect(post.path).to.equal('/cards/card_mc/default');
    expect(post.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(post.headers['x-csrf-token']).to.equal('mock-csrf');
    // focus stays with the card that became the default
    expect(row(el, '4444').contains(focused(el))).to.be.true;
  });

  it('rolls back with a message when the server fails (5xx), then reconciles', async () => {
    const { el, host } = await setup();
    const events = collect(el, 'default-changed');
    host.fail({ path: /\/default$/ }, { status: 500 }, 3);
    action(row(el, '0005'), 'default')!.click();
    await el.updateComplete;
    expect(defaultLast4(el)).to.equal('0005');
    await until(() => notice(el) !== '', 'the failure message');
    expect(notice(el)).to.equal('We could not make American Express ending in 0005 your default card. Your default card has not changed.');
    expect(defaultLast4(el)).to.equal('4242');
    expect(order(el)).to.deep.equal(['4242', '4444', '0005']);
    expect(events).to.have.length(0);
    await until(() => sent(host).filter((s) => s === 'GET /cards').length === 2, 'the reconciling refetch');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('could not make');
  });

  it('rolls back when the server does not answer in time', async () => {
    const { el, host } = await setup(undefined, undefined, { timeoutMs: 150, retries: 0 });
    host.fail({ path: /\/default$/ }, { kind: 'hang' });
    action(row(el, '4444'), 'default')!.click();
    await el.updateComplete;
    expect(defaultLast4(el)).to.equal('4444');
    await until(() => notice(el).startsWith('We could not make Mastercard'), 'the timeout message');
    expect(defaultLast4(el)).to.equal('4242');
    expect(host.defaultCardId).to.equal('card_visa');
  });

  it('sends one change at a time: the last choice wins on the server and on screen', async () => {
    const { el, host } = await setup();
    const held = host.hold({ path: '/cards/card_mc/default' });
    action(row(el, '4444'), 'default')!.click();
    await held.arrived;
    await el.updateComplete;
    action(row(el, '0005'), 'default')!.click();
    await el.updateComplete;
    expect(defaultLast4(el)).to.equal('0005');
    // the second waits for the first's answer instead of racing it
    expect(sent(host).filter((s) => s.startsWith('POST'))).to.deep.equal(['POST /cards/card_mc/default']);
    held.release();
    await until(() => host.defaultCardId === 'card_amex', 'the server to hold the last choice');
    await until(() => notice(el) !== '', 'the confirmation');
    expect(defaultLast4(el)).to.equal('0005');
    expect(sent(host).filter((s) => s.startsWith('POST'))).to.deep.equal(['POST /cards/card_mc/default', 'POST /cards/card_amex/default']);
    expect(notice(el)).to.equal('American Express ending in 0005 is now your default card.');
  });

  it('ignores a late answer from an older request (a refetch that read the list before the change)', async () => {
    let gate: (() => void) | null = null;
    let gated = 0;
    const host = new MockHost({ cards: threeCards() });
    const { el } = await setup(host, undefined, {
      // the server answers at once, but this one answer reaches the page late
      fetch: async (input, init) => {
        const response = await host.fetch(input, init);
        if (new Request(input, init).method === 'GET' && ++gated === 2) await new Promise<void>((r) => (gate = r));
        return response;
      },
    });
    void el.refresh();
    await until(() => gate !== null, 'the refetch to be read');
    action(row(el, '4444'), 'default')!.click();
    await until(() => host.defaultCardId === 'card_mc', 'the change');
    await until(() => notice(el) !== '', 'the confirmation');
    expect(defaultLast4(el)).to.equal('4444');
    gate!();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    // the stale list (default 4242) arrived last and was not shown
    expect(defaultLast4(el)).to.equal('4444');
    expect(order(el)[0]).to.equal('4444');
  });

  it('never offers an expired card as default, and rolls back when the server says it has expired (409)', async () => {
    let clock = new Date();
    const cards = [
      mockCard({ id: 'a', last4: '1111' }),
      mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 }),
      mockCard({ id: 'edge', last4: '3333', expMonth: clock.getMonth() + 1, expYear: clock.getFullYear() }),
    ];
    const { el, host } = await setup({ cards, now: () => clock });
    expect(action(row(el, '2222'), 'default')).to.be.null;
    // the month ends on the server before the page knows
    clock = new Date(clock.getFullYear(), clock.getMonth() + 1, 2);
    action(row(el, '3333'), 'default')!.click();
    await until(() => notice(el) !== '', 'the refusal');
    expect(notice(el)).to.equal('Visa ending in 3333 has expired, so it cannot be your default card.');
    expect(defaultLast4(el)).to.equal('1111');
    expect(host.defaultCardId).to.equal('a');
    await until(() => action(row(el, '3333'), 'default') === null, 'the refetched list to flag it expired');
    expect(row(el, '3333').querySelector('[part~="badge-expired"]')).to.exist;
  });

  it('refetches when the card is gone (404) and says so', async () => {
    const { el, host } = await setup();
    host.cards = host.cards.filter((c) => c.id !== 'card_amex'); // removed elsewhere
    action(row(el, '0005'), 'default')!.click();
    await until(() => notice(el) !== '', 'the message');
    expect(notice(el)).to.equal('That card is no longer on file. The list is up to date again.');
    await until(() => order(el).join() === '4242,4444', 'the refetched list');
  });
});

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}
