/**
 * Everything one caller sentence says, read once: intent, services, staff, day and time, name, number,
 * question, and which offered option an ordinal picks. The phone conversation and `termin-agent parse` both
 * read through this one function, so a sentence that parses right on the command line reads the same in a call.
 */
import { classifyIntent, type Intent } from './classify-intent.js';
import { detectCorrection } from './detect-correction.js';
import { detectServiceQuestion, type ServiceQuestion } from './detect-service-question.js';
import { extractCallerName, type CallerName } from './extract-caller-name.js';
import { extractPhoneNumber } from './extract-phone-number.js';
import { matchServices, type ServiceEntry, type ServiceMatch } from './match-services.js';
import { matchStaff, type StaffEntry, type StaffMatch } from './match-staff.js';
import { foldedWords } from './normalize.js';
import { readIntroducedName } from './read-booking-cues.js';
import { MONTHS, WEEKDAYS } from './time/lexicon.js';
import { parseDateTime } from './time/parse-date-time.js';
import type { ReferenceInput } from './time/reference.js';
import type { DateTimeReading } from './types.js';

/** The business's names as callers say them. */
export interface UtteranceCatalogue {
  services: readonly ServiceEntry[];
  staff: readonly StaffEntry[];
}

export interface CallerUtterance {
  text: string;
  intent: Intent;
  /** Retell's marker for audio it could not transcribe, or nothing at all. */
  unintelligible: boolean;
  correction: boolean;
  /** Every service named, best first, with its confidence. */
  services: ServiceMatch[];
  /** The services named with enough confidence to act on (a guess is asked about instead). */
  serviceIds: string[];
  staff: StaffMatch;
  when: DateTimeReading;
  /** The sentence names a day, a stretch of days, a time, a part of the day or "so früh wie möglich". */
  hasWhen: boolean;
  name: CallerName | null;
  phone: string | null;
  question: ServiceQuestion | null;
  /**
   * "den ersten", "die zweite", "den letzten": picks an offered option by position (0-based; -1 = the last).
   * Null when the ordinal belongs to something else: a date ("am zweiten Samstag im Januar", "den dritten
   * Dezember"), a count ("noch einen zweiten Termin"), or "zum ersten Mal".
   */
  pick: number | null;
}

/** Below this, a service match is a guess: the agent asks instead of booking the wrong thing. */
const SERVICE_CONFIDENCE = 0.6;

const UNINTELLIGIBLE = /^\s*\(?unintelligible audio\)?\s*$/i;
const PICKS: ReadonlyArray<[ReadonlySet<string>, number]> = [
  [new Set(['erste', 'ersten', 'erster', 'erstes', 'erstem', 'ersteres']), 0],
  [new Set(['zweite', 'zweiten', 'zweiter', 'zweites', 'zweitem']), 1],
  [new Set(['dritte', 'dritten', 'dritter', 'drittes', 'drittem']), 2],
  [new Set(['letzte', 'letzten', 'letzter', 'letztes', 'letztem', 'letzteres']), -1],
];
/** After the ordinal, these make it part of something other than a pick among offers. */
const NOT_A_PICK_AFTER = new Set([
  'termin',
  'termine',
  'mal',
  'freien',
  'freie',
  'moeglichen',
  'moegliche',
  'verfuegbaren',
  'woche',
  'wochenende',
  'weihnachtsfeiertag',
  'weihnachtstag',
  'feiertag',
  'advent',
  'adventssonntag',
  'monat',
  'monats',
  'quartal',
  'person',
  'kind',
  'mitarbeiter',
  'mitarbeiterin',
]);
/**
 * Before the ordinal: "noch einen zweiten" is another one, not the second offer; "am ersten", "bis zum dritten"
 * name a day of the month.
 */
const NOT_A_PICK_BEFORE = new Set(['einen', 'eine', 'ein', 'nen', 'ne', 'noch', 'am', 'zum', 'vom', 'bis', 'ab', 'dem']);
const ARTICLES_OF_DATES = new Set(['den', 'der', 'dem']);
/** Ordinals that also count days of the month; the words after them tell which is meant. */
const DAY_ORDINALS = /^(erst|zweit|dritt|viert|fuenft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwoelft|\w+zehnt|\w*zwanzigst|\w*dreissigst)(e|en|er|es|em)$/;

function pickAt(words: readonly string[]): { pick: number; word: string } | null {
  for (let i = 0; i < words.length; i++) {
    const found = PICKS.find(([forms]) => forms.has(words[i]!));
    if (!found) continue;
    const next = words[i + 1] ?? '';
    if (NOT_A_PICK_AFTER.has(next) || MONTHS.has(next) || WEEKDAYS.has(next) || DAY_ORDINALS.test(next)) return null;
    if (NOT_A_PICK_BEFORE.has(words[i - 1] ?? '')) return null;
    // "Mittwoch, den zweiten": the day of the month that weekday falls on.
    const before = words[i - 1] ?? '';
    if (WEEKDAYS.has(before) || (ARTICLES_OF_DATES.has(before) && WEEKDAYS.has(words[i - 2] ?? ''))) return null;
    return { pick: found[1], word: words[i]! };
  }
  return null;
}

/** "Hier ist Emma Schmidt, bei Fabian bitte": the caller's own name is no staff preference, whoever shares it. */
function withoutIntroducedName(text: string, staff: readonly StaffEntry[]): string {
  const name = readIntroducedName(text, staff);
  const at = name ? text.toLowerCase().indexOf(name.toLowerCase()) : -1;
  return name && at >= 0 ? `${text.slice(0, at)} ${text.slice(at + name.length)}` : text;
}

/** Reads a caller sentence against the business's catalogue, relative to the moment it was said. */
export function readCallerUtterance(text: string, catalogue: UtteranceCatalogue, ref: ReferenceInput): CallerUtterance {
  const words = foldedWords(text);
  const picked = pickAt(words);
  // "den zweiten, bitte" picks an offer: the ordinal is then not also the 2nd of the month.
  const whenText = picked ? text.replace(new RegExp(`(?<![\\p{L}])${picked.word}(?![\\p{L}])`, 'iu'), ' ') : text;
  const when = parseDateTime(whenText, ref);
  const services = matchServices(text, catalogue.services);
  return {
    text,
    intent: classifyIntent(text),
    unintelligible: UNINTELLIGIBLE.test(text) || text.trim() === '',
    correction: detectCorrection(text),
    services,
    serviceIds: services.filter((m) => m.confidence >= SERVICE_CONFIDENCE).map((m) => m.serviceId),
    staff: matchStaff(withoutIntroducedName(text, catalogue.staff), catalogue.staff),
    when,
    hasWhen: when.date !== null || when.period !== undefined || when.time !== null || when.partOfDay !== null || when.earliest === true,
    name: extractCallerName(text),
    phone: extractPhoneNumber(text),
    question: detectServiceQuestion(text),
    pick: picked?.pick ?? null,
  };
}
