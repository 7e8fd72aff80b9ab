import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import { calls } from '../db/schema.js';

/**
 * Calls that led to an appointment of this staff member: linked from the call, or booked during it. Holds
 * (offered, then released or expired) do not count: being offered is not an appointment.
 */
export function callOfStaff(staffId: string): SQL {
  return sql`exists (select 1 from appointments a
    where a.business_id = ${calls.businessId} and a.staff_id = ${staffId}::uuid
      and a.status in ('booked', 'completed', 'no_show', 'cancelled')
      and (a.id = ${calls.appointmentId} or a.call_id = ${calls.id}))`;
}

/** The calls a scope may see: its business's, and for a staff member only those that led to their appointments. */
export function callsVisibleTo(scope: Scope): SQL {
  const own = sql`${calls.businessId} = ${scope.businessId}::uuid`;
  return scope.staffId ? sql`${own} and ${callOfStaff(scope.staffId)}` : own;
}
