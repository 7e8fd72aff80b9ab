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

/** What a function is for, which decides how a missing day or time is asked for. */
export type FunctionPurpose = 'offer' | 'book' | 'cancel' | 'move';

/**
 * The question for what a function call lacks (or sent unreadable), as a receptionist asks it: the first missing
 * thing in the order of a booking (service, day and time, name, number), never the argument's name. The agent says
 * the answer to the caller as it is, so "Bitte geben Sie uhrzeit an" would be read out; the names stay in `fields`.
 */
export function askForMissing(purpose: FunctionPurpose, fields: readonly string[]): string {
  const lacks = (field: string) => fields.includes(field);
  if (lacks('dienstleistung')) return 'Für welche Leistung möchten Sie einen Termin?';
  const day = lacks('datum');
  const time = lacks('uhrzeit');
  if (day || time) return askDayOrTime(purpose, day, time);
  if (lacks('alter_termin')) return 'Welchen Ihrer Termine meinen Sie?';
  if (lacks('mitarbeiter')) return 'Bei wem möchten Sie den Termin?';
  if (lacks('name')) return 'Auf welchen Namen darf ich den Termin eintragen?';
  if (lacks('telefon')) return ASK_PHONE_FOR_BOOKING;
  return 'Entschuldigung, das habe ich nicht ganz verstanden. Worum geht es?';
}

function askDayOrTime(purpose: FunctionPurpose, day: boolean, time: boolean): string {
  const what = day && time ? 'welchen Tag und welche Uhrzeit' : day ? 'welchen Tag' : 'welche Uhrzeit';
  switch (purpose) {
    case 'move':
      return `Auf ${what} soll ich den Termin verschieben?`;
    case 'cancel':
      return day ? 'An welchem Tag ist der Termin, den Sie absagen möchten?' : 'Um welche Uhrzeit ist der Termin, den Sie absagen möchten?';
    case 'offer':
    case 'book':
      if (day && time) return 'Für welchen Tag und welche Uhrzeit möchten Sie den Termin?';
      return day ? 'Für welchen Tag möchten Sie den Termin?' : 'Um welche Uhrzeit möchten Sie den Termin?';
  }
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
