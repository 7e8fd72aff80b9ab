import { asksForOwnAppointments, type Facts } from '../../german/understand/index.js';
import { ANYTHING_ELSE, WHAT_ELSE } from '../../german/speak/lines.js';
import { ASK_ON_SITE, OFFER_TRANSFER_FOR_QUESTION, answerBusinessQuestion } from '../../german/speak/lines-business.js';
import type { Draft } from './draft.js';

/**
 * Questions about the business ("Wo finde ich Sie?", "Kann ich mit Karte zahlen?"): answered from its data and
 * nothing else. Where the data has no answer the agent says so and offers the transfer; the booking under way
 * stays where it was, and its last question is asked again.
 */

/** True when the caller's words carry a booking request beside the question ("… und ich hätte gern Freitag um zehn"). */
function carriesMore(f: Facts): boolean {
  return (
    f.serviceIds.length > 0 || f.hasWhen || f.staff !== null || ['book', 'cancel_appointment', 'reschedule_appointment', 'human', 'goodbye'].includes(f.intent)
  );
}

/**
 * A question no topic covers is answered honestly only when the utterance says nothing else the call can act on
 * ("muss ich mir noch überlegen" is an ending, "darf ich fragen, was das kostet" a price question).
 */
function onlyAsks(f: Facts): boolean {
  const c = f.cues;
  return (
    f.intent === 'unknown' &&
    !carriesMore(f) &&
    f.question === null &&
    f.name === null &&
    f.phone === null &&
    f.ordinal === null &&
    !c.ending &&
    !c.personRequest &&
    !c.correction &&
    c.shift === null &&
    c.unknownStaffName === null &&
    !c.callback &&
    !asksForOwnAppointments(f.text)
  );
}

/**
 * Answers a business question, if the utterance asks one. Returns 'done' when the turn is answered, 'go_on' when
 * the rest of the utterance is still to be acted on (the answer was said first), 'none' when there was no question.
 */
export function answerBusiness(d: Draft, f: Facts): 'done' | 'go_on' | 'none' {
  const memory = d.state.memory;
  const offer = memory.transferOffer ?? null;
  if (offer) {
    memory.transferOffer = null;
    // The answer to "Soll ich Sie verbinden?": a no goes back to where the call was.
    if (!f.businessQuestion && !carriesMore(f) && f.intent === 'no') {
      d.say(offer.resume);
      return 'done';
    }
  }
  const question = f.businessQuestion;
  if (!question || (question.kind === 'other' && !onlyAsks(f))) return 'none';
  memory.outcome ??= 'information';
  const answer = answerBusinessQuestion(question, d.directory.business);
  d.say(answer.text);
  if (carriesMore(f)) return 'go_on';
  const resume = resumeLine(d);
  if (answer.kind === 'unknown') {
    if (d.directory.business.transferNumber) {
      memory.transferOffer = { resume };
      d.say(OFFER_TRANSFER_FOR_QUESTION);
    } else {
      d.say(`${ASK_ON_SITE} ${resume}`);
    }
    return 'done';
  }
  d.say(resume);
  return 'done';
}

/** What to ask after the answer: where a booking is under way its last question again, else what else. */
function resumeLine(d: Draft): string {
  const phase = d.step.phase;
  if (phase === 'open') return WHAT_ELSE;
  if (phase === 'anything_else' || phase === 'ended') return ANYTHING_ELSE;
  return d.state.memory.lastLine || WHAT_ELSE;
}

/** Whether a "ja" now answers the offer to transfer (the caller could not get an answer from the data). */
export function acceptsTransfer(d: Draft, f: Facts): boolean {
  return Boolean(d.state.memory.transferOffer) && f.intent === 'yes' && !f.businessQuestion && !carriesMore(f);
}
