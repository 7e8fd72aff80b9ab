import type { TestProject } from 'vitest/node';
import { createPostgresDatabase } from '../src/db/create-postgres.js';
import { createThrowawayDatabase, ensurePostgres } from './support/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
    postgresUrl: string;
  }
}

/** One throw-away, migrated Postgres database per test run; every test makes its own business inside it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await ensurePostgres();
  const throwaway = await createThrowawayDatabase(server);
  const database = createPostgresDatabase({ url: throwaway.url, poolMax: 2, statementTimeoutMs: 10_000 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  project.provide('postgresServerUrl', server);
  project.provide('postgresUrl', throwaway.url);
  return () => throwaway.drop();
}
