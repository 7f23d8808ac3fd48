/**
 * Boots the sandbox gateway and the host server on free ports, with temp-file databases and a clock
 * the test can move, and gives tests a cookie-jar HTTP client that signs in as a demo account.
 *
 * `close()` also checks what no test may leave behind: no Luhn-valid 13–19 digit run in either
 * database file or in any log line (as written, and as the code composed it before redaction).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { findCardNumbers } from '../../src/core/pan-scan.js';
import { createSandboxGateway } from '../../demo/gateway/index.js';
import type { SandboxGateway } from '../../demo/gateway/index.js';
import { memoryLogger } from '../../demo/lib/logger.js';
import type { MemoryLogger } from '../../demo/lib/logger.js';
import { createHostServer, OWNER } from '../../demo/server/index.js';
import type { DemoAccount, HostLimits, HostServer } from '../../demo/server/index.js';
import type { ProblemBody } from '../../demo/server/problems.js';

export { OWNER, SUB_ACCOUNT, SEED_IDS } from '../../demo/server/index.js';

/** Limits generous enough that only the tests about limits meet them. */
export const RELAXED_LIMITS: Partial<HostLimits> = {
  cardAttemptsPerAccount: { max: 1000, windowMs: 60_000 },
  cardAttemptsPerIp: { max: 1000, windowMs: 60_000 },
  failedSignInsPerIp: { max: 1000, windowMs: 60_000 },
};

/** An answer, with the error body pulled out when there is one. */
export interface Res<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
  error: ProblemBody | undefined;
}

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the session's CSRF token (default true). */
  csrf?: boolean;
  idempotencyKey?: string;
}

/** A signed-in (or anonymous) HTTP client with a cookie jar. */
export interface Session {
  account: DemoAccount | null;
  csrfToken: string;
  /** `fetch` that carries the session cookie, for the typed client. */
  fetch: typeof fetch;
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<Res<T>>;
  get<T = Record<string, unknown>>(path: string): Promise<Res<T>>;
  post<T = Record<string, unknown>>(path: string, body: unknown, options?: Omit<RequestOptions, 'body'>): Promise<Res<T>>;
  del<T = Record<string, unknown>>(path: string, options?: RequestOptions): Promise<Res<T>>;
}

/** A clock the test can move forward. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

/** A running gateway + host server pair. */
export interface TestEnv {
  serverUrl: string;
  gatewayUrl: string;
  secretKey: string;
  clock: TestClock;
  serverLog: MemoryLogger;
  gatewayLog: MemoryLogger;
  host: HostServer;
  gateway: SandboxGateway;
  /** The folder holding demo.db and gateway.db. */
  dataDir: string;
  signIn(account?: DemoAccount): Promise<Session>;
  anonymous(): Session;
  /** Tokenizes a card at the gateway as the demo page would (Origin: the server). Returns the token. */
  tokenize(number: string, card?: { expMonth?: number; expYear?: number; cvc?: string; name?: string }): Promise<string>;
  /** The newest one-time code on the demo phone. */
  latestCode(): Promise<string>;
  /** Calls the gateway's secret-key API. */
  gatewayApi<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Res<T>>;
  close(): Promise<void>;
}

/** Options for {@link startTestEnv}. */
export interface TestEnvOptions {
  limits?: Partial<HostLimits>;
  publishableKey?: string;
  distDir?: string;
}

function listen(server: ServerType): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

async function toRes<T>(response: Response): Promise<Res<T>> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? ((body as { error: ProblemBody }).error ?? undefined) : undefined;
  return { status: response.status, headers: response.headers, text, body: body as T, error };
}

/** Every card number found in the given texts, with where it was. */
export function cardNumbersIn(sources: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(sources)) {
    for (const digits of findCardNumbers(text)) found.push(`${name}: …${digits.slice(-4)}`);
  }
  return found;
}

/** The files of the data folder, as text (latin1 keeps every byte; digits stay digits). */
export function dataFiles(dataDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dataDir)) files[name] = readFileSync(join(dataDir, name)).toString('latin1');
  return files;
}

