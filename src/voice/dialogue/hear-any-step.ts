import type { Facts } from '../../german/understand/index.js';
import { ASK_PHONE, ASK_TIME, TRANSFER, WHAT_ELSE, askConfirmPhone, askService, askWhichOffer } from '../../german/speak/lines.js';
import {
  ASK_CALLBACK_NUMBER,
  ENDING_GOODBYE,
  helpDeclined,
  PHONE_AGAIN,
  callbackPromised,
  personNotReachable,
  transferToPerson,
  unknownPerson,
} from '../../german/speak/lines-booking-flow.js';
import { speakStaff } from '../../german/speak/speak.js';
import type { Draft } from './draft.js';
import { askPersonName, settleOwnName } from './household-step.js';
import { notUnderstood } from './not-understood.js';

const CHANGING: ReadonlySet<string> = new Set(['reschedule', 'reschedule_pick', 'cancel_pick', 'confirm_move', 'confirm_cancel']);

/** True when the utterance carries something for a booking ("nein, Donnerstag um zehn"), not just a cue. */
function wishful(f: Facts): boolean {
  // "ich ruf nächste Woche wieder an": the week is when they call, not a wish.
  const when = f.hasWhen && !(f.cues.ending && f.cues.endingNamesWhen);
  return f.serviceIds.length > 0 || when || f.staff?.kind === 'any' || f.cues.shift !== null;
}

/**
 * What holds at every step, before the step itself answers: details said at once are kept (a name with an
 * introduction, a number), a polite ending ends the call, a request for a staff member is put through, a question
 * the agent asked outside the steps (a colleague? a callback?) gets its answer, noise is not understood. True when
 * the turn is answered here.
 */
export function hearAnyStep(d: Draft, f: Facts): boolean {
  keepDetails(d, f);
  const memory = d.state.memory;
  const pending = memory.pending;
  memory.pending = null;
  if (d.step.phase === 'callback') return takeCallbackNumber(d, f, d.step.staffId);
  if (f.unintelligible) {
    memory.pending = pending;
    notUnderstood(d);
    return true;
  }
  if (pending && answerPending(d, f, pending)) return true;
  // While an appointment is being changed (or a change read back), "lassen wir das" drops the change and that step
  // keeps the appointment; right after a booking, "vergessen Sie es" takes the booking back, which the step decides,
  // so the call never ends with a booking the caller rejected.
  const changing = CHANGING.has(d.step.phase) || (d.step.phase === 'anything_else' && memory.justBooked !== null);
  if (f.cues.ending && !wishful(f) && !changing) {
    endPolitely(d);
    return true;
  }
  // "Ist Oliver heute im Laden? Ich müsste kurz mit ihm reden": a request for the person, whatever day is named with
  // it; "bei Emma" or a service with it is a booking.
  if (f.cues.personRequest && !booksToo(f)) {
    if (f.staff?.kind === 'named') {
      putThrough(d, f.staff.staffIds[0] ?? null);
      return true;
    }
    if (f.staff === null && f.cues.unknownStaffName) {
      nobodyOfThatName(d, f.cues.unknownStaffName);
      return true;
    }
  }
  return false;
}

/** A person request that also asks for a booking ("Kann ich bei Emma einen Herrenhaarschnitt bekommen?"). */
function booksToo(f: Facts): boolean {
  return f.serviceIds.length > 0 || f.intent === 'book' || f.cues.shift !== null || f.staff?.kind === 'any';
}

/** "Kann ich Sandra sprechen?" where nobody is called so: who works here, and a colleague on the line instead. */
function nobodyOfThatName(d: Draft, name: string): void {
  const transferTo = d.directory.business.transferNumber;
  d.say(unknownPerson(name, d.directory.staff.map(speakStaff), Boolean(transferTo)));
  if (transferTo) d.state.memory.transferOffer = { resume: WHAT_ELSE };
  else d.state.memory.pending = { kind: 'callback', staffId: null };
}

/** A name introduced ("Hier ist Lisa Meyer") or a number said at any point is taken; nobody asks for it again. */
function keepDetails(d: Draft, f: Facts): void {
  const caller = d.state.caller;
  const phase = d.step.phase;
  // A returning customer who introduces themselves keeps the stored name; another name is someone else of the
  // household, and the booking goes under them.
  if (f.cues.introducedName && phase !== 'name') settleOwnName(d, f.cues.introducedName);
  // The name and phone steps read the number themselves (and read it back); elsewhere a number is kept for later.
  const booking = phase === 'open' || phase === 'collect' || phase === 'offered' || phase === 'checking' || phase === 'anything_else';
  // A number named for a change ("der Termin läuft unter 0176 …") is a claim, not where to book: changes go by the calling number.
  const change = f.intent === 'cancel_appointment' || f.intent === 'reschedule_appointment';
  if (f.phone && booking && !change) {
    // The calling number said out loud needs no read-back; another one is read back before booking under it.
    caller.phoneConfirmed = f.phone === caller.number || (f.phone === caller.phone && caller.phoneConfirmed);
    caller.phone = f.phone;
  }
}

