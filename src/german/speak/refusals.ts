import type { Directory } from '../../booking/load-directory.js';
import type { WhenProblem } from '../understand/resolve-when.js';
import { speakList, speakStaff } from './speak.js';
import { spokenServiceName } from './speak-service.js';
import { explainReason } from './wording.js';

// What the function endpoints answer when a request cannot even be asked of the reception.

export const UNKNOWN_BUSINESS = 'Dieser Betrieb ist mir leider nicht bekannt.';
export const BOOKING_NEEDS_DAY_AND_TIME = 'Für die Buchung brauche ich den Tag und die Uhrzeit.';
export const MOVE_NEEDS_DAY_AND_TIME = 'Auf welchen Tag und welche Uhrzeit soll ich den Termin verschieben?';
export const NO_SUCH_INSTANT = 'Diesen Zeitpunkt gibt es leider nicht.';
export const ASK_PHONE_FOR_BOOKING = 'Unter welcher Telefonnummer erreichen wir Sie?';
/** Changes are made only for the number a call comes from; without one a colleague has to help. */
export const CHANGES_NEED_CALLING_NUMBER =
  'Termine kann ich nur für die Nummer ändern, von der Sie anrufen. Bitte rufen Sie von dieser Nummer an, oder eine Kollegin hilft Ihnen gern weiter.';
export const PHONE_NOT_UNDERSTOOD = 'Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal sagen?';

/** "Da fehlt mir noch etwas: uhrzeit, name." (the argument names, as the agent knows them). */
export function missingArguments(fields: readonly string[]): string {
  return `Da fehlt mir noch etwas: ${fields.join(', ')}.`;
}

/** Why `datum`/`uhrzeit` could not be read, quoting what was sent. */
export function explainWhenProblem(problem: WhenProblem): string {
  switch (problem.kind) {
    case 'no_such_date':
      return problem.quoted ? `Das Datum "${problem.text}" gibt es nicht.` : `Das Datum ${problem.text} gibt es nicht.`;
    case 'unreadable_date':
      return `Ich habe "${problem.text}" nicht als Datum verstanden.`;
    case 'no_such_time':
      return `Die Uhrzeit ${problem.text} gibt es nicht.`;
    case 'unreadable':
      return `Ich habe "${problem.text}" nicht als Datum oder Uhrzeit verstanden.`;
    case 'outside_date_window':
      return explainReason(problem.place === 'before' ? 'past' : 'beyond_horizon');
  }
}

/** A staff member nobody here is called; with the team when asking for an offer. */
export function unknownStaff(name: string | undefined, directory?: Directory): string {
  const sentence = `Eine Person namens ${name} arbeitet bei uns nicht.`;
  return directory ? `${sentence} Bei uns arbeiten ${speakList(directory.staff.map(speakStaff), 'und')}.` : sentence;
}

/** "Meinen Sie Damenhaarschnitt oder Herrenhaarschnitt?" */
export function askWhichService(names: readonly string[]): string {
  return `Meinen Sie ${speakList(names.map((n) => spokenServiceName(n)))}?`;
}

/** A service we do not offer, with what we do. */
export function serviceNotOffered(directory: Directory): string {
  return `Das bieten wir leider nicht an. Bei uns gibt es ${speakList(
    directory.services.map((s) => spokenServiceName(s)),
    'und',
  )}.`;
}
