import type { Facts } from '../../german/understand/index.js';
import {
  ANYTHING_ELSE,
  ASK_QUESTION_SERVICE,
  GOODBYE,
  NOT_UNDERSTOOD,
  NO_TRANSFER,
  OFFER_AN_APPOINTMENT,
  OFFER_ONE_OF_THEM,
  TRANSFER,
  WHAT_ELSE,
  answerServiceQuestion,
  openingHours,
} from '../../german/speak/lines.js';
import { cancelStep } from './cancel-step.js';
import { collect } from './collect-step.js';
import { takeName, takePhone } from './details-step.js';
import type { Draft } from './draft.js';
import { hearAnyStep } from './hear-any-step.js';
import { chooseOffer } from './offer-step.js';
import { rescheduleStep } from './reschedule-step.js';
import { EMPTY_WISH, type Step } from './state.js';

/** True when the utterance carries something to act on beyond yes/no/bye ("nein, Donnerstag um zehn"). */
function actionable(f: Facts): boolean {
  return f.serviceIds.length > 0 || f.hasWhen || f.staff !== null;
}

/** The conversation's answer to what the caller said: by intent first, then by where the call stands. */
export function respondToCaller(d: Draft, f: Facts): void {
  const step = d.step;
  const memory = d.state.memory;
  if (hearAnyStep(d, f)) return;
  if (f.unintelligible) return d.say(NOT_UNDERSTOOD);
  if (f.intent === 'human') return transfer(d);
  if (f.intent === 'repeat') return d.say(memory.lastLine || WHAT_ELSE);
  if (f.intent === 'goodbye' && !actionable(f)) return goodbye(d);
  if (f.intent === 'opening_hours' || f.question) memory.outcome ??= 'information';
  if (f.intent === 'opening_hours') return d.say(`${openingHours(d.directory)} ${step.phase === 'anything_else' ? ANYTHING_ELSE : ''}`.trim());
  if (f.question) return answerQuestion(d, f, f.question);
  // While a new booking is being agreed, "da kann ich nicht kommen" declines the offer; only an explicit
  // "Termin absagen" is about an existing appointment.
  const deciding = step.phase === 'offered' || step.phase === 'name' || step.phase === 'phone';
  if (f.intent === 'cancel_appointment' && (!deciding || f.explicitCancel)) return cancelStep(d, f);
  if (f.intent === 'cancel_appointment' && step.phase === 'offered') return chooseOffer(d, { ...f, intent: 'no' }, step);
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
  d.say(`${answerServiceQuestion(question, service)} ${step.phase === 'offered' ? OFFER_ONE_OF_THEM : OFFER_AN_APPOINTMENT}`);
}

function wishOf(step: Step) {
  return 'wish' in step ? step.wish : null;
}

export function goodbye(d: Draft): void {
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
