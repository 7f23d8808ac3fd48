/**
 * What `<card-list>` does when the customer acts: set a default, remove (with the dialog and the
 * host's veto), replace, add or pay with another card, and how each outcome is told, announced and
 * followed by focus. The element owns rendering of the list; this owns the flows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { EndpointError } from '../endpoint/errors.js';
import type { SavedCard } from '../endpoint/types.js';
import type { CardAddedEvent } from '../events/card-added.js';
import { CardRemoveEvent } from '../events/card-remove.js';
import { CardSelectEvent } from '../events/card-select.js';
import { CardRemovedEvent } from '../events/card-removed.js';
import { DefaultChangedEvent } from '../events/default-changed.js';
import type { PaymentSucceededEvent } from '../events/payment-succeeded.js';
import { RemovalBlockedEvent } from '../events/removal-blocked.js';
import type { MessageKey } from '../i18n/en/index.js';
import type { Translate } from '../i18n/translate.js';
import type { EndpointClient } from '../endpoint/client.js';
import type { CardList } from './card-list.js';
import type { ListStore, MutationOutcome } from './list-store.js';
import type { ListSync } from './list-sync.js';
import { BLOCKED_MESSAGE, failurePlan, isRemovalReason, removalBlock, type ListAction } from './rules.js';
import { replaceSteps, type Step, type StepState } from './views.js';

/** What the element shows: the list, or the embedded form for one of these. */
export type ListView = 'list' | 'add' | 'replace' | 'pay';

/** How a removal ended. */
type RemovalResult = 'done' | 'gone' | 'vetoed' | 'failed';

interface ReplaceFlow {
  old: SavedCard;
  wasDefault: boolean;
  added: SavedCard | null;
  add: StepState;
  makeDefault: StepState;
  remove: StepState;
}

/** A message shown above the list: `info` in a polite status region, `error` in an alert. */
export interface ListNotice {
  kind: 'info' | 'error';
  text: string;
}

/** What the flows need from their element beyond its public properties. */
export interface ActionsHost {
  /** The element: its public settings, events are dispatched on it, and it re-renders on request. */
  el: CardList;
  store: ListStore;
  sync: ListSync;
  t: Translate;
  /** "Visa ending in 2222". */
  label(card: Pick<SavedCard, 'brand' | 'last4'>): string;
  client(): EndpointClient | null;
  dialog(): HTMLDialogElement | null;
  /** Fires `session-expired`. */
  sessionExpired(): void;
}

/** The flows behind a card list's buttons, and the view state they drive. */
export class CardActions {
  /** The card the removal dialog asks about, while it is open. */
  removing: SavedCard | null = null;

  /** The dialog's next close event is the one "Remove card" caused, whose removal has already started. */
  #confirmedClose = false;

  #replace: ReplaceFlow | null = null;
  /** Where focus goes back to when the form closes without adding. */
  #returnTo: { id: string; action: string } | null = null;
  #sessionTold = false;
  #currentView: ListView = 'list';
  #currentNotice: ListNotice | null = null;
  readonly #el: CardList;
  readonly #store: ListStore;
  readonly #sync: ListSync;

  readonly #host: ActionsHost;

  constructor(host: ActionsHost) {
    this.#host = host;
    this.#el = host.el;
    this.#store = host.store;
    this.#sync = host.sync;
  }

  /** What shows: the list or the embedded form. */
  get view(): ListView {
    return this.#currentView;
  }

  set view(view: ListView) {
    this.#currentView = view;
    this.#el.requestUpdate();
  }

  /** The message above the list. */
  get notice(): ListNotice | null {
    return this.#currentNotice;
  }

  set notice(notice: ListNotice | null) {
    this.#currentNotice = notice;
    this.#el.requestUpdate();
  }

  /** Fetches the list; a 401 tells the host once, a 403 says so; other background failures keep the list shown. */
  async refetch(): Promise<void> {
    this.#fetched(await this.#store.refresh());
  }

  /** The error state's "Try again": back to the skeleton, then fetch. */
  async retry(): Promise<void> {
    this.#fetched(await this.#store.retry());
  }

