/**
 * Stripe's codes in our terms: field messages come from our messages object (never Stripe's English),
 * confirmation errors become TokenizeErrors the form already presents (declines through declineInfo).
 */
import { expect } from '@open-wc/testing';
import type { StripeError } from '@stripe/stripe-js';
import { classifyFailure } from '../../src/add-card-form/failures.js';
import { respondToFailure } from '../../src/add-card-form/outcome.js';
import { declineInfo } from '../../src/core/declines.js';
import { AUTHENTICATION_FAILED, confirmError, EMPTY_FIELD, fieldMessage, fieldProblem } from '../../src/gateways/stripe/errors.js';
import { TokenizeError } from '../../src/gateways/types.js';
import { en } from '../../src/i18n/index.js';
import { stripeError } from '../support/stripe-double.js';

describe('Stripe error codes', () => {
  const fieldTable: Array<[field: 'number' | 'expiry' | 'code', code: string, key: keyof typeof en]> = [
    ['number', 'incomplete_number', 'numberIncomplete'],
    ['number', 'invalid_number', 'numberChecksum'],
    ['number', 'incorrect_number', 'numberChecksum'],
    ['number', 'some_future_code', 'numberChecksum'],
    ['expiry', 'incomplete_expiry', 'expiryIncomplete'],
    ['expiry', 'invalid_expiry_month', 'expiryMonthInvalid'],
    ['expiry', 'invalid_expiry_month_past', 'expiryInPast'],
    ['expiry', 'invalid_expiry_year_past', 'expiryInPast'],
    ['expiry', 'invalid_expiry_year', 'expiryTooFar'],
    ['expiry', 'some_future_code', 'fieldRejected'],
    ['code', 'incomplete_cvc', 'codeIncomplete'],
    ['code', 'invalid_cvc', 'codeIncomplete'],
  ];
  for (const [field, code, key] of fieldTable) {
    it(`${field} ${code} shows our "${key}"`, () => {
      expect(fieldMessage(field, code)).to.equal(key);
      expect(en[key]).to.be.a('string');
    });
  }

  it('a field with no verdict from Stripe is required when empty, incomplete when typed, fine when complete', () => {
    expect(fieldProblem('number', EMPTY_FIELD)).to.equal('numberRequired');
    expect(fieldProblem('expiry', { empty: false, complete: false, error: null })).to.equal('expiryIncomplete');
    expect(fieldProblem('code', { empty: false, complete: true, error: null })).to.equal(null);
    expect(fieldProblem('code', { empty: false, complete: false, error: 'invalid_cvc' })).to.equal('codeIncomplete');
  });

  const confirmTable: Array<{ name: string; error: StripeError; kind: string; code: string; declineCode?: string; field?: string; status?: number }> = [
    {
      name: 'a 3-D Secure challenge that ended without success (PaymentIntent)',
      error: stripeError({ type: 'invalid_request_error', code: 'payment_intent_authentication_failure' }),
      kind: 'declined',
      code: AUTHENTICATION_FAILED,
    },
    {
      name: 'a 3-D Secure challenge that ended without success (SetupIntent)',
      error: stripeError({ type: 'invalid_request_error', code: 'setup_intent_authentication_failure' }),
      kind: 'declined',
      code: AUTHENTICATION_FAILED,
    },
    {
      name: 'a decline with a decline code',
      error: stripeError({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' }),
      kind: 'declined',
      code: 'card_declined',
      declineCode: 'insufficient_funds',
    },
    { name: 'a decline without one', error: stripeError({ type: 'card_error', code: 'card_declined' }), kind: 'declined', code: 'card_declined', declineCode: 'card_declined' },
    { name: 'a wrong security code', error: stripeError({ type: 'card_error', code: 'incorrect_cvc', param: 'cvc' }), kind: 'declined', code: 'incorrect_cvc', declineCode: 'incorrect_cvc', field: 'code' },
    { name: 'an expired card', error: stripeError({ type: 'card_error', code: 'expired_card' }), kind: 'declined', code: 'expired_card', declineCode: 'expired_card', field: 'expiry' },
    { name: 'a validation error', error: stripeError({ type: 'validation_error', code: 'incomplete_number' }), kind: 'invalid', code: 'incomplete_number', field: 'number' },
    { name: 'no connection to Stripe', error: stripeError({ type: 'api_connection_error' }), kind: 'network', code: 'network_error' },
    { name: 'Stripe rate limiting', error: stripeError({ type: 'rate_limit_error' }), kind: 'server', code: 'rate_limited', status: 429 },
    {
      name: 'an intent in an unexpected state',
      error: stripeError({ type: 'invalid_request_error', code: 'payment_intent_unexpected_state' }),
      kind: 'server',
      code: 'payment_intent_unexpected_state',
    },
    { name: 'a code that is not a plain identifier', error: stripeError({ type: 'card_error', code: '4242 4242 4242 4242' }), kind: 'declined', code: 'card_declined', declineCode: 'card_declined' },
  ];
  for (const row of confirmTable) {
    it(`confirm: ${row.name}`, () => {
      const error = confirmError(row.error);
      expect(error).to.be.instanceOf(TokenizeError);
      expect(error.kind).to.equal(row.kind);
      expect(error.code).to.equal(row.code);
      expect(error.declineCode).to.equal(row.declineCode);
      expect(error.field).to.equal(row.field);
      expect(error.status).to.equal(row.status);
      // Stripe's English (and anything it echoed) never travels on
      expect(error.message).not.to.contain('English');
      expect(error.message).not.to.match(/4242/);
    });
  }

  it('the form says "cancelled or failed" for a 3-D Secure failure, and tells a paying host verification-failed', () => {
    const failure = classifyFailure(confirmError(stripeError({ type: 'invalid_request_error', code: 'payment_intent_authentication_failure' })));
    expect(failure.kind).to.equal('authentication-failed');
    const add = respondToFailure(failure, 'add');
    expect(add.notice?.problems.map((p) => p.key)).to.deep.equal(['verifyCancelledOrFailedAdd']);
    expect(add.clear).to.deep.equal({ number: false, code: false });
    const pay = respondToFailure(failure, 'pay');
    expect(pay.notice?.problems.map((p) => p.key)).to.deep.equal(['verifyCancelledOrFailedPay']);
    expect(pay.payment?.reason).to.equal('verification-failed');
    expect(en.verifyCancelledOrFailedPay).to.match(/^Verification was cancelled or failed/);
  });

  it('a Stripe decline is presented through the core’s declineInfo', () => {
    const failure = classifyFailure(confirmError(stripeError({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' })));
    const response = respondToFailure(failure, 'add');
    const info = declineInfo('insufficient_funds');
    expect(response.notice?.problems.map((p) => p.key)).to.deep.equal([info.messageKey, info.nextStepKey]);
  });
});
