import { and, inArray, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { SqlState, pgErrorOf } from '../db/errors.js';
import { appointments } from '../db/schema.js';
import { markHoldsExpired } from './expire-holds.js';
import type { BookingDeps } from './booking-deps.js';

// Namespace of the two-key advisory lock, so these never collide with other advisory locks in the database.
const STAFF_LOCK_NAMESPACE = 0x7e4a;

/**
 * Runs `work` in one transaction that owns the calendars of the given staff members:
 * 1. the distributed lock per staff member (Redlock, or in-process): narrows the race across processes so that
 *    concurrent callers queue instead of all building transactions that will fail;
 * 2. `pg_advisory_xact_lock` per staff member, in sorted order: orders writers inside Postgres and prevents the
 *    deadlock storms the exclusion constraint alone produces under contention;
 * 3. the expired holds of those staff members are released, so they never block anyone (a caller on the hot path
 *    may skip this and retry with it when an insert collides, since expired holds are rare);
 * then `work` inserts and the exclusion constraint decides. A deadlock or serialization failure is retried once.
 */
export async function inStaffTransaction<T>(
  deps: BookingDeps,
  staffIds: string[],
  work: (tx: Tx) => Promise<T>,
  options: { releaseExpiredHolds?: boolean; distributedLock?: boolean } = {},
): Promise<T> {
  const ids = [...new Set(staffIds)].sort();
  const run = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.db.transaction(async (tx) => {
          for (const id of ids) await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK_NAMESPACE}, hashtext(${id}))`);
          if (options.releaseExpiredHolds ?? true) await releaseExpiredHolds(tx, ids, deps.clock.now());
          return work(tx);
        });
      } catch (error) {
        const code = pgErrorOf(error)?.code;
        const retryable = code === SqlState.deadlockDetected || code === SqlState.serializationFailure;
        if (!retryable || attempt >= 2) throw error;
        deps.logger.warn({ code, attempt }, 'booking transaction retried');
      }
    }
  };
  // Holds placed for an offer skip the distributed lock: when a hundred callers are offered the same popular
  // stylist at once, Redlock's retry pauses queue them for seconds, while Postgres' advisory lock queues them in
  // order without pauses. The constraint decides either way.
  return options.distributedLock === false ? run() : deps.locks.withLocks(ids.map((id) => `staff:${id}`), run);
}

/** Marks the staff members' holds that expired before `now` as expired, freeing their segments. */
export function releaseExpiredHolds(tx: Tx, staffIds: string[], now: Date): Promise<number> {
  return markHoldsExpired(tx, and(inArray(appointments.staffId, staffIds), lte(appointments.holdExpiresAt, now)), now);
}
