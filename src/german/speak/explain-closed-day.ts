import { DateTime } from 'luxon';
import type { ClosedDay } from '../../reception/outcomes.js';
import { forSpeech } from './for-speech.js';
import { capitalise, daysFrom, MONTHS, WEEKDAYS } from './speak.js';

/** "montags", "sonntags": the weekday as the adverb of a habit. */
const weekdayAdverb = (weekday: number) => `${(WEEKDAYS[weekday] ?? '').toLowerCase()}s`;
const ORDINALS = ['', 'erster', 'zweiter', 'dritter', 'vierter', 'fünfter'];

/**
 * A holiday's name as said after "ist", without an article: "1. Weihnachtstag" → "erster Weihnachtstag" (a
 * voice would say "eins Punkt"), "Tag der Deutschen Einheit", "Neujahr".
 */
export function speakHolidayName(name: string): string {
  return forSpeech(name.replace(/^(\d)\.\s*/, (match, digit: string) => (ORDINALS[Number(digit)] ? `${ORDINALS[Number(digit)]} ` : match)));
}

/**
 * A reason staff typed for a closure fits "wegen …" only as a short noun phrase ("Betriebsurlaub", "Inventur",
 * "Fortbildung"); a whole sentence or a note does not, and is left out rather than read out half-fitting.
 */
function fitsWegen(reason: string): boolean {
  return /^\p{Lu}[\p{L}-]*(\s[\p{L}-]+){0,2}$/u.test(reason.trim());
}

/**
 * Which day is closed, and why, said the way a receptionist says it:
 * - the weekly day off: "Sonntags haben wir leider geschlossen." — today: "Heute haben wir leider geschlossen,
 *   montags ist bei uns Ruhetag." — tomorrow: "Morgen ist Montag, da haben wir leider geschlossen.";
 * - a public holiday: "Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen." ("Heute ist …");
 * - a closure: "Am Dienstag, dem 14. Juli, haben wir wegen Betriebsurlaub geschlossen." (without a fitting
 *   reason: "… haben wir leider geschlossen.").
 */
export function explainClosedDay(closed: ClosedDay, zone: string, now: Date): string {
  const day = DateTime.fromISO(closed.date, { zone });
  const offset = daysFrom(DateTime.fromJSDate(now, { zone }), day);
  const relative = offset === 0 ? 'Heute' : offset === 1 ? 'Morgen' : null;
  const weekday = WEEKDAYS[closed.weekday] ?? '';
  switch (closed.cause) {
    case 'weekday':
      if (offset === 0) return `Heute haben wir leider geschlossen, ${weekdayAdverb(closed.weekday)} ist bei uns Ruhetag.`;
      if (offset === 1) return `Morgen ist ${weekday}, da haben wir leider geschlossen.`;
      return `${capitalise(weekdayAdverb(closed.weekday))} haben wir leider geschlossen.`;
    case 'holiday':
      return `${relative ?? `Am ${day.day}. ${MONTHS[day.month]}`} ist ${speakHolidayName(closed.name)}, da haben wir geschlossen.`;
    case 'closure': {
      const why = closed.reason && fitsWegen(closed.reason) ? `wegen ${forSpeech(closed.reason)}` : 'leider';
      return `${relative ?? `Am ${weekday}, dem ${day.day}. ${MONTHS[day.month]},`} haben wir ${why} geschlossen.`;
    }
  }
}
