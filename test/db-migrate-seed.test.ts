import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, inject, it } from 'vitest';
import { loadDirectory } from '../src/booking/load-directory.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrations-folder.js';
import { createPgliteDatabase } from '../src/db/create-pglite.js';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import type { Database } from '../src/db/database.js';
import { DEMO_PRACTICE_ID, DEMO_SALON_ID, demoSalon } from '../src/business-file/demo-businesses.js';
import { isEmpty, seedDemo } from '../src/business-file/seed-demo.js';
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
  await seedDemo(database.db, new Date());
  const first = await counts(database);
  await seedDemo(database.db, new Date());
  expect(await counts(database)).toEqual(first);
  expect(first).toEqual({ businesses: 2, services: 8, staff: 5, links: 18 });
  const [salon] = await database.db.select().from(businesses).where(eq(businesses.id, DEMO_SALON_ID));
  expect(salon).toMatchObject({ name: demoSalon.name, timeZone: 'Europe/Berlin', holidayRegion: 'DE-BE' });
  expect(salon?.openingHours['6']).toEqual([{ start: '09:00', end: '14:00' }]);
  // The grammar of the names travels with them, for the articles the agent says.
  const grammar = async (businessId: string) => (await loadDirectory(database.db, businessId))!.services.map((x) => [x.name, x.grammaticalGender, x.plural]);
  expect(await grammar(DEMO_SALON_ID)).toEqual([
    ['Ansatzfärbung', 'f', false],
    ['Damenhaarschnitt', 'm', false],
    ['Herrenhaarschnitt', 'm', false],
    ['Strähnchen', 'n', true],
    ['Waschen/Föhnen', null, false],
  ]);
  expect(await grammar(DEMO_PRACTICE_ID)).toEqual([
    ['Kontrolluntersuchung', 'f', false],
    ['Schmerzbehandlung', 'f', false],
    ['Zahnreinigung', 'f', false],
  ]);
}

/** The ids the demo was seeded with before it became a file; databases from then still have them. */
const HISTORIC = {
  practice: '5a10b000-0000-4000-8000-000000000002',
  kontrolle: '5a10b000-0000-4000-8002-000000000011',
  zahnreinigung: '5a10b000-0000-4000-8002-000000000012',
  schmerzbehandlung: '5a10b000-0000-4000-8002-000000000013',
};

