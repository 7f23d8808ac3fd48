import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { brandInfo, brandListAttribute, type CardBrand } from '../core/brands.js';
import { formatExpiry, type ExpiryStatus } from '../core/expiry.js';
import { maskLast4 } from '../core/mask.js';
import { EndpointClient } from '../endpoint/client.js';
import type { SavedAddress, SavedCard } from '../endpoint/types.js';
import { SessionExpiredEvent } from '../events/session-expired.js';
import type { StripeLoader } from '../gateways/stripe-types.js';
import type { Tokenizer } from '../gateways/types.js';
import type { Messages } from '../i18n/en/index.js';
import { translator, type Translate } from '../i18n/translate.js';
import { hostStyles } from '../styles/shared.styles.js';
import { cardListStyles } from './card-list.styles.js';
import { CardActions } from './card-actions.js';
import { ListStore } from './list-store.js';
import { ListSync } from './list-sync.js';
import { manageRow, markFor, sameInputs, selectRow, type RowInputs, type RowState } from './row.js';
import { ExpiryMemo, canBecomeDefault, cardExpiry, failurePlan, offersReplace, removalBlock } from './rules.js';
import { ListRows } from './list-rows.js';
import { emptyState, errorState, removeDialog, skeleton } from './views.js';

/**
 * @tagname card-list
 * @summary The signed-in account's cards on file: the default first, expiry flags, set as default,
 * remove (with the account's rules), replace, add, and in `selectable` mode the choice of a card to pay with.
 *
 * Reads `GET /cards` from `endpoint` (or the injected `client`) and keeps it true: refetches when the
 * tab becomes visible, when the connection returns, and when another tab's list changes the cards
 * (BroadcastChannel `saved-cards`). Set as default shows at once and rolls back if the server refuses;
 * an older answer never overwrites a newer one. Remove asks first in a modal dialog and fires the
 * cancelable `card-remove` before the call. Adding and replacing embed `<add-card-form>` (register
 * it too: `import 'saved-cards/define'`).
 *
 * Everything the endpoint sends is shown as text, direction-isolated, and long names are cut with an
 * ellipsis; an answer that breaks the contract shows the error state.
 *
 * @slot terms - With `require-terms`: the terms beside the embedded form's checkbox
 *   (`<span slot="terms">I agree to the <a href="/terms">terms</a></span>`). Default: "I agree to the terms".
 *
 * @csspart list - The list of rows (also the skeleton's).
 * @csspart row - Each card's row; also `row-default`, `row-expired`, `row-expiring`, `row-busy`, `row-selected`.
 * @csspart row-default - The default card's row.
 * @csspart brand - The brand mark and name.
 * @csspart number - The masked number (per `mask-pattern`).
 * @csspart name - The name on the card.
 * @csspart expiry - The expiry ("Expires 12/30").
 * @csspart badge - The "Default", "Expired" and "Expires soon" badges; also `badge-default`, `badge-expired`, `badge-expiring`.
 * @csspart actions - A row's buttons.
 * @csspart button - Every button; also `button-default`, `button-replace`, `button-remove`, `button-add`, `button-back`, `button-confirm`, `button-cancel`, `button-retry`, `button-dismiss`.
 * @csspart reason - Why a card's Remove is unavailable, under the row.
 * @csspart status - A row's "Saving…" while its default change is on its way.
 * @csspart dialog - The removal confirmation `<dialog>`.
 * @csspart notice - The message above the list (success or failure); also `notice-error`.
 * @csspart note - The offline and card-limit notes.
 * @csspart empty - The empty state.
 * @csspart error - The error state (the first load failed).
 * @csspart skeleton - The loading state.
 * @csspart steps - The replace progress list; each item is `step` plus `step-pending|active|done|failed`.
 * @csspart form - The embedded `<add-card-form>`.
 *
 * @cssprop [--card-list-color=inherit] - Text colour.
 * @cssprop [--card-list-background=#fff] - Row, notice and dialog background.
 * @cssprop [--card-list-border-color=#d0d5dd] - Row, button and dialog borders.
 * @cssprop [--card-list-muted-color=#475467] - Expiry, reasons, unavailable buttons.
 * @cssprop [--card-list-accent-color=#175cd3] - Buttons, the selected row, radios.
 * @cssprop [--card-list-accent-text-color=#fff] - Text on accent-coloured buttons.
 * @cssprop [--card-list-danger-color=#b42318] - The "Expired" badge text, errors, the confirm button.
 * @cssprop [--card-list-danger-background=#fef3f2] - The "Expired" badge background.
 * @cssprop [--card-list-danger-text-color=#fff] - Text on the danger-coloured confirm button ("Remove card").
 * @cssprop [--card-list-warning-color=#93370d] - The "Expires soon" badge text.
 * @cssprop [--card-list-warning-background=#fef0c7] - The "Expires soon" badge background.
 * @cssprop [--card-list-badge-color=#175cd3] - The "Default" badge text.
 * @cssprop [--card-list-badge-background=#eff8ff] - The "Default" badge background.
 * @cssprop [--card-list-skeleton-color=#eaecf0] - The loading placeholders.
 * @cssprop [--card-list-radius=8px] - Corner radius of rows, notices and the dialog.
 * @cssprop [--card-list-spacing=12px] - Padding and gaps.
 * @cssprop [--card-list-focus-ring=2px solid #175cd3] - The keyboard focus outline.
 * @cssprop [--card-list-backdrop=rgb(16 24 40 / 0.45)] - What covers the page behind the removal dialog.
 *
 * @fires {CardAddedEvent} card-added - From the embedded form: a card was saved. `detail: { card, cards, policy }`.
 * @fires {CardRemoveEvent} card-remove - Cancelable, before a removal is sent; `preventDefault()` keeps the card. `detail: { card, cause }`.
 * @fires {CardRemovedEvent} card-removed - The server removed a card. `detail: { card }`.
 * @fires {DefaultChangedEvent} default-changed - The server confirmed a new default. `detail: { card, previous }`.
 * @fires {CardSelectEvent} card-select - Selectable mode: the customer chose a card. `detail: { card }`.
 * @fires {RemovalBlockedEvent} removal-blocked - A removal was refused by a rule. `detail: { card, reason, source }`.
 * @fires {SessionExpiredEvent} session-expired - The endpoint answered 401. `detail: { source: 'card-list' }`.
 * @fires {PaymentSucceededEvent} payment-succeeded - From the embedded form in pay mode ("Use another card").
 */
