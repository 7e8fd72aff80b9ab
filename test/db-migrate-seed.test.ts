import { count, eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { DEMO_SALON_ID, demoSalon } from '../src/db/seed/demo-data.js';
import { isEmpty, seedDemo } from '../src/db/seed/seed-business.js';
import { businesses, services, staff, staffServices } from '../src/db/schema.js';
import { createThrowawayDatabase } from './support/postgres.js';

async function counts(database: Database) {
  const db = database.db;
  const [b] = await db.select({ n: count() }).from(businesses);
  const [s] = await db.select({ n: count() }).from(services);
  const [m] = await db.select({ n: count() }).from(staff);
  const [l] = await db.select({ n: count() }).from(staffServices);
  return { businesses: b?.n, services: s?.n, staff: m?.n, links: l?.n };
}

async function migrateTwiceAndSeedTwice(database: Database) {
  await database.migrate();
  await database.migrate();
  expect(await isEmpty(database.db)).toBe(true);
  await seedDemo(database.db);
  const first = await counts(database);
  await seedDemo(database.db);
  expect(await counts(database)).toEqual(first);
  expect(first).toEqual({ businesses: 2, services: 8, staff: 5, links: 18 });
  const [salon] = await database.db.select().from(businesses).where(eq(businesses.id, DEMO_SALON_ID));
  expect(salon).toMatchObject({ name: demoSalon.name, timeZone: 'Europe/Berlin', holidayRegion: 'DE-BE' });
  expect(salon?.openingHours['6']).toEqual([{ start: '09:00', end: '14:00' }]);
}

describe('migrations and the demo seed', () => {
  it('migrate twice and seed twice on a fresh real Postgres database change nothing the second time', async () => {
    const fresh = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_migrate');
    const database = createPostgresDatabase({ url: fresh.url, poolMax: 2, statementTimeoutMs: 10_000 });
    try {
      await migrateTwiceAndSeedTwice(database);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });

  it('migrate twice and seed twice on PGlite change nothing the second time', async () => {
    const database = await createPgliteDatabase(null);
    try {
      await migrateTwiceAndSeedTwice(database);
    } finally {
      await database.close();
    }
  });

  it('lets several instances migrate one Postgres database at the same time', async () => {
    const fresh = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_migrate');
    const instances = [1, 2, 3].map(() => createPostgresDatabase({ url: fresh.url, poolMax: 1, statementTimeoutMs: 10_000 }));
    try {
      await Promise.all(instances.map((d) => d.migrate()));
      expect(await isEmpty(instances[0]!.db)).toBe(true);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await fresh.drop();
    }
  });
});
