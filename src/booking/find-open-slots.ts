import { DAY_MS } from '../clock.js';
import type { Calendar, OpenSlotQuery, Slot } from './calendar-model.js';
import { bookableWindow, buildAvailability, performersOf, staffIsUnbooked, staffWorksThrough } from './build-availability.js';
import { isInsideOne } from './intervals.js';
import { localDaysCovering, slotGrid } from './local-days.js';
import { layoutService, placeAt } from './service-layout.js';

/**
 * All open slots for `query.serviceId` that start in [from, to), for `query.staffId` or for
 * every staff member who performs the service; sorted by start, then staff id.
 *
 * A start t is open for staff member s when
 * - t is on the slot grid (every `slotStepMinutes` from local midnight, wall clock),
 *   at least `minNoticeMinutes` after now and before the end of the booking horizon;
 * - the customer's whole visit [t, t + total time) lies in one stretch of business opening
 *   hours (not in a closure, not on a public holiday): the customer sits in the salon during
 *   free gaps too;
 * - every work phase and blocked gap lies in one continuous free range of s (working hours
 *   minus time off): a free gap may span s's lunch break, since s is not needed meanwhile;
 * - no busy piece, buffers included, overlaps s's busy time. Buffers may reach outside
 *   working and opening hours (preparing before opening is normal salon practice); they only
 *   must not collide, exactly what the database's exclusion constraint checks.
 */
export function findOpenSlots(calendar: Calendar, query: OpenSlotQuery): Slot[] {
  const service = calendar.services.find((s) => s.id === query.serviceId);
  if (!service) return [];
  const staff = performersOf(calendar, service.id, query.staffId);
  const bookable = bookableWindow(calendar.business, query.now);
  const layout = layoutService(service);
  // With a partial busy list, only starts whose whole busy footprint lies in the known span qualify.
  const reachBack = Math.min(0, layout.busy[0]?.startsAt ?? 0);
  const reachAhead = Math.max(layout.visitMs, layout.busy[layout.busy.length - 1]?.endsAt ?? 0);
  const known = calendar.busyCoverage ?? { startsAt: -Infinity, endsAt: Infinity };
  const from = Math.max(query.from, bookable.startsAt, known.startsAt - reachBack);
  const to = Math.min(query.to, bookable.endsAt, known.endsAt - reachAhead + 1);
  if (staff.length === 0 || from >= to) return [];

  // One extra day on each side: a shift may run past midnight and visits end after `to`.
  const days = localDaysCovering(calendar.business.timeZone, from - DAY_MS, to + layout.visitMs + DAY_MS);
  const view = buildAvailability(calendar, staff, days);
  const slots: Slot[] = [];
  for (const day of days) {
    for (const start of slotGrid(day, calendar.business.slotStepMinutes, from, to)) {
      if (!isInsideOne(view.open, start, start + layout.visitMs)) continue;
      // Staff are sorted by id, grid instants ascend: the output is ordered without a sort.
      for (const member of view.staff) {
        if (staffWorksThrough(member, layout, start) && staffIsUnbooked(member, layout, start)) {
          slots.push({ staffId: member.staffId, startsAt: start, endsAt: start + layout.visitMs, segments: placeAt(layout.busy, start) });
        }
      }
    }
  }
  return slots;
}