export class CardList extends LitElement {
  static override styles = [hostStyles, cardListStyles];

  /** The host endpoint's base URL (`/api`). Ignored when `client` is set. */
  @property() endpoint = '';

  /** The token endpoint's URL, passed to the embedded form. Ignored when `tokenizer` is set. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /** Which gateway the embedded form tokenizes with (`token-endpoint`, `stripe`). */
  @property() gateway = 'token-endpoint';

  /** The gateway's publishable key, passed to the embedded form. */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** An endpoint client to use instead of one made from `endpoint` (tests, custom headers). */
  @property({ attribute: false }) client: EndpointClient | null = null;

  /** A tokenizer for the embedded form, instead of one made from `token-endpoint`. */
  @property({ attribute: false }) tokenizer: Tokenizer | null = null;

  /** With `gateway="stripe"`: loads Stripe.js for the embedded form, instead of its default loader. */
  @property({ attribute: false }) stripeLoader: StripeLoader | null = null;

  /** Radio-style rows to choose a card to pay with, the default pre-selected, plus "Use another card". */
  @property({ type: Boolean, reflect: true }) selectable = false;

  /** Cards expiring within this many days are flagged "Expires soon". */
  @property({ type: Number, attribute: 'expiring-days' }) soonDays = 60;

  /** How the number shows; `{last4}` is replaced by the last four digits (`XXXX{last4}`). */
  @property({ attribute: 'mask-pattern' }) maskPattern = '•••• {last4}';

  /** Replacement strings, by message key (`{ listRemove: 'Delete' }`), or a whole locale. Passed to the form. */
  @property({ attribute: false }) messages: Partial<Messages> = {};

  /** The date expiry is judged against; default: the current time at each render. */
  @property({ attribute: false }) now: Date | null = null;

