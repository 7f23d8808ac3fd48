/**
 * A test double of Stripe.js, for browser tests (nothing here can reach Stripe). It follows the
 * published types and docs of `@stripe/stripe-js` for the parts the form uses:
 *
 * - `stripe.elements(options)` → a group whose `create('cardNumber' | 'cardExpiry' | 'cardCvc', options)`
 *   returns an Element;
 * - `element.mount(domElement)` puts a frame in the container, and THROWS, like Stripe.js since late
 *   2024, when the container is inside a shadow root ("Elements cannot be mounted in a ShadowRoot.
 *   Please mount in the Light DOM.") or not in the document; mounting a destroyed Element throws;
 * - `on` / `off` / `once` for `change` (`{ elementType, empty, complete, error?, brand? }`), `focus`,
 *   `blur`, `ready`, `loaderror`; `focus()`, `blur()`, `clear()` (which reports an empty `change`),
 *   `update(options)`, `unmount()`, `destroy()` (twice throws);
 * - `confirmCardSetup` / `confirmCardPayment(clientSecret, { payment_method: { card, billing_details } })`
 *   resolve with `{ setupIntent }` / `{ paymentIntent }` or `{ error }` as scripted, and reject the way
 *   Stripe.js does when the card Element is not mounted.
 *
 * Tests drive the fields with `element.emitChange(…)`, `emit('focus')`… (what typing into Stripe's
 * frame would report) and read what the form did from the recorded calls.
 */
import type {
  PaymentIntentResult,
  SetupIntentResult,
  Stripe,
  StripeElementStyle,
  StripeError,
} from '@stripe/stripe-js';
import type { StripeLoader } from '../../src/gateways/stripe-types.js';

/** The split card Element types the form uses. */
export type CardElementType = 'cardNumber' | 'cardExpiry' | 'cardCvc';

/** The options an Element was created or updated with. */
export interface ElementOptionsSeen {
  style?: StripeElementStyle;
  disabled?: boolean;
  showIcon?: boolean;
  placeholder?: string;
}

type Handler = (event: unknown) => void;

/** Stripe.js's error text for a mount inside a shadow root (stripe/stripe-js#662). */
export const SHADOW_ROOT_MESSAGE = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

/** An IntegrationError, as Stripe.js throws them. */
export class IntegrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegrationError';
  }
}

/** One Element of the double. */
export class ElementDouble {
  readonly options: ElementOptionsSeen;
  readonly updates: ElementOptionsSeen[] = [];
  container: HTMLElement | null = null;
  frame: HTMLIFrameElement | null = null;
  destroyed = false;
  unmounts = 0;
  focusCalls = 0;
  clearCalls = 0;
  readonly #handlers = new Map<string, Set<Handler>>();

  constructor(
    readonly type: CardElementType,
    options: ElementOptionsSeen = {},
  ) {
    this.options = { ...options };
  }

