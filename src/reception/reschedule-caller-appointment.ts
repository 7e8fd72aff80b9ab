import type { BookingDeps } from '../booking/booking-deps.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { placeInDateWindow } from '../date-window.js';
import { rescheduleAppointment } from '../booking/reschedule-appointment.js';
import type { RescheduleOutcome, RescheduleRequest } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';
import { findStaffFreeAt } from './find-staff-free-at.js';
import { toAppointmentRef, toOfferedSlot } from './to-refs.js';

/**
 * Moves one of the caller's appointments in one transaction, keeping the staff member unless another is named (or,
 * with `anyStaff`, unless that one cannot and another can take the new time).
 * A taken or forbidden target leaves the old appointment in place and answers the nearest alternatives.
 */
export async function rescheduleCallerAppointment(deps: BookingDeps, scope: ReceptionScope, request: RescheduleRequest): Promise<RescheduleOutcome> {
  const startsAt = new Date(request.startsAt);
  // Far years are refused before any arithmetic; the appointment stays.
  const place = placeInDateWindow(startsAt.getTime(), deps.clock.now());
  if (place !== 'inside') return { kind: 'unavailable', reason: place === 'before' ? 'past' : 'beyond_horizon', alternatives: [] };
  const move = (staffId: string | null) =>
    rescheduleAppointment(deps, {
      appointmentId: request.appointmentId,
      businessId: scope.businessId,
      startsAt,
      ...(staffId ? { staffId } : {}),
      // Per call, appointment and target: Retell's retry of the same move answers the first move.
      ...(scope.callId ? { idempotencyKey: `reschedule:${scope.callId}:${request.appointmentId}:${startsAt.toISOString()}` } : {}),
      source: scope.source,
      actor: { type: 'caller', id: scope.callId },
      ...(scope.requestKey ? { request: scope.requestKey } : {}),
    });
  let outcome = await move(request.staffId);
  if (request.anyStaff && !request.staffId && (outcome.kind === 'slot_taken' || outcome.kind === 'unavailable')) {
    // The caller never asked for this staff member: whoever is free at the new time takes the appointment.
    const other = await findStaffFreeAt(deps, scope, request.appointmentId, startsAt);
    if (other) {
      const retried = await move(other);
      if (retried.kind === 'rescheduled') outcome = retried;
    }
  }
  switch (outcome.kind) {
    case 'rescheduled': {
      const appointment = toAppointmentRef(outcome.appointment);
      if (scope.callId)
        await recordCallOutcome(deps.db, {
          callId: scope.callId,
          businessId: scope.businessId,
          outcome: 'rescheduled_appointment',
          appointmentId: appointment.id,
          customerId: appointment.customerId,
        });
      return { kind: 'rescheduled', appointment, previousId: outcome.previousId, repeated: outcome.repeated };
    }
    case 'slot_taken':
      return { kind: 'slot_taken', alternatives: outcome.alternatives.map(toOfferedSlot) };
    case 'unavailable':
      return {
        kind: 'unavailable',
        reason: outcome.reason,
        alternatives: outcome.alternatives.map(toOfferedSlot),
        ...(outcome.detail ? { detail: outcome.detail } : {}),
      };
    case 'not_found':
      return outcome.what === 'staff' ? { kind: 'unknown_staff' } : { kind: 'not_found' };
    default:
      return { kind: 'not_modifiable' };
  }
}
