import type { Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, FILLER, GOODBYE, KEEP_IT } from '../../german/speak/lines.js';
import { KEEP_APPOINTMENT, confirmCancel, confirmCancelAgain } from '../../german/speak/lines-changes.js';
import { NO_APPOINTMENT, NO_APPOINTMENT_THEN, askWhichAppointment, phraseCancel } from '../../german/speak/phrase-appointments.js';
import { CHANGES_NEED_CALLING_NUMBER } from '../../german/speak/refusals.js';
import type { AppointmentRef, CancelOutcome, FindAppointmentsOutcome } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';
import { tell } from './unheard.js';
import { pickAppointment } from './pick-appointment.js';
import type { StepOf } from './state.js';

/**
 * Cancels one of the caller's appointments: found by the calling number only, read back, and cancelled only on a
 * yes. With several, asks which one first.
 */
export function cancelStep(d: Draft, f: Facts): void {
  const step = d.step;
  if (step.phase === 'cancel_pick' && f.intent === 'no' && !f.hasWhen) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(`${KEEP_IT} ${ANYTHING_ELSE}`);
  }
  const picked = step.phase === 'cancel_pick' ? pickAppointment(step.choices, f, d.directory.business.timeZone) : null;
  if (picked && step.phase === 'cancel_pick') return askCancel(d, picked, step.choices);
  // Only the number the call comes from decides whose appointments change: a number said could be anyone's.
  const phone = d.state.caller.number;
  if (!phone) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(CHANGES_NEED_CALLING_NUMBER);
  }
  d.to({ phase: 'finding', lookup: { for: 'cancel' } });
  d.run({ operation: 'findAppointments', request: { phone, date: f.hasWhen ? f.when.date : null, time: f.hasWhen ? f.when.time : null } }, FILLER);
}

/** Reads the appointment back and waits for a yes: a cancel is never done on a guess. */
export function askCancel(d: Draft, appointment: AppointmentRef, choices: AppointmentRef[]): void {
  d.to({ phase: 'confirm_cancel', appointment, choices });
  d.say(confirmCancel(appointment, d.directory, d.now));
}

/**
 * The answer to "Soll ich Ihren Termin am … absagen?": a yes cancels, a no keeps it, naming another of the
 * caller's appointments reads that one back instead, anything else asks once more.
 */
export function answerCancelQuestion(d: Draft, f: Facts, step: StepOf<'confirm_cancel'>): void {
  const other =
    f.hasWhen || f.ordinal !== null || f.serviceIds.length > 0 || f.staff?.kind === 'named'
      ? pickAppointment(step.choices, f, d.directory.business.timeZone)
      : null;
  if (other && other.id !== step.appointment.id) return askCancel(d, other, step.choices);
  if (!other && f.hasWhen) return cancelStep(d, f);
  if (f.intent === 'yes' || (f.intent === 'cancel_appointment' && !f.hasWhen)) return cancel(d, step.appointment, 'ask');
  if (f.intent === 'no') {
    // A booking of this call the caller keeps after all is no longer one they rejected.
    const just = d.state.memory.justBooked;
    if (just?.appointment.id === step.appointment.id) just.rejected = false;
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(`${KEEP_APPOINTMENT} ${ANYTHING_ELSE}`);
  }
  d.say(confirmCancelAgain(step.appointment, d.directory, d.now));
}

/** Cancels `appointment`; `then` 'end': the call ends once it is done. */
export function cancel(d: Draft, appointment: AppointmentRef, then: 'ask' | 'end'): void {
  d.to({ phase: 'cancelling', appointment, then });
  d.run({ operation: 'cancel', request: { appointmentId: appointment.id } }, FILLER);
}

/** The caller's appointments, found for a cancel: the only one is read back, several are listed. */
export function answerCancelLookup(d: Draft, outcome: FindAppointmentsOutcome): void {
  switch (outcome.kind) {
    case 'found': {
      const [only, ...more] = outcome.appointments;
      if (only && more.length === 0) return askCancel(d, only, outcome.appointments);
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

/** "Abgesagt" only once the cancel committed. A booking of this call that was cancelled leaves nothing booked. */
export function answerCancel(d: Draft, step: StepOf<'cancelling'>, outcome: CancelOutcome, late: boolean): void {
  const memory = d.state.memory;
  const reply = phraseCancel(outcome, step.appointment, d.directory, d.now);
  if (outcome.kind === 'cancelled') {
    const ownBooking = memory.justBooked?.appointment.id === step.appointment.id;
    if (ownBooking) memory.justBooked = null;
    memory.outcome = ownBooking ? null : 'cancelled_appointment';
    tell(d, reply, late, 'change');
  } else if (late) memory.announcement = reply;
  if (step.then === 'end') {
    d.to({ phase: 'ended' });
    return d.hangUp(`${reply} ${GOODBYE}`);
  }
  d.to({ phase: 'anything_else', serviceId: null });
  d.say(`${reply} ${ANYTHING_ELSE}`);
}
