/**
 * A {@link Tokenizer} for any gateway that speaks the token-endpoint wire format (the sandbox
 * gateway does; see "Token endpoint" in `docs/endpoint.md`): one cross-origin JSON POST that
 * carries the card and answers with a token and the card's masked facts.
 */
import { normalizeDigits } from '../core/digits.js';
import { containsCardNumber } from '../core/pan-scan.js';
import { errorBody, exchange, globalFetch } from '../endpoint/http.js';
import type { Address } from '../endpoint/types.js';
import { brand, id, integer, known, last4, shape } from '../endpoint/validate.js';
import { TokenizeError } from './types.js';
import type { CardDetails, TokenizeErrorField, TokenizeErrorKind, TokenizedCard, Tokenizer, TokenizeOptions } from './types.js';

/** Options for {@link createTokenEndpointTokenizer}. */
export interface TokenEndpointOptions {
  /** The tokenization URL, usually on the gateway's own origin (`https://gateway.example/v1/tokens`). */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when set. Publishable keys are public by design. */
  publishableKey?: string;
  /** The `fetch` to use; defaults to the global one. Injectable for tests. */
  fetch?: typeof fetch;
  /** Time allowed for the call, in milliseconds, including reading the body. Default 20000. */
  timeoutMs?: number;
}

/** The JSON body of a tokenization request. */
interface TokenRequestBody {
  number: string;
  expMonth: number;
  expYear: number;
  cvc?: string;
  name: string;
  address?: Address;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Gateway codes and decline codes are kept only when they are plain identifiers without digits
 * (Stripe's never have any): a gateway that echoed the card or code into them cannot leak it.
 */
const SAFE_CODE = /^[A-Za-z][A-Za-z_.-]{0,63}$/;

/** The form's field for a gateway `field` value or, failing that, for its error code. */
function fieldFor(field: unknown, code: string): TokenizeErrorField | undefined {
  switch (field) {
    case 'number':
      return 'number';
    case 'expiry':
    case 'exp_month':
    case 'exp_year':
    case 'expMonth':
    case 'expYear':
      return 'expiry';
    case 'code':
    case 'cvc':
      return 'code';
    case 'name':
      return 'name';
    case 'address':
      return 'address';
  }
  if (/number/.test(code)) return 'number';
  if (/expiry|exp_|expired/.test(code)) return 'expiry';
  if (/cvc|cvv|security_code/.test(code)) return 'code';
  return undefined;
}

function kindForStatus(status: number, code: string): TokenizeErrorKind {
  if (status === 402 || code === 'card_declined') return 'declined';
  if (status === 400 || status === 422) return 'invalid';
  return 'server';
}

function defaultCodeFor(status: number): string {
  if (status === 402) return 'card_declined';
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  return 'server_error';
}

/** A 2xx answer: the token and the card's masked facts. */
const readAnswer = shape<{ token: string; card: Omit<TokenizedCard, 'token' | 'kind'> }>({
  token: id,
  card: shape<Omit<TokenizedCard, 'token' | 'kind'>>({
    brand,
    last4,
    expMonth: integer(1, 12),
    expYear: integer(1000, 9999),
    funding: known('credit', 'debit', 'prepaid', 'unknown'),
  }),
});

/** The tokenized card in a 2xx answer, or `undefined` when the answer cannot be trusted. */
function readTokenizedCard(text: string, sentLast4: string): TokenizedCard | undefined {
  try {
    const { token, card } = readAnswer(JSON.parse(text));
    // a last4 that is not the card's own means the gateway answered for some other card
    return card.last4 === sentLast4 ? { token, ...card } : undefined;
  } catch {
    // not JSON, or not the contract's shape
    return undefined;
  }
}

function copyAddress(address: Address): Address {
  const copy: Address = {
    line1: address.line1,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
  };
  if (address.line2) copy.line2 = address.line2;
  return copy;
}

/**
 * Makes a {@link Tokenizer} that POSTs the card to `options.url` with `mode: 'cors'`,
 * `credentials: 'omit'` (the gateway must not see the portal's cookies), no referrer and no
 * caching. It never retries: a retry after a lost answer would mint a second token, and whether
 * that is fine is the form's call.
 *
 * @example
 * const tokenizer = createTokenEndpointTokenizer({ url: 'http://localhost:8081/v1/tokens' });
 * const { token, brand, last4 } = await tokenizer.tokenize(card);
 */
export function createTokenEndpointTokenizer(options: TokenEndpointOptions): Tokenizer {
  const fetchImpl = options.fetch ?? globalFetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function tokenize(card: CardDetails, tokenizeOptions: TokenizeOptions = {}): Promise<TokenizedCard> {
    const { signal } = tokenizeOptions;
    if (signal?.aborted) throw new TokenizeError({ kind: 'aborted', code: 'aborted' });

    const number = normalizeDigits(card.number);
    if (number.rejected || number.digits.length < 12) {
      throw new TokenizeError({ kind: 'invalid', code: 'incorrect_number', field: 'number' });
    }
    const cvc = normalizeDigits(card.code);
    if (cvc.rejected) throw new TokenizeError({ kind: 'invalid', code: 'invalid_cvc', field: 'code' });

    const body: TokenRequestBody = { number: number.digits, expMonth: card.expMonth, expYear: card.expYear, name: card.name };
    // an empty code is left out, not sent as "": some cards have none and the gateway decides
    if (cvc.digits) body.cvc = cvc.digits;
    if (card.address) body.address = copyAddress(card.address);

    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (options.publishableKey) headers.Authorization = `Bearer ${options.publishableKey}`;

    const answer = await exchange(
      fetchImpl,
      options.url,
      { method: 'POST', mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', headers, body: JSON.stringify(body) },
      timeoutMs,
      signal,
    );
    // whatever fetch threw may quote the request; only our own words go into the error
    if ('failed' in answer) throw new TokenizeError({ kind: answer.failed, code: answer.failed === 'network' ? 'network_error' : answer.failed });
    const { status, text } = answer;

    if (containsCardNumber(text)) throw new TokenizeError({ kind: 'invalid-response', code: 'invalid_response', status });

    if (status >= 200 && status < 300) {
      const tokenized = readTokenizedCard(text, number.digits.slice(-4));
      if (!tokenized) throw new TokenizeError({ kind: 'invalid-response', code: 'invalid_response', status });
      return tokenized;
    }

    const error = errorBody(text);
    const rawCode = error?.code;
    const code = typeof rawCode === 'string' && SAFE_CODE.test(rawCode) ? rawCode : defaultCodeFor(status);
    const rawDecline = error?.declineCode;
    const declineCode = typeof rawDecline === 'string' && SAFE_CODE.test(rawDecline) ? rawDecline : undefined;
    const kind = kindForStatus(status, code);
    // a field only makes sense when the card itself was at fault
    const field = kind === 'declined' || kind === 'invalid' ? fieldFor(error?.field, code) : undefined;
    throw new TokenizeError({ kind, code, declineCode, field, status });
  }

  return { id: 'token-endpoint', tokenize };
}
