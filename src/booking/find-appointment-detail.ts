import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '../access/principal.js';
import type { Queryable } from '../db/database.js';
import { appointments, appointmentSegments, calls, type CallOutcome } from '../db/schema.js';
import { appointmentsVisibleTo, selectAppointmentSummaries, toAppointmentSummary, type AppointmentSummary } from './appointment-summary.js';

export interface AppointmentDetail extends AppointmentSummary {
  holdExpiresAt: Date | null;
  notes: string | null;
  /** The busy intervals the appointment occupies (work phases, blocked gaps, buffers). */
  segments: Array<{ startsAt: Date; endsAt: Date }>;
  call: { id: string; outcome: CallOutcome | null; startedAt: Date | null } | null;
}

/** One appointment the scope may see, or null (also for another business's or staff member's). */
export async function findAppointmentDetail(db: Queryable, scope: Scope, id: string): Promise<AppointmentDetail | null> {
  const [row] = await selectAppointmentSummaries(db)
    .where(and(eq(appointments.id, id), appointmentsVisibleTo(scope)))
    .limit(1);
  if (!row) return null;
  const [extra, segments, call] = await Promise.all([
    db.select({ holdExpiresAt: appointments.holdExpiresAt, notes: appointments.notes }).from(appointments).where(eq(appointments.id, id)),
    db
      .select({ startsAt: appointmentSegments.startsAt, endsAt: appointmentSegments.endsAt })
      .from(appointmentSegments)
      .where(eq(appointmentSegments.appointmentId, id))
      .orderBy(asc(appointmentSegments.startsAt)),
    row.callId
      ? db
          .select({ id: calls.id, outcome: calls.outcome, startedAt: calls.startedAt })
          .from(calls)
          .where(and(eq(calls.id, row.callId), eq(calls.businessId, scope.businessId)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  return {
    ...toAppointmentSummary(row),
    holdExpiresAt: extra[0]?.holdExpiresAt ?? null,
    notes: extra[0]?.notes ?? null,
    segments,
    call: call[0] ?? null,
  };
}
