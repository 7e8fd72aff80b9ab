import { sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/database.js';
import { SqlState, pgErrorOf } from '../db/errors.js';
import { rowsOf } from '../db/rows.js';
import type { BookingDeps } from './booking-deps.js';

// Namespace of the two-key advisory lock, so these never collide with other advisory locks in the database.
// The `insert_appointment` database function takes the same key (0x7e4a = 32330).
const STAFF_LOCK_NAMESPACE = 0x7e4a;

export interface StaffLockOptions {
  /** Take the distributed lock (default true); holds placed for an offer go without it. */
  distributedLock?: boolean;
}

/**
 * Runs `work` in one transaction that owns the calendars of the given staff members:
 * 1. the distributed lock per staff member (Redlock, or in-process): narrows the race across processes so that
 *    concurrent callers queue instead of all building transactions that will fail;
 * 2. `pg_advisory_xact_lock` per staff member, in sorted order: orders writers inside Postgres and prevents the
 *    deadlock storms the exclusion constraint alone produces under contention;
 * 3. the expired holds of those staff members are released, so they never block anyone;
 * then `work` writes and the exclusion constraint decides. A deadlock or serialization failure is retried once.
 */
export async function inStaffTransaction<T>(deps: BookingDeps, staffIds: string[], work: (tx: Tx) => Promise<T>, options: StaffLockOptions = {}): Promise<T> {
  const ids = [...new Set(staffIds)].sort();
  return underStaffLocks(deps, ids, options, () =>
    deps.db.transaction(async (tx) => {
      await lockStaffCalendars(tx, ids);
      await releaseExpiredHolds(tx, ids, deps.clock.now());
      return work(tx);
    }),
  );
}

/**
 * Takes the transaction-scoped advisory lock of each staff member, in sorted order (as every writer does, so two
 * never wait on each other): until the transaction ends, no booking or hold for them commits.
 */
export async function lockStaffCalendars(tx: Tx, staffIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(staffIds)].sort()) await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK_NAMESPACE}, hashtext(${id}::uuid::text))`);
}

/**
 * Runs one statement that takes its staff member's advisory lock itself (`insert_appointment`), under the same
 * distributed lock and retries as `inStaffTransaction` but without a transaction around it: a booking that is
 * one statement is one round trip to the database instead of four.
 */
export async function asStaffStatement<T>(
  deps: BookingDeps,
  staffId: string,
  statement: (db: Queryable) => Promise<T>,
  options: StaffLockOptions = {},
): Promise<T> {
  return underStaffLocks(deps, [staffId], options, () => statement(deps.db));
}

async function underStaffLocks<T>(deps: BookingDeps, sortedIds: string[], options: StaffLockOptions, run: () => Promise<T>): Promise<T> {
  const retried = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
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
  return options.distributedLock === false
    ? retried()
    : deps.locks.withLocks(
        sortedIds.map((id) => `staff:${id}`),
        retried,
      );
}

/** Marks the staff members' holds that expired before `now` as expired, freeing their segments. */
async function releaseExpiredHolds(tx: Queryable, staffIds: string[], now: Date): Promise<number> {
  const result = await tx.execute(sql`select release_expired_holds(${`{${staffIds.join(',')}}`}::uuid[], ${now.toISOString()}::timestamptz) as released`);
  return Number(rowsOf<{ released: number | string }>(result)[0]?.released ?? 0);
}
