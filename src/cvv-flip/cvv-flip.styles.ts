import { css } from 'lit';

/**
 * The drawn card. Every length inside the card is in `cqi` (percent of the host's inline size: the
 * host is the size container), so the whole drawing scales with the width it is given, down to
 * 280 px, with the ISO/IEC 7810 ID-1 aspect ratio (85.60 × 53.98 mm). No length depends on the text,
 * so typing never reflows it.
 *
 * Why some rules are as they are (here rather than in the stylesheet, which ships as written):
 * - `:host` resolves the public custom properties once; the faces read only the private ones.
 * - `.card` is `direction: ltr`: a picture of a physical card, left to right in a right-to-left page too.
 * - `.look`: the brand's look, unless the host set `--cvv-flip-background` (an unset one is invalid,
 *   so falls back). Each face stacks one layer per brand shown so far, and only the current one is
 *   opaque (as the brand marks): a new brand switches two opacities instead of restyling the faces,
 *   which in Chromium (clipped, 3D layers) cost more than the rest of the brand change. Each layer
 *   is a stacking context whether shown or not (`z-index: 0`), and comes first in its face, so the
 *   positioned drawing on the face paints above it.
 * - `.caption`: the small captions printed on real cards.
 * - `.brand-slot` (brandSlotStyles in brand-marks.ts): the marks drawn so far are stacked and only the current one shows;
 *   the others are hidden by opacity, which is not inherited, so their own elements are not restyled.
 * - `[part~='number']` is one line of line-height 1, so its height is always 1em; saying so, with
 *   layout and size containment, makes it a relayout boundary: a digit typed lays out this line,
 *   not the card, the flip and whatever form the host put around them.
 * - `.slot`: every character gets the same box, so a dot turning into a digit moves nothing, in any
 *   font; positioned and contained, a digit typed into it relays out that slot alone.
 * - `::highlight(cvv-flip-placeholder)` dims the placeholders: a highlight over the untyped slots
 *   (number-line.ts), or, without the Highlight API, the class `empty`.
 * - `.front-code`: Amex prints its four-digit code on the front, above the number on the right.
 * - `.away`: the code place the brand does not use, and the toggle for Amex. Hidden by visibility,
 *   which keeps their boxes: a brand change then restyles and repaints, without laying out the
 *   page around the drawing again. Hidden elements are neither focusable nor announced.
 * - `prefers-reduced-motion: reduce`: no spinning card; the faces cross-fade instead.
 */
