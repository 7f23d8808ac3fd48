/**
 * The host endpoint (`/api`): the routes of the contract (docs/endpoint.md), plus the demo's own
 * session routes and two read-only routes the demo pages use (wallet, subscription).
 *
 * Order of checks on every request: cross-site mutations refused (403) → no card number anywhere in
 * the URL or the body (422) → signed in (401) → CSRF token on mutations (403) →
 * the body's shape (422) → idempotency replay → the rule itself.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { containsCardNumber, redactCardNumbers } from '../../src/core/pan-scan.js';
import { readJsonObject, sameSecret } from '../lib/http.js';
import { randomSecret } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import { findCardNumberInBody } from './card-number-guard.js';
import type { HostContext, HostEnv } from './context.js';
import { AccountLocks, canonicalJson, clientIp, isMutation, send } from './context.js';
import { GatewayUnavailableError } from './gateway-client.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { ApiProblem, forbidden, invalid, notFound, rateLimited, unauthenticated } from './problems.js';
import type { ApiResult } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import { readAddCardRequest, readConfirmRequest, readId, readPaymentRequest, readSignIn } from './requests.js';
import type { CardService, HostLimits } from './service.js';
import { hash } from './store.js';
import type { Account, HostStore } from './store.js';

/** What the API routes need. */
export interface ApiDeps {
  store: HostStore;
  service: CardService;
  limits: HostLimits;
  now: () => Date;
  logger: Logger;
  /** Origins a mutation may come from (`Origin` header), besides the request's own. */
  trustedOrigins: Set<string>;
  session: SessionCookies;
}

/** Session cookie handling, shared with the sign-in form of the pages. */
export interface SessionCookies {
  name: string;
  secure: boolean;
}

/** Bodies above this size are refused (413) before anything reads them. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Statuses whose answer is stored for an Idempotency-Key replay (not 401/403/422/429/5xx). */
function storable(status: number): boolean {
  return (status >= 200 && status < 300) || [402, 404, 409, 410].includes(status);
}

/**
 * Refuses a mutation that a browser marks as cross-site, or whose Origin is foreign. Returns the
 * reason, or null when the request may go on.
 */
export function crossSiteRefusal(c: HostContext, trustedOrigins: Set<string>): string | null {
  if (!isMutation(c.req.method)) return null;
  if (c.req.header('sec-fetch-site') === 'cross-site') return 'Cross-site requests may not change anything.';
  const origin = c.req.header('origin');
  if (origin === 'null') {
    // Under Referrer-Policy: no-referrer a browser sends `Origin: null` even for its own forms;
    // Sec-Fetch-Site still tells the truth, so an opaque origin passes only when it says same-origin.
    return c.req.header('sec-fetch-site') === 'same-origin' ? null : 'Requests from an opaque origin may not change anything.';
  }
  if (origin !== undefined && origin !== new URL(c.req.url).origin && !trustedOrigins.has(origin)) {
    return 'Requests from another origin may not change anything.';
  }
  return null;
}

/** Signs an account in: a new session, its cookie, and its CSRF token. */
export async function startSession(c: HostContext, deps: ApiDeps, account: Account): Promise<string> {
  const sessionId = randomSecret();
  const csrfToken = randomSecret();
  const now = deps.now();
  await deps.store.insertSession(sessionId, account.id, csrfToken, now, new Date(now.getTime() + deps.limits.sessionTtlMs));
  setCookie(c, deps.session.name, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.session.secure,
    path: '/',
    maxAge: Math.floor(deps.limits.sessionTtlMs / 1000),
  });
  c.set('account', account);
  c.set('csrfToken', csrfToken);
  deps.logger.info('signed in', { account: account.id });
  return csrfToken;
}

/** Ends the current session and clears its cookie. */
export async function endSession(c: HostContext, deps: ApiDeps): Promise<void> {
  const sessionId = c.get('sessionId');
  if (sessionId) await deps.store.deleteSession(sessionId);
  deleteCookie(c, deps.session.name, { path: '/', secure: deps.session.secure });
}

/** Checks e-mail and password, with a per-IP limit on failures. Resolves with the account or throws. */
export async function authenticate(c: HostContext, deps: ApiDeps, limiter: RateLimiter, email: string, password: string): Promise<Account> {
  const ip = clientIp(c);
  const wait = limiter.retryAfter(ip);
  if (wait > 0) throw rateLimited(wait, 'Too many failed sign-ins; try again later.');
  const found = await deps.store.accountByEmail(email);
  // an unknown e-mail costs the same scrypt as a wrong password, so timing does not reveal accounts
  const ok = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
  if (!found || !ok) {
    limiter.record(ip);
    deps.logger.warn('sign-in failed');
    throw new ApiProblem(401, { code: 'unauthenticated', message: 'The e-mail or password is not correct.' });
  }
  return found.account;
}

