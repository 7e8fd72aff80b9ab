import { inject } from 'vitest';
import { createPgliteDatabase } from '../../src/db/create-pglite.js';
import { createPostgresDatabase } from '../../src/db/create-postgres.js';
import type { Database } from '../../src/db/database.js';
import { createThrowawayDatabase } from './postgres.js';

/** The run's shared, migrated Postgres database (tests isolate themselves by creating their own business). */
export function openTestPostgres(poolMax = 10): Database {
  return createPostgresDatabase({ url: inject('postgresUrl'), poolMax, statementTimeoutMs: 10_000 });
}

/**
 * A migrated Postgres database of the suite's own, dropped on close. For suites whose operations reach every
 * business at once (the hold sweeper): in the shared database they would touch other files' calls mid-test.
 */
export async function openOwnPostgres(): Promise<Database> {
  const throwaway = await createThrowawayDatabase(inject('postgresServerUrl'), 'termin_own');
  const database = createPostgresDatabase({ url: throwaway.url, poolMax: 10, statementTimeoutMs: 10_000 });
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    await throwaway.drop();
    throw error;
  }
  return {
    ...database,
    async close() {
      await database.close();
      await throwaway.drop();
    },
  };
}

/** A fresh, migrated in-memory PGlite database. */
export async function openTestPglite(): Promise<Database> {
  const database = await createPgliteDatabase(null);
  await database.migrate();
  return database;
}

/** Both engines, for suites that must hold on each: `describe.each(engines)`. */
export const engines = [
  { name: 'postgres', open: async () => openTestPostgres() },
  { name: 'pglite', open: openTestPglite },
] as const;
