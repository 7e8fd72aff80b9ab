import { cancelAppointment } from '../booking/cancel-appointment.js';
import { findRequestedChange } from '../booking/find-requested-change.js';
import type { UpcomingAppointment } from '../booking/find-upcoming-appointments.js';
import type { Directory } from '../booking/load-directory.js';
import { recordCallOutcome } from '../booking/record-call-outcome.js';
import { findCallersAppointment, speakAppointment } from './find-callers-appointment.js';
import type { CancelAppointmentArgs } from './schemas.js';
import { UNKNOWN_BUSINESS } from './resolve-request.js';
import { directoryOf, type ToolContext, type ToolResult } from './tool-context.js';

/** Cancels the caller's appointment (the one named, or the only upcoming one); asks back when there are several. */
export async function cancelAppointmentTool(ctx: ToolContext, args: CancelAppointmentArgs): Promise<ToolResult> {
  const now = ctx.deps.clock.now();
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS;
  // A retry of this request whose first run cancelled and then died before answering: the appointment is no
  // longer upcoming, so looking for it again would answer "no appointment" (or pick another one).
  const done = ctx.callId && ctx.requestKey ? await findRequestedChange(ctx.deps.db, { businessId: ctx.businessId, callId: ctx.callId, request: ctx.requestKey, action: 'appointment.cancelled' }) : null;
  if (done) return answerCancelled(ctx, done.appointment, directory, now);
  const found = await findCallersAppointment(ctx, directory, args.telefon ?? ctx.callerNumber, args.datum, args.uhrzeit);
  if (found.kind === 'answer') return found.result;
  const outcome = await cancelAppointment(ctx.deps, { appointmentId: found.appointment.id, businessId: ctx.businessId, actor: { type: 'caller', id: ctx.callId }, ...(ctx.requestKey ? { request: ctx.requestKey } : {}) });
  if (outcome.kind !== 'cancelled') return { ok: false, error: outcome.kind, result: 'Der Termin konnte leider nicht abgesagt werden.' };
  return answerCancelled(ctx, found.appointment, directory, now);
}

async function answerCancelled(ctx: ToolContext, appointment: UpcomingAppointment, directory: Directory, now: Date): Promise<ToolResult> {
  if (ctx.callId) await recordCallOutcome(ctx.deps.db, { callId: ctx.callId, businessId: ctx.businessId, outcome: 'cancelled_appointment', appointmentId: appointment.id });
  return { ok: true, cancelled: true, appointment_id: appointment.id, result: `Ich habe Ihren Termin abgesagt: ${speakAppointment(appointment, directory, now)}.` };
}
