import { DateTime } from 'luxon';
import { readChangeOfMind, type Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, ASK_MOVE_DAY, ASK_MOVE_TIME, ASK_RESCHEDULE_TIME, ASK_WHICH_TO_MOVE, FILLER, KEEP_IT } from '../../german/speak/lines.js';
import { KEEP_APPOINTMENT, confirmMove, confirmMoveAgain } from '../../german/speak/lines-changes.js';
import { NO_APPOINTMENT, NO_APPOINTMENT_THEN, askWhichAppointment, phraseReschedule } from '../../german/speak/phrase-appointments.js';
import { CHANGES_NEED_CALLING_NUMBER } from '../../german/speak/refusals.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { AppointmentRef, FindAppointmentsOutcome, RescheduleOutcome } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';
import { pickAppointment } from './pick-appointment.js';
import { dropRejected, isRejectedBooking } from './reconsider-booking.js';
import type { MoveTarget, StepOf } from './state.js';
import { tell } from './unheard.js';

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
  const mind = readChangeOfMind(f.text);
  // A booking of this call that the caller rejected: giving up the move gives up the booking, never leaves it.
  if (step.phase === 'reschedule' && step.moving && isRejectedBooking(d, step.moving) && !f.hasWhen && mind.shiftMinutes === null) {
    if (mind.givesUp || f.intent === 'no' || f.intent === 'cancel_appointment') return dropRejected(d, 'ask');
  }
  if (moving && f.intent === 'no' && !f.hasWhen && mind.shiftMinutes === null) {
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
    return askMove(d, step.target, picked, step.choices);
  }
  const before = step.phase === 'reschedule' ? step : { target: { date: null, time: null, staffId: null }, moving: null };
  const said = targetOf(d, f, before.target, before.moving);
  // A booking of this call being corrected: "um halb zehn" keeps its day, as "lieber um elf" does right after it.
  const sameDay =
    before.moving && isRejectedBooking(d, before.moving)
      ? DateTime.fromISO(before.moving.startsAt, { zone: d.directory.business.timeZone }).toFormat('yyyy-MM-dd')
      : null;
  const target = { ...said, date: said.date ?? (said.time ? sameDay : null) };
  d.to({ phase: 'reschedule', target, moving: before.moving });
  if (!target.date && !target.time) return d.say(ASK_RESCHEDULE_TIME);
  if (!target.date) return d.say(ASK_MOVE_DAY);
  if (!target.time) return d.say(ASK_MOVE_TIME);
  if (before.moving) return isRejectedBooking(d, before.moving) ? move(d, target, before.moving) : askMove(d, target, before.moving, [before.moving]);
  d.to({ phase: 'finding', lookup: { for: 'reschedule', target } });
  d.run({ operation: 'findAppointments', request: { phone, date: null, time: null } }, FILLER);
}

/**
 * The new day and time from what the caller said over what was said before: "eine Stunde später" counts from the
 * appointment being moved; a new day alone keeps its time.
 */
