/**
 * The state behind <add-card-form>: what was typed, how each field was handled, the phase, and
 * the handlers the template binds. The element keeps the properties and the markup; this keeps the
 * behaviour, so the file each reader opens stays short.
 *
 * The card number and security code live in two private fields and in their inputs, nowhere else:
 * not in a reactive property, not in an attribute, not in an event. `wipe()` empties all of them,
 * and so does the tokenizer's answer: from then on the form holds the token and the masked card
 * (brand and last four, shown in place of the number), never the number or code again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BrandInfo, CardBrand } from '../core/brands.js';
import type { CvvFlip } from '../cvv-flip/cvv-flip.js';
import { brandInfo, isCardBrand } from '../core/brands.js';
import { normalizeDigits } from '../core/digits.js';
import type { Expiry } from '../core/expiry.js';
import { formatExpiryInput, reformatCardNumber } from '../core/format.js';
import { normalizePostalCode } from '../core/postal-code.js';
import type { EndpointClient } from '../endpoint/client.js';
import type { Money, SavedAddress, Verification } from '../endpoint/types.js';
import { AddCardCancelEvent } from '../events/add-card-cancel.js';
import type { TokenizedCard, Tokenizer } from '../gateways/types.js';
import type { Messages } from '../i18n/index.js';
import type { Translate } from '../i18n/translate.js';
import { Dependencies } from './dependencies.js';
import { addressOnFile, billingInput, defaultAddressChoice, valuesOf, type AddressChoice, type AddressValues } from './address-section.js';
import { FIELD_ORDER, PRISTINE, errorVisible, firstInvalid, type FieldFlags, type FieldName } from './field-state.js';
import { defaultCountry, formatMinorUnits } from './locale.js';
import { type Notice } from './outcome.js';
import { Outcomes } from './outcomes-controller.js';
import { SubmitFlow, type FlowDeps, type SubmitInput } from './submit-flow.js';
import { FormValidator, type FormValues, type Problem, type Validation } from './validation.js';

/** Filling in the form, completing a verification, or done. */
export type Phase = 'form' | 'verify' | 'success';

/** What the controller reads from the element. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  endpoint: string;
  tokenEndpoint: string;
  publishableKey: string;
  gateway: string;
  client: EndpointClient | null;
  tokenizer: Tokenizer | null;
  mode: 'add' | 'pay';
  invoiceId: string;
  amount: number | null;
  currency: string;
  acceptedBrands: CardBrand[];
  requireTerms: boolean;
  hideSave: boolean;
  offerDefault: boolean;
  fundingChoice: boolean;
  addressOptional: boolean;
  savedAddresses: SavedAddress[] | null;
  messages: Partial<Messages>;
  now: Date | null;
  disabled: boolean;
  readonly resolvedLocale: string;
}

/** The choices that are not typed. */
export interface FormOptions {
  addressChoice: AddressChoice | '';
  funding: 'credit' | 'debit' | '';
  terms: boolean;
  saveCard: boolean;
  setDefault: boolean;
}

/** What render needs, computed once per render. */
export interface FormView {
  brand: BrandInfo | null;
  /** The expiry once it is valid (the drawing shows it as MM/YY even when a four-digit year was typed). */
  expiry: Expiry | null;
  /** Errors to show now (null: none, or not yet). */
  errors: Record<'number' | 'name' | 'expiry' | 'code' | 'line1' | 'city' | 'region' | 'postalCode' | 'country' | 'funding' | 'terms', string | null>;
  announcement: string;
  otpError: string | null;
  otpStatus: string;
}

/** A card field a gateway may host (number, expiry, code). */
export type HostedField = 'number' | 'expiry' | 'code';

/**
 * Card fields that a gateway hosts in its own frames (Stripe Elements): the number, expiry and code
 * are not in the form's inputs, so the form asks these instead. Set on {@link FormController.hosted}.
 */
