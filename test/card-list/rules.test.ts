import { expect } from '@open-wc/testing';
import { ExpiryMemo, canBecomeDefault, failurePlan, removalBlock } from '../../src/card-list/rules.js';
import { expiryStatus } from '../../src/core/expiry.js';
import { EndpointError } from '../../src/endpoint/errors.js';
import type { AccountPolicy, SavedCard } from '../../src/endpoint/types.js';

const base: SavedCard = { id: 'x', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040, nameOnCard: 'A', isDefault: false, expired: false, removable: true };
const other: SavedCard = { ...base, id: 'y' };
const free: AccountPolicy = { cardRequired: false, maxCards: 10 };
const required: AccountPolicy = { cardRequired: true, cardRequiredReason: 'active-subscription', maxCards: 10 };

describe('card-list rules', () => {
  const removal: [string, SavedCard, SavedCard[], AccountPolicy, string | null][] = [
    ['a plain card', base, [base, other], free, null],
    ['the default card', { ...base, isDefault: true }, [base, other], free, 'default'],
    ['the only card while one is required', base, [base], required, 'only-card-required'],
    ['the only card, also the default, while one is required', { ...base, isDefault: true }, [base], required, 'only-card-required'],
    ['the only card when none is required', base, [base], free, null],
    ['a card with a pending payment', { ...base, removable: false, removalBlockedReason: 'pending-payment' }, [base, other], free, 'pending-payment'],
    ['a card the server blocks without saying why', { ...base, removable: false }, [base, other], free, 'unspecified'],
    // the server's verdict "default" is stale once another card became the default optimistically
    ['the old default during an optimistic change', { ...base, removable: false, removalBlockedReason: 'default' }, [base, other], free, null],
  ];
  for (const [name, card, cards, policy, expected] of removal) {
    it(`removal: ${name} → ${expected}`, () => {
      expect(removalBlock(card, cards, policy)).to.equal(expected);
    });
  }

  it('never offers an expired card or the default as the next default', () => {
    expect(canBecomeDefault(base, 'ok')).to.be.true;
    expect(canBecomeDefault(base, 'expiring')).to.be.true;
    expect(canBecomeDefault(base, 'expired')).to.be.false;
    expect(canBecomeDefault({ ...base, isDefault: true }, 'ok')).to.be.false;
  });

  const http = (status: number) => new EndpointError({ kind: 'http', code: 'x', route: 'POST /cards/{id}/default', status });
  const plans: [string, unknown, 'default' | 'remove' | 'load', string, boolean, boolean][] = [
    ['401', http(401), 'remove', 'listSessionExpired', true, false],
    ['403 on a change', http(403), 'default', 'listForbidden', false, false],
    ['403 on load', http(403), 'load', 'listForbiddenLoad', false, false],
    ['404 on a change', http(404), 'default', 'listCardGone', false, true],
    ['404 on load', http(404), 'load', 'listLoadFailed', false, false],
    ['429', http(429), 'remove', 'listRateLimited', false, false],
    ['500 on default', http(500), 'default', 'listDefaultFailed', false, true],
    ['timeout on remove', new EndpointError({ kind: 'timeout', code: 'timeout', route: 'r' }), 'remove', 'listRemoveFailed', false, true],
    ['a broken answer on load', new EndpointError({ kind: 'invalid-response', code: 'invalid_response', route: 'r' }), 'load', 'listLoadInvalid', false, false],
    ['not an endpoint error', new Error('x'), 'default', 'listDefaultFailed', false, true],
  ];
  for (const [name, error, act, message, session, refetch] of plans) {
    it(`failure: ${name} (${act})`, () => {
      expect(failurePlan(error, act)).to.deep.equal({ message, sessionExpired: session, refetch });
    });
  }

  it('memoizes expiry per month and day, agreeing with the core, and recomputes on a new day', () => {
    const memo = new ExpiryMemo();
    const day = new Date(2030, 4, 31, 23, 59);
    for (let month = 1; month <= 12; month++) {
      for (const year of [2029, 2030, 2031]) {
        const expected = expiryStatus({ month, year }, { now: new Date(2030, 4, 31), soonDays: 60 });
        expect(memo.status({ expMonth: month, expYear: year }, day, 60), `${month}/${year}`).to.equal(expected);
      }
    }
    expect(memo.status({ expMonth: 5, expYear: 2030 }, day, 60)).to.equal('expiring');
    expect(memo.status({ expMonth: 5, expYear: 2030 }, new Date(2030, 5, 1, 0, 1), 60)).to.equal('expired');
    expect(memo.status({ expMonth: 8, expYear: 2030 }, new Date(2030, 5, 1), 10)).to.equal('ok');
  });
});
