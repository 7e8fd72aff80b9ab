import { DateTime } from 'luxon';
import { isPublicHoliday } from '../../src/booking/holidays.js';
import { demoSalon, demoServiceIds, demoStaffIds } from '../../src/business-file/demo-businesses.js';
import type { ServiceKey, StaffKey } from './call-plan.js';

/** What the simulated callers may assume about the demo salon: who works when, what takes how long, when it is closed. */

export const ZONE = 'Europe/Berlin';
export const STAFF_KEYS: StaffKey[] = ['emma', 'fabian', 'oliver'];

function serviceOf(key: ServiceKey) {
  return demoSalon.services.find((s) => s.id === demoServiceIds[key])!;
}

function staffOf(key: StaffKey) {
  return demoSalon.staff.find((m) => m.id === demoStaffIds[key])!;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The minutes a visit takes, from its start to its end. */
export function visitMinutes(service: ServiceKey): number {
  const s = serviceOf(service);
  return s.segments.length > 0 ? s.segments.reduce((sum, seg) => sum + seg.minutes, 0) : s.durationMinutes;
}

export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: ZONE }).weekday;
}

/** Closed on the date: no opening hours that weekday, or a public holiday. */
export function isClosed(date: string): boolean {
  const hours = demoSalon.openingHours[String(weekdayOf(date)) as '1'];
  return !hours || hours.length === 0 || isPublicHoliday(demoSalon.holidayRegion, date);
}

/** The staff member does the service and works the whole visit (conservatively: inside one of their ranges). */
export function canServe(staff: StaffKey, service: ServiceKey, date: string, time: string): boolean {
  const member = staffOf(staff);
  if (!member.serviceIds.includes(demoServiceIds[service]) || isClosed(date)) return false;
  const ranges = member.workingHours[String(weekdayOf(date)) as '1'] ?? [];
  const start = minutesOf(time);
  const end = start + visitMinutes(service);
  return ranges.some((r) => minutesOf(r.start) <= start && end <= minutesOf(r.end));
}

/** Who can do the service at that time. */
export function whoCanServe(service: ServiceKey, date: string, time: string): StaffKey[] {
  return STAFF_KEYS.filter((k) => canServe(k, service, date, time));
}

export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

/** The local date of an instant. */
export function localDate(instant: string): string {
  return DateTime.fromISO(instant, { zone: ZONE }).toISODate()!;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: ZONE }).diff(DateTime.fromISO(from, { zone: ZONE }), 'days').days);
}

/** The first open date before and after `date` where someone can do the service at `time`. */
export function nearestOpenDates(service: ServiceKey, date: string, time: string): string[] {
  const out: string[] = [];
  for (const step of [-1, 1]) {
    for (let d = 1; d <= 10; d++) {
      const candidate = plusDays(date, step * d);
      if (whoCanServe(service, candidate, time).length > 0) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

export function staffFirstName(key: StaffKey): string {
  return staffOf(key).name.split(' ')[0]!;
}
