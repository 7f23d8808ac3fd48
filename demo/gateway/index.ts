/**
 * The sandbox gateway: a stand-in for a real payment gateway's direct-post tokenization, on its own
 * origin. Browsers post the card number and code to `POST /v1/tokens` and get back an opaque,
 * single-use token and masked facts; the host server then works with the token through the secret-key
 * API (payment methods, charges, one-time-code verifications), the way it would with Stripe.
 *
 * Test numbers behave like Stripe's (see `test-cards.ts`): they tokenize fine and decline, or ask for
 * a one-time code, when the token is used. The code is "texted" to the demo phone: `GET
 * /demo/messages`, which the demo pages poll.
 *
 * Nothing here keeps or logs a card number: a token remembers brand, last four, expiry, funding and
 * the test behaviour; request bodies are never logged.
 */
import { createHash, randomInt } from 'node:crypto';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import cardValidator from 'card-validator';
import { redactCardNumbers } from '../../src/core/pan-scan.js';
import type { CardBrand } from '../../src/endpoint/types.js';
import { isCardExpired } from '../lib/expiry.js';
import { readJsonObject, sameSecret } from '../lib/http.js';
import { randomId } from '../lib/ids.js';
import { createLogger } from '../lib/logger.js';
import type { Logger } from '../lib/logger.js';
import { openDatabase } from '../lib/sql.js';
import { GatewayStore } from './store.js';
import type { CardFacts, ChargeRecord, PaymentMethodRecord, TokenRecord, VerificationRecord } from './store.js';
import { behaviourOf, fundingOf } from './test-cards.js';
import type { TestCardBehaviour } from './test-cards.js';

export { SEEDED_PAYMENT_METHODS, DEMO_AMEX, DEMO_MASTERCARD, DEMO_VISA } from './seed.js';
export type { CardFacts } from './store.js';

/** Options for {@link createSandboxGateway}. */
export interface SandboxGatewayOptions {
  /** Origins whose pages may tokenize and read the demo phone (CORS), e.g. `['http://localhost:8080']`. */
  allowedOrigins: string[];
  /** The secret key servers send as `Authorization: Bearer …` on the server-to-server API. */
  secretKey: string;
  /** When set, `POST /v1/tokens` requires `Authorization: Bearer <publishableKey>`. */
  publishableKey?: string;
  /** The clock (expiry checks, code lifetimes). Default: the system clock. */
  now?: () => Date;
  /** Where the gateway keeps its state: `'file:demo/data/gateway.db'`, or `':memory:'` (the default). */
  dbUrl?: string;
  /** Where request lines go. Default: stdout. */
  logger?: Logger;
  /** How long a one-time code is valid. Default 10 minutes. */
  codeTtlMs?: number;
}

/** A running sandbox gateway. */
export interface SandboxGateway {
  /** The Hono app; serve it with `@hono/node-server`. */
  app: Hono;
  /** Resolves once the database is ready (requests wait for it too). */
  ready: Promise<void>;
  /** Forgets every token, payment method and message, then seeds the demo payment methods again. */
  reset(): Promise<void>;
  /** Closes the database. */
  close(): Promise<void>;
}

/** The verification as the gateway's API shows it: never the code. */
export interface GatewayVerification {
  id: string;
  kind: 'otp';
  status: VerificationRecord['status'];
  sentTo: string;
  expiresAt: string;
  codeLength: number;
}

/** A reusable payment method as the gateway's API shows it. */
export interface GatewayPaymentMethod extends CardFacts {
  id: string;
  createdAt: string;
}

/** A charge as the gateway's API shows it. */
export interface GatewayCharge {
  id: string;
  amount: number;
  currency: string;
  status: 'succeeded';
  card: CardFacts;
  paymentMethod: string | null;
  createdAt: string;
}

/** A message on the demo phone. */
export interface DemoMessage {
  id: string;
  verificationId: string;
  sentTo: string;
  code: string;
  text: string;
  createdAt: string;
}

/** The sandbox phone number the codes go to, masked as a real gateway would show it. */
const SANDBOX_PHONE = '•••• 0142';
const CODE_LENGTH = 6;
const CODE_ATTEMPTS = 3;
const CODE_RESENDS = 3;
const DEFAULT_CODE_TTL_MS = 10 * 60_000;
/** Expiry years further out than this are refused, as card networks do. */
const MAX_EXPIRY_YEARS_AHEAD = 20;

