import { DateTime } from 'luxon';
import type { Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, ASK_MOVE_DAY, ASK_MOVE_TIME, ASK_RESCHEDULE_TIME, ASK_WHICH_TO_MOVE, FILLER, KEEP_IT } from '../../german/speak/lines.js';
import { NO_APPOINTMENT, NO_APPOINTMENT_THEN, askWhichAppointment, phraseReschedule } from '../../german/speak/phrase-appointments.js';
import { CHANGES_NEED_CALLING_NUMBER } from '../../german/speak/refusals.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { AppointmentRef, FindAppointmentsOutcome, RescheduleOutcome } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';
import { pickAppointment } from './pick-appointment.js';
import type { MoveTarget, StepOf } from './state.js';

/** Moves an appointment: with the new time in the same sentence at once, otherwise asks for it. */
export function rescheduleStep(d: Draft, f: Facts): void {
  const step = d.step;
  // Only the number the call comes from decides whose appointments change (a number said could be anyone's):
  // without one there is nothing to ask the caller for.
  const phone = d.state.caller.number;
  if (!phone) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(CHANGES_NEED_CALLING_NUMBER);
  }
  const moving = step.phase === 'reschedule' || step.phase === 'reschedule_pick';
  if (moving && f.intent === 'no' && !f.hasWhen) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(`${KEEP_IT} ${ANYTHING_ELSE}`);
  }
  if (step.phase === 'reschedule_pick') {
    // Several appointments were listed: this answer says which one is to move, not where to.
    const picked = pickAppointment(step.choices, f, d.directory.business.timeZone);
    if (!picked) return d.say(ASK_WHICH_TO_MOVE);
    if (!step.target.date || !step.target.time) {
      d.to({ phase: 'reschedule', target: step.target, moving: picked });
      return d.say(ASK_RESCHEDULE_TIME);
    }
    return move(d, step.target, picked);
  }
  const before = step.phase === 'reschedule' ? step : { target: { date: null, time: null, staffId: null }, moving: null };
  const named = f.staff?.kind === 'named' ? (f.staff.staffIds[0] ?? null) : null;
  const target: MoveTarget = {
    date: (f.hasWhen ? f.when.date : null) ?? before.target.date,
    time: (f.hasWhen ? f.when.time : null) ?? before.target.time,
    staffId: named ?? before.target.staffId,
  };
  d.to({ phase: 'reschedule', target, moving: before.moving });
  if (!target.date && !target.time) return d.say(ASK_RESCHEDULE_TIME);
  if (!target.date) return d.say(ASK_MOVE_DAY);
  if (!target.time) return d.say(ASK_MOVE_TIME);
  if (before.moving) return move(d, target, before.moving);
  d.to({ phase: 'finding', lookup: { for: 'reschedule', target } });
  d.run({ operation: 'findAppointments', request: { phone, date: null, time: null } }, FILLER);
}

function move(d: Draft, target: MoveTarget, appointment: AppointmentRef): void {
  const startsAt = target.date && target.time ? DateTime.fromISO(`${target.date}T${target.time}`, { zone: d.directory.business.timeZone }) : null;
  if (!startsAt?.isValid) {
    d.to({ phase: 'reschedule', target: { ...target, date: null, time: null }, moving: appointment });
    return d.say(ASK_RESCHEDULE_TIME);
  }
  d.to({ phase: 'rescheduling', target, moving: appointment });
  d.run({ operation: 'reschedule', request: { appointmentId: appointment.id, startsAt: startsAt.toJSDate().toISOString(), staffId: target.staffId } }, FILLER);
}

/** The caller's appointments, found for a move: the only one is moved, several are listed. */
export function answerMoveLookup(d: Draft, target: MoveTarget, outcome: FindAppointmentsOutcome): void {
  switch (outcome.kind) {
    case 'found': {
      const [only, ...more] = outcome.appointments;
      if (only && more.length === 0) return move(d, target, only);
      d.to({ phase: 'reschedule_pick', target, choices: outcome.appointments });
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

/** The move's result: done, or the old appointment stays and the caller may name another time. */
export function answerReschedule(d: Draft, step: StepOf<'rescheduling'>, outcome: RescheduleOutcome, late: boolean): void {
  const member = d.directory.staff.find((m) => m.id === step.target.staffId);
  const reply = phraseReschedule(outcome, step.moving, d.directory, d.now, member ? speakStaff(member) : undefined);
  if (late) d.state.memory.announcement = reply;
  switch (outcome.kind) {
    case 'rescheduled':
      d.state.memory.outcome = 'rescheduled_appointment';
      d.to({ phase: 'anything_else', serviceId: null });
      return d.say(`${reply} ${ANYTHING_ELSE}`);
    case 'slot_taken':
    case 'unavailable':
      d.to({ phase: 'reschedule', target: { ...step.target, date: null, time: null }, moving: step.moving });
      return d.say(reply);
    case 'unknown_staff':
      d.to({ phase: 'reschedule', target: { ...step.target, staffId: null }, moving: step.moving });
      return d.say(reply);
    case 'not_found':
    case 'not_modifiable':
      // The appointment cannot be moved at all (gone meanwhile, or past): trying other times would not help.
      d.to({ phase: 'anything_else', serviceId: null });
      return d.say(`${reply} ${ANYTHING_ELSE}`);
  }
}
