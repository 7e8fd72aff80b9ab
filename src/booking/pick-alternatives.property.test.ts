import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { answerWish } from './answer-wish.js';
import { findOpenSlots } from './find-open-slots.js';
import { at, book, demoSalon, local, ZONE } from '../../test/support/demo-salon.fixture.js';

/**
 * A caller who names a time on a day the salon is closed (Sunday, Monday, a public holiday) hears that time on
 * the nearest open day first whenever it is free there, whoever is booked around it.
 */

const HOLIDAYS = ['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-06'];
const STAFF = ['emma', 'fabian', 'oliver'] as const;
const SERVICES = ['herren', 'damen', 'waschen'] as const;

/** Days the demo salon opens (Tuesday to Saturday, no public holiday of Berlin among those above). */
const isOpen = (date: DateTime) => date.weekday >= 2 && date.weekday <= 6 && !HOLIDAYS.includes(date.toISODate()!);

const closedDay = fc.oneof(
  fc
    .integer({ min: 0, max: 20 })
    .chain((week) => fc.constantFrom(0, 1).map((monday) => DateTime.fromISO('2026-11-22', { zone: ZONE }).plus({ weeks: week, days: monday }))),
  fc.constantFrom(...HOLIDAYS).map((d) => DateTime.fromISO(d, { zone: ZONE })),
);

describe('alternatives for a wish on a closed day', () => {
  it('offer the wished clock time on the nearest open day first when it is free there', () => {
    fc.assert(
      fc.property(
        closedDay,
        fc.integer({ min: 9 * 4, max: 17 * 4 + 3 }),
        fc.option(fc.constantFrom(...STAFF), { nil: undefined }),
        fc.constantFrom(...SERVICES),
        fc.array(fc.record({ who: fc.constantFrom(...STAFF), day: fc.integer({ min: -3, max: 3 }), quarter: fc.integer({ min: 9 * 4, max: 17 * 4 }) }), {
          maxLength: 12,
        }),
        (day, quarter, staffId, serviceId, bookings) => {
          fc.pre(!isOpen(day));
          const salon = demoSalon();
          for (const b of bookings) {
            const on = day.plus({ days: b.day });
            if (isOpen(on)) book(salon, b.who, 'herren', at(on.toISODate()!, clock(b.quarter)));
          }
          const now = day.minus({ days: 10 }).set({ hour: 8 }).toMillis();
          const time = clock(quarter);
          const answer = answerWish(salon, { serviceId, date: day.toISODate()!, time, ...(staffId ? { staffId } : {}) }, now);
          expect(answer.kind).toBe('alternatives');
          if (answer.kind !== 'alternatives') return;
          expect(answer.reason).toBe('closed_day');
          expect(answer.detail?.closedDay?.date).toBe(day.toISODate());

          let nearest: DateTime | null = null;
          for (let k = 1; k <= 7 && !nearest; k++) nearest = [day.minus({ days: k }), day.plus({ days: k })].find(isOpen) ?? null;
          const then = at(nearest!.toISODate()!, time);
          const free = findOpenSlots(salon, { serviceId, ...(staffId ? { staffId } : {}), from: then, to: then + 1, now }).length > 0;
          if (free) expect(local(answer.alternatives[0]!.startsAt)).toBe(local(then));
          // Whatever comes first, the wished clock time leads wherever it is free on the two nearest open days.
          const clocks = answer.alternatives.map((s) => local(s.startsAt).slice(11));
          if (free) expect(clocks[0]).toBe(time);
          expect(new Set(answer.alternatives.map((s) => `${s.staffId}|${s.startsAt}`)).size).toBe(answer.alternatives.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

function clock(quarter: number): string {
  return `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
}
