/**
 * The card rules, server-side. The elements show what the server says (`removable`,
 * `removalBlockedReason`, `expired`); the server is what enforces it:
 *
 * - the default card cannot be removed while other cards exist (409 `default`);
 * - the only card cannot be removed while a subscription is active (409 `only-card-required`);
 * - a card with a payment still settling cannot be removed (409 `pending-payment`);
 * - an expired card cannot become the default (409 `expired`);
 * - an account keeps at most `maxCards` cards (409 `max_cards`);
 * - adding a card, or paying with a new one, is rate-limited per account and per IP (429), against
 *   card testing;
 * - brand, last four and expiry always come from the gateway, never from the client.
 */
import type {
  AccountPolicy,
  CardAddedResponse,
  CardFunding,
  CardListResponse,
  Invoice,
  Money,
  Payment,
  PaymentResponse,
  RemovalBlockedReason,
  SavedCard,
  Verification,
} from '../../src/endpoint/types.js';
import type { GatewayCharge, GatewayPaymentMethod, GatewayVerification } from '../gateway/index.js';
import { isCardExpired } from '../lib/expiry.js';
import { randomId } from '../lib/ids.js';
import type { GatewayClient, GatewayErrorBody } from './gateway-client.js';
import { ApiProblem, conflict, invalid, notFound, rateLimited } from './problems.js';
import type { ApiResult } from './problems.js';
import type { Limit } from './rate-limit.js';
import { CardIntake } from './card-intake.js';
import type { NewCardInput, PaymentInput } from './requests.js';
import type { Account, CardRecord, HostStore, PaymentRecord, Statement, VerificationRecord } from './store.js';

/** Limits that keep card testing and abuse in check. */
export interface HostLimits {
  /** Cards an account may keep. Default 5. */
  maxCards: number;
  /** Attempts to add a card or pay with a new one, per account. Default 10 per 15 minutes. */
  cardAttemptsPerAccount: Limit;
  /** The same, per client IP. Default 30 per 15 minutes. */
  cardAttemptsPerIp: Limit;
  /** Failed sign-ins per client IP. Default 20 per 15 minutes. */
  failedSignInsPerIp: Limit;
  /** How long a session lasts. Default 12 hours. */
  sessionTtlMs: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: HostLimits = {
  maxCards: 5,
  cardAttemptsPerAccount: { max: 10, windowMs: 15 * 60_000 },
  cardAttemptsPerIp: { max: 30, windowMs: 15 * 60_000 },
  failedSignInsPerIp: { max: 20, windowMs: 15 * 60_000 },
  sessionTtlMs: 12 * 60 * 60_000,
};

/** What a payment is for and how it is paid, whether now or after a verification. */
interface PaymentContext {
  amount: Money;
  invoiceId: string | null;
  description: string;
  /** The saved card charged, when paying with one. */
  cardId: string | null;
  /** The card details, when paying with a new card that is to be saved. */
  newCard: { nameOnCard: string; billingAddressId: string; setDefault: boolean; funding: CardFunding | null } | null;
}

function gatewayProblem(status: number, error: GatewayErrorBody, retryAfter?: string): ApiProblem {
  if (status === 402 && error.code === 'card_declined') {
    return new ApiProblem(402, { code: 'card_declined', declineCode: error.declineCode ?? 'generic_decline', message: 'The card was declined.' });
  }
  if (status === 409 && error.code === 'token_used') return conflict('token_used', 'This token has already been used.');
  if (status === 404 && error.field === 'token') return invalid('token', 'The token is unknown to the gateway.');
  if (status === 422 && error.code === 'verification_failed') {
    return new ApiProblem(422, {
      code: 'verification_failed',
      reason: error.reason ?? 'wrong_code',
      message: 'The code is not correct.',
      ...(error.attemptsLeft !== undefined ? { attemptsLeft: error.attemptsLeft } : {}),
    });
  }
  if (status === 410) return new ApiProblem(410, { code: 'verification_failed', reason: 'expired', message: 'The code has expired.' });
  if (status === 409 && error.code === 'verification_not_pending') {
    return conflict(`verification_${error.reason ?? 'closed'}`, 'The verification is no longer pending.');
  }
  if (status === 429) return rateLimited(Number(retryAfter) || 60, 'Too many codes sent; try again later.');
  return new ApiProblem(502, { code: 'server_error', message: 'The payment gateway refused the request.' });
}

function verificationOf(v: Pick<VerificationRecord, 'id' | 'status' | 'sentTo' | 'expiresAt' | 'codeLength'>): Verification {
  const verification: Verification = { id: v.id, kind: 'otp', status: v.status, expiresAt: v.expiresAt };
  if (v.sentTo) verification.sentTo = v.sentTo;
  if (v.codeLength) verification.codeLength = v.codeLength;
  return verification;
}

function paymentOf(p: PaymentRecord): Payment {
  const payment: Payment = { id: p.id, status: p.status, amount: p.amount, card: p.card, createdAt: p.createdAt };
  if (p.invoiceId) payment.invoiceId = p.invoiceId;
  return payment;
}

/** The card rules and flows; the HTTP layer handles sessions, CSRF, idempotency and locking. */
export class CardService {
  private readonly intake: CardIntake;

