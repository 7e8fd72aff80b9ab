import type { Directory } from '../../booking/load-directory.js';
import { classifyIntent, type Intent } from './classify-intent.js';
import { detectBookingFor, type BookingFor } from './detect-booking-for.js';
import { detectBusinessQuestion, type BusinessQuestion } from './detect-business-question.js';
import { detectServiceQuestion, type ServiceQuestion } from './detect-service-question.js';
import { extractCallerName } from './extract-caller-name.js';
import { extractPhoneNumber } from './extract-phone-number.js';
import { matchServices } from './match-services.js';
import { matchStaff } from './match-staff.js';
import { parseDateTime } from './time/parse-date-time.js';
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
  when: { date: string | null; time: string | null; partOfDay: PartOfDay | null; earliest: boolean };
  /** The utterance names a day, a time, a part of day or "so früh wie möglich". */
  hasWhen: boolean;
  /** The caller's name as it should be written, when the utterance gives one. */
  name: string | null;
  phone: string | null;
  question: ServiceQuestion | null;
  /** "den ersten", "die zweite", "den letzten": picks an offered option by position (0-based; -1 = last). */
  ordinal: number | null;
  /** Whom the booking is for, when the utterance says ("für meine Tochter Lena", "für mich", "für uns beide"). */
  bookingFor: BookingFor | null;
  /** A question about the business itself (address, parking, payment, its own questions), not about booking. */
  businessQuestion: BusinessQuestion | null;
}

const ORDINALS: Array<[RegExp, number]> = [
  [/\b(erste[nmrs]?|ersteres)\b/, 0],
  [/\b(zweite[nmrs]?)\b/, 1],
  [/\b(dritte[nmrs]?)\b/, 2],
  [/\b(letzte[nmrs]?|letzteres)\b/, -1],
];
const UNINTELLIGIBLE = /^\s*\(?unintelligible audio\)?\s*$/i;
const EXPLICIT_CANCEL = /\btermin\w*\b.{0,40}\b(absagen|abzusagen|stornier\w*|streichen|canceln)\b|\b(absagen|stornier\w*|streichen|canceln)\b.{0,40}\btermin/;
/** Service confidence below this is a guess; the agent asks instead of booking the wrong thing. */
const SERVICE_CONFIDENCE = 0.6;

/** Reads an utterance against the business's directory, relative to the moment it was said. */
export function readUtterance(text: string, directory: Directory, now: Date): Facts {
  const reading = parseDateTime(text, { instant: now, zone: directory.business.timeZone });
  const lower = text.toLowerCase();
  const ordinal = ORDINALS.find(([re]) => re.test(lower))?.[1] ?? null;
  const staff = matchStaff(text, directory.staff);
  const when = { date: reading.date, time: reading.time, partOfDay: reading.partOfDay, earliest: reading.earliest === true };
  const said = readWhoAndName(text);
  return {
    text,
    intent: classifyIntent(text),
    unintelligible: UNINTELLIGIBLE.test(text) || text.trim() === '',
    explicitCancel: EXPLICIT_CANCEL.test(lower),
    serviceIds: matchServices(text, directory.services)
      .filter((m) => m.confidence >= SERVICE_CONFIDENCE)
      .map((m) => m.serviceId),
    staff: staff === null ? null : staff.kind === 'any' ? { kind: 'any' } : { kind: 'named', staffIds: staff.staffIds },
    when,
    // "den zweiten" picks an offer; it is not the 2nd of the month.
    hasWhen: ordinal === null && (when.date !== null || when.time !== null || when.partOfDay !== null || when.earliest),
    name: said.name,
    phone: extractPhoneNumber(text),
    question: detectServiceQuestion(text),
    ordinal,
    bookingFor: said.bookingFor,
    businessQuestion: detectBusinessQuestion(text, directory.business.answers.faq),
  };
}

/**
 * The caller's name and whom the booking is for. A name said for someone else ("für meine Tochter, sie heißt Lena
 * Schmidt") is that person's, never the caller's.
 */
function readWhoAndName(text: string): { name: string | null; bookingFor: BookingFor | null } {
  const bookingFor = detectBookingFor(text);
  const name = extractCallerName(text)?.full ?? null;
  if (bookingFor?.kind !== 'other') return { name, bookingFor };
  return { name: null, bookingFor: { ...bookingFor, name: bookingFor.name ?? name } };
}
