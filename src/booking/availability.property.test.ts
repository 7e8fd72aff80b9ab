import fc from 'fast-check';
import { DAY_MS } from '../clock.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { answerWish } from './answer-wish.js';
import type { BusyInterval, Calendar, Interval, ServiceDef, ServiceSegment, StaffDef, TimeRange, WeeklyHours, Wish } from './calendar-model.js';
import { findOpenSlots } from './find-open-slots.js';
import { isPublicHoliday } from './holidays.js';

/**
 * Properties over random calendars, checked against a brute-force oracle that knows nothing of
 * the engine's interval arithmetic: it walks every 5 minutes and asks luxon for the wall clock.
 * Random weeks sit on DST switches (Berlin, New York, and Adelaide with its half-hour offset)
 * and on Christmas; odd slot steps (25, 45 minutes) show whether the grid follows local midnight.
 */

const MIN = 60_000;
const FIVE = 5 * MIN;
const DAY = DAY_MS;

const WEEKS = [
  { zone: 'Europe/Berlin', monday: '2026-03-23' }, // spring forward on Sunday the 29th
  { zone: 'Europe/Berlin', monday: '2026-10-19' }, // fall back on Sunday the 25th
  { zone: 'Europe/Berlin', monday: '2026-12-21' }, // Christmas holidays
  { zone: 'America/New_York', monday: '2026-03-02' }, // spring forward on Sunday the 8th
  { zone: 'America/New_York', monday: '2026-10-26' }, // fall back on Sunday 1 November
  { zone: 'Australia/Adelaide', monday: '2026-03-30' }, // UTC+10:30 → +9:30 on Sunday 5 April
  { zone: 'Australia/Adelaide', monday: '2026-09-28' }, // UTC+9:30 → +10:30 on Sunday 4 October
];

// Range boundaries on the half hour; 01:30 and 02:30 are left out because a boundary inside the
// repeated autumn hour (01:00–02:00 in New York, 02:00–03:00 in Berlin and Adelaide) is resolved
// by convention (first occurrence), which a wall-clock oracle cannot see.
const BOUNDARIES = Array.from({ length: 49 }, (_, i) => i * 30).filter((m) => m !== 90 && m !== 150);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const toMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

const dayRanges = fc.uniqueArray(fc.constantFrom(...BOUNDARIES), { minLength: 2, maxLength: 4 }).map((b): TimeRange[] => {
  const sorted = [...b].sort((x, y) => x - y);
  const ranges: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  return ranges;
});
// Mostly ordinary days (with or without a lunch break), sometimes odd ones, sometimes a day off.
const someDay = fc.oneof(
  { arbitrary: fc.constant<TimeRange[]>([{ start: '08:00', end: '20:00' }]), weight: 2 },
  {
    arbitrary: fc.constant<TimeRange[]>([
      { start: '00:00', end: '12:00' },
      { start: '13:00', end: '24:00' },
    ]),
    weight: 2,
  },
  { arbitrary: dayRanges, weight: 4 },
  { arbitrary: fc.constant<TimeRange[]>([]), weight: 1 },
);
const weeklyHours = fc.array(someDay, { minLength: 7, maxLength: 7 }).map((days): WeeklyHours => Object.fromEntries(days.map((r, i) => [`${i + 1}`, r])));
const wide: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`${d}`, [{ start: '00:00', end: '24:00' }]]));

const segment: fc.Arbitrary<ServiceSegment> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n): ServiceSegment => ({ kind: 'work', minutes: n * 5 })),
  fc
    .record({ n: fc.integer({ min: 1, max: 12 }), policy: fc.constantFrom('free' as const, 'blocked' as const) })
    .map(({ n, policy }): ServiceSegment => ({ kind: 'gap', minutes: n * 5, policy })),
);
const service = fc
  .record({
    first: fc.integer({ min: 1, max: 12 }),
    rest: fc.array(segment, { maxLength: 3 }),
    before: fc.integer({ min: 0, max: 3 }),
    after: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ first, rest, before, after }): ServiceDef => {
    const segments: ServiceSegment[] = [{ kind: 'work', minutes: first * 5 }, ...rest];
    return {
      id: 'svc',
      name: 'Service',
      durationMinutes: segments.reduce((sum, s) => sum + s.minutes, 0),
      bufferBeforeMinutes: before * 5,
      bufferAfterMinutes: after * 5,
      segments,
    };
  });

