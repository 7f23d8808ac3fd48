import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { CvvFlip } from '../../src/cvv-flip/cvv-flip.js';

// no transition in most tests, so computed styles show where the card ends up, not a frame of the way there
const flip = (template = html`<cvv-flip style="--cvv-flip-duration: 0s"></cvv-flip>`) => fixture<CvvFlip>(template);

const part = (el: CvvFlip, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: CvvFlip, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();
const toggle = (el: CvvFlip) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="toggle"]');
// the mark the customer sees: marks drawn before stay in the drawing, transparent
const markBrand = (el: CvvFlip) =>
  [...part(el, 'brand')!.querySelectorAll('svg')]
    .filter((svg) => getComputedStyle(svg.parentElement!).opacity !== '0')
    .map((svg) => svg.dataset.brand)
    .join();
// the card's look the customer sees: looks painted before stay on each face, transparent
const look = (el: CvvFlip, face = 'front') => {
  const shown = [...part(el, face)!.querySelectorAll<HTMLElement>('.look')].filter((layer) => getComputedStyle(layer).opacity !== '0');
  expect(shown.length, 'one look shows').to.equal(1);
  return getComputedStyle(shown[0]);
};
const flipperTransform = (el: CvvFlip) => getComputedStyle(el.shadowRoot!.querySelector('.flipper')!).transform;
const opacity = (el: CvvFlip, name: string) => getComputedStyle(part(el, name)!).opacity;

async function set(el: CvvFlip, props: Partial<CvvFlip>) {
  Object.assign(el, props);
  await el.updateComplete;
}

