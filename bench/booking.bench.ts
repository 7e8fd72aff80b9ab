import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { bookAppointment } from '../src/booking/book-appointment.js';
import type { BookingDeps } from '../src/booking/booking-deps.js';
import { RulesCache } from '../src/booking/rules-cache.js';
import { createFixedClock } from '../src/clock.js';
import { createLockService } from '../src/locks/index.js';
import { createLogger } from '../src/logger.js';
import { createBenchBusiness } from './lib/bench-business.js';
import { measure, type BenchResult } from './lib/measure.js';
import { benchDatabase, benchRedis, rawClient } from './lib/services.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Booking latency at 10 concurrent clients on different staff, next to the floor of a bare insert transaction. */
export async function run(): Promise<BenchResult[]> {
  const { database, url, dispose } = await benchDatabase(20);
  const redis = await benchRedis(3);
  const logger = createLogger('silent');
  const results: BenchResult[] = [];
  try {
    const raw = rawClient(url, 10);
    await raw`create table bench_floor (id serial primary key, staff_id int, starts_at timestamptz)`;
    results.push(
      await measure(
        'floor: bare insert transaction (postgres.js)',
        () => raw.begin((sql) => sql`insert into bench_floor (staff_id, starts_at) values (1, now())`),
        { iterations: 2000, concurrency: 10 },
      ),
    );
    results.push(
      await measure(
        'floor: advisory lock + insert transaction, 1 client',
        (i) =>
          raw.begin(async (sql) => {
            await sql`select pg_advisory_xact_lock(1, ${i % 10})`;
            await sql`insert into bench_floor (staff_id, starts_at) values (${i % 10}, now())`;
          }),
        { iterations: 1000 },
      ),
    );
    results.push(
      await measure(
        'floor: advisory lock + insert transaction',
        (_, worker) =>
          raw.begin(async (sql) => {
            await sql`select pg_advisory_xact_lock(1, ${worker})`;
            await sql`insert into bench_floor (staff_id, starts_at) values (${worker}, now())`;
          }),
        { iterations: 2000, concurrency: 10 },
      ),
    );
    await raw.end();

    for (const mode of ['in-process locks', 'Redlock, 3 Redis nodes'] as const) {
      const business = await createBenchBusiness(database.db, 10);
      const locks = createLockService({ redisUrls: mode === 'in-process locks' ? [] : redis.urls }, { logger });
      // Monday 2030-03-04 00:00 Berlin; every client books its own stylist at successive quarter hours.
      const now = Date.parse('2030-03-03T23:00:00Z');
      const deps: BookingDeps = { db: database.db, locks, logger, clock: createFixedClock(new Date(now)), holdTtlSeconds: 300, rules: new RulesCache() };
      const nextSlot = new Map<number, number>();
      const book = async (client: number) => {
        const n = nextSlot.get(client) ?? 0;
        nextSlot.set(client, n + 1);
        const day = Math.floor(n / 64);
        const start = now + DAY + day * DAY + 6 * 60 * MINUTE + (n % 64) * 15 * MINUTE;
        const outcome = await bookAppointment(deps, {
          businessId: business.businessId,
          serviceId: business.serviceIds.quick,
          staffId: business.staffIds[client]!,
          startsAt: new Date(start),
          customer: { phone: `+4917611${String(client).padStart(2, '0')}${String(n).padStart(4, '0')}` },
          idempotencyKey: randomUUID(),
          source: 'api',
          actor: { type: 'system', id: null },
        });
        if (outcome.kind !== 'booked') throw new Error(`expected booked, got ${outcome.kind}`);
      };
      let counter = 0;
      results.push(
        await measure(`bookAppointment, 1 client (${mode})`, () => book(counter++ % 10), {
          iterations: 300,
          warmup: 30,
          concurrency: 1,
          floor: 'advisory lock + insert transaction, 1 client',
        }),
      );
      results.push(
        // Each worker is one client with a stylist of its own: no two of them ever wait for the same staff lock.
        await measure(`bookAppointment, 10 clients on different staff (${mode})`, (_, worker) => book(worker), {
          iterations: 1000,
          warmup: 50,
          concurrency: 10,
          target: 'p50 < 5 ms, p99 < 20 ms',
          floor: 'advisory lock + insert transaction',
        }),
      );

      // 50 clients fight for one staff member's single slot, several rounds: no stalls expected.
      const contested = await createBenchBusiness(database.db, 1);
      const rounds: number[] = [];
      for (let r = 0; r < 10; r++) {
        const start = now + DAY + r * DAY + 10 * 60 * MINUTE;
        const t0 = performance.now();
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            bookAppointment(deps, {
              businessId: contested.businessId,
              serviceId: contested.serviceIds.quick,
              staffId: contested.staffIds[0]!,
              startsAt: new Date(start),
              customer: { phone: `+4917622${String(r).padStart(2, '0')}${String(i).padStart(4, '0')}` },
              idempotencyKey: randomUUID(),
              source: 'api',
              actor: { type: 'system', id: null },
            }),
          ),
        );
        rounds.push(performance.now() - t0);
        if (outcomes.filter((o) => o.kind === 'booked').length !== 1) throw new Error('contested round without exactly one winner');
      }
      rounds.sort((a, b) => a - b);
      results.push({
        name: `50 clients for one slot, whole round (${mode})`,
        iterations: rounds.length,
        p50Ms: Math.round(rounds[5]! * 1000) / 1000,
        p99Ms: Math.round(rounds[9]! * 1000) / 1000,
        maxMs: Math.round(rounds[9]! * 1000) / 1000,
        opsPerSec: Math.round((50 * 1000) / rounds[5]!),
        target: 'no stalls (a deadlock storm costs seconds)',
      });
      await locks.close();
    }
  } finally {
    await redis.dispose();
    await dispose();
  }
  return results;
}
