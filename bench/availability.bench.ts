import { randomUUID } from 'node:crypto';
import { bookAppointment } from '../src/booking/book-appointment.js';
import type { BookingDeps } from '../src/booking/booking-deps.js';
import { findOpenSlots } from '../src/booking/find-open-slots.js';
import { loadCalendar } from '../src/booking/load-calendar.js';
import { RulesCache } from '../src/booking/rules-cache.js';
import { createFixedClock } from '../src/clock.js';
import { createInProcessLocks } from '../src/locks/in-process-locks.js';
import { createLogger } from '../src/logger.js';
import { createBenchBusiness } from './lib/bench-business.js';
import { measure, type BenchResult } from './lib/measure.js';
import { benchDatabase, rawClient } from './lib/services.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A week of open slots for one service across all 10 staff of a business with a realistic week of bookings
 * (about 8 appointments per stylist and day, colour services among them), database read included.
 */
export async function run(): Promise<BenchResult[]> {
  const { database, url, dispose } = await benchDatabase(10);
  try {
    const business = await createBenchBusiness(database.db, 10, { lunch: true });
    const now = Date.parse('2030-03-03T23:00:00Z'); // Monday 00:00 in Berlin
    const deps: BookingDeps = {
      db: database.db,
      locks: createInProcessLocks(),
      logger: createLogger('silent'),
      clock: createFixedClock(new Date(now)),
      holdTtlSeconds: 300,
      rules: new RulesCache(),
    };
    let booked = 0;
    for (let day = 1; day <= 7; day++) {
      for (const [s, staffId] of business.staffIds.entries()) {
        // Eight appointments spread over the day, alternating cuts and colours, offset per stylist.
        for (let k = 0; k < 8; k++) {
          const start = now + day * DAY + 7 * 60 * MINUTE + k * 105 * MINUTE + (s % 4) * 15 * MINUTE;
          const outcome = await bookAppointment(deps, {
            businessId: business.businessId,
            serviceId: k % 3 === 0 ? business.serviceIds.colour : business.serviceIds.cut,
            staffId,
            startsAt: new Date(start),
            customer: { phone: `+4917633${String(s).padStart(2, '0')}${String(day * 10 + k).padStart(4, '0')}` },
            idempotencyKey: randomUUID(),
            source: 'api',
            actor: { type: 'system', id: null },
          });
          if (outcome.kind === 'booked') booked++;
        }
      }
    }
    const raw = rawClient(url, 1);
    const floor = await measure('floor: select 1 round trip (postgres.js)', () => raw`select 1`, { iterations: 2000 });
    await raw.end();

    const from = now + DAY;
    const to = from + 7 * DAY;
    // As the service reads it: the rules cached (and their version checked), busy time read.
    const read = () => loadCalendar(deps, business.businessId, { from, to, now });
    const readCold = () => loadCalendar({ db: database.db }, business.businessId, { from, to, now });
    const calendar = await read();
    if (!calendar) throw new Error('bench business missing');
    const slots = findOpenSlots(calendar, { serviceId: business.serviceIds.cut, from, to, now });
    return [
      floor,
      await measure(`read the week's calendar (${booked} appointments, ${calendar.busy.length} busy segments)`, read, { iterations: 500 }),
      await measure(`read the week's calendar with its rules (nothing cached)`, readCold, { iterations: 500 }),
      await measure(
        `findOpenSlots, one week × 10 staff, engine only (${slots.length} slots)`,
        () => findOpenSlots(calendar, { serviceId: business.serviceIds.cut, from, to, now }),
        { iterations: 500 },
      ),
      await measure(
        'week of availability incl. database read',
        async () => {
          const c = await read();
          return findOpenSlots(c!, { serviceId: business.serviceIds.colour, from, to, now });
        },
        { iterations: 500, target: 'p99 well under 10 ms' },
      ),
    ];
  } finally {
    await dispose();
  }
}
