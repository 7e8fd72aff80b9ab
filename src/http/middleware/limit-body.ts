import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from '../errors.js';

/**
 * Caps a request body at `maxBytes`, by its declared length or, for chunked bodies, while reading: an endless
 * stream never fills the memory. Over the cap: 413 with the error envelope. The answer also closes the
 * connection, because the rest of the body was never read: a client that reused the connection would find it
 * cut mid-request instead of getting its next answer.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      c.header('Connection', 'close');
      return errorResponse(c, 'payload_too_large', `Request body too large (over ${maxBytes} bytes).`);
    },
  });
}
