import { DateTime } from 'luxon';
import { answerWish } from '../src/booking/answer-wish.js';
import { busySegmentsFor } from '../src/booking/busy-segments.js';
import type { BusyInterval, Calendar, ServiceDef, StaffDef, WeeklyHours } from '../src/booking/calendar-model.js';
import { findOpenSlots } from '../src/booking/find-open-slots.js';
import { publicHolidayDates } from '../src/booking/holidays.js';
import { measure, type BenchResult } from './lib/measure.js';

/**
 * The pure availability engine on a busy salon: 10 stylists, Tue–Sat, 8 appointments per
 * stylist per day (cuts and composite colour services), queried the way a call does.
 */

const ZONE = 'Europe/Berlin';
const MIN = 60_000;
const MONDAY = DateTime.fromISO('2026-06-08', { zone: ZONE });

const range = (start: string, end: string) => ({ start, end });
const weekdays = (ranges: { start: string; end: string }[], saturday: { start: string; end: string }[]): WeeklyHours => ({
  2: ranges,
  3: ranges,
  4: ranges,
  5: ranges,
  6: saturday,
});

const services: ServiceDef[] = [
  { id: 'damen', name: 'Damenhaarschnitt', durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, segments: [] },
  { id: 'herren', name: 'Herrenhaarschnitt', durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, segments: [] },
  {
    id: 'ansatz',
    name: 'Ansatzfärbung',
    durationMinutes: 120,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    segments: [
      { kind: 'work', minutes: 30 },
      { kind: 'gap', minutes: 45, policy: 'free' },
      { kind: 'work', minutes: 15 },
      { kind: 'work', minutes: 30 },
    ],
  },
];

/** Small deterministic PRNG (mulberry32) so every run measures the same calendar. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function busySalon(staffCount: number, perDay: number): Calendar {
  const next = random(42);
  const staff: StaffDef[] = Array.from({ length: staffCount }, (_, i) => ({
    id: `staff-${String(i).padStart(2, '0')}`,
    name: `Stylist ${i}`,
    workingHours: weekdays([range('09:00', '12:00'), range('13:00', '18:00')], [range('09:00', '14:00')]),
    serviceIds: services.map((s) => s.id),
    timeOff: [],
  }));
  const busy: BusyInterval[] = [];
  for (let d = 1; d <= 5; d++) {
    const day = MONDAY.plus({ days: d });
    for (const member of staff) {
      // Up to `perDay` bookings at random quarter hours that do not collide: a realistic, fragmented day.
      const taken: { startsAt: number; endsAt: number }[] = [];
      for (let tries = 0; taken.length < perDay && tries < 200; tries++) {
        const service = services[Math.floor(next() * services.length)]!;
        const start = day.set({ hour: 9 }).toMillis() + Math.floor(next() * 32) * 15 * MIN;
        const pieces = busySegmentsFor(service, start);
        if (pieces.some((p) => taken.some((t) => p.startsAt < t.endsAt && t.startsAt < p.endsAt))) continue;
        taken.push(...pieces);
        busy.push(...pieces.map((p) => ({ ...p, staffId: member.id })));
      }
    }
  }
  return {
    business: {
      id: 'bench',
      timeZone: ZONE,
      holidayRegion: 'DE-BE',
      openingHours: weekdays([range('09:00', '18:00')], [range('09:00', '14:00')]),
      closures: [],
      slotStepMinutes: 15,
      minNoticeMinutes: 60,
      horizonDays: 60,
    },
    services,
    staff,
    busy,
  };
}

/** Runs the engine benchmarks and returns their figures. */
export async function run(): Promise<BenchResult[]> {
  const calendar = busySalon(10, 8);
  const now = MONDAY.set({ hour: 10 }).toMillis();
  const week = { from: MONDAY.toMillis(), to: MONDAY.plus({ days: 7 }).toMillis(), now };
  const tuesday = MONDAY.plus({ days: 1 });
  const results: BenchResult[] = [];

  results.push(
    await measure('busySegmentsFor (composite, 4 phases)', (i) => busySegmentsFor(services[2]!, now + i * MIN), {
      iterations: 20_000,
      target: 'p99 < 0.01 ms',
    }),
  );
  results.push(
    await measure(
      'findOpenSlots: 1 staff, 1 day',
      () => findOpenSlots(calendar, { serviceId: 'damen', staffId: 'staff-03', from: tuesday.toMillis(), to: tuesday.plus({ days: 1 }).toMillis(), now }),
      {
        iterations: 2_000,
        target: 'p99 < 1 ms',
      },
    ),
  );
  results.push(
    await measure('findOpenSlots: 10 staff x 1 week, 400 bookings', () => findOpenSlots(calendar, { serviceId: 'herren', ...week }), {
      iterations: 1_000,
      target: 'p99 < 5 ms',
    }),
  );
  results.push(
    await measure('findOpenSlots: composite, 10 staff x 1 week', () => findOpenSlots(calendar, { serviceId: 'ansatz', ...week }), {
      iterations: 1_000,
      target: 'p99 < 5 ms',
    }),
  );
  // Every iteration a week never resolved before: what the first call about a new week pays.
  // Holiday years are computed beforehand; date-holidays needs ~15 ms once per region and year.
  for (let year = 2027; year <= 2031; year++) publicHolidayDates('DE-BE', year);
  results.push(
    await measure(
      'findOpenSlots: 10 staff x 1 week, cold day cache',
      (i) => {
        const monday = MONDAY.plus({ weeks: 30 + Math.max(0, i) * 2 }).toMillis();
        return findOpenSlots(calendar, { serviceId: 'herren', from: monday, to: monday + 7 * 86_400_000, now: monday - 86_400_000 });
      },
      { iterations: 100, warmup: 0, target: 'p99 < 5 ms' },
    ),
  );
  results.push(
    await measure(
      'answerWish: exact time, egal (taken → alternatives)',
      () => answerWish(calendar, { serviceId: 'damen', date: '2026-06-10', time: '11:00' }, now),
      {
        iterations: 1_000,
        target: 'p99 < 10 ms',
      },
    ),
  );
  results.push(
    await measure('answerWish: date only, named staff', () => answerWish(calendar, { serviceId: 'ansatz', staffId: 'staff-07', date: '2026-06-12' }, now), {
      iterations: 1_000,
      target: 'p99 < 10 ms',
    }),
  );
  return results;
}