type ErrorExtra = { field?: 'number' | 'expiry' | 'code' | 'token' | 'amount' | 'currency' | 'paymentMethod' | 'name'; declineCode?: string; reason?: string; attemptsLeft?: number };

function fail(c: Context, status: ContentfulStatusCode, code: string, message: string, extra: ErrorExtra = {}): Response {
  return c.json({ error: { code, message, ...extra } }, status);
}

function showVerification(v: VerificationRecord): GatewayVerification {
  return { id: v.id, kind: 'otp', status: v.status, sentTo: v.sentTo, expiresAt: v.expiresAt, codeLength: CODE_LENGTH };
}

function showPaymentMethod(pm: PaymentMethodRecord): GatewayPaymentMethod {
  return { id: pm.id, ...pm.card, createdAt: pm.createdAt };
}

function showCharge(charge: ChargeRecord): GatewayCharge {
  return {
    id: charge.id,
    amount: charge.amount,
    currency: charge.currency,
    status: charge.status,
    card: charge.card,
    paymentMethod: charge.paymentMethodId,
    createdAt: charge.createdAt,
  };
}

function newCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
}

function codeHash(verificationId: string, code: string): string {
  return createHash('sha256').update(`${verificationId}:${code}`).digest('base64url');
}

const DECLINE_MESSAGES: Record<NonNullable<TestCardBehaviour['declineCode']>, string> = {
  generic_decline: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: "The card's security code is incorrect.",
};

/**
 * Creates the sandbox gateway.
 *
 * @example
 * const gateway = createSandboxGateway({ allowedOrigins: ['http://localhost:8080'], secretKey: 'sk_sandbox' });
 * serve({ fetch: gateway.app.fetch, port: 8081 });
 */
