/**
 * <cvv-flip>: each brand's front and back, the Amex front code, a saved card's masked number, and
 * what reduced motion does. The drawing is decorative (`aria-hidden`); only its toggle is exposed.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { CARD_BRANDS, type CardBrand } from '../src/core/brands.js';
import { find, shadow } from './support/play.js';

/** A plausible number per brand (sandbox and published test numbers). */
const SAMPLE: Partial<Record<CardBrand, string>> = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  'american-express': '378282246310005',
  discover: '6011111111111117',
  'diners-club': '36227206271667',
  jcb: '3566002020360505',
  unionpay: '6200000000000005',
  maestro: '6759649826438453',
  mir: '2200000000000004',
  elo: '6362970000457013',
  hiper: '6370950000000005',
  hipercard: '6062826786276634',
};

const layout = html`<style>
  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: 24px;
  }
  .pair cvv-flip {
    width: 320px;
  }
</style>`;

/** The same card twice: its front with everything typed, and its back with the code being typed. */
function frontAndBack(brand: CardBrand): TemplateResult {
  const number = SAMPLE[brand] ?? '';
  return html`${layout}
    <div class="pair">
      <cvv-flip brand=${brand} .number=${number} name="Ada Lovelace" expiry="12/30"></cvv-flip>
      <cvv-flip brand=${brand} .number=${number} name="Ada Lovelace" expiry="12/30" code-length="2" side="back"
        focus-field="code"></cvv-flip>
    </div>`;
}

const meta: Meta = {
  title: 'Elements/cvv-flip',
  component: 'cvv-flip',
  parameters: {
    docs: {
      description: {
        component:
          'A drawing of the card being typed. `<add-card-form>` drives it; it can also be used alone. It is never given the ' +
          'security code, only how many digits were typed (`code-length`).',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Checks the second drawing shows its back (and the first its front). */
const showsBothSides: Story['play'] = async ({ canvasElement }) => {
  const [front, back] = [...canvasElement.querySelectorAll('cvv-flip')];
  await front!.updateComplete;
  await back!.updateComplete;
  await expect(shadow(front!).querySelector('[part~="card-flipped"]')).toBeNull();
  await expect(shadow(back!).querySelector('[part~="card-flipped"]')).not.toBeNull();
};

/** Visa: CVV on the back. */
export const Visa: Story = { render: () => frontAndBack('visa'), play: showsBothSides };
/** Mastercard: CVC on the back. */
export const Mastercard: Story = { render: () => frontAndBack('mastercard'), play: showsBothSides };
/** Discover: CID on the back. */
export const Discover: Story = { render: () => frontAndBack('discover'), play: showsBothSides };
/** Diners Club: 14 digits, 4-6-4. */
export const DinersClub: Story = { render: () => frontAndBack('diners-club'), play: showsBothSides };
/** JCB. */
export const Jcb: Story = { render: () => frontAndBack('jcb'), play: showsBothSides };
/** UnionPay: CVN on the back. */
export const UnionPay: Story = { render: () => frontAndBack('unionpay'), play: showsBothSides };
/** Maestro. */
export const Maestro: Story = { render: () => frontAndBack('maestro'), play: showsBothSides };

/** Every brand the core knows, front only, as a gallery. */
export const AllBrands: Story = {
  render: () =>
    html`${layout}
      <div class="pair">
        ${CARD_BRANDS.map((brand) => html`<cvv-flip brand=${brand} .number=${SAMPLE[brand] ?? ''} name="Ada Lovelace" expiry="12/30"></cvv-flip>`)}
      </div>`,
};

/**
 * American Express prints its 4-digit CID on the front: the drawing never turns, highlights the
 * front code box instead, and hides its toggle.
 */
export const AmexFrontCode: Story = {
  render: () => html`<cvv-flip brand="american-express" .number=${SAMPLE['american-express']} name="Ada Lovelace" expiry="12/30"
    code-length="3" focus-field="code"></cvv-flip>`,
  play: async ({ canvasElement }) => {
    const flip = find(canvasElement, 'cvv-flip');
    await flip.updateComplete;
    await expect(shadow(flip).querySelector('[part~="card-flipped"]')).toBeNull();
    await expect(shadow(flip).querySelector('[part~="code-active"]')).not.toBeNull();
    // nothing to flip to: the toggle keeps its place but is hidden (not seen, focused or announced)
    await expect(shadow(flip).querySelector<HTMLElement>('[part~="toggle"]')!.checkVisibility({ visibilityProperty: true })).toBe(false);
  },
};

/** A saved card: only the last four digits, drawn as a masked number (`last4="4444"`). */
export const MaskedSavedCard: Story = {
  render: () => html`<cvv-flip brand="mastercard" last4="4444" name="Ada Lovelace" expiry="06/29"></cvv-flip>`,
  play: async ({ canvasElement }) => {
    const flip = find(canvasElement, 'cvv-flip');
    await flip.updateComplete;
    const number = shadow(flip).querySelector('[part~="number"]')?.textContent?.replace(/\s/g, '') ?? '';
    await expect(number.endsWith('4444')).toBe(true);
    await expect(number.replace(/\D/g, '')).toBe('4444');
  },
};

/** The toggle: pressing "Show back of card" turns the drawing over; its label then says "Show front". */
export const Toggle: Story = {
  render: () => html`<cvv-flip brand="visa" .number=${SAMPLE.visa} name="Ada Lovelace" expiry="12/30"></cvv-flip>`,
  play: async ({ canvasElement }) => {
    const flip = find(canvasElement, 'cvv-flip');
    await flip.updateComplete;
    await userEvent.click(shadow(flip).querySelector<HTMLButtonElement>('[part~="toggle"]')!);
    await flip.updateComplete;
    await expect(flip.side).toBe('back');
    await expect(shadow(flip).querySelector('[part~="toggle"]')?.textContent?.trim()).toBe('Show front');
  },
};

/**
 * Reduced motion. A story cannot switch the reader's `prefers-reduced-motion` setting, so this
 * shows the state that setting produces and how to go further:
 *
 * - With `prefers-reduced-motion: reduce`, the card does not spin: the front and back cross-fade
 *   over `--cvv-flip-duration` (0.6s by default). Turn it on in your OS (macOS: Accessibility →
 *   Display → Reduce motion; Windows: Settings → Accessibility → Visual effects → Animation
 *   effects off) or in Chrome DevTools (Rendering → Emulate CSS media feature
 *   prefers-reduced-motion) and press the toggle here.
 * - `--cvv-flip-duration: 0s` removes even the fade: the side changes at once, as below.
 */
export const ReducedMotion: Story = {
  render: () => html`<style>
      .no-motion cvv-flip {
        --cvv-flip-duration: 0s;
      }
    </style>
    <div class="no-motion">
      <cvv-flip brand="visa" .number=${SAMPLE.visa} name="Ada Lovelace" expiry="12/30" side="back" code-length="3"></cvv-flip>
    </div>`,
  play: async ({ canvasElement }) => {
    const flip = find(canvasElement, 'cvv-flip');
    await flip.updateComplete;
    const card = shadow(flip).querySelector('[part~="card"]')!;
    await expect(getComputedStyle(flip).getPropertyValue('--cvv-flip-duration').trim()).toBe('0s');
    await expect(card.getAttribute('part')).toContain('card-flipped');
  },
};
