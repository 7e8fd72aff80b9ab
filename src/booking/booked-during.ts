import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { appointments } from '../db/schema.js';
import { selectAppointmentSummaries, toAppointmentSummary, type AppointmentSummary } from './appointment-summary.js';
import { markHoldsExpired } from './expire-holds.js';

/** A stretch of the calendar that became unavailable: one staff member's (time off) or the whole business's (closure). */
export interface BlockedTime {
  businessId: string;
  /** Omitted: every staff member of the business. */
  staffId?: string;
  startsAt: Date;
  endsAt: Date;
}

const during = (block: BlockedTime) =>
  and(
    eq(appointments.businessId, block.businessId),
    block.staffId ? eq(appointments.staffId, block.staffId) : undefined,
    lt(appointments.startsAt, block.endsAt),
    gt(appointments.endsAt, block.startsAt),
  );

/**
 * The booked appointments a newly blocked stretch overlaps, in calendar order: they stay booked (someone has to call
 * the customer and move or cancel them), and the salon needs the list to do so.
 */
export async function findBookedDuring(db: Queryable, block: BlockedTime): Promise<AppointmentSummary[]> {
  const rows = await selectAppointmentSummaries(db)
    .where(and(during(block), eq(appointments.status, 'booked')))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return rows.map(toAppointmentSummary);
}

/**
 * Gives back the slots held for callers still deciding inside a newly blocked stretch. A caller's "yes" to such a
 * slot then books afresh, against the new rules, and hears that the time is no longer free instead of being booked
 * into a sick day. Returns how many were released.
 */
export async function releaseHoldsDuring(tx: Queryable, block: BlockedTime, now: Date): Promise<number> {
  return markHoldsExpired(tx, during(block), now);
}
