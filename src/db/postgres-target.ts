/** Where a postgres:// URL points, for messages to the operator: never the password. */
export interface PostgresTarget {
  /** host:port as the driver dials it. */
  server: string;
  database: string;
  user: string;
}

/** Postgres's own defaults: port 5432, the database named like the user. */
export function postgresTarget(url: string): PostgresTarget {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || 'postgres';
  return {
    server: `${u.hostname || 'localhost'}:${u.port || '5432'}`,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || user,
    user,
  };
}

/** The same server and credentials, another database: the maintenance database to run CREATE DATABASE from. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
