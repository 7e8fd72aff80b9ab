import { DateTime } from 'luxon';
import type { BookingDeps } from '../booking/booking-deps.js';
import { findUpcomingAppointments } from '../booking/find-upcoming-appointments.js';
import { normalizePhone } from '../booking/normalize-phone.js';
import { businessZone } from './business-zone.js';
import type { FindAppointmentsOutcome, FindAppointmentsRequest } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';
import { toAppointmentRef } from './to-refs.js';

/**
 * The caller's upcoming appointments, found by the number they were booked under, soonest first, narrowed by
 * the local day and time the caller named. Several found: the caller's side asks which one.
 */
export async function findCallerAppointments(deps: BookingDeps, scope: ReceptionScope, request: FindAppointmentsRequest): Promise<FindAppointmentsOutcome> {
  const now = deps.clock.now();
  if (!normalizePhone(request.phone)) return { kind: 'invalid_phone' };
  let found = await findUpcomingAppointments(deps.db, scope.businessId, request.phone, now);
  if (found.length === 0) return { kind: 'none', narrowed: false };
  if (request.date || request.time) {
    const zone = await businessZone(deps.db, scope);
    found = found.filter((a) => {
      const local = DateTime.fromJSDate(a.startsAt, { zone });
      return (!request.date || local.toFormat('yyyy-MM-dd') === request.date) && (!request.time || local.toFormat('HH:mm') === request.time);
    });
    if (found.length === 0) return { kind: 'none', narrowed: true };
  }
  const [first, ...rest] = found.map(toAppointmentRef);
  return first ? { kind: 'found', appointments: [first, ...rest] } : { kind: 'none', narrowed: false };
}
