import { expect } from '@open-wc/testing';

/**
 * The drop-in bundle, as a portal uses it: a plain page whose only script is
 * `<script type="module" src="…/saved-cards.js">`. `npm test` builds dist/ before the browser run.
 */
describe('dist/saved-cards.js (drop-in bundle)', () => {
  it('defines all three tags on a page that loads nothing else', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const loaded = new Promise<void>((resolve, reject) => {
        frame.addEventListener('load', () => resolve(), { once: true });
        frame.addEventListener('error', () => reject(new Error('iframe failed')), { once: true });
      });
      frame.src = new URL('./fixtures/drop-in.html', import.meta.url).href;
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      await Promise.all(['card-list', 'add-card-form', 'cvv-flip'].map((t) => win.customElements.whenDefined(t)));
      for (const tag of ['card-list', 'add-card-form', 'cvv-flip']) {
        expect(win.customElements.get(tag), tag).to.be.a('function');
        const el = win.document.querySelector(tag);
        expect(el?.shadowRoot, `${tag} rendered`).to.exist;
      }
    } finally {
      frame.remove();
    }
  });
});
