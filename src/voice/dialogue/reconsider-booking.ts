import { DateTime } from 'luxon';
import { readChangeOfMind, type Facts } from '../../german/understand/index.js';
import { ASK_MOVE_TIME } from '../../german/speak/lines.js';
import { ASK_INSTEAD_OF_BOOKED, MOVE_JUST_BOOKED, dropRejected as sayDropRejected } from '../../german/speak/lines-changes.js';
import type { AppointmentRef, BookOutcome } from '../../reception/outcomes.js';
import { askCancel, cancel } from './cancel-step.js';
import type { Draft } from './draft.js';
import { move, targetOf } from './reschedule-step.js';

/**
 * A booking the caller takes back right after it was made ("nein, doch lieber Donnerstag"), or that committed
 * while the caller was already saying something else (barge-in): it is moved to the new wish, never booked a
 * second time beside it; given up, it is cancelled, and the caller is told either way.
 */

/**
 * Remembers what this call just booked, so a "doch lieber …" right after it moves it. `staffChosen`: the caller asked
 * for the staff member (else the agent picked whoever was free).
 */
export function rememberBooking(d: Draft, outcome: BookOutcome, late: boolean, staffChosen: boolean): void {
  if (outcome.kind === 'booked') d.state.memory.justBooked = { appointment: outcome.appointment, rejected: false, late, staffChosen };
}

/** A turn has told the caller of a booking that committed unheard: from now on their words answer it as usual. */
export function markBookingHeard(d: Draft): void {
  const just = d.state.memory.justBooked;
  if (just?.late) just.late = false;
}

/** True when `appointment` is the booking of this call that the caller has rejected. */
export function isRejectedBooking(d: Draft, appointment: AppointmentRef): boolean {
  const just = d.state.memory.justBooked;
  return just !== null && just.rejected && just.appointment.id === appointment.id;
}

/** True when the call holds a booking the caller rejected and has not got back in another form. */
export function holdsRejectedBooking(d: Draft): boolean {
  return d.state.memory.justBooked?.rejected === true;
}

/** The caller gives the rejected booking up: say so, cancel it, then ask what else (or end). */
export function dropRejected(d: Draft, then: 'ask' | 'end'): void {
  const just = d.state.memory.justBooked;
  if (!just) return;
  d.say(sayDropRejected(just.appointment, d.directory, d.now));
  cancel(d, just.appointment, then);
}

/**
 * Whether the caller's words right after a booking take it back, and if so what follows: moved to the new time,
 * asked for one, cancelled, or read back for a cancel. False: the words are about something else.
 */
export function reconsiderBooking(d: Draft, f: Facts): boolean {
  const just = d.state.memory.justBooked;
  if (!just || d.step.phase !== 'anything_else') return false;
  const mind = readChangeOfMind(f.text);
  if (mind.another || f.intent === 'human') return false;
  const wishes = f.hasWhen || f.staff?.kind === 'named' || mind.shiftMinutes !== null;
  // After a barge-in the caller never heard the booking: a new wish is a change of it, not a second appointment.
  // A bare "nein" barged in while the booking was written is a no to it, not to "anything else?".
  // "nee, eigentlich Freitag um elf" names what the booking should have been; a second one would be "noch einen".
  const takesBack =
    mind.rejects ||
    f.intent === 'reschedule_appointment' ||
    (mind.negates && wishes) ||
    (just.late && (wishes || f.serviceIds.length > 0 || f.intent === 'no'));
  if (f.intent === 'cancel_appointment' && !takesBack) {
    askCancel(d, just.appointment, [just.appointment]);
    return true;
  }
  if (!takesBack) return false;
  just.rejected = true;
  if (f.serviceIds.length > 0 && !f.serviceIds.includes(just.appointment.serviceId)) {
    // Another service is no move of this appointment: it goes (on a yes) and the new one is booked afresh.
    askCancel(d, just.appointment, [just.appointment]);
    return true;
  }
  if (!wishes) {
    if (mind.givesUp || f.intent === 'cancel_appointment') {
      dropRejected(d, f.intent === 'goodbye' ? 'end' : 'ask');
      return true;
    }
    d.to({ phase: 'reschedule', target: { date: null, time: null, staffId: null }, moving: just.appointment });
    d.say(ASK_INSTEAD_OF_BOOKED);
    return true;
  }
  const zone = d.directory.business.timeZone;
  const booked = DateTime.fromISO(just.appointment.startsAt, { zone });
  const said = targetOf(d, f, { date: null, time: null, staffId: null }, just.appointment);
  // "lieber Donnerstag" keeps the agreed time; "lieber um elf" keeps the day.
  const target = { ...said, date: said.date ?? booked.toFormat('yyyy-MM-dd'), time: said.time ?? (f.when.partOfDay ? null : booked.toFormat('HH:mm')) };
  d.to({ phase: 'reschedule', target, moving: just.appointment });
  if (!target.time) {
    d.say(ASK_MOVE_TIME);
    return true;
  }
  d.say(MOVE_JUST_BOOKED);
  move(d, target, just.appointment);
  return true;
}
