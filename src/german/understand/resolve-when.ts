import { DateTime } from 'luxon';
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
  | { kind: 'unreadable'; text: string };

export type WhenOutcome = { kind: 'ok'; when: When } | { kind: 'invalid'; problem: WhenProblem };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const CLOCK = /^(\d{1,2}):(\d{2})( ?uhr)?$/i;

/**
 * Reads `datum` and `uhrzeit` as the agents send them: ISO ("2026-11-24", "14:30", "2026-11-24T14:30") or caller
 * words ("nächsten Dienstag", "halb drei"), relative to `now` in the business's zone. An impossible date
 * ("2026-02-30", "25:00") is an answer, not an exception.
 */
export function resolveWhen(datum: string | undefined, uhrzeit: string | undefined, now: Date, zone: string): WhenOutcome {
  let date: string | null = null;
  let time: string | null = null;
  const words: string[] = [];
  const d = datum?.trim() ?? '';
  const t = uhrzeit?.trim() ?? '';
  const invalid = (problem: WhenProblem): WhenOutcome => ({ kind: 'invalid', problem });

  const dateTime = ISO_DATE_TIME.exec(d);
  if (dateTime) {
    const instant = dateTime[5] ? DateTime.fromISO(d, { setZone: false }).setZone(zone) : DateTime.fromISO(`${dateTime[1]}T${dateTime[2]!.padStart(5, '0')}`, { zone });
    if (!instant.isValid) return invalid({ kind: 'no_such_date', text: d, quoted: true });
    date = instant.toFormat('yyyy-MM-dd');
    time = instant.toFormat('HH:mm');
  } else if (ISO_DATE.test(d)) {
    if (!DateTime.fromISO(d, { zone }).isValid) return invalid({ kind: 'no_such_date', text: d, quoted: false });
    date = d;
  } else if (d) {
    // The date words must name a day (or ask for the earliest one) on their own: a time said with them must not
    // turn an unreadable or impossible date ("30. Februar") into today.
    const reading = parseDateTime(d, { instant: now, zone });
    if (!reading.date && !reading.earliest && !reading.partOfDay) return invalid({ kind: 'unreadable_date', text: d });
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
    date ??= reading.date;
    time ??= reading.time;
    partOfDay = reading.partOfDay;
    earliest = reading.earliest ?? false;
    if (!date && !time && !partOfDay && !earliest) return invalid({ kind: 'unreadable', text: words.join(' ') });
  }
  return { kind: 'ok', when: { date, time, partOfDay, earliest } };
}
