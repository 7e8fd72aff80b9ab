import postgres from 'postgres';
import { checkBookings } from './check-bookings.js';
import { checkCalls } from './check-calls.js';
import { checkCustomers } from './check-customers.js';
import { checkFunctionCalls } from './check-function-calls.js';
import { checkOffers } from './check-offers.js';
import { checkOverlaps } from './check-overlaps.js';
import type { CheckResult } from './check-result.js';
import type { RunFacts } from './run-context.js';

/** Runs every invariant check against the run's database. */
export async function runChecks(databaseUrl: string, facts: RunFacts): Promise<CheckResult[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return [
      await checkOverlaps(sql),
      await checkBookings(sql, facts),
      await checkCustomers(sql, facts),
      await checkCalls(sql, facts),
      await checkOffers(sql, facts),
      await checkFunctionCalls(sql, facts),
    ];
  } finally {
    await sql.end({ timeout: 2 });
  }
}
