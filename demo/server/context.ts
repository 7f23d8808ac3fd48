/**
 * What the demo server's middleware and routes share: the Hono environment, sessions, the per-account
 * lock and small response helpers.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ApiResult } from './problems.js';
import type { Account } from './store.js';

/** Hono variables set by the session middleware. */
export interface HostEnv {
  Variables: {
    account: Account | null;
    csrfToken: string | null;
    sessionId: string | null;
  };
}

/** A Hono context of the demo server. */
export type HostContext = Context<HostEnv>;

/** Methods that change state: CSRF-checked, refused cross-site. */
export function isMutation(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

/** The client's IP address (the demo is not behind a proxy, so X-Forwarded-For is not trusted). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in a unit test has no socket
    return 'unknown';
  }
}

/** Sends an {@link ApiResult} as JSON. */
export function send(c: Context, result: ApiResult): Response {
  for (const [name, value] of Object.entries(result.headers ?? {})) c.header(name, value);
  return c.body(JSON.stringify(result.body), result.status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/**
 * Runs work for one account at a time. Mutations of an account are serialised so that a double
 * submit cannot race past the idempotency check, the card cap or the default-card invariant.
 */
export class AccountLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier work for `key` has finished. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** JSON with object keys sorted, so that two bodies that mean the same hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
