import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { activityLog } from '../db/schema.js';

/**
 * The fingerprint of the request that booked an appointment (`PlaceInput.request`), as its booking's activity row
 * keeps it; null when none was recorded.
 */
export async function findBookingRequest(db: Queryable, appointmentId: string): Promise<string | null> {
  const [row] = await db
    .select({ details: activityLog.details })
    .from(activityLog)
    .where(and(eq(activityLog.entityType, 'appointment'), eq(activityLog.entityId, appointmentId), eq(activityLog.action, 'appointment.booked')))
    .orderBy(asc(activityLog.id))
    .limit(1);
  const request = row?.details?.request;
  return typeof request === 'string' ? request : null;
}
