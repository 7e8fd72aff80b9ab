import { and, eq, gt, lt, lte } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { appointmentSegments } from '../db/schema.js';
import type { Interval } from './calendar-model.js';

/** Whether a hold that has expired but is not yet marked so still occupies part of the staff member's interval. */
export async function hasExpiredHolds(db: Queryable, staffId: string, within: Interval, now: Date): Promise<boolean> {
  const rows = await db
    .select({ id: appointmentSegments.id })
    .from(appointmentSegments)
    .where(
      and(
        eq(appointmentSegments.staffId, staffId),
        eq(appointmentSegments.status, 'held'),
        lte(appointmentSegments.holdExpiresAt, now),
        lt(appointmentSegments.startsAt, new Date(within.endsAt)),
        gt(appointmentSegments.endsAt, new Date(within.startsAt)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
