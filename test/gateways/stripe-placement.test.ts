/**
 * Where Stripe's fields go: light-DOM containers projected into the form's named slots, and, when
 * the form sits in other components' shadow roots, a container next to the outermost host in the
 * document with one forwarding slot per shadow level. Checked against the Stripe.js double, whose
 * `mount` throws inside a shadow root as Stripe.js does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { inShadowRoot, placeInLightDom } from '../../src/gateways/stripe/placement.js';
import { ElementDouble, SHADOW_ROOT_MESSAGE } from '../support/stripe-double.js';

/** A host with a shadow root holding a named slot inside a sized box (what <add-card-form> renders). */
class SlotHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<div class="box" style="width:300px"><slot name="field"></slot></div>';
  }
}

/** A component that renders a SlotHost (or another Wrapper) in its own shadow root, closed or open. */
class Wrapper extends HTMLElement {
  root: ShadowRoot | null = null;
  connectedCallback(): void {
    if (this.root) return;
    const mode = this.getAttribute('mode') === 'closed' ? 'closed' : 'open';
    const inner = this.getAttribute('inner') ?? 'slot-host';
    this.root = this.attachShadow({ mode });
    this.root.innerHTML = `<section><${inner}></${inner}></section>`;
  }
}

if (!customElements.get('slot-host')) customElements.define('slot-host', SlotHost);
if (!customElements.get('slot-wrapper')) customElements.define('slot-wrapper', Wrapper);

function innerHost(wrapper: Element): SlotHost {
  const root = (wrapper as Wrapper).root!;
  const found = root.querySelector('slot-host') ?? root.querySelector('slot-wrapper');
  if (found instanceof SlotHost) return found;
  if (found) return innerHost(found);
  throw new Error('no slot-host');
}

function slotOf(host: SlotHost): HTMLSlotElement {
  return host.shadowRoot!.querySelector('slot')!;
}

describe('Stripe field placement', () => {
  it('the double refuses a container inside a shadow root, as Stripe.js does', async () => {
    const host = await fixture<SlotHost>(html`<slot-host></slot-host>`);
    const inShadow = host.shadowRoot!.querySelector<HTMLElement>('.box')!;
    expect(() => new ElementDouble('cardNumber').mount(inShadow)).to.throw(SHADOW_ROOT_MESSAGE);
    expect(() => new ElementDouble('cardNumber').mount(document.createElement('div'))).to.throw(/didn't mount/);
  });

  it('a form in the document gets a container as its own light-DOM child, assigned to its slot', async () => {
    const host = await fixture<SlotHost>(html`<slot-host></slot-host>`);
    const placement = placeInLightDom(host, 'field', 'x');
    expect(placement.container.parentElement).to.equal(host);
    expect(placement.container.slot).to.equal('field');
    expect(placement.container.className).to.equal('x');
    expect(placement.forwards).to.have.length(0);
    expect(inShadowRoot(placement.container)).to.be.false;
    expect(slotOf(host).assignedElements({ flatten: true })).to.deep.equal([placement.container]);
    const element = new ElementDouble('cardNumber');
    element.mount(placement.container);
    expect(element.frame?.isConnected).to.be.true;
    placement.remove();
    expect(placement.container.isConnected).to.be.false;
  });

  it('a form inside another component goes next to the outer host and is re-projected into its own slot', async () => {
    const wrapper = await fixture<Wrapper>(html`<slot-wrapper></slot-wrapper>`);
    const host = innerHost(wrapper);
    expect(inShadowRoot(host)).to.be.true;
    const placement = placeInLightDom(host, 'field');
    // the container lives in the document (the outer host's light DOM), where Stripe mounts
    expect(placement.container.parentElement).to.equal(wrapper);
    expect(placement.container.getRootNode()).to.equal(document);
    expect(placement.forwards).to.have.length(1);
    expect(placement.forwards[0].parentElement).to.equal(host);
    expect(placement.forwards[0].slot).to.equal('field');
    expect(placement.container.slot).to.equal(placement.forwards[0].name);
    // … and it renders inside the inner form's layout, not after the outer component
    expect(slotOf(host).assignedElements({ flatten: true })).to.deep.equal([placement.container]);
    const element = new ElementDouble('cardNumber');
    expect(() => element.mount(placement.container)).not.to.throw();
    const box = host.shadowRoot!.querySelector('.box')!.getBoundingClientRect();
    const frame = element.frame!.getBoundingClientRect();
    expect(frame.width).to.equal(300);
    expect(frame.top).to.be.at.least(box.top);
    expect(frame.bottom).to.be.at.most(box.bottom + 0.5);
    placement.remove();
    expect(placement.container.isConnected).to.be.false;
    expect(placement.forwards[0].isConnected).to.be.false;
    expect(slotOf(host).assignedElements({ flatten: true })).to.have.length(0);
  });

  it('forwards through every level, closed shadow roots included', async () => {
    const outer = await fixture<Wrapper>(html`<slot-wrapper inner="slot-wrapper" mode="closed"></slot-wrapper>`);
    const host = innerHost(outer);
    const placement = placeInLightDom(host, 'field');
    expect(placement.container.parentElement).to.equal(outer);
    expect(placement.forwards).to.have.length(2);
    expect(slotOf(host).assignedElements({ flatten: true })).to.deep.equal([placement.container]);
    // two forms side by side never share a slot name
    const second = placeInLightDom(host, 'field');
    expect(second.container.slot).not.to.equal(placement.container.slot);
    second.remove();
    placement.remove();
    expect(outer.children).to.have.length(0);
  });

  it('a detached form has nowhere to mount and leaves nothing behind', () => {
    const host = document.createElement('slot-host') as SlotHost;
    expect(() => placeInLightDom(host, 'field')).to.throw(/not in a document/);
    expect(host.children).to.have.length(0);
  });
});
