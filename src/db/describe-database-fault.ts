import { CannotCreateDatabaseError } from './ensure-postgres-database.js';
import { postgresTarget } from './postgres-target.js';

const shellQuote = (value: string) => (/^[A-Za-z0-9_.-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
const sqlIdentifier = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The driver's error, or one it wraps (drizzle wraps the errors of the queries it runs). */
function codeIn(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

/**
 * Why the configured Postgres cannot be used, in one line an operator can act on; null for any other error.
 * Built from the URL and the error's code alone: the driver's message may quote more than the operator needs,
 * and the password never appears.
 */
export function describeDatabaseFault(error: unknown, url: string): string | null {
  const { server, database, user } = postgresTarget(url);
  const [host, port] = [server.slice(0, server.lastIndexOf(':')), server.slice(server.lastIndexOf(':') + 1)];
  if (error instanceof CannotCreateDatabaseError) {
    return (
      `Database "${database}" does not exist on ${server}, and user "${user}" may not create it. ` +
      `Create it as a user who may (createdb -h ${host} -p ${port} -U postgres -O ${shellQuote(user)} ${shellQuote(database)}, ` +
      `or in SQL: CREATE DATABASE ${sqlIdentifier(database)} OWNER ${sqlIdentifier(user)};), then run termin-agent migrate again.`
    );
  }
  switch (codeIn(error)) {
    case '3D000':
      return `Database "${database}" does not exist on ${server}: run termin-agent migrate, which creates it.`;
    case 'ECONNREFUSED':
      return `Cannot reach Postgres at ${server} (connection refused): is the server running, and is DATABASE_URL right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach Postgres at ${server}: the host name does not resolve; check DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
      return `Cannot reach Postgres at ${server}: connecting timed out; check DATABASE_URL and the network.`;
    case '28P01':
      return `Postgres at ${server} refused user "${user}": wrong password in DATABASE_URL.`;
    case '28000':
      return `Postgres at ${server} refused user "${user}" for database "${database}": no such role, or pg_hba.conf does not allow it.`;
    case '57P03':
      return `Postgres at ${server} is starting up or shutting down; try again in a moment.`;
    default:
      return null;
  }
}