/** The answer to "Soll ich Sie verbinden / sollen wir Sie zurückrufen?". False: the caller went on with something else. */
function answerPending(d: Draft, f: Facts, pending: NonNullable<Draft['state']['memory']['pending']>): boolean {
  const transferTo = d.directory.business.transferNumber;
  const wantsCallback =
    f.cues.callback || (pending.kind === 'callback' && f.intent === 'yes') || (pending.kind === 'help' && f.intent === 'yes' && !transferTo);
  if (wantsCallback) {
    callBack(d, pending.staffId);
    return true;
  }
  if (pending.kind === 'help' && (f.intent === 'yes' || f.intent === 'human') && transferTo) {
    transferCall(d, TRANSFER, transferTo);
    return true;
  }
  if (f.intent === 'no' && !wishful(f) && f.staff === null) {
    // "Nee, geht scho, Jonas Weber": the no is to the colleague, the name is the answer the step was waiting for.
    if (pending.kind === 'help' && answersStep(d, f)) return false;
    d.say(pending.kind === 'help' ? helpDeclined(openQuestion(d)) : WHAT_ELSE);
    return true;
  }
  return false;
}

/** True when the utterance carries what the step asks for: a name at the name question, a number at the number's. */
function answersStep(d: Draft, f: Facts): boolean {
  if (d.step.phase === 'name') return f.name !== null || f.cues.introducedName !== null;
  return d.step.phase === 'phone' && f.phone !== null;
}

/** The question the booking under way waits on, asked again after the caller wants to go on without a colleague. */
function openQuestion(d: Draft): string | undefined {
  const step = d.step;
  const caller = d.state.caller;
  switch (step.phase) {
    case 'name':
      return askPersonName(d);
    case 'phone':
      return caller.phone && caller.phone === caller.number ? askConfirmPhone(caller.phone) : ASK_PHONE;
    case 'offered':
      return askWhichOffer(step.offers.length);
    case 'collect':
      return step.wish.serviceId ? ASK_TIME : askService(d.directory);
    default:
      return undefined;
  }
}

/** Ends the call the way the caller did: a goodbye, and nothing held any longer (the call's end releases the holds). */
function endPolitely(d: Draft): void {
  const wasBooking = d.step.phase === 'offered' || d.step.phase === 'name' || d.step.phase === 'phone' || d.step.phase === 'collect';
  d.to({ phase: 'ended' });
  d.hangUp(ENDING_GOODBYE[wasBooking ? 0 : 1]!);
}

/** "Kann ich Emma sprechen?": through to the salon's line, or, without one, a callback from them or help here. */
function putThrough(d: Draft, staffId: string | null): void {
  const member = d.directory.staff.find((m) => m.id === staffId);
  const name = member ? speakStaff(member) : null;
  const transferTo = d.directory.business.transferNumber;
  if (transferTo && name) return transferCall(d, transferToPerson(name), transferTo);
  if (transferTo) return transferCall(d, TRANSFER, transferTo);
  d.state.memory.pending = { kind: 'callback', staffId };
  d.say(personNotReachable(name ?? 'Die Kollegin', d.state.caller.phone !== null));
}

function transferCall(d: Draft, line: string, number: string): void {
  d.state.memory.outcome = 'transferred';
  d.to({ phase: 'ended' });
  d.run({ operation: 'recordOutcome', request: 'transferred' }, null);
  d.transfer(line, number);
}

/** A callback is recorded on the call (staff see it with the number); without a number, one is asked for first. */
function callBack(d: Draft, staffId: string | null): void {
  const phone = d.state.caller.phone;
  if (!phone) {
    d.to({ phase: 'callback', staffId });
    return d.say(ASK_CALLBACK_NUMBER);
  }
  const member = d.directory.staff.find((m) => m.id === staffId);
  d.state.memory.outcome = 'callback_requested';
  d.to({ phase: 'anything_else', serviceId: null });
  d.run({ operation: 'recordOutcome', request: 'callback_requested' }, null);
  d.say(callbackPromised(member ? speakStaff(member) : null, phone));
}

function takeCallbackNumber(d: Draft, f: Facts, staffId: string | null): boolean {
  if (f.phone) {
    d.state.caller.phone = f.phone;
    callBack(d, staffId);
  } else if (f.cues.ending || f.intent === 'no') {
    endPolitely(d);
  } else {
    notUnderstood(d, PHONE_AGAIN);
  }
  return true;
}
