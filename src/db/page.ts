import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Where the previous page ended: the sort key (an instant, microsecond text) and the id that breaks ties. */
export interface PageKey {
  sortKey: string;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** The key to continue after, or null on the last page. */
  next: PageKey | null;
}

export type Direction = 'asc' | 'desc';

/** An instant as text with all of Postgres' microseconds: a JavaScript Date would round them away and skip rows. */
export function sortKeyText(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows strictly after `key` in (column, id) order. */
export function afterKey(column: AnyColumn, idColumn: AnyColumn, key: PageKey, direction: Direction, idType: 'uuid' | 'text'): SQL {
  const id = idType === 'uuid' ? sql`${key.id}::uuid` : sql`${key.id}::text`;
  return direction === 'desc'
    ? sql`(${column}, ${idColumn}) < (${key.sortKey}::timestamptz, ${id})`
    : sql`(${column}, ${idColumn}) > (${key.sortKey}::timestamptz, ${id})`;
}

/** Cuts the `limit + 1` rows a page query read into the page and the key to continue after. */
export function pageOf<T extends { id: string }>(rows: Array<T & { sortKey: string }>, limit: number): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(({ sortKey: _key, ...item }) => item as unknown as T),
    next: more && last ? { sortKey: last.sortKey, id: last.id } : null,
  };
}
