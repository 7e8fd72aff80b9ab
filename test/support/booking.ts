import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createFixedClock } from '../../src/clock.js';
import type { BookingDeps } from '../../src/booking/booking-deps.js';
import { RulesCache } from '../../src/booking/rules-cache.js';
import type { Database, Db } from '../../src/db/database.js';
import { appointments, appointmentSegments } from '../../src/db/schema.js';
import { createInProcessLocks } from '../../src/locks/in-process-locks.js';
import type { LockService } from '../../src/locks/lock-service.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';

/** A local Berlin wall-clock time as an instant. */
export const berlin = (local: string): Date => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toJSDate();
export const localTime = (at: Date | number): string =>
  DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: 'Europe/Berlin' }).toFormat("yyyy-MM-dd'T'HH:mm");

/** Booking dependencies over a real database with a clock that stands still until moved, caching rules as the service does. */
export function bookingDeps(database: Database, options: { now?: string; locks?: LockService; holdTtlSeconds?: number } = {}) {
  const clock = createFixedClock(options.now ?? '2030-03-04T07:00:00Z');
  const deps: BookingDeps = {
    db: database.db,
    locks: options.locks ?? createInProcessLocks(),
    logger: createLogger('silent'),
    clock,
    metrics: createMetrics({ defaultMetrics: false }),
    holdTtlSeconds: options.holdTtlSeconds ?? 300,
    rules: new RulesCache(),
  };
  return { deps, clock };
}

export const caller = { type: 'caller' as const, id: null };
export const key = () => `test:${randomUUID()}`;
export const phone = () => `+49176${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

/** Pairs of active (held or booked) busy segments of one staff member that overlap; must always be empty. */
export async function overlappingActiveSegments(db: Db, businessId: string): Promise<number> {
  const rows = await db.execute(sql`
    select count(*)::int as n
    from appointment_segments a
    join appointment_segments b on a.staff_id = b.staff_id and a.id < b.id
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
    where a.business_id = ${businessId} and a.status in ('held','booked') and b.status in ('held','booked')`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ n: number }>;
  return list[0]?.n ?? 0;
}

export async function activeAppointments(db: Db, businessId: string) {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.businessId, businessId), inArray(appointments.status, ['held', 'booked'])));
}

export async function segmentsOf(db: Db, appointmentId: string) {
  const rows = await db.select().from(appointmentSegments).where(eq(appointmentSegments.appointmentId, appointmentId));
  return rows.map((r) => ({ from: localTime(r.startsAt), to: localTime(r.endsAt), status: r.status })).sort((a, b) => a.from.localeCompare(b.from));
}
