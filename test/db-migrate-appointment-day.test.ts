import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, inject, it } from 'vitest';
import { bookAppointment } from '../src/booking/book-appointment.js';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrations-folder.js';
import { appointments } from '../src/db/schema.js';
import { berlin, bookingDeps, key } from './support/booking.js';
import { createTestSalon } from './support/business.js';
import { createThrowawayDatabase } from './support/postgres.js';

const APPOINTMENT_DAY = '0008_appointment_day';

/** Every migration before the one that keeps who cancelled an appointment, applied to `database`. */
async function migrateToBefore(database: Database): Promise<void> {
  const path = mkdtempSync(join(tmpdir(), 'termin-migrations-'));
  try {
    cpSync(MIGRATIONS_FOLDER, path, { recursive: true });
    const journalPath = join(path, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    const cut = journal.entries.findIndex((e) => e.tag === APPOINTMENT_DAY);
    expect(cut).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
    const session = database.db._.session as unknown as Parameters<PgDialect['migrate']>[1];
    await new PgDialect().migrate(readMigrationFiles({ migrationsFolder: path }), session, { migrationsFolder: path });
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

/** Cancelled appointments written as the code before kept them (the who and why only in the activity log), then the migration. */
async function upgradeKeepsWhoCancelled(database: Database) {
  await migrateToBefore(database);
  const salon = await createTestSalon(database.db);
  const ids = { byStaff: randomUUID(), moved: randomUUID(), movedTo: randomUUID(), unknown: randomUUID(), booked: randomUUID() };
  const row = (id: string, status: string, hour: number) =>
    sql`(${id}::uuid, ${salon.id}::uuid, ${salon.services.herrenhaarschnitt}::uuid, ${salon.staff.emma}::uuid,
         ${berlin(`2030-03-05T${hour}:00`).toISOString()}::timestamptz, ${berlin(`2030-03-05T${hour}:30`).toISOString()}::timestamptz,
         ${status}, ${key()}, 'phone')`;
  await database.db.execute(sql`insert into appointments (id, business_id, service_id, staff_id, starts_at, ends_at, status, idempotency_key, source) values
    ${row(ids.byStaff, 'cancelled', 10)}, ${row(ids.moved, 'cancelled', 11)}, ${row(ids.movedTo, 'booked', 12)},
    ${row(ids.unknown, 'cancelled', 13)}, ${row(ids.booked, 'booked', 14)}`);
  await database.db.execute(sql`insert into activity_log (business_id, actor_type, actor_id, action, entity_type, entity_id, details) values
    (${salon.id}::uuid, 'staff', ${salon.staff.emma}, 'appointment.cancelled', 'appointment', ${ids.byStaff}, ${JSON.stringify({ previousStatus: 'booked', reason: 'Kundin krank' })}::jsonb),
    (${salon.id}::uuid, 'caller', 'call_1', 'appointment.rescheduled', 'appointment', ${ids.movedTo}, ${JSON.stringify({ from: ids.moved })}::jsonb)`);

  await database.migrate();
  await database.migrate();

  const after = await database.db
    .select({ id: appointments.id, type: appointments.cancelledByType, by: appointments.cancelledById, reason: appointments.cancelReason })
    .from(appointments)
    .where(eq(appointments.businessId, salon.id));
  const byId = new Map(after.map((a) => [a.id, a]));
  expect(byId.get(ids.byStaff)).toMatchObject({ type: 'staff', by: salon.staff.emma, reason: 'Kundin krank' });
  expect(byId.get(ids.moved)).toMatchObject({ type: 'caller', by: 'call_1', reason: null });
  for (const id of [ids.unknown, ids.booked, ids.movedTo]) expect(byId.get(id)).toMatchObject({ type: null, by: null, reason: null });

  // The booking function takes its new arguments: a walk-in by name alone, with a note.
  const { deps } = bookingDeps(database, { now: '2030-03-04T07:00:00Z' });
  const walkIn = await bookAppointment(deps, {
    businessId: salon.id,
    serviceId: salon.services.herrenhaarschnitt,
    staffId: salon.staff.fabian,
    startsAt: berlin('2030-03-05T15:00'),
    guestName: 'Herr Schulz',
    notes: 'Bart auch',
    idempotencyKey: key(),
    source: 'api',
    actor: { type: 'admin', id: null },
  });
  if (walkIn.kind !== 'booked') throw new Error(`walk-in: ${walkIn.kind}`);
  const [stored] = await database.db.select().from(appointments).where(eq(appointments.id, walkIn.appointment.id));
  expect(stored).toMatchObject({ customerId: null, guestName: 'Herr Schulz', notes: 'Bart auch', source: 'api' });
}

describe('the appointment-day migration', () => {
  it('fills in who cancelled existing appointments on Postgres, and books walk-ins afterwards', async () => {
    const fresh = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_migrate');
    const database = createPostgresDatabase({ url: fresh.url, poolMax: 2, statementTimeoutMs: 10_000 });
    try {
      await upgradeKeepsWhoCancelled(database);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });

  it('fills in who cancelled existing appointments on PGlite, and books walk-ins afterwards', async () => {
    const database = await createPgliteDatabase(null);
    try {
      await upgradeKeepsWhoCancelled(database);
    } finally {
      await database.close();
    }
  });
});
