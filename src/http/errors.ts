import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The closed set of error codes the HTTP API answers with. */
export type ApiErrorCode =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'unprocessable' | 'rate_limited' | 'unavailable' | 'internal';

const statusOf: Record<ApiErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Extra fields next to code and message, e.g. `reason` and `alternatives` of a slot that could not be had. */
export type ErrorDetails = Record<string, unknown>;

/** An expected failure of a request, answered with the one error envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `{ error: { code, message, ...details } }` with the status that belongs to the code. */
export function errorResponse(c: Context, code: ApiErrorCode, message: string, details?: ErrorDetails): Response {
  return c.json({ error: { ...details, code, message } }, statusOf[code]);
}

/** The error code for an HTTP status raised by a library (a malformed JSON body is a 400, and so on). */
export function codeOfStatus(status: number): ApiErrorCode {
  const found = (Object.entries(statusOf) as Array<[ApiErrorCode, number]>).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? 'internal' : 'bad_request';
}
