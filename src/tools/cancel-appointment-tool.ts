import { cancelAppointment } from '../booking/cancel-appointment.js';
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
  const found = await findCallersAppointment(ctx, directory, args.telefon ?? ctx.callerNumber, args.datum, args.uhrzeit);
  if (found.kind === 'answer') return found.result;
  const outcome = await cancelAppointment(ctx.deps, { appointmentId: found.appointment.id, businessId: ctx.businessId, actor: { type: 'caller', id: ctx.callId } });
  if (outcome.kind !== 'cancelled') return { ok: false, error: outcome.kind, result: 'Der Termin konnte leider nicht abgesagt werden.' };
  if (ctx.callId) await recordCallOutcome(ctx.deps.db, { callId: ctx.callId, businessId: ctx.businessId, outcome: 'cancelled_appointment', appointmentId: found.appointment.id });
  return { ok: true, cancelled: true, appointment_id: found.appointment.id, result: `Ich habe Ihren Termin abgesagt: ${speakAppointment(found.appointment, directory, now)}.` };
}
