import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../../context.js';
import { clientIp } from '../client-ip.js';
import { errorResponse } from '../errors.js';
import { matchesSignature, readSignatureHeader } from '../retell-signature.js';
import { limitBody } from './limit-body.js';
import type { RequestVariables } from './request-log.js';

/**
 * Retell sends the whole call with every webhook and function call: transcript, word timings, the transcript woven
 * with tool calls and its scrubbed copy. A two-hour call comes to about 2.5 MB of that; 5 MiB leaves room above it.
 */
export const MAX_RETELL_BODY_BYTES = 5 * 1024 * 1024;

export type RetellVariables = RequestVariables & {
  /** The body exactly as received (UTF-8), verified against `x-retell-signature`. */
  rawBody: string;
};

/** A refusal before the body was read: the connection closes, so no client sends its next request after an unread body. */
function refuseUnread(response: Response): Response {
  response.headers.set('Connection', 'close');
  return response;
}

/**
 * Lets a request through only with a valid Retell signature over its raw body (and from an allowed address
 * when an allowlist is configured). Nothing downstream runs for a rejected request, so nothing is written. The
 * header is checked (present, well-formed, fresh) before the body is read, so a stranger costs no body read.
 */
export function retellAuth(ctx: Pick<AppContext, 'config' | 'clock' | 'logger'>): MiddlewareHandler<{ Variables: RetellVariables }> {
  const limit = limitBody(MAX_RETELL_BODY_BYTES);
  return async (c, next) => {
    const log = c.get('log') ?? ctx.logger;
    const apiKey = ctx.config.retellApiKey;
    // Without the key nothing can be verified; accepting unsigned traffic instead would let anyone write.
    if (!apiKey) return refuseUnread(errorResponse(c, 'unavailable', 'RETELL_API_KEY is not configured; Retell requests cannot be verified.'));
    const allowlist = ctx.config.retellIpAllowlist;
    if (allowlist.length > 0 && !allowlist.includes(clientIp(c, ctx.config.trustProxy))) {
      log.warn('retell request from an address outside RETELL_IP_ALLOWLIST');
      return refuseUnread(errorResponse(c, 'forbidden', 'Source address not allowed.'));
    }
    const header = readSignatureHeader(c.req.header('x-retell-signature'), ctx.clock.now().getTime());
    if (!header.ok) {
      log.warn({ reason: header.reason }, 'retell request rejected: signature');
      return refuseUnread(errorResponse(c, 'unauthorized', `Invalid Retell signature (${header.reason}).`));
    }
    // Reads the body with a cap (also for chunked bodies without a length): an endless stream never fills the memory.
    const tooLarge = await limit(c, async () => {});
    if (tooLarge) return tooLarge;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (!matchesSignature(bytes, apiKey, header)) {
      log.warn({ reason: 'mismatch' }, 'retell request rejected: signature');
      return errorResponse(c, 'unauthorized', 'Invalid Retell signature (mismatch).');
    }
    c.set('rawBody', new TextDecoder().decode(bytes));
    await next();
  };
}
