import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Principal } from '../../access/principal.js';
import { verifyApiToken } from '../../access/verify-api-token.js';
import type { AppContext } from '../../context.js';
import { clientIp } from '../client-ip.js';
import { errorResponse } from '../errors.js';
import type { RequestVariables } from '../middleware/request-log.js';
import { tooManyRequests, type RateLimiter } from '../middleware/rate-limit.js';

export type ApiEnv = { Variables: RequestVariables & { principal: Principal } };

function bearerOf(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Bearer-token authentication with rate limiting: a valid token is limited per token, everything else per
 * client address. An address that used up its window with bad tokens is refused before the database is asked.
 */
export function apiAuth(ctx: Pick<AppContext, 'database' | 'clock' | 'config'>, limiter: RateLimiter): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const ipKey = `ip:${clientIp(c, ctx.config.trustProxy)}`;
    const refused = limiter.exhausted(ipKey);
    if (refused && !refused.allowed) return tooManyRequests(c, refused.retryAfterSeconds);
    const token = bearerOf(c.req.header('authorization'));
    const principal = token ? await verifyApiToken(ctx.database.db, token, ctx.clock.now()) : null;
    const decision = limiter.take(principal ? `token:${principal.tokenId}` : ipKey);
    if (!decision.allowed) return tooManyRequests(c, decision.retryAfterSeconds);
    if (!principal) {
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 'unauthorized', token ? 'Invalid or revoked token.' : 'A bearer token is required.');
    }
    if (limiter.limit > 0 && decision.allowed) {
      c.header('RateLimit-Limit', String(limiter.limit));
      c.header('RateLimit-Remaining', String(decision.remaining));
    }
    c.set('principal', principal);
    await next();
  };
}

/** The staff API's app, mounted under /api; every resource file registers its routes on it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the route schema starts empty
export type ApiApp = OpenAPIHono<ApiEnv, {}, '/api'>;
