import { expect } from '@open-wc/testing';
import { createTokenEndpointTokenizer } from '../../src/gateways/token-endpoint.js';
import type { TokenEndpointOptions } from '../../src/gateways/token-endpoint.js';
import { TokenizeError } from '../../src/gateways/types.js';
import type { CardDetails, TokenizeErrorKind } from '../../src/gateways/types.js';

const URL_ = 'https://gateway.example/v1/tokens';
const NUMBER = '4000056655665556';
const CODE = '739';
const card: CardDetails = { number: '4000 0566 5566 5556', expMonth: 11, expYear: 2031, code: CODE, name: 'Ada Lovelace' };
const tokenized = { token: 'tok_1', card: { brand: 'visa', last4: '5556', expMonth: 11, expYear: 2031, funding: 'debit' } };

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A fetch double: records what was sent and answers with `answer`. */
function fetchDouble(answer: (sent: Sent) => Response | Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const record: Sent = {
      url: String(input),
      init,
      headers: new Headers(init.headers),
      body: JSON.parse(String(init.body)) as Record<string, unknown>,
    };
    sent.push(record);
    return answer(record);
  };
  return { fetch: fake as typeof fetch, sent };
}

const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fetch that never answers, but rejects like the real one when its signal aborts. */
const hangingFetch = ((_input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException(`aborted posting ${String(init.body)}`, 'AbortError')));
  })) as typeof fetch;

