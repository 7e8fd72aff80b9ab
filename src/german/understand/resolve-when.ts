import { DateTime } from 'luxon';
import { placeDayInDateWindow, placeInDateWindow, type DateWindowPlace } from '../../date-window.js';
import { parseDateTime } from './time/parse-date-time.js';
import type { PartOfDay } from './types.js';

/** A day and time as the business's local terms, read from a function call's `datum` and `uhrzeit`. */
export interface When {
  date: string | null;
  time: string | null;
  partOfDay: PartOfDay | null;
  earliest: boolean;
}

/** Why `datum`/`uhrzeit` could not be read; `text` is what the agent sent. */
export type WhenProblem =
  | { kind: 'no_such_date'; text: string; quoted: boolean }
  | { kind: 'unreadable_date'; text: string }
  | { kind: 'no_such_time'; text: string }
  | { kind: 'unreadable'; text: string }
  /** A real day, but far outside any booking horizon (years back, or beyond the date window ahead). */
  | { kind: 'outside_date_window'; place: Exclude<DateWindowPlace, 'inside'> };

export type WhenOutcome = { kind: 'ok'; when: When } | { kind: 'invalid'; problem: WhenProblem };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^(\d{1,2}):(\d{2})( ?uhr)?$/i;

/**
 * Reads `datum` and `uhrzeit` as the agents send them: ISO ("2026-11-24", "14:30", "2026-11-24T14:30") or caller
 * words ("nächsten Dienstag", "halb drei"), relative to `now` in the business's zone. An impossible date
 * ("2026-02-30", "25:00") is an answer, not an exception, and so is a year far outside any booking horizon
 * ("0000-01-01", "9999-12-31"): it is refused here, before any arithmetic with it.
 */
export function resolveWhen(datum: string | undefined, uhrzeit: string | undefined, now: Date, zone: string): WhenOutcome {
  let date: string | null = null;
  let time: string | null = null;
  const words: string[] = [];
  const d = datum?.trim() ?? '';
  const t = uhrzeit?.trim() ?? '';
  const invalid = (problem: WhenProblem): WhenOutcome => ({ kind: 'invalid', problem });
  const outside = (place: DateWindowPlace): WhenOutcome | null => (place === 'inside' ? null : invalid({ kind: 'outside_date_window', place }));

  const dateTime = ISO_DATE_TIME.exec(d);
  if (dateTime) {
    const instant = dateTime[5]
      ? DateTime.fromISO(d, { setZone: false }).setZone(zone)
      : DateTime.fromISO(`${dateTime[1]}T${dateTime[2]!.padStart(5, '0')}`, { zone });
    if (!instant.isValid) return invalid({ kind: 'no_such_date', text: d, quoted: true });
    const far = outside(placeInDateWindow(instant.toMillis(), now));
    if (far) return far;
    date = instant.toFormat('yyyy-MM-dd');
    time = instant.toFormat('HH:mm');
  } else if (ISO_DATE.test(d)) {
    const far = outside(placeDayInDateWindow(d, now));
    if (far) return far;
    if (!DateTime.fromISO(d, { zone }).isValid) return invalid({ kind: 'no_such_date', text: d, quoted: false });
    date = d;
  } else if (d) {
    // The date words must name a day (or ask for the earliest one) on their own: a time said with them must not
    // turn an unreadable or impossible date ("30. Februar") into today.
    const reading = parseDateTime(d, { instant: now, zone });
    if (!reading.date && !reading.period && !reading.earliest && !reading.partOfDay) return invalid({ kind: 'unreadable_date', text: d });
    words.push(d);
  }

  const clock = CLOCK.exec(t);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    if (hour > 23 || minute > 59) return invalid({ kind: 'no_such_time', text: t });
    time = `${String(hour).padStart(2, '0')}:${clock[2]}`;
  } else if (t) {
    words.push(t);
  }

  let partOfDay: PartOfDay | null = null;
  let earliest = false;
  if (words.length > 0) {
    const reading = parseDateTime(words.join(' '), { instant: now, zone });
    // A function call searches: "nächste Woche" looks from the first day of that week on, and the agent offers
    // what it finds (an offer is a question to the caller, not a booking of a day they did not name).
    date ??= reading.date ?? reading.period?.from ?? null;
    time ??= reading.time;
    partOfDay = reading.partOfDay;
    earliest = reading.earliest ?? false;
    if (!date && !time && !partOfDay && !earliest) return invalid({ kind: 'unreadable', text: words.join(' ') });
    // Words can name a far year too ("am 31.12.9999").
    const far = date ? outside(placeDayInDateWindow(date, now)) : null;
    if (far) return far;
  }
  return { kind: 'ok', when: { date, time, partOfDay, earliest } };
}