/** An interval inside the generated week, on the 5-minute grid. */
const span = (maxMinutes: number) =>
  fc
    .record({ start: fc.integer({ min: 0, max: (10 * DAY) / FIVE }), length: fc.integer({ min: 1, max: maxMinutes / 5 }) })
    .map(({ start, length }) => ({ offset: start * FIVE, length: length * FIVE }));

const scenario = fc
  .record({
    week: fc.constantFrom(...WEEKS),
    opening: fc.oneof(fc.constant(wide), weeklyHours),
    staffHours: fc.array(weeklyHours, { minLength: 1, maxLength: 3 }),
    staffTimeOff: fc.array(fc.array(span(600), { maxLength: 2 }), { minLength: 3, maxLength: 3 }),
    closures: fc.array(span(900), { maxLength: 2 }),
    busy: fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), at: span(120) }), { maxLength: 20 }),
    service,
    region: fc.constantFrom<string | null>('DE-BE', null),
    step: fc.constantFrom(5, 10, 15, 20, 25, 30, 45),
    notice: fc.integer({ min: 0, max: 36 }).map((n) => n * 5),
    horizon: fc.integer({ min: 2, max: 7 }),
    nowOffset: fc.integer({ min: 0, max: 7 * DAY }),
  })
  .map((s) => {
    const origin = DateTime.fromISO(s.week.monday, { zone: s.week.zone }).toMillis() - DAY;
    const place = (i: { offset: number; length: number }): Interval => ({ startsAt: origin + i.offset, endsAt: origin + i.offset + i.length });
    const staff: StaffDef[] = s.staffHours.map((hours, i) => ({
      id: `s${i}`,
      name: `Staff ${i}`,
      workingHours: hours,
      serviceIds: ['svc'],
      timeOff: (s.staffTimeOff[i] ?? []).map(place),
    }));
    const calendar: Calendar = {
      business: {
        id: 'b',
        timeZone: s.week.zone,
        holidayRegion: s.region,
        openingHours: s.opening,
        closures: s.closures.map(place),
        slotStepMinutes: s.step,
        minNoticeMinutes: s.notice,
        horizonDays: s.horizon,
      },
      services: [s.service],
      staff,
      busy: s.busy.filter((b) => b.who < staff.length).map((b): BusyInterval => ({ ...place(b.at), staffId: `s${b.who}` })),
    };
    return { calendar, now: origin + s.nowOffset, origin };
  });

// ---- the oracle ------------------------------------------------------------------------------

const localCache = new Map<string, { weekday: number; minute: number; date: string }>();
function wall(zone: string, instant: number) {
  const key = `${zone}|${instant}`;
  let info = localCache.get(key);
  if (!info) {
    const dt = DateTime.fromMillis(instant, { zone });
    info = { weekday: dt.weekday, minute: dt.hour * 60 + dt.minute, date: dt.toISODate()! };
    localCache.set(key, info);
  }
  return info;
}
const hit = (list: readonly Interval[], a: number, b: number) => list.some((i) => i.startsAt < b && a < i.endsAt);
/** The five minutes from `x` lie within weekly `hours` on the wall clock, on no holiday and in no closure. */
function covered(c: Calendar, hours: WeeklyHours, x: number, extra: readonly Interval[] = []): boolean {
  const w = wall(c.business.timeZone, x);
  if (isPublicHoliday(c.business.holidayRegion, w.date) || hit(c.business.closures, x, x + FIVE) || hit(extra, x, x + FIVE)) return false;
  return (hours[`${w.weekday}` as keyof WeeklyHours] ?? []).some((r) => toMinutes(r.start) <= w.minute && w.minute + 5 <= toMinutes(r.end));
}
const everyFive = (a: number, b: number) => Array.from({ length: Math.max(0, (b - a) / FIVE) }, (_, i) => a + i * FIVE);

