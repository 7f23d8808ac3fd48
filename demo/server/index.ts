/**
 * The reference host server: a customer portal's own backend, as the saved-cards elements expect it
 * (docs/endpoint.md), plus the demo portal's pages.
 *
 * It stores gateway payment-method ids and masked facts in SQLite and never sees a card number: the
 * pages' elements send card data straight to the gateway's token endpoint (another origin), and any
 * request that carries a card number anyway is refused (422).
 *
 * @example
 * const host = createHostServer({
 *   dbUrl: 'file:demo/data/demo.db',
 *   gatewayUrl: 'http://127.0.0.1:8081',
 *   gatewayPublicUrl: 'http://localhost:8081',
 *   gatewaySecretKey: 'sk_sandbox_…',
 *   publicOrigin: 'http://localhost:8080',
 * });
 * serve({ fetch: host.app.fetch, port: 8080 });
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { redactCardNumbers } from '../../src/core/pan-scan.js';
import type { Invoice } from '../../src/endpoint/types.js';
import { originOf, sameSecret } from '../lib/http.js';
import { createLogger } from '../lib/logger.js';
import type { Logger } from '../lib/logger.js';
import { openDatabase } from '../lib/sql.js';
import type { ApiDeps } from './api.js';
import { findCardNumberInBody } from './card-number-guard.js';
import { MAX_BODY_BYTES, authenticate, createApi, crossSiteRefusal, endSession, problemResponse, startSession } from './api.js';
import type { HostContext, HostEnv } from './context.js';
import { GatewayClient } from './gateway-client.js';
import type { PageContext } from './pages.js';
import { billingPage, cardsPage, invoicesPage, notFoundPage, profilePage, signInPage, termsPage } from './pages.js';
import { ApiProblem } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import { DEMO_ACCOUNTS, seedDemoData } from './seed.js';
import { CardService, DEFAULT_LIMITS } from './service.js';
import type { HostLimits } from './service.js';
import { HostStore } from './store.js';
import { STRIPE_CSP } from './stripe/csp.js';
import { createStripeMode } from './stripe/index.js';
import type { StripeModeOptions } from './stripe/index.js';

export { DEFAULT_LIMITS } from './service.js';
export type { HostLimits } from './service.js';
export { DEMO_ACCOUNTS, OWNER, SUB_ACCOUNT, SEED_IDS } from './seed.js';
export type { DemoAccount } from './seed.js';

/** Options for {@link createHostServer}. */
export interface HostServerOptions {
  /** `'file:demo/data/demo.db'` or `':memory:'`. A fresh database is seeded with the demo data. */
  dbUrl: string;
  /** The gateway's base URL as this server reaches it (server to server). */
  gatewayUrl: string;
  /** The gateway's base URL as browsers reach it: pages put `${gatewayPublicUrl}/v1/tokens` in `token-endpoint`. */
  gatewayPublicUrl: string;
  /** The gateway's secret key. */
  gatewaySecretKey: string;
  /** The gateway's publishable key, when its token endpoint requires one: the pages' elements send it. */
  gatewayPublishableKey?: string;
  /** Stripe mode (STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY): cards live at Stripe, the pages use `gateway="stripe"`. */
  stripe?: StripeModeOptions;
  /** This server's origin as browsers see it (`http://localhost:8080`); https turns on Secure cookies and HSTS. */
  publicOrigin: string;
  /** Limits against card testing and abuse; missing ones take {@link DEFAULT_LIMITS}. */
  limits?: Partial<HostLimits>;
  /** The clock. Default: the system clock. */
  now?: () => Date;
  /** Where log lines go. Default: stdout. */
  logger?: Logger;
  /** Wipe the database and seed the demo data again at start-up. */
  reset?: boolean;
  /** Where the built drop-in bundle lives. Default: `dist/` at the repository root. */
  distDir?: string;
  /** Where the pages' scripts and styles live. Default: `demo/public/`. */
  publicDir?: string;
  /** The `fetch` used to reach the gateway. Default: the global one. */
  fetch?: typeof fetch;
}

