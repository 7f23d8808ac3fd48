import { expect } from '@open-wc/testing';
import { EndpointClient, EndpointError } from '../../src/endpoint/client.js';
import type { EndpointClientOptions } from '../../src/endpoint/client.js';

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
}

const cardList = {
  cards: [{ id: 'card_1', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030, nameOnCard: 'Ada', isDefault: true, expired: false, removable: true }],
  policy: { cardRequired: false, maxCards: 5 },
};

function fetchDouble(...answers: Array<() => Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    sent.push({ url: String(input), init, headers: new Headers(init.headers) });
    const answer = answers.shift() ?? (() => Response.json(cardList));
    return answer();
  };
  return { fetch: fake as typeof fetch, sent };
}

function client(fetchImpl: typeof fetch, options: Partial<EndpointClientOptions> = {}): EndpointClient {
  return new EndpointClient({ baseUrl: '/api', fetch: fetchImpl, sleep: async () => {}, ...options });
}

describe('EndpointClient in the browser', () => {
  let meta: HTMLMetaElement | null = null;
  afterEach(() => {
    meta?.remove();
    meta = null;
  });
  function setCsrfMeta(content: string): void {
    meta ??= document.head.appendChild(document.createElement('meta'));
    meta.name = 'csrf-token';
    meta.content = content;
  }

  it('sends the CSRF token from <meta name="csrf-token"> on a mutation, read at each call', async () => {
    setCsrfMeta('meta-token-1');
    const double = fetchDouble();
    const c = client(double.fetch);
    await c.removeCard('card_1');
    setCsrfMeta('meta-token-2');
    await c.setDefaultCard('card_1');
    expect(double.sent.map((s) => s.headers.get('X-CSRF-Token'))).to.deep.equal(['meta-token-1', 'meta-token-2']);
    expect(double.sent[0]).to.deep.include({ url: '/api/cards/card_1' });
    expect(double.sent[0].init).to.include({ method: 'DELETE', credentials: 'same-origin' });
    expect(double.sent[0].headers.get('Accept')).to.equal('application/json');
  });

  it('sends no CSRF token on a GET, and none when the page has no meta tag', async () => {
    setCsrfMeta('meta-token');
    const double = fetchDouble();
    await client(double.fetch).listCards();
    meta?.remove();
    meta = null;
    await client(double.fetch).removeCard('card_1');
    expect(double.sent.map((s) => s.headers.has('X-CSRF-Token'))).to.deep.equal([false, false]);
  });

  it('retries a keyed POST with the same key', async () => {
    const double = fetchDouble(
      () => new Response('', { status: 503 }),
      () => Response.json(cardList),
    );
    await client(double.fetch).setDefaultCard('card_1', { idempotencyKey: 'k-1' });
    expect(double.sent.map((s) => s.headers.get('Idempotency-Key'))).to.deep.equal(['k-1', 'k-1']);
  });

  it('refuses an answer that carries a card number', async () => {
    const leaked = { ...cardList, cards: [{ ...cardList.cards[0], nameOnCard: '4242 4242 4242 4242' }] };
    const double = fetchDouble(() => Response.json(leaked));
    try {
      await client(double.fetch).listCards();
      expect.fail('expected a rejection');
    } catch (error) {
      expect(error).to.be.instanceOf(EndpointError);
      expect((error as EndpointError).kind).to.equal('invalid-response');
    }
  });

  it('uses the page’s own fetch against a relative base URL', async () => {
    // a real request to the test server, which has no such route: the global fetch must be callable
    // unbound, and a non-JSON 404 page must still give a typed error
    try {
      await new EndpointClient({ baseUrl: '/no-such-api', retries: 0 }).listCards();
      expect.fail('expected a rejection');
    } catch (error) {
      expect(error).to.be.instanceOf(EndpointError);
      expect(error).to.include({ kind: 'http', status: 404, code: 'not_found' });
    }
  });
});
