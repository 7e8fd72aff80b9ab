import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext } from '../../context.js';
import { clientIp } from '../client-ip.js';
import { errorResponse } from '../errors.js';
import { verifyRetellSignature } from '../retell-signature.js';
import type { RequestVariables } from './request-log.js';

/** Retell sends full transcripts with every event; a long call stays far below this. */
export const MAX_RETELL_BODY_BYTES = 5 * 1024 * 1024;

export type RetellVariables = RequestVariables & {
  /** The body exactly as received (UTF-8), verified against `x-retell-signature`. */
  rawBody: string;
};

/**
 * Lets a request through only with a valid Retell signature over its raw body (and from an allowed address
 * when an allowlist is configured). Nothing downstream runs for a rejected request, so nothing is written.
 */
export function retellAuth(ctx: Pick<AppContext, 'config' | 'clock' | 'logger'>): MiddlewareHandler<{ Variables: RetellVariables }> {
  const limitBody = bodyLimit({ maxSize: MAX_RETELL_BODY_BYTES, onError: (c) => errorResponse(c, 'payload_too_large', 'Request body too large.') });
  return async (c, next) => {
    const log = c.get('log') ?? ctx.logger;
    const apiKey = ctx.config.retellApiKey;
    // Without the key nothing can be verified; accepting unsigned traffic instead would let anyone write.
    if (!apiKey) return errorResponse(c, 'unavailable', 'RETELL_API_KEY is not configured; Retell requests cannot be verified.');
    const allowlist = ctx.config.retellIpAllowlist;
    if (allowlist.length > 0 && !allowlist.includes(clientIp(c, ctx.config.trustProxy))) {
      log.warn('retell request from an address outside RETELL_IP_ALLOWLIST');
      return errorResponse(c, 'forbidden', 'Source address not allowed.');
    }
    // Reads the body with a cap (also for chunked bodies without a length): an endless stream never fills the memory.
    const tooLarge = await limitBody(c, async () => {});
    if (tooLarge) return tooLarge;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const check = verifyRetellSignature(bytes, apiKey, c.req.header('x-retell-signature'), ctx.clock.now().getTime());
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'retell request rejected: signature');
      return errorResponse(c, 'unauthorized', `Invalid Retell signature (${check.reason}).`);
    }
    c.set('rawBody', new TextDecoder().decode(bytes));
    await next();
  };
}
