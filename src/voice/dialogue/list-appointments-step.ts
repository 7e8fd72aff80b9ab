import { ANYTHING_ELSE, FILLER } from '../../german/speak/lines.js';
import { LIST_NEEDS_CALLING_NUMBER, listAppointments } from '../../german/speak/lines-changes.js';
import { NO_APPOINTMENT } from '../../german/speak/phrase-appointments.js';
import type { FindAppointmentsOutcome } from '../../reception/outcomes.js';
import type { Draft } from './draft.js';

/** "Wann ist mein Termin?": looks up the calling number's upcoming appointments, to read them out. Changes nothing. */
export function listAppointmentsStep(d: Draft): void {
  const phone = d.state.caller.number;
  if (!phone) {
    d.to({ phase: 'anything_else', serviceId: null });
    return d.say(LIST_NEEDS_CALLING_NUMBER);
  }
  d.to({ phase: 'finding', lookup: { for: 'list' } });
  d.run({ operation: 'findAppointments', request: { phone, date: null, time: null } }, FILLER);
}

/** Reads the caller's upcoming appointments out, or says there are none. */
export function answerListLookup(d: Draft, outcome: FindAppointmentsOutcome): void {
  d.state.memory.outcome ??= 'information';
  d.to({ phase: 'anything_else', serviceId: null });
  if (outcome.kind === 'found') return d.say(`${listAppointments(outcome.appointments, d.directory, d.now)} ${ANYTHING_ELSE}`);
  d.say(`${outcome.kind === 'none' ? NO_APPOINTMENT : LIST_NEEDS_CALLING_NUMBER} ${ANYTHING_ELSE}`);
}
