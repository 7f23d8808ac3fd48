import { expect, waitUntil } from '@open-wc/testing';

/**
 * The drop-in bundle, as a portal uses it: a plain page whose only script is
 * `<script type="module" src="…/saved-cards.js">`, and one that imports the German messages from
 * `saved-cards-de.js` too. `npm test` builds dist/ before the browser run.
 */

/** Loads a fixture page in an iframe and hands its window to `use`. */
async function inFrame(fixture: string, use: (win: Window & typeof globalThis) => Promise<void>): Promise<void> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  try {
    const loaded = new Promise<void>((resolve, reject) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      frame.addEventListener('error', () => reject(new Error('iframe failed')), { once: true });
    });
    frame.src = new URL(`./fixtures/${fixture}`, import.meta.url).href;
    await loaded;
    await use(frame.contentWindow as Window & typeof globalThis);
  } finally {
    frame.remove();
  }
}

describe('dist/saved-cards.js (drop-in bundle)', () => {
  it('defines all three tags on a page that loads nothing else', async () => {
    await inFrame('drop-in.html', async (win) => {
      await Promise.all(['card-list', 'add-card-form', 'cvv-flip'].map((t) => win.customElements.whenDefined(t)));
      for (const tag of ['card-list', 'add-card-form', 'cvv-flip']) {
        expect(win.customElements.get(tag), tag).to.be.a('function');
        const el = win.document.querySelector(tag);
        expect(el?.shadowRoot, `${tag} rendered`).to.exist;
      }
    });
  });

  it('speaks German on a page that also imports saved-cards-de.js', async () => {
    await inFrame('drop-in-de.html', async (win) => {
      await Promise.all(['add-card-form', 'cvv-flip'].map((t) => win.customElements.whenDefined(t)));
      const form = win.document.querySelector('add-card-form')!;
      const flip = win.document.querySelector('cvv-flip')!;
      await waitUntil(() => flip.shadowRoot?.querySelector('[part~="toggle"]')?.textContent?.includes('Rückseite der Karte zeigen'), 'the flip in German');
      await waitUntil(() => form.shadowRoot?.textContent?.includes('Kartennummer'), 'the form in German');
      expect(form.shadowRoot!.textContent).not.to.include('Card number');
    });
  });
});
