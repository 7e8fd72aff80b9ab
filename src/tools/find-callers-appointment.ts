import type { Directory } from '../booking/load-directory.js';
import { askWhichAppointment, NO_APPOINTMENT, NO_APPOINTMENT_THEN, serviceNameOf } from '../german/speak/phrase-appointments.js';
import { CHANGES_NEED_CALLING_NUMBER, explainWhenProblem } from '../german/speak/refusals.js';
import { resolveWhen } from '../german/understand/index.js';
import type { AppointmentRef } from '../reception/outcomes.js';
import type { Reception } from '../reception/reception.js';
import { invalidDate } from './resolve-request.js';
import type { CancelAppointmentResult, Refusal } from './results.js';
import type { ToolContext } from './tool-context.js';

/** What a cancel or move answers instead of the change when the appointment is not one. */
export type FindAnswer = Exclude<CancelAppointmentResult, { cancelled: true } | { error: 'not_found' | 'not_modifiable' }> | Refusal;

export type CallersAppointment = { kind: 'found'; appointment: AppointmentRef } | { kind: 'answer'; result: FindAnswer };

/**
 * The caller's appointment that a cancel or move is about: found by the number the call comes from (and only that
 * one: a number the caller says could be anyone's), narrowed by the day/time the caller named. Several
 * candidates → the agent asks which one.
 */
export async function findCallersAppointment(
  ctx: ToolContext,
  reception: Reception,
  directory: Directory,
  datum?: string,
  uhrzeit?: string,
): Promise<CallersAppointment> {
  const now = ctx.deps.clock.now();
  const phone = ctx.callerNumber;
  if (!phone) return { kind: 'answer', result: { ok: false, error: 'phone_required', result: CHANGES_NEED_CALLING_NUMBER } };
  let date: string | null = null;
  let time: string | null = null;
  if (datum || uhrzeit) {
    const when = resolveWhen(datum, uhrzeit, now, directory.business.timeZone);
    if (when.kind === 'invalid') return { kind: 'answer', result: invalidDate(explainWhenProblem(when.problem)) };
    ({ date, time } = when.when);
  }
  const found = await reception.findAppointments({ phone, date, time });
  switch (found.kind) {
    case 'invalid_phone':
      return { kind: 'answer', result: { ok: true, error: 'no_appointment', result: NO_APPOINTMENT } };
    case 'none':
      return { kind: 'answer', result: { ok: true, error: 'no_appointment', result: found.narrowed ? NO_APPOINTMENT_THEN : NO_APPOINTMENT } };
    case 'found': {
      const [first, ...rest] = found.appointments;
      if (first && rest.length === 0) return { kind: 'found', appointment: first };
      const staffName = (id: string) => directory.staff.find((m) => m.id === id)?.name ?? null;
      const appointments = found.appointments.map((a) => ({
        id: a.id,
        start: a.startsAt,
        service: serviceNameOf(a.serviceId, directory),
        service_id: a.serviceId,
        staff: staffName(a.staffId),
        staff_id: a.staffId,
      }));
      return {
        kind: 'answer',
        result: { ok: true, error: 'several_appointments', result: askWhichAppointment(found.appointments, directory, now), appointments },
      };
    }
  }
}
