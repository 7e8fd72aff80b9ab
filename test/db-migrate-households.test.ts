import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, inject, it } from 'vitest';
import { loadDirectory } from '../src/booking/load-directory.js';
import { findOrCreateCustomer } from '../src/booking/find-or-create-customer.js';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrations-folder.js';
import { DEMO_PRACTICE_ID, DEMO_SALON_ID } from '../src/business-file/demo-businesses.js';
import { seedDemo } from '../src/business-file/seed-demo.js';
import { customers } from '../src/db/schema.js';
import { createThrowawayDatabase } from './support/postgres.js';

const HOUSEHOLDS = '0006_customer_households';

/** The migrations folder as it was before households: every migration up to the one that adds them. */
function folderBeforeHouseholds(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'termin-migrations-'));
  cpSync(MIGRATIONS_FOLDER, path, { recursive: true });
  const journalPath = join(path, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const cut = journal.entries.findIndex((e) => e.tag === HOUSEHOLDS);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Customers written by the code before households (one per number), then the migration, then households. */
async function upgradeKeepsCustomers(database: Database) {
  const before = folderBeforeHouseholds();
  try {
    // What drizzle's migrators do, on a folder of our choosing; the session's schema generic is all that differs.
    const session = database.db._.session as unknown as Parameters<PgDialect['migrate']>[1];
    await new PgDialect().migrate(readMigrationFiles({ migrationsFolder: before.path }), session, { migrationsFolder: before.path });
  } finally {
    before.remove();
  }
  // Written as the old schema knew it (the seed writes today's columns).
  await database.db.execute(
    sql`insert into businesses (id, slug, name, opening_hours) values (${DEMO_SALON_ID}::uuid, 'old-salon', 'Alter Salon', '{}'::jsonb)`,
  );
  await database.db.execute(sql`insert into customers (business_id, phone_e164, name, appointment_count) values
    (${DEMO_SALON_ID}::uuid, '+4917611111111', 'Anna  Schmidt', 2), (${DEMO_SALON_ID}::uuid, '+4917622222222', null, 0)`);

  await database.migrate();
  await database.migrate();

  const rows = await database.db
    .select({ phone: customers.phoneE164, name: customers.name, nameKey: customers.nameKey, count: customers.appointmentCount })
    .from(customers)
    .where(eq(customers.businessId, DEMO_SALON_ID))
    .orderBy(customers.phoneE164);
  expect(rows).toEqual([
    { phone: '+4917611111111', name: 'Anna  Schmidt', nameKey: 'anna schmidt', count: 2 },
    { phone: '+4917622222222', name: null, nameKey: '', count: 0 },
  ]);
  // The same person is found again; a second person at the number is a second customer; the unnamed one is claimed.
  const anna = await findOrCreateCustomer(database.db, DEMO_SALON_ID, '+4917611111111', 'anna schmidt');
  expect(anna).toMatchObject({ kind: 'found', appointmentCount: 2 });
  expect(await findOrCreateCustomer(database.db, DEMO_SALON_ID, '+4917611111111', 'Lena Schmidt')).toMatchObject({ kind: 'created' });
  expect(await findOrCreateCustomer(database.db, DEMO_SALON_ID, '+4917622222222', 'Ole Berg')).toMatchObject({ kind: 'found', name: 'Ole Berg' });
  const [{ n } = { n: 0 }] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(eq(customers.businessId, DEMO_SALON_ID));
  expect(n).toBe(3);

  // Businesses from before have no answers (an empty object), and the demo seed's answers load for new databases.
  const salon = await loadDirectory(database.db, DEMO_SALON_ID);
  expect(salon?.business.answers).toEqual({});
}

async function freshSeedHasAnswers(database: Database) {
  await database.migrate();
  await seedDemo(database.db, new Date());
  const salon = await loadDirectory(database.db, DEMO_SALON_ID);
  const practice = await loadDirectory(database.db, DEMO_PRACTICE_ID);
  expect(salon?.business.answers).toMatchObject({ payment: expect.any(String), parking: expect.any(String), directions: expect.any(String) });
  expect(salon?.business.answers.faq?.length).toBeGreaterThan(0);
  expect(practice?.business.answers).toMatchObject({ payment: expect.any(String), wifi: expect.any(String) });
}

describe('the households migration', () => {
  it('keeps every customer of an existing Postgres database and lets one number hold several people', async () => {
    const fresh = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_migrate');
    const database = createPostgresDatabase({ url: fresh.url, poolMax: 2, statementTimeoutMs: 10_000 });
    try {
      await upgradeKeepsCustomers(database);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });

  it('keeps every customer of an existing PGlite database and lets one number hold several people', async () => {
    const database = await createPgliteDatabase(null);
    try {
      await upgradeKeepsCustomers(database);
    } finally {
      await database.close();
    }
  });

  it('seeds the demo businesses with their answers on both engines', async () => {
    const fresh = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_migrate');
    const postgres = createPostgresDatabase({ url: fresh.url, poolMax: 2, statementTimeoutMs: 10_000 });
    const pglite = await createPgliteDatabase(null);
    try {
      await freshSeedHasAnswers(postgres);
      await freshSeedHasAnswers(pglite);
    } finally {
      await postgres.close();
      await fresh.drop();
      await pglite.close();
    }
  });
});
