import type { Calendar, ClosedDay, Interval } from './calendar-model.js';
import { bookableWindow, buildAvailability, performersOf } from './build-availability.js';
import { findClosedDay } from './find-closed-day.js';
import { mergeIntervals } from './intervals.js';
import { localDayAt, type LocalDay } from './local-days.js';

/** Why a local day has no open slot for a service, coarse to fine: the first that applies is the answer. */
export type EmptyDayReason =
  | { code: 'past' }
  /** Beyond the days callers may book; `lastDate` is the last local day that can be. */
  | { code: 'beyond_horizon'; lastDate: string }
  | { code: 'closed'; closedDay: ClosedDay }
  | { code: 'staff_does_not_offer_service' }
  /** Nobody (active) performs the service. */
  | { code: 'no_staff' }
  /** Nobody asked for works that day: `timeOff` when time off took their hours, else it is their day off. */
  | { code: 'staff_absent'; timeOff: boolean }
  /** What is left of the day lies within the minimum notice. */
  | { code: 'too_soon' }
  | { code: 'fully_booked' };

/** The parts of `list` inside the day. */
const within = (list: readonly Interval[], day: LocalDay): Interval[] =>
  list.map((i) => ({ startsAt: Math.max(i.startsAt, day.startsAt), endsAt: Math.min(i.endsAt, day.endsAt) })).filter((i) => i.endsAt > i.startsAt);

/**
 * Says why `day` has no open slot for `serviceId` (for `staffId`, or anyone who performs it) as of `now`. Pure: the
 * calendar must cover the day. Called only when the slot search came back empty; on a day with room it would say
 * `fully_booked`.
 */
export function explainEmptyDay(calendar: Calendar, serviceId: string, staffId: string | undefined, day: LocalDay, now: number): EmptyDayReason {
  const { business } = calendar;
  const bookable = bookableWindow(business, now);
  if (day.endsAt <= now) return { code: 'past' };
  if (day.startsAt >= bookable.endsAt) return { code: 'beyond_horizon', lastDate: localDayAt(business.timeZone, bookable.endsAt - 1).date };
  const closedDay = findClosedDay(calendar, day);
  if (closedDay) return { code: 'closed', closedDay };
  const performers = performersOf(calendar, serviceId, staffId);
  if (performers.length === 0) return { code: staffId ? 'staff_does_not_offer_service' : 'no_staff' };

  const view = buildAvailability(calendar, performers, [day]);
  // Working hours minus closures, holidays and time off (what buildAvailability calls free).
  const open = mergeIntervals(view.staff.flatMap((s) => within(s.free, day)));
  if (open.length === 0) {
    // With their time off put back, would anyone have worked? Then it is time off, not the weekly day off.
    const withoutTimeOff = buildAvailability(
      calendar,
      performers.map((s) => ({ ...s, timeOff: [] })),
      [day],
    );
    return { code: 'staff_absent', timeOff: withoutTimeOff.staff.some((s) => within(s.free, day).length > 0) };
  }
  if (open.every((i) => i.endsAt <= bookable.startsAt)) return { code: 'too_soon' };
  return { code: 'fully_booked' };
}
