import { DateTime } from 'luxon';
import { forSpeech } from './for-speech.js';

export { speakDuration } from './speak-duration.js';

const HOUR_WORDS = ['zwölf', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
export const WEEKDAYS = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
export const MONTHS = ['', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

const hourWord = (h: number) => HOUR_WORDS[h % 12] ?? String(h);

/**
 * A clock time the way a German receptionist says it: "14 Uhr", "halb drei", "Viertel nach zehn",
 * "Viertel vor elf", "14 Uhr 10". Half and quarter hours use the twelve-hour words, as people do;
 * the day and the opening hours make morning or afternoon obvious.
 */
export function speakClock(hour: number, minute: number): string {
  if (minute === 0) return `${hour} Uhr`;
  if (minute === 30) return `halb ${hourWord(hour + 1)}`;
  if (minute === 15) return `Viertel nach ${hourWord(hour)}`;
  if (minute === 45) return `Viertel vor ${hourWord(hour + 1)}`;
  return `${hour} Uhr ${minute}`;
}

/** How the caller named the day, so that it is said back the same way. */
export interface DayWording {
  /** The caller named the weekday ("Donnerstag"): "am Donnerstag" rather than "morgen" or a date, within a week. */
  weekdayNamed?: boolean | undefined;
  /** The local day (YYYY-MM-DD) the caller named by its weekday: other days are said as usual. Absent: any day. */
  day?: string | undefined;
  /** The weekday with its date ("am Freitag, dem 20. November"): a booking's read-back, the day to remember. */
  withDate?: boolean | undefined;
}

/** Whole local days from `reference`'s day to `at`'s day (negative in the past). */
export function daysFrom(reference: DateTime, at: DateTime): number {
  return Math.round(at.startOf('day').diff(reference.setZone(at.zone).startOf('day'), 'days').days);
}

/**
 * "heute", "morgen", else "am Dienstag, dem 24. November" (the year only when it is not this one). Only today and
 * tomorrow are said relative to today: "übermorgen" makes a listener count, and a caller who said "Donnerstag"
 * should hear "Donnerstag". With `weekdayNamed` a day within the coming week is just "am Donnerstag" (tomorrow too:
 * the caller's word, not "morgen"), or "am Donnerstag, dem 26. November" `withDate`.
 */
export function speakDay(at: DateTime, reference: DateTime, wording: DayWording = {}): string {
  const days = daysFrom(reference, at);
  if (days === 0) return 'heute';
  const named = wording.weekdayNamed === true && days > 0 && (wording.day === undefined || wording.day === at.toISODate());
  if (named && days < 7 && !wording.withDate) return `am ${WEEKDAYS[at.weekday]}`;
  if (days === 1 && !named) return 'morgen';
  const year = at.year === reference.year ? '' : ` ${at.year}`;
  return `am ${WEEKDAYS[at.weekday]}, dem ${at.day}. ${MONTHS[at.month]}${year}`;
}

/** "am Dienstag, dem 24. November, um halb drei" / "morgen um 10 Uhr" / "am Donnerstag um 10 Uhr". */
export function speakInstant(instant: Date | number, zone: string, reference: Date | number, wording: DayWording = {}): string {
  const at = DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone });
  const ref = DateTime.fromMillis(typeof reference === 'number' ? reference : reference.getTime(), { zone });
  const day = speakDay(at, ref, wording);
  const clock = speakClock(at.hour, at.minute);
  return day.includes(',') ? `${day}, um ${clock}` : `${day} um ${clock}`;
}

/** The name a caller uses for a staff member: the first spoken alias, else the first name (titles left out). */
export function speakStaff(member: { name: string; aliases: string[] }): string {
  const alias = member.aliases[0];
  if (alias) return forSpeech(alias);
  const first = member.name.split(/\s+/).find((word) => word !== '' && !word.endsWith('.'));
  return forSpeech(first ?? member.name);
}

/** A staff member's spoken name after bei, zu or mit: "bei Herrn Hoffmann" ("Frau" and first names stay as they are). */
export function dative(spokenName: string): string {
  return spokenName.replace(/^Herr(?= )/, 'Herrn');
}

/**
 * "A", "A oder B", "A, B oder C". When the last item holds an "und" itself ("Waschen und Föhnen"), a list joined by
 * "und" ends with "sowie", so the listener still hears where one item ends.
 */
export function speakList(items: string[], conjunction = 'oder'): string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  const joiner = conjunction === 'und' && /\bund\b/.test(last) ? 'sowie' : conjunction;
  return `${items.slice(0, -1).join(', ')} ${joiner} ${last}`;
}

/** "49 Euro", "29 Euro 50" (as it is said, not "29 Komma 50"). */
export function speakPrice(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `${euros} Euro` : `${euros} Euro ${rest}`;
}

/** The first letter upper case, for a phrase that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
