import type { Sql } from 'postgres';
import { DEMO_SALON_ID } from '../../src/business-file/demo-businesses.js';
import type { CheckResult } from './check-result.js';
import type { RunFacts } from './run-context.js';

/**
 * Customers are never duplicated (one per business and number; the unique index says so, this proves it held)
 * and exist exactly for the callers who were told of a booking.
 */
export async function checkCustomers(sql: Sql, facts: RunFacts): Promise<CheckResult> {
  const duplicates = await sql<Array<{ phone_e164: string; n: number }>>`
    select phone_e164, count(*)::int as n from customers group by business_id, phone_e164 having count(*) > 1`;
  const rows = await sql<Array<{ phone_e164: string; appointment_count: number }>>`
    select phone_e164, appointment_count from customers where business_id = ${DEMO_SALON_ID}`;
  // Phone callers and the function calls' callers alike.
  const everyone = [...facts.records, ...(facts.functionBurst?.calls ?? [])];
  const booked = new Set(everyone.filter((r) => r.told.some((t) => t.kind === 'booked')).map((r) => r.phone));
  const known = new Set(rows.map((r) => r.phone_e164));
  const callers = new Set(everyone.map((r) => r.phone));

  const violations = [
    ...duplicates.map((d) => `customer ${d.phone_e164} exists ${d.n} times`),
    ...[...booked].filter((p) => !known.has(p)).map((p) => `caller ${p} was told of a booking but is no customer`),
    ...[...known]
      .filter((p) => !booked.has(p))
      .map((p) => `customer ${p} exists although ${callers.has(p) ? 'this caller was never told of a booking' : 'no caller of this run has the number'}`),
  ];
  return {
    name: 'customers are never duplicated',
    violations,
    notes: [],
    facts: { customers: rows.length, 'callers told of a booking': booked.size, callers: callers.size, 'returning callers': everyone.length - callers.size },
  };
}
