/**
 * Small drawn brand marks for the card brands card-validator knows, shared by `<cvv-flip>` (on the
 * drawn card), `<add-card-form>` (beside the number) and `<card-list>` (per row).
 *
 * They are stylised badges, not the networks' artwork: inline SVG built with lit's `svg` templates
 * (no images to fetch, nothing for a CSP to block, no innerHTML), so they work offline, under
 * Trusted Types, and in every theme. Each mark is decorative (`aria-hidden="true"`): the caller
 * says the brand in text ("Visa ending in 4242"), because a picture of a logo is not a name.
 */
import { css, html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { brandInfo, isCardBrand, type CardBrand } from '../core/brands.js';

const FONT = 'Arial, Helvetica, sans-serif';

/** A word on the badge, stretched or squeezed to a fixed width so every font fits the badge. */
function word(text: string, x: number, width: number, fill: string, size = 11, italic = false): SVGTemplateResult {
  return svg`<text x=${x} y="19" textLength=${width} lengthAdjust="spacingAndGlyphs" font-family=${FONT}
    font-size=${size} font-weight="700" font-style=${italic ? 'italic' : 'normal'} fill=${fill}>${text}</text>`;
}

const badge = (fill = '#fff'): SVGTemplateResult =>
  svg`<rect x="0.5" y="0.5" width="47" height="29" rx="4" fill=${fill} stroke="#d0d5dd"/>`;

/** Two overlapping circles, as the Mastercard family draws itself. */
const rings = (left: string, right: string, overlap: string): SVGTemplateResult => svg`
  <circle cx="19" cy="15" r="9" fill=${left}/>
  <circle cx="29" cy="15" r="9" fill=${right}/>
  <path d="M24 7.5a9 9 0 0 1 0 15a9 9 0 0 1 0-15z" fill=${overlap}/>`;

function body(brand: CardBrand | null): SVGTemplateResult {
  switch (brand) {
    case 'visa':
      return svg`${badge()}${word('VISA', 7, 34, '#1a1f71', 13, true)}`;
    case 'mastercard':
      return svg`${badge()}${rings('#eb001b', '#f79e1b', '#ff5f00')}`;
    case 'maestro':
      return svg`${badge()}${rings('#0099df', '#eb001b', '#6c6bbd')}`;
    case 'american-express':
      return svg`${badge('#016fd0')}${word('AMEX', 6, 36, '#fff', 12)}`;
    case 'discover':
      return svg`${badge()}${word('DISC', 4, 17, '#231f20', 9)}<circle cx="25.5" cy="15.5" r="4" fill="#f48120"/>${word('VER', 30, 14, '#231f20', 9)}`;
    case 'diners-club':
      return svg`${badge()}<circle cx="24" cy="15" r="10" fill="none" stroke="#0079be" stroke-width="2.5"/>
        <path d="M21 9v12M27 9v12" stroke="#0079be" stroke-width="2"/>`;
    case 'jcb':
      return svg`${badge()}
        <rect x="8" y="6" width="10" height="18" rx="3" fill="#0e4c96"/>
        <rect x="19" y="6" width="10" height="18" rx="3" fill="#e21836"/>
        <rect x="30" y="6" width="10" height="18" rx="3" fill="#00843d"/>
        ${['J', 'C', 'B'].map(
          (letter, i) => svg`<text x=${13 + i * 11} y="19" text-anchor="middle" font-family=${FONT} font-size="9"
            font-weight="700" fill="#fff">${letter}</text>`,
        )}`;
    case 'unionpay':
      return svg`${badge()}
        <path d="M9 6h9l-3 18H6z" fill="#e21836"/>
        <path d="M18 6h9l-3 18h-9z" fill="#00447c"/>
        <path d="M27 6h12l-3 18H24z" fill="#007b84"/>
        ${word('UP', 16, 16, '#fff', 10, true)}`;
    default:
      if (brand && isCardBrand(brand)) {
        // Elo, Mir, Troy, Hiper… : the brand's own name on a plain badge, from the brand data
        return svg`${badge()}${word(brandInfo(brand).displayName.toUpperCase(), 5, 38, '#344054', 10)}`;
      }
      // no brand yet (or one the core does not know): a plain card outline, so the space never looks broken
      return svg`<rect x="4" y="4" width="40" height="22" rx="3" fill="none" stroke="currentColor" stroke-width="2" opacity="0.6"/>
        <path d="M4 10h40" stroke="currentColor" stroke-width="3" opacity="0.6"/>`;
  }
}

/**
 * A decorative mark for `brand` (or a neutral card outline for `null`): an inline `<svg>` sized
 * `2.4em` × `1.5em` by default, with `class="brand-mark"` and `data-brand` (the brand id, or
 * `unknown`) for styling. Say the brand's name in text next to it; the mark is `aria-hidden`.
 */
export function brandMark(brand: CardBrand | null): TemplateResult {
  return html`<svg class="brand-mark" data-brand=${brand ?? 'unknown'} viewBox="0 0 48 30" width="2.4em" height="1.5em"
    aria-hidden="true" focusable="false">${body(brand)}</svg>`;
}

/**
 * Marks for a place whose brand changes as the customer types (beside the card number, on the
 * drawing). Every mark shown there so far stays in the DOM and only the current one is visible, so a
 * brand that comes back (the number cleared and typed again) is shown again instead of being built
 * and laid out anew: measured in Chromium, building a mark was a large part of the keystroke that
 * detects the brand. `seen` is that place's own list; this adds `brand` to it. Each mark is wrapped
 * in a `span.brand-slot`, `off` unless current; {@link brandSlotStyles} stacks them and hides `off`
 * inside the place, which must be positioned. Each slot is a stacking context whether shown or not
 * (`z-index: 0`): in Chromium, opacity turning a slot into one (or back) relaid out the whole page.
 */
export function keptBrandMarks(seen: (CardBrand | null)[], brand: CardBrand | null): TemplateResult[] {
  if (!seen.includes(brand)) seen.push(brand);
  return seen.map((shown) => html`<span class=${shown === brand ? 'brand-slot' : 'brand-slot off'}>${brandMark(shown)}</span>`);
}

/** The styles {@link keptBrandMarks} needs, for the `static styles` of each element that uses it. */
export const brandSlotStyles = css`
  .brand-slot {
    position: absolute;
    z-index: 0;
    inset: 0;
    display: flex;
  }
  .brand-slot.off {
    opacity: 0;
  }
`;
