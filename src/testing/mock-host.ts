/**
 * An in-browser stand-in for a portal's host endpoint and its token endpoint, for tests, stories
 * and prototypes (`import { MockHost } from 'saved-cards/testing'`). It implements the contract in
 * `docs/endpoint.md` as `fetch` functions, so the elements run their real client and tokenizer
 * code against it. Every request is recorded, and faults can be scripted per route.
 *
 * It keeps the same server-side rules as the reference server (default and only card not
 * removable, expired not default, pending payments, idempotency, single-use tokens) and answers
 * the sandbox gateway's test numbers. It is not a security boundary: it exists to be inspected.
 */
import { detectBrand } from '../core/brands.js';
import { normalizeDigits } from '../core/digits.js';
import { containsCardNumber, luhnValid } from '../core/pan-scan.js';
import { EndpointClient, type EndpointClientOptions } from '../endpoint/client.js';
import type {
  AccountPolicy,
  Address,
  CardBrand,
  CardFunding,
  CardListResponse,
  Invoice,
  Payment,
  RemovalBlockedReason,
  SavedAddress,
  SavedCard,
  Verification,
} from '../endpoint/types.js';
import { createTokenEndpointTokenizer } from '../gateways/token-endpoint.js';
import type { Tokenizer } from '../gateways/types.js';

/** One request the mock answered (or failed on purpose). */
export interface RecordedRequest {
  /** `host`: the host endpoint; `tokenizer`: the token endpoint. */
  target: 'host' | 'tokenizer';
  method: string;
  url: string;
  /** The route part of the URL, from the last known resource (`/cards/card_1/default`). */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw request body ('' when none). */
  body: string;
}

/**
 * A scripted failure:
 * - `{ status, body?, headers? }` answers with that status (body defaults to the error shape);
 * - `network`: the request fails like a dropped connection (`TypeError`), before any effect;
 * - `hang`: no answer until the caller aborts (for timeouts);
 * - `delay`: the normal answer, `ms` later;
 * - `malformed`: a 200 whose body is not JSON;
 * - `lost-response`: the request takes effect, then the answer is lost (`TypeError`).
 */
export type Fault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'network' }
  | { kind: 'hang' }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'lost-response' };

/** Which requests a fault or a hold applies to. Every given field must match. */
export interface RequestMatch {
  target?: 'host' | 'tokenizer';
  method?: string;
  /** A route (`/cards`) matched exactly, or a pattern matched against the route. */
  path?: string | RegExp;
}

/** A held request: it waits until released, so tests can answer requests out of order. */
export interface Hold {
  /** Resolves once a matching request has arrived and is waiting. */
  readonly arrived: Promise<void>;
  /** Lets the held request (and any later match) through. */
  release(): void;
}

/** A card the mock keeps: the saved card's facts without the derived ones. */
export interface MockCard {
  id: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  nameOnCard: string;
  funding?: CardFunding;
  createdAt?: string;
}

/** Options for {@link MockHost}. */
export interface MockHostOptions {
  cards?: MockCard[];
  /** The id of the default card; the first card when omitted. */
  defaultCardId?: string | null;
  policy?: Partial<AccountPolicy>;
  addresses?: SavedAddress[];
  invoices?: Invoice[];
  /** Cards with a payment that has not settled (their removal is refused). */
  pendingPaymentCardIds?: string[];
  /** Added to every answer, in milliseconds (stories use it to show busy states). */
  latencyMs?: number;
  /** The clock for expiry. */
  now?: () => Date;
  /** The one-time code the verification step expects; random when omitted. */
  otpCode?: string;
}

type Json = Record<string, unknown>;
type Outcome = { kind: 'ok' } | { kind: 'decline'; declineCode: string } | { kind: 'otp' };

interface StoredToken {
  card: Omit<MockCard, 'id' | 'nameOnCard' | 'createdAt'>;
  outcome: Outcome;
  used: boolean;
}

interface PendingVerification {
  verification: Verification;
  complete: () => { status: number; body: Json };
}

/** Test numbers of the sandbox gateway that do something other than succeed. */
const TEST_OUTCOMES: Record<string, Outcome> = {
  '4000000000000002': { kind: 'decline', declineCode: 'generic_decline' },
  '4000000000009995': { kind: 'decline', declineCode: 'insufficient_funds' },
  '4000000000000069': { kind: 'decline', declineCode: 'expired_card' },
  '4000000000000127': { kind: 'decline', declineCode: 'incorrect_cvc' },
  '4000002500003155': { kind: 'otp' },
};

