import postgres from 'postgres';
import { postgresTarget, withDatabase } from './postgres-target.js';

/** The database named in the URL is missing, and its user may not create it. */
export class CannotCreateDatabaseError extends Error {
  constructor(
    readonly database: string,
    readonly user: string,
    readonly server: string,
  ) {
    super(`database "${database}" does not exist and user "${user}" may not create it`);
    this.name = 'CannotCreateDatabaseError';
  }
}

const DATABASE_MISSING = '3D000';
const DUPLICATE_DATABASE = '42P04';
const INSUFFICIENT_PRIVILEGE = '42501';

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    if (codeOf(error) === DATABASE_MISSING) return false;
    throw error;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * Creates the URL's database when the server has none of that name, from the server's maintenance database
 * (`postgres`; `template1` when that is the one missing) with the URL's own user, who then owns it. Answers
 * whether it created it. Several instances migrating at once may race here: a database created meanwhile is fine.
 */
export async function ensurePostgresDatabase(url: string): Promise<{ created: boolean; database: string }> {
  const target = postgresTarget(url);
  if (await canConnect(url)) return { created: false, database: target.database };
  const maintenance = postgres(withDatabase(url, target.database === 'postgres' ? 'template1' : 'postgres'), {
    max: 1,
    onnotice: () => {},
    connect_timeout: 10,
  });
  try {
    // sql(name) quotes the name as an identifier: "Termin-Neu", or one holding a quote, is created as written.
    await maintenance`create database ${maintenance(target.database)}`;
    return { created: true, database: target.database };
  } catch (error) {
    if (codeOf(error) === DUPLICATE_DATABASE) return { created: false, database: target.database };
    if (codeOf(error) === INSUFFICIENT_PRIVILEGE) throw new CannotCreateDatabaseError(target.database, target.user, target.server);
    throw error;
  } finally {
    await maintenance.end({ timeout: 2 });
  }
}
