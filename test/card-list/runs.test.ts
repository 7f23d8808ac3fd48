import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Runs, type Run } from '../../src/card-list/runs.js';

const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `c${i + from}`);
const shape = (runs: Run<string>[]): string[][] => runs.map((r) => r.items);
const keyOf = (runs: Run<string>[], id: string): string | undefined => runs.find((r) => r.items.includes(id))?.key;

describe('Runs (how a long list is split into runs of rows)', () => {
  it('splits a fresh list into runs of the given size, the default alone first', () => {
    const runs = new Runs<string>((s) => s, 3);
    const split = runs.split(['d', ...ids(7)], (s) => s === 'd');
    expect(shape(split)).to.deep.equal([['d'], ['c0', 'c1', 'c2'], ['c3', 'c4', 'c5'], ['c6']]);
    expect(split[0].key).to.equal('head');
    expect(new Set(split.map((r) => r.key)).size).to.equal(split.length);
  });

  it('a new default moves two rows: the old default joins the first run, the new one leaves its own', () => {
    const runs = new Runs<string>((s) => s, 3);
    const before = runs.split(['d', ...ids(9)], (s) => s === 'd');
    // c7 becomes the default: first, the old default back at its place in server order
    const after = runs.split(['c7', 'd', ...ids(9).filter((id) => id !== 'c7')], (s) => s === 'c7');
    expect(shape(after)).to.deep.equal([['c7'], ['d', 'c0', 'c1', 'c2'], ['c3', 'c4', 'c5'], ['c6', 'c8']]);
    // every run keeps its key, so only the runs holding a changed row are rendered again
    expect(after.map((r) => r.key)).to.deep.equal(before.map((r) => r.key));
  });

  it('keeps each card in its run when one is removed or added at the end', () => {
    const runs = new Runs<string>((s) => s, 3);
    const before = runs.split(ids(9));
    const after = runs.split([...ids(9).filter((id) => id !== 'c4'), 'new']);
    for (const id of ids(9)) if (id !== 'c4') expect(keyOf(after, id), id).to.equal(keyOf(before, id));
    expect(shape(after).flat()).to.deep.equal([...ids(9).filter((id) => id !== 'c4'), 'new']);
  });

  it('splits a run that grew to twice the size', () => {
    const runs = new Runs<string>((s) => s, 2);
    runs.split(['a', 'b']);
    const grown = runs.split(['a', 'x', 'y', 'b', 'z']);
    expect(grown.every((r) => r.items.length <= 4)).to.be.true;
    expect(shape(grown).flat()).to.deep.equal(['a', 'x', 'y', 'b', 'z']);
  });

  it('whatever the lists, the runs hold every item once, in order, under unique keys', () => {
    const list = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 60 }).map((xs) => xs.map((x) => `c${x}`));
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (lists, size, alone) => {
        const runs = new Runs<string>((s) => s, size);
        for (const items of lists) {
          const split = runs.split(items, alone ? () => true : undefined);
          expect(shape(split).flat()).to.deep.equal(items);
          expect(new Set(split.map((r) => r.key)).size).to.equal(split.length);
          expect(split.every((r) => r.items.length > 0 && r.items.length <= 2 * size)).to.be.true;
        }
      }),
    );
  });

  it('patches the runs for a new default or copied cards exactly as a whole split would', () => {
    interface Card {
      id: string;
      v: number;
    }
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('default' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.array(edit, { maxLength: 12 }), (count, size, edits) => {
        let cards: Card[] = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, v: 0 }));
        let next = count;
        const quick = new Runs<Card>((c) => c.id, size);
        const whole = new Runs<Card>((c) => c.id, size, true);
        // the default is first; `v` marks it, as isDefault does
        const alone = (c: Card): boolean => c.v === 1;
        const check = (): void => {
          const a = quick.split(cards, alone);
          const b = whole.split(cards, alone);
          expect(a.map((r) => [r.key, ...r.items.map((c) => c.id)])).to.deep.equal(b.map((r) => [r.key, ...r.items.map((c) => c.id)]));
          expect(a.flatMap((r) => r.items)).to.deep.equal(cards);
        };
        cards[0] = { ...cards[0], v: 1 };
        check();
        for (const e of edits) {
          if (cards.length === 0) break;
          const at = e.at % cards.length;
          if (e.kind === 'default' && at > 0) {
            const chosen = { ...cards[at], v: 1 };
            cards = [chosen, { ...cards[0], v: 0 }, ...cards.slice(1, at), ...cards.slice(at + 1)];
          } else if (e.kind === 'copy') {
            cards = cards.map((c, i) => (i === at ? { ...c } : c));
          } else if (e.kind === 'remove' && cards.length > 1) {
            cards = cards.filter((_, i) => i !== at);
          } else if (e.kind === 'add') {
            cards = [...cards.slice(0, at + 1), { id: `c${next++}`, v: 0 }, ...cards.slice(at + 1)];
          }
          check();
        }
      }),
    );
  });
});