const ROUTES = /\/(cards|addresses|invoices|payments|verifications)(\/.*)?$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function errorBody(code: string, message: string, extra: Json = {}): Json {
  return { error: { code, message, ...extra } };
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A fake host endpoint + token endpoint. Pass {@link MockHost.fetch} to an `EndpointClient` (or use
 * {@link MockHost.client}) and {@link MockHost.tokenFetch} to the token-endpoint tokenizer (or use
 * {@link MockHost.tokenizer}).
 */
export class MockHost {
  /** Every request, in the order it arrived. */
  readonly requests: RecordedRequest[] = [];
  /** The cards on file, in insertion order. Mutate freely in tests ("another tab"). */
  cards: MockCard[];
  defaultCardId: string | null;
  policy: AccountPolicy;
  addresses: SavedAddress[];
  invoices: Invoice[];
  payments: Payment[] = [];
  readonly pendingPaymentCardIds: Set<string>;
  latencyMs: number;
  /** The code the last verification sent (what the "phone" shows). */
  lastOtp: string | null = null;

  private readonly now: () => Date;
  private readonly otpCode: string | undefined;
  private readonly faults: { match: RequestMatch; fault: Fault; remaining: number }[] = [];
  private readonly holds: { match: RequestMatch; released: Promise<void>; arrive: () => void }[] = [];
  private readonly idempotency = new Map<string, { body: string; status: number; response: unknown }>();
  private readonly tokens = new Map<string, StoredToken>();
  private readonly verifications = new Map<string, PendingVerification>();
  private seq = 0;

  constructor(options: MockHostOptions = {}) {
    this.cards = (options.cards ?? []).map((c) => ({ ...c }));
    this.defaultCardId = options.defaultCardId !== undefined ? options.defaultCardId : (this.cards[0]?.id ?? null);
    this.policy = { cardRequired: false, maxCards: 10, ...options.policy };
    this.addresses = options.addresses ?? [];
    this.invoices = options.invoices ?? [];
    this.pendingPaymentCardIds = new Set(options.pendingPaymentCardIds ?? []);
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? (() => new Date());
    this.otpCode = options.otpCode;
  }

  /** The host endpoint, as a `fetch`. Serves the contract under any base URL. */
  readonly fetch: typeof fetch = (input, init) => this.handle('host', new Request(input, init));

  /** The token endpoint, as a `fetch`. */
  readonly tokenFetch: typeof fetch = (input, init) => this.handle('tokenizer', new Request(input, init));

  /** A client of this mock, with short timeouts and no real waiting between retries. */
  client(options: Partial<EndpointClientOptions> = {}): EndpointClient {
    return new EndpointClient({
      baseUrl: '/api',
      fetch: this.fetch,
      timeoutMs: 2000,
      sleep: () => Promise.resolve(),
      csrfToken: 'mock-csrf',
      ...options,
    });
  }

  /** A token-endpoint tokenizer talking to this mock. */
  tokenizer(): Tokenizer {
    return createTokenEndpointTokenizer({ url: 'https://gateway.mock/v1/tokens', fetch: this.tokenFetch, timeoutMs: 2000 });
  }

  /** Fails the next `times` requests that match with `fault`. */
  fail(match: RequestMatch, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, remaining: times });
  }

  /** Holds matching requests until `release()`; their effect happens after the release. */
  hold(match: RequestMatch): Hold {
    let release!: () => void;
    let arrive!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const entry = { match, released, arrive };
    this.holds.push(entry);
    return {
      arrived,
      release: () => {
        this.holds.splice(this.holds.indexOf(entry), 1);
        release();
      },
    };
  }

  /** Requests to the host endpoint only (what the portal's server would see). */
  hostRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.target === 'host');
  }

  /** The card list as `GET /cards` answers it now. */
  listResponse(): CardListResponse {
    const cards = this.cards.map((c) => this.toSaved(c));
    cards.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    return { cards, policy: { ...this.policy } };
  }

  private async handle(target: 'host' | 'tokenizer', request: Request): Promise<Response> {
    const url = new URL(request.url, 'http://mock.invalid');
    const path = target === 'host' ? (ROUTES.exec(url.pathname)?.[0] ?? url.pathname) : url.pathname;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const record: RecordedRequest = { target, method: request.method, url: request.url, path, headers, body };
    this.requests.push(record);
    const signal = request.signal;

    const fault = this.takeFault(record);
    const hold = this.holds.find((h) => matches(h.match, record));
    if (hold) {
      hold.arrive();
      await Promise.race([hold.released, rejectOnAbort(signal)]);
    }
    if (this.latencyMs > 0 || (fault && 'kind' in fault && fault.kind === 'delay')) {
      const ms = this.latencyMs + (fault && 'kind' in fault && fault.kind === 'delay' ? fault.ms : 0);
      await Promise.race([new Promise((r) => setTimeout(r, ms)), rejectOnAbort(signal)]);
    }
    if (signal.aborted) throw abortError();

    if (fault && !('kind' in fault)) {
      return json(fault.status, fault.body ?? errorBody(codeFor(fault.status), 'Injected fault.'), fault.headers);
    }
    if (fault && 'kind' in fault) {
      if (fault.kind === 'network') throw new TypeError('Failed to fetch');
      if (fault.kind === 'hang') {
        await rejectOnAbort(signal);
      }
      if (fault.kind === 'malformed') return new Response('{"cards": [', { status: 200, headers: { 'content-type': 'application/json' } });
    }

    const response: { status: number; body: unknown; headers?: Record<string, string> } =
      target === 'tokenizer' ? this.tokenize(body) : this.route(record);
    if (fault && 'kind' in fault && fault.kind === 'lost-response') throw new TypeError('Failed to fetch');
    return json(response.status, response.body, response.headers);
  }

  private takeFault(record: RecordedRequest): Fault | undefined {
    const entry = this.faults.find((f) => f.remaining > 0 && matches(f.match, record));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.faults.splice(this.faults.indexOf(entry), 1);
    return entry.fault;
  }

  private nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}_${this.seq.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }

  private isExpired(card: MockCard): boolean {
    const now = this.now();
    return card.expYear < now.getFullYear() || (card.expYear === now.getFullYear() && card.expMonth < now.getMonth() + 1);
  }

  private blockedReason(card: MockCard): RemovalBlockedReason | undefined {
    if (card.id === this.defaultCardId) return 'default';
    if (this.policy.cardRequired && this.cards.length === 1) return 'only-card-required';
    if (this.pendingPaymentCardIds.has(card.id)) return 'pending-payment';
    return undefined;
  }

  private toSaved(card: MockCard): SavedCard {
    const reason = this.blockedReason(card);
    return {
      ...card,
      isDefault: card.id === this.defaultCardId,
      expired: this.isExpired(card),
      removable: reason === undefined,
      ...(reason ? { removalBlockedReason: reason } : {}),
    };
  }

  private route(req: RecordedRequest): { status: number; body: unknown; headers?: Record<string, string> } {
    const { method, path } = req;
    if (method !== 'GET' && containsCardNumber(req.body)) {
      return { status: 422, body: errorBody('validation_failed', 'A card number is not accepted here.') };
    }
    const key = req.headers['idempotency-key'];
    if (key && method === 'POST') {
      const scope = `${path} ${key}`;
      const stored = this.idempotency.get(scope);
      if (stored) {
        if (stored.body !== req.body) return { status: 422, body: errorBody('idempotency_key_reused', 'This key was used for another request.') };
        return { status: stored.status, body: stored.response, headers: { 'idempotent-replayed': 'true' } };
      }
      const result = this.dispatch(method, path, parse(req.body));
      if (result.status < 500) this.idempotency.set(scope, { body: req.body, status: result.status, response: result.body });
      return result;
    }
    return this.dispatch(method, path, parse(req.body));
  }

  private dispatch(method: string, path: string, body: Json): { status: number; body: unknown; headers?: Record<string, string> } {
    const notFound = { status: 404, body: errorBody('not_found', 'No such resource.') };
    let m: RegExpExecArray | null;
    if (path === '/cards' && method === 'GET') return { status: 200, body: this.listResponse() };
    if (path === '/cards' && method === 'POST') {
      // like the reference server: a full account is refused before the token is spent, so the
      // customer can remove a card and retry with the same token
      return this.isFull() ? this.fullAnswer() : this.useToken(body, (card) => this.saveCard(card, body));
    }
    if ((m = /^\/cards\/([^/]+)\/default$/.exec(path)) && method === 'POST') {
      const card = this.cards.find((c) => c.id === decodeURIComponent(m![1]!));
      if (!card) return notFound;
      if (this.isExpired(card)) return { status: 409, body: errorBody('conflict', 'An expired card cannot be the default.', { reason: 'expired' }) };
      this.defaultCardId = card.id;
      return { status: 200, body: this.listResponse() };
    }
    if ((m = /^\/cards\/([^/]+)$/.exec(path)) && method === 'DELETE') {
      const card = this.cards.find((c) => c.id === decodeURIComponent(m![1]!));
      if (!card) return notFound;
      const reason = this.blockedReason(card);
      if (reason) return { status: 409, body: errorBody('conflict', 'This card cannot be removed.', { reason }) };
      this.cards = this.cards.filter((c) => c !== card);
      return { status: 200, body: this.listResponse() };
    }
    if (path === '/addresses' && method === 'GET') return { status: 200, body: { addresses: this.addresses } };
    if (path === '/invoices' && method === 'GET') return { status: 200, body: { invoices: this.invoices } };
    if ((m = /^\/invoices\/([^/]+)$/.exec(path)) && method === 'GET') {
      const invoice = this.invoices.find((i) => i.id === decodeURIComponent(m![1]!));
      return invoice ? { status: 200, body: { invoice } } : notFound;
    }
    if (path === '/payments' && method === 'POST') return this.pay(body);
    if ((m = /^\/verifications\/([^/]+)\/(confirm|resend|cancel)$/.exec(path)) && method === 'POST') {
      const pending = this.verifications.get(decodeURIComponent(m[1]!));
      if (!pending) return notFound;
      const v = pending.verification;
      if (v.status !== 'pending') return { status: 409, body: errorBody('conflict', 'This verification is over.', { reason: `verification_${v.status}` }) };
      if (m[2] === 'cancel') {
        v.status = 'cancelled';
        return { status: 200, body: { verification: v } };
      }
      if (m[2] === 'resend') {
        this.lastOtp = this.otpCode ?? randomCode();
        return { status: 200, body: { verification: v } };
      }
      if (body.code !== this.lastOtp) {
        return { status: 422, body: errorBody('verification_failed', 'That code is not right.', { reason: 'wrong_code' }) };
      }
      v.status = 'succeeded';
      return pending.complete();
    }
    return notFound;
  }

  /** Resolves the request's token and runs `use` with the card, applying the test-number outcomes. */
  private useToken(body: Json, use: (card: StoredToken['card']) => { status: number; body: Json }): { status: number; body: unknown } {
    const stored = typeof body.token === 'string' ? this.tokens.get(body.token) : undefined;
    if (!stored) return { status: 422, body: errorBody('validation_failed', 'Unknown token.', { field: 'token' }) };
    if (stored.used) return { status: 409, body: errorBody('conflict', 'This token was already used.', { reason: 'token_used' }) };
    stored.used = true;
    if (stored.outcome.kind === 'decline') {
      return { status: 402, body: errorBody('card_declined', 'The card was declined.', { declineCode: stored.outcome.declineCode }) };
    }
    if (stored.outcome.kind === 'otp') {
      const verification: Verification = { id: this.nextId('ver'), kind: 'otp', status: 'pending', sentTo: '•••• 0142', codeLength: 6 };
      this.lastOtp = this.otpCode ?? randomCode();
      this.verifications.set(verification.id, { verification, complete: () => use(stored.card) });
      return { status: 202, body: { verification } };
    }
    return use(stored.card);
  }

  private isFull(): boolean {
    return this.cards.length >= this.policy.maxCards;
  }

  private fullAnswer(): { status: number; body: Json } {
    return { status: 409, body: errorBody('conflict', 'Too many cards.', { reason: 'max_cards' }) };
  }

  private saveCard(card: StoredToken['card'], body: Json): { status: number; body: Json } {
    // checked again here: pay-and-save reaches it only after the token is used
    if (this.isFull()) return this.fullAnswer();
    const saved: MockCard = {
      ...card,
      id: this.nextId('card'),
      nameOnCard: typeof body.nameOnCard === 'string' ? body.nameOnCard : '',
      createdAt: this.now().toISOString(),
    };
    this.cards.push(saved);
    if (body.setDefault === true || this.defaultCardId === null) this.defaultCardId = saved.id;
    return { status: 201, body: { card: this.toSaved(saved), ...this.listResponse() } };
  }

  private pay(body: Json): { status: number; body: unknown } {
    const invoice = typeof body.invoiceId === 'string' ? this.invoices.find((i) => i.id === body.invoiceId) : undefined;
    if (body.invoiceId !== undefined && !invoice) return { status: 404, body: errorBody('not_found', 'No such invoice.') };
    if (invoice?.status === 'paid') return { status: 409, body: errorBody('conflict', 'This invoice is paid.', { reason: 'invoice_paid' }) };
    const amount = invoice?.amount ?? (body.amount as Payment['amount'] | undefined);
    if (!amount) return { status: 422, body: errorBody('validation_failed', 'Nothing to pay.', { field: 'amount' }) };
    const charge = (card: Payment['card'], savedCard?: SavedCard): { status: number; body: Json } => {
      const payment: Payment = {
        id: this.nextId('pay'),
        status: 'succeeded',
        amount,
        card,
        createdAt: this.now().toISOString(),
        ...(invoice ? { invoiceId: invoice.id } : {}),
      };
      this.payments.push(payment);
      if (invoice) invoice.status = 'paid';
      return { status: 201, body: { payment, ...(savedCard ? { savedCard } : {}) } };
    };
    if (typeof body.cardId === 'string') {
      const card = this.cards.find((c) => c.id === body.cardId);
      if (!card) return { status: 404, body: errorBody('not_found', 'No such card.') };
      return charge({ brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear });
    }
    if (body.saveCard === true && this.isFull()) return this.fullAnswer();
    return this.useToken(body, (card) => {
      const masked = { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
      if (body.saveCard !== true) return charge(masked);
      const saved = this.saveCard(card, body);
      if (saved.status !== 201) return saved;
      return charge(masked, (saved.body as { card: SavedCard }).card);
    });
  }

  /** The token endpoint: validates like the sandbox gateway and issues single-use tokens. */
  private tokenize(raw: string): { status: number; body: unknown } {
    const body = parse(raw);
    const number = normalizeDigits(String(body.number ?? '')).digits;
    const brand = detectBrand(number);
    const invalid = (code: string, field: string) => ({ status: 400, body: errorBody(code, 'Invalid card details.', { field }) });
    if (!brand || !brand.lengths.includes(number.length) || !luhnValid(number)) return invalid('incorrect_number', 'number');
    const expMonth = Number(body.expMonth);
    const expYear = Number(body.expYear);
    const now = this.now();
    if (!(expMonth >= 1 && expMonth <= 12) || expYear < now.getFullYear() || (expYear === now.getFullYear() && expMonth < now.getMonth() + 1)) {
      return invalid('invalid_expiry_year', 'expiry');
    }
    const cvc = String(body.cvc ?? '');
    if (!/^\d+$/.test(cvc) || cvc.length !== brand.codeSize) return invalid('invalid_cvc', 'code');
    const token = this.nextId('tok');
    const card = { brand: brand.brand, last4: number.slice(-4), expMonth, expYear, funding: 'credit' as const };
    this.tokens.set(token, { card, outcome: TEST_OUTCOMES[number] ?? { kind: 'ok' }, used: false });
    return { status: 200, body: { token, card } };
  }
}