export interface HostedCardFields {
  /** The brand the gateway detected, or null. */
  readonly brand: BrandInfo | null;
  /** The tokenizer that reads the hosted fields; null until they are ready. */
  readonly tokenizer: Tokenizer | null;
  /** The problem with each hosted field as if the customer were done (absent when fine). */
  problems(): Partial<Record<HostedField, Problem>>;
  /** The gateway itself reported this problem: show it at once, like a number that can no longer become valid. */
  definite(field: HostedField): boolean;
  focus(field: HostedField): void;
  clear(field: HostedField): void;
}

type TypedValues = AddressValues & { name: string; expiry: string };
const ADDRESS_FIELDS = ['line1', 'city', 'region', 'postalCode', 'country'] as const;
const TEXT_FIELDS = new Set<string>(['name', ...ADDRESS_FIELDS]);
const CHOICES = new Set<string>(['terms', 'saveCard', 'setDefault', 'funding', 'addressChoice']);
/** The fields typed into, whose unfinished value waits while the customer edits it (a choice is made at once). */
const TYPED = new Set<FieldName>(['number', 'name', 'expiry', 'code', 'line1', 'city', 'region', 'postalCode']);
// one empty list, so "no addresses" is the same value from render to render
const NO_ADDRESSES: readonly SavedAddress[] = Object.freeze([]);

function fieldOf(target: EventTarget | null): string | undefined {
  // getAttribute, not dataset: this runs on every keystroke, and dataset is several times slower
  return (target instanceof HTMLElement && target.getAttribute('data-field')) || undefined;
}

/** Holds the form's state and handles its events. */
export class FormController implements ReactiveController {
  values: TypedValues = { name: '', expiry: '', line1: '', city: '', region: '', postalCode: '', country: '' };
  options: FormOptions = { addressChoice: '', funding: '', terms: false, saveCard: false, setDefault: false };
  flags: Partial<Record<FieldName, FieldFlags>> = {};
  submitted = false;
  focused: string | null = null;
  phase: Phase = 'form';
  busy = false;
  notice: Notice | null = null;
  serverErrors: Partial<Record<FieldName, Problem>> = {};
  success: Problem[] = [];
  otp = '';
  otpError: Problem | null = null;
  otpStatus: Problem | null = null;

  readonly flow = new SubmitFlow();
  readonly outcomes: Outcomes;
  readonly #validator = new FormValidator();
  #number = '';
  #numberShown = '';
  #code = '';
  #announced: BrandInfo | null = null;
  #preview: CvvFlip | null = null;
  /** The number's brand and shown error as the last render showed them (see {@link numberLook}). */
  #shownLook = '';
  #version = 0;
  #composing = false;
  /** The masked facts of the card last handed to the tokenizer, once its number and code were emptied. */
  #handedOver: TokenizedCard | null = null;
  #loadedAddresses: SavedAddress[] | null = null;
  #addressesFrom: EndpointClient | null = null;
  #invoiceFor: string | null = null;
  /** The amount of `invoiceId`, fetched when the host gave no `amount`. */
  invoiceAmount: Money | null = null;
  readonly dependencies: Dependencies;
  /** The gateway's own card fields, when it hosts them (`gateway="stripe"`); null for the form's inputs. */
  hosted: HostedCardFields | null = null;

  constructor(
    readonly host: FormHost,
    private readonly changed: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
    this.outcomes = new Outcomes(this);
    this.dependencies = new Dependencies(host);
  }

  hostConnected(): void {
    this.localeChanged();
  }

  /** The default country follows the form's language until the customer (or an address on file) picks one. */
  localeChanged(): void {
    if (this.flags.country?.dirty || this.savedAddressChosen()) return;
    const country = this.defaultCountry();
    if (country !== this.values.country) this.values = { ...this.values, country };
  }

  /** The digits of the card number typed so far (for the drawing only). */
  get numberDigits(): string {
    return this.#number;
  }

  /** The security code typed so far; the drawing receives its length only. */
  get codeDigits(): string {
    return this.#code;
  }

  /** The verification the customer must complete. */
  get verification(): Verification | null {
    return this.flow.verification;
  }