/** Occupied pieces computed from the service definition directly; `core` excludes buffers. */
function occupied(s: ServiceDef, t: number): { core: Interval[]; busy: Interval[]; visit: number } {
  const core: Interval[] = [];
  let x = t;
  for (const seg of s.segments) {
    const end = x + seg.minutes * MIN;
    if (seg.kind === 'work' || seg.policy === 'blocked') {
      const last = core[core.length - 1];
      if (last && last.endsAt === x) last.endsAt = end;
      else core.push({ startsAt: x, endsAt: end });
    }
    x = end;
  }
  const busy = core.map((i) => ({ ...i }));
  busy[0]!.startsAt -= s.bufferBeforeMinutes * MIN;
  busy[busy.length - 1]!.endsAt += s.bufferAfterMinutes * MIN;
  return { core, busy, visit: x - t };
}

function oracleOpen(c: Calendar, staff: StaffDef, t: number, now: number): boolean {
  const { business } = c;
  const zone = business.timeZone;
  if (wall(zone, t).minute % business.slotStepMinutes !== 0) return false;
  if (t < now + business.minNoticeMinutes * MIN) return false;
  if (t >= DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: business.horizonDays }).toMillis()) return false;
  const { core, busy, visit } = occupied(c.services[0]!, t);
  if (!everyFive(t, t + visit).every((x) => covered(c, business.openingHours, x))) return false;
  if (!core.every((p) => everyFive(p.startsAt, p.endsAt).every((x) => covered(c, staff.workingHours, x, staff.timeOff)))) return false;
  const theirs = c.busy.filter((b) => b.staffId === staff.id);
  return !busy.some((p) => hit(theirs, p.startsAt, p.endsAt));
}

/** The business opens at some five minutes of the local `date` (opening hours minus holidays and closures). */
function openOn(c: Calendar, date: string): boolean {
  const zone = c.business.timeZone;
  const start = DateTime.fromISO(date, { zone });
  return everyFive(start.toMillis(), start.plus({ days: 1 }).toMillis()).some((x) => covered(c, c.business.openingHours, x));
}

/** The open bookable day nearest to `date` within a week either side, the earlier on a tie; null if none. */
function nearestOpenDay(c: Calendar, date: string, now: number): string | null {
  const zone = c.business.timeZone;
  const first = now + c.business.minNoticeMinutes * MIN;
  const last = DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: c.business.horizonDays }).toMillis();
  for (let k = 1; k <= 7; k++) {
    for (const offset of [-k, k]) {
      const day = DateTime.fromISO(date, { zone }).plus({ days: offset });
      if (day.plus({ days: 1 }).toMillis() <= first || day.toMillis() >= last) continue;
      if (openOn(c, day.toISODate()!)) return day.toISODate()!;
    }
  }
  return null;
}

// ---- properties ------------------------------------------------------------------------------

const RUNS = { numRuns: 120 };

