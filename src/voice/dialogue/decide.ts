import type { Directory } from '../../booking/load-directory.js';
import { ANYTHING_ELSE, SILENT_GOODBYE, STILL_THERE } from '../../german/speak/lines.js';
import { greetCaller } from '../../german/speak/lines-household.js';
import { acceptsTransfer, answerBusiness } from './business-question-step.js';
import { noteWhoFor } from './household-step.js';
import { answerOffer } from './collect-step.js';
import { answerBooking } from './details-step.js';
import { answerCancel, answerCancelLookup } from './cancel-step.js';
import { Draft } from './draft.js';
import { answerListLookup } from './list-appointments-step.js';
import { dropRejected, holdsRejectedBooking, markBookingHeard, rememberBooking } from './reconsider-booking.js';
import type { Decision } from './effects.js';
import type { CallerInfo, DialogueEvent, ReceptionAnswer } from './events.js';
import { answerMoveLookup, answerReschedule } from './reschedule-step.js';
import { goodbye, respondToCaller } from './respond-to-caller.js';
import type { Caller, DialogueState, Step } from './state.js';
import { noteTalkedOver, sayUnheardOffer, tell } from './unheard.js';

/**
 * The conversation's decision: from where the call stands and what just happened to the next state and the
 * effects to run. Pure: no I/O, no clock (`now` comes with the event), the state passed in is never changed.
 */
export function decide(state: DialogueState, event: DialogueEvent, directory: Directory): Decision {
  switch (event.kind) {
    case 'opened': {
      const d = new Draft(state, directory, event.now);
      d.state.caller = learnCaller(d.state.caller, event.caller);
      d.say(greetCaller(directory, { knownName: d.state.caller.known ? d.state.caller.name : null, household: d.state.caller.household === true }));
      d.save();
      return d.decision();
    }
    case 'caller_known':
      return { state: { ...state, caller: learnCaller(state.caller, event.caller) }, effects: [] };
    case 'reminder':
      return remind(state, directory, event.now);
    case 'heard':
      return hear(state, event, directory);
    case 'answered': {
      const d = new Draft(state, directory, event.now);
      takeAnswer(d, event.answer, event.late);
      return d.decision();
    }
  }
}

/** What the call knows of the caller: a number learned late fills the gaps, never replaces what was said. */
function learnCaller(caller: Caller, info: CallerInfo): Caller {
  return {
    ...caller,
    number: caller.number ?? info.number,
    phone: caller.phone ?? info.number,
    name: caller.name ?? info.knownName,
    known: caller.known || info.knownName !== null,
    ...(caller.household === true || info.household === true ? { household: true } : {}),
  };
}

/** A new turn: what the last one said becomes the line to repeat; an operation left half-way is settled. */
function beginTurn(state: DialogueState, directory: Directory, now: Date, agentHeard?: string | null): Draft {
  const d = new Draft(state, directory, now);
  noteTalkedOver(d, agentHeard);
  const memory = d.state.memory;
  if (memory.saying.length > 0) memory.lastLine = memory.saying.join(' ');
  memory.saying = [];
  memory.fillerSaid = false;
  d.to(settle(d.step));
  return d;
}

/**
 * The step to go on from when an operation's answer never came (its turn was given up, or the reception
 * failed): back to where the caller was asked last.
 */
function settle(step: Step): Step {
  switch (step.phase) {
    case 'checking':
      return { phase: 'collect', wish: step.wish };
    case 'booking':
      return { phase: 'phone', wish: step.wish, chosen: step.chosen };
    case 'finding':
    case 'cancelling':
      return { phase: 'anything_else', serviceId: null };
    case 'rescheduling':
      return { phase: 'reschedule', target: step.target, moving: step.moving };
    default:
      return step;
  }
}

function remind(state: DialogueState, directory: Directory, now: Date): Decision {
  const d = beginTurn(state, directory, now);
  const memory = d.state.memory;
  memory.reminders += 1;
  if (memory.reminders >= 2 && holdsRejectedBooking(d)) {
    // The caller said the booking does not suit and then went quiet: it must not stay behind.
    dropRejected(d, 'end');
  } else if (memory.reminders >= 2 || d.step.phase === 'ended') {
    d.to({ phase: 'ended' });
    d.hangUp(SILENT_GOODBYE);
  } else {
    d.remind(`${STILL_THERE} ${memory.lastLine}`);
  }
  d.save();
  return d.decision();
}

function hear(state: DialogueState, event: Extract<DialogueEvent, { kind: 'heard' }>, directory: Directory): Decision {
  const d = beginTurn(state, directory, event.now, event.agentHeard);
  const memory = d.state.memory;
  const { facts, callerUtterances } = event;
  if (d.step.phase === 'ended') {
    goodbye(d);
  } else if (memory.handled && facts.text === memory.handled.text && callerUtterances === memory.handled.count) {
    // Retell asked again for words already acted on (it discarded the answer): the same answer, never twice the act.
    memory.announcement = null;
    d.say(memory.lastLine);
  } else if (memory.announcement && facts.text === memory.handled?.text) {
    // The caller said the same again because they never heard the answer: the announcement is that answer.
    d.say(memory.announcement);
    memory.announcement = null;
    memory.handled = { text: facts.text, count: callerUtterances };
    d.say(ANYTHING_ELSE);
  } else if (sayUnheardOffer(d, facts)) {
    memory.handled = { text: facts.text, count: callerUtterances };
  } else {
    if (memory.announcement) {
      d.say(memory.announcement);
      memory.announcement = null;
    }
    memory.reminders = 0;
    noteWhoFor(d, facts);
    if (acceptsTransfer(d, facts)) {
      memory.transferOffer = null;
      respondToCaller(d, { ...facts, intent: 'human' });
    } else if (answerBusiness(d, facts) !== 'done') {
      respondToCaller(d, facts);
    }
    // Only turns in a row count: a usable answer starts the count again.
    if (!d.confused) memory.confused = 0;
    // Kept even when the turn is superseded: if Retell asks again for the same words, this is the answer to give.
    memory.handled = { text: facts.text, count: callerUtterances };
  }
  markBookingHeard(d);
  d.save();
  return d.decision();
}

/** Takes the reception's answer to the operation the step is waiting for; any other answer changes nothing. */
function takeAnswer(d: Draft, answer: ReceptionAnswer, late: boolean): void {
  const step = d.step;
  if (answer.operation === 'offer' && step.phase === 'checking') {
    const from = d.state.memory.saying.length;
    answerOffer(d, step.wish, answer.outcome, step.avoid);
    return tell(d, d.state.memory.saying.slice(from).join(' '), late, 'offer');
  }
  if (answer.operation === 'book' && step.phase === 'booking') {
    answerBooking(d, step, answer.outcome, late);
    return rememberBooking(d, answer.outcome, late, step.wish.staff !== null);
  }
  if (answer.operation === 'findAppointments' && step.phase === 'finding') {
    if (step.lookup.for === 'list') return answerListLookup(d, answer.outcome);
    return step.lookup.for === 'cancel' ? answerCancelLookup(d, answer.outcome) : answerMoveLookup(d, step.lookup.target, answer.outcome);
  }
  if (answer.operation === 'cancel' && step.phase === 'cancelling') return answerCancel(d, step, answer.outcome, late);
  if (answer.operation === 'reschedule' && step.phase === 'rescheduling') return answerReschedule(d, step, answer.outcome, late);
}