export function createSandboxGateway(options: SandboxGatewayOptions): SandboxGateway {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('gateway');
  const codeTtlMs = options.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
  const allowedOrigins = new Set(options.allowedOrigins);
  const { client: db, ready: dbReady } = openDatabase(options.dbUrl ?? ':memory:');
  const store = new GatewayStore(db);
  const ready = dbReady.then(() => store.migrate(now()));
  // a failed migration is reported by whoever awaits `ready`; requests answer 500 meanwhile
  ready.catch(() => undefined);

  const app = new Hono();

  // Request log: method, path, status, time. Bodies are never logged, not even in part.
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const hasBody = c.req.header('content-length') !== undefined && c.req.header('content-length') !== '0';
    logger.info('request', {
      method: c.req.method,
      // the path is the caller's text (a mistyped GET /v1/tokens/<number>): redacted here, not only by the logger
      path: redactCardNumbers(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      body: hasBody ? '[redacted]' : undefined,
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );
  app.use(async (c, next) => {
    await ready;
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(bodyLimit({ maxSize: 8 * 1024, onError: (c) => fail(c, 413, 'invalid_request', 'The body is too large.') }));
  app.onError((error, c) => {
    logger.error('unhandled error', { path: redactCardNumbers(c.req.path), error: error.name });
    return fail(c, 500, 'api_error', 'The sandbox gateway failed.');
  });
  app.notFound((c) => fail(c, 404, 'resource_missing', 'No such route.'));

  // --- browser routes: CORS for the allowed origins only ------------------------------------------
  const browserOnlyFromAllowedOrigins: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    // A request without Origin is not from a browser page (curl, a test): nothing for CORS to protect.
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return fail(c, 403, 'origin_not_allowed', 'This origin may not use the sandbox gateway.');
    }
    await next();
  };
  const browserCors = (methods: string[]): MiddlewareHandler =>
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      allowMethods: methods,
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
    });
  app.use('/v1/tokens', browserOnlyFromAllowedOrigins, browserCors(['POST']));
  app.use('/demo/messages', browserOnlyFromAllowedOrigins, browserCors(['GET']));

  app.post('/v1/tokens', async (c) => {
    if (options.publishableKey !== undefined) {
      const key = bearer(c);
      if (key === null || !sameSecret(key, options.publishableKey)) {
        return fail(c, 401, 'invalid_api_key', 'A valid publishable key is required.');
      }
    }
    const body = await readJsonObject(c);
    if (!body.ok) return fail(c, 400, 'invalid_request', 'The body must be a JSON object.');
    const { number, expMonth, expYear, cvc, name } = body.value;

    if (typeof number !== 'string' || !/^[0-9]{12,19}$/.test(number)) {
      return fail(c, 400, 'incorrect_number', 'The card number must be 12 to 19 digits.', { field: 'number' });
    }
    const checked = cardValidator.number(number);
    if (!checked.isValid || !checked.card) {
      return fail(c, 400, 'incorrect_number', 'The card number is not a valid card number.', { field: 'number' });
    }
    const today = now();
    if (typeof expMonth !== 'number' || !Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
      return fail(c, 400, 'invalid_expiry_month', 'The expiry month must be 1 to 12.', { field: 'expiry' });
    }
    if (typeof expYear !== 'number' || !Number.isInteger(expYear) || expYear < 1000 || expYear > 9999) {
      return fail(c, 400, 'invalid_expiry_year', 'The expiry year must have four digits.', { field: 'expiry' });
    }
    if (expYear > today.getUTCFullYear() + MAX_EXPIRY_YEARS_AHEAD) {
      return fail(c, 400, 'invalid_expiry_year', 'The expiry year is too far ahead.', { field: 'expiry' });
    }
    if (isCardExpired(expMonth, expYear, today)) {
      const code = expYear < today.getUTCFullYear() ? 'invalid_expiry_year' : 'invalid_expiry_month';
      return fail(c, 400, code, 'The card has expired.', { field: 'expiry' });
    }
    if (typeof cvc !== 'string' || !/^[0-9]+$/.test(cvc) || cvc.length !== checked.card.code.size) {
      return fail(c, 400, 'invalid_cvc', `The security code must be ${checked.card.code.size} digits.`, { field: 'code' });
    }
    if (name !== undefined && (typeof name !== 'string' || name.length > 200)) {
      return fail(c, 400, 'invalid_request', 'The name must be a string of at most 200 characters.', { field: 'name' });
    }

    const card: CardFacts = {
      brand: checked.card.type as CardBrand,
      last4: number.slice(-4),
      expMonth,
      expYear,
      funding: fundingOf(number),
    };
    const id = randomId('tok');
    await store.insertToken(id, card, behaviourOf(number), today);
    return c.json({ token: id, card });
  });

  app.get('/demo/messages', async (c) => {
    const messages: DemoMessage[] = (await store.messages(20)).map((m) => ({
      ...m,
      text: `Your Sandbox Pay verification code is ${m.code}. It expires in ${Math.round(codeTtlMs / 60_000)} minutes.`,
    }));
    return c.json({ messages });
  });

  // --- server-to-server routes: secret key, never from a browser page -----------------------------
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/tokens') return next();
    if (c.req.header('origin') !== undefined) {
      return fail(c, 403, 'forbidden', 'The secret-key API cannot be called from a browser page.');
    }
    const key = bearer(c);
    if (key === null || !sameSecret(key, options.secretKey)) {
      return fail(c, 401, 'invalid_api_key', 'A valid secret key is required.');
    }
    await next();
  });

  app.get('/v1/tokens/:id', async (c) => {
    const token = await store.token(c.req.param('id'));
    if (!token) return fail(c, 404, 'resource_missing', 'No such token.', { field: 'token' });
    return c.json({ token: { id: token.id, used: token.usedAt !== null, card: token.card, createdAt: token.createdAt } });
  });

  app.get('/v1/payment_methods/:id', async (c) => {
    const pm = await store.paymentMethod(c.req.param('id'));
    if (!pm) return fail(c, 404, 'resource_missing', 'No such payment method.', { field: 'paymentMethod' });
    return c.json({ paymentMethod: showPaymentMethod(pm) });
  });

  /** Takes a token for use: null and an answer when it is unknown or already used. */
  async function takeToken(c: Context, value: unknown): Promise<TokenRecord | Response> {
    if (typeof value !== 'string' || value === '') return fail(c, 400, 'invalid_request', 'A token is required.', { field: 'token' });
    const token = await store.token(value);
    if (!token) return fail(c, 404, 'resource_missing', 'No such token.', { field: 'token' });
    if (!(await store.useToken(token.id, now()))) {
      return fail(c, 409, 'token_used', 'This token has already been used.', { field: 'token', reason: 'token_used' });
    }
    return token;
  }

  async function startVerification(fields: Pick<VerificationRecord, 'purpose' | 'tokenId' | 'paymentMethodId' | 'amount' | 'currency' | 'savePaymentMethod'>): Promise<VerificationRecord> {
    const created = now();
    const id = randomId('vrf');
    const code = newCode();
    const verification: VerificationRecord = {
      ...fields,
      id,
      codeHash: codeHash(id, code),
      attemptsLeft: CODE_ATTEMPTS,
      resendsLeft: CODE_RESENDS,
      status: 'pending',
      sentTo: SANDBOX_PHONE,
      expiresAt: new Date(created.getTime() + codeTtlMs).toISOString(),
      createdAt: created.toISOString(),
      resultPaymentMethodId: null,
      resultChargeId: null,
    };
    await store.insertVerification(verification);
    await sendCode(verification, code);
    return verification;
  }

  /** "Texts" the code to the demo phone. */
  async function sendCode(v: VerificationRecord, code: string): Promise<void> {
    await store.insertMessage({ id: randomId('msg'), verificationId: v.id, sentTo: v.sentTo, code, createdAt: now().toISOString() });
  }

  async function charge(card: CardFacts, amount: number, currency: string, paymentMethodId: string | null): Promise<ChargeRecord> {
    const record: ChargeRecord = { id: randomId('ch'), amount, currency, status: 'succeeded', card, paymentMethodId, createdAt: now().toISOString() };
    await store.insertCharge(record);
    return record;
  }

  function decline(c: Context, behaviour: TestCardBehaviour): Response | null {
    if (!behaviour.declineCode) return null;
    return fail(c, 402, 'card_declined', DECLINE_MESSAGES[behaviour.declineCode], { declineCode: behaviour.declineCode });
  }

  // Saves a token as a reusable payment method (Stripe: attach / SetupIntent).
  app.post('/v1/payment_methods', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return fail(c, 400, 'invalid_request', 'The body must be a JSON object.');
    const token = await takeToken(c, body.value.token);
    if (token instanceof Response) return token;
    const declined = decline(c, token.behaviour);
    if (declined) return declined;
    if (token.behaviour.requiresOtp) {
      const verification = await startVerification({
        purpose: 'payment_method',
        tokenId: token.id,
        paymentMethodId: null,
        amount: null,
        currency: null,
        savePaymentMethod: true,
      });
      return c.json({ status: 'requires_action', verification: showVerification(verification) });
    }
    const pm = await store.insertPaymentMethod(randomId('pm'), token.card, token.behaviour, now());
    return c.json({ status: 'succeeded', paymentMethod: showPaymentMethod(pm) });
  });

  // Charges a payment method, or a token once (optionally keeping it as a payment method).
  app.post('/v1/charges', async (c) => {
    const body = await readJsonObject(c);
    if (!body.ok) return fail(c, 400, 'invalid_request', 'The body must be a JSON object.');
    const { amount, currency, paymentMethod, token, savePaymentMethod } = body.value;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      return fail(c, 400, 'invalid_request', 'The amount must be a positive integer (minor units).', { field: 'amount' });
    }
    if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
      return fail(c, 400, 'invalid_request', 'The currency must be an ISO 4217 code.', { field: 'currency' });
    }
    const upperCurrency = currency.toUpperCase();

    if (typeof paymentMethod === 'string') {
      const pm = await store.paymentMethod(paymentMethod);
      if (!pm) return fail(c, 404, 'resource_missing', 'No such payment method.', { field: 'paymentMethod' });
      if (isCardExpired(pm.card.expMonth, pm.card.expYear, now())) {
        return fail(c, 402, 'card_declined', DECLINE_MESSAGES.expired_card, { declineCode: 'expired_card' });
      }
      const declined = decline(c, pm.behaviour);
      if (declined) return declined;
      if (pm.behaviour.requiresOtp) {
        const verification = await startVerification({
          purpose: 'charge',
          tokenId: null,
          paymentMethodId: pm.id,
          amount,
          currency: upperCurrency,
          savePaymentMethod: false,
        });
        return c.json({ status: 'requires_action', verification: showVerification(verification) });
      }
      return c.json({ status: 'succeeded', charge: showCharge(await charge(pm.card, amount, upperCurrency, pm.id)) });
    }

    const taken = await takeToken(c, token);
    if (taken instanceof Response) return taken;
    const declined = decline(c, taken.behaviour);
    if (declined) return declined;
    const save = savePaymentMethod === true;
    if (taken.behaviour.requiresOtp) {
      const verification = await startVerification({
        purpose: 'charge',
        tokenId: taken.id,
        paymentMethodId: null,
        amount,
        currency: upperCurrency,
        savePaymentMethod: save,
      });
      return c.json({ status: 'requires_action', verification: showVerification(verification) });
    }
    const pm = save ? await store.insertPaymentMethod(randomId('pm'), taken.card, taken.behaviour, now()) : null;
    const record = await charge(taken.card, amount, upperCurrency, pm?.id ?? null);
    return c.json({ status: 'succeeded', charge: showCharge(record), ...(pm ? { paymentMethod: showPaymentMethod(pm) } : {}) });
  });

  /** The verification, with `expired` applied if its time is up. */
  async function currentVerification(id: string): Promise<VerificationRecord | null> {
    const v = await store.verification(id);
    if (v && v.status === 'pending' && now().toISOString() >= v.expiresAt) {
      v.status = 'expired';
      await store.updateVerification(v);
    }
    return v;
  }

  app.post('/v1/verifications/:id/confirm', async (c) => {
    const v = await currentVerification(c.req.param('id'));
    if (!v) return fail(c, 404, 'resource_missing', 'No such verification.');
    if (v.status === 'expired') return fail(c, 410, 'verification_failed', 'The code has expired.', { reason: 'expired' });
    if (v.status !== 'pending') {
      return fail(c, 409, 'verification_not_pending', `The verification is ${v.status}.`, { reason: v.status });
    }
    const body = await readJsonObject(c);
    const code = body.ok ? body.value.code : undefined;
    if (typeof code !== 'string' || !sameSecret(codeHash(v.id, code), v.codeHash)) {
      v.attemptsLeft -= 1;
      if (v.attemptsLeft <= 0) v.status = 'failed';
      await store.updateVerification(v);
      return fail(c, 422, 'verification_failed', 'The code is not correct.', {
        reason: v.status === 'failed' ? 'attempts_exhausted' : 'wrong_code',
        attemptsLeft: Math.max(0, v.attemptsLeft),
      });
    }

    v.status = 'succeeded';
    const token = v.tokenId ? await store.token(v.tokenId) : null;
    const source = token ?? (v.paymentMethodId ? await store.paymentMethod(v.paymentMethodId) : null);
    if (!source) return fail(c, 500, 'api_error', 'The verification has lost its card.');
    let pm: PaymentMethodRecord | null = null;
    if (token && v.savePaymentMethod) pm = await store.insertPaymentMethod(randomId('pm'), token.card, token.behaviour, now());
    v.resultPaymentMethodId = pm?.id ?? v.paymentMethodId;
    let chargeRecord: ChargeRecord | null = null;
    if (v.purpose === 'charge' && v.amount !== null && v.currency !== null) {
      chargeRecord = await charge(source.card, v.amount, v.currency, v.resultPaymentMethodId);
      v.resultChargeId = chargeRecord.id;
    }
    await store.updateVerification(v);
    return c.json({
      status: 'succeeded',
      verification: showVerification(v),
      ...(pm ? { paymentMethod: showPaymentMethod(pm) } : {}),
      ...(chargeRecord ? { charge: showCharge(chargeRecord) } : {}),
    });
  });

  app.post('/v1/verifications/:id/resend', async (c) => {
    const v = await currentVerification(c.req.param('id'));
    if (!v) return fail(c, 404, 'resource_missing', 'No such verification.');
    if (v.status !== 'pending' && v.status !== 'expired') {
      return fail(c, 409, 'verification_not_pending', `The verification is ${v.status}.`, { reason: v.status });
    }
    if (v.resendsLeft <= 0) {
      c.header('Retry-After', String(Math.ceil(codeTtlMs / 1000)));
      return fail(c, 429, 'rate_limited', 'Too many codes sent for this verification.');
    }
    const code = newCode();
    v.resendsLeft -= 1;
    v.codeHash = codeHash(v.id, code);
    v.attemptsLeft = CODE_ATTEMPTS;
    v.status = 'pending';
    v.expiresAt = new Date(now().getTime() + codeTtlMs).toISOString();
    await store.updateVerification(v);
    await sendCode(v, code);
    return c.json({ verification: showVerification(v) });
  });

  app.post('/v1/verifications/:id/cancel', async (c) => {
    const v = await currentVerification(c.req.param('id'));
    if (!v) return fail(c, 404, 'resource_missing', 'No such verification.');
    if (v.status === 'pending' || v.status === 'expired') {
      v.status = 'cancelled';
      await store.updateVerification(v);
    } else if (v.status !== 'cancelled') {
      return fail(c, 409, 'verification_not_pending', `The verification is ${v.status}.`, { reason: v.status });
    }
    return c.json({ verification: showVerification(v) });
  });

  return {
    app,
    ready,
    reset: async () => {
      await ready;
      await store.reset(now());
    },
    close: async () => {
      await ready.catch(() => undefined);
      db.close();
    },
  };
}

function bearer(c: Context): string | null {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}
