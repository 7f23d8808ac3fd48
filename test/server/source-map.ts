/**
 * Source maps (v3) for the tests that read dist/: decodes a map's `mappings` into absolute
 * segments, enough to name the source module and original position of a generated one.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping, every field absolute and 0-based; the last three are absent on an unmapped segment. */
export interface Segment {
  column: number;
  source?: number;
  line?: number;
  originalColumn?: number;
}

/** Decodes one segment's Base64 VLQ numbers. */
function vlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** For each generated line, its segments in column order. */
export function decodeMappings(mappings: string): Segment[][] {
  // the generated column restarts on each line; the other fields run on across lines
  let source = 0;
  let line = 0;
  let originalColumn = 0;
  return mappings.split(';').map((text) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const part of text.split(',')) {
      if (!part) continue;
      const [dc, ds, dl, doc] = vlq(part);
      column += dc;
      if (ds === undefined) {
        segments.push({ column });
        continue;
      }
      source += ds;
      line += dl;
      originalColumn += doc;
      segments.push({ column, source, line, originalColumn });
    }
    return segments;
  });
}
