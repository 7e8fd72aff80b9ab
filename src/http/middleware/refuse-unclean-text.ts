import type { MiddlewareHandler } from 'hono';
import { findUncleanText, isCleanText } from '../../text/clean-text.js';
import { errorResponse } from '../errors.js';

const PROBLEM = 'must not contain NUL characters or unpaired surrogates';
const JSON_TYPE = /^application\/([a-z.-]+\+)?json\b/i;

/**
 * Whether the path holds a NUL once decoded. The router decodes escape by escape and keeps the ones it cannot
 * read ("%%00" still yields a NUL), so a failed decode of the whole path proves nothing: look for the escape.
 */
function pathHasNul(path: string): boolean {
  if (/%00/i.test(path)) return true;
  try {
    return !isCleanText(decodeURIComponent(path));
  } catch {
    return false;
  }
}

/**
 * Refuses, with 400 and the error envelope, a request whose path, query or JSON body holds text Postgres cannot
 * store (see text/clean-text.ts). An API client gets told rather than silently changed: the value it sent is not
 * the value it would read back. Runs after authentication, so strangers never make it read a body.
 */
export function refuseUncleanText(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (pathHasNul(url.pathname)) return errorResponse(c, 'bad_request', `path: ${PROBLEM}`);
    for (const [name, value] of url.searchParams) {
      if (!isCleanText(value)) return errorResponse(c, 'bad_request', `${isCleanText(name) ? name : 'query'}: ${PROBLEM}`);
      if (!isCleanText(name)) return errorResponse(c, 'bad_request', `query: ${PROBLEM}`);
    }
    if (c.req.raw.body && JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      let body: unknown;
      try {
        // Hono keeps the parsed body, so the route's validator reads it again without a second read of the stream.
        body = await c.req.json();
      } catch {
        // Malformed JSON: the route's validator answers it with its own 400.
        return next();
      }
      const where = findUncleanText(body);
      if (where !== null) return errorResponse(c, 'bad_request', `${where}: ${PROBLEM}`);
    }
    await next();
  };
}
