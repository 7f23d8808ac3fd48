/**
 * The form's theme, translated into Stripe's `style` option. Stripe's fields are iframes: the form's
 * CSS (and the host's `--add-card-form-*` custom properties) cannot reach inside, so the computed
 * values are read from elements the form renders and handed to Stripe, and the host themes once.
 */
import type { StripeElementStyle } from '@stripe/stripe-js';

/** Where the theme is read: elements the form renders in its shadow root. */
export interface ThemeSources {
  /** A native text input of the form (the name on card): the font and text colour of every field. */
  input: Element | null;
  /** A field's error text: the error colour (`--add-card-form-error-color`). */
  error: Element | null;
  /** A field's hint: a muted colour for Stripe's placeholders. */
  hint: Element | null;
  /** Fallback when an element is missing: the form itself. */
  host: Element;
}

/** A computed length Stripe accepts (`16px`), or undefined for `normal` and the like. */
function length(value: string): string | undefined {
  return /^-?\d+(\.\d+)?px$/.test(value) ? value : undefined;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/**
 * A computed colour as `rgb()` / `rgba()`. Browsers compute `color-mix()` and wide-gamut colours to
 * `color(srgb …)` and the like, which Stripe's style parser may not take; a canvas pixel reads any of
 * them back as sRGB.
 */
export function toRgb(color: string): string {
  if (/^rgba?\(/.test(color)) return color;
  canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!canvas) return color;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#000';
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 100) / 100})`;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Reads the theme and returns Stripe's `style`: `base` takes the inputs' font and colour (and a
 * muted placeholder), `invalid` the error colour.
 */
export function stripeStyle(sources: ThemeSources): StripeElementStyle {
  const text = getComputedStyle(sources.input ?? sources.host);
  const color = toRgb(text.color);
  const errorColor = toRgb(getComputedStyle(sources.error ?? sources.host).color);
  const hintColor = sources.hint ? toRgb(getComputedStyle(sources.hint).color) : undefined;
  return {
    base: defined({
      color,
      fontFamily: text.fontFamily,
      fontSize: length(text.fontSize),
      fontWeight: text.fontWeight,
      lineHeight: length(text.lineHeight),
      letterSpacing: length(text.letterSpacing),
      iconColor: color,
      '::placeholder': hintColor ? { color: hintColor } : undefined,
    }),
    invalid: { color: errorColor, iconColor: errorColor },
  };
}
