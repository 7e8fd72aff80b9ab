import { DAY_MS } from '../clock.js';
import type { Slot } from './calendar-model.js';
import { explainEmptyDay, type EmptyDayReason } from './explain-empty-day.js';
import { findOpenSlots } from './find-open-slots.js';
import { loadCalendar, type CalendarSource } from './load-calendar.js';
import { localDayOf } from './local-days.js';

export interface DaySlotsQuery {
  businessId: string;
  serviceId: string;
  staffId?: string;
  /** A local date "YYYY-MM-DD" in the business's zone. */
  date: string;
  now: Date;
}

export type DaySlotsOutcome =
  /** `emptyReason` is set exactly when `slots` is empty: an empty day says why. */
  | { kind: 'slots'; timeZone: string; slots: Slot[]; emptyReason: EmptyDayReason | null }
  | { kind: 'not_found'; what: 'business' | 'service' | 'staff' }
  | { kind: 'invalid_date' };

/** The open slots of a service on one local day of the business, for one staff member or all who perform it. */
export async function findDaySlots(source: CalendarSource, query: DaySlotsQuery): Promise<DaySlotsOutcome> {
  const wall = Date.parse(`${query.date}T00:00:00Z`);
  if (Number.isNaN(wall)) return { kind: 'invalid_date' };
  // Any zone's local day lies within a day either side of the same UTC date: one read covers it, buffers included.
  const calendar = await loadCalendar(source, query.businessId, { from: wall - DAY_MS, to: wall + 2 * DAY_MS, now: query.now.getTime() });
  if (!calendar) return { kind: 'not_found', what: 'business' };
  if (!calendar.services.some((s) => s.id === query.serviceId)) return { kind: 'not_found', what: 'service' };
  if (query.staffId && !calendar.staff.some((m) => m.id === query.staffId)) return { kind: 'not_found', what: 'staff' };
  const day = localDayOf(calendar.business.timeZone, query.date);
  if (!day) return { kind: 'invalid_date' };
  const slots = findOpenSlots(calendar, {
    serviceId: query.serviceId,
    ...(query.staffId ? { staffId: query.staffId } : {}),
    from: day.startsAt,
    to: day.endsAt,
    now: query.now.getTime(),
  });
  const emptyReason = slots.length === 0 ? explainEmptyDay(calendar, query.serviceId, query.staffId, day, query.now.getTime()) : null;
  return { kind: 'slots', timeZone: calendar.business.timeZone, slots, emptyReason };
}
