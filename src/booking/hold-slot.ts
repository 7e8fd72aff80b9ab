import type { BookingDeps } from './booking-deps.js';
import type { BookingOutcome } from './outcomes.js';
import { placeAppointment, type PlaceInput } from './place-appointment.js';

/**
 * Holds a slot while the caller decides: a `held` appointment whose segments block like a booking until
 * `holdExpiresAt` (HOLD_TTL_SECONDS from now). Confirm it with `confirmHold`; an expired hold frees itself.
 */
export async function holdSlot(deps: BookingDeps, input: PlaceInput): Promise<BookingOutcome> {
  const outcome = await placeAppointment(deps, input, 'held');
  deps.metrics?.bookings.inc({ outcome: `hold_${outcome.kind}` });
  return outcome;
}
