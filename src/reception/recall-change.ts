import type { BookingDeps } from '../booking/booking-deps.js';
import { findRequestedChange, type ChangeAction } from '../booking/find-requested-change.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import type { AppointmentRef, CancelOutcome, RescheduleOutcome } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';

// A retried request (`scope.requestKey`) whose first run committed a cancel or a move and then died before it
// answered: the cancelled appointment is no longer upcoming, so looking for it again would answer "no appointment"
// (or move the new one once more). The retry answers what was done, and does what the dead run did not get to:
// recording the call's outcome.

/** The cancel the request being served already made, or null. */
export async function recallCancel(deps: BookingDeps, scope: ReceptionScope): Promise<Extract<CancelOutcome, { kind: 'cancelled' }> | null> {
  const done = await recall(deps, scope, 'appointment.cancelled');
  if (!done || !scope.callId) return null;
  await recordCallOutcome(deps.db, {
    callId: scope.callId,
    businessId: scope.businessId,
    outcome: 'cancelled_appointment',
    appointmentId: done.appointment.id,
  });
  return { kind: 'cancelled', appointment: done.appointment, repeated: true };
}

/** The move the request being served already made, or null. */
export async function recallReschedule(deps: BookingDeps, scope: ReceptionScope): Promise<Extract<RescheduleOutcome, { kind: 'rescheduled' }> | null> {
  const done = await recall(deps, scope, 'appointment.rescheduled');
  if (!done || !scope.callId) return null;
  const { appointment } = done;
  await recordCallOutcome(deps.db, {
    callId: scope.callId,
    businessId: scope.businessId,
    outcome: 'rescheduled_appointment',
    appointmentId: appointment.id,
    customerId: appointment.customerId,
  });
  return { kind: 'rescheduled', appointment, previousId: done.previousId ?? appointment.id, repeated: true };
}

async function recall(
  deps: BookingDeps,
  scope: ReceptionScope,
  action: ChangeAction,
): Promise<{ appointment: AppointmentRef; previousId: string | null } | null> {
  if (!scope.callId || !scope.requestKey) return null;
  const done = await findRequestedChange(deps.db, { businessId: scope.businessId, callId: scope.callId, request: scope.requestKey, action });
  if (!done) return null;
  const a = done.appointment;
  return {
    appointment: {
      id: a.id,
      serviceId: a.serviceId,
      staffId: a.staffId,
      customerId: done.customerId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
    },
    previousId: done.previousId,
  };
}
