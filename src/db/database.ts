import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** The drizzle database both engines share: real Postgres through postgres.js, or embedded PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** Resolves when a trivial query succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Whether a trivial query succeeds; the readiness probe of both engines. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