/** The API's own checks, for routes a gateway mode adds or takes over (see `createApi`'s `extend`). */
export interface ApiRouteKit {
  /** The signed-in account (401 otherwise). */
  account(c: HostContext): Account;
  /** The JSON object body (422 otherwise). */
  body(c: HostContext): Promise<Record<string, unknown>>;
  /** Runs a mutation under the account's lock with Idempotency-Key replay, as the contract's routes do. */
  idempotent(c: HostContext, json: unknown, required: boolean, work: () => Promise<ApiResult>): Promise<Response>;
}

/**
 * Creates the `/api` routes. `extend` registers routes before the contract's own, behind the same
 * checks (cross-site, card numbers, session, CSRF), so a gateway mode (Stripe) can add routes and
 * take over some of the contract's.
 */
export function createApi(deps: ApiDeps, signInLimiter: RateLimiter, extend?: (api: Hono<HostEnv>, kit: ApiRouteKit) => void): Hono<HostEnv> {
  const { store, service } = deps;
  const locks = new AccountLocks();
  const api = new Hono<HostEnv>();

  api.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // the largest legitimate body (a payment with a new card and an address) is well under 2 KB
  api.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => send(c, new ApiProblem(413, { code: 'validation_failed', field: 'body', message: 'The body is too large.' }).toResult()),
    }),
  );

  api.use(async (c, next) => {
    const refusal = crossSiteRefusal(c, deps.trustedOrigins);
    if (refusal) throw forbidden(refusal);

    const url = new URL(c.req.url);
    if (containsCardNumber(decodeURIComponentSafe(url.pathname + url.search))) {
      throw invalid('url', 'The URL may not carry a card number.');
    }
    // The Idempotency-Key is not checked: it is only ever stored as a hash and never logged, and
    // 0.27% of random UUIDs hold a Luhn-valid digit run across their dashes (4821-9034-…).
    if (isMutation(c.req.method)) {
      const field = findCardNumberInBody(await c.req.text(), c.req.header('content-type'));
      if (field !== undefined) throw invalid(field, 'No field may carry a card number: send the token from the tokenizer instead.');
    }

    const isSignIn = c.req.path.endsWith('/session') && c.req.method === 'POST';
    if (!isSignIn) {
      if (!c.get('account')) throw unauthenticated();
      if (isMutation(c.req.method)) {
        const expected = c.get('csrfToken');
        const sent = c.req.header('x-csrf-token');
        if (!expected || !sent || !sameSecret(sent, expected)) throw forbidden('The CSRF token is missing or wrong.');
      }
    }
    await next();
  });

  api.onError((error, c) => problemResponse(c, error, deps.logger));
  api.notFound((c) => send(c, notFound('route').toResult()));

  const account = (c: HostContext): Account => {
    const current = c.get('account');
    if (!current) throw unauthenticated();
    return current;
  };

  const body = async (c: HostContext): Promise<Record<string, unknown>> => {
    const parsed = await readJsonObject(c);
    if (!parsed.ok) throw invalid('body', 'The body must be a JSON object.');
    return parsed.value;
  };

  /**
   * Runs a mutation under the account's lock, honouring `Idempotency-Key`: the same key with the
   * same body replays the stored answer; with another body it is refused (422).
   */
  const idempotent = async (c: HostContext, json: unknown, required: boolean, work: () => Promise<ApiResult>): Promise<Response> => {
    const owner = account(c);
    const key = c.req.header('idempotency-key');
    if (key === undefined || key === '') {
      if (required) throw invalid('Idempotency-Key', 'This request needs an Idempotency-Key header.');
      return send(c, await locks.run(owner.id, () => capture(work)));
    }
    if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) throw invalid('Idempotency-Key', 'The Idempotency-Key is malformed.');
    const requestHash = hash(`${c.req.method} ${c.req.path}\n${canonicalJson(json)}`);
    return locks.run(owner.id, async () => {
      const stored = await store.storedResponse(owner.id, key);
      if (stored) {
        if (stored.requestHash !== requestHash) {
          throw new ApiProblem(422, { code: 'idempotency_key_reused', message: 'This Idempotency-Key was used with another request.' });
        }
        c.header('Idempotent-Replayed', 'true');
        return c.body(stored.body, stored.status as 200, { 'Content-Type': 'application/json; charset=utf-8' });
      }
      const result = await capture(work);
      if (storable(result.status)) {
        const text = JSON.stringify(result.body);
        // unreachable by construction (answers are built from masked columns); never store one anyway
        if (containsCardNumber(text)) throw new ApiProblem(500, { code: 'server_error', message: 'Refusing to store this answer.' });
        await store.storeResponse(owner.id, key, { requestHash, status: result.status, body: text }, deps.now());
      }
      return send(c, result);
    });
  };

  extend?.(api, { account, body, idempotent });

  // --- session (demo only) -----------------------------------------------------------------------
  api.post('/session', async (c) => {
    const { email, password } = readSignIn(await body(c));
    const signedIn = await authenticate(c, deps, signInLimiter, email, password);
    const csrfToken = await startSession(c, deps, signedIn);
    return c.json({ account: { id: signedIn.id, email: signedIn.email }, csrfToken });
  });
  api.get('/session', (c) => {
    const current = account(c);
    return c.json({ account: { id: current.id, email: current.email }, csrfToken: c.get('csrfToken') });
  });
  api.delete('/session', async (c) => {
    await endSession(c, deps);
    return c.json({ signedOut: true });
  });

  // --- cards -------------------------------------------------------------------------------------
  api.get('/cards', async (c) => c.json(await service.cardList(account(c).id)));

  api.post('/cards', async (c) => {
    const json = await body(c);
    const input = readAddCardRequest(json);
    return idempotent(c, json, true, () => service.addCard(account(c), input, clientIp(c)));
  });

  api.post('/cards/:id/default', async (c) => {
    const json = await body(c);
    const cardId = readId(c.req.param('id'), 'id');
    return idempotent(c, json, false, () => service.setDefault(account(c).id, cardId));
  });

  api.delete('/cards/:id', async (c) => {
    const cardId = readId(c.req.param('id'), 'id');
    const owner = account(c);
    return send(c, await locks.run(owner.id, () => capture(() => service.removeCard(owner.id, cardId))));
  });

  // --- addresses, invoices, wallet, subscription -------------------------------------------------
  api.get('/addresses', async (c) => c.json({ addresses: await store.addresses(account(c).id) }));

  api.get('/invoices', async (c) => c.json({ invoices: await store.invoices(account(c).id) }));

  api.get('/invoices/:id', async (c) => {
    const invoice = await store.invoice(account(c).id, readId(c.req.param('id'), 'id'));
    if (!invoice) throw notFound('invoice');
    return c.json({ invoice });
  });

  /** Demo only: the wallet balance the Billing page shows. */
  api.get('/wallet', async (c) => {
    const balance = await store.wallet(account(c).id);
    return c.json({ wallet: balance ? { balance } : null });
  });

  /** Demo only: the subscription the Billing page shows, and the card it is charged to (the default). */
  api.get('/subscription', async (c) => {
    const id = account(c).id;
    const [subscription, list] = await Promise.all([store.activeSubscription(id), service.cardList(id)]);
    const card = list.cards.find((candidate) => candidate.isDefault) ?? null;
    return c.json({ subscription, card });
  });

  // --- payments and verifications ----------------------------------------------------------------
  api.post('/payments', async (c) => {
    const json = await body(c);
    const input = readPaymentRequest(json);
    return idempotent(c, json, true, () => service.pay(account(c), input, clientIp(c)));
  });

  api.post('/verifications/:id/confirm', async (c) => {
    const json = await body(c);
    const id = readId(c.req.param('id'), 'id');
    const code = readConfirmRequest(json);
    return idempotent(c, json, false, () => service.confirm(account(c).id, id, code));
  });

  api.post('/verifications/:id/resend', async (c) => {
    const json = await body(c);
    const id = readId(c.req.param('id'), 'id');
    return idempotent(c, json, false, () => service.resend(account(c).id, id));
  });

  api.post('/verifications/:id/cancel', async (c) => {
    const json = await body(c);
    const id = readId(c.req.param('id'), 'id');
    return idempotent(c, json, false, () => service.cancel(account(c).id, id));
  });

  return api;
}

/** Runs work and turns an {@link ApiProblem} into its answer (other errors propagate). */
async function capture(work: () => Promise<ApiResult>): Promise<ApiResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiProblem) return error.toResult();
    throw error;
  }
}

/** The JSON answer for any error thrown by a route. */
export function problemResponse(c: HostContext, error: unknown, logger: Logger): Response {
  if (error instanceof ApiProblem) return send(c, error.toResult());
  if (error instanceof GatewayUnavailableError) {
    logger.error('gateway unavailable', { path: redactCardNumbers(c.req.path) });
    return send(c, new ApiProblem(502, { code: 'server_error', message: 'The payment gateway is unavailable.' }).toResult());
  }
  logger.error('unhandled error', { path: redactCardNumbers(c.req.path), error: error instanceof Error ? error.name : 'unknown' });
  return send(c, new ApiProblem(500, { code: 'server_error', message: 'Something went wrong on our side.' }).toResult());
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
