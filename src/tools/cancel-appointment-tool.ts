import { phraseCancel } from '../german/speak/phrase-appointments.js';
import { recallCancel } from '../reception/recall-change.js';
import { findCallersAppointment } from './find-callers-appointment.js';
import { UNKNOWN_BUSINESS_REFUSAL } from './resolve-request.js';
import type { CancelAppointmentResult } from './results.js';
import type { CancelAppointmentArgs } from './schemas.js';
import { directoryOf, receptionOf, scopeOf, type ToolContext } from './tool-context.js';

/** Cancels the caller's appointment (the one named, or the only upcoming one); asks back when there are several. */
export async function cancelAppointmentTool(ctx: ToolContext, args: CancelAppointmentArgs): Promise<CancelAppointmentResult> {
  const now = ctx.deps.clock.now();
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS_REFUSAL;
  // A retry of this request whose first run cancelled and then died before answering.
  const done = await recallCancel(ctx.deps, scopeOf(ctx, directory));
  if (done) return { ok: true, cancelled: true, appointment_id: done.appointment.id, result: phraseCancel(done, done.appointment, directory, now) };
  const reception = receptionOf(ctx, directory);
  const found = await findCallersAppointment(ctx, reception, directory, args.datum, args.uhrzeit);
  if (found.kind === 'answer') return found.result;
  const outcome = await reception.cancel({ appointmentId: found.appointment.id });
  const result = phraseCancel(outcome, found.appointment, directory, now);
  if (outcome.kind !== 'cancelled') return { ok: false, error: outcome.kind, result };
  return { ok: true, cancelled: true, appointment_id: found.appointment.id, result };
}