describe('availability properties', () => {
  it('offers exactly the starts the brute-force oracle finds open, staff member by staff member, day by day', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 2 }), fc.nat(), ({ calendar, now }, dayIndex, who) => {
        const staff = calendar.staff[who % calendar.staff.length]!;
        const day = DateTime.fromMillis(now, { zone: calendar.business.timeZone }).startOf('day').plus({ days: dayIndex });
        const from = day.toMillis();
        const to = day.plus({ days: 1 }).toMillis();
        const offered = findOpenSlots(calendar, { serviceId: 'svc', staffId: staff.id, from, to, now }).map((s) => s.startsAt);
        const expected = everyFive(from, to).filter((t) => oracleOpen(calendar, staff, t, now));
        expect(offered).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('never lets an offered slot collide with busy time, blocked gaps included, while free gaps may', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, now, origin }) => {
        const slots = findOpenSlots(calendar, { serviceId: 'svc', from: origin, to: origin + 6 * DAY, now });
        for (const slot of slots) {
          const theirs = calendar.busy.filter((b) => b.staffId === slot.staffId);
          const { busy } = occupied(calendar.services[0]!, slot.startsAt);
          expect(slot.segments).toEqual(busy);
          // Work phases and blocked gaps (and buffers) never touch busy time; free gaps are not in the segments.
          for (const piece of slot.segments) expect(hit(theirs, piece.startsAt, piece.endsAt)).toBe(false);
        }
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1]!, slots[i]!];
          expect(a.startsAt < b.startsAt || (a.startsAt === b.startsAt && a.staffId < b.staffId)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('stops offering a slot, and every slot overlapping it for that staff member, once it is booked', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ calendar, now, origin }, pick) => {
        const query = { serviceId: 'svc', from: origin, to: origin + 6 * DAY, now };
        const before = findOpenSlots(calendar, query);
        fc.pre(before.length > 0);
        const chosen = before[pick % before.length]!;
        const after = findOpenSlots({ ...calendar, busy: [...calendar.busy, ...chosen.segments.map((i) => ({ ...i, staffId: chosen.staffId }))] }, query);
        const mine = after.filter((s) => s.staffId === chosen.staffId);
        expect(mine.some((s) => s.startsAt === chosen.startsAt)).toBe(false);
        for (const s of mine) for (const p of s.segments) expect(hit(chosen.segments, p.startsAt, p.endsAt)).toBe(false);
        // Nobody else is affected by that booking.
        expect(after.filter((s) => s.staffId !== chosen.staffId)).toEqual(before.filter((s) => s.staffId !== chosen.staffId));
      }),
      RUNS,
    );
  });

  it('answers wishes with open slots ranked by distance, "none" only when the horizon is full, identically every time', () => {
    const wish = fc.record({
      day: fc.integer({ min: 0, max: 8 }),
      minute: fc.option(
        fc.integer({ min: 0, max: 287 }).filter((n) => n < 12 || n >= 36),
        { nil: undefined },
      ), // no 01:xx/02:xx (DST)
      partOfDay: fc.option(fc.constantFrom('morgens' as const, 'vormittags' as const, 'mittags' as const, 'nachmittags' as const, 'abends' as const), {
        nil: undefined,
      }),
      staff: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      earliest: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, wish, ({ calendar, now, origin }, w) => {
        const zone = calendar.business.timeZone;
        const date = DateTime.fromMillis(origin, { zone }).plus({ days: w.day }).toISODate()!;
        const staffId = w.staff === undefined ? undefined : calendar.staff[w.staff % calendar.staff.length]!.id;
        const request: Wish = {
          serviceId: 'svc',
          date,
          staffId,
          partOfDay: w.partOfDay,
          earliest: w.earliest,
          time: w.minute === undefined ? undefined : hhmm(w.minute * 5),
        };
        const answer = answerWish(calendar, request, now);
        expect(answerWish(calendar, request, now)).toEqual(answer);

        const everything = findOpenSlots(calendar, { serviceId: 'svc', staffId, from: now - DAY, to: now + 30 * DAY, now });
        const isOpen = (s: { staffId: string; startsAt: number }) => everything.some((o) => o.staffId === s.staffId && o.startsAt === s.startsAt);
        expect(answer.kind === 'none').toBe(everything.length === 0);
        if (answer.kind === 'exact') {
          expect(isOpen(answer.slot)).toBe(true);
          expect(request.time && !request.earliest ? DateTime.fromISO(`${date}T${request.time}`, { zone }).toMillis() : NaN).toBe(answer.slot.startsAt);
        }
        if (answer.kind === 'alternatives') {
          expect(answer.alternatives.length).toBeGreaterThan(0);
          expect(answer.alternatives.length).toBeLessThanOrEqual(3);
          expect(answer.alternatives.every(isOpen)).toBe(true);
          if (request.time !== undefined && !request.earliest && answer.reason === 'closed_day') {
            // A closed day: the wished clock time on the nearest open day comes first whenever it is free.
            expect(openOn(calendar, date)).toBe(false);
            const nearest = nearestOpenDay(calendar, date, now);
            const then = nearest === null ? null : DateTime.fromISO(`${nearest}T${request.time}`, { zone }).toMillis();
            const free = then !== null && calendar.staff.some((m) => (staffId === undefined || m.id === staffId) && oracleOpen(calendar, m, then, now));
            if (free) expect(answer.alternatives[0]!.startsAt).toBe(then);
          } else if (request.time !== undefined && !request.earliest) {
            const wished = DateTime.fromISO(`${date}T${request.time}`, { zone }).toMillis();
            const distances = answer.alternatives.map((s) => Math.abs(s.startsAt - wished));
            expect(distances).toEqual([...distances].sort((a, b) => a - b));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
