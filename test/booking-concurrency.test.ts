import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { cancelAppointment } from '../src/booking/cancel-appointment.js';
import { rescheduleAppointment } from '../src/booking/reschedule-appointment.js';
import type { BookingOutcome } from '../src/booking/outcomes.js';
import type { Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { createRedlockLocks } from '../src/locks/redlock-locks.js';
import type { LockService } from '../src/locks/lock-service.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { activeAppointments, berlin, bookingDeps, caller, key, overlappingActiveSegments, phone } from './support/booking.js';
import { openTestPostgres } from './support/databases.js';
import { startRedisServer, type RedisServer } from './support/redis-server.js';

type Deps = ReturnType<typeof bookingDeps>['deps'];

const kinds = (outcomes: BookingOutcome[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.kind]: (acc[o.kind] ?? 0) + 1 }), {});

describe('booking under concurrency on real Postgres', () => {
  let database: Database;
  let redis: RedisServer[] = [];

  beforeAll(async () => {
    database = openTestPostgres(20);
    redis = await Promise.all([startRedisServer(), startRedisServer(), startRedisServer()]);
  });
  afterAll(async () => {
    await database.close();
    await Promise.all(redis.map((r) => r.stop()));
  });

  const redlock = (): LockService => createRedlockLocks({ urls: redis.map((r) => r.url), logger: createLogger('silent') });
  const bookOne = (deps: Deps, salon: TestBusiness, startsAt: string, staffId?: string, idempotencyKey = key()) =>
    bookAppointment(deps, {
      businessId: salon.id,
      serviceId: salon.services.herrenhaarschnitt,
      ...(staffId ? { staffId } : {}),
      startsAt: berlin(startsAt),
      customer: { phone: phone(), name: 'Test' },
      idempotencyKey,
      source: 'phone',
      actor: caller,
    });

  /** 50 callers want Emma at 10:00; exactly one gets her, everyone else hears alternatives. */
  async function fiftyForOneSlot(locks: LockService, label: string) {
    const salon = await createTestSalon(database.db);
    const { deps } = bookingDeps(database, { locks });
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => bookOne(deps, salon, '2030-03-05T10:00', salon.staff.emma)));
    const elapsed = performance.now() - started;
    console.log(`50 concurrent bookings for one slot (${label}): ${elapsed.toFixed(0)} ms`);
    expect(kinds(outcomes)).toEqual({ booked: 1, slot_taken: 49 });
    for (const o of outcomes) if (o.kind === 'slot_taken') expect(o.alternatives.length).toBeGreaterThan(0);
    expect(await activeAppointments(database.db, salon.id)).toHaveLength(1);
    expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
    return elapsed;
  }

  it('gives one slot to exactly one of 50 concurrent callers (in-process locks)', async () => {
    await fiftyForOneSlot(bookingDeps(database).deps.locks, 'in-process locks');
  });

  it('gives one slot to exactly one of 50 concurrent callers with Redlock over three Redis nodes, in rounds without stalls', async () => {
    const locks = redlock();
    try {
      const rounds: number[] = [];
      for (let i = 0; i < 3; i++) rounds.push(await fiftyForOneSlot(locks, `redlock round ${i + 1}`));
      // Not a timing assertion (shared machines are noisy); a deadlock storm would show as seconds per round here.
      console.log(`slowest round: ${Math.max(...rounds).toFixed(0)} ms`);
    } finally {
      await locks.close();
    }
  });

  it('spreads 20 concurrent "egal" bookings over 3 staff × 4 slots without exceeding capacity', async () => {
    const salon = await createTestSalon(database.db);
    const locks = redlock();
    const { deps } = bookingDeps(database, { locks });
    try {
      const times = ['2030-03-06T10:00', '2030-03-06T10:30', '2030-03-06T11:00', '2030-03-06T11:30'];
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => bookOne(deps, salon, times[i % 4]!)));
      expect(kinds(outcomes)).toEqual({ booked: 12, slot_taken: 8 });
      const active = await activeAppointments(database.db, salon.id);
      expect(new Set(active.map((a) => a.staffId))).toEqual(new Set(Object.values(salon.staff)));
      for (const t of times) expect(active.filter((a) => a.startsAt.getTime() === berlin(t).getTime())).toHaveLength(3);
      expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
    } finally {
      await locks.close();
    }
  });

  it('answers a booking repeated by two instances at once with one appointment', async () => {
    const salon = await createTestSalon(database.db);
    // Two instances: their own pools and their own lock clients, one Postgres, one Redis quorum.
    const second = openTestPostgres(5);
    const [locksA, locksB] = [redlock(), redlock()];
    try {
      const a = bookingDeps(database, { locks: locksA }).deps;
      const b = bookingDeps(second, { locks: locksB }).deps;
      const idempotencyKey = key();
      const outcomes = await Promise.all([
        ...Array.from({ length: 5 }, () => bookOne(a, salon, '2030-03-05T11:00', undefined, idempotencyKey)),
        ...Array.from({ length: 5 }, () => bookOne(b, salon, '2030-03-05T11:00', undefined, idempotencyKey)),
      ]);
      expect(outcomes.every((o) => o.kind === 'booked')).toBe(true);
      const ids = new Set(outcomes.map((o) => (o.kind === 'booked' ? o.appointment.id : null)));
      expect(ids.size).toBe(1);
      expect(outcomes.filter((o) => o.kind === 'booked' && !o.repeated)).toHaveLength(1);
      expect(await activeAppointments(database.db, salon.id)).toHaveLength(1);
    } finally {
      await Promise.all([locksA.close(), locksB.close(), second.close()]);
    }
  });

  it('lets only one of ten concurrent reschedules onto one slot win; the others keep their appointments', async () => {
    const salon = await createTestSalon(database.db);
    const { deps } = bookingDeps(database, { locks: redlock() });
    try {
      const own = [];
      for (let i = 0; i < 10; i++) own.push(await bookOne(deps, salon, `2030-03-0${5 + (i % 3)}T1${4 + Math.floor(i / 3)}:00`, salon.staff.emma));
      const ids = own.map((o) => (o.kind === 'booked' ? o.appointment.id : 'x'));
      expect(ids).not.toContain('x');
      const moves = await Promise.all(
        ids.map((id) => rescheduleAppointment(deps, { appointmentId: id, startsAt: berlin('2030-03-05T10:00'), source: 'phone', actor: caller })),
      );
      expect(kinds(moves)).toEqual({ rescheduled: 1, slot_taken: 9 });
      expect(await activeAppointments(database.db, salon.id)).toHaveLength(10);
      expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
    } finally {
      await deps.locks.close();
    }
  });

  it('keeps exactly one consistent state when a cancel and a reschedule of one appointment race', async () => {
    const salon = await createTestSalon(database.db);
    const { deps } = bookingDeps(database, { locks: redlock() });
    try {
      // Open days only: 2030-03-08 is Frauentag, a public holiday in Berlin.
      for (const day of ['2030-03-05', '2030-03-06', '2030-03-07', '2030-03-09', '2030-03-12']) {
        const booked = await bookOne(deps, salon, `${day}T09:00`, salon.staff.emma);
        if (booked.kind !== 'booked') throw new Error(`setup: ${booked.kind}`);
        const target = new Date(booked.appointment.startsAt.getTime() + 60 * 60 * 1000);
        const [cancel, move] = await Promise.all([
          cancelAppointment(deps, { appointmentId: booked.appointment.id, actor: caller }),
          rescheduleAppointment(deps, { appointmentId: booked.appointment.id, startsAt: target, source: 'phone', actor: caller }),
        ]);
        expect(cancel.kind).toBe('cancelled');
        // Either the move came first (and the cancel met the already released old row), or the cancel did.
        expect(['rescheduled', 'not_modifiable']).toContain(move.kind);
      }
      expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
    } finally {
      await deps.locks.close();
    }
  });

  it('still has exactly one winner with one Redis node killed, and with two killed (Postgres alone guards)', async () => {
    const nodes = await Promise.all([startRedisServer(), startRedisServer(), startRedisServer()]);
    const locks = createRedlockLocks({ urls: nodes.map((n) => n.url), logger: createLogger('silent') });
    try {
      const salon = await createTestSalon(database.db);
      const { deps } = bookingDeps(database, { locks });
      const round = async (time: string) => {
        const outcomes = await Promise.all(Array.from({ length: 30 }, () => bookOne(deps, salon, time, salon.staff.fabian)));
        expect(kinds(outcomes)).toEqual({ booked: 1, slot_taken: 29 });
      };
      await round('2030-03-05T10:00');
      // Kill one node while a round is running.
      const running = round('2030-03-05T11:00');
      nodes[0]!.kill();
      await running;
      await round('2030-03-05T14:00');
      nodes[1]!.kill();
      await round('2030-03-05T15:00');
      expect(await activeAppointments(database.db, salon.id)).toHaveLength(4);
      expect(await overlappingActiveSegments(database.db, salon.id)).toBe(0);
    } finally {
      await locks.close();
      await Promise.all(nodes.map((n) => n.stop()));
    }
  });
});
