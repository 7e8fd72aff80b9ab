import type { BookingDeps } from './booking/booking-deps.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { LockService } from './locks/lock-service.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { RulesCache } from './booking/rules-cache.js';

/** Everything built once in the composition root and passed down; no module reads a global. */
export interface AppContext {
  config: Config;
  database: Database;
  locks: LockService;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  /** Business rules cached by this process, checked against the database's rules version on use. */
  rules: RulesCache;
}

/** The booking verbs' dependencies, taken from the service context. */
export function bookingDepsOf(ctx: AppContext): BookingDeps {
  return {
    db: ctx.database.db,
    locks: ctx.locks,
    logger: ctx.logger,
    clock: ctx.clock,
    metrics: ctx.metrics,
    holdTtlSeconds: ctx.config.holdTtlSeconds,
    rules: ctx.rules,
  };
}
