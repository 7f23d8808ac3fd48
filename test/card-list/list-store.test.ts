import { expect } from '@open-wc/testing';
import { ListStore, withDefault, type MutationOutcome } from '../../src/card-list/list-store.js';
import type { EndpointClient } from '../../src/endpoint/client.js';
import type { CardListResponse, SavedCard } from '../../src/endpoint/types.js';

function card(id: string, isDefault = false): SavedCard {
  return { id, brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040, nameOnCard: 'A', isDefault, expired: false, removable: !isDefault };
}

function list(defaultId: string, ids = ['a', 'b', 'c']): CardListResponse {
  const cards = ids.map((id) => card(id, id === defaultId));
  cards.sort((x, y) => Number(y.isDefault) - Number(x.isDefault));
  return { cards, policy: { cardRequired: false, maxCards: 10 } };
}

interface Pending {
  call: string;
  resolve(value: CardListResponse): void;
  reject(error: unknown): void;
}

/** A client whose every call waits until the test answers it. */
function fakeClient() {
  const pending: Pending[] = [];
  const call = (name: string) =>
    new Promise<CardListResponse>((resolve, reject) => {
      pending.push({ call: name, resolve, reject });
    });
  const client = {
    listCards: () => call('GET'),
    setDefaultCard: (id: string) => call(`default ${id}`),
    removeCard: (id: string) => call(`remove ${id}`),
  } as unknown as EndpointClient;
  return { client, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function store() {
  const { client, pending } = fakeClient();
  let changes = 0;
  const s = new ListStore({ client: () => client, changed: () => changes++ });
  return { s, pending, changes: () => changes };
}

const defaultId = (s: ListStore) => s.cards.find((c) => c.isDefault)?.id ?? null;

describe('ListStore (ordering, optimistic default)', () => {
  it('applies the newest request\'s answer even when an older one answers later', async () => {
    const { s, pending } = store();
    void s.refresh();
    const first = pending[0];
    void s.setDefault('b');
    await tick();
    pending[1].resolve(list('b'));
    await tick();
    first.resolve(list('a')); // read before the change, arrives after it
    await tick();
    expect(defaultId(s)).to.equal('b');
    expect(s.status).to.equal('ready');
  });

  it('shows a default change at once and drops it on failure (the rollback)', async () => {
    const { s, pending } = store();
    void s.refresh();
    pending[0].resolve(list('a'));
    await tick();
    const outcome = s.setDefault('c');
    expect(defaultId(s)).to.equal('c');
    expect(s.cards[0].id).to.equal('c');
    expect(s.busy('c')).to.equal('default');
    expect(s.locked('a') && s.locked('c') && !s.locked('b')).to.be.true;
    pending[1].reject(new Error('boom'));
    expect((await outcome).kind).to.equal('failed');
    expect(defaultId(s)).to.equal('a');
    expect(s.busy('c')).to.be.null;
  });

  it('sends default changes one at a time and only the newest waiting one', async () => {
    const { s, pending } = store();
    void s.refresh();
    pending[0].resolve(list('a'));
    await tick();
    const outcomes: Promise<MutationOutcome>[] = [s.setDefault('b'), s.setDefault('c'), s.setDefault('a')];
    await tick();
    expect(pending.map((p) => p.call)).to.deep.equal(['GET', 'default b']);
    expect(defaultId(s)).to.equal('a');
    expect((await outcomes[1]).kind).to.equal('superseded');
    pending[1].resolve(list('b'));
    await tick();
    expect(pending.map((p) => p.call)).to.deep.equal(['GET', 'default b', 'default a']);
    expect(defaultId(s)).to.equal('a'); // still the customer's last choice, not the answer in between
    pending[2].resolve(list('a'));
    expect((await outcomes[0]).kind).to.equal('done');
    expect((await outcomes[2]).kind).to.equal('done');
    expect(s.optimisticDefault).to.be.null;
  });

  it('treats a failed change as moot when a newer one is waiting', async () => {
    const { s, pending } = store();
    void s.refresh();
    pending[0].resolve(list('a'));
    await tick();
    const first = s.setDefault('b');
    await tick();
    const second = s.setDefault('c');
    pending[1].reject(new Error('timeout'));
    expect((await first).kind).to.equal('superseded');
    expect(defaultId(s)).to.equal('c');
    await tick();
    expect(pending[2].call).to.equal('default c');
    pending[2].resolve(list('c'));
    expect((await second).kind).to.equal('done');
  });

  it('refetches when a successful answer came too late to be shown', async () => {
    const { s, pending } = store();
    void s.refresh();
    pending[0].resolve(list('a'));
    await tick();
    const removal = s.remove('b');
    void s.refresh(); // newer than the removal
    pending[2].resolve(list('a', ['a', 'b', 'c']));
    await tick();
    pending[1].resolve(list('a', ['a', 'c']));
    await removal;
    await tick();
    expect(pending.map((p) => p.call)).to.deep.equal(['GET', 'remove b', 'GET', 'GET']);
  });

  it('shares a refresh in flight and runs one more after it', async () => {
    const { s, pending } = store();
    const one = s.refresh();
    const two = s.refresh();
    const three = s.refresh();
    expect(one).to.equal(two);
    expect(two).to.equal(three);
    pending[0].resolve(list('a'));
    await tick();
    expect(pending).to.have.length(2);
    pending[1].resolve(list('b'));
    expect(await one).to.be.null;
    expect(defaultId(s)).to.equal('b');
  });

  it('keeps the skeleton for a first load that fails only while no list was shown', async () => {
    const { s, pending } = store();
    const failed = s.refresh();
    pending[0].reject(new Error('offline'));
    expect(await failed).to.be.instanceOf(Error);
    expect(s.status).to.equal('error');
    void s.retry();
    expect(s.status).to.equal('loading');
    pending[1].resolve(list('a'));
    await tick();
    expect(s.status).to.equal('ready');
    void s.refresh();
    pending[2].reject(new Error('offline again'));
    await tick();
    expect(s.status).to.equal('ready');
  });
});

describe('withDefault', () => {
  it('moves the default first and keeps untouched cards identical', () => {
    const cards = list('a').cards;
    const shown = withDefault(cards, 'c');
    expect(shown.map((c) => [c.id, c.isDefault])).to.deep.equal([['c', true], ['a', false], ['b', false]]);
    expect(shown[2]).to.equal(cards.find((c) => c.id === 'b'));
    expect(withDefault(cards, null)).to.equal(cards);
    expect(withDefault(cards, 'nope')).to.equal(cards);
  });
});
