import { DateTime } from 'luxon';
import { phraseReschedule } from '../german/speak/phrase-appointments.js';
import { explainWhenProblem, MOVE_NEEDS_DAY_AND_TIME, unknownStaff } from '../german/speak/refusals.js';
import { speakStaff } from '../german/speak/speak.js';
import { resolveStaff, resolveWhen } from '../german/understand/index.js';
import type { Directory } from '../booking/load-directory.js';
import type { AppointmentRef, RescheduleOutcome } from '../reception/outcomes.js';
import { recallReschedule } from '../reception/recall-change.js';
import { findCallersAppointment } from './find-callers-appointment.js';
import { invalidDate, UNKNOWN_BUSINESS_REFUSAL } from './resolve-request.js';
import type { RescheduleAppointmentResult } from './results.js';
import type { RescheduleAppointmentArgs } from './schemas.js';
import { slotJson } from './slot-json.js';
import { directoryOf, receptionOf, scopeOf, type ToolContext } from './tool-context.js';

/**
 * Moves the caller's appointment to a new time in one transaction, keeping the staff member unless another is
 * named. A taken or closed target leaves the old appointment in place and offers alternatives.
 */
export async function rescheduleAppointmentTool(ctx: ToolContext, args: RescheduleAppointmentArgs): Promise<RescheduleAppointmentResult> {
  const now = ctx.deps.clock.now();
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS_REFUSAL;
  const when = resolveWhen(args.datum, args.uhrzeit, now, directory.business.timeZone);
  if (when.kind === 'invalid') return invalidDate(explainWhenProblem(when.problem));
  if (!when.when.date || !when.when.time) return { ok: false, error: 'incomplete_time', result: MOVE_NEEDS_DAY_AND_TIME };
  const staff = resolveStaff(args.mitarbeiter, directory);
  if (staff.kind === 'unknown') return { ok: false, error: 'unknown_staff', result: unknownStaff(args.mitarbeiter) };
  // A retry of this request whose first run moved the appointment and then died before answering.
  const done = await recallReschedule(ctx.deps, scopeOf(ctx, directory));
  if (done) return moved(done, done.appointment, directory, now);
  const reception = receptionOf(ctx, directory);
  const found = await findCallersAppointment(ctx, reception, directory, args.alter_termin);
  if (found.kind === 'answer') return found.result;

  const startsAt = DateTime.fromISO(`${when.when.date}T${when.when.time}`, { zone: directory.business.timeZone }).toUTC().toISO()!;
  const outcome = await reception.reschedule({ appointmentId: found.appointment.id, startsAt, staffId: staff.kind === 'found' ? staff.member.id : null });
  const result = phraseReschedule(outcome, found.appointment, directory, now, staff.kind === 'found' ? speakStaff(staff.member) : undefined);
  switch (outcome.kind) {
    case 'rescheduled':
      return moved(outcome, found.appointment, directory, now);
    case 'slot_taken':
      return { ok: true, rescheduled: false, error: 'slot_taken', result, alternatives: outcome.alternatives.map((s) => slotJson(s, directory, now)) };
    case 'unavailable':
      return { ok: true, rescheduled: false, error: outcome.reason, result, alternatives: outcome.alternatives.map((s) => slotJson(s, directory, now)) };
    case 'not_found':
    case 'not_modifiable':
    case 'unknown_staff':
      return { ok: false, rescheduled: false, error: outcome.kind, result };
  }
}

function moved(
  outcome: Extract<RescheduleOutcome, { kind: 'rescheduled' }>,
  previous: AppointmentRef,
  directory: Directory,
  now: Date,
): RescheduleAppointmentResult {
  const a = outcome.appointment;
  return {
    ok: true,
    rescheduled: true,
    appointment_id: a.id,
    previous_appointment_id: outcome.previousId,
    start: a.startsAt,
    result: phraseReschedule(outcome, previous, directory, now),
  };
}
