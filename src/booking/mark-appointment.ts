import type { Actor, BookingDeps } from './booking-deps.js';
import { findAppointment } from './appointment-view.js';
import type { AppointmentView } from './outcomes.js';
import { recordActivity } from './record-activity.js';
import { setAppointmentStatus } from './set-appointment-status.js';

/** What an appointment can be marked as once its time has come. */
export type Mark = Extract<AppointmentView['status'], 'completed' | 'no_show'>;

export interface MarkInput {
  appointmentId: string;
  /** An appointment of another business is reported as not found (tenant isolation). */
  businessId: string;
  mark: Mark;
  actor: Actor;
}

export type MarkOutcome =
  | { kind: 'marked'; appointment: AppointmentView; previous: AppointmentView['status']; repeated: boolean }
  | { kind: 'not_found' }
  /** Its start has not come yet: nobody can have come or stayed away. */
  | { kind: 'not_started'; startsAt: Date }
  /** Held, expired or cancelled: there was no visit to mark. */
  | { kind: 'not_markable'; status: AppointmentView['status'] };

/**
 * Marks a booked appointment completed or no-show, once it has started. Marking it the same way again answers the
 * first result; the other mark corrects it (the customer came late after all), and the activity log keeps both.
 * The mark ends the appointment's hold on the calendar from now on, as a cancel does: whoever did not come, or
 * left, no longer needs the chair; time that is past is never offered anyway.
 */
export async function markAppointment(deps: BookingDeps, input: MarkInput): Promise<MarkOutcome> {
  const found = await findAppointment(deps.db, input.appointmentId);
  if (!found || found.businessId !== input.businessId) return { kind: 'not_found' };
  return deps.db.transaction(async (tx): Promise<MarkOutcome> => {
    const current = (await findAppointment(tx, input.appointmentId, { forUpdate: true })) as AppointmentView;
    if (current.status === input.mark) return { kind: 'marked', appointment: current, previous: current.status, repeated: true };
    if (current.status !== 'booked' && current.status !== 'completed' && current.status !== 'no_show') return { kind: 'not_markable', status: current.status };
    const now = deps.clock.now();
    if (now < current.startsAt) return { kind: 'not_started', startsAt: current.startsAt };
    // Freeing time needs no staff lock: it can never make two bookings overlap.
    await setAppointmentStatus(tx, current.id, input.mark, now);
    await recordActivity(tx, {
      businessId: current.businessId,
      actor: input.actor,
      action: input.mark === 'completed' ? 'appointment.completed' : 'appointment.no_show',
      entityType: 'appointment',
      entityId: current.id,
      details: { previousStatus: current.status },
    });
    return { kind: 'marked', appointment: { ...current, status: input.mark }, previous: current.status, repeated: false };
  });
}
