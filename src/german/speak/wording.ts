import type { Directory } from '../../booking/load-directory.js';
import type { Unavailable } from '../../reception/outcomes.js';
import { speakInstant, speakList, speakStaff } from './speak.js';

/** A slot to speak of: who and from when (an ISO instant, epoch milliseconds or a Date). */
export interface SpokenSlot {
  staffId: string;
  startsAt: string | number | Date;
}

const instantOf = (at: string | number | Date): number | Date => (typeof at === 'string' ? new Date(at) : at);

/** "am Dienstag, dem 24. November, um halb drei bei Emma". */
export function speakSlot(slot: SpokenSlot, directory: Directory, now: Date): string {
  const member = directory.staff.find((m) => m.id === slot.staffId);
  const when = speakInstant(instantOf(slot.startsAt), directory.business.timeZone, now);
  return member ? `${when} bei ${speakStaff(member)}` : when;
}

/** "Ich könnte Ihnen morgen um 10 Uhr bei Emma oder um 11 Uhr bei Fabian anbieten." */
export function offerAlternatives(alternatives: readonly SpokenSlot[], directory: Directory, now: Date): string {
  if (alternatives.length === 0) return 'In den nächsten Wochen ist dafür leider nichts mehr frei.';
  return `Ich könnte Ihnen ${speakList(alternatives.map((a) => speakSlot(a, directory, now)))} anbieten.`;
}

/** Why the wished time does not work, said politely. */
export function explainReason(reason: Unavailable | 'unknown_service' | 'unknown_staff' | 'invalid_wish', staffName?: string): string {
  switch (reason) {
    case 'taken':
      return staffName ? `Zu der Zeit ist ${staffName} leider schon ausgebucht.` : 'Zu der Zeit ist leider schon alles belegt.';
    case 'outside_opening_hours':
      return 'Zu der Zeit haben wir leider nicht geöffnet.';
    case 'closed_day':
      return 'An dem Tag haben wir leider geschlossen.';
    case 'staff_absent':
      return staffName ? `${staffName} ist an dem Tag leider nicht da.` : 'An dem Tag ist leider niemand da.';
    case 'staff_does_not_offer_service':
      return staffName ? `Das macht ${staffName} leider nicht.` : 'Das bietet die Kollegin leider nicht an.';
    case 'too_soon':
      return 'So kurzfristig kann ich leider keinen Termin mehr vergeben.';
    case 'beyond_horizon':
      return 'So weit im Voraus kann ich leider noch keine Termine vergeben.';
    case 'past':
      return 'Der Zeitpunkt liegt leider schon in der Vergangenheit.';
    case 'no_time_given':
      return 'Welche Uhrzeit wäre Ihnen recht?';
    case 'not_on_slot_grid':
      return 'Termine beginnen bei uns immer zur vollen Viertelstunde.';
    case 'time_does_not_exist':
      return 'Diese Uhrzeit gibt es in der Nacht der Zeitumstellung nicht.';
    case 'unknown_service':
      return 'Diese Leistung bieten wir leider nicht an.';
    case 'unknown_staff':
      return 'Eine Mitarbeiterin mit diesem Namen kenne ich leider nicht.';
    case 'invalid_wish':
      return 'Das Datum oder die Uhrzeit habe ich leider nicht verstanden.';
  }
}