  /** The addresses on file: the host's, or the endpoint's. */
  get addresses(): readonly SavedAddress[] {
    return this.host.savedAddresses ?? this.#loadedAddresses ?? NO_ADDRESSES;
  }

  update(): void {
    this.changed();
  }

  /** The values as validation sees them (the number and code from their private fields). */
  formValues(): FormValues {
    return {
      ...this.values,
      number: this.#number,
      code: this.#code,
      addressChoice: this.options.addressChoice,
      funding: this.options.funding,
      terms: this.options.terms,
    };
  }

  /** The verdict on every field, as if the customer were done. */
  validate(): Validation {
    const h = this.host;
    const v = this.#validator.validate(this.formValues(), {
      accepted: h.acceptedBrands,
      now: h.now ?? new Date(),
      addressRequired: !h.addressOptional,
      addressLocked: this.savedAddressChosen() !== null,
      fundingChoice: h.fundingChoice,
      requireTerms: h.requireTerms,
    });
    const hosted = this.hosted;
    if (!hosted) return v;
    // the gateway's frames hold the number, expiry and code: their verdicts replace the (empty) inputs'
    const { number: _number, expiry: _expiry, code: _code, ...rest } = v.errors;
    const impossible = { ...v.impossible, number: hosted.definite('number'), expiry: hosted.definite('expiry'), code: hosted.definite('code') };
    return { ...v, errors: { ...rest, ...hosted.problems() }, brand: hosted.brand, impossible };
  }

  view(t: Translate): FormView {
    const v = this.validate();
    const shown = (field: FieldName): string | null => {
      const server = this.serverErrors[field];
      if (server) return t(server.key, server.params);
      const problem = v.errors[field];
      const visible = errorVisible({
        flags: this.flags[field] ?? PRISTINE,
        submitted: this.submitted,
        invalid: problem !== undefined,
        impossible: v.impossible[field] === true,
      });
      return visible && problem ? t(problem.key, { code: v.brand?.codeName ?? t('codeNameFallback'), ...problem.params }) : null;
    };
    const names = ['number', 'name', 'expiry', 'code', 'line1', 'city', 'region', 'postalCode', 'country', 'funding', 'terms'] as const;
    const errors = Object.fromEntries(names.map((n) => [n, shown(n)])) as FormView['errors'];
    this.#shownLook = this.numberLook();
    return {
      brand: v.brand,
      expiry: v.expiry,
      errors,
      announcement: this.#announced ? t('brandDetected', { brand: this.#announced.displayName }) : '',
      otpError: this.otpError ? t(this.otpError.key, this.otpError.params) : null,
      otpStatus: this.otpStatus ? t(this.otpStatus.key, this.otpStatus.params) : '',
    };
  }

  // ——— input ———

  handleInput = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    // mid-composition text is the IME's, not the customer's: reformatting it would break the composition
    if (this.#composing || (event instanceof InputEvent && event.isComposing)) return;
    this.read(target, event instanceof InputEvent ? event.inputType : undefined);
  };

  handleCompositionStart = (): void => {
    this.#composing = true;
  };

  handleCompositionEnd = (event: CompositionEvent): void => {
    this.#composing = false;
    if (event.target instanceof HTMLInputElement) this.read(event.target, 'insertCompositionText');
  };

  handleFocusIn = (event: FocusEvent): void => {
    this.focused = fieldOf(event.target) ?? null;
    this.changed();
  };

  handleFocusOut = (event: FocusEvent): void => {
    const field = fieldOf(event.target);
    if (field) this.left(field);
  };

  /** The customer left a field (here, or in a gateway's frame): its errors may show from now on. */
  left(field: string): void {
    if ((FIELD_ORDER as readonly string[]).includes(field)) {
      const name = field as FieldName;
      this.flags = { ...this.flags, [name]: { ...(this.flags[name] ?? PRISTINE), touched: true, editing: false } };
    }
    if (this.focused === field) this.focused = null;
    this.changed();
  }

  /** Reads one control into the state (on `input` and on `change`, which autofill may fire alone). */
  read(target: HTMLInputElement | HTMLSelectElement, inputType?: string): void {
    const field = fieldOf(target);
    if (!field) return;
    // the field focus is in, as focusin recorded it (the same as asking the shadow root, without asking it per keystroke)
    const focused = this.focused === field;
    if (CHOICES.has(field)) {
      if (target instanceof HTMLInputElement) this.readChoice(target, field, focused);
      return;
    }
    const raw = target.value;
    const caret = target instanceof HTMLInputElement ? (target.selectionStart ?? raw.length) : raw.length;
    const place = (value: string, at: number): void => {
      const changed = raw !== value;
      if (changed) target.value = value;
      // a new value leaves the caret at its end; moving the caret of an unfocused input would steal
      // focus in some engines
      if (focused && target instanceof HTMLInputElement && at !== (changed ? value.length : caret)) target.setSelectionRange(at, at);
    };
    if (field === 'number') {
      const result = reformatCardNumber(raw, caret, { inputType, previous: this.#numberShown });
      place(result.formatted, result.caret);
      this.#numberShown = result.formatted;
      if (result.digits !== this.#number) {
        this.#number = result.digits;
        // most digits change nothing the form shows (same brand, no error due yet): then only the
        // drawing updates (the form's binding to it is live, so a later render agrees)
        const preview = this.preview();
        if (this.edit('number', focused) || this.numberLook() !== this.#shownLook || !preview) this.changed();
        else preview.number = result.digits;
      }
      this.announce(result.brand);
    } else if (field === 'code') {
      const max = this.#validator.numberVerdict(this.#number, this.host.acceptedBrands).brand?.codeSize ?? 4;
      const digits = normalizeDigits(raw).digits.slice(0, max);
      place(digits, Math.min(normalizeDigits(raw.slice(0, caret)).digits.length, digits.length));
      if (digits !== this.#code) {
        this.#code = digits;
        this.markChanged('code', focused);
      }
    } else if (field === 'expiry') {
      const result = formatExpiryInput(raw, caret, { inputType, previous: this.values.expiry });
      place(result.value, result.caret);
      this.setValue('expiry', result.value, focused);
    } else if (TEXT_FIELDS.has(field)) {
      this.setValue(field as keyof TypedValues, raw, focused);
    }
  }

  private readChoice(target: HTMLInputElement, field: string, focused: boolean): void {
    const o = this.options;
    if (field === 'terms' || field === 'saveCard' || field === 'setDefault') {
      if (o[field] === target.checked) return;
      this.options = { ...o, [field]: target.checked };
    } else if (field === 'funding' && target.checked && (target.value === 'credit' || target.value === 'debit')) {
      if (o.funding === target.value) return;
      this.options = { ...o, funding: target.value };
    } else if (field === 'addressChoice' && target.checked) {
      this.chooseAddress(target.value as AddressChoice);
    } else {
      return;
    }
    if (field === 'terms' || field === 'funding') this.markChanged(field, focused);
    else this.#version++;
    this.changed();
  }

  private setValue(field: keyof TypedValues, value: string, focused: boolean): void {
    if (this.values[field] === value) return;
    this.values = { ...this.values, [field]: value };
    this.markChanged(field, focused);
  }

  /** Records an edit: the field is dirty, any server verdict on it is stale, and the data is a new version. */
  markChanged(field: FieldName, focused: boolean): void {
    this.edit(field, focused);
    this.changed();
  }

  /**
   * {@link markChanged} without the render; true when the edit changed what the form shows besides
   * the value and its verdict (a released token, a dropped server verdict).
   */
  private edit(field: FieldName, focused: boolean): boolean {
    let shows = false;
    // a card changed after it was tokenized is another card: its token no longer speaks for it
    if ((field === 'number' || field === 'expiry' || field === 'code') && this.flow.heldCard) {
      this.flow.releaseCard();
      shows = true;
    }
    if (field === 'number' && this.#handedOver) {
      this.#handedOver = null;
      shows = true;
    }
    // a value that arrives while the field is not focused was not typed (autofill, a saved
    // address): nobody is about to finish typing it, so its verdict may show at once. One typed
    // while focused is being edited: what more typing can fix waits for the customer to leave.
    const flags = this.flags[field] ?? PRISTINE;
    const editing = focused && TYPED.has(field);
    if (!flags.dirty || flags.prefilled === focused || flags.editing !== editing) {
      this.flags = { ...this.flags, [field]: { ...flags, dirty: true, prefilled: !focused, editing } };
    }
    if (this.serverErrors[field]) {
      const rest = { ...this.serverErrors };
      delete rest[field];
      this.serverErrors = rest;
      shows = true;
    }
    this.#version++;
    return shows;
  }

  /**
   * What the form shows for the number besides its digits: the brand, and the error while it shows.
   * Compared with what the last render showed ({@link view} records it), it says whether a digit
   * needs the form to render.
   */
  private numberLook(): string {
    const { brand, problem, impossible } = this.#validator.numberVerdict(this.#number, this.host.acceptedBrands);
    const shown = errorVisible({ flags: this.flags.number ?? PRISTINE, submitted: this.submitted, invalid: problem !== undefined, impossible });
    return `${brand?.brand ?? ''} ${shown ? problem!.key : ''}`;
  }

  /** The drawing beside the fields (rendered once, with the form, and kept). */
  private preview(): CvvFlip | null {
    return (this.#preview ??= this.host.renderRoot.querySelector('cvv-flip'));
  }

  /** Announces the brand through the polite live region, only when it changed. */
  announce(brand: BrandInfo | null): void {
    if ((brand?.brand ?? null) === (this.#announced?.brand ?? null)) return;
    this.#announced = brand;
    this.changed();
  }

  // ——— addresses ———

  /** The address on file the customer chose, or null for a new address. */
  savedAddressChosen(): SavedAddress | null {
    const choice = this.options.addressChoice;
    return choice === '' ? null : addressOnFile(this.addresses, choice);
  }

  chooseAddress(choice: AddressChoice): void {
    this.options = { ...this.options, addressChoice: choice };
    const saved = addressOnFile(this.addresses, choice);
    const flags = { ...this.flags };
    for (const field of ADDRESS_FIELDS) delete flags[field];
    this.flags = flags;
    this.values = saved
      ? { ...this.values, ...valuesOf(saved) }
      : { ...this.values, line1: '', city: '', region: '', postalCode: '' };
    this.#version++;
    this.changed();
  }

  /** New addresses on file: start from the billing one, unless the customer already typed an address. */
  addressesChanged(): void {
    const current = this.options.addressChoice;
    const typed = ADDRESS_FIELDS.some((f) => this.flags[f]?.dirty);
    if (current !== '' && (current === 'new' || addressOnFile(this.addresses, current))) return;
    const choice = !this.addresses.length ? '' : typed ? 'new' : defaultAddressChoice(this.addresses);
    if (choice === '' || choice === 'new') {
      this.options = { ...this.options, addressChoice: choice };
      this.changed();
    } else {
      this.chooseAddress(choice);
    }
  }

  /** Fetches the addresses on file once per client, when the host gave none. */
  loadAddresses(): void {
    if (this.host.savedAddresses !== null) return;
    const client = this.dependencies.client();
    if (!client || client === this.#addressesFrom) return;
    this.#addressesFrom = client;
    client.listAddresses().then(
      ({ addresses }) => {
        if (this.#addressesFrom !== client) return;
        this.#loadedAddresses = addresses;
        this.addressesChanged();
      },
      () => {
        // no addresses on file (or none reachable): the address fields are enough
      },
    );
  }

  /** Pay mode with an invoice and no amount: fetch the invoice once, so the button can say what it pays. */
  loadInvoice(): void {
    const h = this.host;
    if (h.mode !== 'pay' || !h.invoiceId || h.amount !== null) return;
    const client = this.dependencies.client();
    if (!client || this.#invoiceFor === h.invoiceId) return;
    const id = h.invoiceId;
    this.#invoiceFor = id;
    this.invoiceAmount = null;
    client.getInvoice(id).then(
      ({ invoice }) => {
        if (this.#invoiceFor !== id) return;
        this.invoiceAmount = invoice.amount;
        this.changed();
      },
      () => {
        // the button says "Pay" without the amount; the server still knows what the invoice is
      },
    );
  }

  defaultCountry(): string {
    return defaultCountry(this.host.resolvedLocale);
  }

  /** The client and tokenizer to submit with, or null when the host gave neither. */
  deps(): FlowDeps | null {
    if (!this.hosted) return this.dependencies.both();
    const client = this.dependencies.client();
    const tokenizer = this.hosted.tokenizer;
    return client && tokenizer ? { client, tokenizer } : null;
  }

  // ——— submission ———

  /** The data version: every edit bumps it, and a new version is a new attempt. */
  get version(): number {
    return this.#version;
  }

  /** The first field that blocks submission, counting the server's verdicts. */
  firstBlocking(): FieldName | null {
    const errors = { ...this.validate().errors, ...this.serverErrors };
    // the held token stands for the emptied number, expiry and code
    if (this.heldCard) for (const field of ['number', 'expiry', 'code'] as const) delete errors[field];
    return firstInvalid(errors);
  }

  /**
   * The card the tokenizer took, while its token can still be sent: the form shows it masked in
   * place of the number, expiry and code, and the next submission sends the token instead.
   */
  get heldCard(): TokenizedCard | null {
    const held = this.flow.heldCard;
    return held && held === this.#handedOver ? held : null;
  }

  /** The masked card the drawing shows: the held one, or the one being verified. */
  get shownCard(): TokenizedCard | null {
    return this.heldCard ?? (this.phase === 'verify' ? this.#handedOver : null);
  }

  /** The number was emptied when it was tokenized, and that token is gone: the customer types the card again. */
  get cardNeedsRetyping(): boolean {
    return this.#handedOver !== null && this.flow.heldCard !== this.#handedOver;
  }

  /**
   * The tokenizer has the card. Empties the number and code (inputs and state) without starting a new
   * attempt, so a retry still sends the same token under the same key. A gateway that hosts its own
   * fields (Stripe) leaves the form nothing to empty.
   */
  cardHandedOver = (card: TokenizedCard): void => {
    if (!this.#number && !this.#code) return;
    this.#handedOver = card;
    this.#number = '';
    this.#numberShown = '';
    this.#code = '';
    for (const field of ['number', 'code'] as const) {
      const input = this.input(field);
      if (input) input.value = '';
    }
    const flags = { ...this.flags };
    delete flags.number;
    delete flags.code;
    this.flags = flags;
    this.changed();
  };

  /** "Use another card": drops the held token and shows the empty card fields, the number focused. */
  handleUseAnotherCard = async (): Promise<void> => {
    if (this.busy || !this.heldCard) return;
    this.flow.releaseCard();
    this.#handedOver = null;
    this.#version++;
    // the emptied fields wait for the customer instead of shouting "required"
    this.submitted = false;
    this.changed();
    await this.host.updateComplete;
    this.focusField('number');
  };

  /** Everything the flow needs; the card number and code are read here and passed on, not copied. */
  submitInput(v: Validation): SubmitInput {
    const h = this.host;
    const { values, options } = this;
    const saved = this.savedAddressChosen();
    const postalCode = normalizePostalCode(values.postalCode, values.country);
    const address = saved ? valuesOf(saved) : { line1: values.line1.trim(), city: values.city.trim(), region: values.region.trim(), postalCode, country: values.country };
    const hasAddress = Boolean(saved || address.line1 || address.city || address.postalCode);
    const expiry = v.expiry ?? { month: 0, year: 0 };
    const name = values.name.trim();
    return {
      mode: h.mode,
      card: { number: this.#number, expMonth: expiry.month, expYear: expiry.year, code: this.#code, name, ...(hasAddress ? { address } : {}) },
      nameOnCard: name,
      billing: billingInput(options.addressChoice, saved, values, postalCode),
      setDefault: h.offerDefault && options.setDefault,
      saveCard: h.mode === 'pay' && !h.hideSave && options.saveCard,
      ...(h.fundingChoice && options.funding ? { funding: options.funding } : {}),
      ...(h.invoiceId ? { invoiceId: h.invoiceId } : {}),
      ...(h.amount !== null && Number.isFinite(h.amount) ? { amount: { amount: h.amount, currency: h.currency.toUpperCase() } } : {}),
    };
  }

  handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.outcomes.submit();
  };

  handleVerifySubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.outcomes.confirm();
  };

  handleOtpInput = (event: Event): void => {
    if (!(event.target instanceof HTMLInputElement)) return;
    const digits = normalizeDigits(event.target.value).digits;
    if (event.target.value !== digits) event.target.value = digits;
    this.otp = digits;
    this.otpError = null;
    this.changed();
  };

  handleResend = (): void => void this.outcomes.resend();
  handleCancelVerification = (): void => void this.outcomes.cancelVerification();

  handleCancel = (): void => {
    this.reset();
    this.host.dispatchEvent(new AddCardCancelEvent());
  };

  handleAddAnother = async (): Promise<void> => {
    this.reset();
    await this.host.updateComplete;
    this.focusField('number');
  };

  // ——— focus and wiping ———

  focusField(field: FieldName | 'otp' | 'submit' | 'success'): void {
    if (this.hosted && (field === 'number' || field === 'expiry' || field === 'code')) {
      this.hosted.focus(field);
      return;
    }
    const root = this.host.renderRoot;
    const selector =
      field === 'submit' ? 'form[part~="form"] [part~="submit"]' : field === 'success' ? '[part~="success"]' : `[data-field="${field}"]:not(:disabled)`;
    root.querySelector<HTMLElement>(selector)?.focus();
  }

  private input(field: 'number' | 'code'): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>(`input[data-field="${field}"]`);
  }

  /** Empties the card number (input and state). */
  wipeNumber(): void {
    this.#number = '';
    this.#numberShown = '';
    const input = this.input('number');
    if (input) input.value = '';
    this.hosted?.clear('number');
    this.#announced = null;
    this.clearFlags('number');
  }

  /** Empties the security code (input and state). */
  wipeCode(): void {
    this.#code = '';
    const input = this.input('code');
    if (input) input.value = '';
    this.hosted?.clear('code');
    this.clearFlags('code');
  }

  /** Empties the number and code and forgets any attempt (on removal from the page). */
  wipe(): void {
    this.flow.reset();
    this.#handedOver = null;
    this.busy = false;
    this.wipeNumber();
    this.wipeCode();
    this.hosted?.clear('expiry');
    this.changed();
  }

  private clearFlags(field: FieldName): void {
    const flags = { ...this.flags };
    delete flags[field];
    this.flags = flags;
    this.#version++;
  }

  /** Back to an empty form (the addresses on file are kept, and the default choice made again). */
  reset(): void {
    this.wipe();
    this.values = { name: '', expiry: '', line1: '', city: '', region: '', postalCode: '', country: this.defaultCountry() };
    this.options = { addressChoice: '', funding: '', terms: false, saveCard: false, setDefault: false };
    this.flags = {};
    this.submitted = false;
    this.notice = null;
    this.serverErrors = {};
    this.success = [];
    this.phase = 'form';
    this.otp = '';
    this.otpError = null;
    this.otpStatus = null;
    this.addressesChanged();
    this.changed();
  }

  /** "Visa", or the id when the brand is one the core does not know. */
  brandName(brand: string): string {
    return isCardBrand(brand) ? brandInfo(brand).displayName : brand;
  }

  money(amount: number, currency: string): string | null {
    return formatMinorUnits(amount, currency, this.host.resolvedLocale);
  }
}
