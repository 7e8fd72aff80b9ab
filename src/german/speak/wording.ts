import { DateTime } from 'luxon';
import type { Directory } from '../../booking/load-directory.js';
import type { Unavailable, UnavailableDetail } from '../../reception/outcomes.js';
import { explainClosedDay } from './explain-closed-day.js';
import { dative, type DayWording, speakClock, speakInstant, speakList, speakStaff } from './speak.js';

/** A slot to speak of: who and from when (an ISO instant, epoch milliseconds or a Date). */
export interface SpokenSlot {
  staffId: string;
  startsAt: string | number | Date;
}

const instantOf = (at: string | number | Date): number => (typeof at === 'string' ? new Date(at).getTime() : typeof at === 'number' ? at : at.getTime());

/** "am Dienstag, dem 24. November, um halb drei bei Emma". */
export function speakSlot(slot: SpokenSlot, directory: Directory, now: Date, wording: DayWording = {}): string {
  const member = directory.staff.find((m) => m.id === slot.staffId);
  const when = speakInstant(instantOf(slot.startsAt), directory.business.timeZone, now, wording);
  return member ? `${when} bei ${dative(speakStaff(member))}` : when;
}

/** How an offer is framed: what it is for ("Für einen Herrenhaarschnitt"), and how the caller named the day. */
export interface OfferFraming {
  /** Starts the sentence in place of "Ich": "Für einen Herrenhaarschnitt könnte ich Ihnen …". */
  lead?: string | undefined;
  wording?: DayWording | undefined;
  /** What the agent said last: an offer is never framed, or closed, the same way twice in a row. */
  after?: string | undefined;
}

/**
 * Several slots said as one list, in their order (a caller's "den ersten" must mean the first one said): a day
 * is named once for the times that follow on it ("am Samstag, dem 21. November, um 11 Uhr oder um halb zwölf"),
 * and the staff member once for all when it is the same one (returned apart, to lead the sentence).
 */
function speakSlots(slots: readonly SpokenSlot[], directory: Directory, now: Date, wording: DayWording): { when: string; sameStaff: string | null } {
  const zone = directory.business.timeZone;
  const staffNames = slots.map((s) => directory.staff.find((m) => m.id === s.staffId)).map((m) => (m ? speakStaff(m) : null));
  const sameStaff = slots.length > 1 && staffNames.every((n) => n !== null && n === staffNames[0]) ? staffNames[0]! : null;
  let previousDay = '';
  const items = slots.map((slot, i) => {
    const at = DateTime.fromMillis(instantOf(slot.startsAt), { zone });
    const day = at.toISODate() ?? '';
    const when = day === previousDay ? `um ${speakClock(at.hour, at.minute)}` : speakInstant(at.toMillis(), zone, now, wording);
    previousDay = day;
    return sameStaff || !staffNames[i] ? when : `${when} bei ${dative(staffNames[i])}`;
  });
  return { when: speakList(items), sameStaff };
}

/** Questions that close an offer, by how many slots it has; the offer says which one, so replies vary with it. */
const QUESTIONS: Record<'one' | 'two' | 'more', readonly string[]> = {
  one: ['Passt Ihnen das?', 'Wäre das etwas für Sie?'],
  two: ['Was passt Ihnen besser?', 'Welcher der beiden Termine wäre Ihnen lieber?'],
  more: ['Welcher davon passt Ihnen?', 'Was davon passt Ihnen am besten?'],
};

/**
 * A number that differs between offers but is the same for the same offer, to pick a wording by: a caller who
 * asks again hears another sentence, and a test of the same calendar hears the same one every time.
 */
function variantOf(slots: readonly SpokenSlot[]): number {
  // Half hours, not quarters: most slots start on the hour or the half hour, and each should get its own wording.
  const first = slots[0] ? Math.floor(instantOf(slots[0].startsAt) / (30 * 60_000)) : 0;
  return Math.abs(first + slots.length);
}

/**
 * The offer of other slots, ending with a question: "Ich könnte Ihnen morgen um 10 Uhr bei Emma oder um 11 Uhr
 * bei Fabian anbieten. Was passt Ihnen besser?", "Bei Emma habe ich am Samstag, dem 21. November, um 11 Uhr oder
 * am Dienstag, dem 24. November, um 11 Uhr noch einen Termin frei. Welcher der beiden Termine wäre Ihnen lieber?". The wording
 * changes with the offer (see `variantOf`). Nothing to offer is said as such.
 */
export function offerAlternatives(alternatives: readonly SpokenSlot[], directory: Directory, now: Date, framing: OfferFraming = {}): string {
  if (alternatives.length === 0) return 'In den nächsten Wochen ist dafür leider nichts mehr frei.';
  const { when, sameStaff } = speakSlots(alternatives, directory, now, framing.wording ?? {});
  const variant = variantOf(alternatives);
  const atStaff = sameStaff ? `bei ${dative(sameStaff)}` : '';
  const lead = framing.lead ?? (sameStaff ? `Bei ${dative(sameStaff)}` : '');
  const middle = framing.lead && atStaff ? `${atStaff} ` : '';
  const after = framing.after ?? '';
  // The wording follows the offer; it turns to the other one where the line before already had it.
  const offersFirst = variant % 2 === 0 ? !after.includes(' anbieten.') : after.includes(' noch einen Termin frei.');
  const offer = offersFirst
    ? `${lead ? `${lead} könnte ich Ihnen` : 'Ich könnte Ihnen'} ${middle}${when} anbieten.`
    : `${lead ? `${lead} habe ich` : 'Ich habe'} ${middle}${when} noch einen Termin frei.`;
  const questions = QUESTIONS[alternatives.length === 1 ? 'one' : alternatives.length === 2 ? 'two' : 'more'];
  const pick = Math.floor(variant / 2) % questions.length;
  const question = after.endsWith(questions[pick]!) ? questions[(pick + 1) % questions.length]! : questions[pick]!;
  return `${offer} ${question}`;
}

/**
 * Why the wished time does not work, with what the outcome knows beyond the reason: which day is closed and
 * why ("Sonntags haben wir leider geschlossen.", "Am 25. Dezember ist erster Weihnachtstag, …").
 */
export function explainRefusal(
  reason: Unavailable,
  context: { directory: Directory; now: Date; staffName?: string | undefined; detail?: UnavailableDetail | undefined },
): string {
  const closed = context.detail?.closedDay;
  if (reason === 'closed_day' && closed) return explainClosedDay(closed, context.directory.business.timeZone, context.now);
  return explainReason(reason, context.staffName);
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
