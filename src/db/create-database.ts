import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import { createPgliteDatabase } from './create-pglite.js';
import { createPostgresDatabase } from './create-postgres.js';

/** Opens the database the configuration names: real Postgres when DATABASE_URL is set, embedded PGlite otherwise. */
export async function createDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  const d = config.database;
  if (d.kind === 'postgres') return createPostgresDatabase(d);
  return createPgliteDatabase(resolve(d.dataDir, 'pglite'));
}
