/**
 * Small HTTP helpers shared by the demo server and the sandbox gateway.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

/** A parsed JSON object body, or why it could not be read. */
export type JsonBody = { ok: true; value: Record<string, unknown> } | { ok: false };

/** Reads the request body as a JSON object; anything else (no body, an array, broken JSON) fails. */
export async function readJsonObject(c: Context): Promise<JsonBody> {
  let value: unknown;
  try {
    const raw = await c.req.text();
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Compares two secrets in constant time (for equal lengths). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The origin (`scheme://host:port`) of a URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
