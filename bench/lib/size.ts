/**
 * Transfer sizes as a browser would download them. Budgets are in kB of 1,000 bytes, the unit the
 * issue's comparisons (and bundlephobia, size-limit) use.
 */
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

/** The sizes of one file. */
export interface Sizes {
  /** Minified, uncompressed. */
  min: number;
  /** Minified, gzip level 9. */
  gzip: number;
  /** Minified, brotli quality 11 (what CDNs serve for static assets). */
  brotli: number;
}

/** Gzip and brotli sizes of already minified code or CSS, in bytes. */
export function compressedSizes(content: string | Uint8Array): Sizes {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    min: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}

/** Sum of several files' sizes (a bundle split into chunks, or JS plus CSS). */
export function addSizes(...parts: Sizes[]): Sizes {
  return parts.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    min: 0,
    gzip: 0,
    brotli: 0,
  });
}

/** `a − b`, field by field: what one build adds over another. */
export function subtractSizes(a: Sizes, b: Sizes): Sizes {
  return { min: a.min - b.min, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli };
}

/** Bytes as kB with one decimal (1 kB = 1,000 bytes), keeping the sign of a difference. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
