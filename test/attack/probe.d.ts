/** Types for probe.js: the card-data probe shared by the browser attack tests and the end-to-end run. */

/** Something a script on the page could read, and where it was found. */
export interface ProbedText {
  where: string;
  text: string;
}

/** A running probe (see {@link installProbe}). */
export interface Probe {
  /** Every event of {@link PROBED_EVENTS} seen on window or document, with its detail serialized ('' when none). */
  readonly events: { type: string; detail: string }[];
  /** Console output, one line per call. */
  readonly logs: string[];
  /** Uncaught errors, unhandled rejections, and errors recorded with {@link Probe.recordError}. */
  readonly errors: string[];
  /** `securitypolicyviolation` events: directive, blocked URI, source. */
  readonly violations: string[];
  recordError(error: unknown): void;
  stop(): void;
}

/** The event types the probe listens to (capture, on window and document). */
export declare const PROBED_EVENTS: readonly string[];

/** Starts recording events, console output and errors. */
export declare function installProbe(): Probe;

/** The text, attributes, control values and element properties of the DOM and its open shadow roots. */
export declare function domTexts(root?: Document | ShadowRoot): ProbedText[];

/** Web storage, cookies, IndexedDB, the URL, history state and resource timing entries. */
export declare function storageTexts(): Promise<ProbedText[]>;

/** Strings among window's own properties (and one level inside object values). */
export declare function windowTexts(skip?: string[]): ProbedText[];

/** A card number's shapes: bare, grouped with spaces, dashes and no-break spaces. */
export declare function numberShapes(number: string): string[];

/** Where the texts hold one of the numbers (any shape, or as digits alone) or codes (as a whole number). */
export declare function findSecrets(texts: ProbedText[], secrets: { numbers?: string[]; codes?: string[] }): string[];
