import { DateTime } from 'luxon';
import type { Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, ASK_OTHER_TIME, ASK_PHONE, ASK_TIME, BOOKED_INTRO, FILLER_BOOKING, askConfirmPhone } from '../../german/speak/lines.js';
import { ASK_PHONE_AGAIN, NAME_AGAIN, PHONE_AGAIN, readBackPhone } from '../../german/speak/lines-booking-flow.js';
import { serviceWordsOf } from '../../german/speak/phrase-appointments.js';
import { phraseBooking } from '../../german/speak/phrase-booking.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { BookOutcome, OfferedSlot } from '../../reception/outcomes.js';
import { collect, shiftWish } from './collect-step.js';
import { dayWordingOf } from './day-wording.js';
import type { Draft } from './draft.js';
import { afterBooked, askPersonName, bookingForSomeoneElse, personName, settleOwnName, takePersonName } from './household-step.js';
import { notUnderstood } from './not-understood.js';
import { tell } from './unheard.js';
import type { ServiceWish, StepOf } from './state.js';

/** Name (unless known), then the phone number (the calling one, confirmed by its last digits), then book. */
export function askDetailsOrBook(d: Draft, wish: ServiceWish, chosen: OfferedSlot): void {
  const caller = d.state.caller;
  // The name of the person the booking is for: the caller's own, or a household member's.
  if (!personName(d)) {
    d.to({ phase: 'name', wish, chosen });
    return d.say(askPersonName(d));
  }
  if (!caller.phoneConfirmed) {
    if (caller.known && caller.number) {
      // A known caller's number is the one we have on file: no need to read it back.
      caller.phone = caller.number;
      caller.phoneConfirmed = true;
    } else {
      d.to({ phase: 'phone', wish, chosen });
      // A number the caller gave (not the calling one) is read back digit by digit before anything is booked under it.
      if (caller.phone && caller.phone !== caller.number) return d.say(readBackPhone(caller.phone));
      return d.say(caller.phone ? askConfirmPhone(caller.phone) : ASK_PHONE);
    }
  }
  book(d, wish, chosen);
}

/**
 * A change of the slot while the agent asks for the name or number ("Warten Sie, lieber eine Stunde später",
 * "nein, doch lieber Samstag"): relative to the chosen slot, which goes back on the table. True when it was one.
 */
function correctChosen(d: Draft, f: Facts, step: StepOf<'name'> | StepOf<'phone'>): boolean {
  if (f.cues.shift) {
    shiftWish(d, step.wish, step.chosen.startsAt, f.cues.shift, [step.chosen]);
    return true;
  }
  if (!f.hasWhen && f.serviceIds.length === 0 && f.staff === null && !f.cues.unknownStaffName) return false;
  // The chosen slot is what a new day or time replaces a part of ("lieber Samstag" keeps the hour).
  const at = DateTime.fromISO(step.chosen.startsAt, { zone: d.directory.business.timeZone });
  collect(d, f, { ...step.wish, date: at.toISODate(), time: at.toFormat('HH:mm'), partOfDay: null, earliest: false, week: null });
  return true;
}

export function takeName(d: Draft, f: Facts, step: StepOf<'name'>): void {
  // A name said with a correction cue is still a name ("Petra Freitag"); a day or time without a name is a change.
  if ((!f.name || f.cues.correction || f.cues.shift) && correctChosen(d, f, step)) return;
  if (takePersonName(d, f)) return;
  if (bookingForSomeoneElse(d)) return askDetailsOrBook(d, step.wish, step.chosen);
  // "Für mich" to "für wen ist der Termin?": the caller's own name, when the call knows it as theirs.
  if (!f.name && f.bookingFor?.kind === 'self' && d.state.caller.name && !d.state.caller.askOwnName) return askDetailsOrBook(d, step.wish, step.chosen);
  const name = f.cues.introducedName ?? f.name;
  if (!name) return notUnderstood(d, NAME_AGAIN);
  settleOwnName(d, name);
  askDetailsOrBook(d, step.wish, step.chosen);
}

export function takePhone(d: Draft, f: Facts, step: StepOf<'phone'>): void {
  const caller = d.state.caller;
  if (!f.phone && correctChosen(d, f, step)) return;
  if (f.phone && f.phone !== caller.number) {
    // Another number than the calling one: read back before booking under it.
    caller.phone = f.phone;
    caller.phoneConfirmed = false;
    return d.say(readBackPhone(f.phone));
  } else if (f.phone) {
    caller.phone = f.phone;
    caller.phoneConfirmed = true;
  } else if (f.intent === 'yes' && caller.phone) {
    caller.phoneConfirmed = true;
  } else if (f.intent === 'no') {
    // "Nein" to a number read back: the caller says it again; to the calling number: which one then.
    const readBack = caller.phone !== null && caller.phone !== caller.number;
    caller.phone = null;
    return d.say(readBack ? ASK_PHONE_AGAIN : ASK_PHONE);
  } else {
    return notUnderstood(d, PHONE_AGAIN);
  }
  book(d, step.wish, step.chosen);
}

/** Books the chosen slot, with the staff member whose slot was offered and held. */
function book(d: Draft, wish: ServiceWish, chosen: OfferedSlot): void {
  const { phone } = d.state.caller;
  const name = personName(d);
  if (!name || !phone) return d.say(ASK_TIME);
  const customer = { name, phone };
  d.to({ phase: 'booking', wish, chosen, customer });
  const forOther = bookingForSomeoneElse(d) ? { forSomeoneElse: true } : {};
  d.run(
    { operation: 'book', request: { serviceId: wish.serviceId, staffId: chosen.staffId, startsAt: chosen.startsAt, customer, ...forOther } },
    FILLER_BOOKING,
  );
}

/**
 * "Eingetragen" only for a committed booking; a lost slot offers the held alternatives. `late`: nobody hears
 * this turn any more, so the result is kept for the next turn to say first.
 */
export function answerBooking(d: Draft, step: StepOf<'booking'>, outcome: BookOutcome, late: boolean): void {
  const memory = d.state.memory;
  const member = d.directory.staff.find((m) => m.id === step.chosen.staffId);
  const service = serviceWordsOf(step.wish.serviceId, d.directory);
  const reply = phraseBooking(outcome, {
    directory: d.directory,
    now: d.now,
    service,
    staffName: member ? speakStaff(member) : undefined,
    wording: dayWordingOf(step.wish),
  });
  if (outcome.kind === 'booked') {
    const sentence = reply;
    d.to({ phase: 'anything_else', serviceId: step.wish.serviceId });
    memory.outcome = 'booked';
    tell(d, sentence, late, 'booking');
    return d.say(`${BOOKED_INTRO} ${sentence} ${afterBooked(d) ?? ANYTHING_ELSE}`);
  }
  if (late) memory.announcement = reply;
  if (outcome.kind === 'invalid_phone') {
    // The number is what failed: ask for it again, the chosen slot stays.
    d.state.caller.phone = null;
    d.state.caller.phoneConfirmed = false;
    d.to({ phase: 'phone', wish: step.wish, chosen: step.chosen });
    return d.say(reply);
  }
  const [first, ...rest] = outcome.kind === 'slot_taken' || outcome.kind === 'unavailable' ? outcome.alternatives : [];
  if (first) {
    d.to({ phase: 'offered', wish: step.wish, offers: [first, ...rest] });
    memory.outcome = 'booking_conflict';
    return d.say(reply);
  }
  d.to({ phase: 'collect', wish: step.wish });
  d.say(`${reply} ${ASK_OTHER_TIME}`);
}
