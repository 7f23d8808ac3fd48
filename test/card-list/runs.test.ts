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
});
