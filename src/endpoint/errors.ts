/**
 * The one error type the endpoint client rejects with. Its message is built only from the route
 * template, the status and contract codes, never from a request body or a response's text, so an
 * error can be logged or shown to a developer without carrying card data or server prose.
 */
import type { EndpointErrorCode } from './types.js';

/**
 * What went wrong:
 * - `http`: the server answered with an error status (`status` and `code` say which);
 * - `timeout`: an attempt took longer than `timeoutMs`;
 * - `network`: the request never got an answer (offline, DNS, connection reset, CORS);
 * - `invalid-response`: a success answer that does not match the contract, is not JSON, or carries
 *   something that looks like a card number (refused so it never reaches the page);
 * - `invalid-request`: the client refused to send a request because it carried something that
 *   looks like a card number (the host endpoint must never receive one);
 * - `aborted`: the caller's `AbortSignal` fired.
 */
export type EndpointErrorKind = 'http' | 'timeout' | 'network' | 'invalid-response' | 'invalid-request' | 'aborted';

/**
 * Codes an {@link EndpointError} can carry: the contract's codes for `http` errors, plus one per
 * non-HTTP kind. A host's own codes pass through as strings.
 */
export type EndpointClientErrorCode =
  | EndpointErrorCode
  | 'invalid_response'
  | 'timeout'
  | 'network_error'
  | 'aborted'
  | (string & {});

/** The fields an {@link EndpointError} is made from. */
export interface EndpointErrorInit {
  kind: EndpointErrorKind;
  code: EndpointClientErrorCode;
  /** The HTTP method and route template (`POST /cards/{id}/default`), for the message. */
  route: string;
  status?: number;
  field?: string;
  declineCode?: string;
  reason?: string;
  retryAfterMs?: number;
  attemptsLeft?: number;
  attempts?: number;
  /** Extra words for the message; must never be derived from request or response text. */
  detail?: string;
}

/**
 * A failed endpoint call. Elements branch on `kind`, `status`, `code`, `reason` and `field`; the
 * message is for developers' logs and is in English.
 *
 * @example
 * try { await client.removeCard(id); }
 * catch (e) { if (e instanceof EndpointError && e.reason === 'default') showSetAnotherDefault(); }
 */
export class EndpointError extends Error {
  /** What went wrong; see {@link EndpointErrorKind}. */
  readonly kind: EndpointErrorKind;
  /** The HTTP status, for `http` errors (and for `invalid-response` when the status was known). */
  readonly status?: number;
  /** The contract's error code (`card_declined`, `conflict`, …), derived from the status when the body had none. */
  readonly code: EndpointClientErrorCode;
  /** The request field at fault, for `validation_failed` (and for `invalid-request`). */
  readonly field?: string;
  /** The gateway's decline code, for `card_declined`. */
  readonly declineCode?: string;
  /** Why, for `conflict` (`default`, `only-card-required`, `pending-payment`, `token_used`, `max_cards`, `expired`, …). */
  readonly reason?: string;
  /**
   * For `429`: how long the server asked the client to wait, in milliseconds. Set when the client
   * gave up (the wait was above its cap, or it ran out of attempts) so the UI can say "try again in
   * N seconds".
   */
  readonly retryAfterMs?: number;
  /** For a wrong one-time code (`verification_failed`, reason `wrong_code`): how many more codes the customer may try. */
  readonly attemptsLeft?: number;
  /** How many attempts were made (0 when the request was refused before sending). */
  readonly attempts: number;

  /** Builds an error; the message is composed from `init` and never from server text. */
  constructor(init: EndpointErrorInit) {
    super(composeMessage(init));
    this.name = 'EndpointError';
    this.kind = init.kind;
    this.code = init.code;
    this.attempts = init.attempts ?? 0;
    // assigned only when present, so JSON.stringify and deepEqual see no `undefined` noise
    for (const key of OPTIONAL_FACTS) if (init[key] !== undefined) Object.assign(this, { [key]: init[key] });
  }
}

const OPTIONAL_FACTS = ['status', 'field', 'declineCode', 'reason', 'retryAfterMs', 'attemptsLeft'] as const;

function composeMessage(init: EndpointErrorInit): string {
  const facts = [init.code];
  if (init.reason) facts.push(`reason ${init.reason}`);
  if (init.field) facts.push(`field ${init.field}`);
  if (init.declineCode) facts.push(`decline ${init.declineCode}`);
  if (init.retryAfterMs !== undefined) facts.push(`retry after ${Math.ceil(init.retryAfterMs / 1000)} s`);
  const status = init.status !== undefined ? ` ${init.status}` : '';
  const detail = init.detail ? `: ${init.detail}` : '';
  return `${init.route} failed (${init.kind}${status}, ${facts.join(', ')})${detail}`;
}

/** The contract code for an error status whose body did not name one. */
export function codeForStatus(status: number): EndpointClientErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error');
}

const STATUS_CODES: Partial<Record<number, EndpointClientErrorCode>> = {
  401: 'unauthenticated',
  402: 'card_declined',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'verification_failed',
  422: 'validation_failed',
  429: 'rate_limited',
};

/**
 * Server-provided tokens (code, reason, field, decline code) are kept only when they look like
 * identifiers, so prose or markup in them never reaches an error message or the page.
 */
const SAFE_TOKEN = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

/** `value` when it is a short identifier-like string, otherwise `undefined`. */
export function safeToken(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_TOKEN.test(value) ? value : undefined;
}
