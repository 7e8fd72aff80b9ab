import type { BookingDeps } from '../booking/booking-deps.js';
import { cancelAppointment } from '../booking/cancel-appointment.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import type { CancelOutcome, CancelRequest } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';
import { toAppointmentRef } from './to-refs.js';

/** Cancels one of the caller's appointments (of this business only) and records it on the call. Idempotent. */
export async function cancelCallerAppointment(deps: BookingDeps, scope: ReceptionScope, request: CancelRequest): Promise<CancelOutcome> {
  const outcome = await cancelAppointment(deps, {
    appointmentId: request.appointmentId,
    businessId: scope.businessId,
    actor: { type: 'caller', id: scope.callId },
    ...(scope.requestKey ? { request: scope.requestKey } : {}),
  });
  switch (outcome.kind) {
    case 'cancelled':
      if (scope.callId)
        await recordCallOutcome(deps.db, {
          callId: scope.callId,
          businessId: scope.businessId,
          outcome: 'cancelled_appointment',
          appointmentId: outcome.appointment.id,
        });
      return { kind: 'cancelled', appointment: toAppointmentRef(outcome.appointment), repeated: outcome.repeated };
    case 'not_found':
      return { kind: 'not_found' };
    default:
      return { kind: 'not_modifiable' };
  }
}