function matches(match: RequestMatch, req: RecordedRequest): boolean {
  if (match.target && match.target !== req.target) return false;
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (typeof match.path === 'string' && match.path !== req.path) return false;
  if (match.path instanceof RegExp && !match.path.test(req.path)) return false;
  return true;
}

function parse(body: string): Json {
  if (!body) return {};
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' ? (value as Json) : {};
  } catch {
    return {};
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortError());
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
  });
}

function codeFor(status: number): string {
  const codes: Record<number, string> = {
    401: 'unauthenticated',
    402: 'card_declined',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    422: 'validation_failed',
    429: 'rate_limited',
  };
  return codes[status] ?? 'server_error';
}

function randomCode(): string {
  return String(Math.floor(100000 + Math.random() * 900000));
}

/** A saved card for tests and stories; unspecified facts are a valid Visa. */
export function mockCard(partial: Partial<MockCard> & { id: string }): MockCard {
  return { brand: 'visa', last4: '4242', expMonth: 12, expYear: new Date().getFullYear() + 3, nameOnCard: 'Ada Lovelace', ...partial };
}

/** A saved address for tests and stories. */
export function mockAddress(partial: Partial<SavedAddress> & Pick<SavedAddress, 'id' | 'kind'>): SavedAddress {
  const base: Address = { line1: '1 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' };
  return { ...base, ...partial };
}
