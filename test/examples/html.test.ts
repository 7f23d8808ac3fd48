/// <reference types="vite/client" />
/**
 * The plain-HTML example (examples/html/index.html), as a portal would ship it: its one bundle
 * script, the CSRF meta tag, and `<card-list endpoint="/api" token-endpoint="…">` exactly as
 * written. The markup is mounted here with the host endpoint answered by a MockHost (window.fetch
 * stubbed for /api only), so the element builds its own client from the attributes, reads the CSRF
 * token from the page, and manages the cards. `npm start` + examples/html/serve.mjs run the same
 * page against the reference server (docs/getting-started.md).
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { CardList } from '../../src/card-list/card-list.js';
import { MockHost, mockCard } from '../../src/testing/index.js';
// the file as written (the test server would inject its own script into an HTML response)
import pageSource from '../../examples/html/index.html?raw';

async function until(check: () => boolean, what: string): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 8000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('examples/html', () => {
  const realFetch = window.fetch;
  let page: Document;
  const added: Element[] = [];

  before(() => {
    page = new DOMParser().parseFromString(pageSource, 'text/html');
  });

  afterEach(() => {
    window.fetch = realFetch;
    for (const el of added.splice(0)) el.remove();
  });

  it('loads the drop-in bundle as its only library script and carries the CSRF meta tag', () => {
    const scripts = [...page.querySelectorAll('script')].map((s) => [s.type, s.getAttribute('src')]);
    expect(scripts).to.deep.equal([
      ['module', '/saved-cards.js'],
      ['module', '/trial.js'],
    ]);
    expect(page.querySelector('meta[name="csrf-token"]')).to.exist;
    // no inline script or style: the page runs under the strict CSP serve.mjs sends
    expect([...page.querySelectorAll('script:not([src]), style, [style]')]).to.deep.equal([]);
  });

  it('its <card-list> manages the cards through the attributes alone, sending the page’s CSRF token', async () => {
    const host = new MockHost({
      cards: [mockCard({ id: 'card_visa', brand: 'visa', last4: '4242' }), mockCard({ id: 'card_mc', brand: 'mastercard', last4: '4444' })],
    });
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      return url.pathname.startsWith('/api/') ? host.fetch(input, init) : realFetch(input, init);
    };
    const meta = document.createElement('meta');
    meta.name = 'csrf-token';
    meta.content = 'token-the-server-rendered';
    document.head.append(meta);
    const markup = page.querySelector('card-list')!;
    expect(markup.getAttribute('endpoint')).to.equal('/api');
    expect(markup.getAttribute('token-endpoint')).to.match(/^https?:\/\/.+\/v1\/tokens$/);
    const list = document.importNode(markup, true) as CardList;
    added.push(meta, list);
    document.body.append(list);

    await until(() => list.shadowRoot?.querySelectorAll('li[data-id]').length === 2, 'the cards');
    list.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="card_mc"] [data-action="default"]')!.click();
    await until(() => host.hostRequests().some((r) => r.method === 'POST'), 'the set-default request');
    const post = host.hostRequests().find((r) => r.method === 'POST')!;
    expect(post.path).to.equal('/cards/card_mc/default');
    expect(post.headers['x-csrf-token']).to.equal('token-the-server-rendered');
    await until(() => list.shadowRoot!.querySelector('li[data-id="card_mc"] [part~="badge-default"]') !== null, 'the new default');
    await expect(list).to.be.accessible();
  });
});
