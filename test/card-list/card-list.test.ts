import { expect, fixture, html } from '@open-wc/testing';
import type { CardList } from '../../src/card-list/card-list.js';
import { action, defaultLast4, mockCard, notice, order, root, row, rows, sent, settled, setup, threeCards, until } from './helpers.js';

const year = new Date().getFullYear();

describe('<card-list>', () => {
  it('lists the cards, default first, each with brand name, masked number, name, expiry and badge', async () => {
    const cards = threeCards();
    const { el, host } = await setup({ cards, defaultCardId: 'card_mc' });
    await expect(el).to.be.accessible();
    expect(order(el)).to.deep.equal(['4444', '4242', '0005']);
    const first = rows(el)[0];
    expect(first.getAttribute('part')).to.contain('row-default');
    expect(first.querySelector('[part~="brand"]')!.textContent).to.contain('Mastercard');
    expect(first.querySelector('[part~="brand"] svg')).to.exist;
    expect(first.querySelector('[part~="number"]')!.textContent).to.equal('•••• 4444');
    expect(first.querySelector('[part~="name"]')!.textContent).to.equal('Ada Lovelace');
    expect(first.querySelector('[part~="expiry"]')!.textContent).to.equal(`Expires 06/${String(year + 2).slice(2)}`);
    expect(first.querySelector('[part~="badge-default"]')!.textContent).to.equal('Default');
    expect(rows(el)[1].querySelector('[part~="badge-default"]')).to.be.null;
    expect(sent(host)).to.deep.equal(['GET /cards']);
  });

  it('shows skeleton rows with aria-busy while loading, then the list', async () => {
    const { MockHost } = await import('./helpers.js');
    const host = new MockHost({ cards: threeCards() });
    const held = host.hold({ path: '/cards', method: 'GET' });
    const el = await fixture<CardList>(html`<card-list></card-list>`);
    el.client = host.client();
    await held.arrived;
    await el.updateComplete;
    const skeleton = root(el).querySelector('[part~="skeleton"]')!;
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton.textContent).to.contain('Loading your cards');
    await expect(el).to.be.accessible();
    held.release();
    await settled(el);
    expect(rows(el)).to.have.length(3);
  });

  it('shows an explanation and the add call to action when there are no cards', async () => {
    const { el } = await setup({ cards: [] });
    const empty = root(el).querySelector('[part~="empty"]')!;
    expect(empty.textContent).to.contain('No cards on file');
    expect(empty.querySelector('button')!.textContent).to.equal('Add new card');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry when the first load fails, and recovers', async () => {
    const { MockHost } = await import('./helpers.js');
    const host = new MockHost({ cards: threeCards() });
    host.fail({ path: '/cards', method: 'GET' }, { status: 503 }, 3); // the client retries GETs twice
    const el = await fixture<CardList>(html`<card-list></card-list>`);
    el.client = host.client();
    await settled(el);
    const error = root(el).querySelector('[part~="error"]')!;
    expect(error.textContent).to.contain('We could not load your cards.');
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await settled(el);
    await until(() => rows(el).length === 3, 'rows after retry');
  });

  it('shows the error state when the endpoint breaks the contract (a brand that is HTML)', async () => {
    const { MockHost } = await import('./helpers.js');
    const host = new MockHost();
    host.fail(
      { path: '/cards', method: 'GET' },
      {
        status: 200,
        body: {
          cards: [{ ...mockCard({ id: 'x' }), brand: '<img src=x onerror="window.__pwned=1">', isDefault: true, expired: false, removable: false }],
          policy: { cardRequired: false, maxCards: 5 },
        },
      },
    );
    const el = await fixture<CardList>(html`<card-list></card-list>`);
    el.client = host.client();
    await settled(el);
    expect(root(el).querySelector('[part~="error"]')!.textContent).to.contain('could not read the card list');
    expect(root(el).querySelector('img')).to.be.null;
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('flags expired cards (no "Set as default", offered "Replace") and cards expiring soon', async () => {
    const now = new Date();
    const cards = [
      mockCard({ id: 'ok', last4: '1111' }),
      mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 2 }),
      mockCard({ id: 'soon', last4: '3333', expMonth: now.getMonth() + 1, expYear: now.getFullYear() }),
    ];
    const { el } = await setup({ cards });
    const expired = row(el, '2222');
    expect(expired.getAttribute('part')).to.contain('row-expired');
    expect(expired.querySelector('[part~="badge-expired"]')!.textContent).to.equal('Expired');
    expect(expired.querySelector('[part~="expiry"]')!.textContent).to.equal(`Expired 01/${String(year - 2).slice(2)}`);
    expect(action(expired, 'default')).to.be.null;
    expect(action(expired, 'replace')).to.exist;
    const soon = row(el, '3333');
    expect(soon.querySelector('[part~="badge-expiring"]')!.textContent).to.equal('Expires soon');
    expect(action(soon, 'replace')).to.exist;
    expect(action(soon, 'default')).to.exist;
    expect(row(el, '1111').querySelector('[part~="badge-expiring"], [part~="badge-expired"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('honours expiring-days and an injected clock', async () => {
    const cards = [mockCard({ id: 'a', last4: '1111', expMonth: 3, expYear: 2031 })];
    const { el } = await setup({ cards }, (list) => {
      list.now = new Date(2031, 0, 10); // 80 days before the end of March 2031
    });
    expect(row(el, '1111').querySelector('[part~="badge-expiring"]')).to.be.null;
    el.soonDays = 90;
    await el.updateComplete;
    expect(row(el, '1111').querySelector('[part~="badge-expiring"]')).to.exist;
  });

  it('masks with mask-pattern and replaces any string through messages', async () => {
    const { el } = await setup({ cards: threeCards() }, (list) => {
      list.setAttribute('mask-pattern', 'XXXX{last4}');
      list.messages = { listSetDefault: 'Make primary', listDefault: 'Primary' };
    });
    expect(row(el, '4444').querySelector('[part~="number"]')!.textContent).to.equal('XXXX4444');
    expect(action(row(el, '4444'), 'default')!.textContent).to.contain('Make primary');
    expect(defaultLast4(el)).to.equal('4242');
    expect(row(el, '4242').querySelector('[part~="badge-default"]')!.textContent).to.equal('Primary');
  });

  it('takes the danger colours from the host: the Expired badge and the confirm button', async () => {
    const cards = [mockCard({ id: 'a', last4: '1111' }), mockCard({ id: 'old', last4: '2222', expMonth: 1, expYear: year - 1 })];
    const { el } = await setup({ cards }, (list) => {
      list.style.setProperty('--card-list-danger-background', 'rgb(1, 2, 3)');
      list.style.setProperty('--card-list-danger-text-color', 'rgb(4, 5, 6)');
    });
    const badge = row(el, '2222').querySelector<HTMLElement>('[part~="badge-expired"]')!;
    expect(getComputedStyle(badge).backgroundColor).to.equal('rgb(1, 2, 3)');
    const confirm = root(el).querySelector<HTMLElement>('[part~="button-confirm"]')!;
    expect(getComputedStyle(confirm).color).to.equal('rgb(4, 5, 6)');
    // without them, the defaults
    el.style.removeProperty('--card-list-danger-background');
    el.style.removeProperty('--card-list-danger-text-color');
    expect(getComputedStyle(badge).backgroundColor).to.equal('rgb(254, 243, 242)');
    expect(getComputedStyle(confirm).color).to.equal('rgb(255, 255, 255)');
  });

  it('names every row action with its card for screen readers', async () => {
    const { el } = await setup();
    const remove = action(row(el, '0005'), 'remove')!;
    expect(remove.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Remove American Express ending in 0005');
  });

  describe('hostile data from the endpoint', () => {
    const hostile = [
      '<img src=x onerror="window.__pwned=1">',
      '\u202EecilA\u202C <script>window.__pwned=2</script>',
      'x'.repeat(10_000),
    ];

    it('renders names as text: no element injected, the sentinel stays unset, rows stay inside the list', async () => {
      const cards = hostile.map((name, i) => mockCard({ id: `h${i}`, last4: `000${i}`, nameOnCard: name }));
      const { el } = await setup({ cards }, (list) => {
        list.style.width = '480px';
      });
      const names = rows(el).map((r) => r.querySelector('[part~="name"]')!);
      expect(names.map((n) => n.textContent)).to.deep.equal(hostile);
      expect(names.every((n) => n.localName === 'bdi' && n.children.length === 0)).to.be.true;
      expect(root(el).querySelector('img, script')).to.be.null;
      expect((window as { __pwned?: number }).__pwned).to.be.undefined;
      const list = root(el).querySelector('[part~="list"]')!.getBoundingClientRect();
      for (const r of rows(el)) {
        const box = r.getBoundingClientRect();
        expect(box.right).to.be.at.most(list.right + 0.5);
        expect(box.height).to.be.below(200);
      }
      expect(el.scrollWidth).to.be.at.most(480);
      await expect(el).to.be.accessible();
    });

    it('keeps a right-to-left override inside its own name', async () => {
      const { el } = await setup({ cards: [mockCard({ id: 'a', last4: '1234', nameOnCard: '\u202Eevil' })] });
      const name = rows(el)[0].querySelector('[part~="name"]')!;
      expect(getComputedStyle(name).unicodeBidi).to.equal('isolate');
      // the number after it still reads left to right
      expect(rows(el)[0].querySelector('[part~="number"]')!.textContent).to.equal('•••• 1234');
    });
  });

  it('starts over with another client (another account), and ignores endpoint while a client is injected', async () => {
    const { el, host } = await setup();
    el.endpoint = '/elsewhere';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(sent(host)).to.deep.equal(['GET /cards']);
    const { MockHost } = await import('./helpers.js');
    const subAccount = new MockHost({ cards: [] });
    el.client = subAccount.client();
    await until(() => !!root(el).querySelector('[part~="empty"]'), 'the other account\'s empty list');
    expect(rows(el)).to.have.length(0);
  });

  it('reads an endpoint attribute and builds its own client', async () => {
    const el = await fixture<CardList>(html`<card-list endpoint="/nowhere-api"></card-list>`);
    // no server behind that path: the list ends in its error state, never blank
    await until(() => !!root(el).querySelector('[part~="error"]'), 'the error state', 20000);
    expect(notice(el)).to.equal('');
  });

  // rows come from several templates (the usual row is written out whole, rarer ones nest their
  // buttons): whichever a card gets, the customer must see the same row
  it('draws every kind of row the same way: the facts, then buttons named with the card', async () => {
    const cards = [
      mockCard({ id: 'a', brand: 'visa', last4: '4242', expMonth: 12, expYear: year + 3 }),
      mockCard({ id: 'b', brand: 'mastercard', last4: '4444', expMonth: 6, expYear: year + 2 }),
      mockCard({ id: 'c', brand: 'discover', last4: '1117', expMonth: 1, expYear: year - 1 }),
      mockCard({ id: 'd', brand: 'american-express', last4: '0005', expMonth: 3, expYear: year + 4 }),
    ];
    const { el } = await setup({ cards, defaultCardId: 'a', pendingPaymentCardIds: ['d'] });
    await expect(el).to.be.accessible();
    const shape = (node: Element): string =>
      `${node.localName}[${node.getAttribute('part') ?? ''}|${node.getAttribute('class') ?? ''}](${[...node.children]
        .filter((c) => !c.matches('.badges > *, svg *'))
        .map(shape)
        .join(',')})`;
    const facts = rows(el).map((r) => shape(r.querySelector('.card')!));
    // default (blocked), usual, expired (replace only), pending payment (blocked): one shape for the facts
    expect(new Set(facts).size, facts.join('\n')).to.equal(1);
    expect(rows(el).map((r) => [...r.querySelectorAll('button')].map((b) => `${b.dataset.action}:${b.textContent}`))).to.deep.equal([
      ['remove:Remove Visa ending in 4242'],
      ['default:Set as default Mastercard ending in 4444', 'remove:Remove Mastercard ending in 4444'],
      ['replace:Replace Discover ending in 1117', 'remove:Remove Discover ending in 1117'],
      ['default:Set as default American Express ending in 0005', 'remove:Remove American Express ending in 0005'],
    ]);
    for (const r of rows(el)) {
      // no whitespace-only text between the elements of a row (the shared brand mark is drawn as it is)
      const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        if (walker.currentNode.parentElement!.closest('svg')) continue;
        expect(walker.currentNode.textContent!.trim(), 'a whitespace-only text node').to.not.equal('');
      }
      for (const b of r.querySelectorAll('button')) expect(b.getAttribute('part')).to.equal(`button button-${b.dataset.action}`);
    }
    expect(rows(el).map((r) => !!r.querySelector('[part~="reason"]'))).to.deep.equal([true, false, false, true]);
  });
});
