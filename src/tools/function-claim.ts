import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { processedEvents } from '../db/schema.js';
import type { ToolResult } from './results.js';

/**
 * How long a function call's claim holds without renewal. Its run renews it every RENEW_MS, so only a run whose
 * process died (or lost the database) lets it lapse; a retry then takes over within about this long.
 */
const CLAIM_LEASE_MS = 2_000;
export const RENEW_MS = 500;

// The database's clock, not the instance's: every instance compares leases against the same time.
const leaseEnd = () => sql`now() + ${CLAIM_LEASE_MS}::integer * interval '1 millisecond'`;

export interface Claim {
  /** 1 for the first run of the request; more when this run took over a lapsed or freed claim. */
  attempts: number;
}

/**
 * Claims a function call's key for the run holding `token`: a new key, or one whose claim lapsed without a result.
 * One statement, so of two retries racing for a lapsed claim exactly one wins: the second waits on the row the
 * first updates and then finds the lease live again. Null when the key has a result or a live claim.
 */
export async function claimFunctionCall(db: Db, key: string, token: string): Promise<Claim | null> {
  const [row] = await db
    .insert(processedEvents)
    .values({ key, kind: 'function', claimedUntil: leaseEnd(), claimToken: token })
    .onConflictDoUpdate({
      target: processedEvents.key,
      set: { claimedUntil: leaseEnd(), claimToken: token, attempts: sql`${processedEvents.attempts} + 1` },
      // A claim from before leases existed has none: it can only be a dead one.
      setWhere: sql`${processedEvents.result} is null and (${processedEvents.claimedUntil} is null or ${processedEvents.claimedUntil} < now())`,
    })
    .returning({ attempts: processedEvents.attempts });
  return row ?? null;
}

/** Extends the claim while its run works; false once another run has taken it over or an answer is stored. */
export async function renewFunctionCall(db: Db, key: string, token: string): Promise<boolean> {
  const rows = await db
    .update(processedEvents)
    .set({ claimedUntil: leaseEnd() })
    .where(and(eq(processedEvents.key, key), eq(processedEvents.claimToken, token), isNull(processedEvents.result)))
    .returning({ key: processedEvents.key });
  return rows.length > 0;
}

/**
 * Stores a run's answer and returns the one every retry is to hear. Two runs of a request overlap only after a lease
 * lapsed under a live run (a very slow database); the booking keys make them agree on what happened, but the one
 * that saw the slot already taken by the other may answer first. So an answer that reports a committed write
 * (booked, cancelled, moved) replaces a stored one that does not; otherwise the first stored answer stands.
 */
export async function storeFunctionResult(db: Db, key: string, result: ToolResult): Promise<ToolResult> {
  const replaceable = reportsCommittedWrite(result) ? sql`${processedEvents.result} is null or not (${COMMITTED_SQL})` : isNull(processedEvents.result);
  const [stored] = await db
    .insert(processedEvents)
    .values({ key, kind: 'function', result })
    .onConflictDoUpdate({ target: processedEvents.key, set: { result, claimedUntil: null, claimToken: null }, setWhere: replaceable })
    .returning({ key: processedEvents.key });
  if (stored) return result;
  const first = await readFunctionCall(db, key);
  if (!first?.result) throw new Error('a function call answer vanished after it was stored');
  return first.result;
}

function reportsCommittedWrite(result: ToolResult): boolean {
  return (
    ('booked' in result && result.booked === true) ||
    ('cancelled' in result && result.cancelled === true) ||
    ('rescheduled' in result && result.rescheduled === true)
  );
}
const COMMITTED_SQL = sql`coalesce((${processedEvents.result}->>'booked')::boolean, false) or coalesce((${processedEvents.result}->>'cancelled')::boolean, false) or coalesce((${processedEvents.result}->>'rescheduled')::boolean, false)`;

/** Frees the claim of a run that failed, so a retry runs afresh at once instead of waiting out the lease. */
export async function freeFunctionCall(db: Db, key: string, token: string): Promise<void> {
  await db.delete(processedEvents).where(and(eq(processedEvents.key, key), eq(processedEvents.claimToken, token), isNull(processedEvents.result)));
}

/** The request's stored answer, if any, and whether a run still holds a live claim on it. */
export async function readFunctionCall(db: Db, key: string): Promise<{ result: ToolResult | null; live: boolean } | null> {
  const [row] = await db
    .select({ result: processedEvents.result, live: sql<boolean>`coalesce(${processedEvents.claimedUntil} > now(), false)` })
    .from(processedEvents)
    .where(eq(processedEvents.key, key))
    .limit(1);
  // Written only by storeFunctionResult from a typed answer; parsing it again could only turn an answer given to
  // the caller into none, which would make the retry run the write afresh.
  return row ? { result: (row.result as ToolResult | null) ?? null, live: row.live } : null;
}
