import { recordCallOutcome } from '../../booking/record-call-outcome.js';
import type { DialogueEnv } from './dialogue-env.js';
import { chooseOffer, collect, takeName, takePhone } from './booking-steps.js';
import { cancelStep, rescheduleStep } from './change-steps.js';
import { ANYTHING_ELSE, GOODBYE, NOT_UNDERSTOOD, NO_TRANSFER, TRANSFER, WHAT_ELSE, answerServiceQuestion, openingHours } from '../../german/speak/lines.js';
import type { Facts } from './read-utterance.js';
import type { Turn } from './turn.js';

const EXPLICIT_CANCEL = /\btermin\w*\b.{0,40}\b(absagen|abzusagen|stornier\w*|streichen|canceln)\b|\b(absagen|stornier\w*|streichen|canceln)\b.{0,40}\btermin/;

/** True when the utterance carries something to act on beyond yes/no/bye ("nein, Donnerstag um zehn"). */
function actionable(f: Facts): boolean {
  return f.serviceIds.length > 0 || f.hasWhen || f.staff !== null;
}

/** The dialogue's decision for one caller utterance, by intent first and then by where the call stands. */
export async function handleTurn(t: Turn, f: Facts, env: DialogueEnv): Promise<void> {
  const s = t.state;
  if (f.unintelligible) return t.say(NOT_UNDERSTOOD);
  if (f.intent === 'human') return transfer(t, env);
  if (f.intent === 'repeat') return t.say(s.lastLine || WHAT_ELSE);
  if (f.intent === 'goodbye' && !actionable(f)) return goodbye(t);
  if (f.intent === 'opening_hours' || f.question) s.outcome ??= 'information';
  if (f.intent === 'opening_hours') return t.say(`${openingHours(t.directory)} ${s.phase === 'anything_else' ? ANYTHING_ELSE : ''}`.trim());
  if (f.question) {
    const service = t.directory.services.find((x) => x.id === (f.serviceIds[0] ?? s.serviceId));
    if (!service) return t.say('Für welche Leistung möchten Sie das wissen?');
    if (!s.serviceId) s.serviceId = service.id;
    return t.say(`${answerServiceQuestion(f.question, service)} ${s.phase === 'offered' ? 'Soll ich Ihnen einen der Termine eintragen?' : 'Möchten Sie dafür einen Termin?'}`);
  }
  // While a new booking is being agreed, "da kann ich nicht kommen" declines the offer; only an explicit
  // "Termin absagen" is about an existing appointment.
  const deciding = s.phase === 'offered' || s.phase === 'name' || s.phase === 'phone';
  if (f.intent === 'cancel_appointment' && (!deciding || EXPLICIT_CANCEL.test(f.text.toLowerCase()))) return cancelStep(t, f);
  if (f.intent === 'cancel_appointment' && s.phase === 'offered') return chooseOffer(t, { ...f, intent: 'no' });
  if (f.intent === 'reschedule_appointment' || s.phase === 'reschedule') return rescheduleStep(t, f);

  switch (s.phase) {
    case 'cancel_pick':
      return cancelStep(t, f);
    case 'offered':
      return chooseOffer(t, f);
    case 'name':
      return takeName(t, f);
    case 'phone':
      return takePhone(t, f);
    case 'anything_else':
      if (!actionable(f)) {
        if (f.intent === 'no') return goodbye(t);
        return t.say(WHAT_ELSE);
      }
      // Something new: a second booking starts from a clean wish (name and number stay).
      Object.assign(s, { serviceId: null, staff: null, date: null, time: null, partOfDay: null, earliest: false, offers: [], chosen: null });
      return collect(t, f);
    case 'ended':
      return goodbye(t);
    default:
      return collect(t, f);
  }
}

export function goodbye(t: Turn): void {
  t.state.phase = 'ended';
  // Nothing may cut the goodbye short: an interruption would drop the hang-up with it.
  t.say(GOODBYE, { endCall: true, noInterruptionAllowed: true });
}

async function transfer(t: Turn, env: DialogueEnv): Promise<void> {
  const number = t.directory.business.transferNumber;
  if (!number) return t.say(NO_TRANSFER);
  t.state.outcome = 'transferred';
  t.state.phase = 'ended';
  if (env.callId && t.state.businessId) await recordCallOutcome(env.deps.db, { callId: env.callId, businessId: t.state.businessId, outcome: 'transferred' });
  t.say(TRANSFER, { transferNumber: number, noInterruptionAllowed: true });
}
