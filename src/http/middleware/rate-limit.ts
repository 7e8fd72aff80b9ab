import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../../clock.js';
import { errorResponse } from '../errors.js';

const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Requests per key and minute; 0 lets everything through. */
  readonly limit: number;
  /** Counts one request against `key`. */
  take(key: string): RateDecision;
  /** A refusal when `key` has used up the current window (without counting a request), else null. */
  exhausted(key: string): RateDecision | null;
}

/**
 * A fixed one-minute window per key, in this instance's memory. With N instances behind a load balancer a
 * client gets up to N times the limit; that is accepted here: the limit protects each instance from floods,
 * it is not a quota. The map is dropped at every window change, so it holds one minute's keys at most.
 */
export function createRateLimiter(limit: number, clock: Clock): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  const roll = () => {
    const now = clock.now().getTime();
    const start = now - (now % WINDOW_MS);
    if (start !== windowStart) {
      windowStart = start;
      counts = new Map();
    }
    return { now, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
  };
  return {
    limit,
    take(key) {
      const { retryAfterSeconds } = roll();
      if (limit <= 0) return { allowed: true, remaining: Number.MAX_SAFE_INTEGER };
      const used = (counts.get(key) ?? 0) + 1;
      counts.set(key, used);
      return used <= limit ? { allowed: true, remaining: limit - used } : { allowed: false, retryAfterSeconds };
    },
    exhausted(key) {
      const { retryAfterSeconds } = roll();
      return limit > 0 && (counts.get(key) ?? 0) >= limit ? { allowed: false, retryAfterSeconds } : null;
    },
  };
}

/** 429 with Retry-After in the one error envelope. */
export function tooManyRequests(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return errorResponse(c, 'rate_limited', `Too many requests; retry in ${retryAfterSeconds} s.`);
}

/** Counts each request against `keyOf(c)` and answers 429 once that key has used up its window. */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    if (limiter.limit <= 0) return next();
    const decision = limiter.take(keyOf(c));
    if (!decision.allowed) return tooManyRequests(c, decision.retryAfterSeconds);
    c.header('RateLimit-Limit', String(limiter.limit));
    c.header('RateLimit-Remaining', String(decision.remaining));
    await next();
  };
}
