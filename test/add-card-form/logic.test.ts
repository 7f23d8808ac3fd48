import { expect } from '@open-wc/testing';
import { classifyFailure, formFieldFor } from '../../src/add-card-form/failures.js';
import { errorVisible, firstInvalid, PRISTINE, type FieldFlags } from '../../src/add-card-form/field-state.js';
import { countryOptions, defaultCountry, formatMinorUnits } from '../../src/add-card-form/locale.js';
import { respondToFailure } from '../../src/add-card-form/outcome.js';
import { SubmitFlow, type FlowDeps, type SubmitInput } from '../../src/add-card-form/submit-flow.js';
import { EndpointError } from '../../src/endpoint/errors.js';
import type { EndpointClient } from '../../src/endpoint/client.js';
import { TokenizeError, type Tokenizer } from '../../src/gateways/types.js';
import { MockHost } from '../../src/testing/mock-host.js';

const flags = (f: Partial<FieldFlags>): FieldFlags => ({ ...PRISTINE, ...f });

describe('add-card-form logic', () => {
  describe('errorVisible (Lion’s rule, Stripe’s patience while editing)', () => {
    const table: [string, Partial<FieldFlags>, boolean, boolean, boolean, boolean][] = [
      // name, flags, submitted, invalid, impossible, shown
      ['pristine', {}, false, true, false, false],
      ['typing (dirty, not left)', { dirty: true }, false, true, false, false],
      ['visited, unchanged', { touched: true }, false, true, false, false],
      ['left changed', { touched: true, dirty: true }, false, true, false, true],
      ['prefilled', { prefilled: true }, false, true, false, true],
      ['submitted', {}, true, true, false, true],
      ['impossible while typing', { dirty: true }, false, true, true, true],
      ['valid, left changed', { touched: true, dirty: true }, false, false, false, false],
      ['valid, submitted', {}, true, false, false, false],
      // back in a field left wrong: visiting keeps the error, editing it waits for the customer to leave
      ['left changed, focused again', { touched: true, dirty: true, editing: false }, false, true, false, true],
      ['left changed, edited again', { touched: true, dirty: true, editing: true }, false, true, false, false],
      ['edited again, impossible', { touched: true, dirty: true, editing: true }, false, true, true, true],
      ['edited again after a submit', { touched: true, dirty: true, editing: true }, true, true, false, true],
      ['edited again, valid', { touched: true, dirty: true, editing: true }, false, false, false, false],
    ];
    for (const [name, f, submitted, invalid, impossible, shown] of table) {
      it(`${name}: ${shown ? 'shows' : 'hides'}`, () => {
        expect(errorVisible({ flags: flags(f), submitted, invalid, impossible })).to.equal(shown);
      });
    }
    it('finds the first invalid field in form order', () => {
      expect(firstInvalid({ terms: {}, postalCode: {}, expiry: {} })).to.equal('expiry');
      expect(firstInvalid({})).to.equal(null);
    });
  });

  describe('classifyFailure and respondToFailure', () => {
    const http = (status: number, extra: Partial<ConstructorParameters<typeof EndpointError>[0]> = {}) =>
      new EndpointError({ kind: 'http', code: extra.code ?? 'x', route: 'POST /cards', status, ...extra });
    const table: [string, unknown, Partial<ReturnType<typeof respondToFailure>> & { retry?: boolean }][] = [
      ['402 insufficient funds', http(402, { code: 'card_declined', declineCode: 'insufficient_funds' }), { focus: 'number', clear: { number: true, code: true }, retry: false }],
      ['402 incorrect_cvc', http(402, { code: 'card_declined', declineCode: 'incorrect_cvc' }), { focus: 'code', clear: { number: false, code: true } }],
      ['402 expired card', http(402, { code: 'card_declined', declineCode: 'expired_card' }), { focus: 'expiry', clear: { number: false, code: true } }],
      ['gateway decline', new TokenizeError({ kind: 'declined', code: 'card_declined', declineCode: 'do_not_honor' }), { focus: 'number' }],
      ['gateway invalid number', new TokenizeError({ kind: 'invalid', code: 'incorrect_number', field: 'number' }), { focus: 'number', fieldError: { field: 'number', problem: { key: 'declineNextCheckNumber' } } }],
      ['422 field', http(422, { code: 'validation_failed', field: 'nameOnCard' }), { focus: 'name', fieldError: { field: 'name', problem: { key: 'fieldRejected' } } }],
      ['client refused a card number', new EndpointError({ kind: 'invalid-request', code: 'validation_failed', route: 'POST /cards', field: 'billing.address.line1' }), { fieldError: { field: 'line1', problem: { key: 'looksLikeCardNumber' } } }],
      ['timeout', new EndpointError({ kind: 'timeout', code: 'timeout', route: 'POST /cards' }), { focus: null, notice: { kind: 'problem', problems: [{ key: 'networkErrorAdd' }] }, retry: true }],
      ['gateway unreachable', new TokenizeError({ kind: 'network', code: 'network_error' }), { notice: { kind: 'problem', problems: [{ key: 'networkErrorAdd' }] }, retry: true }],
      ['503', http(503, { code: 'server_error' }), { notice: { kind: 'problem', problems: [{ key: 'serverErrorAdd' }] }, retry: true }],
      ['401', http(401, { code: 'unauthenticated' }), { sessionExpired: true, retry: true }],
      ['429', http(429, { code: 'rate_limited', retryAfterMs: 4500 }), { notice: { kind: 'problem', problems: [{ key: 'rateLimited', params: { seconds: 5 } }] }, retry: true }],
      ['409 max cards', http(409, { code: 'conflict', reason: 'max_cards' }), { notice: { kind: 'problem', problems: [{ key: 'conflictMaxCards' }] }, retry: false }],
      ['409 token used', http(409, { code: 'conflict', reason: 'token_used' }), { notice: { kind: 'problem', problems: [{ key: 'conflictGeneric' }] }, retry: false }],
      ['broken answer', new EndpointError({ kind: 'invalid-response', code: 'invalid_response', route: 'POST /cards' }), { retry: true }],
      ['aborted', new EndpointError({ kind: 'aborted', code: 'aborted', route: 'POST /cards' }), { notice: null, focus: null }],
      ['something else', new Error('boom'), { notice: { kind: 'problem', problems: [{ key: 'serverErrorAdd' }] }, retry: false }],
    ];
    for (const [name, error, expected] of table) {
      it(name, () => {
        const failure = classifyFailure(error);
        const response = respondToFailure(failure, 'add');
        const { retry, ...rest } = expected;
        for (const [key, value] of Object.entries(rest)) expect(response[key as keyof typeof response], key).to.deep.equal(value);
        if (retry !== undefined) expect(failure.retrySameAttempt, 'retry the same attempt').to.equal(retry);
      });
    }
    it('tells the host about a failed payment with codes only', () => {
      const failure = classifyFailure(http(402, { code: 'card_declined', declineCode: 'insufficient_funds' }));
      expect(respondToFailure(failure, 'pay').payment).to.deep.equal({ reason: 'declined', code: 'card_declined', declineCode: 'insufficient_funds', retryable: false });
      expect(respondToFailure(failure, 'add').payment).to.equal(null);
      expect(respondToFailure(classifyFailure(http(503)), 'pay').notice).to.deep.equal({ kind: 'problem', problems: [{ key: 'serverErrorPay' }] });
    });
    it('maps the host’s field names to the form’s', () => {
      expect(['nameOnCard', 'billing.address.postalCode', 'billing.savedAddressId', 'amount'].map(formFieldFor)).to.deep.equal([
        'name',
        'postalCode',
        'addressChoice',
        undefined,
      ]);
    });
  });

  describe('SubmitFlow', () => {
    const input: SubmitInput = {
      mode: 'add',
      card: { number: '4242424242424242', expMonth: 12, expYear: 2030, code: '123', name: 'Ada' },
      nameOnCard: 'Ada',
      billing: { address: { line1: '1 Main', city: 'X', region: 'Y', postalCode: '94105', country: 'US' } },
      setDefault: false,
      saveCard: false,
    };
    const counting = (mock: MockHost) => {
      const tokenizer = mock.tokenizer();
      let calls = 0;
      const counted: Tokenizer = { id: 'counted', tokenize: (card, o) => (calls++, tokenizer.tokenize(card, o)) };
      return { deps: { tokenizer: counted, client: mock.client({ retries: 0 }) } as FlowDeps, calls: () => calls };
    };

    it('reuses the key and the token when the same data is retried', async () => {
      const mock = new MockHost();
      const { deps, calls } = counting(mock);
      const flow = new SubmitFlow();
      mock.fail({ method: 'POST', path: '/cards' }, { kind: 'lost-response' });
      expect((await flow.submit(input, 1, deps)).kind).to.equal('failed');
      const key = flow.attemptKey;
      expect((await flow.submit(input, 1, deps)).kind).to.equal('card-added');
      const keys = mock.requests.filter((r) => r.path === '/cards').map((r) => r.headers['idempotency-key']);
      expect(keys).to.deep.equal([key, key]);
      expect(calls()).to.equal(1);
      expect(mock.cards).to.have.length(1);
      expect(flow.attemptKey).to.equal(null);
    });

    it('starts a new attempt (a new key) when the data changed, with the token nobody spent', async () => {
      const mock = new MockHost();
      const { deps, calls } = counting(mock);
      const flow = new SubmitFlow();
      mock.fail({ method: 'POST', path: '/cards' }, { kind: 'network' });
      await flow.submit(input, 1, deps);
      const first = flow.attemptKey;
      expect(flow.heldCard?.last4).to.equal('4242');
      await flow.submit(input, 2, deps);
      expect(flow.attemptKey).to.equal(null);
      expect(flow.heldCard).to.equal(null);
      expect(calls()).to.equal(1);
      const keys = mock.requests.filter((r) => r.path === '/cards').map((r) => r.headers['idempotency-key']);
      expect(keys[0]).to.equal(first);
      expect(keys[1]).to.not.equal(first);
      expect(mock.cards).to.have.length(1);
    });

    it('tokenizes again once the held token is released, spent or declined', async () => {
      const mock = new MockHost();
      const { deps, calls } = counting(mock);
      const flow = new SubmitFlow();
      mock.fail({ method: 'POST', path: '/cards' }, { status: 503 });
      await flow.submit(input, 1, deps);
      expect(flow.heldCard).to.not.equal(null);
      flow.releaseCard();
      expect(flow.heldCard).to.equal(null);
      expect((await flow.submit(input, 1, deps)).kind).to.equal('card-added');
      expect(calls()).to.equal(2);

      const declined = { ...input, card: { ...input.card, number: '4000000000000002' } };
      expect((await flow.submit(declined, 3, deps)).kind).to.equal('failed');
      expect(flow.heldCard, 'a declined token is gone').to.equal(null);

      mock.fail({ method: 'POST', path: '/cards' }, { status: 409, body: { error: { code: 'conflict', message: 'x', reason: 'token_used' } } });
      await flow.submit(input, 4, deps);
      expect(flow.heldCard, 'a spent token is gone').to.equal(null);
      mock.fail({ method: 'POST', path: '/cards' }, { status: 422, body: { error: { code: 'validation_failed', message: 'x', field: 'billing.address.postalCode' } } });
      await flow.submit(input, 5, deps);
      expect(flow.heldCard, 'a token the host refused to look at is kept').to.not.equal(null);
      expect((await flow.submit(input, 6, deps)).kind).to.equal('card-added');
      expect(calls()).to.equal(5);
    });

    it('ignores a second submission while one runs', async () => {
      const mock = new MockHost();
      const { deps } = counting(mock);
      const flow = new SubmitFlow();
      const first = flow.submit(input, 1, deps);
      expect(flow.busy).to.equal(true);
      expect(await flow.submit(input, 1, deps)).to.deep.equal({ kind: 'ignored' });
      expect((await first).kind).to.equal('card-added');
    });

    it('drops the attempt after a definite refusal', async () => {
      const mock = new MockHost();
      const flow = new SubmitFlow();
      const { deps } = counting(mock);
      const declined = await flow.submit({ ...input, card: { ...input.card, number: '4000000000000002' } }, 1, deps);
      expect(declined.kind === 'failed' && declined.failure.kind).to.equal('declined');
      expect(flow.attemptKey).to.equal(null);
    });

    it('never hands the client the card number', async () => {
      const mock = new MockHost();
      const flow = new SubmitFlow();
      const { deps } = counting(mock);
      const spy = { ...deps, client: deps.client };
      const seen: unknown[] = [];
      const client = new Proxy(spy.client, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (...args: unknown[]) => (seen.push(args), value.apply(target, args)) : value;
        },
      }) as EndpointClient;
      await flow.submit(input, 1, { ...deps, client });
      expect(JSON.stringify(seen)).to.not.contain('4242424242424242');
      expect(JSON.stringify(seen)).to.not.contain('"123"');
    });
  });

  describe('locale', () => {
    it('formats amounts in minor units with the currency’s own decimals', () => {
      expect(formatMinorUnits(12000, 'USD', 'en-US')).to.equal('$120.00');
      expect(formatMinorUnits(500, 'JPY', 'en-US')).to.equal('¥500');
      // Intl separates currency codes and symbols with a no-break space
      expect(formatMinorUnits(1234, 'BHD', 'en-US')!.replace(/\s/g, ' ')).to.equal('BHD 1.234');
      expect(formatMinorUnits(12000, 'EUR', 'de-DE')!.replace(/\s/g, ' ')).to.equal('120,00 €');
      expect(formatMinorUnits(1, 'nope', 'en')).to.equal(null);
      expect(formatMinorUnits(Number.NaN, 'USD', 'en')).to.equal(null);
    });
    it('guesses the country from the language, and survives a broken lang', () => {
      expect(defaultCountry('en-GB')).to.equal('GB');
      expect(defaultCountry('de')).to.equal('DE');
      expect(defaultCountry('not a locale!')).to.equal('US');
      expect(countryOptions('!!').length).to.equal(249);
    });
    it('sorts country names the language’s way', () => {
      const names = countryOptions('fr').map((c) => c.name);
      expect(names.indexOf('Égypte')).to.be.lessThan(names.indexOf('Espagne'));
    });
  });
});
