import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import { expireHolds } from './expire-holds.js';

/** Marks expired holds every `intervalMs` until stopped. Each instance may run one; the update is idempotent. */
export function startHoldSweeper(deps: { db: Db; clock: Clock; logger: Logger }, intervalMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = expireHolds(deps.db, deps.clock.now())
      .then((n) => {
        if (n > 0) deps.logger.info({ expired: n }, 'expired holds released');
      })
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'hold sweep failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
