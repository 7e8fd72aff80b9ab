import type { Directory } from '../../booking/load-directory.js';
import type { Intent } from './classify-intent.js';
import type { ServiceQuestion } from './detect-service-question.js';
import { detectBookingFor, type BookingFor } from './detect-booking-for.js';
import { detectBusinessQuestion, type BusinessQuestion } from './detect-business-question.js';
import { readBookingCues, type BookingCues } from './read-booking-cues.js';
import type { StaffMatch } from './match-staff.js';
import { foldedWords } from './normalize.js';
import { readCallerUtterance } from './read-caller-utterance.js';
import { namesOnlyDayOfMonth } from './time/day-of-month-only.js';
import { namesWeekdayOf } from './time/weekday-named.js';
import type { PartOfDay } from './types.js';

/** Everything one caller utterance says that the conversation may act on: ids from the directory, never words. */
export interface Facts {
  text: string;
  intent: Intent;
  /** Retell heard speech but no words, or nothing was said. */
  unintelligible: boolean;
  /** "Termin absagen" said in so many words (not just "da kann ich nicht kommen"). */
  explicitCancel: boolean;
  /** Services named, best match first (only confident matches). */
  serviceIds: string[];
  staff: { kind: 'named'; staffIds: string[] } | { kind: 'any' } | null;
  /**
   * `period`: a stretch of days said without a day in it ("nächste Woche"); `date` stays null for it. `weekdayNamed`:
   * the day was named by its weekday ("Freitag"), to be said back that way.
   */
  when: {
    date: string | null;
    time: string | null;
    partOfDay: PartOfDay | null;
    earliest: boolean;
    period?: { from: string; to: string } | null;
    weekdayNamed?: boolean;
    /** The day was named by its number alone ("den 24."): its month is a guess. */
    dayOfMonthOnly?: boolean;
  };
  /** The utterance names a day, a time, a part of day or "so früh wie möglich". */
  hasWhen: boolean;
  /** The caller's name as it should be written, when the utterance gives one. */
  name: string | null;
  phone: string | null;
  question: ServiceQuestion | null;
  /** "den ersten", "die zweite", "den letzten": picks an offered option by position (0-based; -1 = last). */
  ordinal: number | null;
  /** What the sentence says about the conversation: endings, corrections, shifts, introductions, person requests. */
  cues: BookingCues;
  /** Whom the booking is for, when the utterance says ("für meine Tochter Lena", "für mich", "für uns beide"). */
  bookingFor: BookingFor | null;
  /** A question about the business itself (address, parking, payment, its own questions), not about booking. */
  businessQuestion: BusinessQuestion | null;
}

const EXPLICIT_CANCEL = /\btermin\w*\b.{0,40}\b(absagen|abzusagen|stornier\w*|streichen|canceln)\b|\b(absagen|stornier\w*|streichen|canceln)\b.{0,40}\btermin/;

/**
 * Reads an utterance against the business's directory, relative to the moment it was said: the one reading that
 * `termin-agent parse` shows too (readCallerUtterance), in the shape the conversation acts on.
 */
export function readUtterance(text: string, directory: Directory, now: Date): Facts {
  const read = readCallerUtterance(text, directory, { instant: now, zone: directory.business.timeZone });
  const cues = readBookingCues(text, directory.staff);
  const staff = read.staff;
  const said = whoAndName(text, notStaff(read.name?.full ?? null, staff, directory));
  return {
    text,
    intent: read.intent,
    unintelligible: read.unintelligible,
    explicitCancel: EXPLICIT_CANCEL.test(text.toLowerCase()),
    serviceIds: read.serviceIds,
    staff: staff === null ? null : staff.kind === 'any' ? { kind: 'any' } : { kind: 'named', staffIds: staff.staffIds },
    when: {
      date: read.when.date,
      time: read.when.time,
      partOfDay: read.when.partOfDay,
      earliest: read.when.earliest === true,
      period: read.when.period ?? null,
      dayOfMonthOnly: read.when.date !== null && namesOnlyDayOfMonth(text),
      weekdayNamed: read.when.date !== null && namesWeekdayOf(text, read.when.date, { instant: now, zone: directory.business.timeZone }),
    },
    hasWhen: read.hasWhen,
    name: said.name,
    phone: read.phone,
    question: read.question,
    ordinal: read.pick,
    cues: theirsOnly(cues, said.bookingFor),
    bookingFor: said.bookingFor,
    businessQuestion: detectBusinessQuestion(text, directory.business.answers.faq),
  };
}

/** "bei Herrn Kretschmer" names the staff member the caller wants, never the caller. */
function notStaff(name: string | null, staff: StaffMatch, directory: Directory): string | null {
  if (!name || staff?.kind !== 'named') return name;
  const staffWords = new Set(
    directory.staff.filter((m) => staff.staffIds.includes(m.id)).flatMap((m) => [m.name, ...m.aliases].flatMap((n) => foldedWords(n))),
  );
  return foldedWords(name).every((w) => staffWords.has(w)) ? null : name;
}

/**
 * The caller's name and whom the booking is for. A name said for someone else ("für meine Tochter, sie heißt Lena
 * Schmidt") is that person's, never the caller's.
 */
function whoAndName(text: string, name: string | null): { name: string | null; bookingFor: BookingFor | null } {
  const bookingFor = detectBookingFor(text);
  if (bookingFor?.kind !== 'other') return { name, bookingFor };
  return { name: null, bookingFor: { ...bookingFor, name: bookingFor.name ?? name } };
}

/** "Für meine Tochter, ihr Name ist Lena": a name introduced for the other person is not the caller's. */
function theirsOnly(cues: BookingCues, bookingFor: BookingFor | null): BookingCues {
  if (bookingFor?.kind !== 'other' || !bookingFor.name || !cues.introducedName) return cues;
  // By the first word: "Hier ist Anna Schmidt, für meine Tochter Lena Schmidt" keeps Anna as the caller.
  const first = (s: string) => s.toLowerCase().split(/\s+/)[0];
  return first(cues.introducedName) === first(bookingFor.name) ? { ...cues, introducedName: null } : cues;
}
