import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import * as schema from './schema.js';
import { pingDb, type Database } from './database.js';
import { MIGRATIONS_FOLDER } from './migrations-folder.js';
import { withPreparedStatements } from './prepared-statements.js';

export interface PostgresOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
  /** Send queries as named prepared statements (default); off behind a transaction-mode pooler. */
  preparedStatements?: boolean;
}

// Arbitrary but fixed: every instance that migrates takes this session lock first, so N instances
// starting together apply each migration once.
const MIGRATION_LOCK_KEY = 7_413_020_611;

/** Connects to a real Postgres server (the multi-instance deployment). */
export function createPostgresDatabase(options: PostgresOptions): Database {
  const client = postgres(options.url, {
    max: options.poolMax,
    onnotice: () => {},
    connection: { statement_timeout: options.statementTimeoutMs, application_name: 'termin-agent' },
  });
  const db = drizzle(options.preparedStatements === false ? client : withPreparedStatements(client), { schema });
  return {
    db,
    kind: 'postgres',
    async migrate() {
      // A dedicated single connection, so the session-level advisory lock covers every migration statement.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migrate(drizzle(single, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    ping: () => pingDb(db),
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
