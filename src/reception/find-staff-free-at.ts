import { answerWish } from '../booking/answer-wish.js';
import { findAppointment } from '../booking/appointment-view.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import { findCallHolds } from '../booking/call-holds.js';
import { loadCalendar } from '../booking/load-calendar.js';
import { DAY_MS } from '../clock.js';
import type { ReceptionScope } from './reception-scope.js';

/**
 * Another staff member who can take the appointment's service at `startsAt`, for a move the caller made without
 * asking for anyone in particular; null when nobody else is free then. Only reads: the move itself decides.
 */
export async function findStaffFreeAt(deps: BookingDeps, scope: ReceptionScope, appointmentId: string, startsAt: Date): Promise<string | null> {
  const appointment = await findAppointment(deps.db, appointmentId);
  if (!appointment || appointment.businessId !== scope.businessId) return null;
  const now = deps.clock.now().getTime();
  const at = startsAt.getTime();
  // The call's own holds and the appointment being moved do not block the new time.
  const ownHolds = scope.callId ? await findCallHolds(deps.db, scope.callId, deps.clock.now()) : [];
  const calendar = await loadCalendar(deps, scope.businessId, {
    from: at - DAY_MS,
    to: at + DAY_MS,
    now,
    excludeAppointmentIds: [appointmentId, ...ownHolds.map((h) => h.id)],
  });
  if (!calendar) return null;
  const answer = answerWish(calendar, { serviceId: appointment.serviceId, startsAt: at }, now);
  return answer.kind === 'exact' && answer.slot.staffId !== appointment.staffId ? answer.slot.staffId : null;
}
