import type { Directory } from '../../booking/load-directory.js';
import type { AppointmentRef, CancelOutcome, RescheduleOutcome } from '../../reception/outcomes.js';
import { DateTime } from 'luxon';
import { MONTHS, WEEKDAYS, dative, speakClock, speakInstant, speakList, speakStaff } from './speak.js';
import { spokenServiceName, type ServiceWords } from './speak-service.js';
import { explainReason, explainRefusal, offerAlternatives, speakSlot } from './wording.js';

/** The service's name as written (for data fields); "Termin" for one no longer offered. */
export function serviceNameOf(serviceId: string, directory: Directory): string {
  return directory.services.find((s) => s.id === serviceId)?.name ?? 'Termin';
}

/**
 * The service with the grammar its sentences need ("einen Herrenhaarschnitt"); one no longer offered is "einen
 * Termin".
 */
export function serviceWordsOf(serviceId: string, directory: Directory): ServiceWords {
  return directory.services.find((s) => s.id === serviceId) ?? { name: 'Termin', grammaticalGender: 'm', plural: false };
}

/** The service's name as a voice says it ("Waschen und Föhnen"); "Termin" for one no longer offered. */
function spokenServiceNameOf(serviceId: string, directory: Directory): string {
  return spokenServiceName(serviceNameOf(serviceId, directory));
}

/**
 * "Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma". `dated`: today and tomorrow also get
 * their date ("morgen, am Freitag, dem 20. November, um 10 Uhr"), for a caller who asked when their appointment is
 * and wants to note it down.
 */
export function speakAppointment(a: AppointmentRef, directory: Directory, now: Date, options: { dated?: boolean } = {}): string {
  const member = directory.staff.find((m) => m.id === a.staffId);
  const zone = directory.business.timeZone;
  const when = options.dated ? speakDatedInstant(new Date(a.startsAt), zone, now) : speakInstant(new Date(a.startsAt), zone, now);
  return `${spokenServiceNameOf(a.serviceId, directory)} ${when}${member ? ` bei ${dative(speakStaff(member))}` : ''}`;
}

/** "morgen, am Freitag, dem 20. November, um 10 Uhr"; days further off as `speakInstant` says them. */
function speakDatedInstant(instant: Date, zone: string, now: Date): string {
  const spoken = speakInstant(instant, zone, now);
  const relative = /^(heute|morgen) um /.exec(spoken);
  if (!relative) return spoken;
  const at = DateTime.fromJSDate(instant, { zone });
  return `${relative[1]}, am ${WEEKDAYS[at.weekday]}, dem ${at.day}. ${MONTHS[at.month]}, um ${speakClock(at.hour, at.minute)}`;
}

export const NO_APPOINTMENT = 'Unter dieser Nummer finde ich leider keinen anstehenden Termin.';
export const NO_APPOINTMENT_THEN = 'Zu diesem Zeitpunkt finde ich keinen Termin von Ihnen.';

/** Several appointments fit: name up to three and ask which one. */
export function askWhichAppointment(found: readonly AppointmentRef[], directory: Directory, now: Date): string {
  return `Ich finde mehrere Termine: ${speakList(
    found.slice(0, 3).map((a) => speakAppointment(a, directory, now)),
    'und',
  )}. Welchen meinen Sie?`;
}

/** The answer to a cancellation of `appointment` (as it was found before). */
export function phraseCancel(outcome: CancelOutcome, appointment: AppointmentRef, directory: Directory, now: Date): string {
  return outcome.kind === 'cancelled'
    ? `Ich habe Ihren Termin abgesagt: ${speakAppointment(appointment, directory, now)}.`
    : 'Der Termin konnte leider nicht abgesagt werden.';
}

/** The answer to a move of `previous`; a refused move says that the old appointment stays. */
export function phraseReschedule(outcome: RescheduleOutcome, previous: AppointmentRef, directory: Directory, now: Date, staffName?: string): string {
  switch (outcome.kind) {
    case 'rescheduled':
      return `Ich habe Ihren Termin verschoben: ${spokenServiceNameOf(previous.serviceId, directory)} jetzt ${speakSlot(outcome.appointment, directory, now)}.`;
    case 'slot_taken':
    case 'unavailable': {
      const why =
        outcome.kind === 'slot_taken' ? explainReason('taken', staffName) : explainRefusal(outcome.reason, { directory, now, detail: outcome.detail });
      return `${why} Ihr bisheriger Termin bleibt bestehen. ${offerAlternatives(outcome.alternatives, directory, now)}`;
    }
    case 'not_found':
    case 'not_modifiable':
    case 'unknown_staff':
      return 'Der Termin konnte leider nicht verschoben werden.';
  }
}
