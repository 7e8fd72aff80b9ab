import { and, eq, lte, type SQL } from 'drizzle-orm';
import { anyUuid } from '../db/any-of.js';
import type { Db, Queryable } from '../db/database.js';
import { appointments, appointmentSegments } from '../db/schema.js';

/**
 * Marks the held appointments `which` selects as expired, their busy segments with them (the constraint reads
 * the segments). A hold that ends without a booking is `expired`, never `cancelled`: it was not an appointment.
 */
export async function markHoldsExpired(tx: Queryable, which: SQL | undefined, now: Date): Promise<number> {
  const expired = await tx
    .update(appointments)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(appointments.status, 'held'), which))
    .returning({ id: appointments.id });
  if (expired.length === 0) return 0;
  await tx
    .update(appointmentSegments)
    .set({ status: 'expired' })
    .where(
      anyUuid(
        appointmentSegments.appointmentId,
        expired.map((e) => e.id),
      ),
    );
  return expired.length;
}

/**
 * Marks every hold that expired before `now` as expired. Bookings do not depend on it (expired holds never
 * block, and the booking transaction releases them itself); it keeps the table honest for staff and reports.
 */
export async function expireHolds(db: Db, now: Date): Promise<number> {
  return db.transaction((tx) => markHoldsExpired(tx, lte(appointments.holdExpiresAt, now), now));
}