  /** Runs a row's button: `default`, `remove` or `replace`. */
  rowAction(action: string, card: SavedCard): void {
    if (!this.#sync.online) return this.#tell('info', 'listOffline');
    if (this.#store.locked(card.id)) return;
    this.clearSteps();
    if (action === 'default') void this.#setDefault(card);
    else if (action === 'remove') void this.#askRemove(card);
    else if (action === 'replace') this.open('replace', null, card);
  }

  /** Selectable mode: the customer chose `card`. */
  selected(card: SavedCard): void {
    this.#el.dispatchEvent(new CardSelectEvent({ card }));
  }

  /** Opens the embedded form: adding, paying with another card, or replacing `card`. */
  open(view: Exclude<ListView, 'list'>, trigger: HTMLElement | null, card?: SavedCard): void {
    if (!this.#sync.online) return this.#tell('info', 'listOffline');
    if (trigger?.getAttribute('aria-disabled') === 'true') return;
    this.clearSteps();
    this.#returnTo = card ? { id: card.id, action: 'replace' } : null;
    if (view === 'replace' && card) {
      this.#replace = { old: card, wasDefault: card.isDefault, added: null, add: 'active', makeDefault: 'pending', remove: 'pending' };
    }
    this.notice = null;
    this.view = view;
    void this.#el.updateComplete.then(() => this.#el.renderRoot.querySelector<HTMLElement>('#form-title')?.focus());
  }

  /** Hides the replace progress once the customer has moved on. */
  clearSteps(): void {
    if (this.#replace && this.#replace.remove !== 'active' && this.#replace.makeDefault !== 'active') this.#replace = null;
  }

  /** The replace progress, while there is one. */
  renderSteps(): TemplateResult | typeof nothing {
    const flow = this.#replace;
    if (!flow) return nothing;
    const t = this.#host.t;
    const old = this.#host.label(flow.old);
    const steps: Step[] = [{ label: t('listReplaceStepAdd'), state: flow.add }];
    if (flow.wasDefault) steps.push({ label: t('listReplaceStepDefault'), state: flow.makeDefault });
    steps.push({ label: t('listReplaceStepRemove', { card: old }), state: flow.remove });
    return replaceSteps(t('listReplaceTitle', { card: old }), steps, t);
  }

  /** The embedded `<add-card-form>` with the list's settings, under a heading and "Back to card list". */
  renderForm(): TemplateResult {
    const el = this.#el;
    const t = this.#host.t;
    const flow = this.view === 'replace' ? this.#replace : null;
    const pay = this.view === 'pay';
    const title = flow ? t('listReplaceTitle', { card: this.#host.label(flow.old) }) : t(pay ? 'listPayTitle' : 'listAddTitle');
    return html`<section class="form-view" aria-labelledby="form-title">
      <div class="form-header">
        <h2 id="form-title" class="form-title" tabindex="-1">${title}</h2>
        <button type="button" part="button button-back" @click=${this.#handleBack}>${t('listBack')}</button>
      </div>
      ${flow ? this.renderSteps() : nothing}
      <add-card-form part="form" .client=${this.#host.client()} .tokenizer=${el.tokenizer} .endpoint=${el.endpoint}
        .tokenEndpoint=${el.tokenEndpoint} .gateway=${el.gateway} .publishableKey=${el.publishableKey} .stripeLoader=${el.stripeLoader} .mode=${pay ? 'pay' : 'add'}
        .amount=${el.amount} .currency=${el.currency} .invoiceId=${el.invoiceId} .offerDefault=${!flow?.wasDefault}
        .messages=${el.messages} .now=${el.now} .acceptedBrands=${el.acceptedBrands} .fundingChoice=${el.fundingChoice}
        .addressOptional=${el.addressOptional} .locale=${el.locale} .hideSave=${el.hideSave} .requireTerms=${el.requireTerms}
        .savedAddresses=${el.savedAddresses}
        @card-added=${this.#handleCardAdded} @payment-succeeded=${this.#handlePaid} @add-card-cancel=${this.#handleBack}
        ><slot name="terms" slot="terms">${t('termsDefault')}</slot></add-card-form>
    </section>`;
  }

  /** The dialog's "Remove card": closes the dialog and starts the removal. */
  readonly handleConfirm = (): void => {
    const card = this.removing;
    this.removing = null;
    const dialog = this.#host.dialog();
    // its close event comes later, maybe after another removal has opened the dialog again
    if (dialog?.open) this.#confirmedClose = true;
    dialog?.close();
    this.#el.requestUpdate();
    // now, not on the dialog's close event: browsers fire that with the next frame, up to ~17 ms
    // before the request could even leave
    // (closing the dialog put focus back on the row's Remove; the element keeps it there when the
    // busy row is drawn anew)
    if (card) void this.#remove(card, 'remove');
  };

  /** The dialog's "Keep card". */
  readonly handleCancel = (): void => {
    this.#host.dialog()?.close();
  };

  /** The dialog closed: "Keep card" or Escape keep the card (a confirmed removal has already started). */
  readonly handleDialogClose = (): void => {
    if (this.#confirmedClose) {
      this.#confirmedClose = false;
      return;
    }
    const card = this.removing;
    this.removing = null;
    if (!card) return;
    this.#el.requestUpdate();
    void this.#focusAction(card.id, 'remove');
  };

  readonly #handleBack = (): void => {
    const back = this.#returnTo;
    if (this.#replace?.added === null) this.#replace = null;
    this.view = 'list';
    void (back ? this.#focusAction(back.id, back.action) : this.#focusAdd());
  };

  readonly #handleCardAdded = (event: CardAddedEvent): void => {
    const { card, cards, policy } = event.detail;
    this.#store.accept({ cards, policy });
    this.#sync.announce();
    const flow = this.view === 'replace' ? this.#replace : null;
    this.view = 'list';
    if (flow) void this.#continueReplace(flow, card);
    else {
      this.#tell('info', 'listAdded', card);
      void this.#focusAction(card.id, '');
    }
  };

  readonly #handlePaid = (event: PaymentSucceededEvent): void => {
    // the form shows its own confirmation; "Back to card list" returns. A card kept while paying
    // joins the list behind it.
    if (event.detail.savedCard) {
      this.#sync.announce();
      void this.refetch();
    }
  };

  #fetched(error: unknown): void {
    if (!error) {
      this.#sessionTold = false;
      return;
    }
    const plan = failurePlan(error, 'load');
    if (plan.sessionExpired) this.#sessionExpired();
    else if (this.#store.snapshot && error instanceof EndpointError && error.status === 403) this.#tell('error', plan.message);
  }

  async #setDefault(card: SavedCard): Promise<void> {
    const pending = this.#store.setDefault(card.id);
    // the row's "Set as default" goes away with the change: keep focus in that row
    void this.#focusAction(card.id, '');
    const outcome = await pending;
    if (outcome.kind === 'done') this.#confirmDefault(card, outcome);
    else if (outcome.kind === 'failed') this.#failed(outcome.error, 'default', card);
  }

  #confirmDefault(card: SavedCard, outcome: Extract<MutationOutcome, { kind: 'done' }>): void {
    const confirmed = outcome.response.cards.find((c) => c.id === card.id);
    if (!confirmed?.isDefault) return;
    if (outcome.previous?.id !== card.id) {
      this.#el.dispatchEvent(new DefaultChangedEvent({ card: confirmed, previous: outcome.previous ?? null }));
    }
    this.#sync.announce();
    // while a newer choice is on its way, announcing this one would contradict what is shown
    if (this.#store.optimisticDefault === null && !this.#replace) this.#tell('info', 'listDefaultChanged', card);
  }

  async #askRemove(card: SavedCard): Promise<void> {
    const blocked = removalBlock(card, this.#store.cards, this.#store.policy);
    if (blocked) {
      this.#el.dispatchEvent(new RemovalBlockedEvent({ card, reason: blocked, source: 'list' }));
      return this.#tell('info', BLOCKED_MESSAGE[blocked]);
    }
    this.removing = card;
    this.#el.requestUpdate();
    await this.#el.updateComplete;
    const dialog = this.#host.dialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // the safe choice first: Enter on an unexpected dialog keeps the card
    dialog.querySelector<HTMLButtonElement>('.cancel')?.focus();
  }

  async #remove(card: SavedCard, cause: 'remove' | 'replace'): Promise<RemovalResult> {
    const request = new CardRemoveEvent({ card, cause });
    this.#el.dispatchEvent(request);
    if (request.defaultPrevented) {
      if (cause === 'remove') {
        this.#tell('info', 'listRemoveVetoed', card);
        void this.#focusAction(card.id, 'remove');
      }
      return 'vetoed';
    }
    const index = this.#store.cards.findIndex((c) => c.id === card.id);
    const outcome = await this.#store.remove(card.id);
    if (outcome.kind === 'done') {
      this.#el.dispatchEvent(new CardRemovedEvent({ card }));
      this.#sync.announce();
      if (cause === 'remove') {
        this.#tell('info', 'listRemoved', card);
        void this.#focusAfterRemoval(index);
      }
      return 'done';
    }
    const error = outcome.kind === 'failed' ? outcome.error : null;
    if (error instanceof EndpointError && error.status === 404) {
      // already gone (another tab, another device): the goal is met, the list just catches up
      if (cause === 'remove') this.#tell('info', 'listAlreadyRemoved', card);
      await this.refetch();
      if (cause === 'remove') void this.#focusAfterRemoval(index);
      return 'gone';
    }
    if (error instanceof EndpointError && error.status === 409) {
      const reason = isRemovalReason(error.reason) ? error.reason : 'unspecified';
      this.#el.dispatchEvent(new RemovalBlockedEvent({ card, reason, source: 'server' }));
      if (cause === 'remove') this.#tell('error', BLOCKED_MESSAGE[reason]);
      void this.refetch();
    } else {
      this.#failed(error, 'remove', card);
    }
    void this.#focusAction(card.id, 'remove');
    return 'failed';
  }

  async #continueReplace(flow: ReplaceFlow, added: SavedCard): Promise<void> {
    const params = { card: this.#host.label(flow.old), newCard: this.#host.label(added) };
    flow.added = added;
    flow.add = 'done';
    const update = (): void => this.#el.requestUpdate();
    if (flow.wasDefault) {
      if (!this.#store.cards.find((c) => c.id === added.id)?.isDefault) {
        flow.makeDefault = 'active';
        update();
        const outcome = await this.#store.setDefault(added.id);
        if (outcome.kind !== 'done') {
          flow.makeDefault = 'failed';
          if (outcome.kind === 'failed') this.#failed(outcome.error, 'default', added);
          this.#tell('error', 'listReplaceFailedDefault', undefined, params);
          return;
        }
        this.#confirmDefault(added, outcome);
      }
      flow.makeDefault = 'done';
    }
    flow.remove = 'active';
    update();
    const result = await this.#remove(flow.old, 'replace');
    if (result === 'done' || result === 'gone') {
      flow.remove = 'done';
      this.#tell('info', 'listReplaceDone', undefined, params);
      void this.#focusAction(added.id, '');
    } else {
      flow.remove = 'failed';
      this.#tell('error', 'listReplaceFailedRemove', undefined, params);
    }
    update();
  }

  /** Tells the customer why a call failed, and does what the failure calls for (session, refetch). */
  #failed(error: unknown, action: ListAction, card: SavedCard): void {
    if (action === 'default' && error instanceof EndpointError && error.status === 409) {
      this.#tell('error', error.reason === 'expired' ? 'listDefaultExpired' : 'listDefaultFailed', card);
      void this.refetch();
      return;
    }
    const plan = failurePlan(error, action);
    if (plan.sessionExpired) return this.#sessionExpired();
    this.#tell('error', plan.message, card);
    if (plan.refetch) void this.refetch();
  }

  #sessionExpired(): void {
    // before any list was shown, the error state already says it
    if (this.#store.snapshot) this.#tell('error', 'listSessionExpired');
    if (this.#sessionTold) return;
    this.#sessionTold = true;
    this.#host.sessionExpired();
  }

  #tell(kind: 'info' | 'error', key: MessageKey, card?: SavedCard, params?: Record<string, string>): void {
    this.notice = { kind, text: this.#host.t(key, params ?? (card ? { card: this.#host.label(card) } : undefined)) };
  }

  /**
   * The row of `id`, or the row at `index` (else the last one): a walk over the list's groups and runs
   * (list-rows.ts) that stops where it finds it, rather than a search through every row's subtree.
   */
  #row(id: string | null, index = -1): HTMLElement | null {
    let i = 0;
    let last: HTMLElement | null = null;
    for (const group of this.#el.renderRoot.querySelector('div.list')?.children ?? []) {
      for (const run of group.children) {
        for (const row of run.children) {
          // ids come from the server: compare them as data, never build a selector from one
          if (id !== null ? row.getAttribute('data-id') === id : i++ === index) return row as HTMLElement;
          last = row as HTMLElement;
        }
      }
    }
    return id === null ? last : null;
  }

  /** Focuses `action` in the row of `id` (its first control without one), now. */
  refocus(id: string, action: string): void {
    const row = this.#row(id);
    const target = (action && row?.querySelector<HTMLElement>(`[data-action="${action}"]`)) || row?.querySelector<HTMLElement>('button, input');
    target?.focus();
  }

  async #focusAction(id: string, action: string): Promise<void> {
    await this.#el.updateComplete;
    this.refocus(id, action);
  }

  async #focusAfterRemoval(index: number): Promise<void> {
    await this.#el.updateComplete;
    const target = this.#row(null, index)?.querySelector<HTMLElement>('button, input');
    if (target) target.focus();
    else await this.#focusAdd();
  }

  async #focusAdd(): Promise<void> {
    await this.#el.updateComplete;
    this.#el.renderRoot.querySelector<HTMLElement>('.add')?.focus();
  }
}
