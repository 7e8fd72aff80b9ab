import type { BookingDeps } from './booking-deps.js';
import type { BookingOutcome } from './outcomes.js';
import { placeAppointment, type PlaceInput } from './place-appointment.js';

/** A booking is always for somebody: a customer by phone number, or a walk-in by name alone. */
export type BookInput = PlaceInput & ({ customer: { phone: string; name?: string | null } } | { customer?: undefined; guestName: string });

/** Books a slot directly: `booked` only after the transaction committed; `slot_taken` with alternatives otherwise. */
export async function bookAppointment(deps: BookingDeps, input: BookInput): Promise<BookingOutcome> {
  const outcome = await placeAppointment(deps, input, 'booked');
  deps.metrics?.bookings.inc({ outcome: outcome.kind });
  return outcome;
}
