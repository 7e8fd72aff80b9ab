import { DAY_MS } from './clock.js';

/**
 * The days a request may name at all, checked at the edges before any date arithmetic. Far outside it, adding a
 * search window or a time zone to an instant leaves what JavaScript dates and Postgres timestamps can hold
 * (years 0000 and 10000, "time zone displacement out of range"). The window is much wider than any booking
 * horizon, so inside it the booking rules give the real answer (too soon, past, beyond the horizon).
 */

/** A year back: "the appointment last Tuesday" is a question, last century is not. */
export const DATE_WINDOW_PAST_DAYS = 366;
/** Ten years ahead, far beyond any horizon a business books to. */
export const DATE_WINDOW_FUTURE_DAYS = 3_653;

export type DateWindowPlace = 'inside' | 'before' | 'after';

/** Where an instant lies relative to the window around `now`; NaN counts as outside (after). */
export function placeInDateWindow(instantMs: number, now: Date): DateWindowPlace {
  if (!Number.isFinite(instantMs)) return 'after';
  if (instantMs < now.getTime() - DATE_WINDOW_PAST_DAYS * DAY_MS) return 'before';
  if (instantMs > now.getTime() + DATE_WINDOW_FUTURE_DAYS * DAY_MS) return 'after';
  return 'inside';
}

const DAY = /^([+-]?\d{1,6})-(\d{2})-(\d{2})$/;

/**
 * Where a calendar day "YYYY-MM-DD" (any count of year digits) lies, by its UTC midnight: at a window of years,
 * the business's zone moves nothing that matters. An unreadable day counts as outside (after).
 */
export function placeDayInDateWindow(date: string, now: Date): DateWindowPlace {
  const match = DAY.exec(date);
  if (!match) return 'after';
  const day = new Date(0);
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return placeInDateWindow(day.getTime(), now);
}

/** The instants stored records are read between: 1970 to the end of 9999, four-digit years that print and parse alike everywhere. */
const RECORD_INSTANTS = { from: 0, to: Date.UTC(9999, 11, 31, 23, 59, 59, 999) } as const;

export function isRecordInstant(instantMs: number): boolean {
  return Number.isFinite(instantMs) && instantMs >= RECORD_INSTANTS.from && instantMs <= RECORD_INSTANTS.to;
}
