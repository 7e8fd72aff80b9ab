import { DAY_MS } from '../clock.js';
import type { BookingSource } from '../db/schema.js';
import { insertAppointment } from '../db/repositories/insert-appointment.js';
import type { Actor, BookingDeps } from './booking-deps.js';
import { findAppointment, findAppointmentByKey } from './appointment-view.js';
import { answerNear, findAlternatives } from './find-alternatives.js';
import { toUnavailable } from './to-unavailable.js';
import { findOpenSlots } from './find-open-slots.js';
import { inStaffTransaction } from './in-staff-transaction.js';
import { loadCalendar } from './load-calendar.js';
import type { AppointmentView, BookingOutcome } from './outcomes.js';
import { recordActivity } from './record-activity.js';
import { repeatOutcome } from './repeat-outcome.js';
import { setAppointmentStatus } from './set-appointment-status.js';

export interface RescheduleInput {
  appointmentId: string;
  startsAt: Date;
  /** Omitted: the same staff member as before. */
  staffId?: string;
  businessId?: string;
  idempotencyKey?: string;
  /** Where the move came from; the new appointment records it. */
  source: BookingSource;
  actor: Actor;
  /** The request that asked for it, recorded with the move so a retry of that request can find it. */
  request?: string;
}

class LostRace extends Error {}

class NoLongerModifiable extends Error {
  constructor(readonly status: AppointmentView['status']) {
    super(status);
  }
}

/** The old appointment cannot move (any more): if this very move already happened, that is the answer. */
async function alreadyDone(deps: BookingDeps, key: string, status: AppointmentView['status']): Promise<BookingOutcome> {
  const done = await findAppointmentByKey(deps.db, key);
  return done ? repeatMove(deps, done) : { kind: 'not_modifiable', status };
}

/**
 * The first result of a repeated move. The key names this very move, so an appointment made by it means the move
 * happened: `rescheduled`, whatever became of that appointment since (cancelled, completed, moved on again).
 */
async function repeatMove(deps: BookingDeps, appointment: AppointmentView): Promise<BookingOutcome> {
  if (appointment.rescheduledFromId) return { kind: 'rescheduled', appointment, previousId: appointment.rescheduledFromId, repeated: true };
  return repeatOutcome(deps, appointment);
}

/**
 * Moves an appointment atomically: in one transaction the old time is released and the new one taken, so
 * the caller never ends up with both or neither. Keeps the staff member unless another is asked for.
 */
export async function rescheduleAppointment(deps: BookingDeps, input: RescheduleInput): Promise<BookingOutcome> {
  const old = await findAppointment(deps.db, input.appointmentId);
  if (!old || (input.businessId && old.businessId !== input.businessId)) return { kind: 'not_found', what: 'appointment' };
  const staffId = input.staffId ?? old.staffId;
  const key = input.idempotencyKey ?? `reschedule:${old.id}:${staffId}:${input.startsAt.toISOString()}`;
  const earlier = await findAppointmentByKey(deps.db, key);
  if (earlier) return repeatMove(deps, earlier);
  if (old.status !== 'booked' && old.status !== 'held') return alreadyDone(deps, key, old.status);

  const now = deps.clock.now();
  const start = input.startsAt.getTime();
  const calendar = await loadCalendar(deps, old.businessId, { from: start - DAY_MS, to: start + DAY_MS, now: now.getTime(), excludeAppointmentIds: [old.id] });
  if (!calendar) return { kind: 'not_found', what: 'business' };
  if (!calendar.staff.some((m) => m.id === staffId)) return { kind: 'not_found', what: 'staff' };
  const [slot] = findOpenSlots(calendar, { serviceId: old.serviceId, staffId, from: start, to: start + 1, now: now.getTime() });
  if (!slot)
    return toUnavailable(
      await answerNear(deps, { businessId: old.businessId, serviceId: old.serviceId, staffId, startsAt: input.startsAt, now, excludeAppointmentIds: [old.id] }),
    );

  try {
    return await inStaffTransaction(deps, [old.staffId, staffId], async (tx): Promise<BookingOutcome> => {
      const current = (await findAppointment(tx, old.id, { forUpdate: true })) as AppointmentView;
      if (current.status !== 'booked' && current.status !== 'held') throw new NoLongerModifiable(current.status);
      await setAppointmentStatus(tx, current.id, 'cancelled', now, { cancelledBy: input.actor });
      const inserted = await insertAppointment(
        tx,
        {
          businessId: current.businessId,
          customerId: current.customerId,
          serviceId: current.serviceId,
          staffId,
          startsAt: new Date(slot.startsAt),
          endsAt: new Date(slot.endsAt),
          status: 'booked',
          holdExpiresAt: null,
          idempotencyKey: key,
          source: input.source,
          callId: null,
          rescheduledFromId: current.id,
        },
        slot.segments.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) })),
      );
      // Losing the new time must also undo the release of the old one: abort the whole transaction.
      if (inserted.kind !== 'inserted') throw new LostRace();
      await recordActivity(tx, {
        businessId: current.businessId,
        actor: input.actor,
        action: 'appointment.rescheduled',
        entityType: 'appointment',
        entityId: inserted.id,
        details: {
          from: current.id,
          previousStart: current.startsAt.toISOString(),
          previousStaffId: current.staffId,
          ...(input.request ? { request: input.request } : {}),
        },
      });
      const appointment = (await findAppointment(tx, inserted.id)) as AppointmentView;
      return { kind: 'rescheduled', appointment, previousId: current.id, repeated: false };
    });
  } catch (error) {
    if (error instanceof NoLongerModifiable) return alreadyDone(deps, key, error.status);
    if (!(error instanceof LostRace)) throw error;
    const winner = await findAppointmentByKey(deps.db, key);
    if (winner) return repeatMove(deps, winner);
    const alternatives = await findAlternatives(deps, { businessId: old.businessId, serviceId: old.serviceId, staffId, startsAt: input.startsAt, now });
    return { kind: 'slot_taken', alternatives };
  }
}
