/**
 * Deterministic test data for the benchmark: Luhn-valid card numbers typed into the forms, and the
 * saved cards the list renders. A fixed seed keeps every run (and every machine) typing the same
 * numbers, so runs differ only by the code under test.
 */

/** A small, fast PRNG (mulberry32): good enough to pick digits, and reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The check digit that makes `payload` + digit pass the Luhn check. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  // walking from the right, the digit next to the (future) check digit is doubled first
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True when the digit string passes the Luhn check. */
export function luhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/** Which numbers to generate. */
export type TestBrand = 'visa' | 'amex';

const SHAPES: Record<TestBrand, { prefixes: string[]; length: number }> = {
  visa: { prefixes: ['4'], length: 16 },
  amex: { prefixes: ['34', '37'], length: 15 },
};

/** `count` distinct-ish Luhn-valid numbers of the brand (Visa 16 digits, Amex 15), from `seed`. */
export function testNumbers(brand: TestBrand, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const { prefixes, length } = SHAPES[brand];
  const out: string[] = [];
  for (let n = 0; n < count; n += 1) {
    let payload = prefixes[Math.floor(random() * prefixes.length)];
    while (payload.length < length - 1) payload += String(Math.floor(random() * 10));
    out.push(payload + luhnCheckDigit(payload));
  }
  return out;
}
