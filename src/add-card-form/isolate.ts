/**
 * Direction isolation for text the host endpoint sends, placed inside a sentence of ours.
 *
 * A value such as an address line may hold right-to-left or override characters (U+202E): left
 * alone inside "{line1}, {city}…", it would reorder everything after it, so a customer could read
 * another city or postal code than the one on file. Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE (U+2068 … U+2069), whatever it holds ends with it (the Unicode bidi algorithm closes every
 * embedding and override opened inside an isolate at its PDI), and its own direction follows its
 * first strong character. The characters are invisible and read as nothing by screen readers.
 */

/** `text` wrapped in U+2068 … U+2069. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