  constructor(
    private readonly store: HostStore,
    private readonly gateway: GatewayClient,
    private readonly limits: HostLimits,
    private readonly now: () => Date,
  ) {
    this.intake = new CardIntake(store, limits, now);
  }

  /** The account's card policy. */
  async policy(accountId: string): Promise<AccountPolicy> {
    const subscription = await this.store.activeSubscription(accountId);
    return subscription
      ? { cardRequired: true, cardRequiredReason: 'active-subscription', maxCards: this.limits.maxCards }
      : { cardRequired: false, maxCards: this.limits.maxCards };
  }

  /** `GET /cards`: the cards, default first, with what the server would allow for each. */
  async cardList(accountId: string): Promise<CardListResponse> {
    const [records, policy, pending] = await Promise.all([
      this.store.cards(accountId),
      this.policy(accountId),
      this.store.cardsWithPendingPayments(accountId),
    ]);
    const now = this.now();
    const cards = records.map((record) => {
      const reason = this.removalBlockedReason(record, records.length, policy, pending);
      const card: SavedCard = {
        id: record.id,
        brand: record.brand,
        last4: record.last4,
        expMonth: record.expMonth,
        expYear: record.expYear,
        nameOnCard: record.nameOnCard,
        funding: record.funding,
        isDefault: record.isDefault,
        expired: isCardExpired(record.expMonth, record.expYear, now),
        removable: reason === null,
        createdAt: record.createdAt,
      };
      if (reason) card.removalBlockedReason = reason;
      return card;
    });
    return { cards, policy };
  }

  private removalBlockedReason(card: CardRecord, count: number, policy: AccountPolicy, pending: Set<string>): RemovalBlockedReason | null {
    if (count === 1 && policy.cardRequired) return 'only-card-required';
    // the only card may go when nothing requires one, even though it is the default
    if (card.isDefault && count > 1) return 'default';
    if (pending.has(card.id)) return 'pending-payment';
    return null;
  }

  /** `POST /cards/{id}/default`. */
  async setDefault(accountId: string, cardId: string): Promise<ApiResult> {
    const card = await this.store.card(accountId, cardId);
    if (!card) throw notFound('card');
    if (isCardExpired(card.expMonth, card.expYear, this.now())) throw conflict('expired', 'An expired card cannot be the default.');
    if (!card.isDefault) await this.store.setDefaultCard(accountId, cardId);
    return { status: 200, body: await this.cardList(accountId) };
  }

  /** `DELETE /cards/{id}`. */
  async removeCard(accountId: string, cardId: string): Promise<ApiResult> {
    const list = await this.cardList(accountId);
    const card = list.cards.find((c) => c.id === cardId);
    if (!card) throw notFound('card');
    if (card.removalBlockedReason) {
      const messages: Record<RemovalBlockedReason, string> = {
        default: 'The default card cannot be removed; make another card the default first.',
        'only-card-required': 'The only card cannot be removed while a subscription is active.',
        'pending-payment': 'A payment with this card has not settled yet.',
      };
      throw conflict(card.removalBlockedReason, messages[card.removalBlockedReason]);
    }
    await this.store.deleteCard(accountId, cardId);
    return { status: 200, body: await this.cardList(accountId) };
  }

