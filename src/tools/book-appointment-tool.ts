import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { findAppointmentByKey } from '../booking/appointment-view.js';
import { bookAppointment } from '../booking/book-appointment.js';
import { findCallBooking, findCallHolds, releaseCallHolds } from '../booking/call-holds.js';
import { confirmHold } from '../booking/confirm-hold.js';
import type { Directory } from '../booking/load-directory.js';
import { normalizePhone } from '../booking/normalize-phone.js';
import type { BookingOutcome } from '../booking/outcomes.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { repeatOutcome } from '../booking/repeat-outcome.js';
import { holdOffers } from './hold-offers.js';
import { isAnswer, resolveRequest } from './resolve-request.js';
import type { BookAppointmentArgs } from './schemas.js';
import { speakStaff } from './speak.js';
import type { ToolContext, ToolResult } from './tool-context.js';
import { describeSlot, explainReason, offerAlternatives, speakSlot } from './wording.js';

/**
 * Books the appointment the caller agreed to: confirms the call's hold on that slot when there is one, books
 * directly otherwise. Says "gebucht" only for a committed booking; a lost race answers with alternatives.
 * Repeating the same call (Retell retry, barge-in) returns the first result and books nothing new.
 */
export async function bookAppointmentTool(ctx: ToolContext, args: BookAppointmentArgs): Promise<ToolResult> {
  const now = ctx.deps.clock.now();
  const request = await resolveRequest(ctx, args);
  if (isAnswer(request)) return request;
  const { directory, member } = request;
  const service = request.service;
  const { date, time } = request.when;
  if (!date || !time) return { ok: false, error: 'incomplete_time', result: 'Für die Buchung brauche ich den Tag und die Uhrzeit.' };
  const startsAt = DateTime.fromISO(`${date}T${time}`, { zone: directory.business.timeZone });
  if (!startsAt.isValid) return { ok: false, error: 'invalid_date', result: 'Diesen Zeitpunkt gibt es leider nicht.' };
  const phone = args.telefon ?? ctx.callerNumber;
  if (!phone) return { ok: false, error: 'phone_required', result: 'Unter welcher Telefonnummer erreichen wir Sie?' };
  const phoneE164 = normalizePhone(phone);
  if (!phoneE164) return { ok: false, error: 'invalid_phone', result: 'Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal sagen?' };

  const customer = { phone, name: args.name };
  const staffId = member?.id;
  const start = startsAt.toJSDate();
  const actor = { type: 'caller' as const, id: ctx.callId };

  // Per call, slot and customer: a repeat of this call's request finds the first booking (one call may book the
  // same time for two people). Without a call, every request is new.
  const idempotencyKey = ctx.callId ? `book:${ctx.callId}:${service.id}:${staffId ?? 'any'}:${start.toISOString()}:${phoneE164}` : `book:${randomUUID()}`;
  let outcome: BookingOutcome;
  // A repeat of a request this call already booked, perhaps by a run that died before it could answer: by the
  // booking's own key, or through a confirmed hold (which carries the hold's key). It is answered, and what the
  // dead run did not get to (releasing the call's other holds, recording the call's outcome) is done now.
  const earlier = ctx.callId
    ? ((await findAppointmentByKey(ctx.deps.db, idempotencyKey)) ?? (await findCallBooking(ctx.deps.db, { callId: ctx.callId, serviceId: service.id, startsAt: start, staffId, phoneE164 })))
    : null;
  const hold = ctx.callId && !earlier ? (await findCallHolds(ctx.deps.db, ctx.callId, now)).find((h) => h.serviceId === service.id && h.startsAt.getTime() === start.getTime() && (!staffId || h.staffId === staffId)) : undefined;
  if (earlier) {
    outcome = await repeatOutcome(ctx.deps, earlier);
  } else if (hold) {
    outcome = await confirmHold(ctx.deps, { appointmentId: hold.id, customer, actor });
  } else {
    // The call's other holds would otherwise stand in its own way (and nobody else's).
    if (ctx.callId) await releaseCallHolds(ctx.deps, ctx.callId);
    outcome = await bookAppointment(ctx.deps, {
      businessId: ctx.businessId,
      serviceId: service.id,
      ...(staffId ? { staffId } : {}),
      startsAt: start,
      customer,
      idempotencyKey,
      source: ctx.source,
      callId: ctx.callId,
      actor,
    });
  }
  if (outcome.kind === 'booked' && ctx.callId) await releaseCallHolds(ctx.deps, ctx.callId);
  // The alternatives to a lost slot are held like any offer; otherwise every caller who lost would be sent to
  // the same "next" slot and collide there again. Only what could be held is offered.
  if (ctx.callId && (outcome.kind === 'slot_taken' || outcome.kind === 'hold_expired' || outcome.kind === 'outside_hours') && outcome.alternatives.length > 0) {
    const existing = await findCallHolds(ctx.deps.db, ctx.callId, now);
    outcome = { ...outcome, alternatives: await holdOffers(ctx, service.id, outcome.alternatives, existing) };
  }
  if (ctx.callId) {
    const callOutcome = outcome.kind === 'booked' ? 'booked' : outcome.kind === 'slot_taken' || outcome.kind === 'hold_expired' ? 'booking_conflict' : null;
    if (callOutcome) await recordCallOutcome(ctx.deps.db, { callId: ctx.callId, businessId: ctx.businessId, outcome: callOutcome, ...(outcome.kind === 'booked' ? { appointmentId: outcome.appointment.id, customerId: outcome.appointment.customerId } : {}) });
  }
  return describeBooking(outcome, directory, service.name, member ? speakStaff(member) : undefined, now);
}

function describeBooking(outcome: BookingOutcome, directory: Directory, serviceName: string, staffName: string | undefined, now: Date): ToolResult {
  switch (outcome.kind) {
    case 'booked': {
      const a = outcome.appointment;
      return {
        ok: true,
        booked: true,
        appointment_id: a.id,
        start: a.startsAt.toISOString(),
        staff_id: a.staffId,
        result: `Ihr Termin ist eingetragen: ${serviceName} ${speakSlot({ staffId: a.staffId, startsAt: a.startsAt }, directory, now)}.`,
      };
    }
    case 'slot_taken':
    case 'hold_expired':
      return {
        ok: true,
        booked: false,
        error: 'slot_taken',
        result: `Das tut mir leid, dieser Termin ist gerade eben vergeben worden. ${offerAlternatives(outcome.alternatives, directory, now)}`,
        alternatives: outcome.alternatives.map((s) => describeSlot(s, directory, now)),
      };
    case 'outside_hours':
      return {
        ok: true,
        booked: false,
        error: outcome.reason,
        result: `${explainReason(outcome.reason, staffName)} ${offerAlternatives(outcome.alternatives, directory, now)}`,
        alternatives: outcome.alternatives.map((s) => describeSlot(s, directory, now)),
      };
    case 'invalid_phone':
      return { ok: false, booked: false, error: 'invalid_phone', result: 'Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal sagen?' };
    case 'not_found':
      return { ok: false, booked: false, error: `unknown_${outcome.what}`, result: 'Das konnte ich leider nicht finden.' };
    case 'cancelled':
      return { ok: false, booked: false, error: 'cancelled', result: 'Dieser Termin wurde inzwischen abgesagt. Soll ich einen neuen suchen?' };
    case 'held':
    case 'not_modifiable':
      return { ok: false, booked: false, error: outcome.kind, result: 'Der Termin konnte leider nicht gebucht werden.' };
  }
}