  /** Hide the list's own "Add new card" / "Use another card" (the host offers its own way). */
  @property({ type: Boolean, attribute: 'hide-add' }) hideAdd = false;

  /** Selectable mode: the chosen card's id (the default card's until the customer picks). */
  @property() value = '';

  /** Pay mode of "Use another card": the amount in minor units. */
  @property({ type: Number }) amount: number | null = null;

  /** Pay mode of "Use another card": the ISO 4217 currency. */
  @property() currency = 'USD';

  /** Pay mode of "Use another card": the invoice being paid. */
  @property({ attribute: 'invoice-id' }) invoiceId = '';

  /** The embedded form's accepted brands (card-validator ids, space-separated in the attribute); empty accepts every brand. */
  @property({ attribute: 'accepted-brands', converter: brandListAttribute })
  acceptedBrands: CardBrand[] = [];

  /** The embedded form asks whether the card is a credit or a debit card. */
  @property({ type: Boolean, attribute: 'funding-choice' }) fundingChoice = false;

  /** The embedded form's billing address may be left empty. */
  @property({ type: Boolean, attribute: 'address-optional' }) addressOptional = false;

  /** The embedded form's language for country names and amounts (BCP 47); default: the nearest `lang`, then the browser's. */
  @property() locale = '';

  /** "Use another card" hides "Save this card for future payments" (the card is then not kept). */
  @property({ type: Boolean, attribute: 'hide-save' }) hideSave = false;

  /** The embedded form shows a terms checkbox (text in the `terms` slot) that must be ticked. */
  @property({ type: Boolean, attribute: 'require-terms' }) requireTerms = false;

  /** Addresses on file for the embedded form to offer; when null the form fetches them (`GET /addresses`). */
  @property({ attribute: false }) savedAddresses: SavedAddress[] | null = null;