export const cvvFlipStyles = css`
  :host {
    --_background: var(--cvv-flip-background);
    --_color: var(--cvv-flip-color, #fff);
    --_radius: var(--cvv-flip-radius, 3.7cqi);
    --_font: var(--cvv-flip-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace);
    --_highlight: var(--cvv-flip-highlight, #fdb022);
    --_duration: var(--cvv-flip-duration, 0.6s);
    --_focus-ring: var(--cvv-flip-focus-ring, #1570ef);

    container-type: inline-size;
    inline-size: 100%;
    max-inline-size: 24rem;
  }

  .card {
    direction: ltr;
    position: relative;
    aspect-ratio: 85.6 / 53.98;
    perspective: 250cqi;
    font-family: var(--_font);
    color: var(--_color);
    user-select: none;
  }

  .flipper {
    position: absolute;
    inset: 0;
    transform-style: preserve-3d;
    transition: transform var(--_duration) ease-in-out;
  }
  .flipped .flipper {
    transform: rotateY(180deg);
  }

  .face {
    position: absolute;
    inset: 0;
    overflow: hidden;
    border-radius: var(--_radius);
    box-shadow: 0 1cqi 3cqi rgb(16 24 40 / 0.25);
    backface-visibility: hidden;
  }
  .look {
    position: absolute;
    z-index: 0;
    inset: 0;
    background: var(--_background, linear-gradient(135deg, #344054, #101828));
  }
  .look.off {
    opacity: 0;
  }
  .look.visa {
    background: var(--_background, linear-gradient(135deg, #1a1f71, #2c5bd6));
  }
  .look.mastercard {
    background: var(--_background, linear-gradient(135deg, #1d2939, #7a271a));
  }
  .look.american-express {
    background: var(--_background, linear-gradient(135deg, #016fd0, #4aa3df));
  }
  .look.discover {
    background: var(--_background, linear-gradient(135deg, #3d1e0a, #e0651b));
  }
  .look.diners-club {
    background: var(--_background, linear-gradient(135deg, #0b3c5d, #5f8fb4));
  }
  .look.jcb {
    background: var(--_background, linear-gradient(135deg, #0e4c96, #00843d));
  }
  .look.unionpay {
    background: var(--_background, linear-gradient(135deg, #00447c, #e21836));
  }
  .look.maestro {
    background: var(--_background, linear-gradient(135deg, #0f1f3d, #0099df));
  }
  .back {
    transform: rotateY(180deg);
  }

  .caption {
    display: block;
    font-size: 2.4cqi;
    letter-spacing: 0.05em;
    opacity: 0.75;
  }

  .active {
    outline: 0.7cqi solid var(--_highlight);
    outline-offset: 0.7cqi;
    border-radius: 1cqi;
  }

  [part~='brand'] {
    position: absolute;
    top: 5cqi;
    right: 6cqi;
    display: flex;
    width: 17cqi;
    height: 10.6cqi;
  }
  [part~='brand'] svg {
    width: 100%;
    height: 100%;
  }

  .chip {
    position: absolute;
    top: 20cqi;
    left: 8cqi;
    width: 11cqi;
    height: 8.4cqi;
    border-radius: 1.5cqi;
    background:
      linear-gradient(90deg, transparent 32%, rgb(0 0 0 / 0.25) 32% 35%, transparent 35% 65%, rgb(0 0 0 / 0.25) 65% 68%, transparent 68%),
      linear-gradient(transparent 45%, rgb(0 0 0 / 0.25) 45% 55%, transparent 55%),
      linear-gradient(135deg, #f4d58d, #c8a24a);
  }

  [part~='number'] {
    position: absolute;
    top: 33cqi;
    left: 6cqi;
    right: 6cqi;
    height: 1em;
    contain: layout size;
    font-size: 7cqi;
    line-height: 1;
    white-space: nowrap;
    text-shadow: 0 0.3cqi 0.3cqi rgb(0 0 0 / 0.35);
  }
  [part~='number'].long {
    font-size: 6cqi;
  }
  .slot {
    display: inline-block;
    vertical-align: top;
    width: 0.62em;
    height: 1em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    position: relative;
    contain: size layout;
  }
  ::highlight(cvv-flip-placeholder) {
    color: color-mix(in srgb, var(--_color) 60%, transparent);
  }
  .slot.empty {
    opacity: 0.6;
  }
  .gap {
    display: inline-block;
    width: 0.5em;
  }

  [part~='name'] {
    position: absolute;
    left: 6cqi;
    bottom: 6cqi;
    max-width: 58cqi;
    font-size: 4.2cqi;
    line-height: 1.2;
    text-transform: uppercase;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part~='expiry'] {
    position: absolute;
    right: 6cqi;
    bottom: 6cqi;
    font-size: 4.2cqi;
    line-height: 1.2;
    white-space: nowrap;
  }
  .placeholder {
    opacity: 0.6;
  }

  .code {
    display: flex;
    align-items: center;
    justify-content: center;
    min-width: 12cqi;
    height: 6.6cqi;
    padding: 0 1.5cqi;
    font-size: 4cqi;
    letter-spacing: 0.15em;
    color: #101828;
    background: #fff;
    border-radius: 0.8cqi;
  }
  .front-code {
    position: absolute;
    top: 22.5cqi;
    right: 6cqi;
    text-align: center;
  }
  .front-code .code {
    color: inherit;
    background: rgb(255 255 255 / 0.15);
  }

  .stripe {
    position: absolute;
    top: 8cqi;
    left: 0;
    right: 0;
    height: 13cqi;
    background: #101828;
  }
  .signature {
    position: absolute;
    top: 28cqi;
    left: 6cqi;
    right: 6cqi;
    display: flex;
    align-items: flex-end;
    gap: 2cqi;
  }
  .signature-strip {
    flex: 1;
    height: 9cqi;
    background: repeating-linear-gradient(-45deg, #f2f4f7 0 1.2cqi, #d0d5dd 1.2cqi 2.4cqi);
    border-radius: 0.6cqi;
  }
  .back-code {
    text-align: center;
  }
  .away {
    visibility: hidden;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    margin-block-start: 0.75rem;
    padding: 0.375rem 0.625rem;
    font: inherit;
    font-size: 0.875rem;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 0.375rem;
    cursor: pointer;
  }
  .toggle:focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .toggle svg {
    width: 1.1em;
    height: 1.1em;
  }

  @media (prefers-reduced-motion: reduce) {
    .flipper,
    .flipped .flipper,
    .back {
      transform: none;
      transition: none;
    }
    .face {
      transition: opacity var(--_duration) linear;
    }
    .back,
    .flipped .front {
      opacity: 0;
    }
    .flipped .back {
      opacity: 1;
    }
  }

  @media (forced-colors: active) {
    .face {
      border: 1px solid CanvasText;
    }
    .active {
      outline-color: Highlight;
    }
    .code,
    .chip,
    .signature-strip,
    .stripe {
      border: 1px solid CanvasText;
    }
  }
`;
