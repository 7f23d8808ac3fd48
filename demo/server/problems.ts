/**
 * Error answers in the contract's shape, `{ "error": EndpointErrorBody }`, thrown by the service and
 * turned into responses in one place.
 */
import type { EndpointErrorBody } from '../../src/endpoint/types.js';

/** The error body, plus `attemptsLeft` on a wrong one-time code (an additive, optional field). */
export type ProblemBody = EndpointErrorBody & { attemptsLeft?: number };

/** An answer the API sends: status, JSON body, extra headers. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A failed request, as an exception. Messages never quote what the customer sent. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'ApiProblem';
  }

  /** The answer this problem becomes. */
  toResult(): ApiResult {
    return { status: this.status, body: { error: this.body }, headers: this.headers };
  }
}

/** 401: no session. */
export const unauthenticated = (): ApiProblem => new ApiProblem(401, { code: 'unauthenticated', message: 'Sign in first.' });

/** 403: CSRF or cross-site refusal. */
export const forbidden = (message: string): ApiProblem => new ApiProblem(403, { code: 'forbidden', message });

/** 404: unknown id, or another account's (never 403, so ids do not leak). */
export const notFound = (what: string): ApiProblem => new ApiProblem(404, { code: 'not_found', message: `No such ${what}.` });

/** 409 with a reason. */
export const conflict = (reason: string, message: string): ApiProblem => new ApiProblem(409, { code: 'conflict', reason, message });

/** 422 naming the field at fault (never echoing its value). */
export const invalid = (field: string, message: string): ApiProblem =>
  new ApiProblem(422, { code: 'validation_failed', field, message });

/** 429 with Retry-After seconds. */
export const rateLimited = (retryAfterSeconds: number, message: string): ApiProblem =>
  new ApiProblem(429, { code: 'rate_limited', message }, { 'Retry-After': String(retryAfterSeconds) });
