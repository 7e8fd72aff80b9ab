import type { Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, FILLER, KEEP_IT } from '../../german/speak/lines.js';
import { NO_APPOINTMENT, NO_APPOINTMENT_THEN, askWhichAppointment, phraseCancel } from '../../german/speak/phrase-appointments.js';
import { CHANGES_NEED_CALLING_NUMBER } from '../../german/speak/refusals.js';
import type { AppointmentRef, CancelOutcome, FindAppointmentsOutcome } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';
import { pickAppointment } from './pick-appointment.js';

/** Cancels the caller's appointment; with several, asks which one and cancels the one named next. */
export function cancelStep(d: Draft, f: Facts): void {
  const step = d.step;
  if (step.phase === 'cancel_pick' && f.intent === 'no' && !f.hasWhen) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(`${KEEP_IT} ${ANYTHING_ELSE}`);
  }
  const picked = step.phase === 'cancel_pick' ? pickAppointment(step.choices, f, d.directory.business.timeZone) : null;
  if (picked) return cancel(d, picked);
  // Only the number the call comes from decides whose appointments change: a number said could be anyone's.
  const phone = d.state.caller.number;
  if (!phone) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(CHANGES_NEED_CALLING_NUMBER);
  }
  d.to({ phase: 'finding', lookup: { for: 'cancel' } });
  d.run({ operation: 'findAppointments', request: { phone, date: f.hasWhen ? f.when.date : null, time: f.hasWhen ? f.when.time : null } }, FILLER);
}

function cancel(d: Draft, appointment: AppointmentRef): void {
  d.to({ phase: 'cancelling', appointment });
  d.run({ operation: 'cancel', request: { appointmentId: appointment.id } }, FILLER);
}

/** The caller's appointments, found for a cancel: the only one is cancelled, several are listed. */
export function answerCancelLookup(d: Draft, outcome: FindAppointmentsOutcome): void {
  switch (outcome.kind) {
    case 'found': {
      const [only, ...more] = outcome.appointments;
      if (only && more.length === 0) return cancel(d, only);
      d.to({ phase: 'cancel_pick', choices: outcome.appointments });
      return d.say(askWhichAppointment(outcome.appointments, d.directory, d.now));
    }
    case 'none':
      d.to({ phase: 'anything_else', serviceId: null });
      return d.say(`${outcome.narrowed ? NO_APPOINTMENT_THEN : NO_APPOINTMENT} ${ANYTHING_ELSE}`);
    case 'invalid_phone':
      d.to({ phase: 'anything_else', serviceId: null });
      return d.say(CHANGES_NEED_CALLING_NUMBER);
  }
}

export function answerCancel(d: Draft, appointment: AppointmentRef, outcome: CancelOutcome, late: boolean): void {
  const reply = phraseCancel(outcome, appointment, d.directory, d.now);
  if (outcome.kind === 'cancelled') d.state.memory.outcome = 'cancelled_appointment';
  if (late) d.state.memory.announcement = reply;
  d.to({ phase: 'anything_else', serviceId: null });
  d.say(`${reply} ${ANYTHING_ELSE}`);
}
