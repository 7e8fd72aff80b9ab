import { DateTime } from 'luxon';
import { findRequestedChange } from '../booking/find-requested-change.js';
import type { Directory } from '../booking/load-directory.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { rescheduleAppointment } from '../booking/reschedule-appointment.js';
import { findCallersAppointment } from './find-callers-appointment.js';
import { resolveStaff } from './resolve-names.js';
import { resolveWhen } from './resolve-when.js';
import type { RescheduleAppointmentArgs } from './schemas.js';
import { speakStaff } from './speak.js';
import { UNKNOWN_BUSINESS } from './resolve-request.js';
import { directoryOf, type ToolContext, type ToolResult } from './tool-context.js';
import { describeSlot, explainReason, offerAlternatives, speakSlot } from './wording.js';

/**
 * Moves the caller's appointment to a new time in one transaction, keeping the staff member unless another is
 * named. A taken or closed target leaves the old appointment in place and offers alternatives.
 */
export async function rescheduleAppointmentTool(ctx: ToolContext, args: RescheduleAppointmentArgs): Promise<ToolResult> {
  const now = ctx.deps.clock.now();
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS;
  const when = resolveWhen(args.datum, args.uhrzeit, now, directory.business.timeZone);
  if (when.kind === 'invalid') return { ok: false, error: 'invalid_date', result: when.message };
  if (!when.when.date || !when.when.time) return { ok: false, error: 'incomplete_time', result: 'Auf welchen Tag und welche Uhrzeit soll ich den Termin verschieben?' };
  const staff = resolveStaff(args.mitarbeiter, directory);
  if (staff.kind === 'unknown') return { ok: false, error: 'unknown_staff', result: `Eine Person namens ${args.mitarbeiter} arbeitet bei uns nicht.` };
  // A retry of this request whose first run moved the appointment and then died before answering: the old one is
  // cancelled now, so looking for it again would answer "no appointment" or move the new one once more.
  const done = ctx.callId && ctx.requestKey ? await findRequestedChange(ctx.deps.db, { businessId: ctx.businessId, callId: ctx.callId, request: ctx.requestKey, action: 'appointment.rescheduled' }) : null;
  if (done) return answerMoved(ctx, { id: done.appointment.id, staffId: done.appointment.staffId, startsAt: done.appointment.startsAt, customerId: done.customerId }, done.previousId, done.appointment.serviceName, directory, now);
  const found = await findCallersAppointment(ctx, directory, args.telefon ?? ctx.callerNumber, args.alter_termin);
  if (found.kind === 'answer') return found.result;

  const startsAt = DateTime.fromISO(`${when.when.date}T${when.when.time}`, { zone: directory.business.timeZone }).toJSDate();
  const outcome = await rescheduleAppointment(ctx.deps, {
    appointmentId: found.appointment.id,
    businessId: ctx.businessId,
    startsAt,
    ...(staff.kind === 'found' ? { staffId: staff.member.id } : {}),
    ...(ctx.callId ? { idempotencyKey: `reschedule:${ctx.callId}:${found.appointment.id}:${startsAt.toISOString()}` } : {}),
    source: ctx.source,
    actor: { type: 'caller', id: ctx.callId },
    ...(ctx.requestKey ? { request: ctx.requestKey } : {}),
  });
  switch (outcome.kind) {
    case 'booked':
      return answerMoved(ctx, outcome.appointment, found.appointment.id, found.appointment.serviceName, directory, now);
    case 'slot_taken':
    case 'outside_hours': {
      const why = outcome.kind === 'slot_taken' ? explainReason('taken', staff.kind === 'found' ? speakStaff(staff.member) : undefined) : explainReason(outcome.reason);
      return {
        ok: true,
        rescheduled: false,
        error: outcome.kind === 'slot_taken' ? 'slot_taken' : outcome.reason,
        result: `${why} Ihr bisheriger Termin bleibt bestehen. ${offerAlternatives(outcome.alternatives, directory, now)}`,
        alternatives: outcome.alternatives.map((s) => describeSlot(s, directory, now)),
      };
    }
    default:
      return { ok: false, rescheduled: false, error: outcome.kind, result: 'Der Termin konnte leider nicht verschoben werden.' };
  }
}

async function answerMoved(
  ctx: ToolContext,
  moved: { id: string; staffId: string; startsAt: Date; customerId: string | null },
  previousId: string | null,
  serviceName: string,
  directory: Directory,
  now: Date,
): Promise<ToolResult> {
  if (ctx.callId) await recordCallOutcome(ctx.deps.db, { callId: ctx.callId, businessId: ctx.businessId, outcome: 'rescheduled_appointment', appointmentId: moved.id, customerId: moved.customerId });
  return {
    ok: true,
    rescheduled: true,
    appointment_id: moved.id,
    previous_appointment_id: previousId,
    start: moved.startsAt.toISOString(),
    result: `Ich habe Ihren Termin verschoben: ${serviceName} jetzt ${speakSlot({ staffId: moved.staffId, startsAt: moved.startsAt }, directory, now)}.`,
  };
}
