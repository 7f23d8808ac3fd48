import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { expiryState, expiryStatus, formatExpiry } from '../../src/core/expiry.js';
import type { Expiry, ExpiryOptions, ExpiryState } from '../../src/core/expiry.js';
import { anyText, withLong, RUNS } from './arbitraries.js';

/** 15 January 2026, local time. */
const NOW = new Date(2026, 0, 15, 12, 0, 0);

function summary(state: ExpiryState): string {
  if (state.status === 'invalid') return `invalid:${state.reason}`;
  if (state.status === 'valid') return `valid:${state.expiry.month}/${state.expiry.year}`;
  return state.status;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A clock anywhere from 1995 to 2095, any time of day. */
const clock = fc.date({ min: new Date(1995, 0, 1), max: new Date(2095, 11, 31), noInvalidDate: true });

describe('core/expiry', () => {
  describe('expiryState', () => {
    const cases: [string, ExpiryOptions, string][] = [
      ['', {}, 'empty'],
      [' / ', {}, 'empty'],
      ['', { final: true }, 'invalid:expiryRequired'],
      ['1', {}, 'typing'],
      ['1', { final: true }, 'invalid:expiryIncomplete'],
      ['0', {}, 'typing'],
      ['2', {}, 'typing'],
      ['12', {}, 'typing'],
      ['12 / ', {}, 'typing'],
      ['12 / 2', {}, 'typing'],
      ['12 / 2', { final: true }, 'invalid:expiryIncomplete'],
      ['12 / 202', { final: true }, 'invalid:expiryIncomplete'],
      ['13', {}, 'invalid:expiryMonthInvalid'],
      ['00', {}, 'invalid:expiryMonthInvalid'],
      ['0/26', {}, 'invalid:expiryMonthInvalid'],
      ['13/26', {}, 'invalid:expiryMonthInvalid'],
      ['1326', {}, 'invalid:expiryMonthInvalid'],
      ['01/26', {}, 'valid:1/2026'],
      ['1/26', {}, 'valid:1/2026'],
      ['01 / 2026', {}, 'valid:1/2026'],
      ['0126', {}, 'valid:1/2026'],
      ['012026', {}, 'valid:1/2026'],
      ['1 / 26', {}, 'valid:1/2026'],
      ['1-26', {}, 'valid:1/2026'],
      ['426', {}, 'valid:4/2026'],
      ['٠١/٢٦', {}, 'valid:1/2026'],
      ['12/25', {}, 'invalid:expiryInPast'],
      ['12 / 2025', {}, 'invalid:expiryInPast'],
      ['12/99', {}, 'invalid:expiryInPast'],
      ['12 / 20', {}, 'typing'], // may be the start of "12 / 2031"
      ['12 / 20', { final: true }, 'invalid:expiryInPast'],
      ['01/46', {}, 'valid:1/2046'],
      ['02/46', {}, 'invalid:expiryTooFar'],
      ['12/75', {}, 'invalid:expiryTooFar'],
      ['01/32', { maxYearsAhead: 5 }, 'invalid:expiryTooFar'],
      ['Jan 26', {}, 'invalid:expiryInvalid'],
      ['12/26/1', {}, 'invalid:expiryInvalid'],
      ['1234567', {}, 'invalid:expiryInvalid'],
      ['123/26', {}, 'invalid:expiryInvalid'],
    ];
    for (const [input, options, expected] of cases) {
      it(`${JSON.stringify(input)} ${JSON.stringify(options)} → ${expected}`, () => {
        expect(summary(expiryState(input, { now: NOW, ...options }))).to.equal(expected);
      });
    }

    it('keeps the current month valid until its last day ends, in local time', () => {
      expect(summary(expiryState('01/26', { now: new Date(2026, 0, 31, 23, 59, 59, 999) }))).to.equal('valid:1/2026');
      expect(summary(expiryState('01/26', { now: new Date(2026, 1, 1, 0, 0, 0) }))).to.equal('invalid:expiryInPast');
    });

    it('reads two-digit years in the century nearest the clock', () => {
      expect(summary(expiryState('01/01', { now: new Date(2098, 5, 1) }))).to.equal('valid:1/2101');
    });

    it('never throws; final never answers empty or typing', () => {
      fc.assert(
        fc.property(withLong(fc.oneof(anyText, fc.string({ unit: fc.constantFrom(...'0123456789 /'), maxLength: 10 }))), clock, fc.boolean(), fc.integer({ min: 0, max: 50 }), (input, now, final, maxYearsAhead) => {
          const state = expiryState(input, { now, final, maxYearsAhead });
          return !final || (state.status !== 'empty' && state.status !== 'typing');
        }),
        { numRuns: RUNS },
      );
    });

    it('round-trips formatExpiry and every accepted way of writing a date', () => {
      fc.assert(
        fc.property(clock, fc.integer({ min: 0, max: 239 }), (now, monthsAhead) => {
          const index = now.getFullYear() * 12 + now.getMonth() + monthsAhead;
          const e: Expiry = { month: (index % 12) + 1, year: Math.floor(index / 12) };
          const yy = pad(e.year % 100);
          const forms = [formatExpiry(e), `${e.month}/${yy}`, `${pad(e.month)} / ${e.year}`, `${pad(e.month)}${yy}`, `${pad(e.month)}${e.year}`, `${e.month} / ${yy}`];
          return forms.every((form) => summary(expiryState(form, { now, final: true })) === `valid:${e.month}/${e.year}`);
        }),
        { numRuns: RUNS },
      );
    });

    it('calls a date in the past exactly when expiryStatus calls the card expired', () => {
      fc.assert(
        fc.property(clock, fc.integer({ min: 1, max: 12 }), fc.integer({ min: -30, max: 19 }), (now, month, yearsAhead) => {
          const e: Expiry = { month, year: now.getFullYear() + yearsAhead };
          const state = expiryState(`${pad(month)}/${e.year}`, { now, final: true });
          const past = state.status === 'invalid' && state.reason === 'expiryInPast';
          return past === (expiryStatus(e, { now }) === 'expired');
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('formatExpiry', () => {
    const cases: [Expiry, string][] = [
      [{ month: 1, year: 2026 }, '01/26'],
      [{ month: 12, year: 2030 }, '12/30'],
      [{ month: 3, year: 2105 }, '03/05'],
    ];
    for (const [e, text] of cases) {
      it(`${JSON.stringify(e)} → ${text}`, () => {
        expect(formatExpiry(e)).to.equal(text);
      });
    }

    it('always gives MM/YY for any month and four-digit year', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1000, max: 9999 }), (month, year) => /^(0[1-9]|1[0-2])\/\d\d$/.test(formatExpiry({ month, year }))),
        { numRuns: RUNS },
      );
    });
  });

  describe('expiryStatus', () => {
    const cases: [Expiry, Date, number | undefined, string][] = [
      [{ month: 12, year: 2025 }, NOW, undefined, 'expired'],
      [{ month: 1, year: 2026 }, NOW, undefined, 'expiring'],
      [{ month: 2, year: 2026 }, NOW, undefined, 'expiring'], // ends 1 March, within 60 days
      [{ month: 3, year: 2026 }, NOW, undefined, 'ok'], // ends 1 April, beyond 60 days
      [{ month: 1, year: 2026 }, NOW, 0, 'ok'],
      [{ month: 3, year: 2026 }, NOW, 90, 'expiring'],
      [{ month: 1, year: 2026 }, new Date(2026, 0, 31, 23, 59, 59, 999), undefined, 'expiring'],
      [{ month: 1, year: 2026 }, new Date(2026, 1, 1), undefined, 'expired'],
      [{ month: 12, year: 2026 }, new Date(2026, 11, 31, 12), undefined, 'expiring'],
      [{ month: 12, year: 2026 }, new Date(2027, 0, 1), undefined, 'expired'],
    ];
    for (const [e, now, soonDays, status] of cases) {
      it(`${formatExpiry(e)} on ${now.toDateString()} (soonDays ${soonDays ?? 'default'}) → ${status}`, () => {
        expect(expiryStatus(e, { now, soonDays })).to.equal(status);
      });
    }

    it('never goes from expired back to ok as time passes', () => {
      fc.assert(
        fc.property(clock, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1995, max: 2095 }), (now, days, month, year) => {
          const later = new Date(now.getTime() + days * 86_400_000);
          const rank = { ok: 0, expiring: 1, expired: 2 } as const;
          return rank[expiryStatus({ month, year }, { now: later })] >= rank[expiryStatus({ month, year }, { now })];
        }),
        { numRuns: RUNS },
      );
    });
  });
});
