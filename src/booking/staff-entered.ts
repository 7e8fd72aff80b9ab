import { DATE_WINDOW_FUTURE_DAYS } from '../date-window.js';
import type { BookingSource } from '../db/schema.js';
import type { Calendar } from './calendar-model.js';

/** Bookings staff enter by hand through the API (`api`: an admin token, `staff`: a staff token), not a caller's. */
function enteredByStaff(source: BookingSource): boolean {
  return source === 'api' || source === 'staff';
}

/**
 * The rules a booking entered by staff is checked against. The minimum notice and the booking horizon are what the
 * agent promises callers; at the counter a walk-in starts now (up to one slot step back: someone who sat down at
 * 10:07 is entered at 10:00), and the next appointment may be booked a year ahead. Opening and working hours, time
 * off, closures, the slot grid and the exclusion constraint hold as for every caller.
 */
export function staffRules(calendar: Calendar, source: BookingSource): Calendar {
  if (!enteredByStaff(source)) return calendar;
  const { business } = calendar;
  return { ...calendar, business: { ...business, minNoticeMinutes: -business.slotStepMinutes, horizonDays: DATE_WINDOW_FUTURE_DAYS } };
}