  readonly #store = new ListStore({ client: () => this.#activeClient(), changed: () => this.requestUpdate() });
  readonly #sync = new ListSync(this, { refetch: () => void this.#actions.refetch() });
  readonly #actions = new CardActions({
    el: this,
    store: this.#store,
    sync: this.#sync,
    t: (key, params) => this.#t(key, params),
    label: (card) => this.#cardLabel(card),
    client: () => this.#activeClient(),
    // looked up when needed, as @query would, without shipping the decorator for one use
    dialog: () => this.renderRoot.querySelector('dialog'),
    sessionExpired: () => this.dispatchEvent(new SessionExpiredEvent({ source: 'card-list' })),
  });
  readonly #expiry = new ExpiryMemo();
  readonly #domIds = new Map<string, string>();
  readonly #rows = new ListRows<RowInputs>();
  /** Each card's brand mark by id: a card that becomes the default keeps its clone. */
  #marks = new Map<string, Element>();
  #ownClient: EndpointClient | null = null;
  #ownClientUrl = '';
  #loadedClient: EndpointClient | null = null;
  #t: Translate = translator(null);
  #needsLoad = false;
  /** The row and button that had focus before this render. */
  #focusedIn: { id: string; action: string } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // back on the page after being moved or re-attached: what it shows may be stale
    if (this.hasUpdated) void this.#actions.refetch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.#t = translator(this.messages);
    if (changed.has('client') || changed.has('endpoint')) {
      const next = this.#activeClient();
      if (next !== this.#loadedClient) {
        // another endpoint is another account's list: start over rather than show the old one
        this.#loadedClient = next;
        this.#store.reset();
        this.#needsLoad = next !== null;
      }
    }
    if (this.selectable) this.value = this.#validSelection();
    // a row drawn anew (it went busy, locked or back) takes its focused control with it
    const active = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    const row = active?.closest<HTMLElement>('li[data-id]');
    this.#focusedIn = row ? { id: row.dataset.id ?? '', action: (active as HTMLElement).dataset.action ?? '' } : null;
  }

  protected override updated(): void {
    const was = this.#focusedIn;
    if (was && !(this.renderRoot as ShadowRoot).activeElement) this.#actions.refocus(was.id, was.action);
    if (this.#needsLoad) {
      this.#needsLoad = false;
      void this.#actions.refetch();
    }
  }

  /** Fetches the list again (what the error state's "Try again" does). */
  refresh(): Promise<void> {
    return this.#actions.refetch();
  }

  #cardLabel(card: Pick<SavedCard, 'brand' | 'last4'>): string {
    return this.#t('listCardLabel', { brand: brandInfo(card.brand).displayName, last4: card.last4 });
  }

  /** The client in use: the injected one, or one made (and kept) for `endpoint`. */
  #activeClient(): EndpointClient | null {
    if (this.client) return this.client;
    if (!this.endpoint) return null;
    if (!this.#ownClient || this.#ownClientUrl !== this.endpoint) {
      this.#ownClient = new EndpointClient({ baseUrl: this.endpoint });
      this.#ownClientUrl = this.endpoint;
    }
    return this.#ownClient;
  }

  /** `value` when it names a card that can pay; otherwise the default (or first) card that can, or `''`. */
  #validSelection(): string {
    if (!this.#store.snapshot) return this.value;
    const now = this.now ?? new Date();
    const cards = this.#store.cards.filter((c) => this.#status(c, now) !== 'expired');
    if (cards.some((c) => c.id === this.value)) return this.value;
    return (cards.find((c) => c.isDefault) ?? cards[0])?.id ?? '';
  }

  /** `card`'s expiry as the list shows it on the day of `now`. */
  #status(card: SavedCard, now: Date): ExpiryStatus {
    return cardExpiry(card, this.#expiry.status(card, now, this.soonDays));
  }

  #domId(id: string): string {
    let value = this.#domIds.get(id);
    if (!value) {
      value = `card-${this.#domIds.size + 1}`;
      this.#domIds.set(id, value);
    }
    return value;
  }

  #handleListClick(event: Event): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const card = this.#rows.cardOf(button);
    if (card) this.#actions.rowAction(button!.dataset.action ?? '', card);
  }

  #handleSelect(event: Event): void {
    const input = event.target as HTMLInputElement;
    const card = this.#rows.cardOf(input);
    if (!card || input.type !== 'radio') return;
    this.value = card.id;
    this.#actions.selected(card);
  }

  #handleDismiss(): void {
    this.#actions.notice = null;
    this.#actions.clearSteps();
  }

  #handleRetry(): void {
    void this.#actions.retry();
  }

  #handleAdd(event: Event): void {
    this.#actions.open(this.selectable ? 'pay' : 'add', event.currentTarget as HTMLElement);
  }

  /** What a row shows besides its card. */
  #rowState(card: SavedCard, cards: readonly SavedCard[], now: Date): RowInputs {
    const offline = !this.#sync.online;
    return {
      status: this.#status(card, now),
      blocked: removalBlock(card, cards, this.#store.policy),
      busy: this.#store.busy(card.id),
      locked: offline || this.#store.locked(card.id),
      offline,
      selected: this.selectable && this.value === card.id,
    };
  }

  #renderRow(card: SavedCard, s: RowInputs): TemplateResult {
    // the brand mark is a clone made once per card: a row drawn again keeps its node
    let mark = this.#marks.get(card.id);
    if (!mark || mark.firstElementChild?.getAttribute('data-brand') !== card.brand) {
      mark = markFor(card.brand);
      if (this.#marks.size > 2 * this.#store.cards.length + 64) this.#marks = new Map();
      this.#marks.set(card.id, mark);
    }
    const row: RowState = {
      mark,
      // only a blocked row's reason and a radio carry ids
      domId: s.blocked || this.selectable ? this.#domId(card.id) : '',
      label: this.#cardLabel(card),
      number: maskLast4(card.last4, this.maskPattern),
      expiry: formatExpiry({ month: card.expMonth, year: card.expYear }),
      status: s.status,
      blocked: s.blocked,
      canDefault: canBecomeDefault(card, s.status),
      canReplace: offersReplace(s.status),
      busy: s.busy,
      locked: s.locked,
      lockedBy: s.offline ? 'offline-note' : '',
    };
    return this.selectable ? selectRow(card, row, this.#t, s.selected) : manageRow(card, row, this.#t);
  }

  #renderRows(): unknown {
    const cards = this.#store.cards;
    const now = this.now ?? new Date();
    const flagged = new Set(this.#store.flagged());
    if (this.selectable) flagged.add(this.value);
    return this.#rows.render({
      cards,
      // what removalBlock reads from the list as a whole, rather than the list's length and a policy
      // object that is new with every answer
      shared: [
        this.#t,
        this.maskPattern,
        this.selectable,
        this.#sync.online,
        this.#store.policy?.cardRequired === true,
        cards.length <= 1,
        this.#expiry.epoch(now, this.soonDays),
      ],
      flagged,
      state: (card) => this.#rowState(card, cards, now),
      same: sameInputs,
      row: (card, s) => this.#renderRow(card, s),
    });
  }

  #renderList(): TemplateResult {
    const rows = this.#renderRows();
    if (this.selectable) {
      return html`<div role="radiogroup" aria-label=${this.#t('listSelectLabel')} @change=${this.#handleSelect}>
        <div part="list" class="list" role="list">${rows}</div>
      </div>`;
    }
    // one delegated listener instead of three per row; the clicks come from the row buttons, which
    // Enter and Space activate natively
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div part="list" class="list" role="list" aria-label=${this.#t('listLabel')} @click=${this.#handleListClick}>${rows}</div>`;
  }

  #renderAddButton(): TemplateResult | typeof nothing {
    if (this.hideAdd) return nothing;
    const t = this.#t;
    const policy = this.#store.policy;
    const full = !this.selectable && policy !== null && this.#store.cards.length >= policy.maxCards;
    const offline = !this.#sync.online;
    const describedBy = [full ? 'max-note' : '', offline ? 'offline-note' : ''].filter(Boolean).join(' ');
    return html`<button type="button" part="button button-add" class="primary add" aria-disabled=${full || offline ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing} @click=${this.#handleAdd}>${t(this.selectable ? 'listUseAnother' : 'listAdd')}</button>
      ${full ? html`<p part="note" class="note" id="max-note">${t('listMaxCards', { max: policy.maxCards })}</p>` : nothing}`;
  }

  #renderNotices(): TemplateResult {
    const n = this.#actions.notice;
    const body = (kind: 'info' | 'error') =>
      n?.kind === kind
        ? html`<p>${n.text}</p><button type="button" part="button button-dismiss" @click=${this.#handleDismiss}>${this.#t('listDismiss')}</button>`
        : nothing;
    // both regions stay in the DOM so screen readers hear what is put into them
    return html`<div part="notice" class="notice" role="status">${body('info')}</div><div part="notice notice-error"
      class="notice notice-error" role="alert">${body('error')}</div>`;
  }

  override render(): TemplateResult {
    if (this.#actions.view !== 'list') return this.#actions.renderForm();
    const t = this.#t;
    const store = this.#store;
    const offlineNote = this.#sync.online ? nothing : html`<p part="note" class="note" id="offline-note">${t('listOffline')}</p>`;
    let body: TemplateResult;
    let footer: TemplateResult | typeof nothing = nothing;
    if (store.status === 'loading') body = skeleton(t);
    else if (store.status === 'error') {
      const plan = failurePlan(store.loadError, 'load');
      body = errorState(t(plan.message), t, plan.sessionExpired ? null : this.#handleRetry);
    } else if (store.cards.length === 0) body = emptyState(t, this.#renderAddButton());
    else {
      // the list straight in its slot, not wrapped in one more template: a thousand rows built in a
      // wrapper would be moved into place once more
      body = this.#renderList();
      if (!this.hideAdd) footer = html`<div class="footer">${this.#renderAddButton()}</div>`;
    }
    const removing = this.#actions.removing;
    return html`${offlineNote}${this.#renderNotices()}${this.#actions.renderSteps()}${body}${footer}${removeDialog(
      removing ? t('listRemoveTitle', { card: this.#cardLabel(removing) }) : '',
      t,
      this.#actions.handleConfirm,
      this.#actions.handleCancel,
      this.#actions.handleDialogClose,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'card-list': CardList;
  }
}
