import type { Directory } from '../../booking/load-directory.js';
import type { AppointmentRef } from '../../reception/outcomes.js';
import { speakAppointment } from './phrase-appointments.js';
import { dative, speakInstant, speakList, speakStaff } from './speak.js';

// What the agent says about the caller's own appointments: reading them out, asking before a change, refusing a
// change to someone else's.

/** "am Dienstag, dem 24. November, um 10 Uhr bei Fabian": an appointment by its day, time and staff member. */
function whenAndWho(a: { startsAt: string; staffId: string }, directory: Directory, now: Date): string {
  const member = directory.staff.find((m) => m.id === a.staffId);
  const when = speakInstant(new Date(a.startsAt), directory.business.timeZone, now);
  return member ? `${when} bei ${dative(speakStaff(member))}` : when;
}

/** "am Donnerstag, dem 26. November, um 11 Uhr" → "auf Donnerstag, den 26. November, um 11 Uhr" (the accusative of a move). */
function onto(when: string): string {
  return when.startsWith('am ') ? `auf ${when.slice(3).replace(', dem ', ', den ')}` : `auf ${when}`;
}

/** "Soll ich Ihren Termin am Dienstag, dem 24. November, um halb drei bei Emma absagen?" */
export function confirmCancel(a: AppointmentRef, directory: Directory, now: Date): string {
  return `Soll ich Ihren Termin ${whenAndWho(a, directory, now)} absagen?`;
}

/** "Soll ich Ihren Termin am Dienstag, … bei Emma auf Donnerstag, den 26. November, um 11 Uhr verschieben?" */
export function confirmMove(a: AppointmentRef, startsAt: string, staffId: string | null, directory: Directory, now: Date): string {
  const member = staffId ? directory.staff.find((m) => m.id === staffId) : undefined;
  const target = onto(speakInstant(new Date(startsAt), directory.business.timeZone, now));
  return `Soll ich Ihren Termin ${whenAndWho(a, directory, now)} ${target}${member ? ` zu ${dative(speakStaff(member))}` : ''} verschieben?`;
}

/** The caller's answer to a read-back was neither yes nor no. */
export function confirmCancelAgain(a: AppointmentRef, directory: Directory, now: Date): string {
  return `Entschuldigung, nur damit ich nichts Falsches tue: ${confirmCancel(a, directory, now)} Bitte sagen Sie ja oder nein.`;
}

export function confirmMoveAgain(a: AppointmentRef, startsAt: string, staffId: string | null, directory: Directory, now: Date): string {
  return `Entschuldigung, nur damit ich nichts Falsches tue: ${confirmMove(a, startsAt, staffId, directory, now)} Bitte sagen Sie ja oder nein.`;
}

const COUNT_WORDS = ['keinen', 'einen', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn'];

/** "Sie haben einen Termin: Herrenhaarschnitt am Dienstag, …" / "Sie haben zwei Termine: … und …". At most three named. */
export function listAppointments(found: readonly AppointmentRef[], directory: Directory, now: Date): string {
  const named = found.slice(0, 3).map((a) => speakAppointment(a, directory, now, { dated: true }));
  const count = COUNT_WORDS[found.length] ?? String(found.length);
  const more =
    found.length > 3 ? `, und dazu noch ${COUNT_WORDS[found.length - 3] ?? String(found.length - 3)} ${found.length - 3 === 1 ? 'weiteren' : 'weitere'}` : '';
  return found.length === 1 ? `Sie haben einen Termin bei uns: ${named[0]}.` : `Sie haben ${count} Termine bei uns: ${speakList(named, 'und')}${more}.`;
}

/** Someone else's appointment: the caller learns why not and what to do instead. */
export function refuseOtherPersonsChange(canTransfer: boolean): string {
  const why =
    'Termine kann ich nur für die Nummer ansehen oder ändern, von der Sie gerade anrufen. Am einfachsten ist es, wenn die Person selbst kurz bei uns anruft.';
  return canTransfer ? `${why} Oder soll ich Sie mit einer Kollegin im Salon verbinden?` : `${why} Kann ich sonst noch etwas für Sie tun?`;
}

/** A just-made booking rejected with a new time: it is moved, never booked twice. */
export const MOVE_JUST_BOOKED = 'Kein Problem, dann verlege ich den Termin.';
/** A just-made booking rejected without a new time. */
export const ASK_INSTEAD_OF_BOOKED = 'Kein Problem. Auf wann soll ich den Termin stattdessen legen? Oder möchten Sie ihn lieber ganz absagen?';

/** A rejected booking the caller gives up: it is cancelled, and the caller is told first. */
export function dropRejected(a: AppointmentRef, directory: Directory, now: Date): string {
  return `In Ordnung, dann sage ich den Termin ${whenAndWho(a, directory, now)} wieder ab.`;
}

/** The read-back got a no: nothing changes. */
export const KEEP_APPOINTMENT = 'Gut, dann bleibt Ihr Termin, wie er ist.';
/** The refusal offered the transfer and the caller does not want it. */
export const NO_TRANSFER_WANTED = 'Gut. Kann ich sonst noch etwas für Sie tun?';
/** A call without a number cannot have its appointments read out. */
export const LIST_NEEDS_CALLING_NUMBER =
  'Ohne Ihre Rufnummer kann ich leider keine Termine nachsehen. Wenn Sie von der Nummer anrufen, unter der Sie gebucht haben, sage ich sie Ihnen gern.';
