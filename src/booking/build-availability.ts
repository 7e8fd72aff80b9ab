import type { BusinessRules, Calendar, Interval, StaffDef } from './calendar-model.js';
import { isPublicHoliday } from './holidays.js';
import { isInsideOne, mergeIntervals, overlapsAny, subtractIntervals } from './intervals.js';
import { addLocalDays, type LocalDay } from './local-days.js';
import type { ServiceLayout } from './service-layout.js';
import { hoursOnDays } from './working-time.js';

const MINUTE_MS = 60_000;

/** One staff member's time over the days of a query, as normalised interval lists. */
export interface StaffAvailability {
  staffId: string;
  /** Working ranges minus time off, closures and public holidays. */
  free: Interval[];
  /** Everything already booked or held, buffers included, merged. */
  busy: Interval[];
}

/** The business and its staff over a run of local days, ready for an allocation-free slot scan. */
export interface AvailabilityView {
  /** Opening hours minus closures and public holidays: where a customer visit may lie. */
  open: Interval[];
  /** Closures and whole public-holiday days, merged. */
  closed: Interval[];
  staff: StaffAvailability[];
}

/** Instants a booking may start in: from now + minimum notice to the end of the horizon's last local day. */
export function bookableWindow(business: BusinessRules, now: number): Interval {
  return {
    startsAt: now + business.minNoticeMinutes * MINUTE_MS,
    // Counted in local days so that a DST switch inside the horizon neither adds nor drops an hour.
    endsAt: addLocalDays(business.timeZone, now, business.horizonDays),
  };
}

/** The staff members who perform `serviceId` (only `staffId` when given), sorted by id for determinism. */
export function performersOf(calendar: Calendar, serviceId: string, staffId?: string): StaffDef[] {
  return calendar.staff
    .filter((s) => s.serviceIds.includes(serviceId) && (staffId === undefined || s.id === staffId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Resolves opening hours, working hours, closures, holidays, time off and busy time of `staff`
 * over `days` into instants, once per query; the slot scan afterwards is binary search on them.
 */
export function buildAvailability(calendar: Calendar, staff: readonly StaffDef[], days: readonly LocalDay[]): AvailabilityView {
  const { business } = calendar;
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return { open: [], closed: [], staff: staff.map((s) => ({ staffId: s.id, free: [], busy: [] })) };
  const span: Interval = { startsAt: first.startsAt, endsAt: last.endsAt };
  const within = (i: Interval) => i.startsAt < span.endsAt && span.startsAt < i.endsAt;

  const holidays = days.filter((d) => isPublicHoliday(business.holidayRegion, d.date)).map((d) => ({ startsAt: d.startsAt, endsAt: d.endsAt }));
  const closed = mergeIntervals([...business.closures.filter(within), ...holidays]);
  const open = subtractIntervals(hoursOnDays(business.openingHours, days), closed);

  const busyByStaff = new Map<string, Interval[]>();
  for (const s of staff) busyByStaff.set(s.id, []);
  for (const b of calendar.busy) if (within(b)) busyByStaff.get(b.staffId)?.push(b);

  return {
    open,
    closed,
    staff: staff.map((s) => ({
      staffId: s.id,
      free: subtractIntervals(subtractIntervals(hoursOnDays(s.workingHours, days), closed), mergeIntervals(s.timeOff.filter(within))),
      busy: mergeIntervals(busyByStaff.get(s.id) ?? []),
    })),
  };
}

/** True when every work phase / blocked gap of a visit starting at `start` lies in one continuous free range of `staff`. */
export function staffWorksThrough(staff: StaffAvailability, layout: ServiceLayout, start: number): boolean {
  return layout.core.every((p) => isInsideOne(staff.free, start + p.startsAt, start + p.endsAt));
}

/** True when no busy piece of the visit (buffers included) touches time `staff` is already busy. */
export function staffIsUnbooked(staff: StaffAvailability, layout: ServiceLayout, start: number): boolean {
  return !layout.busy.some((p) => overlapsAny(staff.busy, start + p.startsAt, start + p.endsAt));
}