export function targetOf(d: Draft, f: Facts, before: MoveTarget, moving: AppointmentRef | null): MoveTarget {
  const zone = d.directory.business.timeZone;
  const named = f.staff?.kind === 'named' ? (f.staff.staffIds[0] ?? null) : null;
  const shift = readChangeOfMind(f.text).shiftMinutes;
  if (shift !== null && moving) {
    const at = DateTime.fromISO(moving.startsAt, { zone }).plus({ minutes: shift });
    return { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm'), staffId: named ?? before.staffId };
  }
  return {
    date: (f.hasWhen ? f.when.date : null) ?? before.date,
    time: (f.hasWhen ? f.when.time : null) ?? before.time,
    staffId: named ?? before.staffId,
  };
}

function startOf(d: Draft, target: MoveTarget): string | null {
  const at = target.date && target.time ? DateTime.fromISO(`${target.date}T${target.time}`, { zone: d.directory.business.timeZone }) : null;
  return at?.isValid ? at.toUTC().toISO() : null;
}

/** Reads the old appointment and the new time back and waits for a yes. */
function askMove(d: Draft, target: MoveTarget, appointment: AppointmentRef, choices: AppointmentRef[]): void {
  const startsAt = startOf(d, target);
  if (!startsAt) {
    d.to({ phase: 'reschedule', target: { ...target, date: null, time: null }, moving: appointment });
    return d.say(ASK_RESCHEDULE_TIME);
  }
  d.to({ phase: 'confirm_move', moving: appointment, target, startsAt, choices });
  d.say(confirmMove(appointment, startsAt, target.staffId, d.directory, d.now));
}

/**
 * The answer to "Soll ich Ihren Termin … auf … verschieben?": a yes moves, a no keeps it, a new day or time is a
 * correction read back again, "den anderen" reads another appointment back.
 */
export function answerMoveQuestion(d: Draft, f: Facts, step: StepOf<'confirm_move'>): void {
  if (f.ordinal !== null && step.choices.length > 1) {
    const other = pickAppointment(step.choices, f, d.directory.business.timeZone);
    if (other) return askMove(d, step.target, other, step.choices);
  }
  const changes = f.hasWhen || f.staff?.kind === 'named' || readChangeOfMind(f.text).shiftMinutes !== null;
  if (changes) {
    const target = targetOf(d, f, step.target, step.moving);
    // "Ja, auf Mittwoch um halb drei": the time read back, said again, is a yes.
    const same = target.date === step.target.date && target.time === step.target.time && target.staffId === step.target.staffId;
    if (!same || f.intent === 'no') return askMove(d, target, step.moving, step.choices);
  }
  if (f.intent === 'yes' || f.intent === 'reschedule_appointment') return move(d, step.target, step.moving);
  if (f.intent === 'no' || f.intent === 'cancel_appointment') {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(`${KEEP_APPOINTMENT} ${ANYTHING_ELSE}`);
  }
  d.say(confirmMoveAgain(step.moving, step.startsAt, step.target.staffId, d.directory, d.now));
}

/** Writes the move. */
export function move(d: Draft, target: MoveTarget, appointment: AppointmentRef): void {
  const startsAt = startOf(d, target);
  if (!startsAt) {
    d.to({ phase: 'reschedule', target: { ...target, date: null, time: null }, moving: appointment });
    return d.say(ASK_RESCHEDULE_TIME);
  }
  d.to({ phase: 'rescheduling', target, moving: appointment });
  // This call's booking, with a staff member the agent picked: the new time goes to whoever is free then.
  const just = d.state.memory.justBooked;
  const anyStaff = target.staffId === null && just?.appointment.id === appointment.id && !just.staffChosen;
  d.run({ operation: 'reschedule', request: { appointmentId: appointment.id, startsAt, staffId: target.staffId, anyStaff } }, FILLER);
}

/** The caller's appointments, found for a move: the only one is read back with the new time, several are listed. */
export function answerMoveLookup(d: Draft, target: MoveTarget, outcome: FindAppointmentsOutcome): void {
  switch (outcome.kind) {
    case 'found': {
      const [only, ...more] = outcome.appointments;
      if (only && more.length === 0) return askMove(d, target, only, outcome.appointments);
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
  const memory = d.state.memory;
  const member = d.directory.staff.find((m) => m.id === step.target.staffId);
  const reply = phraseReschedule(outcome, step.moving, d.directory, d.now, member ? speakStaff(member) : undefined);
  const ownBooking = memory.justBooked?.appointment.id === step.moving.id;
  if (late && outcome.kind !== 'rescheduled') memory.announcement = reply;
  switch (outcome.kind) {
    case 'rescheduled':
      tell(d, reply, late, ownBooking ? 'booking' : 'change');
      // A booking of this call that was moved is still this call's booking, now at the time the caller wants.
      if (ownBooking)
        memory.justBooked = {
          appointment: outcome.appointment,
          rejected: false,
          late,
          staffChosen: memory.justBooked?.staffChosen !== false || step.target.staffId !== null,
        };
      else memory.outcome = 'rescheduled_appointment';
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
