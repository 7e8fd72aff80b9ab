import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema.js';
import { pingDb, type Database } from './database.js';
import { MIGRATIONS_FOLDER } from './migrations-folder.js';
import { lockDataDir } from './data-dir-lock.js';

/**
 * Embedded Postgres (PGlite, WASM) for the zero-setup single-process mode. `dataDir` null keeps it in memory.
 * PGlite has one connection; drizzle serialises transactions on it, which is what a single process needs.
 */
export async function createPgliteDatabase(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lock = dataDir ? lockDataDir(dataDir) : null;
  // btree_gist must be registered when PGlite starts, or CREATE EXTENSION in the migration fails.
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { btree_gist } }).catch((error: unknown) => {
    lock?.release();
    throw error;
  });
  const db = drizzle(client, { schema });
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    ping: () => pingDb(db),
    async close() {
      if (!client.closed) await client.close();
      lock?.release();
    },
  };
}
