import type { Directory } from '../../booking/load-directory.js';
import type { AppointmentRef, BookOutcome } from '../../reception/outcomes.js';
import { asSlot, explainUnavailable, offerSlots } from './reply-to-offer.js';
import { speakSlot } from './wording.js';

export const PHONE_INVALID = 'Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal sagen?';

/** "Ihr Termin ist eingetragen: Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma." */
export function bookedSentence(appointment: AppointmentRef, directory: Directory, now: Date): string {
  const service = directory.services.find((s) => s.id === appointment.serviceId)?.name ?? '';
  return `Ihr Termin ist eingetragen: ${service} ${speakSlot(asSlot(appointment), directory, now)}.`;
}

/** What the agent says when a booking did not go through: why, and what it can offer instead. */
export function replyToBookingRefused(outcome: Exclude<BookOutcome, { kind: 'booked' }>, staffId: string | null, directory: Directory, now: Date): string {
  switch (outcome.kind) {
    case 'slot_taken':
      return `Das tut mir leid, dieser Termin ist gerade eben vergeben worden. ${offerSlots(outcome.alternatives, directory, now)}`;
    case 'unavailable':
      return `${explainUnavailable(outcome.reason, directory, staffId)} ${offerSlots(outcome.alternatives, directory, now)}`;
    case 'invalid_phone':
      return PHONE_INVALID;
    case 'unknown_service':
    case 'unknown_staff':
      return 'Das konnte ich leider nicht finden.';
    case 'cancelled':
      return 'Dieser Termin wurde inzwischen abgesagt. Soll ich einen neuen suchen?';
    case 'not_modifiable':
      return 'Der Termin konnte leider nicht gebucht werden.';
  }
}

/** The slot a caller agreed to, said back: "Gut, also Herrenhaarschnitt morgen um 10 Uhr bei Emma." */
export function confirmSlot(slot: { staffId: string; startsAt: string }, serviceName: string, directory: Directory, now: Date): string {
  return `Gut, also ${serviceName} ${speakSlot(asSlot(slot), directory, now)}.`;
}