/** A copy of the migrations folder as it was before the migration `tag`: the journal up to that entry. */
function migrationsBefore(tag: string): string {
  const before = mkdtempSync(join(tmpdir(), 'termin-migrations-'));
  cpSync(MIGRATIONS_FOLDER, before, { recursive: true });
  const journal = JSON.parse(readFileSync(join(before, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  for (const later of journal.entries.slice(at)) rmSync(join(before, `${later.tag}.sql`));
  writeFileSync(join(before, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return before;
}

/** The demo salon as the seed before business files wrote it: its fixed ids, no keys. */
const HISTORIC_SALON = {
  id: '5a10b000-0000-4000-8000-000000000001',
  services: ['damenhaarschnitt', 'herrenhaarschnitt', 'waschen-foehnen', 'ansatzfaerbung', 'straehnchen'].map((key, i) => ({
    key,
    id: `5a10b000-0000-4000-8002-00000000000${i + 1}`,
  })),
  staff: ['emma', 'fabian', 'oliver'].map((key, i) => ({ key, id: `5a10b000-0000-4000-8001-00000000000${i + 1}` })),
};

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

  it('gives the services of a demo seeded before names had a grammar their gender, and the practice German names', async () => {
    // The migrations as they were before the grammar columns: the journal up to the entry that adds them.
    const before = migrationsBefore('0005_service_grammar');
    const database = await createPgliteDatabase(null);
    try {
      if (database.kind !== 'pglite') throw new Error('expected PGlite');
      await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder: before });
      await database.db.execute(sql`insert into businesses (id, slug, name, opening_hours) values (${HISTORIC.practice}, 'praxis', 'Praxis', '{}'::jsonb)`);
      await database.db.execute(sql`insert into services (id, business_id, name, duration_minutes) values
        (${HISTORIC.kontrolle}, ${HISTORIC.practice}, 'Kontrolluntersuchung', 30),
        (${HISTORIC.zahnreinigung}, ${HISTORIC.practice}, 'Routine Checkup', 30),
        (${HISTORIC.schmerzbehandlung}, ${HISTORIC.practice}, 'Notdienst', 60)`);
      await database.migrate();
      const rows = await database.db
        .select({ name: services.name, gender: services.grammaticalGender, plural: services.plural })
        .from(services)
        .orderBy(services.name);
      // A name the practice changed itself stays as it is, without a guessed gender; the untouched English one is
      // translated.
      expect(rows).toEqual([
        { name: 'Kontrolluntersuchung', gender: 'f', plural: false },
        { name: 'Notdienst', gender: null, plural: false },
        { name: 'Zahnreinigung', gender: 'f', plural: false },
      ]);
    } finally {
      await database.close();
      rmSync(before, { recursive: true, force: true });
    }
  });

  it('gives existing services and staff keys (the demo the keys of its files), so seeding the files matches them', async () => {
    const before = migrationsBefore('0007_business_keys');
    const database = await createPgliteDatabase(null);
    try {
      if (database.kind !== 'pglite') throw new Error('expected PGlite');
      await migrate(database.db as Parameters<typeof migrate>[0], { migrationsFolder: before });
      const db = database.db;
      const b = demoSalon;
      await db.execute(sql`insert into businesses (id, slug, name, kind, time_zone, holiday_region, phone_numbers, transfer_number, address, answers, opening_hours)
        values (${HISTORIC_SALON.id}, ${b.slug}, ${b.name}, ${b.kind}, ${b.timeZone}, ${b.holidayRegion}, ${`{${b.phoneNumbers.join(',')}}`}::text[],
          ${b.transferNumber}, ${b.address}, ${JSON.stringify(b.answers)}::jsonb, ${JSON.stringify(b.openingHours)}::jsonb)`);
      for (const [i, s] of b.services.entries())
        await db.execute(sql`insert into services (id, business_id, name, synonyms, description, duration_minutes, price_cents, segments, grammatical_gender, plural, created_at)
          values (${HISTORIC_SALON.services[i]!.id}, ${HISTORIC_SALON.id}, ${s.name}, ${`{${s.synonyms.map((x) => `"${x}"`).join(',')}}`}::text[], ${s.description},
            ${s.durationMinutes}, ${s.priceCents}, ${JSON.stringify(s.segments)}::jsonb, ${s.grammaticalGender}, ${s.plural}, now() + ${`${i} seconds`}::interval)`);
      for (const [i, m] of b.staff.entries()) {
        const id = HISTORIC_SALON.staff[i]!.id;
        await db.execute(sql`insert into staff (id, business_id, name, aliases, working_hours, created_at)
          values (${id}, ${HISTORIC_SALON.id}, ${m.name}, ${`{${m.aliases.map((x) => `"${x}"`).join(',')}}`}::text[], ${JSON.stringify(m.workingHours)}::jsonb,
            now() + ${`${i} seconds`}::interval)`);
        for (const key of m.serviceKeys)
          await db.execute(sql`insert into staff_services values (${id}, ${HISTORIC_SALON.services.find((x) => x.key === key)!.id})`);
      }
      // Another business, set up by hand: two services whose names fold to the same key, a name with umlauts.
      await db.execute(
        sql`insert into businesses (id, slug, name, opening_hours) values ('00000000-0000-4000-8000-0000000000aa', 'von-hand', 'Von Hand', '{}'::jsonb)`,
      );
      await db.execute(sql`insert into services (business_id, name, duration_minutes, created_at) values
        ('00000000-0000-4000-8000-0000000000aa', 'Färben', 60, now()), ('00000000-0000-4000-8000-0000000000aa', 'FÄRBEN!', 60, now() + interval '1 second')`);
      await db.execute(sql`insert into staff (business_id, name, working_hours) values ('00000000-0000-4000-8000-0000000000aa', 'Dr. Jörg Weiß', '{}'::jsonb)`);
      await database.migrate();

      const keys = async (table: typeof services | typeof staff) =>
        (await db.select({ id: table.id, key: table.key, position: table.position }).from(table).orderBy(table.businessId, table.position)).map((r) => [
          r.key,
          r.position,
        ]);
      expect(await keys(services)).toEqual([['faerben', 0], ['faerben-2', 1], ...HISTORIC_SALON.services.map((s, i) => [s.key, i])]);
      expect(await keys(staff)).toEqual([['dr-joerg-weiss', 0], ...HISTORIC_SALON.staff.map((m, i) => [m.key, i])]);
      // The demo's files find the rows they describe: nothing to add, nothing to change.
      expect(await seedDemo(db, new Date())).toEqual([
        { slug: 'salon-haarmonie-berlin', outcome: 'unchanged' },
        { slug: 'praxis-dr-berger-berlin', outcome: 'applied' },
      ]);
    } finally {
      await database.close();
      rmSync(before, { recursive: true, force: true });
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