  mount(target: string | HTMLElement): void {
    if (this.destroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
    const el = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
    if (!el) throw new IntegrationError(`The selector you specified (${String(target)}) applies to no DOM elements.`);
    if (el.getRootNode() instanceof ShadowRoot) throw new IntegrationError(SHADOW_ROOT_MESSAGE);
    if (!el.isConnected) throw new IntegrationError(`${this.type} Element didn't mount normally.`);
    if (this.container) throw new IntegrationError('This Element is already mounted.');
    const frame = document.createElement('iframe');
    frame.title = `Secure ${this.type} input frame`;
    frame.setAttribute('frameborder', '0');
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.height = '20px';
    frame.style.border = '0';
    el.append(frame);
    this.container = el;
    this.frame = frame;
    queueMicrotask(() => this.emit('ready', { elementType: this.type }));
  }

  unmount(): void {
    this.unmounts += 1;
    this.frame?.remove();
    this.frame = null;
    this.container = null;
  }

  destroy(): void {
    if (this.destroyed) throw new IntegrationError('This Element has already been destroyed.');
    this.frame?.remove();
    this.frame = null;
    this.container = null;
    this.destroyed = true;
    this.#handlers.clear();
  }

  on(event: string, handler: Handler): this {
    let set = this.#handlers.get(event);
    if (!set) this.#handlers.set(event, (set = new Set()));
    set.add(handler);
    return this;
  }

  once(event: string, handler: Handler): this {
    const wrapped: Handler = (e) => {
      this.off(event, wrapped);
      handler(e);
    };
    return this.on(event, wrapped);
  }

  off(event: string, handler?: Handler): this {
    if (handler) this.#handlers.get(event)?.delete(handler);
    else this.#handlers.delete(event);
    return this;
  }

  focus(): void {
    this.focusCalls += 1;
    // Stripe reports focus from its frame, a message later
    queueMicrotask(() => this.emit('focus', { elementType: this.type }));
  }

  blur(): void {
    queueMicrotask(() => this.emit('blur', { elementType: this.type }));
  }

  clear(): void {
    this.clearCalls += 1;
    queueMicrotask(() => this.emitChange({ empty: true, complete: false }));
  }

  update(options: ElementOptionsSeen): void {
    this.updates.push(options);
    Object.assign(this.options, options);
  }

  /** Delivers an event to the Element's handlers (what Stripe's frame would post). */
  emit(event: string, payload: unknown): void {
    for (const handler of [...(this.#handlers.get(event) ?? [])]) handler(payload);
  }

  /** A `change` event: what typing into the frame reports. `brand` only means something for cardNumber. */
  emitChange(change: { empty?: boolean; complete?: boolean; error?: { code: string; message: string }; brand?: string }): void {
    const event: Record<string, unknown> = {
      elementType: this.type,
      empty: change.empty ?? false,
      complete: change.complete ?? false,
      error: change.error ? { type: 'validation_error', ...change.error } : undefined,
    };
    if (this.type === 'cardNumber') event.brand = change.brand ?? 'unknown';
    this.emit('change', event);
  }

  /** Whether anything listens to `event` (a destroyed Element keeps no listeners). */
  listens(event: string): boolean {
    return (this.#handlers.get(event)?.size ?? 0) > 0;
  }
}

/** What a confirm call received. */
export interface ConfirmCall {
  clientSecret: string;
  card: ElementDouble | undefined;
  billingDetails: Record<string, unknown> | undefined;
  options: unknown;
}

type Scripted<T> = T | ((call: ConfirmCall) => T | Promise<T>);

/** A Stripe error as Stripe.js returns it in `{ error }`. */
export function stripeError(init: Partial<StripeError> & Pick<StripeError, 'type'>): StripeError {
  return { message: 'Stripe’s own English, which the form must not show.', ...init } as StripeError;
}

/** The Stripe object double. */
export class StripeDouble {
  readonly elementsOptions: unknown[] = [];
  readonly created: ElementDouble[] = [];
  readonly setupCalls: ConfirmCall[] = [];
  readonly paymentCalls: ConfirmCall[] = [];
  /** What `confirmCardSetup` resolves with: a succeeded SetupIntent with payment method `pm_double` by default. */
  setupResult: Scripted<SetupIntentResult> = (call) => ({ setupIntent: setupIntent(call.clientSecret, 'succeeded') });
  /** What `confirmCardPayment` resolves with: a succeeded PaymentIntent by default. */
  paymentResult: Scripted<PaymentIntentResult> = (call) => ({ paymentIntent: paymentIntent(call.clientSecret, 'succeeded') });

  elements(options?: unknown): { create(type: CardElementType, options?: ElementOptionsSeen): ElementDouble; getElement(type: CardElementType): ElementDouble | null } {
    this.elementsOptions.push(options);
    const group: ElementDouble[] = [];
    return {
      create: (type, elementOptions) => {
        if (group.some((e) => e.type === type && !e.destroyed)) throw new IntegrationError(`Can only create one Element of type ${type}.`);
        const element = new ElementDouble(type, elementOptions);
        group.push(element);
        this.created.push(element);
        return element;
      },
      getElement: (type) => group.find((e) => e.type === type && !e.destroyed) ?? null,
    };
  }

  confirmCardSetup(clientSecret: string, data?: { payment_method?: { card?: unknown; billing_details?: Record<string, unknown> } }, options?: unknown): Promise<SetupIntentResult> {
    const call = this.#call(clientSecret, data, options);
    this.setupCalls.push(call);
    return this.#answer(call, this.setupResult);
  }

  confirmCardPayment(clientSecret: string, data?: { payment_method?: { card?: unknown; billing_details?: Record<string, unknown> } }, options?: unknown): Promise<PaymentIntentResult> {
    const call = this.#call(clientSecret, data, options);
    this.paymentCalls.push(call);
    return this.#answer(call, this.paymentResult);
  }

  /** The live (not destroyed) Element of a type. */
  element(type: CardElementType): ElementDouble {
    const found = [...this.created].reverse().find((e) => e.type === type && !e.destroyed);
    if (!found) throw new Error(`no live ${type} Element`);
    return found;
  }

  /** Resolves once the three card Elements are mounted. */
  async mounted(timeoutMs = 5000): Promise<void> {
    const start = performance.now();
    for (;;) {
      const live = this.created.filter((e) => !e.destroyed && e.container);
      if (['cardNumber', 'cardExpiry', 'cardCvc'].every((t) => live.some((e) => e.type === t))) return;
      if (performance.now() - start > timeoutMs) throw new Error('the card Elements were not mounted');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Reports all three fields complete (a Visa unless told otherwise), as typing a valid card would. */
  completeCard(brand = 'visa'): void {
    this.element('cardNumber').emitChange({ complete: true, brand });
    this.element('cardExpiry').emitChange({ complete: true });
    this.element('cardCvc').emitChange({ complete: true });
  }

  #call(clientSecret: string, data: { payment_method?: { card?: unknown; billing_details?: Record<string, unknown> } } | undefined, options: unknown): ConfirmCall {
    const card = data?.payment_method?.card;
    return {
      clientSecret,
      card: card instanceof ElementDouble ? card : undefined,
      billingDetails: data?.payment_method?.billing_details,
      options,
    };
  }

  async #answer<T>(call: ConfirmCall, scripted: Scripted<T>): Promise<T> {
    // Stripe.js reads the card from a mounted Element of its own; anything else is an integration error
    if (!call.card || !call.card.container || call.card.destroyed) {
      throw new IntegrationError('We could not retrieve data from the specified Element. Please make sure the Element you are attempting to use is still mounted.');
    }
    await new Promise((r) => setTimeout(r, 0));
    return typeof scripted === 'function' ? (scripted as (c: ConfirmCall) => T | Promise<T>)(call) : scripted;
  }
}

/** The intent id in a client secret (`seti_123_secret_abc` → `seti_123`). */
export function intentId(clientSecret: string): string {
  return clientSecret.split('_secret_')[0];
}

/** A SetupIntent as Stripe.js returns it to the page (payment method as an id, not expanded). */
export function setupIntent(clientSecret: string, status: NonNullable<SetupIntentResult['setupIntent']>['status'], paymentMethod = 'pm_double'): NonNullable<SetupIntentResult['setupIntent']> {
  return {
    id: intentId(clientSecret),
    object: 'setup_intent',
    cancellation_reason: null,
    client_secret: clientSecret,
    created: 1_700_000_000,
    description: null,
    last_setup_error: null,
    livemode: false,
    next_action: null,
    payment_method: paymentMethod,
    payment_method_types: ['card'],
    status,
    usage: 'off_session',
  };
}

/** A PaymentIntent as Stripe.js returns it to the page. */
export function paymentIntent(clientSecret: string, status: NonNullable<PaymentIntentResult['paymentIntent']>['status'], paymentMethod = 'pm_double'): NonNullable<PaymentIntentResult['paymentIntent']> {
  return {
    id: intentId(clientSecret),
    status,
    payment_method: paymentMethod,
    client_secret: clientSecret,
  } as NonNullable<PaymentIntentResult['paymentIntent']>;
}

/** A loader that resolves with `double` and records the keys it was asked for (a spy on "Stripe.js was loaded"). */
export function loaderFor(double: StripeDouble | null, options: { fail?: boolean } = {}): StripeLoader & { keys: string[] } {
  const keys: string[] = [];
  const loader = (key: string) => {
    keys.push(key);
    if (options.fail) return Promise.reject(new Error('Failed to load Stripe.js'));
    return Promise.resolve(double as unknown as Stripe | null);
  };
  return Object.assign(loader, { keys });
}

/** A request the host double received. */
export interface HostRequest {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  idempotencyKey: string | null;
}

/** A scripted answer: a status and a JSON body, or a thrown network error. */
export type HostAnswer = { status: number; body: unknown } | 'network-error';

/** A saved card as the host endpoint lists it (masked facts only). */
export function savedCard(id = 'card_stripe1', last4 = '4242', brand = 'visa'): Record<string, unknown> {
  return { id, brand, last4, expMonth: 12, expYear: 2030, nameOnCard: 'Ada Lovelace', isDefault: true, expired: false, removable: true };
}

const POLICY = { cardRequired: false, maxCards: 5 };

/**
 * The host endpoint as a `fetch` for the EndpointClient: the Stripe-mode routes answer as the
 * reference server does (client secrets, the saved card, the payment), every request is recorded,
 * and any route can be scripted with `answer(route, …)` (one answer per call, in order).
 */
export class HostDouble {
  readonly requests: HostRequest[] = [];
  #script = new Map<string, HostAnswer[]>();
  #seq = 0;

  /** Scripts the next answers of `METHOD /path`. */
  answer(route: string, ...answers: HostAnswer[]): void {
    this.#script.set(route, [...(this.#script.get(route) ?? []), ...answers]);
  }

  /** Requests to one route. */
  to(route: string): HostRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const path = url.pathname.replace(/^\/api/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    this.requests.push({ method, path, body, idempotencyKey: headers.get('Idempotency-Key') });
    await new Promise((r) => setTimeout(r, 0));
    const scripted = this.#script.get(`${method} ${path}`)?.shift();
    const answer = scripted ?? this.#default(method, path, body);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  };

  #default(method: string, path: string, body: Record<string, unknown> | undefined): HostAnswer {
    const n = ++this.#seq;
    if (method === 'GET' && path === '/addresses') return { status: 200, body: { addresses: [] } };
    if (method === 'POST' && path === '/setup-intents') return { status: 201, body: { clientSecret: `seti_${n}_secret_double` } };
    if (method === 'POST' && path === '/payment-intents') return { status: 201, body: { clientSecret: `pi_${n}_secret_double` } };
    if (method === 'POST' && path === '/cards') {
      const card = savedCard();
      return { status: 201, body: { card, cards: [card], policy: POLICY } };
    }
    if (method === 'POST' && path === '/payments') {
      const amount = (body?.amount as { amount: number; currency: string } | undefined) ?? { amount: 12000, currency: 'USD' };
      const payment = {
        id: `pay_${n}`,
        status: 'succeeded',
        amount,
        ...(body?.invoiceId ? { invoiceId: body.invoiceId } : {}),
        card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      return { status: 201, body: body?.saveCard ? { payment, savedCard: savedCard() } : { payment } };
    }
    if (method === 'GET' && path.startsWith('/invoices/')) {
      return { status: 200, body: { invoice: { id: path.split('/')[2], number: 'INV-1', description: 'Plan', amount: { amount: 12000, currency: 'USD' }, status: 'open', dueDate: '2026-02-01' } } };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'No such route.' } } };
  }
}
