import type { Directory } from '../../booking/load-directory.js';
import {
  classifyIntent,
  detectCorrection,
  detectServiceQuestion,
  extractCallerName,
  extractPhoneNumber,
  matchServices,
  matchStaff,
  parseDateTime,
  type CallerName,
  type DateTimeReading,
  type Intent,
  type ServiceQuestion,
} from '../../german/understand/index.js';

/** Everything one caller utterance says that the dialogue may act on. */
export interface Facts {
  text: string;
  intent: Intent;
  unintelligible: boolean;
  correction: boolean;
  serviceIds: string[];
  staff: { kind: 'named'; staffIds: string[] } | { kind: 'any' } | null;
  when: DateTimeReading;
  hasWhen: boolean;
  name: CallerName | null;
  phone: string | null;
  question: ServiceQuestion | null;
  /** "den ersten", "die zweite", "den letzten": picks an offered option by position (0-based; -1 = last). */
  ordinal: number | null;
}

const ORDINALS: Array<[RegExp, number]> = [
  [/\b(erste[nmrs]?|ersteres)\b/, 0],
  [/\b(zweite[nmrs]?)\b/, 1],
  [/\b(dritte[nmrs]?)\b/, 2],
  [/\b(letzte[nmrs]?|letzteres)\b/, -1],
];
const UNINTELLIGIBLE = /^\s*\(?unintelligible audio\)?\s*$/i;
/** Service confidence below this is a guess; the agent asks instead of booking the wrong thing. */
const SERVICE_CONFIDENCE = 0.6;

/** Reads an utterance against the business's directory, relative to the moment it was said. */
export function readUtterance(text: string, directory: Directory, now: Date): Facts {
  const when = parseDateTime(text, { instant: now, zone: directory.business.timeZone });
  const lower = text.toLowerCase();
  const ordinal = ORDINALS.find(([re]) => re.test(lower))?.[1] ?? null;
  const staff = matchStaff(text, directory.staff);
  return {
    text,
    intent: classifyIntent(text),
    unintelligible: UNINTELLIGIBLE.test(text) || text.trim() === '',
    correction: detectCorrection(text),
    serviceIds: matchServices(text, directory.services)
      .filter((m) => m.confidence >= SERVICE_CONFIDENCE)
      .map((m) => m.serviceId),
    staff: staff === null ? null : staff.kind === 'any' ? { kind: 'any' } : { kind: 'named', staffIds: staff.staffIds },
    when,
    // "den zweiten" picks an offer; it is not the 2nd of the month.
    hasWhen: ordinal === null && (when.date !== null || when.time !== null || when.partOfDay !== null || when.earliest === true),
    name: extractCallerName(text),
    phone: extractPhoneNumber(text),
    question: detectServiceQuestion(text),
    ordinal,
  };
}