describe('<cvv-flip>', () => {
  it('is accessible on the front, with only the toggle exposed', async () => {
    const el = await flip();
    await expect(el).to.be.accessible();
    expect(part(el, 'card')!.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'card')!.contains(toggle(el))).to.equal(false);
    expect(toggle(el)!.textContent!.trim()).to.equal('Show back of card');
  });

  it('draws placeholders for everything not typed yet', async () => {
    const el = await flip();
    expect(text(el, 'number')).to.equal('•••• •••• •••• ••••');
    expect(text(el, 'name')).to.equal('NAME ON CARD');
    expect(text(el, 'expiry')).to.equal('VALID THRU MM/YY');
    await set(el, { name: 'Ada Lovelace', expiry: '12/3' });
    expect(text(el, 'name')).to.equal('Ada Lovelace');
    expect(getComputedStyle(part(el, 'name')!).textTransform).to.equal('uppercase');
    expect(text(el, 'expiry')).to.equal('VALID THRU 12/3Y');
  });

  it('groups a Visa number 4-4-4-4 as it is typed, ignoring anything but digits', async () => {
    const el = await flip();
    await set(el, { number: '4242' });
    expect(text(el, 'number')).to.equal('4242 •••• •••• ••••');
    await set(el, { number: '4242 42x4-2' });
    expect(text(el, 'number')).to.equal('4242 4242 •••• ••••');
    await set(el, { number: '4242424242424242' });
    expect(text(el, 'number')).to.equal('4242 4242 4242 4242');
  });

  it('groups an Amex number 4-6-5 with placeholders', async () => {
    const el = await flip();
    await set(el, { number: '3782' });
    expect(text(el, 'number')).to.equal('3782 •••••• •••••');
    await set(el, { number: '378282246310005' });
    expect(text(el, 'number')).to.equal('3782 822463 10005');
  });

  it('draws the placeholders dimmer than the digits typed, and forgets them when it leaves the page', async () => {
    const el = await flip();
    const highlight = CSS.highlights.get('cvv-flip-placeholder')!;
    const dimmed = () =>
      [...part(el, 'number')!.querySelectorAll('.slot')].map((slot) => [...highlight].some((range) => (range as Range).intersectsNode(slot.firstChild!)));
    const drawn = () => [...part(el, 'number')!.querySelectorAll('.slot')].map((slot) => slot.textContent === '•');
    await set(el, { number: '4242' });
    expect(dimmed()).to.deep.equal(drawn());
    expect(dimmed().filter(Boolean)).to.have.length(12);
    // digit by digit, without a render, and back
    el.number = '424242';
    expect(dimmed()).to.deep.equal(drawn());
    el.number = '42';
    expect(dimmed()).to.deep.equal(drawn());
    el.number = '4242424242424242';
    expect(dimmed().some(Boolean)).to.equal(false);
    await set(el, { number: '', brand: 'visa', last4: '4242' });
    expect(dimmed()).to.deep.equal(drawn());
    const ranges = highlight.size;
    el.remove();
    expect(highlight.size).to.equal(ranges - 1);
  });

  it('draws a physical card in a right-to-left page: the number left to right, the brand on the right', async () => {
    const page = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar">
      <cvv-flip style="--cvv-flip-duration: 0s" brand="american-express" number="378282246310005"></cvv-flip>
    </div>`);
    const el = page.querySelector('cvv-flip')!;
    await el.updateComplete;
    expect(text(el, 'number')).to.equal('3782 822463 10005');
    const lefts = [...part(el, 'number')!.querySelectorAll('.slot')].map((slot) => slot.getBoundingClientRect().left);
    expect(lefts).to.deep.equal([...lefts].sort((a, b) => a - b));
    const card = part(el, 'card')!.getBoundingClientRect();
    expect(part(el, 'brand')!.getBoundingClientRect().left).to.be.greaterThan(card.left + card.width / 2);
    // the toggle follows the page: it is the customer's control, not part of the picture
    expect(getComputedStyle(el).direction).to.equal('rtl');
  });

  it('does not move a single character while the number is typed', async () => {
    const el = await flip();
    const positions = () =>
      [...part(el, 'number')!.querySelectorAll('.slot')].map((s) => Math.round(s.getBoundingClientRect().left));
    await set(el, { number: '4' });
    const before = positions();
    await set(el, { number: '4242424242424242' });
    expect(positions()).to.deep.equal(before);
  });

  it('shows the brand mark of the brand being typed, or of the brand it is given', async () => {
    const el = await flip();
    expect(markBrand(el)).to.equal('unknown');
    const plain = look(el).backgroundImage;
    await set(el, { number: '4' }); // Visa, Elo, Maestro, Naranja: not decided yet
    expect(markBrand(el)).to.equal('unknown');
    await set(el, { number: '42' });
    expect(markBrand(el)).to.equal('visa');
    const visaLook = look(el).backgroundImage;
    await set(el, { number: '37' });
    expect(markBrand(el)).to.equal('american-express');
    expect(look(el).backgroundImage).not.to.equal(visaLook);
    await set(el, { number: '51' });
    expect(markBrand(el)).to.equal('mastercard');
    await set(el, { number: '6' }); // Discover, UnionPay, Maestro… still possible: no brand yet
    expect(markBrand(el)).to.equal('unknown');
    expect(look(el).backgroundImage).to.equal(plain);
    // the back wears the same look as the front
    expect(look(el, 'back').backgroundImage).to.equal(plain);
    await set(el, { brand: 'discover' });
    expect(markBrand(el)).to.equal('discover');
  });

  it("lets the host's --cvv-flip-background win over the brand's look", async () => {
    const el = await flip(html`<cvv-flip number="4242" style="--cvv-flip-background: rgb(1, 2, 3)"></cvv-flip>`);
    for (const face of ['front', 'back']) {
      expect(look(el, face).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(look(el, face).backgroundImage).to.equal('none');
    }
  });

  it('turns a Visa to its back while the code is typed, and back when the customer moves on', async () => {
    const el = await flip();
    await set(el, { number: '4242424242424242', focusField: 'number' });
    expect(part(el, 'number')!.part.contains('number-active')).to.equal(true);
    expect(flipperTransform(el)).to.equal('none');

    await set(el, { focusField: 'code', codeLength: 2 });
    expect(el.side).to.equal('back');
    expect(el.getAttribute('side')).to.equal('back');
    expect(part(el, 'card')!.part.contains('card-flipped')).to.equal(true);
    expect(flipperTransform(el)).to.match(/^matrix3d\(-1, /); // rotateY(180deg)
    const code = part(el, 'code')!;
    expect(part(el, 'back')!.contains(code)).to.equal(true);
    expect(code.part.contains('code-active')).to.equal(true);
    expect(code.textContent).to.equal('••');
    expect(toggle(el)!.textContent!.trim()).to.equal('Show front');
    await expect(el).to.be.accessible();

    await set(el, { focusField: 'name' });
    expect(el.getAttribute('side')).to.equal('front');
    expect(flipperTransform(el)).to.equal('none');
    expect(part(el, 'name')!.part.contains('name-active')).to.equal(true);
    expect(part(el, 'code')!.part.contains('code-active')).to.equal(false);
  });

  it('keeps the back when the customer chose it with the toggle', async () => {
    const el = await flip();
    await set(el, { number: '4242', focusField: 'expiry' });
    toggle(el)!.click();
    await el.updateComplete;
    expect(el.side).to.equal('back');
    await set(el, { focusField: 'code' });
    await set(el, { focusField: 'name' });
    expect(el.side).to.equal('back');
  });

  it('never shows the back of an Amex: the code box on the front lights up instead', async () => {
    const el = await flip();
    await set(el, { number: '3782', focusField: 'code', codeLength: 3 });
    expect(el.side).to.equal('front');
    expect(el.getAttribute('side')).to.equal('front');
    expect(flipperTransform(el)).to.equal('none');
    const code = part(el, 'code')!;
    expect(part(el, 'front')!.contains(code)).to.equal(true);
    expect(code.part.contains('code-active')).to.equal(true);
    expect(code.textContent).to.equal('•••');
    // nothing to flip to: the toggle is not seen, cannot be focused (by script or Tab), and is not announced
    const button = toggle(el)!;
    expect(button.checkVisibility({ visibilityProperty: true })).to.equal(false);
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(null);
    await expect(el).to.be.accessible();

    await set(el, { focusField: 'name', side: 'back' });
    expect(flipperTransform(el)).to.equal('none');
    expect(part(el, 'code')!.part.contains('code-active')).to.equal(true);
  });

  it('takes the toggle out of the keyboard path for Amex, and puts it back for other brands', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button>before</button><cvv-flip style="--cvv-flip-duration: 0s" number="3782"></cvv-flip><button>after</button>
    </div>`);
    const el = wrapper.querySelector('cvv-flip')!;
    await el.updateComplete;
    const [before, after] = wrapper.querySelectorAll(':scope > button');
    (before as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    await set(el, { number: '4242' });
    (before as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(toggle(el));
    expect(toggle(el)!.checkVisibility({ visibilityProperty: true })).to.equal(true);
  });

  it('never draws more code dots than the brand has digits', async () => {
    const el = await flip();
    await set(el, { brand: 'visa', codeLength: 7 });
    expect(part(el, 'code')!.textContent).to.equal('•••');
    await set(el, { brand: 'american-express' });
    expect(part(el, 'code')!.textContent).to.equal('••••');
    await set(el, { codeLength: 0 });
    expect(part(el, 'code')!.textContent).to.equal('');
  });

  it('flips with the keyboard: Tab to the toggle, then Enter or Space', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button>before</button><cvv-flip style="--cvv-flip-duration: 0s" number="4242"></cvv-flip>
    </div>`);
    const el = wrapper.querySelector('cvv-flip')!;
    await el.updateComplete;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const button = toggle(el)!;
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(button).outlineStyle).to.equal('solid');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.getAttribute('side')).to.equal('back');
    expect(button.textContent!.trim()).to.equal('Show front');
    expect(flipperTransform(el)).to.match(/^matrix3d\(-1, /);
    expect(part(el, 'code')!.part.contains('code-active')).to.equal(true);

    await sendKeys({ press: ' ' }); // Firefox's WebDriver BiDi keyboard has no 'Space' key name
    await el.updateComplete;
    expect(el.getAttribute('side')).to.equal('front');
    expect(button.textContent!.trim()).to.equal('Show back of card');
  });

  it('draws a saved card from its last four, in the brand layout, ignoring any number', async () => {
    const el = await flip(html`<cvv-flip brand="visa" last4="2222" name="Ada Lovelace" expiry="12/30"></cvv-flip>`);
    expect(text(el, 'number')).to.equal('•••• •••• •••• 2222');
    await set(el, { number: '4242424242424242' });
    expect(text(el, 'number')).to.equal('•••• •••• •••• 2222');
    await expect(el).to.be.accessible();
    await set(el, { brand: 'american-express', last4: '0005' });
    expect(text(el, 'number')).to.equal('•••• •••••• •0005');
    expect(markBrand(el)).to.equal('american-express');
  });

  it('never puts the number in an attribute or in the light DOM', async () => {
    const el = await flip();
    const number = '4242424242424242';
    await set(el, { number, name: 'Ada', expiry: '12/30', focusField: 'number' });
    expect(text(el, 'number')).to.equal('4242 4242 4242 4242');
    const elements = [el, ...el.shadowRoot!.querySelectorAll('*')];
    for (const node of elements) {
      for (const attr of node.attributes) {
        expect(attr.value, `${node.localName}[${attr.name}]`).not.to.match(/\d{5,}|4242/);
      }
    }
    expect(el.hasAttribute('number')).to.equal(false);
    expect(el.innerHTML).to.equal('');
    expect(el.outerHTML).not.to.contain('4242');
  });

  it('says what the host tells it to', async () => {
    const el = await flip();
    await set(el, { messages: { flipShowBack: 'Voir le verso', flipNamePlaceholder: 'NOM DU TITULAIRE' } });
    expect(toggle(el)!.textContent!.trim()).to.equal('Voir le verso');
    expect(text(el, 'name')).to.equal('NOM DU TITULAIRE');
  });

  describe('with reduced motion', () => {
    let emulated = false;
    afterEach(async () => {
      if (emulated) await emulateMedia({ reducedMotion: 'no-preference' });
    });

    /**
     * Asks the browser for `prefers-reduced-motion: reduce`. Firefox under WebDriver BiDi cannot
     * emulate media features (puppeteer needs CDP for it), so there the element's own
     * reduced-motion block is checked to be conditioned on that query, then applied as is.
     */
    async function reduceMotion(el: CvvFlip) {
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
        emulated = true;
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
        return;
      } catch (error) {
        if (!/CDP support is required/.test(String(error))) throw error;
      }
      const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const block = rules.find(
        (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(rule.conditionText),
      );
      expect(block, 'a prefers-reduced-motion: reduce block').to.exist;
      const applied = new CSSStyleSheet();
      applied.replaceSync([...block!.cssRules].map((rule) => rule.cssText).join('\n'));
      el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, applied];
    }

    it('cross-fades to the back instead of turning the card', async () => {
      const el = await flip(html`<cvv-flip style="--cvv-flip-duration: 0s" number="4242"></cvv-flip>`);
      await reduceMotion(el);
      expect(opacity(el, 'back')).to.equal('0');
      expect(opacity(el, 'front')).to.equal('1');
      await set(el, { focusField: 'code' });
      expect(el.side).to.equal('back');
      expect(flipperTransform(el)).to.equal('none');
      expect(getComputedStyle(part(el, 'back')!).transform).to.equal('none');
      expect(opacity(el, 'front')).to.equal('0');
      expect(opacity(el, 'back')).to.equal('1');
      // the cross-fade still takes the host's duration
      el.style.setProperty('--cvv-flip-duration', '0.4s');
      expect(getComputedStyle(part(el, 'back')!).transitionProperty).to.equal('opacity');
      expect(getComputedStyle(part(el, 'back')!).transitionDuration).to.equal('0.4s');
    });
  });

  it('turns the card with a 3D flip of the host-set duration when motion is fine', async () => {
    const el = await flip(html`<cvv-flip style="--cvv-flip-duration: 0.25s"></cvv-flip>`);
    const flipper = getComputedStyle(el.shadowRoot!.querySelector('.flipper')!);
    expect(flipper.transformStyle).to.equal('preserve-3d');
    expect(flipper.transitionProperty).to.equal('transform');
    expect(flipper.transitionDuration).to.equal('0.25s');
    expect(getComputedStyle(part(el, 'back')!).backfaceVisibility).to.equal('hidden');
  });

  it('fits everything inside the card at 280 px wide', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 280px">
      <cvv-flip style="--cvv-flip-duration: 0s" number="4242424242424242424" expiry="12/30"
        name="Maximiliana Bartholomew-Featherstonehaugh of Westminster"></cvv-flip>
    </div>`);
    const el = wrapper.querySelector('cvv-flip')!;
    await el.updateComplete;
    const card = part(el, 'card')!.getBoundingClientRect();
    expect(card.width).to.be.closeTo(280, 0.5);
    expect(card.height).to.be.closeTo((280 * 53.98) / 85.6, 0.5);
    const inside = (name: string) => {
      const box = part(el, name)!.getBoundingClientRect();
      expect(box.left, `${name} left`).to.be.at.least(card.left);
      expect(box.right, `${name} right`).to.be.at.most(card.right);
      expect(box.top, `${name} top`).to.be.at.least(card.top);
      expect(box.bottom, `${name} bottom`).to.be.at.most(card.bottom);
      return box;
    };
    const number = part(el, 'number')!;
    expect(number.scrollWidth).to.be.at.most(number.clientWidth);
    const last = [...number.querySelectorAll('.slot')].at(-1)!.getBoundingClientRect();
    expect(last.right).to.be.at.most(card.right);
    inside('number');
    inside('brand');
    const name = inside('name');
    const expiry = inside('expiry');
    expect(name.right).to.be.at.most(expiry.left);
    expect(name.bottom).to.be.at.most(card.bottom);

    await set(el, { number: '378282246310005' }); // Amex: the code box sits above the number
    inside('number');
    const code = inside('code');
    expect(code.bottom).to.be.at.most(part(el, 'number')!.getBoundingClientRect().top);
  });

  it('outlines the number it is typing snugly, one line tall, whatever the width and length', async () => {
    for (const width of [280, 384]) {
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}><cvv-flip focus-field="number"></cvv-flip></div>`);
      const el = wrapper.querySelector('cvv-flip')!;
      for (const number of ['4', '378282246310005', '4242424242424242424']) {
        await set(el, { number });
        const line = part(el, 'number')!;
        const slot = line.querySelector('.slot')!.getBoundingClientRect();
        const box = line.getBoundingClientRect();
        // the highlight is drawn around this box: it must hold the digits, and no more than them
        expect(slot.top, `${width}px ${number}`).to.be.at.least(box.top - 0.5);
        expect(slot.bottom, `${width}px ${number}`).to.be.at.most(box.bottom + 0.5);
        expect(box.height, `${width}px ${number}`).to.be.closeTo(parseFloat(getComputedStyle(line).fontSize), 0.5);
      }
    }
  });
});
