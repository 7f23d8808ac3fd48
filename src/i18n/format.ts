/** Values a message may interpolate with `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Templates split once at their placeholders: text, name, text, name, …, text. The elements fill
 * the same few templates again and again (two per row of a 1,000-card list), and joining the
 * pieces is several times faster than running the placeholder expression over the text each time.
 */
const compiled = new Map<string, readonly string[]>();
/** Hosts supply their own templates; a page that keeps making new ones should not grow this without bound. */
const MAX_COMPILED = 512;

/**
 * Fills `{name}` placeholders in a message template. Unknown placeholders stay as written so a
 * missing parameter is visible in review rather than silently dropped.
 */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  let pieces = compiled.get(template);
  if (!pieces) {
    pieces = template.split(/\{(\w+)\}/);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, pieces);
  }
  let text = pieces[0];
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i];
    text += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + pieces[i + 1];
  }
  return text;
}
