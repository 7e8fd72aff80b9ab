import { asksForOwnAppointments, type Facts } from '../../german/understand/index.js';
import {
  ANYTHING_ELSE,
  ASK_QUESTION_SERVICE,
  GOODBYE,
  NOT_UNDERSTOOD,
  NO_TRANSFER,
  OFFER_AN_APPOINTMENT,
  askToBookOffered,
  TRANSFER,
  WHAT_ELSE,
  answerServiceQuestion,
  openingHours,
} from '../../german/speak/lines.js';
import { NO_TRANSFER_WANTED } from '../../german/speak/lines-changes.js';
import { answerCancelQuestion, cancelStep } from './cancel-step.js';
import { claimsOtherPerson, refuseOtherPerson } from './guard-change.js';
import { listAppointmentsStep } from './list-appointments-step.js';
import { dropRejected, holdsRejectedBooking, reconsiderBooking } from './reconsider-booking.js';
import { collect } from './collect-step.js';
import { takeName, takePhone } from './details-step.js';
import type { Draft } from './draft.js';
import { hearAnyStep } from './hear-any-step.js';
import { chooseOffer } from './offer-step.js';
import { answerMoveQuestion, rescheduleStep } from './reschedule-step.js';
import { EMPTY_WISH, type Step } from './state.js';

/** True when the utterance carries something to act on beyond yes/no/bye ("nein, Donnerstag um zehn"). */
function actionable(f: Facts): boolean {
  return f.serviceIds.length > 0 || f.hasWhen || f.staff !== null;
}

const CHANGE_PHASES: ReadonlySet<Step['phase']> = new Set(['cancel_pick', 'confirm_cancel', 'confirm_move', 'reschedule', 'reschedule_pick']);

/** A request about the caller's booked appointments: to cancel, move or hear them, or an answer while doing so. */
function aboutAppointments(d: Draft, f: Facts): boolean {
  if (CHANGE_PHASES.has(d.step.phase)) return true;
  const deciding = d.step.phase === 'offered' || d.step.phase === 'name' || d.step.phase === 'phone';
  if (f.intent === 'cancel_appointment') return !deciding || f.explicitCancel;
  return f.intent === 'reschedule_appointment' || asksForOwnAppointments(f.text);
}

/** The conversation's answer to what the caller said: by intent first, then by where the call stands. */
export function respondToCaller(d: Draft, f: Facts): void {
  const step = d.step;
  if (step.phase === 'change_refused' && f.intent === 'human') return transfer(d);
  const memory = d.state.memory;
  if (hearAnyStep(d, f)) return;
  if (f.unintelligible) return d.say(NOT_UNDERSTOOD);
  if (f.intent === 'human') return transfer(d);
  if (f.intent === 'repeat') return d.say(memory.lastLine || WHAT_ELSE);
  if (step.phase === 'change_refused') {
    if (f.intent === 'yes') return transfer(d);
    d.to({ phase: 'anything_else', serviceId: null });
    if (f.intent === 'no' && !actionable(f)) return d.say(NO_TRANSFER_WANTED);
  }
  // Whose appointments a request is about is decided by the calling number alone: a claim about another person
  // or number changes nothing and reads out nothing.
  if (aboutAppointments(d, f) && claimsOtherPerson(d, f)) return refuseOtherPerson(d);
  // Right after a booking, "nein, doch lieber …" changes that booking rather than adding one.
  if (reconsiderBooking(d, f)) return;
  if (f.intent === 'goodbye' && !actionable(f)) return goodbye(d);
  if (d.step.phase === 'confirm_cancel') return answerCancelQuestion(d, f, d.step);
  if (d.step.phase === 'confirm_move') return answerMoveQuestion(d, f, d.step);
  if (f.intent === 'opening_hours' || f.question) memory.outcome ??= 'information';
  if (f.intent === 'opening_hours') return d.say(`${openingHours(d.directory)} ${step.phase === 'anything_else' ? ANYTHING_ELSE : ''}`.trim());
  if (f.question) return answerQuestion(d, f, f.question);
  // While a new booking is being agreed, "da kann ich nicht kommen" declines the offer; only an explicit
  // "Termin absagen" is about an existing appointment.
  const deciding = step.phase === 'offered' || step.phase === 'name' || step.phase === 'phone';
  if (f.intent === 'cancel_appointment' && (!deciding || f.explicitCancel)) return cancelStep(d, f);
  if (f.intent === 'cancel_appointment' && step.phase === 'offered') return chooseOffer(d, { ...f, intent: 'no' }, step);
  if (!deciding && f.intent !== 'reschedule_appointment' && asksForOwnAppointments(f.text)) return listAppointmentsStep(d);
  if (f.intent === 'reschedule_appointment' || step.phase === 'reschedule' || step.phase === 'reschedule_pick') return rescheduleStep(d, f);

  switch (step.phase) {
    case 'cancel_pick':
      return cancelStep(d, f);
    case 'offered':
      return chooseOffer(d, f, step);
    case 'name':
      return takeName(d, f, step);
    case 'phone':
      return takePhone(d, f, step);
    case 'anything_else':
      if (!actionable(f)) return f.intent === 'no' ? goodbye(d) : d.say(WHAT_ELSE);
      // Something new: a second booking starts from a clean wish (name and number stay).
      return collect(d, f, EMPTY_WISH);
    case 'collect':
      return collect(d, f, step.wish);
    default:
      return collect(d, f, EMPTY_WISH);
  }
}

/** Price, duration or what a service involves, then back to booking it. */
function answerQuestion(d: Draft, f: Facts, question: NonNullable<Facts['question']>): void {
  const step = d.step;
  const current = step.phase === 'anything_else' ? step.serviceId : (wishOf(step)?.serviceId ?? null);
  const service = d.directory.services.find((x) => x.id === (f.serviceIds[0] ?? current));
  if (!service) return d.say(ASK_QUESTION_SERVICE);
  // Asked before a booking is under way: "Möchten Sie dafür einen Termin?" - a yes books the service asked about.
  if (step.phase === 'open' || step.phase === 'anything_else' || (step.phase === 'collect' && !step.wish.serviceId)) {
    d.to({ phase: 'collect', wish: { ...(wishOf(step) ?? EMPTY_WISH), serviceId: service.id } });
  }
  d.say(`${answerServiceQuestion(question, service)} ${step.phase === 'offered' ? askToBookOffered(step.offers.length) : OFFER_AN_APPOINTMENT}`);
}

function wishOf(step: Step) {
  return 'wish' in step ? step.wish : null;
}

/** Ends the call; a booking the caller rejected is cancelled first (and said so), never left behind. */
export function goodbye(d: Draft): void {
  if (holdsRejectedBooking(d)) return dropRejected(d, 'end');
  d.to({ phase: 'ended' });
  d.hangUp(GOODBYE);
}

/** To a human at the business's number; without one, a callback is promised and the call goes on. */
function transfer(d: Draft): void {
  const number = d.directory.business.transferNumber;
  if (!number) return d.say(NO_TRANSFER);
  d.state.memory.outcome = 'transferred';
  d.to({ phase: 'ended' });
  d.run({ operation: 'recordOutcome', request: 'transferred' }, null);
  d.transfer(TRANSFER, number);
}
