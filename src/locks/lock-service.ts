/**
 * What a holder gets while its function runs.
 * `degraded: true` means no distributed lock is held: Postgres (advisory lock + exclusion constraint) is the only guard.
 * `signal` aborts when a held lock is lost (its extension failed); it never aborts in degraded mode.
 */
export interface LockLease {
  degraded: boolean;
  signal: AbortSignal;
}

/** Why a call ran without the distributed lock: the quorum could not be reached, or another holder kept the lock past the retry budget. */
export type DegradedReason = 'unreachable' | 'busy';

/**
 * What to do when another holder keeps the lock past the retry budget.
 *
 * Default 'proceed': run in degraded mode. The lock only narrows the race (one caller at a time works on a
 * staff member's day); the exclusion constraint decides, so failing a caller on the phone because a lock was
 * busy would trade a rare extra transaction for a broken conversation. Busy and unreachable are still counted
 * and logged apart. 'throw' raises LockBusyError instead, for callers that must not do the work twice.
 */
export type BusyPolicy = 'proceed' | 'throw';

/** The lock interface the booking code uses; in-process for the embedded mode, Redlock when Redis nodes are configured. */
export interface LockService {
  /**
   * Runs fn while holding the locks on all keys (deduplicated, acquired in sorted order).
   * If the distributed quorum is unreachable, runs fn anyway in degraded mode (the database constraint remains
   * the guard) and reports it. When the lock is held by someone else past the retry budget, the BusyPolicy
   * decides: degraded mode by default, LockBusyError with 'throw'.
   */
  withLocks<T>(keys: string[], fn: (lease: LockLease) => Promise<T>): Promise<T>;
  /** true when the lock backend is reachable (in-process: always). */
  ping(): Promise<boolean>;
  /** Releases connections and timers; idempotent. Calls after close reject. */
  close(): Promise<void>;
}

/** The lock stayed held by another holder past the retry budget (only with BusyPolicy 'throw'). */
export class LockBusyError extends Error {
  readonly code = 'lock_busy';
  constructor(message = 'The lock is held by another holder past the retry budget.') {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** A held lock expired or was superseded while its holder was still running; the lease signal's reason. */
export class LockLostError extends Error {
  readonly code = 'lock_lost';
  constructor(readonly kind: 'expired' | 'superseded') {
    super(kind === 'superseded' ? 'The lock no longer belongs to this holder on a quorum of nodes.' : 'The lock expired before it could be extended.');
    this.name = 'LockLostError';
  }
}

/** The service was used after close(). */
export class LockServiceClosedError extends Error {
  readonly code = 'lock_service_closed';
  constructor() {
    super('The lock service is closed.');
    this.name = 'LockServiceClosedError';
  }
}

/** Sorted, deduplicated keys: every holder takes multi-key locks in the same order, so opposite orders cannot deadlock. */
export function normalizeKeys(keys: readonly string[]): string[] {
  return [...new Set(keys)].sort();
}
