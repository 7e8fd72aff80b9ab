import type { Actor, BookingDeps } from './booking-deps.js';
import { findAppointment } from './appointment-view.js';
import { inStaffTransaction } from './in-staff-transaction.js';
import type { AppointmentView, BookingOutcome } from './outcomes.js';
import { recordActivity } from './record-activity.js';
import { adjustAppointmentCount, setAppointmentStatus } from './set-appointment-status.js';

export interface CancelInput {
  appointmentId: string;
  /** When given, an appointment of another business is reported as not found (tenant isolation). */
  businessId?: string;
  actor: Actor;
  reason?: string;
  /** The request that asked for it, recorded with the cancel so a retry of that request can find it. */
  request?: string;
}

/** Cancels a booked or held appointment and frees its time; cancelling twice answers the first result. */
export async function cancelAppointment(deps: BookingDeps, input: CancelInput): Promise<BookingOutcome> {
  const found = await findAppointment(deps.db, input.appointmentId);
  if (!found || (input.businessId && found.businessId !== input.businessId)) return { kind: 'not_found', what: 'appointment' };
  return inStaffTransaction(deps, [found.staffId], async (tx): Promise<BookingOutcome> => {
    const current = (await findAppointment(tx, input.appointmentId, { forUpdate: true })) as AppointmentView;
    if (current.status === 'cancelled') return { kind: 'cancelled', appointment: current, repeated: true };
    if (current.status !== 'booked' && current.status !== 'held') return { kind: 'not_modifiable', status: current.status };
    const now = deps.clock.now();
    await setAppointmentStatus(tx, current.id, 'cancelled', now, { cancelledBy: input.actor, cancelReason: input.reason?.trim() || null });
    if (current.status === 'booked') await adjustAppointmentCount(tx, current.customerId, -1);
    await recordActivity(tx, {
      businessId: current.businessId,
      actor: input.actor,
      action: 'appointment.cancelled',
      entityType: 'appointment',
      entityId: current.id,
      details: { previousStatus: current.status, reason: input.reason ?? null, ...(input.request ? { request: input.request } : {}) },
    });
    return { kind: 'cancelled', appointment: { ...current, status: 'cancelled' }, repeated: false };
  });
}
