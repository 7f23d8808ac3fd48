/**
 * Stripe mode of the reference server: with STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY set,
 * `npm start` serves the same portal with `gateway="stripe"` on its elements, and these routes run
 * the card flows on Stripe (see `service.ts`). Without the keys, the server stays on the sandbox
 * gateway.
 *
 * Routes added to the contract: `POST /setup-intents`, `POST /payment-intents`. Routes taken over
 * (same shapes, same rules): `GET /cards`, `POST /cards` (`paymentMethodId` instead of `token`),
 * `POST /payments` (`paymentIntentId` instead of `token`, or `cardId`), `POST /cards/{id}/default`,
 * `DELETE /cards/{id}`. All behind the API's own checks (cross-site, card numbers, session, CSRF,
 * idempotency, the account lock).
 */
import type { Client } from '@libsql/client';
import type { Hono } from 'hono';
import type { Logger } from '../../lib/logger.js';
import type { ApiRouteKit } from '../api.js';
import type { HostContext, HostEnv } from '../context.js';
import { clientIp } from '../context.js';
import { ApiProblem, invalid } from '../problems.js';
import { readAddCardRequest, readId, readPaymentRequest } from '../requests.js';
import type { CardService, HostLimits } from '../service.js';
import type { HostStore } from '../store.js';
import { StripeGateway, type StripeApiTarget } from './gateway.js';
import { StripeCardService, type PaymentIntentInput } from './service.js';

export { StripeGateway } from './gateway.js';
export type { StripeApiTarget } from './gateway.js';
export { StripeCardService } from './service.js';
export { STRIPE_CSP, STRIPE_JS_URL } from './csp.js';

/** Options for Stripe mode (`HostServerOptions.stripe`). */
export interface StripeModeOptions {
  /** `sk_test_…` / `sk_live_…`: server side only. */
  secretKey: string;
  /** `pk_test_…` / `pk_live_…`: handed to the pages' elements as `publishable-key`. */
  publishableKey: string;
  /** Another host for Stripe's API (tests point the SDK at a local double). */
  api?: StripeApiTarget;
}

/** What Stripe mode needs from the host server. */
export interface StripeModeDeps {
  db: Client;
  store: HostStore;
  service: CardService;
  limits: HostLimits;
  now: () => Date;
  logger: Logger;
}

/** Stripe mode, ready to be given to `createApi` as its `extend`. */
export interface StripeMode {
  readonly service: StripeCardService;
  readonly publishableKey: string;
  /** Creates the Stripe mode's table; run once the database is ready. */
  migrate(): Promise<void>;
  /** Registers the Stripe routes (for `createApi`'s `extend`). */
  routes(api: Hono<HostEnv>, kit: ApiRouteKit): void;
}

/** `{ paymentMethodId }` read as the contract's `token` field, so the sandbox readers' rules apply to every other field. */
function renamed(json: Record<string, unknown>, field: 'paymentMethodId' | 'paymentIntentId'): Record<string, unknown> {
  if (json.token !== undefined) throw invalid('token', `Stripe mode takes ${field}, not a token.`);
  const { [field]: id, ...rest } = json;
  return id === undefined ? rest : { ...rest, token: id };
}

/** Runs a reader on a renamed body, naming the right field when it refuses it. */
function read<T>(reader: () => T, field: string): T {
  try {
    return reader();
  } catch (error) {
    if (error instanceof ApiProblem && error.body.field === 'token') throw invalid(field, `${field} is missing or malformed.`);
    throw error;
  }
}

function readPaymentIntentRequest(json: Record<string, unknown>): PaymentIntentInput {
  // the payment request's reader checks invoiceId / amount the same way; a placeholder id stands in for the card
  const input = readPaymentRequest({ invoiceId: json.invoiceId, amount: json.amount, cardId: 'card_x' });
  if (json.saveCard !== undefined && typeof json.saveCard !== 'boolean') throw invalid('saveCard', 'saveCard must be true or false.');
  return { ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}), ...(input.amount ? { amount: input.amount } : {}), saveCard: json.saveCard === true };
}

/** Creates Stripe mode: the SDK client, the service, and the routes. */
export function createStripeMode(options: StripeModeOptions, deps: StripeModeDeps): StripeMode {
  const gateway = new StripeGateway(options.secretKey, options.api);
  const service = new StripeCardService(deps.db, deps.store, deps.service, gateway, deps.limits, deps.now, deps.logger);
  const key = (c: HostContext): string | undefined => c.req.header('idempotency-key') || undefined;

  return {
    service,
    publishableKey: options.publishableKey,
    migrate: () => service.migrate(),
    routes(api, kit) {
      api.post('/setup-intents', async (c) => {
        const json = await kit.body(c);
        return kit.idempotent(c, json, false, () => service.createSetupIntent(kit.account(c), clientIp(c), key(c)));
      });

      api.post('/payment-intents', async (c) => {
        const json = await kit.body(c);
        const input = readPaymentIntentRequest(json);
        return kit.idempotent(c, json, false, () => service.createPaymentIntent(kit.account(c), input, clientIp(c), key(c)));
      });

      api.get('/cards', async (c) => {
        const result = await service.cardList(kit.account(c).id);
        return c.json(result.body, 200);
      });

      api.post('/cards', async (c) => {
        const json = await kit.body(c);
        const renamedJson = renamed(json, 'paymentMethodId');
        const input = read(() => readAddCardRequest(renamedJson), 'paymentMethodId');
        return kit.idempotent(c, json, true, () => service.addCard(kit.account(c), input));
      });

      api.post('/payments', async (c) => {
        const json = await kit.body(c);
        const renamedJson = renamed(json, 'paymentIntentId');
        const input = read(() => readPaymentRequest(renamedJson), 'paymentIntentId');
        const { source, invoiceId, amount } = input;
        return kit.idempotent(c, json, true, () =>
          'cardId' in source
            ? service.payWithSavedCard(kit.account(c), { cardId: source.cardId, invoiceId, amount }, key(c))
            : service.recordPayment(kit.account(c), { ...source, invoiceId, amount }),
        );
      });

      api.post('/cards/:id/default', async (c) => {
        const json = await kit.body(c);
        const cardId = readId(c.req.param('id'), 'id');
        return kit.idempotent(c, json, false, () => service.setDefault(kit.account(c).id, cardId));
      });

      api.delete('/cards/:id', async (c) => {
        const cardId = readId(c.req.param('id'), 'id');
        // no body and no key on a DELETE: it still runs under the account's lock
        return kit.idempotent(c, {}, false, () => service.removeCard(kit.account(c).id, cardId));
      });
    },
  };
}
