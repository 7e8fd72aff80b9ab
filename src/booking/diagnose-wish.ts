import { DAY_MS } from '../clock.js';
import type { Calendar, ServiceDef, StaffDef, WishFailureReason } from './calendar-model.js';
import { bookableWindow, buildAvailability, staffWorksThrough } from './build-availability.js';
import { findClosedDay } from './find-closed-day.js';
import { isInsideOne } from './intervals.js';
import { localDaysCovering, slotGrid, type LocalDay } from './local-days.js';
import { layoutService } from './service-layout.js';

/**
 * Says why a start at `at` on `day` is not open for any of `staff`. The checks run from the
 * caller's point of view, coarse to fine, so the first failing one is the sentence the agent
 * should say: the time has passed, is too soon or too far ahead; the salon is closed that
 * day or at that hour; the time is off the booking grid; nobody asked for is working then
 * ("staff_absent": time off, day off, lunch break, shift over); else it is taken.
 */
export function diagnoseWish(calendar: Calendar, service: ServiceDef, staff: readonly StaffDef[], day: LocalDay, at: number, now: number): WishFailureReason {
  const { business } = calendar;
  const bookable = bookableWindow(business, now);
  if (at < now) return 'past';
  if (at < bookable.startsAt) return 'too_soon';
  if (at >= bookable.endsAt) return 'beyond_horizon';

  const layout = layoutService(service);
  const days = localDaysCovering(business.timeZone, day.startsAt - DAY_MS, at + layout.visitMs + DAY_MS);
  const view = buildAvailability(calendar, staff, days);
  // Closed all day: weekday without opening hours, public holiday, or closures eating the whole day.
  if (findClosedDay(calendar, day)) return 'closed_day';
  if (!isInsideOne(view.open, at, at + layout.visitMs)) return 'outside_opening_hours';
  if (slotGrid(day, business.slotStepMinutes, at, at + 1).length === 0) return 'not_on_slot_grid';
  if (!view.staff.some((member) => staffWorksThrough(member, layout, at))) return 'staff_absent';
  return 'taken';
}
