import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { declineInfo, KNOWN_DECLINE_CODES } from '../../src/core/declines.js';
import type { DeclineInfo, DeclineReason } from '../../src/core/declines.js';
import { anyText, RUNS } from './arbitraries.js';

const GENERIC = declineInfo('generic_decline');

describe('core/declines', () => {
  const cases: [string, DeclineReason, DeclineInfo['field'], boolean][] = [
    ['insufficient_funds', 'insufficient-funds', undefined, false],
    ['card_velocity_exceeded', 'insufficient-funds', undefined, false],
    ['withdrawal_count_limit_exceeded', 'insufficient-funds', undefined, false],
    ['expired_card', 'expired-card', 'expiry', true],
    ['incorrect_number', 'incorrect-details', 'number', true],
    ['invalid_number', 'incorrect-details', 'number', true],
    ['invalid_expiry_month', 'incorrect-details', 'expiry', true],
    ['invalid_expiry_year', 'incorrect-details', 'expiry', true],
    ['incorrect_cvc', 'incorrect-details', 'code', true],
    ['invalid_cvc', 'incorrect-details', 'code', true],
    ['incorrect_zip', 'incorrect-details', 'postalCode', true],
    ['authentication_required', 'authentication-required', undefined, true],
    ['processing_error', 'try-again-later', undefined, true],
    ['try_again_later', 'try-again-later', undefined, true],
    ['issuer_not_available', 'try-again-later', undefined, true],
    ['reenter_transaction', 'try-again-later', undefined, true],
    ['approve_with_id', 'try-again-later', undefined, true],
    ['card_declined', 'use-another-card', undefined, false],
    ['generic_decline', 'use-another-card', undefined, false],
    ['do_not_honor', 'use-another-card', undefined, false],
    ['call_issuer', 'use-another-card', undefined, false],
    ['do_not_try_again', 'use-another-card', undefined, false],
    ['not_permitted', 'use-another-card', undefined, false],
    ['transaction_not_allowed', 'use-another-card', undefined, false],
    ['card_not_supported', 'use-another-card', undefined, false],
    ['currency_not_supported', 'use-another-card', undefined, false],
    ['restricted_card', 'use-another-card', undefined, false],
    ['security_violation', 'use-another-card', undefined, false],
  ];
  for (const [code, reason, field, retryable] of cases) {
    it(`${code} → ${reason}${field ? ` (fix ${field})` : ''}${retryable ? ', retryable' : ''}`, () => {
      const info = declineInfo(code);
      expect({ reason: info.reason, field: info.field, retryable: info.retryable }).to.deep.equal({ reason, field, retryable });
    });
  }

  for (const code of ['lost_card', 'stolen_card', 'pickup_card', 'fraudulent', 'merchant_blacklist', 'restricted_card', 'security_violation']) {
    it(`${code} looks exactly like a generic decline (never reveal a suspicion)`, () => {
      expect(declineInfo(code)).to.deep.equal(GENERIC);
    });
  }

  for (const code of [null, undefined, '', 'something_new', 'constructor', '__proto__', 'toString']) {
    it(`${JSON.stringify(code) ?? 'undefined'} is a generic decline`, () => {
      expect(declineInfo(code)).to.deep.equal(GENERIC);
      expect(declineInfo(code).reason).to.equal('use-another-card');
    });
  }

  it('forgives case, spaces and dashes', () => {
    expect(declineInfo(' Insufficient-Funds ').reason).to.equal('insufficient-funds');
    expect(declineInfo('INCORRECT_CVC').field).to.equal('code');
  });

  it('tells the customer to fix a field exactly for incorrect details and expired cards', () => {
    for (const code of KNOWN_DECLINE_CODES) {
      const info = declineInfo(code);
      expect(info.field !== undefined, code).to.equal(info.reason === 'incorrect-details' || info.reason === 'expired-card');
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(declineInfo('insufficient_funds'))).to.equal(true);
  });

  it('never throws, always answers one of the six reasons', () => {
    const reasons = ['insufficient-funds', 'expired-card', 'incorrect-details', 'authentication-required', 'try-again-later', 'use-another-card'];
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom(...KNOWN_DECLINE_CODES)), (code) => reasons.includes(declineInfo(code).reason)),
      { numRuns: RUNS },
    );
  });
});
