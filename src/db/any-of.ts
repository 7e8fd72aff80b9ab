import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `column = any($1::uuid[])`: a list of ids as one array parameter. `inArray` writes one placeholder per id, so
 * every list length is another statement text, and with prepared statements another statement kept on each
 * connection. Ids come from the database (uuids), never from callers' words.
 */
export function anyUuid(column: Column, ids: readonly string[]): SQL {
  return sql`${column} = any(${`{${ids.join(',')}}`}::uuid[])`;
}