function tokenizer(fetchImpl: typeof fetch, options: Partial<TokenEndpointOptions> = {}) {
  return createTokenEndpointTokenizer({ url: URL_, fetch: fetchImpl, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<TokenizeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(TokenizeError);
    return error as TokenizeError;
  }
  throw new Error('expected tokenize to fail');
}

describe('token-endpoint tokenizer', () => {
  describe('the request', () => {
    it('POSTs the card as JSON, cross-origin, without cookies, referrer or caching', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      await tokenizer(double.fetch).tokenize(card);
      expect(double.sent).to.have.length(1);
      const [{ url, init, headers, body }] = double.sent;
      expect(url).to.equal(URL_);
      expect(init).to.include({ method: 'POST', mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      expect(headers.get('Content-Type')).to.equal('application/json');
      expect(headers.get('Accept')).to.equal('application/json');
      expect(headers.has('Authorization')).to.be.false;
      expect(body).to.deep.equal({ number: NUMBER, expMonth: 11, expYear: 2031, cvc: CODE, name: 'Ada Lovelace' });
    });

    it('sends the publishable key as a bearer token', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      await tokenizer(double.fetch, { publishableKey: 'pk_test_1' }).tokenize(card);
      expect(double.sent[0].headers.get('Authorization')).to.equal('Bearer pk_test_1');
    });

    it('sends only the address fields of the contract', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      const saved = { id: 'addr_1', kind: 'billing' as const, line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
      await tokenizer(double.fetch).tokenize({ ...card, address: saved });
      expect(double.sent[0].body.address).to.deep.equal({ line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' });
    });

    it('sends digits only, whatever separators the number and code carry', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      await tokenizer(double.fetch).tokenize({ ...card, number: '4000-0566\u00a05566 5556', code: ' 739 ' });
      expect(double.sent[0].body).to.include({ number: NUMBER, cvc: CODE });
    });

    it('leaves out an empty security code rather than sending ""', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      await tokenizer(double.fetch).tokenize({ ...card, code: '' });
      expect(double.sent[0].body).to.not.have.property('cvc');
    });

    it('refuses a number with letters without sending it', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      const error = await rejection(tokenizer(double.fetch).tokenize({ ...card, number: '4000 0566 5566 555O' }));
      expect(error).to.include({ kind: 'invalid', code: 'incorrect_number', field: 'number' });
      expect(double.sent).to.have.length(0);
    });
  });

  describe('the answer', () => {
    it('resolves with the token and the masked facts only', async () => {
      const double = fetchDouble(() => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, fingerprint: 'fp_1' }, livemode: false }));
      const result = await tokenizer(double.fetch).tokenize(card);
      expect(result).to.deep.equal({ token: 'tok_1', brand: 'visa', last4: '5556', expMonth: 11, expYear: 2031, funding: 'debit' });
    });

    it('drops a funding value it does not know', async () => {
      const double = fetchDouble(() => jsonResponse(201, { token: 'tok_2', card: { ...tokenized.card, funding: 'charge' } }));
      expect(await tokenizer(double.fetch).tokenize(card)).to.not.have.property('funding');
    });

    const untrusted: Array<[string, () => Response]> = [
      ['not JSON', () => new Response('<html>ok</html>', { status: 200 })],
      ['no token', () => jsonResponse(200, { card: tokenized.card })],
      ['an empty token', () => jsonResponse(200, { ...tokenized, token: ' ' })],
      ['a token that is not a string', () => jsonResponse(200, { ...tokenized, token: 42 })],
      ['no card', () => jsonResponse(200, { token: 'tok_1' })],
      ['an unknown brand', () => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, brand: 'Visa' } })],
      ['a three-digit last4', () => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, last4: '556' } })],
      ['another card’s last4', () => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, last4: '4242' } })],
      ['expMonth 13', () => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, expMonth: 13 } })],
      ['expYear as a string', () => jsonResponse(200, { ...tokenized, card: { ...tokenized.card, expYear: '2031' } })],
      ['the card number echoed back', () => jsonResponse(200, { ...tokenized, debug: { number: NUMBER } })],
      ['another card number anywhere', () => jsonResponse(200, { ...tokenized, note: 'see 4242-4242-4242-4242' })],
    ];
    for (const [name, answer] of untrusted) {
      it(`refuses an answer with ${name}`, async () => {
        const double = fetchDouble(answer);
        const error = await rejection(tokenizer(double.fetch).tokenize(card));
        expect(error.kind).to.equal('invalid-response');
        expect(error.code).to.equal('invalid_response');
      });
    }
  });

  describe('errors', () => {
    const table: Array<{ name: string; answer: () => Response; kind: TokenizeErrorKind; code: string; field?: string; declineCode?: string }> = [
      {
        name: '402 declined',
        answer: () => jsonResponse(402, { error: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' } }),
        kind: 'declined',
        code: 'card_declined',
        declineCode: 'insufficient_funds',
      },
      { name: '402 without a body', answer: () => new Response('', { status: 402 }), kind: 'declined', code: 'card_declined' },
      {
        name: '400 incorrect number',
        answer: () => jsonResponse(400, { error: { code: 'incorrect_number', field: 'number', message: 'x' } }),
        kind: 'invalid',
        code: 'incorrect_number',
        field: 'number',
      },
      {
        name: '400 expired (field expiry)',
        answer: () => jsonResponse(400, { error: { code: 'invalid_expiry_year', field: 'expiry', message: 'x' } }),
        kind: 'invalid',
        code: 'invalid_expiry_year',
        field: 'expiry',
      },
      { name: '400 invalid_cvc without a field', answer: () => jsonResponse(400, { error: { code: 'invalid_cvc', message: 'x' } }), kind: 'invalid', code: 'invalid_cvc', field: 'code' },
      { name: '422 with Stripe’s field name', answer: () => jsonResponse(422, { error: { code: 'invalid_request', field: 'exp_month', message: 'x' } }), kind: 'invalid', code: 'invalid_request', field: 'expiry' },
      { name: '401 bad publishable key', answer: () => jsonResponse(401, { error: { code: 'invalid_api_key', message: 'x' } }), kind: 'server', code: 'invalid_api_key' },
      { name: '403 origin not allowed, as HTML', answer: () => new Response('<h1>Forbidden</h1>', { status: 403 }), kind: 'server', code: 'unauthorized' },
      { name: '429', answer: () => new Response('slow down', { status: 429 }), kind: 'server', code: 'rate_limited' },
      { name: '500 HTML page', answer: () => new Response('<h1>Oops</h1>', { status: 500 }), kind: 'server', code: 'server_error' },
      { name: '503 with a prose code', answer: () => jsonResponse(503, { error: { code: 'Service <b>down</b>', message: 'x' } }), kind: 'server', code: 'server_error' },
    ];
    for (const row of table) {
      it(`maps ${row.name}`, async () => {
        const double = fetchDouble(row.answer);
        const error = await rejection(tokenizer(double.fetch).tokenize(card));
        expect(error.kind).to.equal(row.kind);
        expect(error.code).to.equal(row.code);
        expect(error.field).to.equal(row.field);
        expect(error.declineCode).to.equal(row.declineCode);
        // never retried: the form decides whether to mint another token
        expect(double.sent).to.have.length(1);
      });
    }

    it('maps a failed fetch to network, once', async () => {
      let calls = 0;
      const failing = (async () => {
        calls++;
        throw new TypeError('Failed to fetch');
      }) as typeof fetch;
      const error = await rejection(tokenizer(failing).tokenize(card));
      expect(error).to.include({ kind: 'network', code: 'network_error' });
      expect(calls).to.equal(1);
    });

    it('times out', async () => {
      const error = await rejection(tokenizer(hangingFetch, { timeoutMs: 30 }).tokenize(card));
      expect(error).to.include({ kind: 'timeout', code: 'timeout' });
    });

    it('stops when the caller aborts', async () => {
      const controller = new AbortController();
      const pending = tokenizer(hangingFetch).tokenize(card, { signal: controller.signal });
      controller.abort();
      expect(await rejection(pending)).to.include({ kind: 'aborted', code: 'aborted' });
    });

    it('sends nothing when the signal is already aborted', async () => {
      const double = fetchDouble(() => jsonResponse(200, tokenized));
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(tokenizer(double.fetch).tokenize(card, { signal: controller.signal }));
      expect(error.kind).to.equal('aborted');
      expect(double.sent).to.have.length(0);
    });
  });

  describe('no card data in errors', () => {
    const echo = (sent: Sent): string => `${JSON.stringify(sent.body)} ${NUMBER} ${CODE}`;
    const failures: Array<[string, typeof fetch, number?]> = [
      ['a fetch that throws the request back', (async (_i: RequestInfo | URL, init?: RequestInit) => {
        throw new TypeError(`could not post ${String(init?.body)}`);
      }) as typeof fetch],
      ['a timeout', hangingFetch, 30],
      ['a 402 echoing the card', fetchDouble((s) => jsonResponse(402, { error: { code: 'card_declined', declineCode: 'do_not_honor', message: echo(s) } })).fetch],
      ['a 400 whose code carries the security code', fetchDouble(() => jsonResponse(400, { error: { code: `invalid_cvc_${CODE}`, declineCode: `x${CODE}`, field: 'code', message: CODE } })).fetch],
      ['a 500 echoing the request as text', fetchDouble((s) => new Response(echo(s), { status: 500 })).fetch],
      ['a 200 echoing the card', fetchDouble((s) => jsonResponse(200, { ...tokenized, echo: echo(s) })).fetch],
      ['a 200 that is not JSON and echoes the code', fetchDouble(() => new Response(`cvc=${CODE}`, { status: 200 })).fetch],
      ['a 200 whose token is missing and whose brand is the code', fetchDouble(() => jsonResponse(200, { card: { ...tokenized.card, brand: CODE } })).fetch],
    ];
    for (const [name, failing, timeoutMs] of failures) {
      it(`keeps the number and the code out of ${name}`, async () => {
        const error = await rejection(tokenizer(failing, { timeoutMs: timeoutMs ?? 2000 }).tokenize(card));
        for (const shown of [error.message, String(error), JSON.stringify(error), JSON.stringify(Object.entries(error))]) {
          expect(shown).to.not.match(/\d{6}/);
          expect(shown).to.not.include(CODE);
          expect(shown).to.not.include('0566');
        }
        expect(error.cause).to.equal(undefined);
      });
    }
  });
});
