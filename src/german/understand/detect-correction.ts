/**
 * Corrections: "nein, lieber Donnerstag", "doch lieber …", "nicht Dienstag sondern Mittwoch",
 * "ach nee, …". The dialogue replaces only the facts the correction names (a new day keeps the
 * agreed time). Which facts those are comes from re-reading the text with parseDateTime:
 * `readCorrection` does exactly that and returns only the non-empty fields.
 */
import { fold, foldedWords } from './normalize.js';
import { parseDateTime } from './time/parse-date-time.js';
import type { ReferenceInput } from './time/reference.js';
import type { DateTimeReading, ParseOptions, PartOfDay } from './types.js';
import { HABITUAL_WEEKDAYS, MONTHS, PARTS_OF_DAY, WEEKDAYS } from './time/lexicon.js';
import { cardinalValue, ordinalValue } from './numbers.js';

const STRONG =
  /\b(doch lieber|lieber doch|doch eher|doch besser|doch nicht|ach (nee|nein|ne|noe)|ich mein(e|te)|meinte ich|korrektur|quatsch|vielmehr|stattdessen|statt dessen|anstatt|statt|sondern|nicht \w+,? sondern|verbesserung|verwechselt|verhoert|versprochen)\b/;
const NO_WORD = /^\W*(nein|nee|ne|noe|nicht)\b/;
const PREFERENCE = /\b(lieber|besser|eher)\b(?! nicht)/;
/** Content that makes a "nein, …" a correction rather than a plain refusal. */
const FACT_WORDS = new Set([
  'am',
  'um',
  'den',
  'der',
  'bei',
  'lieber',
  'besser',
  'eher',
  'doch',
  'morgen',
  'uebermorgen',
  'heute',
  'naechste',
  'naechsten',
  'kommende',
  'kommenden',
  'halb',
  'viertel',
  'dreiviertel',
  'uhr',
  'woche',
  'frueher',
  'spaeter',
  'vormittags',
  'nachmittags',
]);

function carriesFact(words: readonly string[]): boolean {
  return words.some(
    (w) =>
      FACT_WORDS.has(w) ||
      WEEKDAYS.has(w) ||
      HABITUAL_WEEKDAYS.has(w) ||
      MONTHS.has(w) ||
      PARTS_OF_DAY.has(w) ||
      /^\d/.test(w) ||
      cardinalValue(w) !== null ||
      ordinalValue(w) !== null,
  );
}

/** "Moment, …", "halt, …", "oh, …": a caller stopping the agent; a correction when a day or time follows. */
const STOP_WORD = /^\W*(moment|halt|stopp?|ach|oh|aeh|aehm|aeh)\b/;
/** Words that name a day or a time, unlike the articles and prepositions that also come with one. */
const WHEN_WORDS = new Set([
  'halb',
  'viertel',
  'dreiviertel',
  'uhr',
  'morgen',
  'uebermorgen',
  'heute',
  'frueher',
  'spaeter',
  'vormittags',
  'nachmittags',
  'abends',
  'mittags',
  'woche',
]);

function carriesWhen(words: readonly string[]): boolean {
  return words.some(
    (w) =>
      WHEN_WORDS.has(w) || WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w) || PARTS_OF_DAY.has(w) || /^\d/.test(w) || cardinalValue(w) !== null,
  );
}

/** True when the caller corrects something said before rather than answering anew. */
export function detectCorrection(text: string): boolean {
  const t = fold(text);
  if (STRONG.test(t)) return true;
  const words = foldedWords(text);
  if (NO_WORD.test(t)) return carriesFact(words.slice(1));
  // "Moment, doch halb fünf", "oh, halt, Freitag": stopping the agent with a day or time is a correction.
  if (STOP_WORD.test(t) && carriesWhen(words.slice(1))) return true;
  // "doch um elf", "doch Freitag": "doch" before a day or time takes back what was on the table ("ja doch" does not).
  const doch = words.indexOf('doch');
  if (doch >= 0 && words[doch - 1] !== 'ja' && carriesWhen(words.slice(doch + 1, doch + 3))) return true;
  // "Dienstag, lieber Mittwoch": a preference after something was already named.
  const pref = PREFERENCE.exec(t);
  return pref !== null && pref.index > 0 && carriesFact(foldedWords(t.slice(0, pref.index)));
}

export interface CorrectionFacts {
  date?: string;
  time?: string;
  partOfDay?: PartOfDay;
}

/** Whether the text is a correction, and the date/time facts it carries (only those to replace). */
export function readCorrection(
  text: string,
  ref: ReferenceInput,
  options: ParseOptions = {},
): { isCorrection: boolean; replaces: CorrectionFacts; reading: DateTimeReading } {
  const reading = parseDateTime(text, ref, options);
  const replaces: CorrectionFacts = {};
  if (reading.date !== null) replaces.date = reading.date;
  if (reading.time !== null) replaces.time = reading.time;
  if (reading.partOfDay !== null) replaces.partOfDay = reading.partOfDay;
  return { isCorrection: detectCorrection(text), replaces, reading };
}
