import type { BookingDeps } from './booking-deps.js';
import { findAlternatives } from './find-alternatives.js';
import type { AppointmentView, BookingOutcome } from './outcomes.js';

/** The answer to a repeated write: what the first attempt produced, as the appointment stands now. */
export async function repeatOutcome(deps: BookingDeps, appointment: AppointmentView): Promise<BookingOutcome> {
  switch (appointment.status) {
    case 'booked':
    case 'completed':
    case 'no_show':
      return { kind: 'booked', appointment, repeated: true };
    case 'held':
      if (appointment.holdExpiresAt && appointment.holdExpiresAt > deps.clock.now()) return { kind: 'held', appointment, repeated: true };
      return holdExpired(deps, appointment);
    case 'expired':
      return holdExpired(deps, appointment);
    case 'cancelled':
      return { kind: 'cancelled', appointment, repeated: true };
  }
}

async function holdExpired(deps: BookingDeps, appointment: AppointmentView): Promise<BookingOutcome> {
  const alternatives = await findAlternatives(deps, {
    businessId: appointment.businessId,
    serviceId: appointment.serviceId,
    staffId: appointment.staffId,
    startsAt: appointment.startsAt,
    now: deps.clock.now(),
  });
  return { kind: 'hold_expired', alternatives };
}