/** Boots a gateway and a host server; call `close()` in `after`. */
export async function startTestEnv(options: TestEnvOptions = {}): Promise<TestEnv> {
  let offset = 0;
  const clock: TestClock = {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'saved-cards-demo-'));
  const secretKey = 'sk_test_harness_secret';
  const serverLog = memoryLogger('server');
  const gatewayLog = memoryLogger('gateway');

  // Ports first (the apps need each other's URLs), apps second.
  const apps: { gateway?: SandboxGateway; host?: HostServer } = {};
  const gatewayServer = createAdaptorServer({ fetch: (request, env) => (apps.gateway as SandboxGateway).app.fetch(request, env) });
  const hostServer = createAdaptorServer({ fetch: (request, env) => (apps.host as HostServer).app.fetch(request, env) });
  const [gatewayPort, hostPort] = await Promise.all([listen(gatewayServer), listen(hostServer)]);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const serverUrl = `http://127.0.0.1:${hostPort}`;

  const gateway = createSandboxGateway({
    allowedOrigins: [serverUrl],
    secretKey,
    publishableKey: options.publishableKey,
    now: clock.now,
    dbUrl: `file:${join(dataDir, 'gateway.db')}`,
    logger: gatewayLog,
  });
  apps.gateway = gateway;
  const host = createHostServer({
    dbUrl: `file:${join(dataDir, 'demo.db')}`,
    gatewayUrl,
    gatewayPublicUrl: gatewayUrl,
    gatewaySecretKey: secretKey,
    gatewayPublishableKey: options.publishableKey,
    publicOrigin: serverUrl,
    limits: { ...RELAXED_LIMITS, ...options.limits },
    now: clock.now,
    logger: serverLog,
    distDir: options.distDir,
  });
  apps.host = host;
  await Promise.all([gateway.ready, host.ready]);

  const makeSession = (account: DemoAccount | null, cookie: string, csrfToken: string): Session => {
    const sessionFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set('Cookie', cookie);
      const url = typeof input === 'string' && input.startsWith('/') ? serverUrl + input : input;
      return fetch(url, { ...init, headers });
    };
    const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<Res<T>> => {
      const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
      if (opts.body !== undefined) headers['Content-Type'] ??= 'application/json';
      if (opts.csrf !== false && csrfToken && method !== 'GET') headers['X-CSRF-Token'] ??= csrfToken;
      if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
      const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      return toRes<T>(await sessionFetch(path, { method, headers, body, redirect: 'manual' }));
    };
    return {
      account,
      csrfToken,
      fetch: sessionFetch,
      request,
      get: (path) => request('GET', path),
      post: (path, body, opts = {}) => request('POST', path, { ...opts, body }),
      del: (path, opts = {}) => request('DELETE', path, opts),
    };
  };

  const env: TestEnv = {
    serverUrl,
    gatewayUrl,
    secretKey,
    clock,
    serverLog,
    gatewayLog,
    host,
    gateway,
    dataDir,
    async signIn(account = OWNER) {
      const response = await fetch(`${serverUrl}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      assert.equal(response.status, 200, `sign-in as ${account.email}`);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      return makeSession(account, cookie, csrfToken);
    },
    anonymous: () => makeSession(null, '', ''),
    async tokenize(number, card = {}) {
      const response = await fetch(`${gatewayUrl}/v1/tokens`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: serverUrl,
          ...(options.publishableKey ? { Authorization: `Bearer ${options.publishableKey}` } : {}),
        },
        body: JSON.stringify({
          number,
          expMonth: card.expMonth ?? 12,
          expYear: card.expYear ?? clock.now().getUTCFullYear() + 3,
          cvc: card.cvc ?? (number.startsWith('34') || number.startsWith('37') ? '1234' : '123'),
          name: card.name ?? 'Ada Lovelace',
        }),
      });
      const json = (await response.json()) as { token?: string };
      assert.equal(response.status, 200, `tokenize …${number.slice(-4)}`);
      return json.token as string;
    },
    async latestCode() {
      const response = await fetch(`${gatewayUrl}/demo/messages`);
      const { messages } = (await response.json()) as { messages: { code: string }[] };
      assert.ok(messages.length > 0, 'a code was sent to the demo phone');
      return messages[0].code;
    },
    async gatewayApi(method, path, body) {
      return toRes(
        await fetch(gatewayUrl + path, {
          method,
          headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    },
    async close() {
      await Promise.all([closeServer(hostServer), closeServer(gatewayServer)]);
      await Promise.all([host.close(), gateway.close()]);
      try {
        const leaks = cardNumbersIn({
          ...dataFiles(dataDir),
          'server log': serverLog.lines.join('\n'),
          'server log before redaction': serverLog.unredacted.join('\n'),
          'gateway log': gatewayLog.lines.join('\n'),
          'gateway log before redaction': gatewayLog.unredacted.join('\n'),
        });
        assert.deepEqual(leaks, [], 'no card number in the databases or the logs');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  return env;
}

/** A fresh idempotency key. */
export function key(): string {
  return crypto.randomUUID();
}

/** Test card numbers (the sandbox gateway's table). */
export const CARDS = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  discover: '6011111111111117',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expiredCard: '4000000000000069',
  incorrectCvc: '4000000000000127',
  otp: '4000002500003155',
  visaDebit: '4000056655665556',
} as const;

/** A billing address for new cards. */
export const ADDRESS = { line1: '10 Downing Street', city: 'London', region: 'Greater London', postalCode: 'SW1A 2AA', country: 'GB' };

/** An `AddCardRequest` for a token. */
export function addCardBody(token: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { token, nameOnCard: 'Ada Lovelace', billing: { address: ADDRESS }, setDefault: false, ...extra };
}
