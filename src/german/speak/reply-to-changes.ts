import type { Directory } from '../../booking/load-directory.js';
import type { AppointmentRef, CancelOutcome, RescheduleOutcome } from '../../reception/outcomes.js';
import { asSlot, explainUnavailable, offerSlots } from './reply-to-offer.js';
import { speakInstant, speakList, speakStaff } from './speak.js';
import { speakSlot } from './wording.js';

export const NO_APPOINTMENT = 'Unter dieser Nummer finde ich leider keinen anstehenden Termin.';
export const NO_APPOINTMENT_THEN = 'Zu diesem Zeitpunkt finde ich keinen Termin von Ihnen.';

/** "Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma". */
export function speakAppointment(a: AppointmentRef, directory: Directory, now: Date): string {
  const service = directory.services.find((s) => s.id === a.serviceId)?.name ?? 'Ihr Termin';
  const member = directory.staff.find((m) => m.id === a.staffId);
  const when = speakInstant(Date.parse(a.startsAt), directory.business.timeZone, now);
  return member ? `${service} ${when} bei ${speakStaff(member)}` : `${service} ${when}`;
}

/** "Ich finde mehrere Termine: A, B und C. Welchen meinen Sie?" (at most three read out). */
export function askWhichAppointment(appointments: readonly AppointmentRef[], directory: Directory, now: Date): string {
  return `Ich finde mehrere Termine: ${speakList(appointments.slice(0, 3).map((a) => speakAppointment(a, directory, now)), 'und')}. Welchen meinen Sie?`;
}

/** What the agent says after a cancel. */
export function replyToCancel(outcome: CancelOutcome, directory: Directory, now: Date): string {
  return outcome.kind === 'cancelled' ? `Ich habe Ihren Termin abgesagt: ${speakAppointment(outcome.appointment, directory, now)}.` : 'Der Termin konnte leider nicht abgesagt werden.';
}

/** What the agent says after a move: the new time, or why not (the old appointment stays) and what instead. */
export function replyToReschedule(outcome: RescheduleOutcome, staffId: string | null, directory: Directory, now: Date): string {
  switch (outcome.kind) {
    case 'rescheduled': {
      const a = outcome.appointment;
      const service = directory.services.find((s) => s.id === a.serviceId)?.name ?? 'Ihr Termin';
      return `Ich habe Ihren Termin verschoben: ${service} jetzt ${speakSlot(asSlot(a), directory, now)}.`;
    }
    case 'slot_taken':
      return `${explainUnavailable('taken', directory, staffId)} Ihr bisheriger Termin bleibt bestehen. ${offerSlots(outcome.alternatives, directory, now)}`;
    case 'unavailable':
      return `${explainUnavailable(outcome.reason, directory, null)} Ihr bisheriger Termin bleibt bestehen. ${offerSlots(outcome.alternatives, directory, now)}`;
    case 'not_found':
    case 'not_modifiable':
    case 'unknown_staff':
      return 'Der Termin konnte leider nicht verschoben werden.';
  }
}
