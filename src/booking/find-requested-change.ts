import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { activityLog, appointments, services, staff } from '../db/schema.js';
import { APPOINTMENT_COLUMNS, type UpcomingAppointment } from './find-upcoming-appointments.js';

export type ChangeAction = 'appointment.cancelled' | 'appointment.rescheduled';

export interface RequestedChange {
  /** The appointment the change produced: the cancelled one, or the new one a move booked. */
  appointment: UpcomingAppointment;
  customerId: string | null;
  /** For a move: the appointment it replaced. */
  previousId: string | null;
}

/**
 * The change a caller's request already made, found by the request id it was recorded with (in the same
 * transaction as the change, so it is there exactly when the change committed). A retry after the first run died
 * answers with it instead of looking for the appointment again: a cancelled appointment is no longer "upcoming".
 */
export async function findRequestedChange(
  db: Queryable,
  input: { businessId: string; callId: string; request: string; action: ChangeAction },
): Promise<RequestedChange | null> {
  // Two lookups by index (the caller's activity, then the appointment by id) rather than one join on a cast id.
  const [change] = await db
    .select({ appointmentId: activityLog.entityId })
    .from(activityLog)
    .where(
      and(
        eq(activityLog.actorType, 'caller'),
        eq(activityLog.actorId, input.callId),
        eq(activityLog.businessId, input.businessId),
        eq(activityLog.action, input.action),
        eq(activityLog.entityType, 'appointment'),
        sql`${activityLog.details}->>'request' = ${input.request}`,
      ),
    )
    .limit(1);
  if (!change) return null;
  const [row] = await db
    .select({ ...APPOINTMENT_COLUMNS, previousId: appointments.rescheduledFromId })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .where(eq(appointments.id, change.appointmentId))
    .limit(1);
  if (!row) return null;
  const { previousId, ...appointment } = row;
  return { appointment, customerId: appointment.customerId, previousId };
}