/** A host server. */
export interface HostServer {
  /** The Hono app; serve it with `@hono/node-server`. */
  app: Hono<HostEnv>;
  /** Resolves once the database is migrated (and seeded); requests wait for it too. */
  ready: Promise<void>;
  /** Closes the database. */
  close(): Promise<void>;
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** Creates the host server (routes, pages, storage). The database is opened at once. */
export function createHostServer(options: HostServerOptions): HostServer {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createLogger('server');
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const https = options.publicOrigin.startsWith('https:');
  const gatewayOrigin = originOf(options.gatewayPublicUrl);
  const gatewayPublicUrl = options.gatewayPublicUrl.replace(/\/+$/, '');
  const distDir = options.distDir ?? resolve(import.meta.dirname, '../../dist');
  const publicDir = options.publicDir ?? resolve(import.meta.dirname, '../public');

  const { client: db, ready: dbReady } = openDatabase(options.dbUrl);
  const store = new HostStore(db);
  const ready = (async () => {
    await dbReady;
    await store.migrate();
    if (options.reset) await store.wipe();
    if (await store.isEmpty()) {
      await seedDemoData(store, now());
      logger.info('seeded the demo data');
    }
  })();
  ready.catch(() => undefined);

  const gateway = new GatewayClient(options.gatewayUrl, options.gatewaySecretKey, options.fetch);
  const service = new CardService(store, gateway, limits, now);
  const stripeMode = options.stripe ? createStripeMode(options.stripe, { db, store, service, limits, now, logger }) : null;
  const deps: ApiDeps = {
    store,
    service,
    limits,
    now,
    logger,
    trustedOrigins: new Set([originOf(options.publicOrigin)]),
    session: { name: https ? '__Host-session' : 'session', secure: https },
  };
  const signInLimiter = new RateLimiter(limits.failedSignInsPerIp, now);

  const app = new Hono<HostEnv>();

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      // the path is the caller's text: a card number in it (refused with 422) must not reach the log
      path: redactCardNumbers(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      account: c.get('account')?.id,
    });
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(stripeMode ? STRIPE_CSP.scriptSrc : [])],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", gatewayOrigin, ...(stripeMode ? STRIPE_CSP.connectSrc : [])],
        ...(stripeMode ? { frameSrc: [...STRIPE_CSP.frameSrc] } : {}),
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Stripe.js is not known to run under Trusted Types (unverified here): Stripe mode leaves them off
        ...(stripeMode ? {} : { requireTrustedTypesFor: ["'script'"], trustedTypes: ['lit-html'] }),
      },
      strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
      },
    }),
  );

  // session: who is signed in (every route; pages and API alike)
  app.use(async (c, next) => {
    await ready;
    c.set('account', null);
    c.set('csrfToken', null);
    c.set('sessionId', null);
    const sessionId = getCookie(c, deps.session.name);
    if (sessionId) {
      const session = await store.session(sessionId, now());
      if (session) {
        c.set('account', session.account);
        c.set('csrfToken', session.csrfToken);
        c.set('sessionId', sessionId);
      }
    }
    await next();
  });

  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) return problemResponse(c, error, logger);
    if (!(error instanceof ApiProblem)) logger.error('unhandled error', { path: redactCardNumbers(c.req.path), error: error.name });
    const status = error instanceof ApiProblem ? error.status : 500;
    return c.text(error instanceof ApiProblem ? error.body.message : 'Something went wrong on our side.', status as 500);
  });

  app.route('/api', createApi(deps, signInLimiter, stripeMode?.routes));

  // --- static files ------------------------------------------------------------------------------
  const serveFile = async (c: HostContext, path: string): Promise<Response | null> => {
    const type = ASSET_TYPES[path.slice(path.lastIndexOf('.'))];
    if (!type) return null;
    try {
      const content = await readFile(path);
      return c.body(content, 200, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    } catch {
      return null;
    }
  };

  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    if (!/^[a-z0-9-]+\.(js|css|svg)$/.test(name)) return c.notFound();
    return (await serveFile(c, join(publicDir, name))) ?? c.notFound();
  });

  // The drop-in bundle, built by `vite build --mode bundle` (npm start runs it first).
  app.get('/:file{saved-cards[^/]*}', async (c) => {
    const file = c.req.param('file');
    if (!/^saved-cards[A-Za-z0-9_.-]*\.js(\.map)?$/.test(file)) return c.notFound();
    const served = await serveFile(c, join(distDir, file));
    if (served) return served;
    if (file === 'saved-cards.js') {
      return c.text(
        'The saved-cards bundle (dist/saved-cards.js) is not built. Run `npx --no-install vite build --mode bundle`, or `npm start`, which builds it first.',
        503,
        { 'Retry-After': '10' },
      );
    }
    return c.notFound();
  });

  // --- pages -------------------------------------------------------------------------------------
  const bundleBuilt = async (): Promise<boolean> => {
    try {
      return (await stat(join(distDir, 'saved-cards.js'))).isFile();
    } catch {
      return false;
    }
  };
  const pageContext = async (c: HostContext): Promise<PageContext> => ({
    account: c.get('account'),
    csrfToken: c.get('csrfToken'),
    tokenEndpoint: `${gatewayPublicUrl}/v1/tokens`,
    gatewayPublicUrl,
    publishableKey: stripeMode?.publishableKey ?? options.gatewayPublishableKey ?? null,
    ...(stripeMode ? { gateway: 'stripe' as const } : {}),
    bundleBuilt: await bundleBuilt(),
  });
  const page = (c: HostContext, markup: string, status = 200): Response => {
    c.header('Cache-Control', 'no-store');
    return c.html(markup, status as 200);
  };
  /** The signed-in account, or a redirect to the sign-in page. */
  const signedIn = (c: HostContext): Response | null => (c.get('account') ? null : c.redirect('/signin', 303));

  app.get('/', (c) => c.redirect(c.get('account') ? '/cards' : '/signin', 303));

  app.get('/signin', async (c) => {
    if (c.get('account')) return c.redirect('/cards', 303);
    return page(c, signInPage(await pageContext(c), DEMO_ACCOUNTS));
  });

  app.post('/signin', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('The form is too large.', 413) }), async (c) => {
    const refusal = crossSiteRefusal(c, deps.trustedOrigins);
    if (refusal) return c.text(refusal, 403);
    const raw = await c.req.text();
    if (findCardNumberInBody(raw, 'application/x-www-form-urlencoded') !== undefined) {
      const message = 'That looks like a card number. Never type a card number here.';
      return page(c, signInPage(await pageContext(c), DEMO_ACCOUNTS, { error: message }), 422);
    }
    const form = new URLSearchParams(raw);
    const email = (form.get('email') ?? '').trim().slice(0, 200);
    try {
      const account = await authenticate(c, deps, signInLimiter, email, form.get('password') ?? '');
      await startSession(c, deps, account);
      return c.redirect('/cards', 303);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      const message = error.status === 429 ? 'Too many failed sign-ins. Wait a few minutes and try again.' : 'The email or password is not correct.';
      return page(c, signInPage(await pageContext(c), DEMO_ACCOUNTS, { error: message, email }), error.status);
    }
  });

  app.post('/signout', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('The form is too large.', 413) }), async (c) => {
    const refusal = crossSiteRefusal(c, deps.trustedOrigins);
    if (refusal) return c.text(refusal, 403);
    const form = new URLSearchParams(await c.req.text());
    const expected = c.get('csrfToken');
    const sent = form.get('csrf_token');
    if (expected && (!sent || !sameSecret(sent, expected))) return c.text('The CSRF token is missing or wrong.', 403);
    await endSession(c, deps);
    return c.redirect('/signin', 303);
  });

  app.get('/profile', async (c) => {
    const redirect = signedIn(c);
    if (redirect) return redirect;
    const account = c.get('account');
    const parent = account?.parentAccountId ? DEMO_ACCOUNTS.find((a) => a.id === account.parentAccountId) : undefined;
    return page(c, profilePage(await pageContext(c), parent?.email ?? (account?.parentAccountId ? 'another account' : null)));
  });

  app.get('/cards', async (c) => signedIn(c) ?? page(c, cardsPage(await pageContext(c))));

  app.get('/billing/payment-methods', async (c) => {
    const redirect = signedIn(c);
    if (redirect) return redirect;
    const id = c.get('account')?.id ?? '';
    const [subscription, list, wallet] = await Promise.all([store.activeSubscription(id), service.cardList(id), store.wallet(id)]);
    const defaultCard = list.cards.find((card) => card.isDefault) ?? null;
    return page(c, billingPage(await pageContext(c), { subscription, defaultCard, wallet }));
  });
  app.get('/billing', (c) => c.redirect('/billing/payment-methods', 303));

  app.get('/invoices', async (c) => {
    const redirect = signedIn(c);
    if (redirect) return redirect;
    const id = c.get('account')?.id ?? '';
    const invoices = await store.invoices(id);
    const find = (param: string, status: Invoice['status']): Invoice | null => {
      const value = c.req.query(param);
      return (value && invoices.find((invoice) => invoice.id === value && invoice.status === status)) || null;
    };
    return page(c, invoicesPage(await pageContext(c), invoices, find('pay', 'open'), find('paid', 'paid')));
  });

  app.get('/terms', async (c) => page(c, termsPage(await pageContext(c))));

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: { code: 'not_found', message: 'No such route.' } }, 404);
    return page(c, notFoundPage(await pageContext(c)), 404);
  });

  return {
    app,
    ready,
    close: async () => {
      await ready.catch(() => undefined);
      db.close();
    },
  };
}
