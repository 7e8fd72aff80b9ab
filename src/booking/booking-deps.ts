import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { LockService } from '../locks/lock-service.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { RulesCache } from './rules-cache.js';

/** What the booking verbs need; built once in the composition root. */
export interface BookingDeps {
  db: Db;
  locks: LockService;
  logger: Logger;
  clock: Clock;
  metrics?: Pick<Metrics, 'bookings'>;
  /** How long an offered slot stays held (HOLD_TTL_SECONDS). */
  holdTtlSeconds: number;
  /** This process's cached business rules; without it every calendar read loads them again. */
  rules?: RulesCache;
}

/** Who made a change, for the activity log. */
export interface Actor {
  type: 'caller' | 'staff' | 'admin' | 'system';
  id: string | null;
}
