/**
 * What every way of adding a card has in common, whichever gateway holds it: the per-account cap,
 * the card-testing limits, the billing address, and the stored record with its default rule.
 * The sandbox service and the Stripe service each keep one.
 */
import type { CardBrand, CardFunding } from '../../src/endpoint/types.js';
import { isCardExpired } from '../lib/expiry.js';
import { randomId } from '../lib/ids.js';
import { conflict, notFound, rateLimited } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import type { BillingInput } from './requests.js';
import type { HostLimits } from './service.js';
import type { CardRecord, HostStore, Statement } from './store.js';

/** A card as a gateway reports it: its payment-method id and masked facts. */
export interface GatewayCardFacts {
  id: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  funding: CardFunding;
}

/** What the customer chose for a new card. */
export interface NewCardDetails {
  nameOnCard: string;
  billingAddressId: string;
  setDefault: boolean;
  funding: CardFunding | null;
}

export class CardIntake {
  private readonly perAccount: RateLimiter;
  private readonly perIp: RateLimiter;

  constructor(
    private readonly store: HostStore,
    private readonly limits: HostLimits,
    private readonly now: () => Date,
  ) {
    this.perAccount = new RateLimiter(limits.cardAttemptsPerAccount, now);
    this.perIp = new RateLimiter(limits.cardAttemptsPerIp, now);
  }

  /** Refuses a new card when the account already keeps as many as it may. */
  async checkRoom(accountId: string): Promise<void> {
    if ((await this.store.cardCount(accountId)) >= this.limits.maxCards) {
      throw conflict('max_cards', `An account may keep at most ${this.limits.maxCards} cards.`);
    }
  }

  /** Counts an attempt with a new card, or refuses it when the account or the IP has made too many. */
  countAttempt(accountId: string, ip: string): void {
    const wait = Math.max(this.perAccount.retryAfter(accountId), this.perIp.retryAfter(ip));
    if (wait > 0) throw rateLimited(wait, 'Too many attempts with new cards; try again later.');
    this.perAccount.record(accountId);
    this.perIp.record(ip);
  }

  /** The billing address id for a new card, and the statement storing it when it is new. */
  async billing(accountId: string, billing: BillingInput): Promise<{ id: string; statements: Statement[] }> {
    if ('savedAddressId' in billing) {
      const saved = await this.store.address(accountId, billing.savedAddressId);
      if (!saved) throw notFound('address');
      return { id: saved.id, statements: [] };
    }
    const id = randomId('addr');
    return { id, statements: [this.store.insertAddressStatement(id, accountId, 'card', billing.address, this.now())] };
  }

  /** The record to store for a card the gateway now holds. */
  async cardRecord(accountId: string, pm: GatewayCardFacts, details: NewCardDetails): Promise<CardRecord> {
    const count = await this.store.cardCount(accountId);
    const expired = isCardExpired(pm.expMonth, pm.expYear, this.now());
    return {
      id: randomId('card'),
      accountId,
      gatewayPaymentMethodId: pm.id,
      brand: pm.brand,
      last4: pm.last4,
      expMonth: pm.expMonth,
      expYear: pm.expYear,
      // the gateway knows better than the form, unless it does not know
      funding: pm.funding !== 'unknown' ? pm.funding : (details.funding ?? 'unknown'),
      nameOnCard: details.nameOnCard,
      billingAddressId: details.billingAddressId || null,
      // the first card is the default whatever was asked; an expired card never becomes it
      isDefault: count === 0 || (details.setDefault && !expired),
      createdAt: this.now().toISOString(),
    };
  }
}
