import { randomUUID } from 'node:crypto';
import { findAppointmentByKey } from '../booking/appointment-view.js';
import { bookAppointment } from '../booking/book-appointment.js';
import type { BookingDeps } from '../booking/booking-deps.js';
import { findCallBooking, findCallHolds, releaseCallHolds } from '../booking/call-holds.js';
import { confirmHold } from '../booking/confirm-hold.js';
import { normalizePhone } from '../booking/normalize-phone.js';
import type { BookingOutcome } from '../booking/outcomes.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { repeatOutcome } from '../booking/repeat-outcome.js';
import { markBookedByOther } from '../customers/mark-booked-by-other.js';
import { placeInDateWindow } from '../date-window.js';
import { UnknownBusinessError } from './business-zone.js';
import { holdOffers } from './hold-offers.js';
import type { BookOutcome, BookRequest } from './outcomes.js';
import type { ReceptionScope } from './reception-scope.js';
import { toAppointmentRef, toOfferedSlot } from './to-refs.js';

/**
 * Books the slot the caller agreed to: confirms the call's hold on it when there is one, books directly
 * otherwise. `booked` only for a committed booking; a lost race answers with alternatives, held for the call.
 * Repeating the same request in a call (Retell retry, barge-in) answers the first booking and books nothing new.
 */
export async function bookSlot(deps: BookingDeps, scope: ReceptionScope, request: BookRequest): Promise<BookOutcome> {
  const now = deps.clock.now();
  const phoneE164 = normalizePhone(request.customer.phone);
  if (!phoneE164) return { kind: 'invalid_phone' };
  const { serviceId } = request;
  const staffId = request.staffId ?? undefined;
  const start = new Date(request.startsAt);
  const place = placeInDateWindow(start.getTime(), now);
  if (place !== 'inside') return { kind: 'unavailable', reason: place === 'before' ? 'past' : 'beyond_horizon', alternatives: [] };
  const customer = { phone: request.customer.phone, name: request.customer.name };
  const { callId } = scope;
  const actor = { type: 'caller' as const, id: callId };

  const idempotencyKey = bookingKey(scope, request, phoneE164);
  // A repeat of a request this call already booked, perhaps by a run that died before it could answer: by the
  // booking's own key, or through a confirmed hold (which carries the hold's key). It is answered, and what the
  // dead run did not get to (releasing the call's other holds, recording the call's outcome) is done now.
  const earlier = callId
    ? ((await findAppointmentByKey(deps.db, idempotencyKey)) ?? (await findCallBooking(deps.db, { callId, serviceId, startsAt: start, staffId, phoneE164 })))
    : null;
  const hold =
    callId && !earlier
      ? (await findCallHolds(deps.db, callId, now)).find(
          (h) => h.serviceId === serviceId && h.startsAt.getTime() === start.getTime() && (!staffId || h.staffId === staffId),
        )
      : undefined;

  let outcome: BookingOutcome;
  if (earlier) {
    outcome = await repeatOutcome(deps, earlier);
  } else if (hold) {
    outcome = await confirmHold(deps, { appointmentId: hold.id, customer, actor });
  } else {
    // The call's other holds would otherwise stand in its own way (and nobody else's).
    if (callId) await releaseCallHolds(deps, callId);
    outcome = await bookAppointment(deps, {
      businessId: scope.businessId,
      serviceId,
      ...(staffId ? { staffId } : {}),
      startsAt: start,
      customer,
      idempotencyKey,
      source: scope.source,
      callId,
      actor,
    });
  }
  if (outcome.kind === 'booked' && callId) await releaseCallHolds(deps, callId);
  // The alternatives to a lost slot are held like any offer; otherwise every caller who lost would be sent to
  // the same "next" slot and collide there again. Only what could be held is offered.
  if (callId && (outcome.kind === 'slot_taken' || outcome.kind === 'hold_expired' || outcome.kind === 'unavailable') && outcome.alternatives.length > 0) {
    const existing = await findCallHolds(deps.db, callId, now);
    outcome = { ...outcome, alternatives: await holdOffers(deps, scope, serviceId, outcome.alternatives, existing) };
  }
  if (outcome.kind === 'booked' && request.forSomeoneElse && outcome.appointment.customerId) await markBookedByOther(deps.db, outcome.appointment.customerId);
  if (callId) {
    if (outcome.kind === 'booked') {
      await recordCallOutcome(deps.db, {
        callId,
        businessId: scope.businessId,
        outcome: 'booked',
        appointmentId: outcome.appointment.id,
        customerId: outcome.appointment.customerId,
      });
    } else if (outcome.kind === 'slot_taken' || outcome.kind === 'hold_expired') {
      await recordCallOutcome(deps.db, { callId, businessId: scope.businessId, outcome: 'booking_conflict' });
    }
  }
  return toBookOutcome(outcome, scope);
}

/**
 * Per call, slot and customer: a repeat of this call's request finds the first booking (one call may book the
 * same time for two people). Without a call every request is new.
 */
function bookingKey(scope: ReceptionScope, request: BookRequest, phoneE164: string): string {
  if (!scope.callId) return `book:${randomUUID()}`;
  return `book:${scope.callId}:${request.serviceId}:${request.staffId ?? 'any'}:${new Date(request.startsAt).toISOString()}:${phoneE164}`;
}

function toBookOutcome(outcome: BookingOutcome, scope: ReceptionScope): BookOutcome {
  switch (outcome.kind) {
    case 'booked':
      return { kind: 'booked', appointment: toAppointmentRef(outcome.appointment), repeated: outcome.repeated };
    case 'slot_taken':
    case 'hold_expired':
      return { kind: 'slot_taken', alternatives: outcome.alternatives.map(toOfferedSlot) };
    case 'unavailable':
      return {
        kind: 'unavailable',
        reason: outcome.reason,
        alternatives: outcome.alternatives.map(toOfferedSlot),
        ...(outcome.detail ? { detail: outcome.detail } : {}),
      };
    case 'invalid_phone':
      return { kind: 'invalid_phone' };
    case 'cancelled':
      return { kind: 'cancelled', appointment: toAppointmentRef(outcome.appointment) };
    case 'not_found':
      if (outcome.what === 'service') return { kind: 'unknown_service' };
      if (outcome.what === 'staff') return { kind: 'unknown_staff' };
      if (outcome.what === 'business') throw new UnknownBusinessError(scope.businessId);
      // The call's hold vanished between finding and confirming it (a sweep): as good as taken.
      return { kind: 'slot_taken', alternatives: [] };
    case 'held':
    case 'rescheduled':
    case 'not_modifiable':
      return { kind: 'not_modifiable' };
  }
}