  /** `POST /cards`: saves a token as a card, or starts the verification the gateway asks for. */
  async addCard(account: Account, input: NewCardInput, ip: string): Promise<ApiResult> {
    await this.intake.checkRoom(account.id);
    this.intake.countAttempt(account.id, ip);
    const billing = await this.intake.billing(account.id, input.billing);

    const facts = await this.gateway.retrieveToken(input.token);
    if (!facts.ok) throw gatewayProblem(facts.status, facts.error);
    if (facts.value.token.used) throw conflict('token_used', 'This token has already been used.');

    const outcome = await this.gateway.createPaymentMethod(input.token);
    if (!outcome.ok) throw gatewayProblem(outcome.status, outcome.error);
    if (outcome.value.status === 'requires_action') {
      const verification = await this.startVerification(account.id, outcome.value.verification, billing.statements, {
        purpose: 'add-card',
        nameOnCard: input.nameOnCard,
        billingAddressId: billing.id,
        funding: input.funding ?? null,
        setDefault: input.setDefault,
        saveCard: true,
      });
      return { status: 202, body: { verification } };
    }
    const card = await this.intake.cardRecord(account.id, outcome.value.paymentMethod, {
      nameOnCard: input.nameOnCard,
      billingAddressId: billing.id,
      setDefault: input.setDefault,
      funding: input.funding ?? null,
    });
    await this.store.batch([...billing.statements, ...this.store.insertCardStatements(card)]);
    return { status: 201, body: await this.cardAdded(account.id, card.id) };
  }

  /** `POST /payments`: pays an invoice or an amount with a saved card or a new token. */
  async pay(account: Account, input: PaymentInput, ip: string): Promise<ApiResult> {
    let invoice: Invoice | null = null;
    let amount: Money;
    if (input.invoiceId) {
      invoice = await this.store.invoice(account.id, input.invoiceId);
      if (!invoice) throw notFound('invoice');
      if (invoice.status === 'paid') throw conflict('invoice_paid', 'This invoice is already paid.');
      if (invoice.status === 'void') throw conflict('invoice_void', 'This invoice is void.');
      if (input.amount && (input.amount.amount !== invoice.amount.amount || input.amount.currency !== invoice.amount.currency)) {
        throw invalid('amount', 'The amount does not match the invoice.');
      }
      amount = invoice.amount;
    } else {
      const wallet = await this.store.wallet(account.id);
      amount = input.amount as Money;
      if (!wallet || wallet.currency !== amount.currency) throw invalid('amount.currency', 'The wallet is kept in another currency.');
    }
    const context: PaymentContext = {
      amount,
      invoiceId: invoice?.id ?? null,
      description: input.description ?? invoice?.description ?? 'Wallet refill',
      cardId: null,
      newCard: null,
    };

    const source = input.source;
    if ('cardId' in source) {
      const card = await this.store.card(account.id, source.cardId);
      if (!card) throw notFound('card');
      context.cardId = card.id;
      const result = await this.gateway.charge({ paymentMethod: card.gatewayPaymentMethodId }, amount.amount, amount.currency);
      if (!result.ok) throw gatewayProblem(result.status, result.error);
      if (result.value.status === 'requires_action') {
        const verification = await this.startVerification(account.id, result.value.verification, [], this.verificationFields(context));
        return { status: 202, body: { verification } };
      }
      return { status: 201, body: await this.completePayment(account.id, context, result.value.charge, undefined, []) };
    }

    if (source.saveCard) await this.intake.checkRoom(account.id);
    this.intake.countAttempt(account.id, ip);
    const billing = await this.intake.billing(account.id, source.billing);
    if (source.saveCard) {
      context.newCard = { nameOnCard: source.nameOnCard, billingAddressId: billing.id, setDefault: source.setDefault, funding: source.funding ?? null };
    }
    const result = await this.gateway.charge({ token: source.token, savePaymentMethod: source.saveCard }, amount.amount, amount.currency);
    if (!result.ok) throw gatewayProblem(result.status, result.error);
    if (result.value.status === 'requires_action') {
      const verification = await this.startVerification(
        account.id,
        result.value.verification,
        source.saveCard ? billing.statements : [],
        this.verificationFields(context),
      );
      return { status: 202, body: { verification } };
    }
    return {
      status: 201,
      body: await this.completePayment(account.id, context, result.value.charge, result.value.paymentMethod, source.saveCard ? billing.statements : []),
    };
  }

