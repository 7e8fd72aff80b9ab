import type { Actor, BookingDeps } from './booking-deps.js';
import { findAppointment } from './appointment-view.js';
import { findAlternatives } from './find-alternatives.js';
import { findOrCreateCustomer } from './find-or-create-customer.js';
import { inStaffTransaction } from './in-staff-transaction.js';
import type { AppointmentView, BookingOutcome } from './outcomes.js';
import { recordActivity } from './record-activity.js';
import { adjustAppointmentCount, setAppointmentStatus } from './set-appointment-status.js';
import { isPgError, SqlState } from '../db/errors.js';

export interface ConfirmHoldInput {
  appointmentId: string;
  customer: { phone: string; name?: string | null };
  actor: Actor;
}

/**
 * Turns a hold into a booking. A live hold is confirmed; a repeat answers `booked` again; an expired hold is
 * booked anyway if its time is still free, and answers `hold_expired` with alternatives if someone took it.
 */
export async function confirmHold(deps: BookingDeps, input: ConfirmHoldInput): Promise<BookingOutcome> {
  const found = await findAppointment(deps.db, input.appointmentId);
  if (!found) return { kind: 'not_found', what: 'appointment' };
  const outcome = await inStaffTransaction(deps, [found.staffId], async (tx): Promise<BookingOutcome> => {
    const current = (await findAppointment(tx, input.appointmentId, { forUpdate: true })) as AppointmentView;
    if (current.status === 'booked') return { kind: 'booked', appointment: current, repeated: true };
    if (current.status !== 'held' && current.status !== 'expired') return { kind: 'not_modifiable', status: current.status };

    const customer = await findOrCreateCustomer(tx, current.businessId, input.customer.phone, input.customer.name);
    if (customer.kind === 'invalid_phone') return { kind: 'invalid_phone' };
    const now = deps.clock.now();
    try {
      // Re-activating an expired hold's segments is a new claim on the time: the constraint decides, in a savepoint.
      await tx.transaction((sp) => setAppointmentStatus(sp, current.id, 'booked', now, { customerId: customer.customerId }));
    } catch (error) {
      if (isPgError(error, SqlState.exclusionViolation)) return { kind: 'hold_expired', alternatives: [] };
      throw error;
    }
    await adjustAppointmentCount(tx, customer.customerId, 1);
    await recordActivity(tx, {
      businessId: current.businessId,
      actor: input.actor,
      action: 'appointment.confirmed',
      entityType: 'appointment',
      entityId: current.id,
      details: { expiredBeforeConfirm: current.status === 'expired' },
    });
    return { kind: 'booked', appointment: { ...current, status: 'booked', customerId: customer.customerId }, repeated: false };
  });
  if (outcome.kind === 'hold_expired') {
    const alternatives = await findAlternatives(deps, {
      businessId: found.businessId,
      serviceId: found.serviceId,
      staffId: found.staffId,
      startsAt: found.startsAt,
      now: deps.clock.now(),
    });
    return { kind: 'hold_expired', alternatives };
  }
  deps.metrics?.bookings.inc({ outcome: `confirm_${outcome.kind}` });
  return outcome;
}
