import { DateTime } from 'luxon';
import type { BusyInterval, Calendar, Interval, ServiceDef, Slot, WeeklyHours } from '../../src/booking/calendar-model.js';
import { busySegmentsFor } from '../../src/booking/busy-segments.js';
import { demoSalon as seededSalon } from '../../src/business-file/demo-businesses.js';

/** Test fixture: the demo salon in Berlin, with helpers to speak in local wall-clock time. */

export const ZONE = 'Europe/Berlin';
export const MINUTE_MS = 60_000;

/** Instant of a Berlin wall-clock time, e.g. at('2026-06-09', '14:30'). */
export function at(date: string, time: string): number {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad local time ${date} ${time}`);
  return dt.toMillis();
}

/** Berlin wall-clock reading of an instant, "YYYY-MM-DD HH:mm". */
export function local(instant: number): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');
}

/** Berlin clock time "HH:mm" of an instant. */
export function clock(instant: number): string {
  return DateTime.fromMillis(instant, { zone: ZONE }).toFormat('HH:mm');
}

/** UTC ISO reading of an instant, to pin DST offsets in assertions. */
export function utc(instant: number): string {
  return new Date(instant).toISOString().slice(0, 16) + 'Z';
}

/** "HH:mm staff" labels, the way a receptionist reads a slot list. */
export function labels(slots: readonly Slot[]): string[] {
  return slots.map((s) => `${clock(s.startsAt)} ${s.staffId}`);
}

const day = (...ranges: [string, string][]) => ranges.map(([start, end]) => ({ start, end }));

/** Tue–Fri 09–18, Sat 09–14: the salon's opening hours. */
export const SALON_OPENING: WeeklyHours = {
  2: day(['09:00', '18:00']),
  3: day(['09:00', '18:00']),
  4: day(['09:00', '18:00']),
  5: day(['09:00', '18:00']),
  6: day(['09:00', '14:00']),
};
/** The stylists' hours: as the salon, with lunch 12–13 on weekdays. */
export const STYLIST_HOURS: WeeklyHours = {
  2: day(['09:00', '12:00'], ['13:00', '18:00']),
  3: day(['09:00', '12:00'], ['13:00', '18:00']),
  4: day(['09:00', '12:00'], ['13:00', '18:00']),
  5: day(['09:00', '12:00'], ['13:00', '18:00']),
  6: day(['09:00', '14:00']),
};

/** The same ranges on all seven days (for DST Sundays). */
export function everyDay(...ranges: [string, string][]): WeeklyHours {
  return { 1: day(...ranges), 2: day(...ranges), 3: day(...ranges), 4: day(...ranges), 5: day(...ranges), 6: day(...ranges), 7: day(...ranges) };
}

/** Short ids keep assertions readable; the services themselves are the seeded demo salon's. */
const SHORT_IDS: Record<string, string> = {
  Damenhaarschnitt: 'damen',
  Herrenhaarschnitt: 'herren',
  'Waschen/Föhnen': 'waschen',
  Ansatzfärbung: 'ansatz',
  Strähnchen: 'straehnen',
};

export const SERVICES: ServiceDef[] = seededSalon.services.map((s) => ({
  id: SHORT_IDS[s.name] ?? s.name,
  name: s.name,
  durationMinutes: s.durationMinutes,
  bufferBeforeMinutes: s.bufferBeforeMinutes,
  bufferAfterMinutes: s.bufferAfterMinutes,
  segments: s.segments,
}));

const ALL = SERVICES.map((s) => s.id);

/** The demo salon: Emma and Fabian do everything, Oliver only cuts and washes. */
export function demoSalon(): Calendar {
  return {
    business: {
      id: 'salon',
      timeZone: ZONE,
      holidayRegion: 'DE-BE',
      openingHours: SALON_OPENING,
      closures: [],
      slotStepMinutes: 15,
      minNoticeMinutes: 60,
      horizonDays: 60,
    },
    services: SERVICES.map((s) => ({ ...s, segments: [...s.segments] })),
    staff: [
      { id: 'emma', name: 'Emma Williams', workingHours: STYLIST_HOURS, serviceIds: ALL, timeOff: [] },
      { id: 'fabian', name: 'Fabian Spitzer', workingHours: STYLIST_HOURS, serviceIds: ALL, timeOff: [] },
      { id: 'oliver', name: 'Oliver Kretschmer', workingHours: STYLIST_HOURS, serviceIds: ['damen', 'herren', 'waschen'], timeOff: [] },
    ],
    busy: [],
  };
}

/** The demo salon open every day 09–18 for salon and staff (no lunch): for DST Sundays. */
export function sevenDaySalon(ranges: [string, string][] = [['09:00', '18:00']]): Calendar {
  const calendar = demoSalon();
  calendar.business.openingHours = everyDay(...ranges);
  for (const member of calendar.staff) member.workingHours = everyDay(...ranges);
  return calendar;
}

/** Adds the busy rows of a booking, exactly as the booking code would insert them. */
export function book(calendar: Calendar, staffId: string, serviceId: string, startsAt: number): void {
  const service = calendar.services.find((s) => s.id === serviceId);
  if (!service) throw new Error(`unknown service ${serviceId}`);
  calendar.busy.push(...busySegmentsFor(service, startsAt).map((i): BusyInterval => ({ ...i, staffId })));
}

/** A whole local day as an interval, for queries. */
export function wholeDay(date: string): Interval {
  const start = DateTime.fromISO(date, { zone: ZONE });
  return { startsAt: start.toMillis(), endsAt: start.plus({ days: 1 }).toMillis() };
}