  /** `POST /verifications/{id}/confirm`: the answer is what the verified request produces. */
  async confirm(accountId: string, verificationId: string, code: string): Promise<ApiResult> {
    const v = await this.openVerification(accountId, verificationId);
    const result = await this.gateway.confirmVerification(v.gatewayVerificationId, code);
    if (!result.ok) {
      const { status, error } = result;
      if (status === 410 || error.reason === 'attempts_exhausted') {
        await this.store.batch([this.store.updateVerificationStatement({ ...v, status: status === 410 ? 'expired' : 'failed' })]);
      }
      throw gatewayProblem(status, error);
    }
    const done = this.store.updateVerificationStatement({ ...v, status: 'succeeded' });

    if (v.purpose === 'add-card') {
      if (!result.value.paymentMethod) throw new ApiProblem(502, { code: 'server_error', message: 'The gateway returned no card.' });
      await this.intake.checkRoom(accountId);
      const card = await this.intake.cardRecord(accountId, result.value.paymentMethod, {
        nameOnCard: v.nameOnCard ?? '',
        billingAddressId: v.billingAddressId ?? '',
        setDefault: v.setDefault,
        funding: v.funding,
      });
      await this.store.batch([done, ...this.store.insertCardStatements(card)]);
      return { status: 200, body: await this.cardAdded(accountId, card.id) };
    }

    if (!result.value.charge || !v.amount) throw new ApiProblem(502, { code: 'server_error', message: 'The gateway returned no charge.' });
    const context: PaymentContext = {
      amount: v.amount,
      invoiceId: v.invoiceId,
      description: v.description ?? 'Payment',
      cardId: v.cardId,
      newCard:
        v.saveCard && v.billingAddressId
          ? { nameOnCard: v.nameOnCard ?? '', billingAddressId: v.billingAddressId, setDefault: v.setDefault, funding: v.funding }
          : null,
    };
    return { status: 200, body: await this.completePayment(accountId, context, result.value.charge, result.value.paymentMethod, [done]) };
  }

  /** `POST /verifications/{id}/resend`. */
  async resend(accountId: string, verificationId: string): Promise<ApiResult> {
    const v = await this.store.verification(accountId, verificationId);
    if (!v) throw notFound('verification');
    if (v.status !== 'pending' && v.status !== 'expired') throw conflict(`verification_${v.status}`, 'The verification is no longer pending.');
    const result = await this.gateway.resendVerification(v.gatewayVerificationId);
    if (!result.ok) throw gatewayProblem(result.status, result.error, result.retryAfter);
    const updated = { ...v, status: 'pending' as const, expiresAt: result.value.verification.expiresAt };
    await this.store.batch([this.store.updateVerificationStatement(updated)]);
    return { status: 200, body: { verification: verificationOf(updated) } };
  }

  /** `POST /verifications/{id}/cancel`. */
  async cancel(accountId: string, verificationId: string): Promise<ApiResult> {
    const v = await this.store.verification(accountId, verificationId);
    if (!v) throw notFound('verification');
    if (v.status === 'cancelled') return { status: 200, body: { verification: verificationOf(v) } };
    if (v.status !== 'pending' && v.status !== 'expired') throw conflict(`verification_${v.status}`, 'The verification is no longer pending.');
    const result = await this.gateway.cancelVerification(v.gatewayVerificationId);
    if (!result.ok) throw gatewayProblem(result.status, result.error);
    const updated = { ...v, status: 'cancelled' as const };
    await this.store.batch([this.store.updateVerificationStatement(updated)]);
    return { status: 200, body: { verification: verificationOf(updated) } };
  }

  // --- helpers -----------------------------------------------------------------------------------


  private async cardAdded(accountId: string, cardId: string): Promise<CardAddedResponse> {
    const list = await this.cardList(accountId);
    const card = list.cards.find((c) => c.id === cardId);
    if (!card) throw new ApiProblem(500, { code: 'server_error', message: 'The card was not saved.' });
    return { card, cards: list.cards, policy: list.policy };
  }

  private verificationFields(context: PaymentContext): Omit<VerificationRow, 'purpose'> & { purpose: 'payment' } {
    return {
      purpose: 'payment',
      nameOnCard: context.newCard?.nameOnCard ?? null,
      billingAddressId: context.newCard?.billingAddressId ?? null,
      funding: context.newCard?.funding ?? null,
      setDefault: context.newCard?.setDefault ?? false,
      saveCard: context.newCard !== null,
      cardId: context.cardId,
      invoiceId: context.invoiceId,
      amount: context.amount,
      description: context.description,
    };
  }

  private async startVerification(
    accountId: string,
    gv: GatewayVerification,
    statements: Statement[],
    fields: VerificationRow,
  ): Promise<Verification> {
    const record: VerificationRecord = {
      cardId: null,
      invoiceId: null,
      amount: null,
      description: null,
      ...fields,
      id: randomId('vrf'),
      accountId,
      gatewayVerificationId: gv.id,
      status: 'pending',
      sentTo: gv.sentTo,
      expiresAt: gv.expiresAt,
      codeLength: gv.codeLength,
      createdAt: this.now().toISOString(),
    };
    await this.store.batch(statements);
    await this.store.insertVerification(record);
    return verificationOf(record);
  }

  /** A verification that may still be confirmed; 404, 409 or 410 otherwise. */
  private async openVerification(accountId: string, verificationId: string): Promise<VerificationRecord> {
    const v = await this.store.verification(accountId, verificationId);
    if (!v) throw notFound('verification');
    if (v.status === 'pending' && this.now().toISOString() >= v.expiresAt) {
      v.status = 'expired';
      await this.store.batch([this.store.updateVerificationStatement(v)]);
    }
    if (v.status === 'expired') throw new ApiProblem(410, { code: 'verification_failed', reason: 'expired', message: 'The code has expired.' });
    if (v.status !== 'pending') throw conflict(`verification_${v.status}`, 'The verification is no longer pending.');
    return v;
  }

  private async completePayment(
    accountId: string,
    context: PaymentContext,
    charge: GatewayCharge,
    pm: GatewayPaymentMethod | undefined,
    statements: Statement[],
  ): Promise<PaymentResponse> {
    const all = [...statements];
    let saved: CardRecord | null = null;
    if (pm && context.newCard) {
      saved = await this.intake.cardRecord(accountId, pm, context.newCard);
      all.push(...this.store.insertCardStatements(saved));
    }
    const payment: PaymentRecord = {
      id: randomId('pay'),
      accountId,
      cardId: context.cardId ?? saved?.id ?? null,
      gatewayChargeId: charge.id,
      amount: context.amount,
      status: 'succeeded',
      invoiceId: context.invoiceId,
      description: context.description,
      card: { brand: charge.card.brand, last4: charge.card.last4, expMonth: charge.card.expMonth, expYear: charge.card.expYear },
      createdAt: this.now().toISOString(),
    };
    all.push(...this.store.insertPaymentStatements(payment));
    await this.store.batch(all);
    const response: PaymentResponse = { payment: paymentOf(payment) };
    if (saved) response.savedCard = (await this.cardAdded(accountId, saved.id)).card;
    return response;
  }
}

/** The request-specific columns of a verification. */
type VerificationRow = Pick<
  VerificationRecord,
  'purpose' | 'nameOnCard' | 'billingAddressId' | 'funding' | 'setDefault' | 'saveCard'
> &
  Partial<Pick<VerificationRecord, 'cardId' | 'invoiceId' | 'amount' | 'description'>>;
